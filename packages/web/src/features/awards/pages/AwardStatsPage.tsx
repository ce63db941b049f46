import { Card, Col, Row, Select, Statistic, Table } from 'antd';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../../shared/components/EChart';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useAwardStats } from '../api';

echarts.use([BarChart, PieChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

const bar = (items: { key: string; count: number }[]) => ({
  grid: { left: 40, right: 16, top: 16, bottom: 40, containLabel: true },
  tooltip: {},
  xAxis: { type: 'category', data: items.map((i) => i.key), axisLabel: { interval: 0, rotate: items.length > 4 ? 30 : 0 } },
  yAxis: { type: 'value', minInterval: 1 },
  series: [{ type: 'bar', data: items.map((i) => i.count), itemStyle: { color: '#c0392b' } }],
});
const pie = (items: { key: string; count: number }[]) => ({
  tooltip: {},
  // The counts go in the legend: a slice label would sit on the legend when there is one slice.
  legend: { bottom: 0, formatter: (name: string) => `${name} ${items.find((i) => i.key === name)?.count ?? 0}` },
  series: [{ type: 'pie', radius: ['35%', '65%'], label: { show: false }, data: items.map((i) => ({ name: i.key, value: i.count })) }],
});

/** 奖励统计: decided awards by level, unit, year and kind, and the list of decisions. */
export function AwardStatsPage() {
  const { t } = useTranslation();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState<number | undefined>(thisYear);
  const stats = useAwardStats(year);
  const s = stats.data;
  return (
    <>
      <Select
        style={{ width: 140, marginBottom: 12 }}
        value={year ?? 0}
        onChange={(v: number) => setYear(v === 0 ? undefined : v)}
        options={[
          { value: 0, label: t('awards.stats.allYears') },
          ...[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: String(y) })),
        ]}
      />
      {stats.error ? <QueryErrorAlert error={stats.error} /> : null}
      {s && (
        <Row gutter={[12, 12]}>
          <Col xs={24} md={6}>
            <Card size="small">
              <Statistic title={t('awards.stats.total')} value={s.total} data-testid="awards-total" />
            </Card>
          </Col>
          <Col xs={24} md={18}>
            <Card size="small" title={t('awards.stats.byLevel')}>
              <EChart option={bar(s.byLevel)} style={{ height: 220 }} testId="chart-level" />
            </Card>
          </Col>
          <Col xs={24} md={12}>
            <Card size="small" title={t('awards.stats.byUnit')}>
              <EChart option={bar(s.byUnit)} style={{ height: 220 }} />
            </Card>
          </Col>
          <Col xs={24} md={6}>
            <Card size="small" title={t('awards.stats.byKind')}>
              <EChart option={pie(s.byKind)} style={{ height: 220 }} />
            </Card>
          </Col>
          <Col xs={24} md={6}>
            <Card size="small" title={t('awards.stats.byYear')}>
              <EChart option={bar(s.byYear)} style={{ height: 220 }} />
            </Card>
          </Col>
          <Col span={24}>
            <Card size="small" title={t('awards.stats.decisions')}>
              <Table
                rowKey="id"
                size="small"
                scroll={{ x: 700 }}
                dataSource={s.decisions}
                pagination={{ pageSize: 10 }}
                columns={[
                  { title: t('awards.detail.decisionNo'), dataIndex: 'decisionNo' },
                  { title: t('awards.detail.decisionDate'), dataIndex: 'decisionDate', width: 110 },
                  { title: t('awards.list.level'), dataIndex: 'level', width: 90 },
                  { title: t('awards.list.title'), dataIndex: 'title' },
                  { title: t('awards.list.recipients'), dataIndex: 'recipients' },
                  { title: t('awards.detail.issuer'), dataIndex: 'issuer' },
                ]}
              />
            </Card>
          </Col>
        </Row>
      )}
    </>
  );
}
