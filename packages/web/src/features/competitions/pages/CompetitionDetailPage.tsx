import { SendOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Popconfirm, Tabs, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import { usePermission } from '../../../shared/auth/usePermission';
import { FullPageSpin } from '../../../shared/components/FullPageSpin';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { useEvent, usePublish } from '../api';
import { EntriesTab } from '../components/EntriesTab';
import { ItemsTab } from '../components/ItemsTab';
import { RankingsTab } from '../components/RankingsTab';
import { ScoresTab } from '../components/ScoresTab';

/** One competition: items, entries, the score grid, rankings and publication. The tab is in the URL. */
export function CompetitionDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const event = useEvent(id);
  const publish = usePublish(id);
  const canWrite = usePermission('competition:write');
  const { message } = App.useApp();
  const showError = useErrorMessage();
  if (event.isError) return <QueryErrorAlert error={event.error} onRetry={() => void event.refetch()} />;
  if (!event.data) return <FullPageSpin />;
  const e = event.data;
  const editable = canWrite && e.status === 'open';
  return (
    <Card
      title={e.title}
      extra={
        editable && (
          <Popconfirm
            title={t('competitions.publishConfirm')}
            onConfirm={() =>
              publish.mutate(undefined, { onSuccess: () => void message.success(t('competitions.published')), onError: showError })
            }
          >
            <Button type="primary" icon={<SendOutlined />} loading={publish.isPending}>
              {t('competitions.actions.publish')}
            </Button>
          </Popconfirm>
        )
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 4 }}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'level', label: t('competitions.fields.level'), children: t(`competitions.level.${e.level}`) },
          { key: 'org', label: t('competitions.fields.org'), children: e.orgName },
          { key: 'dates', label: t('competitions.fields.dates'), children: `${e.startDate} ~ ${e.endDate}` },
          {
            key: 'status',
            label: t('competitions.fields.status'),
            children: <Tag color={e.status === 'published' ? 'green' : 'blue'}>{t(`competitions.status.${e.status}`)}</Tag>,
          },
        ]}
      />
      <Tabs
        activeKey={params.get('tab') ?? 'items'}
        onChange={(tab) => setParams({ tab }, { replace: true })}
        items={[
          { key: 'items', label: t('competitions.tabs.items'), children: <ItemsTab event={e} editable={editable} /> },
          { key: 'entries', label: t('competitions.tabs.entries'), children: <EntriesTab event={e} editable={editable} /> },
          { key: 'scores', label: t('competitions.tabs.scores'), children: <ScoresTab event={e} editable={editable} /> },
          { key: 'rankings', label: t('competitions.tabs.rankings'), children: <RankingsTab eventId={e.id} /> },
        ]}
      />
    </Card>
  );
}
