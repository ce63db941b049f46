import { App, Col, Row } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { useOrgTree } from '../../../shared/orgs/org-tree-api';
import { findOrg } from '../../../shared/orgs/org-tree-data';
import type { Org } from '../../../shared/orgs/types';
import { useCloseOrg } from '../api';
import { OrgDetailCard, type OrgAction } from '../components/OrgDetailCard';
import { OrgFormModal, type OrgFormMode } from '../components/OrgFormModal';
import { OrgMoveModal } from '../components/OrgMoveModal';
import { OrgTreePanel } from '../components/OrgTreePanel';

export function OrgTreePage() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const showError = useErrorMessage();
  const [includeClosed, setIncludeClosed] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [formMode, setFormMode] = useState<OrgFormMode | null>(null);
  const [moving, setMoving] = useState<Org | null>(null);
  const tree = useOrgTree(includeClosed);
  const closeOrg = useCloseOrg();

  const selected = useMemo(() => (selectedId && tree.data ? findOrg(tree.data, selectedId) : undefined), [tree.data, selectedId]);
  const parent = useMemo(
    () => (selected?.parentId && tree.data ? findOrg(tree.data, selected.parentId) : undefined),
    [tree.data, selected],
  );

  const confirmClose = (org: Org) => {
    modal.confirm({
      title: t('orgs.closeTitle', { name: org.name }),
      content: t('orgs.closeContent'),
      okText: t('orgs.actions.close'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      // Returning the promise keeps the dialog open (with a spinner) until the server answers.
      onOk: () =>
        closeOrg.mutateAsync(org.id).then(
          () => void message.success(t('common.success')),
          (error: unknown) => showError(error),
        ),
    });
  };

  const onAction = (action: OrgAction, org: Org) => {
    if (action === 'createChild') setFormMode({ kind: 'create', parent: org });
    else if (action === 'edit') setFormMode({ kind: 'edit', org });
    else if (action === 'move') setMoving(org);
    else confirmClose(org);
  };

  return (
    <>
      {/* On a phone the detail card comes below the tree instead of covering it. */}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={{ flex: '1 1 0' }} style={{ minWidth: 0 }}>
          <OrgTreePanel
            orgs={tree.data}
            loading={tree.isPending}
            error={tree.error}
            onRetry={() => void tree.refetch()}
            includeClosed={includeClosed}
            onIncludeClosedChange={setIncludeClosed}
            selectedId={selectedId}
            onSelect={setSelectedId}
          />
        </Col>
        <Col xs={24} lg={{ flex: '0 0 420px' }}>
          <OrgDetailCard org={selected} parent={parent} onAction={onAction} />
        </Col>
      </Row>
      {formMode && (
        <OrgFormModal
          mode={formMode}
          onClose={() => setFormMode(null)}
          onSaved={(org) => {
            setFormMode(null);
            setSelectedId(org.id);
          }}
        />
      )}
      {moving && (
        <OrgMoveModal
          org={moving}
          onClose={() => setMoving(null)}
          onMoved={(org) => {
            setMoving(null);
            setSelectedId(org.id);
          }}
        />
      )}
    </>
  );
}
