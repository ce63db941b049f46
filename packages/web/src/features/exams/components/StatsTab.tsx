import { Card, Col, Empty, Row, Statistic, Table, type TableProps } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useExamStats } from '../api';
import { percent, score } from '../exam-format';
import type { UnitStats } from '../types';
import { ExamChart, type ExamChartOption } from './ExamChart';

const pct = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

/** 成绩统计: the overall figures, a per-unit table and chart, and the score histogram. */
export function StatsTab({ examId }: { examId: string }) {
  const { t } = useTranslation();
  const stats = useExamStats(examId, true);
  const data = stats.data;

  const unitOption = useMemo<ExamChartOption | null>(() => {
    if (!data || data.byUnit.length === 0) return null;
    const names = data.byUnit.map((u) => u.orgName);
    return {
      aria: { enabled: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: names,
        axisLabel: { interval: 0, width: 100, overflow: 'truncate', rotate: names.length > 5 ? 30 : 0 },
      },
      yAxis: [
        { type: 'value', name: t('exams.stats.average'), min: 0 },
        { type: 'value', name: `${t('exams.stats.passRate')} %`, min: 0, max: 100 },
      ],
      series: [
        {
          type: 'bar',
          name: t('exams.stats.average'),
          data: data.byUnit.map((u) => (u.average === null ? null : Math.round(u.average * 10) / 10)),
          barMaxWidth: 36,
          label: { show: true, position: 'top' },
        },
        {
          type: 'line',
          name: `${t('exams.stats.passRate')} %`,
          yAxisIndex: 1,
          data: data.byUnit.map((u) => pct(u.passRate)),
          label: { show: true, formatter: '{c}%' },
        },
      ],
    };
  }, [data, t]);

  const distributionOption = useMemo<ExamChartOption | null>(() => {
    if (!data || data.distribution.length === 0) return null;
    return {
      aria: { enabled: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        name: t('exams.stats.scoreBand'),
        data: data.distribution.map((d) => `${d.from}–${d.to}`),
        axisLabel: { interval: 0 },
      },
      yAxis: { type: 'value', name: t('exams.stats.people'), minInterval: 1 },
      series: [
        {
          type: 'bar',
          name: t('exams.stats.people'),
          data: data.distribution.map((d) => d.count),
          barCategoryGap: '4%',
          label: { show: true, position: 'top' },
        },
      ],
    };
  }, [data, t]);

  if (stats.isError) return <QueryErrorAlert error={stats.error} onRetry={() => void stats.refetch()} />;

  const columns: TableProps<UnitStats>['columns'] = [
    { key: 'unit', title: t('exams.stats.unit'), dataIndex: 'orgName' },
    { key: 'examinees', title: t('exams.stats.examinees'), dataIndex: 'examinees', align: 'right' },
    { key: 'participated', title: t('exams.stats.participated'), dataIndex: 'participated', align: 'right' },
    { key: 'participationRate', title: t('exams.stats.participationRate'), align: 'right', render: (_, u) => percent(u.participationRate) },
    { key: 'average', title: t('exams.stats.average'), align: 'right', render: (_, u) => score(u.average) },
    { key: 'passRate', title: t('exams.stats.passRate'), align: 'right', render: (_, u) => percent(u.passRate) },
  ];
  const overall = data?.overall;

  return (
    <div data-testid="exam-stats">
      <Row gutter={[12, 12]}>
        {(
          [
            ['examinees', overall?.examinees],
            ['participated', overall?.participated],
            ['participationRate', percent(overall?.participationRate)],
            ['average', score(overall?.average)],
            ['passRate', percent(overall?.passRate)],
            ['max', score(overall?.max)],
            ['min', score(overall?.min)],
          ] as const
        ).map(([key, value]) => (
          <Col key={key} xs={12} sm={8} md={6} lg={3}>
            <Card size="small" loading={stats.isPending}>
              <Statistic title={t(`exams.stats.${key}`)} value={value ?? '—'} />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('exams.stats.unitChart')}>
            {unitOption ? (
              <ExamChart option={unitOption} style={{ height: 300 }} testId="unit-chart" />
            ) : (
              <Empty description={t('exams.stats.noData')} />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('exams.stats.distribution')}>
            {distributionOption ? (
              <ExamChart option={distributionOption} style={{ height: 300 }} testId="distribution-chart" />
            ) : (
              <Empty description={t('exams.stats.noData')} />
            )}
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('exams.stats.byUnit')} style={{ marginTop: 12 }}>
        <Table<UnitStats>
          rowKey="orgId"
          size="small"
          columns={columns}
          dataSource={data?.byUnit}
          loading={stats.isFetching}
          pagination={false}
          data-testid="unit-stats-table"
        />
      </Card>
    </div>
  );
}
