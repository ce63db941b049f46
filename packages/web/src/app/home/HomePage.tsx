import { Card, Col, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../shared/auth/useAuth';
import { dataScopeLabel } from '../../shared/i18n/labels';
import { AuditChainCard } from './AuditChainCard';
import { figuresFor } from './desk-figures';
import { KeyFigures } from './KeyFigures';
import { NoticesCard } from './NoticesCard';
import { QuickEntries } from './QuickEntries';
import { TodoCard } from './TodoCard';
import { UnitStrengthCard } from './UnitStrengthCard';

/**
 * 首页 as a desk: key figures of the account's scope (each opens the list it counts), the unit
 * strength chart, 待办 and 通知公告, and the account's own entries. The three administrators
 * get their own figures (accounts, roles, the audit chain) instead of the business ones.
 */
export function HomePage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  if (!me) return null;
  const can = (permission: string) => me.permissions.includes(permission);
  const scopes = me.roles.filter((role) => role.dataScope);

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="home-desk">
      <Card size="small">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('home.welcome', { name: me.displayName })}
        </Typography.Title>
        <Space size={[4, 4]} wrap style={{ marginTop: 8 }}>
          <Typography.Text type="secondary">{me.orgName}</Typography.Text>
          {me.adminKind && <Tag color="gold">{t(`adminKind.${me.adminKind}`)}</Tag>}
          {me.roles.map((role) => (
            <Tag color="blue" key={role.id}>
              {role.name}
            </Tag>
          ))}
          {scopes.map((role) => (
            <Tag key={`scope-${role.id}`}>
              {t('home.roleScope', { role: role.name, scope: role.dataScope ? dataScopeLabel(t, role.dataScope) : '' })}
            </Tag>
          ))}
          {me.roles.length === 0 && <Typography.Text type="secondary">{t('home.noRoles')}</Typography.Text>}
        </Space>
      </Card>
      <KeyFigures figures={figuresFor(me)} />
      <Row gutter={[12, 12]}>
        {!me.adminKind && can('personnel:read') && (
          <Col xs={24} xl={14}>
            <UnitStrengthCard />
          </Col>
        )}
        <Col xs={24} xl={me.adminKind || !can('personnel:read') ? 12 : 10}>
          <Space direction="vertical" size={12} style={{ width: '100%' }}>
            <TodoCard />
            {can('workflow:self') && <NoticesCard />}
            {me.adminKind === 'auditadmin' && can('audit:read') && <AuditChainCard />}
          </Space>
        </Col>
        <Col xs={24} xl={me.adminKind || !can('personnel:read') ? 12 : 24}>
          <QuickEntries me={me} />
        </Col>
      </Row>
    </Space>
  );
}
