/**
 * The chart pool's worker (chart-pool.ts): one Vega-Lite spec in, one PNG out. Vega's
 * `toSVG` and resvg's render are CPU work of 50–500 ms; here they run on a worker thread,
 * never on the thread that acknowledges requests.
 */
import type { TopLevelSpec } from "vega-lite";
import { type ChartPicture, drawChart } from "./charts.js";

/** What the pool sends a worker: the spec, and whatever the pool's owner passes along (tests). */
export interface ChartTask {
  spec: TopLevelSpec;
  context?: unknown;
}

/** @example const { png } = await drawTask({ spec }) */
export default function drawTask(task: ChartTask): Promise<ChartPicture> {
  return drawChart(task.spec);
}
