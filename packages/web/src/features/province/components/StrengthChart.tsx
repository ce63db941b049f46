import { Card, Typography } from 'antd';
import { BarChart, type BarSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { EChart } from '../../../shared/components/EChart';
import type { ProvinceStatsRow } from '../api';

echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

type Option = echarts.ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption>;

interface Props {
  title: string;
  hint?: string;
  rows: readonly ProvinceStatsRow[];
  labels: { officers: string; auxiliaries: string };
  onSelect?: (row: ProvinceStatsRow) => void;
}

/** Officers and auxiliaries per city (or branch), stacked; a click drills down where that is possible. */
export function StrengthChart({ title, hint, rows, labels, onSelect }: Props) {
  const option = useMemo<Option>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { interval: 0, rotate: rows.length > 4 ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: labels.officers,
          type: 'bar',
          stack: 'strength',
          data: rows.map((r) => r.officers),
          cursor: onSelect ? 'pointer' : 'default',
        },
        {
          name: labels.auxiliaries,
          type: 'bar',
          stack: 'strength',
          data: rows.map((r) => r.auxiliaries),
          cursor: onSelect ? 'pointer' : 'default',
        },
      ],
    }),
    [rows, labels, onSelect],
  );
  return (
    <Card
      title={title}
      extra={hint ? <Typography.Text type="secondary">{hint}</Typography.Text> : undefined}
      styles={{ body: { padding: 12 } }}
    >
      <EChart
        option={option}
        style={{ height: 300 }}
        testId="province-strength-chart"
        onItemClick={onSelect ? (i) => rows[i] && onSelect(rows[i]) : undefined}
      />
    </Card>
  );
}
