import { Button, Flex, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../../../shared/auth/usePermission';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useReminders, useUniformsDue } from '../api';
import { OfficerDrawer } from '../components/OfficerDrawer';
import { RenewModal } from '../components/RenewModal';
import { asContractKind, type Reminder } from '../types';

/** The to-do list (待办) of contracts ending soon, and uniform issues falling due. */
export function RemindersPage() {
  const { t } = useTranslation();
  const kindLabel = (k: string) => {
    const kind = asContractKind(k);
    return kind ? t(`auxiliary.detail.kinds.${kind}`) : k;
  };
  const [days, setDays] = useState<number | undefined>(undefined);
  const reminders = useReminders(days);
  const uniforms = useUniformsDue();
  const canWrite = usePermission('auxiliary:write');
  const [renewing, setRenewing] = useState<Reminder | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const window = reminders.data?.days ?? days ?? 0;
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center">
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('auxiliary.reminders.title', { days: window })}
        </Typography.Title>
        <Space>
          {t('auxiliary.reminders.window')}
          <InputNumber min={1} max={730} value={days ?? reminders.data?.days} onChange={(v) => setDays(v ?? undefined)} />
        </Space>
      </Flex>
      {reminders.isError && <QueryErrorAlert error={reminders.error} onRetry={() => void reminders.refetch()} />}
      <Table<Reminder>
        data-testid="aux-reminders"
        rowKey="personId"
        size="small"
        loading={reminders.isFetching}
        dataSource={reminders.data?.items}
        locale={{ emptyText: t('auxiliary.reminders.empty') }}
        pagination={false}
        columns={[
          {
            title: t('auxiliary.officers.name'),
            dataIndex: 'name',
            render: (name: string, r) => (
              <Button type="link" size="small" onClick={() => setOpen(r.personId)}>
                {name}
              </Button>
            ),
          },
          { title: t('auxiliary.officers.org'), dataIndex: 'orgName' },
          {
            title: t('auxiliary.detail.kind'),
            dataIndex: 'kind',
            render: (k: Reminder['kind'], r) => (
              <Space size={4} wrap>
                {k ? kindLabel(k) : <Tag>{t('auxiliary.reminders.recordOnly')}</Tag>}
                {r.openEndedRight && <Tag color="purple">{t('auxiliary.reminders.openEndedRight')}</Tag>}
              </Space>
            ),
          },
          { title: t('auxiliary.detail.start'), dataIndex: 'startDate' },
          { title: t('auxiliary.detail.end'), dataIndex: 'endDate' },
          {
            title: t('auxiliary.reminders.daysLeft'),
            dataIndex: 'daysLeft',
            render: (d: number) =>
              d < 0 ? (
                <Tag color="red">{t('auxiliary.reminders.overdue', { days: -d })}</Tag>
              ) : (
                <Tag color="orange">{t('auxiliary.reminders.left', { days: d })}</Tag>
              ),
          },
          {
            title: t('common.actions'),
            render: (_: unknown, r) =>
              canWrite && r.contractId ? (
                <Button size="small" type="primary" ghost onClick={() => setRenewing(r)}>
                  {t('auxiliary.detail.renew')}
                </Button>
              ) : null,
          },
        ]}
      />
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('auxiliary.reminders.uniformsTitle')}
      </Typography.Title>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={uniforms.data}
        columns={[
          { title: t('auxiliary.officers.name'), dataIndex: 'name' },
          { title: t('auxiliary.officers.org'), dataIndex: 'orgName' },
          { title: t('auxiliary.detail.item'), dataIndex: 'item' },
          { title: t('auxiliary.detail.size'), dataIndex: 'size' },
          { title: t('auxiliary.detail.nextDue'), dataIndex: 'nextDueDate' },
        ]}
      />
      {renewing && (
        <RenewModal
          contractId={renewing.contractId ?? ''}
          name={renewing.name}
          kind={renewing.openEndedRight ? 'open_ended' : (asContractKind(renewing.kind) ?? 'fixed')}
          openEndedRight={renewing.openEndedRight}
          onClose={() => setRenewing(null)}
        />
      )}
      {open && <OfficerDrawer id={open} onClose={() => setOpen(null)} />}
    </Flex>
  );
}
