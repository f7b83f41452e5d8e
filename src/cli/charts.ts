import * as echarts from 'echarts';
import type { EChartsOption, SeriesOption } from 'echarts';
import { formatTimeOfDay } from '../simulation/durations.js';
import type { SimulationResult } from '../simulation/simulate.js';
import { duration, percent } from './format.js';
import type { StaffingCurve } from './staffing-curve.js';

/** Size of a chart, px. */
export interface ChartSize {
  readonly width: number;
  readonly height: number;
}

/** Every chart's size unless given. */
export const CHART_SIZE: ChartSize = { width: 900, height: 440 };

const COLORS = ['#3366cc', '#dc7633', '#27ae60', '#8e44ad', '#16a085', '#c0392b', '#7f8c8d'];
const TARGET_COLOR = '#c0392b';
const GRID = { left: 64, right: 64, top: 78, bottom: 64 };
const LEGEND = { bottom: 4, itemGap: 24 };

const pctAxis = (value: number): string => `${+(value * 100).toFixed(1)} %`;

/**
 * Renders an ECharts option to an SVG document with ECharts' server-side renderer (no DOM, no
 * canvas). Animation is off and the background white, so the file stands alone.
 */
export function renderSvg(option: EChartsOption, size: ChartSize = CHART_SIZE): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ animation: false, backgroundColor: '#ffffff', color: COLORS, textStyle: { fontFamily: 'Helvetica, Arial, sans-serif' }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** A horizontal target line with its label. */
function targetLine(target: number, label: string) {
  return {
    symbol: 'none',
    silent: true,
    lineStyle: { color: TARGET_COLOR, type: 'dashed' as const, width: 1.5 },
    label: { formatter: label, position: 'insideEndTop' as const, color: TARGET_COLOR },
    data: [{ yAxis: target }],
  };
}

/** A y axis floor for shares: a tenth below the lowest value shown (at most 0). */
function shareFloor(values: ReadonlyArray<number | null | undefined>, target: number): number {
  const shown = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const low = Math.min(target, ...shown);
  return Math.max(0, Math.floor((low - 0.05) * 10) / 10);
}

/**
 * Service level per statistics interval through the day: the mean of all queues with its 95 %
 * confidence band, each queue's mean when there are several, the target as a dashed line, and the
 * warm-up shaded.
 */
