import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { hasKey } from '../../../shared/utils/has-key';
import { useValueText } from '../correction-values';
import { selfServiceZhCN } from '../locales';

/** "政治面貌：中国共产党党员" lines of a correction request. */
export function ChangesList({ changes, maskPhone = false }: { changes: Record<string, string>; maskPhone?: boolean }) {
  const { t } = useTranslation();
  const valueText = useValueText(maskPhone);
  return (
    <ul style={{ margin: 0, paddingInlineStart: 16 }}>
      {Object.entries(changes).map(([field, value]) => (
        <li key={field}>
          <Typography.Text type="secondary">
            {hasKey(selfServiceZhCN.fields, field) ? t(`selfService.fields.${field}`) : field}
            {t('selfService.colon')}
          </Typography.Text>
          {valueText(field, value)}
        </li>
      ))}
    </ul>
  );
}
