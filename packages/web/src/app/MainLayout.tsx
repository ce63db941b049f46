import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Flex, Grid, Layout, Menu, Space, Typography, theme } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { NotificationBell } from '../features/workflow/components/NotificationBell';
import { LanguageSwitch } from '../shared/components/LanguageSwitch';
import { useAuth } from '../shared/auth/useAuth';
import { NAV_GROUPS, navItemsFor } from './nav-items';
import { PageBreadcrumb } from './PageBreadcrumb';
import { usePageLabels } from './page-labels';
import { PageTabs } from './PageTabs';
import { pageTrail } from './page-trail';

/** Sider width chosen so the menu plus a 1366×768 screen still leaves ~1150px for tables. */
const SIDER_WIDTH = 200;

export function MainLayout() {
  const { t } = useTranslation();
  const { me, logout } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useState(false);
  const { token } = theme.useToken();
  // Phones (我的考试 is used on them): the menu folds away completely and the header shows icons only.
  const narrow = Grid.useBreakpoint().md === false;

  const items = useMemo(() => {
    const visible = navItemsFor(me);
    const entry = (item: (typeof visible)[number]) => ({
      key: item.path,
      icon: item.icon,
      label: <Link to={item.path}>{t(`layout.menu.${item.labelKey}`)}</Link>,
    });
    const groups = NAV_GROUPS.map((g) => ({ ...g, children: visible.filter((item) => item.group === g.key).map(entry) }))
      .filter((g) => g.children.length > 0)
      .map((g) => ({ key: `group:${g.key}`, icon: g.icon, label: t(`layout.menuGroup.${g.key}`), children: g.children }));
    const flat = visible.filter((item) => !item.group).map(entry);
    // Business groups after the personnel entries, before the administration ones.
    const split = flat.findIndex((x) => x.key === '/orgs');
    return split < 0 ? [...flat, ...groups] : [...flat.slice(0, split), ...groups, ...flat.slice(split)];
  }, [me, t]);
  const trail = pageTrail(location.pathname);
  const selectedItem = trail?.item;
  const selectedGroup = selectedItem?.group ? `group:${selectedItem.group}` : null;
  // Open sub-menus are the user's choice, but the one holding the current page is opened whenever
  // the page changes (a link from 首页 or a detail page), so its highlight is always in sight.
  const [openKeys, setOpenKeys] = useState<string[]>(selectedGroup ? [selectedGroup] : []);
  const [openedFor, setOpenedFor] = useState(location.pathname);
  if (openedFor !== location.pathname) {
    setOpenedFor(location.pathname);
    if (selectedGroup && !openKeys.includes(selectedGroup)) setOpenKeys([...openKeys, selectedGroup]);
  }

  // The window title names the page (its menu entry), so browser tabs and history read as pages.
  const { entryLabel } = usePageLabels();
  const windowTitle = `${selectedItem ? entryLabel(selectedItem) : t('errors.notFoundTitle')} - ${t('layout.appName')}`;
  useEffect(() => {
    document.title = windowTitle;
  }, [windowTitle]);
  useEffect(() => {
    const appName = t('layout.appName');
    return () => {
      document.title = appName;
    };
  }, [t]);

  const onLogout = async () => {
    await logout();
    navigate('/login', { replace: true });
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        breakpoint="lg"
        width={SIDER_WIDTH}
        collapsedWidth={narrow ? 0 : undefined}
        zeroWidthTriggerStyle={{ top: 8 }}
        // On a phone the opened menu lies over the page instead of squeezing it.
        style={{
          position: narrow ? 'fixed' : 'sticky',
          top: 0,
          left: 0,
          height: '100vh',
          overflow: narrow && collapsed ? 'visible' : 'auto',
          zIndex: 20,
        }}
      >
        {/* A phone's folded menu is 0 px wide: render nothing in it but the trigger. */}
        {!(narrow && collapsed) && (
          <>
            <Flex align="center" justify="center" style={{ height: 56, color: '#fff', fontSize: collapsed ? 14 : 18, fontWeight: 600 }}>
              {collapsed ? t('layout.appName').slice(0, 2) : t('layout.appName')}
            </Flex>
            <Menu
              theme="dark"
              mode="inline"
              selectedKeys={selectedItem ? [selectedItem.path] : []}
              openKeys={collapsed ? undefined : openKeys}
              onOpenChange={setOpenKeys}
              items={items}
              onClick={() => narrow && setCollapsed(true)}
              aria-label={t('layout.appName')}
            />
          </>
        )}
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: token.colorBgContainer,
            // On a phone the menu trigger sits over the header's left edge: keep the user's name clear of it.
            padding: narrow ? '0 8px 0 56px' : '0 16px',
            height: 56,
            lineHeight: 'normal',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'flex-end',
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          <Space size={narrow ? 'small' : 'middle'} wrap={false}>
            <Space size={4} aria-label={t('layout.userLabel')}>
              <UserOutlined />
              <Typography.Text strong data-testid="current-user" ellipsis style={narrow ? { maxWidth: 96 } : undefined}>
                {me?.displayName}
              </Typography.Text>
              {!narrow && (
                <Typography.Text type="secondary" ellipsis style={{ maxWidth: 240 }}>
                  {me?.orgName}
                </Typography.Text>
              )}
            </Space>
            <NotificationBell />
            <LanguageSwitch />
            <Button type="text" icon={<KeyOutlined />} aria-label={t('layout.changePassword')} onClick={() => navigate('/change-password')}>
              {!narrow && t('layout.changePassword')}
            </Button>
            <Button type="text" icon={<LogoutOutlined />} aria-label={t('layout.logout')} onClick={() => void onLogout()}>
              {!narrow && t('layout.logout')}
            </Button>
          </Space>
        </Layout.Header>
        {/* A phone has the menu drawer for switching pages: no tab strip to crowd it. */}
        {!narrow && <PageTabs trail={trail} />}
        <Layout.Content style={{ margin: narrow ? 8 : 16, minWidth: 0 }}>
          <PageBreadcrumb trail={trail} narrow={narrow} />
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
