import type { LoyaltyOverview } from '../../../shared/loyalty';
import type { ChartOption } from './echarts';
import type { TableCell } from './ChartCard';
import { major, money, percent, rate, type T } from './format';

export interface ChartSpec {
  option: ChartOption;
  headers: string[];
  rows: TableCell[][];
}

const BLUE = '#2f6fb3';
const LIGHT = '#9bbbe0';
const ORANGE = '#d9822b';
const GREEN = '#3c9a5f';
const RED = '#c23b3b';
const COLORS = [BLUE, LIGHT, ORANGE, GREEN, RED];

export function ladderChart(o: LoyaltyOverview, t: T): ChartSpec {
  const names = o.ladder.map((l) => t(`loyalty.ladder.stages.${l.stage}`));
  return {
    option: {
      color: COLORS,
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [t('loyalty.ladder.previous'), t('loyalty.ladder.now')] },
      grid: { left: 40, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: names },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('loyalty.ladder.previous'), type: 'bar', data: o.ladder.map((l) => l.previous) },
        { name: t('loyalty.ladder.now'), type: 'bar', data: o.ladder.map((l) => l.count) },
      ],
    },
    headers: [
      t('loyalty.ladder.stage'),
      t('loyalty.ladder.previous'),
      t('loyalty.ladder.now'),
      t('loyalty.ladder.change'),
    ],
    rows: o.ladder.map((l, i) => [names[i] ?? l.stage, l.previous, l.count, l.count - l.previous]),
  };
}

export function matrixChart(o: LoyaltyOverview, t: T, language: string): ChartSpec {
  const abc = ['A', 'B', 'C'];
  const xyz = ['X', 'Y', 'Z'];
  const max = Math.max(1, ...o.matrix.map((m) => m.count));
  return {
    option: {
      tooltip: { position: 'top' },
      grid: { left: 40, right: 16, top: 16, bottom: 56 },
      xAxis: { type: 'category', data: xyz, splitArea: { show: true } },
      yAxis: { type: 'category', data: abc, inverse: true, splitArea: { show: true } },
      visualMap: {
        min: 0,
        max,
        calculable: false,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        itemHeight: 80,
      },
      series: [
        {
          type: 'heatmap',
          label: { show: true },
          data: o.matrix.map((m) => ({
            value: [xyz.indexOf(m.xyz), abc.indexOf(m.abc), m.count],
            cell: `${m.abc}${m.xyz}`,
          })),
        },
      ],
    },
    headers: [
      t('loyalty.matrix.cell'),
      t('loyalty.matrix.count'),
      t('loyalty.matrix.revenue'),
      t('loyalty.matrix.revenueShare'),
    ],
    rows: o.matrix.map((m) => [
      `${m.abc}${m.xyz}`,
      m.count,
      major(m.revenueMinor),
      percent(m.revenueShare, language),
    ]),
  };
}

export function segmentsChart(o: LoyaltyOverview, t: T, language: string): ChartSpec {
  const names = o.segments.map((s) => t(`loyalty.segments.names.${s.segment}`));
  return {
    option: {
      color: COLORS,
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [t('loyalty.segments.count'), t('loyalty.segments.margin')] },
      grid: { left: 130, right: 60, top: 36, bottom: 24 },
      yAxis: { type: 'category', data: names, inverse: true },
      xAxis: [
        { type: 'value', minInterval: 1 },
        { type: 'value', show: false },
      ],
      series: [
        { name: t('loyalty.segments.count'), type: 'bar', data: o.segments.map((s) => s.count) },
        {
          name: t('loyalty.segments.margin'),
          type: 'bar',
          xAxisIndex: 1,
          data: o.segments.map((s) => major(s.marginMinor)),
        },
      ],
    },
    headers: [
      t('loyalty.segments.segment'),
      t('loyalty.segments.count'),
      t('loyalty.segments.margin'),
      t('loyalty.segments.marginShare'),
      t('loyalty.segments.ltv'),
      t('loyalty.segments.historicalLtv'),
    ],
    rows: o.segments.map((s, i) => [
      names[i] ?? s.segment,
      s.count,
      major(s.marginMinor),
      percent(s.marginShare, language),
      money(s.ltvMinor, language),
      money(s.historicalLtvMinor, language),
    ]),
  };
}

