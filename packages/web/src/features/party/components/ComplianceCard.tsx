import type { ComplianceView } from '@zhenggong/core';
import { Card, Flex, Progress, Tag, Typography } from 'antd';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../../shared/components/EChart';

echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

/** A branch's quarter: the compliance rate, each kind's periods met, what is still owed now. */
export function ComplianceCard({ c }: { c: ComplianceView }) {
  const { t } = useTranslation();
  const periods = c.kinds.flatMap((k) => k.periods);
  const met = periods.filter((p) => p.met).length;
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 10, top: 30, bottom: 24 },
      xAxis: { type: 'category', data: c.kinds.map((k) => t(`party.meetingKind.${k.kind}`)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: t('party.meetings.met'),
          type: 'bar',
          stack: 'p',
          color: '#52c41a',
          data: c.kinds.map((k) => k.periods.filter((p) => p.met).length),
        },
        {
          name: t('party.meetings.notMet'),
          type: 'bar',
          stack: 'p',
          color: '#ff7875',
          data: c.kinds.map((k) => k.periods.filter((p) => !p.met).length),
        },
      ],
    }),
    [c, t],
  );
  return (
    <Card size="small" title={`${t('party.meetings.compliance')} · ${c.quarter}`} data-testid="compliance-card">
      <Flex gap={16} wrap align="center">
        <Progress
          type="circle"
          percent={c.rate}
          size={96}
          status={c.met ? 'success' : 'normal'}
          format={(p) => <span data-testid="compliance-rate">{p}%</span>}
        />
        <Flex vertical gap={6} style={{ flex: 1, minWidth: 240 }}>
          <Typography.Text type="secondary">{t('party.meetings.complianceHint', { met, total: periods.length })}</Typography.Text>
          <Flex gap={4} wrap>
            {c.kinds.map((k) => (
              <Tag key={k.kind} color={k.met ? 'green' : 'default'}>
                {t(`party.meetingKind.${k.kind}`)} {t(`party.frequency.${k.frequency}`)} {k.periods.map((p) => p.held).join('/')}
              </Tag>
            ))}
          </Flex>
          {c.due.map((d) => (
            <Typography.Text key={d.kind} type="warning">
              {t('party.meetings.owed', { kind: t(`party.meetingKind.${d.kind}`), period: d.period, dueBy: d.dueBy })}
            </Typography.Text>
          ))}
        </Flex>
        <div style={{ flex: 2, minWidth: 280 }}>
          <EChart option={option} style={{ height: 180 }} testId="compliance-chart" />
        </div>
      </Flex>
    </Card>
  );
}
