import type { DueItem } from '@zhenggong/core';
import { Button, Card, DatePicker, Grid, Input, List, Select, Space, Table, Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OrgTreeSelect } from '../../../shared/components/OrgTreeSelect';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { downloadRoster, useDueList, type DueFilter } from '../api';
import { PersonDrawer } from '../components/PersonDrawer';
import { ReasonList } from '../components/ReasonList';

const statusColor: Record<string, string> = { eligible: 'green', not_yet: 'default', blocked: 'red' };

/** 晋升到期提醒: who falls due this month on each track, with the reason trace; a row opens the person. */
export function DuePage() {
  const { t } = useTranslation();
  const showError = useErrorMessage();
  const [filter, setFilter] = useState<DueFilter>({ month: dayjs().format('YYYY-MM'), status: 'all', page: 1, pageSize: 20 });
  const [open, setOpen] = useState<string | null>(null);
  const due = useDueList(filter);
  // On a phone a table hides the reasons off screen: each person becomes a card instead.
  const narrow = !Grid.useBreakpoint().md;
  const set = (patch: Partial<DueFilter>) => setFilter((f) => ({ ...f, page: 1, ...patch }));
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <DatePicker
          picker="month"
          allowClear={false}
          value={dayjs(`${filter.month}-01`)}
          onChange={(d) => d && set({ month: d.format('YYYY-MM') })}
          aria-label={t('cadres.due.month')}
          data-testid="due-month"
        />
        <Select
          style={{ width: 150 }}
          value={filter.track ?? 'all'}
          onChange={(v: 'all' | 'grade' | 'tech' | 'rank') => set({ track: v === 'all' ? undefined : v })}
          options={(['all', 'grade', 'tech', 'rank'] as const).map((k) => ({ value: k, label: t(`cadres.due.tracks.${k}`) }))}
          aria-label={t('cadres.due.track')}
        />
        <Select
          style={{ width: 110 }}
          value={filter.status}
          onChange={(v) => set({ status: v })}
          options={(['all', 'eligible', 'blocked'] as const).map((k) => ({ value: k, label: t(`cadres.due.statuses.${k}`) }))}
          aria-label={t('cadres.due.status')}
        />
        <OrgTreeSelect
          value={filter.orgId}
          onChange={(v) => set({ orgId: v })}
          allowClear
          placeholder={t('cadres.due.unit')}
          style={{ width: 200 }}
        />
        <Input.Search
          allowClear
          placeholder={t('cadres.due.keyword')}
          onSearch={(v) => set({ keyword: v || undefined })}
          style={{ width: 180 }}
        />
        <Button onClick={() => void downloadRoster(filter.orgId).catch(showError)}>{t('cadres.due.roster')}</Button>
      </Space>
      {due.error && <QueryErrorAlert error={due.error} onRetry={() => void due.refetch()} />}
      {narrow ? (
        <List<DueItem>
          loading={due.isFetching}
          dataSource={due.data?.items ?? []}
          data-testid="due-table"
          pagination={{
            current: filter.page,
            pageSize: filter.pageSize,
            total: due.data?.total ?? 0,
            size: 'small',
            onChange: (page, pageSize) => setFilter((f) => ({ ...f, page, pageSize })),
          }}
          renderItem={(r) => (
            <List.Item className="ant-table-row" style={{ padding: '4px 0' }}>
              <Card
                size="small"
                style={{ width: '100%' }}
                onClick={() => setOpen(r.personId)}
                title={`${r.name} · ${r.orgName}`}
                extra={<Tag color={statusColor[r.eligibility.status]}>{t(`cadres.due.${r.eligibility.status}`)}</Tag>}
              >
                <div style={{ marginBottom: 4 }}>
                  {t(`cadres.due.tracks.${r.eligibility.track}`)}：{r.eligibility.fromName} → {r.eligibility.toName} ·{' '}
                  {r.eligibility.dueDate ?? '—'}
                </div>
                <ReasonList
                  reasons={r.eligibility.reasons
                    .filter((x) => !x.ok || x.rule === 'YEARS' || x.rule === 'PERIOD')
                    .concat(r.quota && !r.quota.ok ? [r.quota] : [])}
                />
              </Card>
            </List.Item>
          )}
        />
      ) : (
        <Table<DueItem>
          rowKey={(r) => `${r.personId}-${r.eligibility.track}`}
          loading={due.isFetching}
          dataSource={due.data?.items ?? []}
          scroll={{ x: 900 }}
          data-testid="due-table"
          onRow={(r) => ({ onClick: () => setOpen(r.personId), style: { cursor: 'pointer' } })}
          pagination={{
            current: filter.page,
            pageSize: filter.pageSize,
            total: due.data?.total ?? 0,
            showSizeChanger: true,
            onChange: (page, pageSize) => setFilter((f) => ({ ...f, page, pageSize })),
          }}
          columns={[
            { title: t('cadres.due.name'), dataIndex: 'name', fixed: 'left', width: 90 },
            { title: t('cadres.due.unit'), dataIndex: 'orgName', width: 140 },
            { title: t('cadres.due.track'), key: 'track', width: 110, render: (_, r) => t(`cadres.due.tracks.${r.eligibility.track}`) },
            { title: t('cadres.due.from'), key: 'from', width: 110, render: (_, r) => r.eligibility.fromName },
            { title: t('cadres.due.to'), key: 'to', width: 110, render: (_, r) => r.eligibility.toName },
            { title: t('cadres.due.dueDate'), key: 'due', width: 110, render: (_, r) => r.eligibility.dueDate ?? '—' },
            {
              title: t('cadres.due.state'),
              key: 'state',
              width: 110,
              render: (_, r) => (
                <Space size={4} wrap>
                  <Tag color={statusColor[r.eligibility.status]}>{t(`cadres.due.${r.eligibility.status}`)}</Tag>
                  {r.quota && !r.quota.ok && (
                    <Tooltip title={r.quota.zh}>
                      <Tag color="orange">{t('cadres.due.quota')}</Tag>
                    </Tooltip>
                  )}
                  {r.openCaseId && <Tag color="blue">{t('cadres.due.caseOpen')}</Tag>}
                </Space>
              ),
            },
            {
              title: t('cadres.due.reasons'),
              key: 'reasons',
              render: (_, r) => (
                <ReasonList
                  reasons={r.eligibility.reasons
                    .filter((x) => !x.ok || x.rule === 'YEARS' || x.rule === 'PERIOD')
                    .concat(r.quota && !r.quota.ok ? [r.quota] : [])}
                />
              ),
            },
          ]}
        />
      )}
      <PersonDrawer personId={open} onClose={() => setOpen(null)} />
    </>
  );
}
