import { Button, Card, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { Me } from '../../shared/auth/types';
import { navItemsFor } from '../nav-items';

/** 常用功能: the account's menu entries as buttons (home itself left out). */
export function QuickEntries({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const items = navItemsFor(me).filter((item) => item.path !== '/');
  if (items.length === 0) return null;
  return (
    <Card title={t('home.quickLinks')} size="small" data-testid="home-quick-entries">
      <Flex wrap gap={8}>
        {items.slice(0, 12).map((item) => (
          <Button key={item.path} icon={item.icon} onClick={() => navigate(item.path)}>
            {t(`layout.menu.${item.labelKey}`)}
          </Button>
        ))}
      </Flex>
    </Card>
  );
}
