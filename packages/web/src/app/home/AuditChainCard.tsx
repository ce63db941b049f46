import { Alert, Button, Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useVerifyAudit } from '../../features/audit/api';

/** The audit administrator's first question: is the chain whole? Verification runs when asked. */
export function AuditChainCard() {
  const { t } = useTranslation();
  const verify = useVerifyAudit();
  const result = verify.data;
  return (
    <Card title={t('home.auditChain.title')} size="small" data-testid="home-audit-chain">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('home.auditChain.hint')}</Typography.Text>
        {result && (
          <Alert
            type={result.ok ? 'success' : 'error'}
            showIcon
            message={
              result.ok
                ? t('home.auditChain.ok', { checked: result.checked })
                : t('home.auditChain.broken', { checked: result.checked, at: result.brokenAt ?? '?' })
            }
          />
        )}
        <Space wrap>
          <Button type="primary" loading={verify.isPending} onClick={() => verify.mutate()}>
            {t('home.auditChain.verify')}
          </Button>
          <Link to="/audit">{t('home.auditChain.open')}</Link>
        </Space>
      </Space>
    </Card>
  );
}
