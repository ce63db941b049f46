import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';

echarts.use([BarChart, GridComponent, TooltipComponent, AriaComponent, CanvasRenderer]);

interface Props {
  units: { orgName: string; points: number }[];
  label: string;
}

/** Unit points as horizontal bars, best unit on top. */
export function RankingChart({ units, label }: Props) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
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
  useEffect(() => {
    const node = element.current;
    if (!node) return undefined;
    const instance = echarts.init(node, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(node);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);
  return <div ref={element} data-testid="ranking-chart" style={{ height: Math.max(160, units.length * 44 + 40) }} />;
}
