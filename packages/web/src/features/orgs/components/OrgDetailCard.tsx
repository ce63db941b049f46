import { Button, Card, Descriptions, Empty, Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../../../shared/auth/usePermission';
import { orgTypeLabel } from '../../../shared/i18n/labels';
import type { Org } from '../../../shared/orgs/types';

export type OrgAction = 'createChild' | 'edit' | 'move' | 'close';

interface OrgDetailCardProps {
  org: Org | undefined;
  parent: Org | undefined;
  onAction: (action: OrgAction, org: Org) => void;
}

export function OrgDetailCard({ org, parent, onAction }: OrgDetailCardProps) {
  const { t } = useTranslation();
  const canWrite = usePermission('org:write');

  if (!org) {
    return (
      <Card title={t('orgs.detailTitle')} size="small">
        <Empty description={t('orgs.noSelection')} />
      </Card>
    );
  }

  const closed = org.status === 'closed';
  const items = [
    { key: 'name', label: t('orgs.fields.name'), children: org.name },
    { key: 'shortName', label: t('orgs.fields.shortName'), children: org.shortName ?? t('common.empty') },
    { key: 'code', label: t('orgs.fields.code'), children: org.code ?? t('common.empty') },
    { key: 'type', label: t('orgs.fields.type'), children: orgTypeLabel(t, org.type) },
    { key: 'kind', label: t('orgs.fields.kind'), children: org.isUnit ? t('orgs.kind.unit') : t('orgs.kind.internal') },
    {
      key: 'status',
      label: t('orgs.fields.status'),
      children: <Tag color={closed ? 'default' : 'green'}>{t(`orgStatus.${org.status}`)}</Tag>,
    },
    { key: 'parent', label: t('orgs.fields.parent'), children: parent?.name ?? t('orgs.rootHint') },
    { key: 'children', label: t('orgs.fields.children'), children: org.children?.length ?? 0 },
    { key: 'sortOrder', label: t('orgs.fields.sortOrder'), children: org.sortOrder },
  ];

  return (
    <Card title={t('orgs.detailTitle')} size="small">
      <Descriptions column={1} size="small" bordered items={items} styles={{ label: { width: 110 } }} />
      {canWrite && (
        <Flex wrap gap={8} style={{ marginTop: 16 }}>
          <Button type="primary" disabled={closed} onClick={() => onAction('createChild', org)}>
            {t('orgs.actions.createChild')}
          </Button>
          <Button disabled={closed} onClick={() => onAction('edit', org)}>
            {t('orgs.actions.edit')}
          </Button>
          <Button disabled={closed || org.parentId === null} onClick={() => onAction('move', org)}>
            {t('orgs.actions.move')}
          </Button>
          <Button danger disabled={closed} onClick={() => onAction('close', org)}>
            {t('orgs.actions.close')}
          </Button>
        </Flex>
      )}
    </Card>
  );
}
