import { CheckCircleOutlined, KeyOutlined, PlusOutlined, UsergroupAddOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Empty, Flex, Space, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../../../shared/auth/usePermission';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { useEnroll, useMarkAttendance, useRoster } from '../api';
import type { ClassDetail, RosterPerson } from '@zhenggong/core';
import { CompletionModal } from './CompletionModal';
import { AddSessionModal, SignInCodeModal } from './SessionModals';

/** Trainees × sessions: tick to mark attendance; select rows to confirm completion. */
export function AttendanceGrid({ cls }: { cls: ClassDetail }) {
  const { t } = useTranslation();
  const canWrite = usePermission('training:write');
  const roster = useRoster(cls.id);
  const enroll = useEnroll(cls.id);
  const mark = useMarkAttendance(cls.id);
  const showError = useErrorMessage();
  const { message } = App.useApp();
  const [selected, setSelected] = useState<string[]>([]);
  const [dialog, setDialog] = useState<'session' | 'code' | null>(null);
  const [confirming, setConfirming] = useState<RosterPerson[]>([]);
  if (roster.isError) return <QueryErrorAlert error={roster.error} onRetry={() => void roster.refetch()} />;
  const sessions = roster.data?.sessions ?? [];
  const people = roster.data?.people ?? [];
  return (
    <Flex vertical gap={12}>
      {canWrite && (
        <Space wrap>
          <Button
            icon={<UsergroupAddOutlined />}
            loading={enroll.isPending}
            onClick={() =>
              enroll.mutate(
                { fromTarget: true },
                { onSuccess: (r) => void message.success(t('training.detail.enrolled', { count: r.added })), onError: showError },
              )
            }
          >
            {t('training.detail.enrollTarget')}
          </Button>
          <Button icon={<PlusOutlined />} onClick={() => setDialog('session')}>
            {t('training.detail.addSession')}
          </Button>
          <Button icon={<KeyOutlined />} disabled={cls.sessions.length === 0} onClick={() => setDialog('code')}>
            {t('training.detail.openSignIn')}
          </Button>
          <Button
            type="primary"
            icon={<CheckCircleOutlined />}
            disabled={selected.length === 0}
            onClick={() => setConfirming(people.filter((p) => selected.includes(p.personId) && p.status === 'enrolled'))}
          >
            {t('training.detail.confirm', { count: selected.length })}
          </Button>
        </Space>
      )}
      <Table<RosterPerson>
        rowKey="personId"
        size="small"
        bordered
        scroll={{ x: 'max-content' }}
        loading={roster.isPending}
        dataSource={people}
        data-testid="attendance-grid"
        pagination={{ pageSize: 50, showTotal: (total) => t('common.total', { total }) }}
        locale={{ emptyText: <Empty /> }}
        rowSelection={
          canWrite
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys as string[]),
                getCheckboxProps: (p) => ({ disabled: p.status === 'completed' }),
              }
            : undefined
        }
        columns={[
          { key: 'name', title: t('training.coverage.name'), dataIndex: 'name', fixed: 'left' },
          { key: 'org', title: t('training.coverage.unit'), dataIndex: 'orgName' },
          ...sessions.map((s) => ({
            key: s.id,
            title: (
              <Tooltip title={`${s.date} ${s.title}`}>
                <div style={{ lineHeight: 1.3 }}>
                  {s.date.slice(5)} · {s.hours}h
                  <br />
                  <span style={{ fontWeight: 'normal', fontSize: 12 }}>{s.title}</span>
                </div>
              </Tooltip>
            ),
            align: 'center' as const,
            render: (_: unknown, p: RosterPerson) => {
              const cell = p.attendance[s.id];
              return (
                <Space size={2}>
                  <Checkbox
                    aria-label={`${p.name} ${s.date} ${s.title}`}
                    checked={cell?.present === true}
                    disabled={!canWrite || p.status === 'completed' || mark.isPending}
                    onChange={(e) =>
                      mark.mutate([{ sessionId: s.id, personId: p.personId, present: e.target.checked }], { onError: showError })
                    }
                  />
                  {cell?.method === 'code' && <Tag style={{ marginInlineEnd: 0 }}>{t('training.detail.byCode')}</Tag>}
                </Space>
              );
            },
          })),
          {
            key: 'rate',
            title: t('training.detail.rate'),
            align: 'right',
            render: (_, p) => (p.sessions ? `${p.rate}%` : t('common.empty')),
          },
          { key: 'hours', title: t('training.detail.hours'), align: 'right', render: (_, p) => p.hoursEarned ?? p.hours },
          {
            key: 'status',
            title: t('training.detail.status'),
            render: (_, p) =>
              p.status === 'completed' ? (
                <Tag color="success">{t('training.detail.statusCompleted')}</Tag>
              ) : p.meetsThreshold ? (
                <Tag color="processing">{t('training.detail.eligible')}</Tag>
              ) : (
                <Tag>{t('training.detail.notEligible')}</Tag>
              ),
          },
        ]}
      />
      {sessions.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('training.detail.noSessions')} />}
      <AddSessionModal cls={cls} open={dialog === 'session'} onClose={() => setDialog(null)} />
      <SignInCodeModal cls={cls} open={dialog === 'code'} onClose={() => setDialog(null)} />
      <CompletionModal
        classId={cls.id}
        threshold={roster.data?.threshold ?? 80}
        people={confirming}
        onClose={(done) => {
          setConfirming([]);
          if (done) setSelected([]);
        }}
      />
    </Flex>
  );
}
