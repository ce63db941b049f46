import * as echarts from 'echarts/core';
import { useEffect, useRef, type CSSProperties } from 'react';

interface EChartProps {
  option: echarts.EChartsCoreOption;
  /** Index of the clicked data item (bar or slice), and of its series (which stack of a bar). */
  onItemClick?: (dataIndex: number, seriesIndex: number) => void;
  style?: CSSProperties;
  testId?: string;
}

/**
 * The one chart wrapper of the app: a canvas that follows its container's width, redrawn by a new
 * option object. Each feature registers the chart types it uses (`echarts.use`) beside its
 * option builder, so bundles stay tree-shaken. Built on echarts/core directly: echarts-for-react 3.0.6 imports `tslib` without declaring
 * it, so it does not bundle with our lockfile; the part we need (init, setOption, resize, click,
 * dispose) fits here.
 */
export function EChart({ option, onItemClick, style, testId }: EChartProps) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onItemClick);
  useEffect(() => {
    click.current = onItemClick;
  });

  useEffect(() => {
    const node = element.current;
    if (!node) return undefined;
    const instance = echarts.init(node, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (params) => {
      if (typeof params.dataIndex === 'number') click.current?.(params.dataIndex, params.seriesIndex ?? 0);
    });
    // Follows the card's width (sider collapse, window resize) without a window listener per chart.
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

  return <div ref={element} style={style} data-testid={testId} />;
}