export function retentionChart(o: LoyaltyOverview, t: T, language: string): ChartSpec {
  return {
    option: {
      color: [BLUE, RED],
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [t('loyalty.retention.crr'), t('loyalty.retention.churn')] },
      grid: { left: 40, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: o.retention.map((r) => r.key) },
      yAxis: { type: 'value' },
      series: [
        { name: t('loyalty.retention.crr'), type: 'line', data: o.retention.map((r) => round1(r.crr)) },
        { name: t('loyalty.retention.churn'), type: 'line', data: o.retention.map((r) => round1(r.churn)) },
      ],
    },
    headers: [
      t('loyalty.retention.period'),
      t('loyalty.retention.atStart'),
      t('loyalty.retention.atEnd'),
      t('loyalty.retention.acquired'),
      t('loyalty.retention.lost'),
      t('loyalty.retention.crr'),
      t('loyalty.retention.churn'),
    ],
    rows: o.retention.map((r) => [
      r.key,
      r.atStart,
      r.atEnd,
      r.acquired,
      r.lost,
      rate(r.crr, language),
      rate(r.churn, language),
    ]),
  };
}

export function keyClientsChart(o: LoyaltyOverview, t: T, language: string): ChartSpec {
  return {
    option: {
      color: COLORS,
      tooltip: { trigger: 'axis' },
      grid: { left: 160, right: 16, top: 16, bottom: 24 },
      yAxis: { type: 'category', data: o.keyClients.map((k) => k.name), inverse: true },
      xAxis: { type: 'value', max: 100 },
      series: [
        {
          name: t('loyalty.key.revenueShare'),
          type: 'bar',
          data: o.keyClients.map((k) => Math.round(k.revenueShare * 1000) / 10),
        },
      ],
    },
    headers: [
      t('loyalty.key.client'),
      t('loyalty.key.revenue'),
      t('loyalty.key.margin'),
      t('loyalty.key.revenueShare'),
      t('loyalty.key.marginShare'),
    ],
    rows: o.keyClients.map((k) => [
      k.name,
      major(k.revenueMinor),
      major(k.marginMinor),
      percent(k.revenueShare, language),
      percent(k.marginShare, language),
    ]),
  };
}

export function npsChart(o: LoyaltyOverview, t: T): ChartSpec {
  return {
    option: {
      color: [GREEN],
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 16, bottom: 28 },
      xAxis: { type: 'category', data: o.nps.byPeriod.map((p) => p.key) },
      yAxis: { type: 'value', min: -100, max: 100 },
      series: [{ name: 'NPS', type: 'line', connectNulls: true, data: o.nps.byPeriod.map((p) => p.score) }],
    },
    headers: [t('loyalty.nps.period'), t('loyalty.nps.score'), t('loyalty.nps.responses')],
    rows: o.nps.byPeriod.map((p) => [p.key, p.score ?? '—', p.responses]),
  };
}

export function npsPlacesChart(o: LoyaltyOverview, t: T): ChartSpec {
  const places = [...o.nps.byCountry, ...o.nps.byHotel].slice(0, 20);
  return {
    option: {
      color: [ORANGE],
      tooltip: { trigger: 'axis' },
      grid: { left: 140, right: 16, top: 16, bottom: 24 },
      yAxis: { type: 'category', data: places.map((p) => p.key), inverse: true },
      xAxis: { type: 'value', min: -100, max: 100 },
      series: [{ name: 'NPS', type: 'bar', data: places.map((p) => p.score) }],
    },
    headers: [t('loyalty.nps.key'), t('loyalty.nps.score'), t('loyalty.nps.responses')],
    rows: places.map((p) => [p.key, p.score ?? '—', p.responses]),
  };
}

function round1(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10) / 10;
}
