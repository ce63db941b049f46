import { ArrowLeftOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Flex, Popconfirm, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { formatDateTime } from '../../../shared/utils/format';
import { useCancelExam, useExam, usePublishResults, useScheduleExam } from '../api';
import { ExamFormDrawer } from '../components/ExamFormDrawer';
import { ItemAnalysisTab } from '../components/ItemAnalysisTab';
import { MakeUpModal } from '../components/MakeUpModal';
import { ProctorTab } from '../components/ProctorTab';
import { StatsTab } from '../components/StatsTab';
import { displayStatus, STATUS_COLORS } from '../exam-format';

const TABS = ['proctor', 'stats', 'items'] as const;
type Tab = (typeof TABS)[number];

/** One exam: its settings, actions (schedule, cancel, make-up, publish) and the proctor / statistics / item-analysis tabs. */
export function ExamDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const showError = useErrorMessage();
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((x) => x === params.get('tab')) ?? 'proctor';
  const exam = useExam(id);
  const schedule = useScheduleExam();
  const cancel = useCancelExam();
  const publish = usePublishResults();
  const [dialog, setDialog] = useState<'edit' | 'makeUp' | null>(null);

  const run = (action: () => Promise<unknown>, done: string) => () =>
    action().then(
      () => void message.success(done),
      (error: unknown) => showError(error),
    );

  if (exam.isError) return <QueryErrorAlert error={exam.error} onRetry={() => void exam.refetch()} />;
  const data = exam.data;
  const status = data ? displayStatus(data) : 'draft';

  return (
    <Flex vertical gap={16} data-testid="exam-detail">
      <Card
        loading={exam.isPending}
        title={
          <Space wrap>
            <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('exams.detail.back')} onClick={() => navigate('/exams')} />
            <span>{data?.title}</span>
            {data && <Tag color={STATUS_COLORS[status]}>{t(`exams.status.${status}`)}</Tag>}
            {data?.resultsPublishedAt && <Tag color="green">{t('exams.detail.published')}</Tag>}
          </Space>
        }
        extra={
          data && (
            <Space wrap>
              {data.status === 'draft' && (
                <>
                  <Button onClick={() => setDialog('edit')}>{t('exams.detail.edit')}</Button>
                  <Popconfirm
                    title={t('exams.detail.scheduleConfirm')}
                    onConfirm={run(() => schedule.mutateAsync(id), t('exams.form.scheduled'))}
                  >
                    <Button type="primary" loading={schedule.isPending}>
                      {t('exams.detail.schedule')}
                    </Button>
                  </Popconfirm>
                </>
              )}
              {status === 'closed' && data.pendingManualCount > 0 && (
                <Button type="link" onClick={() => navigate('/exams/grading')}>
                  {t('exams.detail.pendingManual', { count: data.pendingManualCount })}
                </Button>
              )}
              {status === 'closed' && data.kind !== 'make_up' && (
                <Button onClick={() => setDialog('makeUp')}>{t('exams.detail.makeUp')}</Button>
              )}
              {status === 'closed' && !data.resultsPublishedAt && (
                <Popconfirm
                  title={t('exams.detail.publishConfirm')}
                  onConfirm={run(() => publish.mutateAsync(id), t('exams.detail.published'))}
                >
                  <Button type="primary" loading={publish.isPending} data-testid="publish-results">
                    {t('exams.detail.publishResults')}
                  </Button>
                </Popconfirm>
              )}
              {(data.status === 'draft' || status === 'scheduled') && (
                <Popconfirm title={t('exams.detail.cancelConfirm')} onConfirm={run(() => cancel.mutateAsync(id), t('common.success'))}>
                  <Button danger loading={cancel.isPending}>
                    {t('exams.detail.cancel')}
                  </Button>
                </Popconfirm>
              )}
            </Space>
          )
        }
      >
        {data && (
          <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
            <Descriptions.Item label={t('exams.fields.kind')}>{t(`exams.kind.${data.kind}`)}</Descriptions.Item>
            <Descriptions.Item label={t('exams.fields.org')}>{data.orgName}</Descriptions.Item>
            <Descriptions.Item label={t('exams.fields.paper')}>{data.paperTitle}</Descriptions.Item>
            <Descriptions.Item label={t('exams.fields.window')}>
              {formatDateTime(data.startsAt).slice(0, 16)} – {formatDateTime(data.endsAt).slice(0, 16)}
            </Descriptions.Item>
            <Descriptions.Item label={t('exams.fields.duration')}>{data.durationMinutes}</Descriptions.Item>
            <Descriptions.Item label={t('exams.fields.attempts')}>{data.attemptsAllowed}</Descriptions.Item>
            <Descriptions.Item label={t('exams.fields.passScore')}>{data.passScore}</Descriptions.Item>
            <Descriptions.Item label={`${t('exams.fields.submitted')} / ${t('exams.fields.examinees')}`}>
              {data.submittedCount} / {data.examineeCount}
            </Descriptions.Item>
            {data.resultsPublishedAt && (
              <Descriptions.Item label={t('exams.fields.published')}>
                <Typography.Text>{t('exams.detail.resultsPublished', { time: formatDateTime(data.resultsPublishedAt) })}</Typography.Text>
              </Descriptions.Item>
            )}
          </Descriptions>
        )}
      </Card>
      {data && data.status !== 'draft' && (
        <Card styles={{ body: { paddingTop: 0 } }}>
          <Tabs
            activeKey={tab}
            onChange={(key) => setParams({ tab: key }, { replace: true })}
            destroyOnHidden
            items={[
              { key: 'proctor', label: t('exams.detail.tabs.proctor'), children: <ProctorTab examId={id} live={status === 'open'} /> },
              { key: 'stats', label: t('exams.detail.tabs.stats'), children: <StatsTab examId={id} /> },
              { key: 'items', label: t('exams.detail.tabs.items'), children: <ItemAnalysisTab examId={id} /> },
            ]}
          />
        </Card>
      )}
      {dialog === 'edit' && data && <ExamFormDrawer exam={data} onClose={() => setDialog(null)} />}
      {dialog === 'makeUp' && data && <MakeUpModal exam={data} onClose={() => setDialog(null)} />}
    </Flex>
  );
}
