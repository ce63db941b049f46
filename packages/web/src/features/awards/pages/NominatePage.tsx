import { Alert, App, Button, DatePicker, Form, Input, Radio, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { isApiError } from '../../../shared/api/api-error';
import { usePermission } from '../../../shared/auth/usePermission';
import { OrgTreeSelect } from '../../../shared/components/OrgTreeSelect';
import { useErrorText } from '../../../shared/hooks/useErrorMessage';
import { useNominate, type PersonOption } from '../api';
import { PersonMultiSelect } from '../components/PersonMultiSelect';

const LEVELS = ['嘉奖', '三等功', '二等功', '一等功', '荣誉称号'] as const;

interface Values {
  recipient: 'individual' | 'collective';
  personIds?: string[];
  orgId?: string;
  level: string;
  title: string;
  deedTitle: string;
  deedDate: Dayjs;
  deedSummary: string;
  leadership: boolean;
  fastTrack: boolean;
  reviewDemocratic: string;
  reviewCollective: string;
  exceptionReason?: string;
}

/**
 * A nomination started from another page's list (the publicity ranking's 推荐表彰) arrives with
 * the person and the deed in the query; the clerk completes and checks the rest.
 */
function presetFrom(params: URLSearchParams) {
  const id = params.get('personId');
  const name = params.get('personName');
  const person: PersonOption | null = id && name ? { id, name, orgName: params.get('orgName') ?? '', policeNumber: null } : null;
  return {
    person,
    values: {
      ...(person ? { personIds: [person.id] } : {}),
      ...(params.get('title') ? { title: params.get('title') ?? '' } : {}),
      ...(params.get('deedTitle') ? { deedTitle: params.get('deedTitle') ?? '' } : {}),
      ...(params.get('deedSummary') ? { deedSummary: params.get('deedSummary') ?? '' } : {}),
    },
  };
}

/** 提名报奖: recipients, deeds, the unit's review record; the guards answer with reasons in words. */
export function NominatePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [preset] = useState(() => presetFrom(params));
  const [form] = Form.useForm<Values>();
  const nominate = useNominate();
  const errorText = useErrorText();
  const [refusal, setRefusal] = useState<string | null>(null);
  const mayException = usePermission('awards:approve');
  const recipient = Form.useWatch('recipient', form) ?? 'individual';
  const required = [{ required: true, message: t('awards.form.required') }];
  const names = useRef(new Map<string, string>());
  const remember = useCallback((people: readonly PersonOption[]) => {
    for (const p of people) names.current.set(p.id, p.name);
  }, []);

  const submit = async (v: Values) => {
    setRefusal(null);
    try {
      const out = await nominate.mutateAsync({
        recipient: v.recipient,
        personIds: v.recipient === 'individual' ? (v.personIds ?? []) : [],
        ...(v.recipient === 'collective' && v.orgId ? { orgId: v.orgId } : {}),
        level: v.level,
        title: v.title,
        deedTitle: v.deedTitle,
        deedDate: v.deedDate.format('YYYY-MM-DD'),
        deedSummary: v.deedSummary,
        leadership: v.leadership,
        fastTrack: v.fastTrack,
        reviewDemocratic: v.reviewDemocratic,
        reviewCollective: v.reviewCollective,
        ...(v.exceptionReason ? { exceptionReason: v.exceptionReason } : {}),
      });
      message.success(
        t('awards.form.submitted', {
          approver: t(`awards.approver.${out.approverLevel as 'city'}`),
          notice: out.needsNotice ? t('awards.form.withNotice') : '',
        }),
      );
      navigate('/awards');
    } catch (e) {
      if (isApiError(e) && e.code === 'AWARD_BATCH_OUT_OF_SCOPE' && Array.isArray(e.details.personIds)) {
        // The server names places on the list only; the form knows the names it showed.
        const who = (e.details.personIds as string[]).map((id) => names.current.get(id) ?? id).join('、');
        setRefusal(`${e.message}\n${t('awards.form.outOfScopeNames', { names: who })}`);
      } else if (isApiError(e)) setRefusal(e.message);
      else setRefusal(errorText(e));
    }
  };

  return (
    <Form
      form={form}
      layout="vertical"
      style={{ maxWidth: 760 }}
      initialValues={{ recipient: 'individual', level: '嘉奖', leadership: false, fastTrack: false, ...preset.values }}
      onFinish={(v) => void submit(v)}
      data-testid="nominate-form"
    >
      {refusal && (
        <Alert
          type="error"
          showIcon
          message={t('awards.form.refused')}
          description={<span style={{ whiteSpace: 'pre-line' }}>{refusal}</span>}
          style={{ marginBottom: 16 }}
          data-testid="nominate-refusal"
        />
      )}
      <Form.Item name="recipient" label={t('awards.form.recipient')}>
        <Radio.Group
          options={[
            { value: 'individual', label: t('awards.form.individual') },
            { value: 'collective', label: t('awards.form.collective') },
          ]}
        />
      </Form.Item>
      {recipient === 'individual' ? (
        <Form.Item name="personIds" label={t('awards.form.people')} rules={required}>
          <PersonMultiSelect onKnown={remember} preset={preset.person ? [preset.person] : undefined} />
        </Form.Item>
      ) : (
        <Form.Item name="orgId" label={t('awards.form.org')} rules={required}>
          <OrgTreeSelect />
        </Form.Item>
      )}
      <Form.Item name="level" label={t('awards.form.level')} rules={required}>
        <Select options={LEVELS.map((l) => ({ value: l, label: l }))} />
      </Form.Item>
      <Form.Item name="title" label={t('awards.form.title')} rules={required}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="deedTitle" label={t('awards.form.deedTitle')} rules={required}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="deedDate" label={t('awards.form.deedDate')} rules={required}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="deedSummary" label={t('awards.form.deedSummary')} rules={required}>
        <Input.TextArea rows={4} maxLength={5000} />
      </Form.Item>
      <Form.Item name="reviewDemocratic" label={t('awards.form.reviewDemocratic')} rules={required}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item name="reviewCollective" label={t('awards.form.reviewCollective')} rules={required}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item name="leadership" label={t('awards.form.leadership')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item name="fastTrack" label={t('awards.form.fastTrack')} valuePropName="checked">
        <Switch />
      </Form.Item>
      {mayException && (
        <Form.Item name="exceptionReason" label={t('awards.form.exception')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" loading={nominate.isPending}>
        {t('awards.form.submit')}
      </Button>
    </Form>
  );
}
