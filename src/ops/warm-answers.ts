/**
 * Warms the answer engine once the bot serves. A question's words are looked up in the
 * search index the first time anyone uses them (about 0.25 ms each, up to ~2.6 ms for a
 * whole new question; `npm run bench answers`, term cache off) and remembered after. The
 * content's own vocabulary (about 1,900 words, ~150 ms in all) is looked up here in small
 * slices between requests, so a first question costs what a repeated one does.
 */
import type { AnswerEngine } from "../core/answers/engine.js";

/** Words per slice: well under a millisecond, so a request arriving meanwhile barely waits. */
const WARM_SLICE = 8;

/**
 * Starts warming in the background; never keeps the process alive.
 * @returns a function that stops it (shutdown calls it).
 * @example const stopWarming = warmAnswersInBackground(app.knowledge.engine);
 */
export function warmAnswersInBackground(
  engine: Pick<AnswerEngine, "warmStep">,
  slice = WARM_SLICE,
): () => void {
  let stopped = false;
  const step = () => {
    if (!stopped && engine.warmStep(slice)) setImmediate(step).unref();
  };
  setImmediate(step).unref();
  return () => {
    stopped = true;
  };
}
