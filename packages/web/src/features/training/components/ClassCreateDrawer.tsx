import { App, Button, DatePicker, Drawer, Form, Input, InputNumber, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { OrgTreeSelect } from '../../../shared/components/OrgTreeSelect';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { useCreateClass } from '../api';
import type { ClassDetail, TrainingKind } from '@zhenggong/core';
import { trainingKinds } from '../training-kinds';
import { TargetFields } from './TargetFields';

interface Values {
  title: string;
  kind: TrainingKind;
  orgId: string;
  dates: [Dayjs, Dayjs];
  place?: string;
  plannedHours: number;
  capacity?: number;
  threshold: number;
  description?: string;
  target?: { orgIds?: string[]; posts?: string[]; ranks?: string[]; levels?: string[] };
}

/** The class plan: title, kind, organiser, dates, place, hours, capacity and target group. */
export function ClassCreateDrawer({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (c: ClassDetail) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateClass();
  const showError = useErrorMessage();
  const { message } = App.useApp();
  const submit = (v: Values) =>
    create.mutate(
      {
        title: v.title,
        kind: v.kind,
        orgId: v.orgId,
        startDate: v.dates[0].format('YYYY-MM-DD'),
        endDate: v.dates[1].format('YYYY-MM-DD'),
        plannedHours: v.plannedHours,
        threshold: v.threshold,
        ...(v.place ? { place: v.place } : {}),
        ...(v.capacity ? { capacity: v.capacity } : {}),
        ...(v.description ? { description: v.description } : {}),
        target: v.target ?? {},
      },
      {
        onSuccess: (c) => {
          void message.success(t('common.success'));
          form.resetFields();
          onCreated(c);
        },
        onError: showError,
      },
    );
  return (
    <Drawer
      title={t('training.cls.create')}
      open={open}
      onClose={onClose}
      width={560}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'rotation', plannedHours: 16, threshold: 80 }}>
        <Form.Item
          name="title"
          label={t('training.cls.title')}
          rules={[{ required: true, message: t('common.required', { field: t('training.cls.title') }) }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="kind" label={t('training.cls.kind')} rules={[{ required: true }]}>
          <Select options={trainingKinds.map((k) => ({ value: k, label: t(`training.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item
          name="orgId"
          label={t('training.cls.org')}
          rules={[{ required: true, message: t('common.selectRequired', { field: t('training.cls.org') }) }]}
        >
          <OrgTreeSelect />
        </Form.Item>
        <Form.Item
          name="dates"
          label={t('training.cls.dates')}
          rules={[{ required: true, message: t('common.selectRequired', { field: t('training.cls.dates') }) }]}
        >
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="place" label={t('training.cls.place')}>
          <Input maxLength={200} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="plannedHours" label={t('training.cls.plannedHours')} rules={[{ required: true }]}>
            <InputNumber min={1} max={2000} />
          </Form.Item>
          <Form.Item name="capacity" label={t('training.cls.capacity')}>
            <InputNumber min={1} />
          </Form.Item>
          <Form.Item name="threshold" label={t('training.cls.threshold')}>
            <InputNumber min={0} max={100} />
          </Form.Item>
        </Space>
        <Form.Item name="description" label={t('training.cls.description')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <TargetFields />
      </Form>
    </Drawer>
  );
}
