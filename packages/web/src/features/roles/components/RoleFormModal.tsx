import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { DATA_SCOPES } from '../../../shared/auth/types';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { useCreateRole, useUpdateRole, type Role, type RoleInput } from '../api';
import { PermissionPicker } from './PermissionPicker';
import { ScopeOrgTree } from './ScopeOrgTree';

export type RoleFormMode = { kind: 'create' } | { kind: 'edit'; role: Role } | { kind: 'view'; role: Role };

const CODE_PATTERN = /^[a-z][a-z0-9_-]{1,63}$/;

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item) => b.includes(item));

/** PATCH carries only what changed (minimal before → after in the audit log). */
function changedFields(role: Role, values: RoleInput): Partial<RoleInput> {
  const patch: Partial<RoleInput> = {};
  if (values.name !== role.name) patch.name = values.name;
  if (!sameSet(values.permissions, role.permissions)) patch.permissions = values.permissions;
  if (values.dataScope !== role.dataScope) patch.dataScope = values.dataScope;
  if (!sameSet(values.scopeOrgIds, role.scopeOrgIds)) patch.scopeOrgIds = values.scopeOrgIds;
  return patch;
}

export function RoleFormModal({ mode, onClose }: { mode: RoleFormMode; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const [form] = Form.useForm<RoleInput>();
  const dataScope = Form.useWatch('dataScope', form);
  const createRole = useCreateRole();
  const updateRole = useUpdateRole();
  const role = mode.kind === 'create' ? null : mode.role;
  const readOnly = mode.kind === 'view';

  const done = () => {
    message.success(t('common.success'));
    onClose();
  };

  const onFinish = (raw: RoleInput) => {
    const values: RoleInput = {
      ...raw,
      code: raw.code.trim(),
      name: raw.name.trim(),
      permissions: raw.permissions ?? [],
      scopeOrgIds: raw.dataScope === 'custom' ? (raw.scopeOrgIds ?? []) : [],
    };
    if (mode.kind === 'create') return createRole.mutate(values, { onSuccess: done, onError: showError });
    if (mode.kind !== 'edit') return onClose();
    const patch = changedFields(mode.role, values);
    if (Object.keys(patch).length === 0) return onClose();
    updateRole.mutate({ id: mode.role.id, input: patch }, { onSuccess: done, onError: showError });
  };

  const title =
    mode.kind === 'create'
      ? t('roles.createTitle')
      : mode.kind === 'edit'
        ? t('roles.editTitle', { name: mode.role.name })
        : t('roles.viewTitle', { name: mode.role.name });

  return (
    <Modal
      open
      width={760}
      title={title}
      okText={t('common.save')}
      cancelText={readOnly ? t('common.close') : t('common.cancel')}
      okButtonProps={{ style: readOnly ? { display: 'none' } : undefined }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={createRole.isPending || updateRole.isPending}
      maskClosable={readOnly}
      styles={{ body: { maxHeight: 'calc(100vh - 220px)', overflowY: 'auto', paddingInlineEnd: 8 } }}
    >
      {readOnly && <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('roles.builtinReadonly')} />}
      <Form<RoleInput>
        form={form}
        name="roleForm"
        layout="vertical"
        disabled={readOnly}
        onFinish={onFinish}
        initialValues={
          role
            ? {
                code: role.code,
                name: role.name,
                permissions: role.permissions,
                dataScope: role.dataScope,
                scopeOrgIds: role.scopeOrgIds,
              }
            : { permissions: [], dataScope: 'org_and_below', scopeOrgIds: [] }
        }
      >
        <Form.Item
          label={t('roles.form.code')}
          name="code"
          extra={mode.kind === 'create' ? t('roles.form.codeRule') : undefined}
          rules={[
            { required: true, message: t('common.required', { field: t('roles.form.code') }) },
            { pattern: CODE_PATTERN, message: t('roles.form.codeRule') },
          ]}
        >
          {/* Codes are stable identifiers (audit rows, configuration); they are set once. */}
          <Input maxLength={64} disabled={mode.kind !== 'create'} />
        </Form.Item>
        <Form.Item
          label={t('roles.form.name')}
          name="name"
          rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('roles.form.name') }) }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label={t('roles.form.permissions')} name="permissions">
          <PermissionPicker disabled={readOnly} />
        </Form.Item>
        <Form.Item
          label={t('roles.form.dataScope')}
          name="dataScope"
          rules={[{ required: true, message: t('common.selectRequired', { field: t('roles.form.dataScope') }) }]}
        >
          <Select options={DATA_SCOPES.map((scope) => ({ value: scope, label: t(`dataScope.${scope}`) }))} />
        </Form.Item>
        {dataScope === 'custom' && (
          <Form.Item
            label={t('roles.form.scopeOrgs')}
            name="scopeOrgIds"
            extra={t('roles.form.scopeOrgsHelp')}
            rules={[{ required: true, type: 'array', min: 1, message: t('roles.form.scopeOrgsRequired') }]}
          >
            <ScopeOrgTree disabled={readOnly} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
