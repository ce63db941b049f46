import { App, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { ORG_TYPES, orgTypeLabel } from '../../../shared/i18n/labels';
import type { Org } from '../../../shared/orgs/types';
import { useCreateOrg, useUpdateOrg, type UpdateOrgInput } from '../api';

export type OrgFormMode = { kind: 'create'; parent: Org } | { kind: 'edit'; org: Org };

interface OrgFormValues {
  name: string;
  shortName?: string;
  code?: string;
  type: string;
  isUnit: boolean;
  sortOrder?: number;
}

interface OrgFormModalProps {
  mode: OrgFormMode;
  onClose: () => void;
  onSaved: (org: Org) => void;
}

const blankToNull = (value: string | undefined) => (value?.trim() ? value.trim() : null);

/** Only the fields that changed go into the PATCH, so the audit row shows a minimal before → after. */
function changedFields(org: Org, values: OrgFormValues): UpdateOrgInput {
  const patch: UpdateOrgInput = {};
  if (values.name.trim() !== org.name) patch.name = values.name.trim();
  if (blankToNull(values.shortName) !== org.shortName) patch.shortName = blankToNull(values.shortName);
  if (blankToNull(values.code) !== org.code) patch.code = blankToNull(values.code);
  if (values.type !== org.type) patch.type = values.type;
  if (values.isUnit !== org.isUnit) patch.isUnit = values.isUnit;
  if (values.sortOrder !== undefined && values.sortOrder !== org.sortOrder) patch.sortOrder = values.sortOrder;
  return patch;
}

export function OrgFormModal({ mode, onClose, onSaved }: OrgFormModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const [form] = Form.useForm<OrgFormValues>();
  const createOrg = useCreateOrg();
  const updateOrg = useUpdateOrg();
  const editing = mode.kind === 'edit' ? mode.org : null;

  const initialValues: Partial<OrgFormValues> = editing
    ? {
        name: editing.name,
        shortName: editing.shortName ?? undefined,
        code: editing.code ?? undefined,
        type: editing.type,
        isUnit: editing.isUnit,
        sortOrder: editing.sortOrder,
      }
    : { isUnit: false, type: 'department' };

  const done = (org: Org) => {
    message.success(t('common.success'));
    onSaved(org);
  };

  const onFinish = (values: OrgFormValues) => {
    if (mode.kind === 'create') {
      createOrg.mutate(
        {
          name: values.name.trim(),
          shortName: values.shortName?.trim() || undefined,
          code: values.code?.trim() || undefined,
          type: values.type,
          isUnit: values.isUnit,
          parentId: mode.parent.id,
        },
        { onSuccess: done, onError: showError },
      );
    } else {
      const patch = changedFields(mode.org, values);
      if (Object.keys(patch).length === 0) return onClose();
      updateOrg.mutate({ id: mode.org.id, input: patch }, { onSuccess: done, onError: showError });
    }
  };

  const title = mode.kind === 'create' ? t('orgs.createTitle', { parent: mode.parent.name }) : t('orgs.editTitle', { name: mode.org.name });

  return (
    <Modal
      open
      title={title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={createOrg.isPending || updateOrg.isPending}
      destroyOnHidden
      maskClosable={false}
    >
      <Form<OrgFormValues>
        form={form}
        name="orgForm"
        layout="vertical"
        initialValues={initialValues}
        onFinish={onFinish}
        onValuesChange={(changed: Partial<OrgFormValues>) => {
          // Internal departments (科室/处室) are the only non-establishment type; preset the switch for new nodes.
          // setFieldsValue, not setFieldValue: the latter trips rc-field-form's false "circular references" warning.
          if (mode.kind === 'create' && changed.type) form.setFieldsValue({ isUnit: changed.type !== 'department' });
        }}
      >
        <Form.Item
          label={t('orgs.fields.name')}
          name="name"
          rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('orgs.fields.name') }) }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label={t('orgs.fields.shortName')} name="shortName">
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          label={t('orgs.fields.code')}
          name="code"
          extra={t('orgs.fields.codeHelp')}
          rules={[{ pattern: /^[0-9A-Za-z_-]+$/, message: t('orgs.fields.codeRule') }]}
        >
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item
          label={t('orgs.fields.type')}
          name="type"
          rules={[{ required: true, message: t('common.selectRequired', { field: t('orgs.fields.type') }) }]}
        >
          <Select options={ORG_TYPES.map((type) => ({ value: type, label: orgTypeLabel(t, type) }))} />
        </Form.Item>
        <Form.Item label={t('orgs.fields.kind')} name="isUnit" valuePropName="checked">
          <Switch checkedChildren={t('orgs.kind.unit')} unCheckedChildren={t('orgs.kind.internal')} />
        </Form.Item>
        {editing && (
          <Form.Item label={t('orgs.fields.sortOrder')} name="sortOrder">
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
