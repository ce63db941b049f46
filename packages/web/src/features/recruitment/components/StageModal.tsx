import {
  App,
  Button,
  DatePicker,
  Descriptions,
  Divider,
  Empty,
  Form,
  Input,
  List,
  Modal,
  Select,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { beijingTodayDayjs } from '../../../shared/utils/beijing-today';
import { useStageAction, useStages } from '../api';
import { StatusTag } from './StatusTag';

export interface StageTarget {
  applicationId: string;
  name: string;
}

const day = (d: Dayjs) => d.format('YYYY-MM-DD');

/**
 * One chosen applicant after the ranking: 体检 result, drop-out, 递补 from the ranking, and the
 * 公示 with its objections (recorded and resolved on the platform workflow's case).
 */
export function StageModal({ target, onClose }: { target: StageTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const stages = useStages(target?.applicationId ?? null);
  const action = useStageAction();
  const [resolution, setResolution] = useState('');

  const run = (name: string, body: unknown, after?: () => void) => {
    if (!target) return;
    action.mutate(
      { applicationId: target.applicationId, action: name, body },
      {
        onSuccess: () => {
          after?.();
          void message.success(t('recruitment.stage.done'));
          void stages.refetch();
        },
        onError: showError,
      },
    );
  };

  let content = <Skeleton active />;
  if (stages.isError) content = <QueryErrorAlert error={stages.error} />;
  else if (stages.data && target) {
    const s = stages.data;
    const chosen = ['shortlisted', 'medical_passed', 'publicized'].includes(s.status);
    content = (
      <Space direction="vertical" style={{ width: '100%' }} data-testid="stage-panel">
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={t('recruitment.review.status')}>
            <StatusTag status={s.status} />
          </Descriptions.Item>
          {s.medical ? (
            <Descriptions.Item label={t('recruitment.stage.medical')}>
              {t(`recruitment.stage.results.${s.medical.result}`, { defaultValue: s.medical.result })} · {s.medical.date} ·{' '}
              {s.medical.institution}
              {s.medical.note ? ` · ${s.medical.note}` : ''}
            </Descriptions.Item>
          ) : null}
          {s.drop ? (
            <Descriptions.Item label={t('recruitment.stage.drop')}>
              {t(`recruitment.stage.dropKinds.${s.drop.kind}`, { defaultValue: s.drop.kind })}：{s.drop.reason}
            </Descriptions.Item>
          ) : null}
          {s.replaces ? (
            <Descriptions.Item label={t('recruitment.stage.replacement')}>
              {t('recruitment.stage.replaces', { name: s.replaces.name, reason: s.replaces.reason })}
            </Descriptions.Item>
          ) : null}
          {s.replacedBy ? (
            <Descriptions.Item label={t('recruitment.stage.replacement')}>
              {t('recruitment.stage.replaced', { name: s.replacedBy.name })}
            </Descriptions.Item>
          ) : null}
          {s.publicity ? (
            <Descriptions.Item label={t('recruitment.stage.publicity')}>
              <Space wrap>
                <Tag>{t(`recruitment.stage.caseStatus.${s.publicity.status}`, { defaultValue: s.publicity.status })}</Tag>
                {s.publicity.noticeEndsOn ? t('recruitment.stage.noticeEndsOn', { date: s.publicity.noticeEndsOn }) : null}
              </Space>
            </Descriptions.Item>
          ) : null}
        </Descriptions>

        {s.status === 'shortlisted' ? (
          <>
            <Divider plain>{t('recruitment.stage.medical')}</Divider>
            <Form
              layout="vertical"
              data-testid="medical-form"
              initialValues={{ result: 'pass', date: beijingTodayDayjs() }}
              onFinish={(v: { result: string; date: Dayjs; institution: string; note?: string }) =>
                run('medical', { result: v.result, date: day(v.date), institution: v.institution, ...(v.note ? { note: v.note } : {}) })
              }
            >
              <Form.Item name="result" label={t('recruitment.stage.medicalResult')} rules={[{ required: true }]}>
                <Select
                  options={(['pass', 'fail', 'recheck'] as const).map((r) => ({ value: r, label: t(`recruitment.stage.results.${r}`) }))}
                />
              </Form.Item>
              <Form.Item name="date" label={t('recruitment.stage.medicalDate')} rules={[{ required: true }]}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="institution" label={t('recruitment.stage.institution')} rules={[{ required: true, whitespace: true }]}>
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item name="note" label={t('recruitment.stage.note')}>
                <Input.TextArea maxLength={500} rows={2} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={action.isPending}>
                {t('recruitment.stage.record')}
              </Button>
            </Form>
          </>
        ) : null}

        {s.publicity && (s.publicity.objections.length > 0 || s.publicity.canObject) ? (
          <>
            <Divider plain>{t('recruitment.stage.objections')}</Divider>
            <List
              size="small"
              data-testid="objection-list"
              locale={{ emptyText: t('recruitment.stage.noObjections') }}
              dataSource={s.publicity.objections}
              renderItem={(o) => (
                <List.Item>
                  <Space direction="vertical" style={{ width: '100%' }}>
                    <Space wrap>
                      <Tag color={o.status === 'open' ? 'warning' : 'default'}>
                        {t(`recruitment.stage.objectionStatus.${o.status}`, { defaultValue: o.status })}
                      </Tag>
                      <Typography.Text>{o.text}</Typography.Text>
                    </Space>
                    {o.resolution ? <Typography.Text type="secondary">{o.resolution}</Typography.Text> : null}
                    {o.status === 'open' && s.publicity?.canResolve ? (
                      <Space wrap>
                        <Input
                          placeholder={t('recruitment.stage.resolution')}
                          aria-label={t('recruitment.stage.resolution')}
                          value={resolution}
                          onChange={(e) => setResolution(e.target.value)}
                        />
                        <Button
                          disabled={!resolution.trim()}
                          onClick={() => run(`objections/${o.id}/resolve`, { uphold: false, resolution }, () => setResolution(''))}
                        >
                          {t('recruitment.stage.dismiss')}
                        </Button>
                        <Button
                          danger
                          disabled={!resolution.trim()}
                          onClick={() => run(`objections/${o.id}/resolve`, { uphold: true, resolution }, () => setResolution(''))}
                        >
                          {t('recruitment.stage.uphold')}
                        </Button>
                      </Space>
                    ) : null}
                  </Space>
                </List.Item>
              )}
            />
            {s.publicity.canObject ? (
              <Form
                layout="vertical"
                data-testid="objection-form"
                initialValues={{ receivedOn: beijingTodayDayjs() }}
                onFinish={(v: { raisedBy: string; content: string; receivedOn: Dayjs }) =>
                  run('objections', { raisedBy: v.raisedBy, content: v.content, receivedOn: day(v.receivedOn) })
                }
              >
                <Form.Item name="raisedBy" label={t('recruitment.stage.raisedBy')} rules={[{ required: true, whitespace: true }]}>
                  <Input maxLength={100} />
                </Form.Item>
                <Form.Item name="content" label={t('recruitment.stage.content')} rules={[{ required: true, whitespace: true }]}>
                  <Input.TextArea maxLength={2000} rows={2} />
                </Form.Item>
                <Form.Item name="receivedOn" label={t('recruitment.stage.receivedOn')} rules={[{ required: true }]}>
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
                <Button htmlType="submit" loading={action.isPending}>
                  {t('recruitment.stage.object')}
                </Button>
              </Form>
            ) : null}
          </>
        ) : null}

        {chosen ? (
          <>
            <Divider plain>{t('recruitment.stage.drop')}</Divider>
            <Form
              layout="vertical"
              data-testid="drop-form"
              initialValues={{ kind: 'gave_up' }}
              onFinish={(v: { kind: string; reason: string }) => run('drop', v)}
            >
              <Form.Item name="kind" label={t('recruitment.stage.dropKind')} rules={[{ required: true }]}>
                <Select
                  options={(['gave_up', 'withdrew'] as const).map((k) => ({ value: k, label: t(`recruitment.stage.dropKinds.${k}`) }))}
                />
              </Form.Item>
              <Form.Item name="reason" label={t('recruitment.stage.reason')} rules={[{ required: true, whitespace: true }]}>
                <Input maxLength={500} />
              </Form.Item>
              <Button danger htmlType="submit" loading={action.isPending}>
                {t('recruitment.stage.dropConfirm')}
              </Button>
            </Form>
          </>
        ) : null}

        {s.status === 'dropped' && !s.replacedBy ? (
          <>
            <Divider plain>{t('recruitment.stage.replacement')}</Divider>
            <Form layout="vertical" data-testid="replacement-form" onFinish={(v: { reason: string }) => run('replacement', v)}>
              <Typography.Paragraph type="secondary">{t('recruitment.stage.replacementHint')}</Typography.Paragraph>
              <Form.Item name="reason" label={t('recruitment.stage.reason')} rules={[{ required: true, whitespace: true }]}>
                <Input maxLength={500} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={action.isPending}>
                {t('recruitment.stage.replace')}
              </Button>
            </Form>
          </>
        ) : null}
        {!chosen && s.status !== 'dropped' && !s.publicity ? <Empty /> : null}
      </Space>
    );
  }

  return (
    <Modal
      open={target !== null}
      title={t('recruitment.stage.title', { name: target?.name ?? '' })}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
    >
      {content}
    </Modal>
  );
}
