import { PlayCircleOutlined } from '@ant-design/icons';
import { App, Button, Card, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import type { JobView } from '@zhenggong/core';
import { useJobs, useRunJob } from '../api';

const stateColor = { running: 'processing', succeeded: 'success', failed: 'warning', dead: 'error' } as const;
const when = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '—');

/** The system administrator's list of scheduled jobs: last run, state, error, next run, run now. */
export function JobsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const jobs = useJobs();
  /** The server describes schedules as `every 600s`, `daily 07:30`, `monthly day 1 02:00` (job-schedule.ts). */
  const scheduleText = (s: string): string => {
    const every = /^every (\d+)s$/.exec(s);
    if (every) {
      const n = Number(every[1]);
      return n >= 60 && n % 60 === 0 ? t('jobs.schedule.everyMin', { n: n / 60 }) : t('jobs.schedule.every', { n });
    }
    const daily = /^daily (\d\d:\d\d)$/.exec(s);
    if (daily) return t('jobs.schedule.daily', { at: daily[1] });
    const monthly = /^monthly day (\d+) (\d\d:\d\d)$/.exec(s);
    return monthly ? t('jobs.schedule.monthly', { day: monthly[1], at: monthly[2] }) : s;
  };
  const run = useRunJob();

  const columns: ColumnsType<JobView> = [
    {
      title: t('jobs.columns.name'),
      dataIndex: 'name',
      render: (name: string) => (
        <>
          {/* Job names hold dots, which i18next reads as nesting: looked up with underscores. */}
          <div>{t(`jobs.names.${name.replace(/\./g, '_')}`, { defaultValue: name })}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {name}
          </Typography.Text>
        </>
      ),
    },
    { title: t('jobs.columns.schedule'), dataIndex: 'schedule', render: (s: string) => scheduleText(s) },
    { title: t('jobs.columns.lastRun'), render: (_, j) => when(j.lastRun?.startedAt) },
    {
      title: t('jobs.columns.state'),
      render: (_, j) =>
        j.lastRun ? (
          <>
            <Tag color={stateColor[j.lastRun.state]}>{t(`jobs.state.${j.lastRun.state}`)}</Tag>
            {j.lastRun.attempt > 1 && (
              <Typography.Text type="secondary">{t('jobs.attempt', { attempt: j.lastRun.attempt })}</Typography.Text>
            )}
          </>
        ) : (
          <Tag>{t('jobs.state.never')}</Tag>
        ),
    },
    {
      title: t('jobs.columns.error'),
      render: (_, j) =>
        j.lastRun?.error ? (
          <Typography.Text type="danger" ellipsis={{ tooltip: j.lastRun.error }} style={{ maxWidth: 260 }}>
            {j.lastRun.error}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
    {
      title: t('jobs.columns.nextRun'),
      render: (_, j) => (j.lastRun?.nextAttemptAt ? t('jobs.retryAt', { at: when(j.lastRun.nextAttemptAt) }) : when(j.nextRunAt)),
    },
    {
      title: t('jobs.columns.actions'),
      render: (_, j) => (
        <Button
          size="small"
          icon={<PlayCircleOutlined />}
          loading={run.isPending && run.variables === j.name}
          onClick={() => run.mutate(j.name, { onSuccess: () => void message.success(t('jobs.ran')), onError: showError })}
        >
          {t('jobs.runNow')}
        </Button>
      ),
    },
  ];

  return (
    <Card title={t('jobs.title')}>
      {jobs.error ? <QueryErrorAlert error={jobs.error} onRetry={() => void jobs.refetch()} /> : null}
      <Table rowKey="name" columns={columns} dataSource={jobs.data?.items ?? []} loading={jobs.isLoading} pagination={false} />
    </Card>
  );
}