export function serviceLevelChart(result: SimulationResult, target: number): EChartsOption {
  const s = result.scenario;
  const labels = result.intervals.map((i) => formatTimeOfDay(s.startTimeMs + i.startMs));
  const center = result.intervals.map((i) => i.center.serviceLevel);
  const multi = s.queues.length > 1;
  const withBand = center.some((e) => e !== null && Number.isFinite(e.halfWidth));
  const lows = center.map((e) => (e === null || !Number.isFinite(e.halfWidth) ? null : Math.max(0, e.low)));
  const highs = center.map((e) => (e === null || !Number.isFinite(e.halfWidth) ? null : Math.min(1, e.high)));
  const series: SeriesOption[] = [];
  if (withBand) {
    series.push(
      { type: 'line', name: 'low', stack: 'ci', data: lows.map((v) => v ?? '-'), symbol: 'none', lineStyle: { opacity: 0 }, silent: true, z: 1 },
      {
        type: 'line',
        name: '95 % confidence interval',
        stack: 'ci',
        data: highs.map((h, i) => (h === null || lows[i] === null ? '-' : h - (lows[i] as number))),
        symbol: 'none',
        lineStyle: { opacity: 0 },
        areaStyle: { color: COLORS[0], opacity: 0.18 },
        itemStyle: { color: COLORS[0], opacity: 0.35 },
        silent: true,
        z: 1,
      },
    );
  }
  const warmupEnd = result.intervals.filter((i) => i.warmup).length;
  series.push({
    type: 'line',
    name: multi ? 'all queues' : `service level (${s.queues[0]})`,
    data: center.map((e) => (e === null ? '-' : e.mean)),
    symbolSize: 6,
    lineStyle: { width: 2.5, color: COLORS[0] },
    itemStyle: { color: COLORS[0] },
    z: 3,
    markLine: targetLine(target, `target ${percent(target, 0)}`),
    ...(warmupEnd > 0
      ? { markArea: { silent: true, itemStyle: { color: 'rgba(0,0,0,0.06)' }, label: { formatter: 'warm-up', color: '#666' }, data: [[{ xAxis: labels[0] as string }, { xAxis: labels[warmupEnd] ?? (labels[warmupEnd - 1] as string) }]] } }
      : {}),
  });
  if (multi) {
    s.queues.forEach((id, q) => {
      series.push({
        type: 'line',
        name: id,
        data: result.intervals.map((i) => i.queues[id]?.serviceLevel?.mean ?? '-'),
        symbolSize: 4,
        lineStyle: { width: 1.5, type: 'dotted', color: COLORS[(q + 1) % COLORS.length] },
        itemStyle: { color: COLORS[(q + 1) % COLORS.length] },
        z: 2,
      });
    });
  }
  const thresholds = [...new Set(Object.values(s.serviceLevelMs))];
  const within = thresholds.length === 1 ? `within ${duration(thresholds[0] as number)}` : "within each queue's threshold";
  return {
    title: {
      text: `Service level by ${duration(s.intervalMs)} interval: ${s.name}`,
      subtext: `answered ${within} ÷ answered; mean and 95 % confidence interval over ${s.replications} replication${s.replications === 1 ? '' : 's'}`,
      left: 'center',
    },
    legend: { ...LEGEND, data: [multi ? 'all queues' : `service level (${s.queues[0]})`, ...(withBand ? ['95 % confidence interval'] : []), ...(multi ? s.queues : [])] },
    grid: GRID,
    xAxis: { type: 'category', data: labels, boundaryGap: false },
    yAxis: {
      type: 'value',
      min: shareFloor([...lows, ...center.map((e) => e?.mean), ...(multi ? result.intervals.flatMap((i) => s.queues.map((id) => i.queues[id]?.serviceLevel?.mean)) : [])], target),
      max: 1,
      axisLabel: { formatter: pctAxis },
    },
    series,
  };
}

/** A bin width (s) that shows `spanS` seconds in at most 30 bars and, if it can, puts the threshold on a bin edge. */
function binWidth(spanS: number, thresholdS: number): number {
  const widths = [1, 2, 5, 10, 15, 20, 30, 60, 120, 300];
  const fits = widths.filter((w) => Math.ceil(spanS / w) <= 30);
  return fits.find((w) => thresholdS % w === 0) ?? fits[0] ?? 300;
}

/**
 * Waiting times of answered calls: a histogram (share of answered calls per bin, the bin width
 * chosen so the first 99 % fit in about 30 bars) and the cumulative share answered within each
 * wait, for all queues and each queue, with the service-level threshold marked.
 */
