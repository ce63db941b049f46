import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../../shared/components/LanguageSwitch';

interface AuthCardProps {
  heading: string;
  children: ReactNode;
  width?: number;
}

/** Centred card used by the sign-in and password pages (outside the main layout). */
export function AuthCard({ heading, children, width = 420 }: AuthCardProps) {
  const { t } = useTranslation();
  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', padding: 24, background: '#f0f2f5' }}>
      <Flex justify="flex-end" style={{ width, maxWidth: '100%', marginBottom: 12 }}>
        <LanguageSwitch />
      </Flex>
      <Card style={{ width, maxWidth: '100%' }}>
        <Flex vertical align="center" style={{ marginBottom: 16 }}>
          <Typography.Title level={3} style={{ marginBottom: 4 }}>
            {t('auth.login.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('auth.login.subtitle')}</Typography.Text>
        </Flex>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {heading}
        </Typography.Title>
        {children}
      </Card>
    </Flex>
  );
}
