import { DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { OrgTreeSelect } from '../../../shared/components/OrgTreeSelect';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { useCreateAnnouncement, useUpdateAnnouncement } from '../api';
import type { Announcement } from '../types';

interface FormValues {
  title: string;
  orgId: string;
  summary?: string;
  body: string;
  period: [Dayjs, Dayjs];
  examAt?: Dayjs | null;
  examPlace?: string;
}

const DAY = 'YYYY-MM-DD';

/** Create (no `announcement`) or edit an announcement (招聘公告). */
export function AnnouncementFormModal({
  open,
  announcement,
  onClose,
  onSaved,
}: {
  open: boolean;
  announcement?: Announcement;
  onClose: () => void;
  onSaved?: (id: string) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateAnnouncement();
  const update = useUpdateAnnouncement(announcement?.id ?? '');
  const showError = useErrorMessage();
  const pending = create.isPending || update.isPending;

  const submit = (v: FormValues) => {
    const common = {
      title: v.title.trim(),
      body: v.body ?? '',
      summary: v.summary?.trim() ?? '',
      applyFrom: v.period[0].format(DAY),
      applyUntil: v.period[1].format(DAY),
      examAt: v.examAt ? v.examAt.format('YYYY-MM-DD HH:mm') : null,
      examPlace: v.examPlace?.trim() || null,
    };
    if (announcement) {
      update.mutate(common as never, {
        onSuccess: () => {
          onSaved?.(announcement.id);
          onClose();
        },
        onError: showError,
      });
    } else {
      create.mutate({ ...common, orgId: v.orgId } as never, {
        onSuccess: (created) => {
          onSaved?.(created.id);
          onClose();
        },
        onError: showError,
      });
    }
  };

  const initial: Partial<FormValues> | undefined = announcement
    ? {
        title: announcement.title,
        orgId: announcement.orgId,
        summary: announcement.summary ?? undefined,
        body: announcement.body,
        period: [dayjs(announcement.applyFrom), dayjs(announcement.applyUntil)],
        examAt: announcement.examAt ? dayjs(announcement.examAt) : null,
        examPlace: announcement.examPlace ?? undefined,
      }
    : undefined;

  return (
    <Modal
      open={open}
      title={announcement ? t('recruitment.announcement.edit') : t('recruitment.announcement.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('recruitment.common.save')}
      confirmLoading={pending}
      destroyOnHidden
      width={680}
    >
      <Form<FormValues> form={form} layout="vertical" onFinish={submit} initialValues={initial} preserve={false}>
        <Form.Item name="title" label={t('recruitment.announcement.title')} rules={[{ required: true, whitespace: true, max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="orgId"
          label={t('recruitment.announcement.org')}
          rules={[{ required: true }]}
          extra={t('recruitment.announcement.orgHint')}
        >
          {announcement ? <Input disabled value={announcement.orgName ?? ''} /> : <OrgTreeSelect />}
        </Form.Item>
        <Form.Item name="period" label={t('recruitment.announcement.period')} rules={[{ required: true }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="summary" label={t('recruitment.announcement.summary')} rules={[{ max: 500 }]}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="body" label={t('recruitment.announcement.body')} rules={[{ max: 20000 }]}>
          <Input.TextArea rows={6} />
        </Form.Item>
        <Form.Item name="examAt" label={t('recruitment.announcement.examAt')}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="examPlace" label={t('recruitment.announcement.examPlace')} rules={[{ max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
