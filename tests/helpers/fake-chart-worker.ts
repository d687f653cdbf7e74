/** A chart worker that draws nothing: its "PNG" is the spec's JSON (pool tests count and compare). */
import type { ChartTask } from "../../src/challenges/chart-worker.js";

export default async function fakeDraw(task: ChartTask) {
  return { png: Buffer.from(JSON.stringify(task.spec)), width: 1, height: 1 };
}
