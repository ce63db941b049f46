import { CheckCircleTwoTone, EditOutlined, LoginOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Modal, Progress, Rate, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { useEvaluate, useSignIn } from '../api';
import type { MyClass } from '@zhenggong/core';

/** One of my classes on a phone: dates, my attendance, sign-in with the code, evaluation. */
export function MyClassCard({ c }: { c: MyClass }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<'sign' | 'eval' | null>(null);
  const signOpen = c.sessions.some((s) => s.signInOpen && !s.present);
  return (
    <Card
      size="small"
      title={<Typography.Text strong>{c.title}</Typography.Text>}
      extra={
        <Tag color={c.status === 'completed' ? 'success' : 'processing'}>
          {c.status === 'completed' ? t('training.detail.statusCompleted') : t('training.detail.statusEnrolled')}
        </Tag>
      }
      data-testid="my-class"
    >
      <Space direction="vertical" size={4} style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          {t(`training.kind.${c.kind}`)} · {c.orgName}
        </Typography.Text>
        <Typography.Text>
          {c.startDate} ~ {c.endDate}
          {c.place ? ` · ${c.place}` : ''}
        </Typography.Text>
        {c.sessionCount > 0 && (
          <>
            <Typography.Text>{t('training.my.attendance', { attended: c.attended, total: c.sessionCount })}</Typography.Text>
            <Progress percent={c.rate} size="small" />
          </>
        )}
        {c.hoursEarned !== null && (
          <Typography.Text>
            <CheckCircleTwoTone twoToneColor="#52c41a" /> {t('training.my.hoursEarned', { hours: c.hoursEarned })}
          </Typography.Text>
        )}
        <Space wrap style={{ marginTop: 4 }}>
          <Button type={signOpen ? 'primary' : 'default'} icon={<LoginOutlined />} onClick={() => setDialog('sign')} size="large">
            {t('training.my.signIn')}
          </Button>
          <Button icon={<EditOutlined />} disabled={c.evaluated} onClick={() => setDialog('eval')} size="large">
            {c.evaluated ? t('training.my.evaluated') : t('training.my.evaluate')}
          </Button>
        </Space>
      </Space>
      <SignInModal classId={c.id} open={dialog === 'sign'} onClose={() => setDialog(null)} />
      <EvaluateModal classId={c.id} open={dialog === 'eval'} onClose={() => setDialog(null)} />
    </Card>
  );
}

function SignInModal({ classId, open, onClose }: { classId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ code: string }>();
  const signIn = useSignIn();
  const showError = useErrorMessage();
  const { message } = App.useApp();
  return (
    <Modal
      title={t('training.my.signInTitle')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={signIn.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        onFinish={(v) =>
          signIn.mutate(
            { classId, code: v.code },
            {
              onSuccess: (r) => {
                void message.success(t('training.my.signedIn', { title: (r as { title: string }).title }));
                onClose();
              },
              onError: showError,
            },
          )
        }
      >
        <Form.Item name="code" rules={[{ required: true, pattern: /^[0-9]{6}$/, message: t('training.my.signInCode') }]}>
          <Input
            inputMode="numeric"
            maxLength={6}
            placeholder={t('training.my.signInCode')}
            size="large"
            style={{ fontSize: 28, letterSpacing: 8, textAlign: 'center' }}
            autoFocus
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function EvaluateModal({ classId, open, onClose }: { classId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ content: number; teaching: number; organisation: number; comment?: string }>();
  const evaluate = useEvaluate();
  const showError = useErrorMessage();
  const { message } = App.useApp();
  return (
    <Modal
      title={t('training.my.evaluateTitle')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={evaluate.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('training.my.evaluateHint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ content: 5, teaching: 5, organisation: 5 }}
        onFinish={(v) =>
          evaluate.mutate(
            { classId, ...v, ...(v.comment ? {} : { comment: undefined }) },
            { onSuccess: () => (void message.success(t('common.success')), onClose()), onError: showError },
          )
        }
      >
        {(['content', 'teaching', 'organisation'] as const).map((k) => (
          <Form.Item key={k} name={k} label={t(`training.evaluation.${k}`)}>
            <Rate />
          </Form.Item>
        ))}
        <Form.Item name="comment" label={t('training.my.comment')}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
