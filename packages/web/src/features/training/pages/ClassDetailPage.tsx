import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Tabs, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { FullPageSpin } from '../../../shared/components/FullPageSpin';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useDictLabel } from '../../../shared/dicts/dict-api';
import { useClass } from '../api';
import { AttendanceGrid } from '../components/AttendanceGrid';
import { EvaluationPanel } from '../components/EvaluationPanel';
import type { NormalizedTarget } from '@zhenggong/core';

/** One class: its plan, trainees with the attendance grid and completion, and the evaluations. */
export function ClassDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const cls = useClass(id);
  const label = useDictLabel();
  if (cls.isError) return <QueryErrorAlert error={cls.error} onRetry={() => void cls.refetch()} />;
  if (!cls.data) return <FullPageSpin />;
  const c = cls.data;
  const targetText = (target: NormalizedTarget) =>
    [
      target.orgIds.length ? `${t('training.target.orgs')} ${target.orgIds.length}` : '',
      target.posts.length ? `${t('training.target.posts')}：${target.posts.join('、')}` : '',
      target.levels.length
        ? `${t('training.target.levels')}：${target.levels.map((l) => label('police_officer_level', l)).join('、')}`
        : '',
      target.ranks.length ? `${t('training.target.ranks')}：${target.ranks.map((r) => label('police_rank', r)).join('、')}` : '',
      target.personIds.length ? t('training.target.people', { count: target.personIds.length }) : '',
    ]
      .filter(Boolean)
      .join('；') || t('training.target.none');
  return (
    <Card
      title={
        <>
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/training')} aria-label={t('training.title')} />{' '}
          {c.title} <Tag color="blue">{t(`training.kind.${c.kind}`)}</Tag>
        </>
      }
    >
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('training.cls.org')}>{c.orgName}</Descriptions.Item>
        <Descriptions.Item label={t('training.cls.dates')}>
          {c.startDate} ~ {c.endDate}
        </Descriptions.Item>
        <Descriptions.Item label={t('training.cls.place')}>{c.place ?? t('common.empty')}</Descriptions.Item>
        <Descriptions.Item label={t('training.cls.plannedHours')}>{c.plannedHours}</Descriptions.Item>
        <Descriptions.Item label={t('training.cls.enrolled')}>{c.capacity ? `${c.enrolled}/${c.capacity}` : c.enrolled}</Descriptions.Item>
        <Descriptions.Item label={t('training.cls.completed')}>{c.completed}</Descriptions.Item>
        <Descriptions.Item label={t('training.cls.threshold')}>{c.threshold}%</Descriptions.Item>
        <Descriptions.Item label={t('training.target.title')} span={2}>
          {targetText(c.target)}
        </Descriptions.Item>
        {c.description && (
          <Descriptions.Item label={t('training.cls.description')} span={3}>
            {c.description}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Tabs
        items={[
          { key: 'roster', label: t('training.detail.roster'), children: <AttendanceGrid cls={c} /> },
          { key: 'evaluation', label: t('training.detail.evaluation'), children: <EvaluationPanel classId={c.id} /> },
        ]}
      />
    </Card>
  );
}
