import { DatePicker, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { OrgTreeSelect } from '../../../shared/components/OrgTreeSelect';
import { useDictItems } from '../../../shared/dicts/dict-api';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { useSavePost } from '../api';
import { EDUCATION_LEVELS } from '../codes';
import type { Post, PostInput } from '../types';

interface FormValues {
  code: string;
  name: string;
  orgId: string;
  headcount: number;
  ageMin?: number | null;
  ageMax?: number | null;
  ageReferenceDate?: Dayjs | null;
  sex?: '1' | '2' | null;
  educationMin?: string | null;
  politicalStatus?: string[];
  householdRegions?: string[];
  other?: string;
}

/** A post (岗位) with its requirements (报考条件); empty fields mean "no condition". */
export function PostFormModal({
  announcementId,
  post,
  open,
  onClose,
}: {
  announcementId: string;
  post?: Post;
  open: boolean;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en-US';
  const [form] = Form.useForm<FormValues>();
  const save = useSavePost(announcementId);
  const showError = useErrorMessage();
  const political = useDictItems('political_status', open);

  const submit = (v: FormValues) => {
    const input: PostInput = {
      code: v.code.trim(),
      name: v.name.trim(),
      orgId: v.orgId,
      headcount: v.headcount,
      requirements: {
        ageMin: v.ageMin ?? null,
        ageMax: v.ageMax ?? null,
        ageReferenceDate: v.ageReferenceDate ? v.ageReferenceDate.format('YYYY-MM-DD') : null,
        sex: v.sex ?? null,
        educationMin: v.educationMin ?? null,
        politicalStatus: v.politicalStatus?.length ? v.politicalStatus : null,
        householdRegions: v.householdRegions?.length ? v.householdRegions : null,
        other: v.other?.trim() ?? '',
      },
    };
    save.mutate({ id: post?.id, input }, { onSuccess: onClose, onError: showError });
  };

  const r = post?.requirements;
  const initial: Partial<FormValues> = post
    ? {
        code: post.code,
        name: post.name,
        orgId: post.orgId,
        headcount: post.headcount,
        ageMin: r?.ageMin ?? null,
        ageMax: r?.ageMax ?? null,
        ageReferenceDate: r?.ageReferenceDate ? dayjs(r.ageReferenceDate) : null,
        sex: r?.sex ?? null,
        educationMin: r?.educationMin ?? null,
        politicalStatus: r?.politicalStatus ?? [],
        householdRegions: r?.householdRegions ?? [],
        other: r?.other ?? '',
      }
    : { headcount: 1 };

  return (
    <Modal
      open={open}
      title={post ? t('recruitment.post.edit') : t('recruitment.post.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('recruitment.common.save')}
      confirmLoading={save.isPending}
      destroyOnHidden
      width={680}
    >
      <Form<FormValues> form={form} layout="vertical" onFinish={submit} initialValues={initial} preserve={false}>
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item
            name="code"
            label={t('recruitment.post.code')}
            rules={[{ required: true, pattern: /^[0-9A-Za-z]{1,12}$/, message: t('recruitment.post.codeHint') }]}
            style={{ width: '30%' }}
          >
            <Input maxLength={12} />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('recruitment.post.name')}
            rules={[{ required: true, whitespace: true, max: 100 }]}
            style={{ width: '70%' }}
          >
            <Input maxLength={100} />
          </Form.Item>
        </div>
        <Form.Item name="orgId" label={t('recruitment.post.org')} rules={[{ required: true }]}>
          <OrgTreeSelect />
        </Form.Item>
        <Form.Item name="headcount" label={t('recruitment.post.headcount')} rules={[{ required: true }]}>
          <InputNumber min={1} max={10000} precision={0} />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="ageMin" label={t('recruitment.post.ageMin')}>
            <InputNumber min={16} max={70} precision={0} />
          </Form.Item>
          <Form.Item name="ageMax" label={t('recruitment.post.ageMax')}>
            <InputNumber min={16} max={70} precision={0} />
          </Form.Item>
          <Form.Item name="ageReferenceDate" label={t('recruitment.post.ageReferenceDate')}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="sex" label={t('recruitment.post.sex')}>
            <Select
              allowClear
              style={{ width: 120 }}
              placeholder={t('recruitment.post.any')}
              options={[
                { value: '1', label: t('recruitment.sex.1') },
                { value: '2', label: t('recruitment.sex.2') },
              ]}
            />
          </Form.Item>
        </Space>
        <Form.Item name="educationMin" label={t('recruitment.post.educationMin')}>
          <Select
            allowClear
            placeholder={t('recruitment.post.any')}
            options={EDUCATION_LEVELS.map((l) => ({ value: l.code, label: english ? l.en : l.zh }))}
          />
        </Form.Item>
        <Form.Item name="politicalStatus" label={t('recruitment.post.politicalStatus')}>
          <Select
            mode="multiple"
            allowClear
            loading={political.loading}
            placeholder={t('recruitment.post.any')}
            options={political.items.map((i) => ({ value: i.code, label: english ? (i.nameEn ?? i.name) : i.name }))}
          />
        </Form.Item>
        <Form.Item name="householdRegions" label={t('recruitment.post.householdRegions')} extra={t('recruitment.post.householdHint')}>
          <Select mode="tags" tokenSeparators={[',', '，', ' ']} placeholder={t('recruitment.post.any')} />
        </Form.Item>
        <Form.Item name="other" label={t('recruitment.post.other')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
