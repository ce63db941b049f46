import { App, Checkbox, Flex, Form, Modal, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { useRoleOptions, useSetUserRoles, type User } from '../api';

/** Replaces the user's roles (PUT). The server refuses mixing the three admin kinds (三员分立). */
export function AssignRolesModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const [form] = Form.useForm<{ roleIds: string[] }>();
  const roles = useRoleOptions(true);
  const setRoles = useSetUserRoles();

  const onFinish = ({ roleIds }: { roleIds: string[] }) => {
    setRoles.mutate(
      { id: user.id, roleIds },
      {
        onSuccess: () => {
          message.success(t('common.success'));
          onClose();
        },
        onError: showError,
      },
    );
  };

  return (
    <Modal
      open
      title={t('users.rolesTitle', { name: user.displayName })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ disabled: !roles.data }}
      confirmLoading={setRoles.isPending}
      maskClosable={false}
    >
      {roles.isError ? (
        <QueryErrorAlert error={roles.error} onRetry={() => void roles.refetch()} />
      ) : !roles.data ? (
        <Skeleton active />
      ) : (
        <Form
          form={form}
          name="userRoles"
          layout="vertical"
          initialValues={{ roleIds: user.roles.map((role) => role.id) }}
          onFinish={onFinish}
        >
          <Form.Item label={t('users.rolesLabel')} name="roleIds">
            <Checkbox.Group style={{ width: '100%' }}>
              <Flex vertical gap={8} style={{ maxHeight: 360, overflow: 'auto' }}>
                {roles.data.map((role) => (
                  <Checkbox key={role.id} value={role.id}>
                    {role.name} <Typography.Text type="secondary">({role.code})</Typography.Text>
                    {role.builtin && <Tag style={{ marginInlineStart: 8 }}>{t('users.builtin')}</Tag>}
                    {role.adminKind && <Tag color="gold">{t(`adminKind.${role.adminKind}`)}</Tag>}
                  </Checkbox>
                ))}
              </Flex>
            </Checkbox.Group>
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
