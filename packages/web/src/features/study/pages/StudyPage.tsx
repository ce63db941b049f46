import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { usePermission } from '../../../shared/auth/usePermission';
import { CampaignsPanel } from '../components/CampaignsPanel';
import { MaterialsPanel } from '../components/MaterialsPanel';
import { ApprovalsPanel, RecordsPanel } from '../components/RecordsPanels';

/** 学习教育: materials, campaigns (主题教育) with progress, the approvals queue and all records. */
export function StudyPage() {
  const { t } = useTranslation();
  const canApprove = usePermission('study:approve');
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'materials';
  return (
    <Card title={t('study.title')}>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'materials' ? {} : { tab: key })}
        items={[
          { key: 'materials', label: t('study.tabs.materials'), children: <MaterialsPanel /> },
          { key: 'campaigns', label: t('study.tabs.campaigns'), children: <CampaignsPanel /> },
          ...(canApprove ? [{ key: 'approvals', label: t('study.tabs.approvals'), children: <ApprovalsPanel /> }] : []),
          { key: 'records', label: t('study.tabs.records'), children: <RecordsPanel /> },
        ]}
      />
    </Card>
  );
}
