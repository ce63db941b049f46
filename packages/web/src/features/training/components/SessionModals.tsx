import { App, DatePicker, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { useAddSession, useOpenSignIn } from '../api';
import type { ClassDetail } from '@zhenggong/core';

/** Adds one session (课次) of the class: a day, a subject, its hours. */
export function AddSessionModal({ cls, open, onClose }: { cls: ClassDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ date: Dayjs; title: string; hours: number }>();
  const add = useAddSession(cls.id);
  const showError = useErrorMessage();
  return (
    <Modal
      title={t('training.detail.addSession')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={add.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ date: dayjs(cls.startDate), hours: 4 }}
        onFinish={(v) =>
          add.mutate(
            { date: v.date.format('YYYY-MM-DD'), title: v.title, hours: v.hours },
            { onSuccess: () => (form.resetFields(), onClose()), onError: showError },
          )
        }
      >
        <Form.Item name="date" label={t('training.detail.sessionDate')} rules={[{ required: true }]}>
          <DatePicker disabledDate={(d) => d.isBefore(dayjs(cls.startDate), 'day') || d.isAfter(dayjs(cls.endDate), 'day')} />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('training.detail.sessionTitle')}
          rules={[{ required: true, message: t('common.required', { field: t('training.detail.sessionTitle') }) }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="hours" label={t('training.detail.sessionHours')} rules={[{ required: true }]}>
          <InputNumber min={1} max={24} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Opens a sign-in window and shows the code large enough to project in a classroom. */
export function SignInCodeModal({ cls, open, onClose }: { cls: ClassDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ sessionId: string; minutes: number }>();
  const openSignIn = useOpenSignIn(cls.id);
  const showError = useErrorMessage();
  const { message } = App.useApp();
  const [shown, setShown] = useState<{ code: string; closesAt: string }>();
  const close = () => (setShown(undefined), onClose());
  return (
    <Modal
      title={t('training.detail.openSignIn')}
      open={open}
      onCancel={close}
      onOk={() => (shown ? close() : form.submit())}
      okText={shown ? t('common.close') : t('common.ok')}
      confirmLoading={openSignIn.isPending}
      cancelButtonProps={shown ? { style: { display: 'none' } } : {}}
      destroyOnHidden
    >
      {shown ? (
        <div style={{ textAlign: 'center' }}>
          <Typography.Text type="secondary">{t('training.detail.signInCode')}</Typography.Text>
          <div data-testid="sign-in-code" style={{ fontSize: 56, fontWeight: 600, letterSpacing: 12, fontFamily: 'monospace' }}>
            {shown.code}
          </div>
          <Typography.Text>{t('training.detail.signInUntil', { time: dayjs(shown.closesAt).format('HH:mm') })}</Typography.Text>
        </div>
      ) : (
        <Form
          form={form}
          layout="vertical"
          initialValues={{ sessionId: cls.sessions[0]?.id, minutes: 15 }}
          onFinish={(v) =>
            openSignIn.mutate(v, { onSuccess: (r) => (setShown(r), void message.success(t('common.success'))), onError: showError })
          }
        >
          <Form.Item name="sessionId" label={t('training.detail.sessions')} rules={[{ required: true }]}>
            <Select options={cls.sessions.map((s) => ({ value: s.id, label: `${s.date} ${s.title}` }))} />
          </Form.Item>
          <Form.Item name="minutes" label={t('training.detail.signInMinutes')} rules={[{ required: true }]}>
            <InputNumber min={1} max={240} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
