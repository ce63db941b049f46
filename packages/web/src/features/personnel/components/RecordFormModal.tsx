import { App, AutoComplete, Col, DatePicker, Form, Input, InputNumber, Modal, Radio, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { RECORD_SPECS, type RecordFieldSpec } from '../record-specs';
import { useAddRecord, type RecordBody, type RecordKind } from '../records-api';

type FormValue = string | boolean | number | Dayjs | null | undefined;

/** Month inputs send `YYYY-MM` (the API takes `YYYY-MM` or `YYYY-MM-DD`). */
function toBody(specs: readonly RecordFieldSpec[], values: Record<string, FormValue>): RecordBody {
  const body: RecordBody = {};
  for (const spec of specs) {
    const value = values[spec.key];
    if (value === undefined || value === null) continue;
    if (typeof value === 'boolean' || typeof value === 'number') body[spec.key] = value;
    else if (typeof value === 'string') {
      if (value.trim()) body[spec.key] = value.trim();
    } else body[spec.key] = value.format(spec.input === 'month' ? 'YYYY-MM' : 'YYYY-MM-DD');
  }
  return body;
}

interface RecordFormModalProps {
  personId: string;
  kind: RecordKind;
  onClose: () => void;
}

/** Add one 简历 / 家庭成员 / 学历 / 奖励 / 惩处 record. */
export function RecordFormModal({ personId, kind, onClose }: RecordFormModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const [form] = Form.useForm<Record<string, FormValue>>();
  const add = useAddRecord(personId);
  const specs = RECORD_SPECS[kind];

  const onFinish = (values: Record<string, FormValue>) =>
    add.mutate(
      { kind, body: toBody(specs, values) },
      {
        onSuccess: () => {
          message.success(t('common.success'));
          onClose();
        },
        onError: showError,
      },
    );

  const input = (spec: RecordFieldSpec) => {
    switch (spec.input) {
      case 'month':
        return <DatePicker picker="month" style={{ width: '100%' }} disabledDate={(date) => date.isAfter(dayjs(), 'month')} />;
      case 'date':
        return <DatePicker style={{ width: '100%' }} disabledDate={(date) => date.isAfter(dayjs(), 'day')} />;
      case 'textarea':
        return <Input.TextArea rows={3} maxLength={spec.max} showCount />;
      case 'number':
        return <InputNumber min={1} max={spec.max} precision={0} style={{ width: '100%' }} />;
      case 'suggest':
        return <AutoComplete maxLength={spec.max} options={spec.suggestions?.map((value) => ({ value }))} filterOption />;
      case 'fullTime':
        return (
          <Radio.Group
            options={[
              { value: true, label: t('personnel.records.fullTime') },
              { value: false, label: t('personnel.records.partTime') },
            ]}
          />
        );
      default:
        return <Input maxLength={spec.max} />;
    }
  };

  return (
    <Modal
      open
      title={t('personnel.records.addTitle', { kind: t(`personnel.records.tabs.${kind}`) })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={add.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
      width={640}
    >
      <Form
        form={form}
        name={`record-${kind}`}
        layout="vertical"
        onFinish={onFinish}
        initialValues={kind === 'education' ? { fullTime: true } : {}}
      >
        <Row gutter={16}>
          {specs.map((spec) => {
            const label = t(`personnel.records.fields.${spec.label}`);
            const endRule =
              spec.key === 'endDate'
                ? [
                    ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
                      validator: (_rule: unknown, value: Dayjs | null | undefined) => {
                        const start = getFieldValue('startDate') ?? getFieldValue('date');
                        return value && dayjs.isDayjs(start) && value.isBefore(start)
                          ? Promise.reject(new Error(t('personnel.records.endAfterStart')))
                          : Promise.resolve();
                      },
                    }),
                  ]
                : [];
            return (
              <Col key={spec.key} span={spec.input === 'textarea' ? 24 : 12}>
                <Form.Item
                  label={label}
                  name={spec.key}
                  dependencies={spec.key === 'endDate' ? ['startDate', 'date'] : undefined}
                  rules={[
                    ...(spec.required
                      ? [
                          spec.input === 'fullTime'
                            ? { required: true, type: 'boolean' as const, message: t('common.selectRequired', { field: label }) }
                            : spec.input === 'month' || spec.input === 'date'
                              ? // A date value is an object: `required` alone (no string type check, no whitespace).
                                { required: true, message: t('common.selectRequired', { field: label }) }
                              : { required: true, whitespace: true, message: t('common.required', { field: label }) },
                        ]
                      : []),
                    ...endRule,
                  ]}
                >
                  {input(spec)}
                </Form.Item>
              </Col>
            );
          })}
        </Row>
      </Form>
    </Modal>
  );
}
