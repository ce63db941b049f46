import { Alert, App, Button, Card, Descriptions, Popconfirm, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { downloadTicket, useAnnouncement, useMyApplication, useResubmit, useScores } from '../api';
import { EDUCATION_OPTIONS, POLITICAL_OPTIONS, codeLabel } from '../codes';
import { DivisionName } from '../components/DivisionCascader';
import { DocumentUploads } from '../components/DocumentUploads';
import { PhotoUpload } from '../components/PhotoUpload';
import { RequireApplicant } from '../components/RequireApplicant';
import { ApplicantSteps } from '../components/ApplicantSteps';
import { StatusTag } from '../components/StatusTag';
import { stepOfApplication } from '../applicant-step';
import { showDate, showTime } from '../format';
import { asApplicationStatus, type ApplicationDetail, type ScoreResult } from '../types';

export function PortalApplicationPage() {
  return (
    <RequireApplicant>
      <ApplicationView />
    </RequireApplicant>
  );
}

const AFTER_APPROVAL = new Set(['approved', 'shortlisted', 'medical_passed', 'publicized', 'hired', 'dropped']);

function ApplicationView() {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en-US';
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const { id = '' } = useParams();
  const query = useMyApplication(id);
  const resubmit = useResubmit(id);
  // The application carries no deadline; the re-apply hint takes it from the announcement.
  const announcement = useAnnouncement(query.data?.announcementId);
  const [downloading, setDownloading] = useState(false);

  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const app: ApplicationDetail = query.data;
  const editable = app.status === 'rejected' || (app.status === 'submitted' && !app.reviewedAt);
  const approved = AFTER_APPROVAL.has(app.status);

  const ticket = async () => {
    setDownloading(true);
    try {
      await downloadTicket(app.id);
    } catch (error) {
      showError(error);
    } finally {
      setDownloading(false);
    }
  };

  return (
    <div data-testid="portal-application">
      <Link to="/portal/applications">‹ {t('portal.mine.title')}</Link>
      <h1 className="portal-page-title" style={{ marginTop: 8 }}>
        {app.announcementTitle}
      </h1>
      <ApplicationSteps app={app} approved={approved} />
      <Card size="small">
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <Typography.Text strong>{app.postName}</Typography.Text>
            <StatusTag status={app.status} />
          </Space>
          {app.status === 'rejected' ? (
            <Alert
              type="error"
              showIcon
              data-testid="reject-reason"
              message={`${t('portal.application.reason')}：${app.rejectReason ?? ''}`}
              description={t('portal.application.rejectedHint', { until: showDate(announcement.data?.applyUntil) || '—' })}
            />
          ) : app.status === 'submitted' ? (
            <Alert type="info" showIcon message={t('portal.application.submittedHint')} />
          ) : app.status === 'approved' ? (
            <Alert type="success" showIcon message={t('portal.application.approvedHint')} />
          ) : app.status === 'shortlisted' || app.status === 'medical_passed' || app.status === 'publicized' || app.status === 'hired' ? (
            <Alert type="success" showIcon message={t(`portal.application.${app.status}Hint`)} />
          ) : app.status === 'dropped' ? (
            <Alert
              type="warning"
              showIcon
              data-testid="drop-reason"
              message={`${t('portal.application.droppedReason')}：${app.rejectReason ?? ''}`}
            />
          ) : null}
          {editable ? (
            <div className="portal-actions">
              <Link to={`/portal/applications/${app.id}/edit`}>
                <Button size="large">{t('portal.application.edit')}</Button>
              </Link>
              {app.status === 'rejected' ? (
                <Popconfirm
                  title={t('portal.application.resubmitConfirm')}
                  onConfirm={() =>
                    resubmit.mutate(undefined, {
                      onSuccess: () => void message.success(t('portal.application.resubmitted')),
                      onError: showError,
                    })
                  }
                >
                  <Button type="primary" size="large" loading={resubmit.isPending}>
                    {t('portal.application.resubmit')}
                  </Button>
                </Popconfirm>
              ) : null}
            </div>
          ) : null}
        </Space>
      </Card>

      <Card size="small" title={t('portal.application.photo')}>
        <PhotoUpload applicationId={app.id} editable={editable} />
      </Card>

      <Card size="small" title={t('portal.application.info')}>
        <Descriptions size="small" column={1} data-testid="application-info">
          <Descriptions.Item label={t('portal.apply.name')}>{app.name}</Descriptions.Item>
          <Descriptions.Item label={t('portal.apply.idNumber')}>{app.idNumberMasked}</Descriptions.Item>
          {app.sex === '1' || app.sex === '2' ? (
            <Descriptions.Item label={t('portal.apply.sex')}>{t(`portal.sex.${app.sex}`)}</Descriptions.Item>
          ) : null}
          {app.birthDate ? <Descriptions.Item label={t('portal.apply.birthDate')}>{app.birthDate}</Descriptions.Item> : null}
          <Descriptions.Item label={t('portal.apply.phone')}>{app.phone}</Descriptions.Item>
          <Descriptions.Item label={t('portal.apply.education')}>{codeLabel(EDUCATION_OPTIONS, app.education, english)}</Descriptions.Item>
          <Descriptions.Item label={t('portal.apply.political')}>
            {codeLabel(POLITICAL_OPTIONS, app.politicalStatus, english)}
          </Descriptions.Item>
          <Descriptions.Item label={t('portal.apply.household')}>
            <DivisionName code={app.householdRegion} />
          </Descriptions.Item>
          {app.address ? <Descriptions.Item label={t('portal.apply.address')}>{app.address}</Descriptions.Item> : null}
          <Descriptions.Item label={t('portal.mine.submittedAt')}>{showTime(app.submittedAt)}</Descriptions.Item>
          {app.reviewedAt ? <Descriptions.Item label={t('portal.mine.reviewedAt')}>{showTime(app.reviewedAt)}</Descriptions.Item> : null}
        </Descriptions>
      </Card>

      <Card size="small" title={t('portal.application.files')}>
        <DocumentUploads applicationId={app.id} files={app.files ?? []} editable={editable} />
      </Card>

      {approved ? (
        <Card size="small" title={t('portal.application.ticket')}>
          {app.ticketNumber ? (
            <Space direction="vertical">
              <Typography.Text strong data-testid="ticket-number">
                {t('portal.application.ticketNumber', { number: app.ticketNumber })}
              </Typography.Text>
              <Button type="primary" onClick={() => void ticket()} loading={downloading}>
                {t('portal.application.ticketDownload')}
              </Button>
            </Space>
          ) : (
            <Typography.Text type="secondary">{t('portal.application.ticketNotYet')}</Typography.Text>
          )}
        </Card>
      ) : null}

      {approved ? <ScoresCard id={app.id} /> : null}

      <Link to={`/portal/announcements/${app.announcementId}/publicity`}>{t('portal.application.publicity')} ›</Link>
    </div>
  );
}

/**
 * Physical and background: the server's verdict when the item is a pass/fail gate (the same rule
 * as the staff ranking), otherwise the score itself.
 */
function gate(value: ScoreResult['physical'], passed: ScoreResult['physicalGate'], labels: { pass: string; fail: string }): string {
  if (passed === true) return labels.pass;
  if (passed === false) return labels.fail;
  return value === null || value === undefined ? '—' : String(value);
}

function ScoresCard({ id }: { id: string }) {
  const { t } = useTranslation();
  const scores = useScores(id, true);
  const labels = { pass: t('portal.application.pass'), fail: t('portal.application.fail') };
  return (
    <Card size="small" title={t('portal.application.scores')}>
      {scores.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : scores.isError || !scores.data ? (
        <Typography.Text type="secondary">{t('portal.application.scoresNotYet')}</Typography.Text>
      ) : (
        <Descriptions size="small" column={2} data-testid="portal-scores">
          <Descriptions.Item label={t('portal.application.written')}>{scores.data.written ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('portal.application.interview')}>{scores.data.interview ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('portal.application.physical')}>
            {gate(scores.data.physical, scores.data.physicalGate, labels)}
          </Descriptions.Item>
          <Descriptions.Item label={t('portal.application.background')}>
            {gate(scores.data.background, scores.data.backgroundGate, labels)}
          </Descriptions.Item>
          <Descriptions.Item label={t('portal.application.total')}>
            <Typography.Text strong>{scores.data.total ?? '—'}</Typography.Text>
          </Descriptions.Item>
          {scores.data.rank != null ? <Descriptions.Item label={t('portal.application.rank')}>{scores.data.rank}</Descriptions.Item> : null}
        </Descriptions>
      )}
    </Card>
  );
}

/** The step guide for this application; scores (once out) move it from 准考证 to 成绩. */
function ApplicationSteps({ app, approved }: { app: ApplicationDetail; approved: boolean }) {
  const scores = useScores(app.id, approved);
  const hasScores = scores.data?.total != null || scores.data?.written != null;
  return <ApplicantSteps {...stepOfApplication({ status: asApplicationStatus(app.status), fileCount: app.files.length, hasScores })} />;
}
