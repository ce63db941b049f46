import type { RankingView } from '@zhenggong/core';
import { Card, Flex, Segmented, Select, Table } from 'antd';
import { Link } from 'react-router-dom';
import { usePermission } from '../../../shared/auth/usePermission';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../../shared/components/EChart';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { beijingToday } from '../../../shared/utils/beijing-today';
import { pointsText, useRanking } from '../api';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

function periods(today: string): string[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const months = Array.from({ length: 12 }, (_, i) => {
    const m = month - i;
    const y = m <= 0 ? year - 1 : year;
    return `${y}-${String(m <= 0 ? m + 12 : m).padStart(2, '0')}`;
  });
  return [...months, String(year), String(year - 1)];
}

/** Monthly and annual rankings of people and units over verified outputs (the figures assessment reads). */
export function RankingPage() {
  const { t } = useTranslation();
  const today = beijingToday();
  const [period, setPeriod] = useState(today.slice(0, 7));
  const [by, setBy] = useState<'person' | 'unit'>('person');
  const ranking = useRanking(period, by);
  const mayNominate = usePermission('awards:nominate');
  // 宣传工作表彰 goes through the awards module: the row opens its nomination form, filled in.
  const nominateLink = (r: RankingView['items'][number]) =>
    `/awards/nominate?${new URLSearchParams({
      personId: r.key,
      personName: r.name,
      title: t('publicity.ranking.awardTitle'),
      deedTitle: t('publicity.ranking.deedTitle', { period }),
      deedSummary: t('publicity.ranking.deedSummary', { period, points: pointsText(r.points), outputs: r.outputs, rank: r.rank }),
    }).toString()}`;
  const top = ranking.data?.items.slice(0, 10) ?? [];
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 90, right: 24, top: 10, bottom: 24 },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', inverse: true, data: top.map((r) => r.name) },
      series: [
        { type: 'bar', color: '#c41d7f', barMaxWidth: 28, data: top.map((r) => r.points / 10), label: { show: true, position: 'right' } },
      ],
    }),
    [top],
  );
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap>
        <Select
          data-testid="ranking-period"
          style={{ width: 140 }}
          value={period}
          onChange={setPeriod}
          options={periods(today).map((p) => ({ value: p, label: p }))}
        />
        <Segmented
          value={by}
          onChange={(v) => setBy(v as 'person' | 'unit')}
          options={[
            { value: 'person', label: t('publicity.ranking.byPerson') },
            { value: 'unit', label: t('publicity.ranking.byUnit') },
          ]}
        />
      </Flex>
      {ranking.isError && <QueryErrorAlert error={ranking.error} onRetry={() => void ranking.refetch()} />}
      {top.length > 0 && (
        <Card size="small" title={t('publicity.ranking.chart')}>
          <EChart option={option} style={{ height: Math.max(120, top.length * 32) }} testId="ranking-chart" />
        </Card>
      )}
      <Table<RankingView['items'][number]>
        data-testid="ranking"
        rowKey="key"
        size="small"
        loading={ranking.isFetching}
        dataSource={ranking.data?.items}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('publicity.ranking.rank'), dataIndex: 'rank', width: 70 },
          { title: t('publicity.ranking.name'), dataIndex: 'name' },
          { title: t('publicity.ranking.points'), dataIndex: 'points', align: 'right', render: pointsText },
          { title: t('publicity.ranking.outputs'), dataIndex: 'outputs', align: 'right' },
          ...(by === 'person' && mayNominate
            ? [
                {
                  title: t('common.actions'),
                  key: 'nominate',
                  render: (_: unknown, r: RankingView['items'][number]) => (
                    <Link to={nominateLink(r)} data-testid="ranking-nominate">
                      {t('publicity.ranking.nominate')}
                    </Link>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Flex>
  );
}
