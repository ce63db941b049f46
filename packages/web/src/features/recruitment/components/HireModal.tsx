import { DatePicker, Form, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { OrgTreeSelect } from '../../../shared/components/OrgTreeSelect';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { useHire } from '../api';
import { beijingTodayDayjs } from '../../../shared/utils/beijing-today';

interface FormValues {
  orgId: string;
  startDate: Dayjs;
  contractEnd?: Dayjs | null;
}

export interface HireTarget {
  applicationId: string;
  name: string;
  /** The post's unit, offered first. */
  orgId?: string;
}

/** 录用: creates the auxiliary officer's personnel record in the chosen unit. */
export function HireModal({
  target,
  onClose,
  onHired,
}: {
  target: HireTarget | null;
  onClose: () => void;
  onHired: (personId: string, orgId: string) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const hire = useHire();
  const showError = useErrorMessage();

  const submit = (v: FormValues) => {
    if (!target) return;
    hire.mutate(
      {
        applicationId: target.applicationId,
        orgId: v.orgId,
        startDate: v.startDate.format('YYYY-MM-DD'),
        contractEnd: v.contractEnd ? v.contractEnd.format('YYYY-MM-DD') : undefined,
      },
      {
        onSuccess: (r) => {
          onHired(r.personId, v.orgId);
          onClose();
        },
        onError: showError,
      },
    );
  };

  return (
    <Modal
      open={target !== null}
      title={t('recruitment.hire.title', { name: target?.name ?? '' })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('recruitment.hire.confirm')}
      confirmLoading={hire.isPending}
      destroyOnHidden
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        preserve={false}
        initialValues={{
          orgId: target?.orgId,
          startDate: beijingTodayDayjs(),
          contractEnd: beijingTodayDayjs().add(3, 'year').subtract(1, 'day'),
        }}
      >
        <Form.Item name="orgId" label={t('recruitment.hire.org')} rules={[{ required: true }]} extra={t('recruitment.hire.orgHint')}>
          <OrgTreeSelect />
        </Form.Item>
        <Form.Item name="startDate" label={t('recruitment.hire.startDate')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="contractEnd" label={t('recruitment.hire.contractEnd')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
