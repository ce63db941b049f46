import { DatePicker, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { OrgTreeSelect } from '../../../shared/components/OrgTreeSelect';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { useCreateCoverage } from '../api';
import type { CoverageRequirement, TrainingKind } from '@zhenggong/core';
import { trainingKinds } from '../training-kinds';
import { TargetFields } from './TargetFields';

interface Values {
  title: string;
  orgId: string;
  period: [Dayjs, Dayjs];
  ruleKind: 'classes' | 'hours';
  classKinds?: TrainingKind[];
  minClasses?: number;
  minHours?: number;
  target?: { orgIds?: string[]; posts?: string[]; ranks?: string[]; levels?: string[] };
}

/** A coverage requirement: target group, period and what counts (classes of some kinds, or hours). */
export function CoverageCreateModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (r: CoverageRequirement) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateCoverage();
  const showError = useErrorMessage();
  const ruleKind = Form.useWatch('ruleKind', form);
  const submit = (v: Values) =>
    create.mutate(
      {
        title: v.title,
        orgId: v.orgId,
        periodStart: v.period[0].format('YYYY-MM-DD'),
        periodEnd: v.period[1].format('YYYY-MM-DD'),
        target: v.target ?? {},
        rule:
          v.ruleKind === 'hours'
            ? { kind: 'hours', minHours: v.minHours ?? 1 }
            : { kind: 'classes', classKinds: v.classKinds ?? [], minClasses: v.minClasses ?? 1 },
      },
      { onSuccess: (r) => (form.resetFields(), onCreated(r)), onError: showError },
    );
  return (
    <Modal
      title={t('training.coverage.create')}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
      width={560}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ ruleKind: 'classes', classKinds: ['rotation'], minClasses: 1, minHours: 40 }}
      >
        <Form.Item
          name="title"
          label={t('training.coverage.title')}
          rules={[{ required: true, message: t('common.required', { field: t('training.coverage.title') }) }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="orgId"
          label={t('training.coverage.org')}
          rules={[{ required: true, message: t('common.selectRequired', { field: t('training.coverage.org') }) }]}
        >
          <OrgTreeSelect />
        </Form.Item>
        <Form.Item
          name="period"
          label={t('training.coverage.period')}
          rules={[{ required: true, message: t('common.selectRequired', { field: t('training.coverage.period') }) }]}
        >
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="ruleKind" label={t('training.coverage.rule')}>
          <Radio.Group
            options={[
              { value: 'classes', label: t('training.coverage.ruleClasses') },
              { value: 'hours', label: t('training.coverage.ruleHours') },
            ]}
          />
        </Form.Item>
        {ruleKind === 'hours' ? (
          <Form.Item name="minHours" label={t('training.coverage.minHours')}>
            <InputNumber min={1} max={2000} />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="classKinds" label={t('training.coverage.classKinds')}>
              <Select
                mode="multiple"
                allowClear
                placeholder={t('training.coverage.anyKind')}
                options={trainingKinds.map((k) => ({ value: k, label: t(`training.kind.${k}`) }))}
              />
            </Form.Item>
            <Form.Item name="minClasses" label={t('training.coverage.minClasses')}>
              <InputNumber min={1} max={50} />
            </Form.Item>
          </>
        )}
        <TargetFields />
      </Form>
    </Modal>
  );
}