export function waitChart(result: SimulationResult, size: ChartSize = CHART_SIZE): EChartsOption {
  const s = result.scenario;
  const dist = result.waitDistribution.center;
  const cdf: number[] = [];
  dist.reduce((sum, share, i) => (cdf[i] = sum + share), 0);
  const total = cdf[cdf.length - 1] ?? 0;
  const thresholds = [...new Set(Object.values(s.serviceLevelMs))];
  const thresholdS = thresholds.length === 1 ? Math.round((thresholds[0] as number) / 1_000) : 0;
  const p99 = cdf.findIndex((c) => c >= 0.99 * total);
  const spanS = Math.max(10, p99 + 1, thresholdS + 5);
  const w = binWidth(spanS, thresholdS);
  const bars = Math.ceil(spanS / w);
  const barData: Array<[number, number]> = [];
  for (let b = 0; b < bars; b++) {
    // Calls answered within 1 s (most of them at once) would dwarf the rest: they are left out of the bars.
    const share = dist.slice(Math.max(1, b * w), (b + 1) * w).reduce((sum, x) => sum + x, 0);
    barData.push([b * w + w / 2, share]);
  }
  const beyond = total - dist.slice(0, bars * w).reduce((sum, x) => sum + x, 0);
  const plotWidth = size.width - GRID.left - GRID.right;
  const barWidth = Math.max(2, Math.floor(plotWidth / (bars + 1)) - 2);
  const cdfOf = (shares: readonly number[]): Array<[number, number]> => {
    const out: Array<[number, number]> = [];
    let sum = 0;
    for (let k = 0; k < bars * w; k++) {
      sum += shares[k] ?? 0;
      out.push([k + 1, sum]);
    }
    return out;
  };
  const multi = s.queues.length > 1;
  const thresholdLine =
    thresholdS > 0
      ? {
          symbol: 'none',
          silent: true,
          lineStyle: { color: TARGET_COLOR, type: 'dashed' as const, width: 1.5 },
          label: { formatter: `T = ${thresholdS} s`, position: 'end' as const, color: TARGET_COLOR },
          data: [{ xAxis: thresholdS }],
        }
      : undefined;
  const series: SeriesOption[] = [
    { type: 'bar', name: 'share per bin (waits of 1 s or more)', data: barData, barWidth, itemStyle: { color: COLORS[0], opacity: 0.8 }, yAxisIndex: 0 },
    {
      type: 'line',
      name: multi ? 'answered within: all queues' : 'answered within (cumulative)',
      data: cdfOf(dist),
      yAxisIndex: 1,
      symbol: 'none',
      // Each queue keeps the colour it has in the service-level chart.
      lineStyle: { width: 2.5, color: multi ? '#333333' : COLORS[1] },
      itemStyle: { color: multi ? '#333333' : COLORS[1] },
      ...(thresholdLine === undefined ? {} : { markLine: thresholdLine }),
    },
  ];
  if (multi) {
    s.queues.forEach((id, q) => {
      series.push({
        type: 'line',
        name: id,
        data: cdfOf(result.waitDistribution.queues[id] ?? []),
        yAxisIndex: 1,
        symbol: 'none',
        lineStyle: { width: 1.5, type: 'dotted', color: COLORS[(q + 1) % COLORS.length] },
        itemStyle: { color: COLORS[(q + 1) % COLORS.length] },
      });
    });
  }
  const atOnce = dist[0] ?? 0;
  return {
    title: {
      text: `Waiting time of answered calls: ${s.name}`,
      subtext:
        `${percent(atOnce, 1)} answered within 1 s` +
        (thresholdS > 0 ? `, ${percent(dist.slice(0, thresholdS).reduce((sum, x) => sum + x, 0), 1)} within ${thresholdS} s` : '') +
        `${beyond > 0.0005 ? `, ${percent(beyond, 1)} after ${bars * w} s or more` : ''}; ${s.replications} replication${s.replications === 1 ? '' : 's'} pooled`,
      left: 'center',
    },
    legend: LEGEND,
    grid: { ...GRID, top: 92 },
    xAxis: { type: 'value', min: 0, max: bars * w, name: 'wait (s)', nameLocation: 'middle', nameGap: 28 },
    yAxis: [
      { type: 'value', name: 'share per bin', axisLabel: { formatter: pctAxis }, min: 0 },
      { type: 'value', name: 'answered within', min: 0, max: 1, axisLabel: { formatter: pctAxis }, splitLine: { show: false } },
    ],
    series,
  };
}

/**
 * Service level against the number of agents: simulated points with 95 % error bars, and for a
 * single-queue scenario the Erlang C and Erlang A predictions, with the target and the scenario's
 * own staffing marked.
 */
