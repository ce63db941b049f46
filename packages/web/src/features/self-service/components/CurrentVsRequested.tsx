import { Skeleton, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { hasKey } from '../../../shared/utils/has-key';
import { useCurrentValues } from '../api';
import { useValueText } from '../correction-values';
import { selfServiceZhCN } from '../locales';
import type { OwnProfileResponse, PendingCorrection } from '@zhenggong/core';

function recorded(profile: OwnProfileResponse, field: string): string | null {
  if (field === 'formerNames') return profile.formerNames.join('、');
  if (field === 'phone') return profile.phoneMasked;
  return hasKey(profile, field) ? (profile[field] as string | null) : null; // why: correctable fields are string columns of the profile
}

/** Side by side: what the record says now and what the person asks for. */
export function CurrentVsRequested({ request, maskPhone }: { request: PendingCorrection; maskPhone: boolean }) {
  const { t } = useTranslation();
  const valueText = useValueText(maskPhone);
  const current = useCurrentValues(request.personId, true);
  if (current.isPending) return <Skeleton active paragraph={{ rows: 2 }} />;
  if (current.isError) return <QueryErrorAlert error={current.error} onRetry={() => void current.refetch()} />;
  const rows = Object.entries(request.changes).map(([field, value]) => ({
    field,
    label: hasKey(selfServiceZhCN.fields, field) ? t(`selfService.fields.${field}`) : field,
    before: valueText(field, recorded(current.data, field)) || t('common.empty'),
    after: valueText(field, value),
  }));
  return (
    <Table
      rowKey="field"
      size="small"
      pagination={false}
      dataSource={rows}
      style={{ maxWidth: 720 }}
      columns={[
        { title: t('selfService.review.field'), dataIndex: 'label', width: 140 },
        { title: t('selfService.review.currentValue'), dataIndex: 'before' },
        { title: t('selfService.review.requestedValue'), dataIndex: 'after', render: (value: string) => <strong>{value}</strong> },
      ]}
    />
  );
}
