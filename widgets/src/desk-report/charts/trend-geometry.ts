/**
 * The trend chart's geometry: d3-scale places the steps (a band scale) and the counts (a linear
 * scale with round ticks), d3-shape draws the backlog's line. Lit renders the result as SVG, so
 * every label is real text a screen reader and a print keep.
 */
import { scaleBand, scaleLinear } from "d3-scale";
import { line } from "d3-shape";

/** One step of the trend. */
export interface TrendPoint {
  start: string;
  ticketsIn: number;
  resolved: number;
  backlog: number;
}

/** The chart's size in SVG units (it scales to its container). */
export const CHART = { width: 640, height: 240, top: 12, right: 12, bottom: 28, left: 40 } as const;

/** Bars, line and axis ticks of a trend, in SVG units. */
export interface TrendGeometry {
  bars: Array<{ x: number; width: number; in: { y: number; height: number }; resolved: { y: number; height: number }; labelX: number }>;
  backlog: string;
  ticks: Array<{ y: number; value: number }>;
}

/** Lays a trend out: two bars a step (in, resolved) and the backlog as a line over them, on one count axis from 0. */
export function trendGeometry(points: readonly TrendPoint[]): TrendGeometry {
  const max = Math.max(1, ...points.flatMap((p) => [p.ticketsIn, p.resolved, p.backlog]));
  const x = scaleBand<number>()
    .domain(points.map((_, i) => i))
    .range([CHART.left, CHART.width - CHART.right])
    .paddingInner(0.2)
    .paddingOuter(0.1);
  const y = scaleLinear()
    .domain([0, max])
    .nice(4)
    .range([CHART.height - CHART.bottom, CHART.top]);
  const half = x.bandwidth() / 2;
  const bar = (v: number) => ({ y: y(v), height: y(0) - y(v) });
  const bars = points.map((p, i) => ({ x: x(i)!, width: half, in: bar(p.ticketsIn), resolved: bar(p.resolved), labelX: x(i)! + half }));
  const path = line<TrendPoint>()
    .x((_, i) => x(i)! + half)
    .y((p) => y(p.backlog))(points as TrendPoint[]);
  return { bars, backlog: path ?? "", ticks: y
      .ticks(4)
      .filter(Number.isInteger)
      .map((value) => ({ y: y(value), value })) };
}
