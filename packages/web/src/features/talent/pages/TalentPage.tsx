import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { CoursewareTab } from '../components/CoursewareTab';
import { InstructorsTab } from '../components/InstructorsTab';
import { PoolTab } from '../components/PoolTab';

/** 教官与人才: instructors, the talent pool with suggestions to confirm, and courseware review. */
export function TalentPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  return (
    <Card title={t('talent.title')}>
      <Tabs
        activeKey={params.get('tab') ?? 'instructors'}
        onChange={(tab) => setParams({ tab }, { replace: true })}
        destroyOnHidden
        items={[
          { key: 'instructors', label: t('talent.tabs.instructors'), children: <InstructorsTab /> },
          { key: 'pool', label: t('talent.tabs.pool'), children: <PoolTab /> },
          { key: 'courseware', label: t('talent.tabs.courseware'), children: <CoursewareTab /> },
        ]}
      />
    </Card>
  );
}
