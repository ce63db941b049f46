import type { ReasonView } from '@zhenggong/core';
import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** A reason trace: each rule with a tick or a cross and its words in the UI language. */
export function ReasonList({ reasons, testId }: { reasons: readonly ReasonView[]; testId?: string }) {
  const { i18n } = useTranslation();
  const zh = i18n.language.startsWith('zh');
  return (
    <Space direction="vertical" size={2} data-testid={testId}>
      {reasons.map((r, i) => (
        <Typography.Text key={`${r.rule}-${i}`} type={r.ok ? undefined : 'danger'}>
          {r.ok ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <CloseCircleTwoTone twoToneColor="#ff4d4f" />} {zh ? r.zh : r.en}
        </Typography.Text>
      ))}
    </Space>
  );
}
