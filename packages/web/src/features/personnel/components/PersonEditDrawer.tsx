import { App, Button, Drawer, Form, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { useUpdatePerson } from '../api';
import { fieldErrorsOf, fromProfile, toUpdateBody, type PersonFormField, type PersonFormValues } from '../person-form';
import type { PersonProfile } from '../types';
import { PersonFormFields } from './PersonFormFields';

const FIELD_NAMES = new Set<PersonFormField>([
  'name',
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
  'effectiveDate',
]);

/** 编辑: only changed values are sent; unit, post, rank, grade and status changes are dated by `effectiveDate`. */
export function PersonEditDrawer({ person, onClose }: { person: PersonProfile; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const [form] = Form.useForm<PersonFormValues>();
  const update = useUpdatePerson(person.id);

  const onFinish = (values: PersonFormValues) => {
    const { body, cleared } = toUpdateBody(values, person);
    if (cleared.length > 0) {
      form.setFields(cleared.map((name) => ({ name, errors: [t('personnel.form.cannotClear')] })));
      form.scrollToField(cleared[0] ?? 'name');
      return;
    }
    if (Object.keys(body).length === 0) {
      message.info(t('personnel.form.nothingChanged'));
      return;
    }
    update.mutate(body, {
      onSuccess: () => {
        message.success(t('personnel.form.saved'));
        onClose();
      },
      onError: (error) => {
        const fields = fieldErrorsOf(error, t, FIELD_NAMES);
        if (fields.length > 0) {
          form.setFields(fields);
          form.scrollToField(fields[0]?.name ?? 'name');
        } else showError(error);
      },
    });
  };

  return (
    <Drawer
      open
      width={760}
      title={t('personnel.form.editTitle', { name: person.name })}
      onClose={onClose}
      maskClosable={false}
      destroyOnHidden
      footer={
        <Space style={{ float: 'right' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={update.isPending} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form<PersonFormValues>
        form={form}
        name="personEdit"
        layout="vertical"
        initialValues={fromProfile(person)}
        onFinish={onFinish}
        scrollToFirstError
        autoComplete="off"
      >
        <PersonFormFields mode="edit" phoneMasked={person.phoneMasked} />
      </Form>
    </Drawer>
  );
}
