import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { EChart } from '../../../shared/components/EChart';

echarts.use([BarChart, GridComponent, TooltipComponent, AriaComponent, CanvasRenderer]);

interface Props {
  units: { orgName: string; points: number }[];
  label: string;
}

/** Unit points as horizontal bars, best unit on top. */
export function RankingChart({ units, label }: Props) {
  const option = useMemo(() => {
    const rows = [...units].reverse();
    return {
      aria: { enabled: true },
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', name: label },
      yAxis: { type: 'category', data: rows.map((u) => u.orgName) },
      series: [{ type: 'bar', data: rows.map((u) => u.points), label: { show: true, position: 'right' }, itemStyle: { color: '#1677ff' } }],
    };
  }, [units, label]);
  return <EChart option={option} testId="ranking-chart" style={{ height: Math.max(160, units.length * 44 + 40) }} />;
}
