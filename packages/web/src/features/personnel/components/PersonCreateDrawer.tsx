import { App, Button, Drawer, Form, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { useCreatePerson } from '../api';
import { fieldErrorsOf, toCreateBody, type PersonFormField, type PersonFormValues } from '../person-form';
import { PersonFormFields } from './PersonFormFields';

const FIELD_NAMES = new Set<PersonFormField>([
  'kind',
  'name',
  'idNumber',
  'formerNames',
  'ethnicity',
  'phone',
  'nativePlace',
  'birthplace',
  'politicalStatus',
  'partyJoinDate',
  'education',
  'degree',
  'orgId',
  'post',
  'workStartDate',
  'policeStartDate',
  'policeNumber',
  'status',
  'rank',
  'rankDate',
  'officerLevel',
  'levelDate',
  'postLevel',
  'techLevel',
  'auxCategory',
  'contractEnd',
]);

/** 新建人员: drawer form; on success opens the new profile. */
export function PersonCreateDrawer({ onClose, defaultOrgId }: { onClose: () => void; defaultOrgId?: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const navigate = useNavigate();
  const [form] = Form.useForm<PersonFormValues>();
  const create = useCreatePerson();

  const onFinish = (values: PersonFormValues) =>
    create.mutate(toCreateBody(values), {
      onSuccess: (person) => {
        message.success(t('personnel.form.created', { name: person.name }));
        onClose();
        navigate(`/personnel/${person.id}`);
      },
      onError: (error) => {
        const fields = fieldErrorsOf(error, t, FIELD_NAMES);
        if (fields.length > 0) {
          form.setFields(fields);
          form.scrollToField(fields[0]?.name ?? 'name');
        } else showError(error);
      },
    });

  return (
    <Drawer
      open
      width={760}
      title={t('personnel.form.createTitle')}
      onClose={onClose}
      maskClosable={false}
      destroyOnHidden
      footer={
        <Space style={{ float: 'right' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form<PersonFormValues>
        form={form}
        name="personCreate"
        layout="vertical"
        requiredMark
        initialValues={{ kind: 'officer', status: 'serving', orgId: defaultOrgId }}
        onFinish={onFinish}
        scrollToFirstError
        autoComplete="off"
      >
        <PersonFormFields mode="create" />
      </Form>
    </Drawer>
  );
}
