import { Alert, Card, Col, Row, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useRankings, type RankedEntry, type Rankings } from '../api';
import { RankingChart } from './RankingChart';

const medal = (rank: number | null) => (rank === 1 ? 'gold' : rank === 2 ? 'default' : rank === 3 ? 'orange' : undefined);

/** 排名: per item with ties, unit totals with a chart; the rule is shown, not implied. */
export function RankingsTab({ eventId }: { eventId: string }) {
  const { t, i18n } = useTranslation();
  const rankings = useRankings(eventId);
  if (rankings.isError) return <QueryErrorAlert error={rankings.error} onRetry={() => void rankings.refetch()} />;
  const data = rankings.data;
  if (!data) return null;
  const lang = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
  return (
    <>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('competitions.rule')} description={data.rule[lang]} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('competitions.unitTotals')}>
            <Table<Rankings['units'][number]>
              rowKey="orgId"
              size="small"
              pagination={false}
              dataSource={data.units}
              columns={[
                {
                  title: t('competitions.fields.rank'),
                  dataIndex: 'rank',
                  width: 60,
                  render: (v: number) => <Tag color={medal(v)}>{v}</Tag>,
                },
                { title: t('competitions.fields.entryOrg'), dataIndex: 'orgName' },
                { title: t('competitions.fields.total'), dataIndex: 'points', width: 80 },
                {
                  title: t('competitions.fields.medals'),
                  key: 'm',
                  render: (_: unknown, u) => `${u.medals.first} / ${u.medals.second} / ${u.medals.third}`,
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('competitions.chartTitle')}>
            <RankingChart units={data.units} label={t('competitions.fields.points')} />
          </Card>
        </Col>
        {data.items.map((item) => (
          <Col xs={24} lg={12} key={item.itemId}>
            <Card size="small" title={`${item.name} · ${t(`competitions.direction.${item.direction}`)}`}>
              <Table<RankedEntry>
                rowKey="entryId"
                size="small"
                pagination={false}
                dataSource={item.entries}
                columns={[
                  {
                    title: t('competitions.fields.rank'),
                    dataIndex: 'rank',
                    width: 60,
                    render: (v: number | null) => (v === null ? '—' : <Tag color={medal(v)}>{v}</Tag>),
                  },
                  {
                    title: t('competitions.fields.people'),
                    key: 'p',
                    render: (_: unknown, r) => [r.teamName, r.people.map((p) => p.name).join('、')].filter(Boolean).join('：'),
                  },
                  { title: t('competitions.fields.entryOrg'), dataIndex: 'orgName' },
                  {
                    title: t('competitions.fields.score'),
                    dataIndex: 'score',
                    render: (v: number | null) => (v === null ? '—' : `${v}${item.unit ?? ''}`),
                  },
                  { title: t('competitions.fields.points'), dataIndex: 'points', width: 60 },
                ]}
              />
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}
