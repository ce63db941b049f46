import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  List,
  Modal,
  Row,
  Skeleton,
  Space,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { usePermission } from '../../../shared/auth/usePermission';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useDictLabel, type PersonDictCode } from '../../../shared/dicts/dict-api';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { downloadApplicationFile, recruitmentPath, useApplication, useReview } from '../api';
import { StatusTag } from '../components/StatusTag';
import { asFileCategory, eventReason } from '../types';

const DICTS: readonly PersonDictCode[] = ['education', 'political_status'];
const EVENTS = [
  'submit',
  'edit',
  'resubmit',
  'photo',
  'file',
  'file_delete',
  'approve',
  'reject',
  'ticket',
  'scores',
  'shortlist',
  'publicity',
  'hire',
] as const;
const isKnownEvent = (kind: string): kind is (typeof EVENTS)[number] => EVENTS.some((k) => k === kind);

/** One application for 资格审核: photo, files, facts; approve, or reject with a reason the applicant sees. */
export function ApplicationReviewPage() {
  const { t } = useTranslation();
  const fileCategoryLabel = (category: string) => {
    const known = asFileCategory(category);
    return known ? t(`recruitment.fileCategory.${known}`) : category;
  };
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const query = useApplication(id);
  const review = useReview(id);
  const canReview = usePermission('recruitment:review');
  const showError = useErrorMessage();
  const label = useDictLabel(DICTS);
  const [rejecting, setRejecting] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const [photoFailed, setPhotoFailed] = useState(false);

  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const app = query.data;
  const back = `/recruitment/announcements/${app.announcementId}?tab=review`;

  const approve = () =>
    review.mutate({ approve: true }, { onSuccess: () => void message.success(t('recruitment.review.approved')), onError: showError });
  const reject = (reason: string) =>
    review.mutate(
      { approve: false, reason: reason.trim() },
      {
        onSuccess: () => {
          setRejecting(false);
          void message.success(t('recruitment.review.rejected'));
        },
        onError: showError,
      },
    );

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="application-review">
      <Card
        title={
          <Space wrap>
            <Link to={back}>{app.announcementTitle ?? t('recruitment.title')}</Link>
            <span>/</span>
            <span>{app.name}</span>
            <StatusTag status={app.status} />
          </Space>
        }
        extra={
          canReview && app.status === 'submitted' ? (
            <Space>
              <Button danger onClick={() => setRejecting(true)}>
                {t('recruitment.review.reject')}
              </Button>
              <Button type="primary" onClick={approve} loading={review.isPending}>
                {t('recruitment.review.approve')}
              </Button>
            </Space>
          ) : null
        }
      >
        {app.status === 'rejected' && app.rejectReason ? (
          <Alert type="error" showIcon style={{ marginBottom: 16 }} message={`${t('recruitment.review.reason')}：${app.rejectReason}`} />
        ) : null}
        <Row gutter={24}>
          <Col flex="160px">
            {app.hasPhoto !== false && !photoFailed ? (
              <img
                src={recruitmentPath.photo(app.id)}
                alt={t('recruitment.review.photo')}
                onError={() => setPhotoFailed(true)}
                data-testid="staff-photo"
                style={{ width: 142, height: 198, objectFit: 'cover', border: '1px solid #d9d9d9', borderRadius: 4 }}
              />
            ) : (
              <div
                style={{
                  width: 142,
                  height: 198,
                  border: '1px dashed #d9d9d9',
                  display: 'flex',
                  alignItems: 'center',
                  justifyContent: 'center',
                }}
              >
                <Typography.Text type="secondary">{t('recruitment.review.noPhoto')}</Typography.Text>
              </div>
            )}
          </Col>
          <Col flex="auto">
            <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
              <Descriptions.Item label={t('recruitment.review.post')}>{app.postName}</Descriptions.Item>
              <Descriptions.Item label={t('recruitment.review.name')}>{app.name}</Descriptions.Item>
              <Descriptions.Item label={t('recruitment.review.idNumber')}>{app.idNumberMasked}</Descriptions.Item>
              <Descriptions.Item label={t('recruitment.review.sexAge')}>
                {app.sex === '1' || app.sex === '2' ? t(`recruitment.sex.${app.sex}`) : ''}{' '}
                {app.age != null ? t('recruitment.review.years', { age: app.age }) : ''}
              </Descriptions.Item>
              <Descriptions.Item label={t('recruitment.review.birthDate')}>{app.birthDate ?? ''}</Descriptions.Item>
              <Descriptions.Item label={t('recruitment.review.phone')}>
                {'phoneMasked' in app ? app.phoneMasked : app.phone}
              </Descriptions.Item>
              <Descriptions.Item label={t('recruitment.review.education')}>{label('education', app.education)}</Descriptions.Item>
              <Descriptions.Item label={t('recruitment.review.political')}>
                {label('political_status', app.politicalStatus)}
              </Descriptions.Item>
              <Descriptions.Item label={t('recruitment.review.household')}>{app.householdRegion}</Descriptions.Item>
              <Descriptions.Item label={t('recruitment.review.address')}>{app.address ?? ''}</Descriptions.Item>
              <Descriptions.Item label={t('recruitment.review.school')}>
                {[app.school, app.major].filter(Boolean).join(' · ')}
              </Descriptions.Item>
              <Descriptions.Item label={t('recruitment.review.ticket')}>{app.ticketNumber ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('recruitment.review.resume')} span={2}>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{app.resume ?? ''}</Typography.Paragraph>
              </Descriptions.Item>
            </Descriptions>
          </Col>
        </Row>
      </Card>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Card title={t('recruitment.review.files')} size="small">
            {app.files.length === 0 ? (
              <Empty description={t('recruitment.review.noFiles')} />
            ) : (
              <List
                size="small"
                dataSource={app.files}
                renderItem={(file) => (
                  <List.Item>
                    <Button
                      type="link"
                      size="small"
                      onClick={() => void downloadApplicationFile(app.id, file.id, file.name).catch(showError)}
                    >
                      {file.name}
                    </Button>
                    <Typography.Text type="secondary">{fileCategoryLabel(file.category)}</Typography.Text>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card title={t('recruitment.review.history')} size="small">
            {app.events?.length ? (
              <Timeline
                items={app.events.map((e) => ({
                  children: (
                    <span>
                      {new Date(e.at).toLocaleString()} · {isKnownEvent(e.kind) ? t(`recruitment.event.${e.kind}`) : e.kind}
                      {e.actor ? ` · ${e.actor === 'applicant' ? t('recruitment.event.byApplicant') : e.actor}` : ''}
                      {eventReason(e.detail) ? `：${eventReason(e.detail)}` : ''}
                    </span>
                  ),
                }))}
              />
            ) : (
              <Empty />
            )}
          </Card>
        </Col>
      </Row>
      {app.personId ? (
        <Button onClick={() => void navigate(`/personnel/${app.personId ?? ''}`)}>{t('recruitment.hire.openPerson')}</Button>
      ) : null}
      <Modal
        open={rejecting}
        title={t('recruitment.review.rejectTitle', { name: app.name })}
        onCancel={() => setRejecting(false)}
        onOk={() => form.submit()}
        okText={t('recruitment.review.reject')}
        okButtonProps={{ danger: true }}
        confirmLoading={review.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false} onFinish={(v) => reject(v.reason)}>
          <Form.Item
            name="reason"
            label={t('recruitment.review.reason')}
            extra={t('recruitment.review.reasonHint')}
            rules={[{ required: true, whitespace: true, message: t('recruitment.review.reasonRequired') }, { max: 500 }]}
          >
            <Input.TextArea rows={4} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
