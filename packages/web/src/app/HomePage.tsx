import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../shared/auth/useAuth';
import { dataScopeLabel } from '../shared/i18n/labels';
import { TodoCard } from './TodoCard';

/** Welcome card: who am I, in which unit, with which roles and data scope. */
export function HomePage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  if (!me) return null;

  const scopedRoles = me.roles.filter((role) => role.dataScope);
  const items = [
    { key: 'username', label: t('home.username'), children: me.username },
    { key: 'org', label: t('home.org'), children: me.orgName },
    ...(me.adminKind ? [{ key: 'adminKind', label: t('home.adminKind'), children: t(`adminKind.${me.adminKind}`) }] : []),
    {
      key: 'roles',
      label: t('home.roles'),
      children:
        me.roles.length > 0 ? (
          <Space size={[4, 4]} wrap>
            {me.roles.map((role) => (
              <Tag color="blue" key={role.id}>
                {role.name}
              </Tag>
            ))}
          </Space>
        ) : (
          t('home.noRoles')
        ),
    },
    {
      key: 'dataScope',
      label: t('home.dataScope'),
      children:
        scopedRoles.length > 0 ? (
          <Space size={[4, 4]} wrap>
            {scopedRoles.map((role) => (
              <Tag key={role.id}>
                {t('home.roleScope', { role: role.name, scope: role.dataScope ? dataScopeLabel(t, role.dataScope) : '' })}
              </Tag>
            ))}
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('home.scopeNotProvided')}</Typography.Text>
        ),
    },
  ];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('home.welcome', { name: me.displayName })} style={{ maxWidth: 960 }}>
        <Typography.Paragraph type="secondary">{t('home.intro')}</Typography.Paragraph>
        <Descriptions column={1} bordered size="small" items={items} />
      </Card>
      <TodoCard />
    </Space>
  );
}
