import { App, Form, Modal } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { OrgTreeSelect } from '../../../shared/components/OrgTreeSelect';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { subtreeIds } from '../../../shared/orgs/org-tree-data';
import type { Org } from '../../../shared/orgs/types';
import { useMoveOrg } from '../api';

interface OrgMoveModalProps {
  org: Org;
  onClose: () => void;
  onMoved: (org: Org) => void;
}

export function OrgMoveModal({ org, onClose, onMoved }: OrgMoveModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const [form] = Form.useForm<{ parentId: string }>();
  const moveOrg = useMoveOrg();
  // The server answers 409 ORG_MOVE_INTO_SELF anyway; disabling the subtree saves the round trip.
  const disabledIds = useMemo(() => subtreeIds(org), [org]);

  const onFinish = ({ parentId }: { parentId: string }) => {
    if (parentId === org.parentId) return onClose();
    moveOrg.mutate(
      { id: org.id, parentId },
      {
        onSuccess: (moved) => {
          message.success(t('common.success'));
          onMoved(moved);
        },
        onError: showError,
      },
    );
  };

  return (
    <Modal
      open
      title={t('orgs.moveTitle', { name: org.name })}
      okText={t('orgs.actions.move')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={moveOrg.isPending}
      maskClosable={false}
    >
      <Form form={form} name="orgMove" layout="vertical" initialValues={{ parentId: org.parentId ?? undefined }} onFinish={onFinish}>
        <Form.Item
          label={t('orgs.moveTarget')}
          name="parentId"
          extra={t('orgs.moveHelp')}
          rules={[{ required: true, message: t('common.selectRequired', { field: t('orgs.moveTarget') }) }]}
        >
          <OrgTreeSelect disabledIds={disabledIds} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
