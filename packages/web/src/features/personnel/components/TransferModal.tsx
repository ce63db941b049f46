import { App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { OrgTreeSelect } from '../../../shared/components/OrgTreeSelect';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { useUpdatePerson } from '../api';
import type { PersonProfile } from '../types';

interface TransferValues {
  orgId: string;
  post?: string;
  effectiveDate: Dayjs;
}

/** 调动: a new unit (and post) from an effective date; the old membership ends that day. */
export function TransferModal({ person, onClose }: { person: PersonProfile; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const [form] = Form.useForm<TransferValues>();
  const update = useUpdatePerson(person.id);

  const onFinish = (values: TransferValues) => {
    const post = values.post?.trim();
    update.mutate(
      { orgId: values.orgId, ...(post && post !== person.post ? { post } : {}), effectiveDate: values.effectiveDate.format('YYYY-MM-DD') },
      {
        onSuccess: () => {
          message.success(t('personnel.form.saved'));
          onClose();
        },
        onError: showError,
      },
    );
  };

  return (
    <Modal
      open
      title={t('personnel.form.transferTitle', { name: person.name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      maskClosable={false}
    >
      <Typography.Paragraph type="secondary">{t('personnel.form.transferHelp')}</Typography.Paragraph>
      <Form<TransferValues>
        form={form}
        name="personTransfer"
        layout="vertical"
        initialValues={{ post: person.post ?? undefined, effectiveDate: dayjs() }}
        onFinish={onFinish}
      >
        <Form.Item label={t('personnel.fields.org')}>
          <Typography.Text>{person.orgName}</Typography.Text>
        </Form.Item>
        <Form.Item
          label={t('personnel.form.newOrg')}
          name="orgId"
          rules={[
            { required: true, message: t('common.selectRequired', { field: t('personnel.form.newOrg') }) },
            {
              validator: (_rule, value) =>
                value === person.orgId ? Promise.reject(new Error(t('personnel.form.sameOrg'))) : Promise.resolve(),
            },
          ]}
        >
          <OrgTreeSelect />
        </Form.Item>
        <Form.Item label={t('personnel.form.newPost')} name="post">
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          label={t('personnel.fields.effectiveDate')}
          name="effectiveDate"
          rules={[{ required: true, message: t('common.selectRequired', { field: t('personnel.fields.effectiveDate') }) }]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
