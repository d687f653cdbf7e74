/**
 * Warms the answer engine once the bot serves. A question's words are looked up in the
 * search index the first time anyone uses them (about 0.25 ms each, up to ~2.6 ms for a
 * whole new question; `npm run bench answers`, term cache off) and remembered after. The
 * content's own vocabulary (about 1,900 words, ~150 ms in all) is looked up here in small
 * slices between requests, so a first question costs what a repeated one does. While the
 * process is busy with anything else (a burst of requests on a cold start), warming waits:
 * those requests' acknowledgements come first.
 */
import { performance } from "node:perf_hooks";
import type { AnswerEngine } from "../core/answers/engine.js";

/** Words per slice: well under a millisecond, so a request arriving meanwhile barely waits. */
const WARM_SLICE = 8;
/** How long to wait before looking again while the process is busy. */
const BUSY_PAUSE_MS = 25;
/** The share of the event loop's time spent on other work above which warming waits. */
const BUSY_SHARE = 0.25;

/**
 * Whether the event loop spent more than BUSY_SHARE of its time since the last call on work
 * other than warming (`ownMs`: the time warming itself took meanwhile).
 */
export function createBusyProbe(): (ownMs: number) => boolean {
  let last = performance.eventLoopUtilization();
  return (ownMs) => {
    const now = performance.eventLoopUtilization();
    const since = performance.eventLoopUtilization(now, last);
    last = now;
    const elapsed = since.active + since.idle;
    return elapsed > 0 && (since.active - ownMs) / elapsed > BUSY_SHARE;
  };
}

export interface WarmOptions {
  /** Words per slice. */
  slice?: number;
  /** Whether other work kept the process busy since the last look (default: event-loop utilisation). */
  busy?: (ownMs: number) => boolean;
}

/**
 * Starts warming in the background; never keeps the process alive.
 * @returns a function that stops it (shutdown calls it).
 * @example const stopWarming = warmAnswersInBackground(app.knowledge.engine);
 */
export function warmAnswersInBackground(
  engine: Pick<AnswerEngine, "warmStep">,
  options: WarmOptions = {},
): () => void {
  const slice = options.slice ?? WARM_SLICE;
  const busy = options.busy ?? createBusyProbe();
  let stopped = false;
  let ownMs = 0;
  const step = () => {
    if (stopped) return;
    const wasBusy = busy(ownMs);
    ownMs = 0;
    if (wasBusy) {
      setTimeout(step, BUSY_PAUSE_MS).unref();
      return;
    }
    const started = performance.now();
    const more = engine.warmStep(slice);
    ownMs = performance.now() - started;
    if (more) setImmediate(step).unref();
  };
  setImmediate(step).unref();
  return () => {
    stopped = true;
  };
}
