import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import { echarts, type ChartOption } from './echarts';

export interface ChartItem {
  data: unknown;
  dataIndex: number;
}

export interface ChartHandle {
  /** The chart as a PNG data URL on a white background, twice the screen resolution. */
  png: () => string | null;
}

interface ChartProps {
  option: ChartOption;
  height?: number;
  label: string;
  /** A click on a data item (a heatmap cell, a bar): its data as given in the option and its index. */
  onItemClick?: (item: ChartItem) => void;
}

/** An Apache ECharts chart that follows its option and its container's width. */
export const Chart = forwardRef<ChartHandle, ChartProps>(function Chart(
  { option, height = 260, label, onItemClick },
  ref,
) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onItemClick);
  useEffect(() => {
    click.current = onItemClick;
  });

  useEffect(() => {
    if (!box.current) return;
    const instance = echarts.init(box.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (params) => click.current?.({ data: params.data, dataIndex: params.dataIndex }));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  useImperativeHandle(ref, () => ({
    png: () => chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }) ?? null,
  }));

  return <div ref={box} className="loyalty-chart" style={{ height }} role="img" aria-label={label} />;
});
