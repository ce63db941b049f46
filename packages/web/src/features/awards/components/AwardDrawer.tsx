import { Alert, Button, DatePicker, Descriptions, Drawer, Form, Input, Space, Switch, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { usePermission } from '../../../shared/auth/usePermission';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { downloadApprovalForm, useAward, useDecide, useDeliver } from '../api';

/** One award case: deeds, review, approving organ, decision (文号) and delivery (送奖到家). */
export function AwardDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const award = useAward(id);
  const decide = useDecide(id ?? '');
  const deliver = useDeliver(id ?? '');
  const showError = useErrorMessage();
  const canDecide = usePermission('awards:approve');
  const canDeliver = usePermission('awards:nominate');
  const a = award.data;
  return (
    <Drawer open={id !== null} onClose={onClose} title={t('awards.detail.title')} width={Math.min(640, window.innerWidth)} destroyOnHidden>
      {award.error ? <QueryErrorAlert error={award.error} /> : null}
      {a && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('awards.list.recipients')}>
              {a.subjects.map((s) => `${s.name}（${s.orgName}）`).join('、')}
            </Descriptions.Item>
            <Descriptions.Item label={t('awards.list.level')}>
              <Tag color="gold">{a.level}</Tag> {a.title}
            </Descriptions.Item>
            <Descriptions.Item label={t('awards.list.status')}>{t(`awards.status.${a.status}`)}</Descriptions.Item>
            <Descriptions.Item label={t('awards.detail.deed')}>
              {a.deedTitle}（{a.deedDate}）<div style={{ whiteSpace: 'pre-wrap' }}>{a.deedSummary}</div>
            </Descriptions.Item>
            <Descriptions.Item label={t('awards.detail.review')}>
              <div>{a.reviewDemocratic}</div>
              <div>{a.reviewCollective}</div>
            </Descriptions.Item>
            <Descriptions.Item label={t('awards.list.approver')}>
              {a.approverName}
              <div style={{ color: '#888' }}>{a.approverBasis}</div>
            </Descriptions.Item>
            <Descriptions.Item label={t('awards.detail.notice')}>
              {a.needsNotice ? t('awards.detail.noticeYes') : t('awards.detail.noticeNo')}
            </Descriptions.Item>
            <Descriptions.Item label={t('awards.detail.bonus')}>{a.bonusYuan}</Descriptions.Item>
            {a.exception && (
              <Descriptions.Item label={t('awards.detail.exception')}>
                {a.exception.reason}（{a.exception.allowedBy}）
                {a.overridden.map((o) => (
                  <div key={o.code} style={{ color: '#888' }}>
                    {o.zh}
                  </div>
                ))}
              </Descriptions.Item>
            )}
            {a.decisionNo && (
              <Descriptions.Item label={t('awards.detail.decisionNo')}>
                {a.issuer} {a.decisionNo}（{a.decisionDate}）
              </Descriptions.Item>
            )}
            {a.delivery && (
              <Descriptions.Item label={t('awards.detail.deliver')}>
                {t('awards.detail.delivered', {
                  on: a.delivery.on,
                  by: a.delivery.by,
                  how: a.delivery.atHome ? t('awards.detail.home') : t('awards.detail.ceremony'),
                })}
              </Descriptions.Item>
            )}
          </Descriptions>
          <Space wrap>
            <Button onClick={() => void downloadApprovalForm(a.id).catch(showError)}>{t('awards.detail.docx')}</Button>
            {a.caseId && <Link to={`/todo?case=${a.caseId}`}>{t('awards.detail.openCase')}</Link>}
          </Space>
          {a.status === 'approved' && canDecide && (
            <Form
              layout="vertical"
              data-testid="decision-form"
              initialValues={{ decisionDate: dayjs() }}
              onFinish={(v: { decisionNo: string; decisionDate: Dayjs; issuer: string }) =>
                void decide
                  .mutateAsync({ decisionNo: v.decisionNo, decisionDate: v.decisionDate.format('YYYY-MM-DD'), issuer: v.issuer })
                  .catch(showError)
              }
            >
              <Alert type="info" message={t('awards.detail.decide')} style={{ marginBottom: 12 }} />
              <Form.Item name="decisionNo" label={t('awards.detail.decisionNo')} rules={[{ required: true }]}>
                <Input />
              </Form.Item>
              <Form.Item name="decisionDate" label={t('awards.detail.decisionDate')} rules={[{ required: true }]}>
                <DatePicker />
              </Form.Item>
              <Form.Item name="issuer" label={t('awards.detail.issuer')} rules={[{ required: true }]}>
                <Input />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={decide.isPending}>
                {t('awards.detail.decide')}
              </Button>
            </Form>
          )}
          {a.status === 'decided' && !a.delivery && canDeliver && (
            <Form
              layout="vertical"
              data-testid="delivery-form"
              initialValues={{ deliveredOn: dayjs(), atHome: false }}
              onFinish={(v: { deliveredOn: Dayjs; deliveredBy: string; atHome: boolean }) =>
                void deliver
                  .mutateAsync({ deliveredOn: v.deliveredOn.format('YYYY-MM-DD'), deliveredBy: v.deliveredBy, atHome: v.atHome })
                  .catch(showError)
              }
            >
              <Form.Item name="deliveredOn" label={t('awards.detail.deliveredOn')} rules={[{ required: true }]}>
                <DatePicker />
              </Form.Item>
              <Form.Item name="deliveredBy" label={t('awards.detail.deliveredBy')} rules={[{ required: true }]}>
                <Input />
              </Form.Item>
              <Form.Item name="atHome" label={t('awards.detail.atHome')} valuePropName="checked">
                <Switch />
              </Form.Item>
              <Button htmlType="submit" loading={deliver.isPending}>
                {t('awards.detail.deliver')}
              </Button>
            </Form>
          )}
        </Space>
      )}
    </Drawer>
  );
}
