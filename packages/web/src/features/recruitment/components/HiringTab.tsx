import { Alert, App, Button, Empty, Popconfirm, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { usePermission } from '../../../shared/auth/usePermission';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { usePublicity, useRanking, useShortlist } from '../api';
import type { Announcement, RankEntry, RankingGroup } from '../types';
import { HireModal, type HireTarget } from './HireModal';
import { StageModal, type StageTarget } from './StageModal';
import { StatusTag } from './StatusTag';

/**
 * Ranked list per post (advice only: staff tick the shortlist themselves), then 体检, publicity
 * (公示, with objections) and, person by person, the hire; a drop-out is replaced from the ranking (递补).
 */
export function HiringTab({ announcement }: { announcement: Announcement }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const canHire = usePermission('recruitment:hire');
  const showError = useErrorMessage();
  const ranking = useRanking(announcement.id);
  const shortlist = useShortlist(announcement.id);
  const publicity = usePublicity(announcement.id);
  const [selected, setSelected] = useState<string[]>([]);
  const [managing, setManaging] = useState<StageTarget | null>(null);
  const [hiring, setHiring] = useState<HireTarget | null>(null);
  const [hired, setHired] = useState<{ personId: string; orgId: string } | null>(null);

  if (ranking.isPending) return <Skeleton active />;
  if (ranking.isError) return <QueryErrorAlert error={ranking.error} onRetry={() => void ranking.refetch()} />;
  const { posts: groups, weights, gatePass } = ranking.data;
  const gate = (value: number | null, isGate: boolean) =>
    value === null ? '—' : isGate ? (value >= gatePass ? t('recruitment.ranking.pass') : t('recruitment.ranking.fail')) : value;
  const passed = groups.flatMap((g) => g.entries).filter((e) => e.status === 'medical_passed').length;
  const STAGED = new Set(['shortlisted', 'medical_passed', 'publicized', 'dropped']);
  const postOrg = (postId: string) => announcement.posts.find((p) => p.id === postId)?.orgId;

  const columns = (group: RankingGroup) => [
    { title: t('recruitment.ranking.rank'), dataIndex: 'rank', width: 70, render: (rank: number | null) => rank ?? '—' },
    { title: t('recruitment.review.name'), dataIndex: 'name' },
    { title: t('recruitment.review.ticket'), dataIndex: 'ticketNumber' },
    { title: t('recruitment.scores.written'), dataIndex: 'written', align: 'right' as const, render: (v: number | null) => v ?? '—' },
    { title: t('recruitment.scores.interview'), dataIndex: 'interview', align: 'right' as const, render: (v: number | null) => v ?? '—' },
    {
      title: t('recruitment.scores.physical'),
      dataIndex: 'physical',
      align: 'right' as const,
      render: (v: number | null) => gate(v, weights.physicalGate),
    },
    {
      title: t('recruitment.scores.background'),
      dataIndex: 'background',
      align: 'right' as const,
      render: (v: number | null) => gate(v, weights.backgroundGate),
    },
    {
      title: t('recruitment.ranking.total'),
      dataIndex: 'total',
      align: 'right' as const,
      render: (total: number | null, e: RankEntry) => (
        <Space size={4}>
          <Typography.Text strong>{total ?? '—'}</Typography.Text>
          {!e.eligible ? <Tag color="warning">{t('recruitment.ranking.ineligible')}</Tag> : null}
        </Space>
      ),
    },
    { title: t('recruitment.review.status'), dataIndex: 'status', render: (_: unknown, e: RankEntry) => <StatusTag status={e.status} /> },
    ...(canHire
      ? [
          {
            title: t('recruitment.common.actions'),
            render: (_: unknown, e: RankEntry) => (
              <Space size={4}>
                {STAGED.has(e.status) ? (
                  <Button size="small" onClick={() => setManaging({ applicationId: e.applicationId, name: e.name })}>
                    {t('recruitment.stage.manage')}
                  </Button>
                ) : null}
                {e.status === 'publicized' ? (
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => setHiring({ applicationId: e.applicationId, name: e.name, orgId: postOrg(group.postId) })}
                  >
                    {t('recruitment.hire.action')}
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Alert type="info" showIcon message={t('recruitment.ranking.advice')} />
      {hired ? (
        <Alert
          type="success"
          showIcon
          data-testid="hire-done"
          message={t('recruitment.hire.done')}
          action={
            <Space>
              <Link to={`/personnel/${hired.personId}`}>{t('recruitment.hire.openPerson')}</Link>
              <Link to={`/personnel?orgId=${hired.orgId}`}>{t('recruitment.hire.openUnit')}</Link>
            </Space>
          }
        />
      ) : null}
      {groups.length === 0 ? <Empty /> : null}
      {groups.map((group) => (
        <div key={group.postId} data-testid="ranking-group">
          <Typography.Title level={5}>
            {group.postName}{' '}
            <Typography.Text type="secondary">{t('recruitment.ranking.headcount', { count: group.headcount })}</Typography.Text>
          </Typography.Title>
          <Table<RankEntry>
            size="small"
            rowKey="applicationId"
            dataSource={group.entries}
            pagination={false}
            scroll={{ x: 900 }}
            columns={columns(group)}
            rowSelection={
              canHire
                ? {
                    selectedRowKeys: selected,
                    onChange: (keys) => {
                      const inGroup = new Set(group.entries.map((e) => e.applicationId));
                      setSelected((prev) => [...prev.filter((k) => !inGroup.has(k)), ...keys.map(String)]);
                    },
                    getCheckboxProps: (e) => ({ disabled: e.status !== 'approved' }),
                  }
                : undefined
            }
          />
        </div>
      ))}
      {canHire ? (
        <Space wrap>
          <Popconfirm
            title={t('recruitment.ranking.shortlistConfirm', { count: selected.length })}
            disabled={selected.length === 0}
            onConfirm={() =>
              shortlist.mutate(selected, {
                onSuccess: (r) => {
                  setSelected([]);
                  void message.success(t('recruitment.ranking.shortlisted', { count: r.shortlisted }));
                },
                onError: showError,
              })
            }
          >
            <Button type="primary" disabled={selected.length === 0} loading={shortlist.isPending}>
              {t('recruitment.ranking.shortlist', { count: selected.length })}
            </Button>
          </Popconfirm>
          <Popconfirm
            title={t('recruitment.publicity.confirm', { count: passed })}
            disabled={passed === 0}
            onConfirm={() =>
              publicity.mutate(undefined, {
                onSuccess: (r) => void message.success(t('recruitment.publicity.done', { count: r.publicized })),
                onError: showError,
              })
            }
          >
            <Button disabled={passed === 0} loading={publicity.isPending}>
              {t('recruitment.publicity.publish')}
            </Button>
          </Popconfirm>
          {announcement.publicity ? (
            <Typography.Text type="secondary">
              {t('recruitment.publicity.current', { from: announcement.publicity.from, until: announcement.publicity.until })}
            </Typography.Text>
          ) : null}
        </Space>
      ) : null}
      <StageModal target={managing} onClose={() => setManaging(null)} />
      <HireModal target={hiring} onClose={() => setHiring(null)} onHired={(personId, orgId) => setHired({ personId, orgId })} />
    </Space>
  );
}
