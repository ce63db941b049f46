import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ClassList } from '../components/ClassList';
import { CoveragePanel } from '../components/CoveragePanel';

/** 教育训练: training classes and coverage tracking; the tab is kept in the URL. */
export function TrainingPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'coverage' ? 'coverage' : 'classes';
  return (
    <Card title={t('training.title')}>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'classes' ? {} : { tab: key })}
        items={[
          { key: 'classes', label: t('training.tabs.classes'), children: <ClassList /> },
          { key: 'coverage', label: t('training.tabs.coverage'), children: <CoveragePanel /> },
        ]}
      />
    </Card>
  );
}
