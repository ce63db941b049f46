import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Table, Tabs, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../../../shared/auth/usePermission';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { RECORD_SPECS, snakeCase, type RecordFieldSpec } from '../record-specs';
import { RECORD_KINDS, useDeleteRecord, type RecordKind } from '../records-api';
import type { PersonHistory } from '../types';
import { RecordFormModal } from './RecordFormModal';

type Row = { id: string } & Record<string, unknown>;

/** 简历 / 家庭成员 / 学历 / 奖励 / 惩处, each a small table with add and delete (personnel:write). */
export function RecordTabs({ personId, history }: { personId: string; history: PersonHistory }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const canWrite = usePermission('personnel:write');
  const [active, setActive] = useState<RecordKind>('resume');
  const [adding, setAdding] = useState<RecordKind | null>(null);
  const remove = useDeleteRecord(personId);

  const cell = (spec: RecordFieldSpec, value: unknown): string => {
    if (value === null || value === undefined || value === '')
      return spec.key === 'endDate' && spec.input === 'month' ? t('personnel.records.present') : t('common.empty');
    if (typeof value === 'boolean') return value ? t('personnel.records.fullTime') : t('personnel.records.partTime');
    return String(value);
  };

  const columnsOf = (kind: RecordKind): TableColumnsType<Row> => [
    ...RECORD_SPECS[kind].map((spec) => ({
      key: spec.key,
      title: t(`personnel.records.fields.${spec.label}`),
      width: spec.column?.width,
      ellipsis: spec.input === 'textarea' ? { showTitle: true } : undefined,
      render: (_value: unknown, row: Row) => cell(spec, row[snakeCase(spec.key)]),
    })),
    ...(canWrite
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            width: 64,
            render: (_value: unknown, row: Row) => (
              <Popconfirm
                title={t('personnel.records.deleteConfirm')}
                description={t('personnel.records.deleteHint')}
                okText={t('common.delete')}
                okButtonProps={{ danger: true }}
                cancelText={t('common.cancel')}
                onConfirm={() =>
                  remove.mutateAsync({ kind, recordId: row.id }).then(
                    () => void message.success(t('common.success')),
                    (error: unknown) => showError(error),
                  )
                }
              >
                <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card size="small" styles={{ body: { paddingTop: 0 } }}>
      <Tabs
        activeKey={active}
        onChange={(key) => setActive(key as RecordKind)} // why: keys are the RECORD_KINDS given below
        tabBarExtraContent={
          canWrite ? (
            <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(active)}>
              {t('personnel.actions.add')}
            </Button>
          ) : undefined
        }
        items={RECORD_KINDS.map((kind) => {
          const rows: Row[] = history[kind];
          return {
            key: kind,
            label: `${t(`personnel.records.tabs.${kind}`)}${rows.length > 0 ? ` (${rows.length})` : ''}`,
            children: (
              <Table<Row> rowKey="id" size="small" columns={columnsOf(kind)} dataSource={rows} pagination={false} scroll={{ y: 320 }} />
            ),
          };
        })}
      />
      {adding && <RecordFormModal personId={personId} kind={adding} onClose={() => setAdding(null)} />}
    </Card>
  );
}
