import { Card, Empty, Typography } from 'antd';
import { BarChart, PieChart, type BarSeriesOption, type PieSeriesOption } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type AriaComponentOption,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { EChart } from '../../../shared/components/EChart';

// Only the pieces used here (tree-shaken core instead of the whole echarts bundle).
echarts.use([BarChart, PieChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, CanvasRenderer]);

type Option = echarts.ComposeOption<
  BarSeriesOption | PieSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption | AriaComponentOption
>;

export interface ChartDatum {
  /** What a click acts on (code, band, org id); null = "not recorded", not clickable. */
  key: string | null;
  /** Full name (tooltip, legend). */
  name: string;
  /** Shorter axis label (a unit without its parent's name); defaults to `name`. */
  label?: string;
  value: number;
}

interface StatsChartProps {
  title: string;
  /** Shown under the title: what a click does. */
  hint?: string;
  type: 'bar' | 'pie' | 'hbar';
  data: readonly ChartDatum[];
  height?: number;
  onSelect?: (datum: ChartDatum) => void;
  testId?: string;
}

/** ECharts tooltips render HTML; names come from the org tree and code tables, escaped all the same. */
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function optionOf(type: StatsChartProps['type'], data: readonly ChartDatum[], clickable: boolean): Option {
  const cursor = clickable ? 'pointer' : 'default';
  const aria = { enabled: true };
  if (type === 'pie') {
    return {
      aria,
      tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
      legend: {
        type: 'scroll',
        orient: 'vertical',
        right: 0,
        top: 'middle',
        textStyle: { width: 100, overflow: 'truncate' },
        tooltip: { show: true },
      },
      series: [
        {
          type: 'pie',
          radius: ['34%', '60%'],
          center: ['30%', '50%'],
          cursor,
          label: { show: false },
          data: data.map((d) => ({ name: d.name, value: d.value })),
        },
      ],
    };
  }
  const names = data.map((d) => d.label ?? d.name);
  const values = data.map((d) => d.value);
  const horizontal = type === 'hbar';
  const category = {
    type: 'category' as const,
    data: names,
    axisLabel: {
      interval: 0,
      rotate: !horizontal && names.length > 6 ? 30 : 0,
      width: names.length <= 3 ? 240 : 90,
      overflow: 'truncate' as const,
    },
  };
  const value = { type: 'value' as const, minInterval: 1 };
  return {
    aria,
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      // The full name, not the shortened axis label.
      formatter: (params: unknown) => {
        const first = Array.isArray(params) ? (params[0] as { dataIndex?: number } | undefined) : undefined;
        const datum = first?.dataIndex === undefined ? undefined : data[first.dataIndex];
        return datum ? `${escapeHtml(datum.name)}：${datum.value}` : '';
      },
    },
    grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? { ...category, inverse: true } : value,
    series: [{ type: 'bar', data: values, cursor, barMaxWidth: 36, label: { show: true, position: horizontal ? 'right' : 'top' } }],
  };
}

/** One breakdown as an ECharts bar or doughnut; clicking an element reports its datum. */
export function StatsChart({ title, hint, type, data, height = 280, onSelect, testId }: StatsChartProps) {
  const clickable = Boolean(onSelect);
  // Rebuilt only when the numbers change (dataKey stands for data): a new option object redraws the chart.
  const dataKey = JSON.stringify(data);
  const option = useMemo(() => optionOf(type, data, clickable), [type, dataKey, clickable]);
  return (
    <Card
      size="small"
      title={title}
      extra={
        hint ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {hint}
          </Typography.Text>
        ) : undefined
      }
      data-testid={testId}
    >
      {data.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} style={{ height: height - 40 }} />
      ) : (
        <EChart
          option={option}
          style={{ height }}
          onItemClick={(index) => {
            const datum = data[index];
            if (datum && datum.key !== null) onSelect?.(datum);
          }}
        />
      )}
    </Card>
  );
}