export function staffingChart(curve: StaffingCurve, result: SimulationResult, target: number, patienceMs?: number): EChartsOption {
  const s = result.scenario;
  const sim = curve.simulated;
  const errorBars: Array<[number, number] | null> = [];
  for (const p of sim) {
    const e = p.serviceLevel;
    if (e === null || !Number.isFinite(e.halfWidth)) continue;
    errorBars.push([p.agents, Math.max(0, e.low)], [p.agents, Math.min(1, e.high)], null);
  }
  const series: SeriesOption[] = [
    {
      type: 'line',
      name: `simulation (${curve.replications} replications, 95 % CI)`,
      data: sim.map((p) => [p.agents, p.serviceLevel?.mean ?? null]),
      symbolSize: 8,
      lineStyle: { width: 1.5, color: COLORS[0] },
      itemStyle: { color: COLORS[0] },
      z: 3,
      markLine: {
        symbol: 'none',
        silent: true,
        data: [
          { yAxis: target, lineStyle: { color: TARGET_COLOR, type: 'dashed', width: 1.5 }, label: { formatter: `target ${percent(target, 0)}`, position: 'insideEndTop', color: TARGET_COLOR } },
          { xAxis: curve.baseAgents, lineStyle: { color: '#555', type: 'dotted', width: 1.5 }, label: { formatter: `scenario: ${curve.baseAgents}`, position: 'end', color: '#555' } },
        ],
      },
    },
    {
      type: 'line',
      name: `simulation (${curve.replications} replications, 95 % CI)`,
      data: errorBars,
      connectNulls: false,
      symbol: 'none',
      lineStyle: { width: 1.5, color: COLORS[0] },
      silent: true,
      z: 2,
    },
  ];
  if (curve.erlangC !== undefined) {
    series.push({
      type: 'line',
      name: 'Erlang C, minute by minute',
      data: curve.erlangC.map((p) => [p.agents, p.serviceLevel]),
      symbol: 'none',
      lineStyle: { width: 2, type: 'dashed', color: COLORS[1] },
      itemStyle: { color: COLORS[1] },
    });
  }
  if (curve.erlangA !== undefined) {
    series.push({
      type: 'line',
      name: `Erlang A${patienceMs === undefined ? '' : ` (mean patience ${duration(patienceMs)})`}, minute by minute`,
      data: curve.erlangA.map((p) => [p.agents, p.serviceLevel]),
      symbol: 'none',
      lineStyle: { width: 2, type: 'dashed', color: COLORS[2] },
      itemStyle: { color: COLORS[2] },
    });
  }
  const agents = sim.map((p) => p.agents);
  const first = Math.min(...agents) - 1;
  const last = Math.max(...agents) + 1;
  const step = last - first <= 14 ? 1 : last - first <= 28 ? 2 : last - first <= 70 ? 5 : undefined;
  const values = [...sim.map((p) => p.serviceLevel?.low), ...(curve.erlangC ?? []).map((p) => p.serviceLevel), ...(curve.erlangA ?? []).map((p) => p.serviceLevel)];
  const thresholds = [...new Set(Object.values(s.serviceLevelMs))];
  const within = thresholds.length === 1 ? `within ${duration(thresholds[0] as number)}` : "within each queue's threshold";
  return {
    title: {
      text: `Service level against staff: ${s.name}`,
      subtext: `answered ${within} ÷ answered over the day, every agent group scaled in proportion`,
      left: 'center',
    },
    // Inside the plot, bottom right: below the curves, which rise with staff.
    legend: { orient: 'vertical', right: GRID.right + 12, bottom: GRID.bottom + 12, backgroundColor: 'rgba(255,255,255,0.85)', borderColor: '#ccc', borderWidth: 1, padding: 8 },
    grid: { ...GRID, top: 92, bottom: 48 },
    xAxis: {
      type: 'value',
      ...(step === undefined ? { min: first, max: last } : { min: Math.floor(first / step) * step, max: Math.ceil(last / step) * step, interval: step }),
      minInterval: 1,
      name: 'agents (all groups)',
      nameLocation: 'middle',
      nameGap: 28,
    },
    yAxis: { type: 'value', min: shareFloor(values, target), max: 1, axisLabel: { formatter: pctAxis } },
    series,
  };
}
