import { Alert, App, AutoComplete, Button, Col, DatePicker, Drawer, Form, Input, Row, Select, Space, TreeSelect } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { useRequestCorrection } from '../api';
import { useDictOptions, useDivisionTree } from '../../../shared/dicts/dict-api';
import type { OwnProfileResponse } from '@zhenggong/core';
import { CORRECTABLE_FIELDS, type CorrectableField } from '../types';

const PHONE_PATTERN = /^1\d{10}$|^0\d{2,3}-?\d{7,8}$/;
const DATE_FIELDS = new Set<CorrectableField>(['partyJoinDate', 'workStartDate']);

type Values = { [K in CorrectableField]?: string | Dayjs | null } & { reason?: string };

/** What the record says now, in the form's terms (former names joined the way the server splits them). */
function currentValue(profile: OwnProfileResponse, field: CorrectableField): string {
  if (field === 'formerNames') return profile.formerNames.join('、');
  if (field === 'phone') return '';
  return profile[field] ?? '';
}

function initialValues(profile: OwnProfileResponse): Values {
  const values: Values = {};
  for (const field of CORRECTABLE_FIELDS) {
    const value = currentValue(profile, field);
    values[field] = DATE_FIELDS.has(field) ? (value ? dayjs(value) : null) : value || undefined;
  }
  return values;
}

/** Only what differs from the record goes into the request. */
function changesOf(profile: OwnProfileResponse, values: Values): Record<string, string> {
  const changes: Record<string, string> = {};
  for (const field of CORRECTABLE_FIELDS) {
    const raw = values[field];
    const next = dayjs.isDayjs(raw) ? raw.format('YYYY-MM-DD') : (raw ?? '').trim();
    if (next && next !== currentValue(profile, field)) changes[field] = next;
  }
  return changes;
}

/** 申请更正: the ten fields a person may ask to have corrected, plus a reason. */
export function CorrectionDrawer({ profile, onClose }: { profile: OwnProfileResponse; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const [form] = Form.useForm<Values>();
  const request = useRequestCorrection();
  const ethnicity = useDictOptions('ethnicity');
  const political = useDictOptions('political_status');
  const education = useDictOptions('education');
  const divisions = useDivisionTree();
  const label = (field: CorrectableField) => t(`selfService.fields.${field}`);

  const onFinish = (values: Values) => {
    const changes = changesOf(profile, values);
    if (Object.keys(changes).length === 0) {
      message.warning(t('selfService.correction.nothingChanged'));
      return;
    }
    request.mutate(
      { changes, reason: values.reason?.trim() || undefined },
      {
        onSuccess: () => {
          message.success(t('selfService.correction.submitted'));
          onClose();
        },
        onError: showError,
      },
    );
  };

  const select = (field: CorrectableField, options: ReturnType<typeof useDictOptions>) => (
    <Form.Item label={label(field)} name={field}>
      <Select
        showSearch
        optionFilterProp="label"
        options={options.options}
        loading={options.loading}
        placeholder={t('common.selectPlaceholder')}
      />
    </Form.Item>
  );
  const place = (field: 'nativePlace' | 'birthplace') => (
    <Form.Item label={label(field)} name={field}>
      <TreeSelect
        showSearch
        treeNodeFilterProp="title"
        treeData={divisions.tree}
        loading={divisions.loading}
        popupMatchSelectWidth={false}
        listHeight={320}
      />
    </Form.Item>
  );
  const date = (field: 'partyJoinDate' | 'workStartDate') => (
    <Form.Item label={label(field)} name={field}>
      <DatePicker style={{ width: '100%' }} disabledDate={(day) => day.isAfter(dayjs(), 'day')} />
    </Form.Item>
  );

  return (
    <Drawer
      open
      width={640}
      title={t('selfService.correction.title')}
      onClose={onClose}
      maskClosable={false}
      destroyOnHidden
      footer={
        <Space style={{ float: 'right' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={request.isPending} onClick={() => form.submit()}>
            {t('selfService.correction.submit')}
          </Button>
        </Space>
      }
    >
      <Alert type="info" showIcon message={t('selfService.correction.hint')} style={{ marginBottom: 16 }} />
      <Form<Values> form={form} name="correction" layout="vertical" initialValues={initialValues(profile)} onFinish={onFinish}>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              label={label('phone')}
              name="phone"
              rules={[{ pattern: PHONE_PATTERN, message: t('selfService.correction.phoneFormat') }]}
              extra={profile.phoneMasked ? t('selfService.correction.current', { value: profile.phoneMasked }) : undefined}
            >
              <Input maxLength={20} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={label('formerNames')} name="formerNames" extra={t('selfService.correction.formerNamesHelp')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={12}>{select('ethnicity', ethnicity)}</Col>
          <Col span={12}>{select('politicalStatus', political)}</Col>
          <Col span={12}>{date('partyJoinDate')}</Col>
          <Col span={12}>{date('workStartDate')}</Col>
          <Col span={12}>{place('nativePlace')}</Col>
          <Col span={12}>{place('birthplace')}</Col>
          <Col span={12}>{select('education', education)}</Col>
          <Col span={12}>
            <Form.Item label={label('degree')} name="degree">
              <AutoComplete maxLength={20} options={['学士', '硕士', '博士'].map((value) => ({ value }))} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label={t('selfService.correction.reason')} name="reason">
              <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('selfService.correction.reasonPlaceholder')} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}
