/**
 * Graceful stop: runs the stop steps in order (stop taking work, stop the scheduler and
 * finish its posts, stop the adapters once their in-flight answers are out, close the
 * HTTP server and the database), each failure logged without skipping the rest, under
 * a hard deadline that exits non-zero and names the step that hung.
 */
import type { Logger } from "../logger.js";

/** Orchestrators usually wait 10–30 s before SIGKILL; vitabot promises to be gone within 8. */
const SHUTDOWN_DEADLINE_MS = 7500;

export interface ShutdownStep {
  name: string;
  run: () => unknown;
}

export interface ShutdownOptions {
  logger: Logger;
  deadlineMs?: number;
  /** How to leave when the deadline passes (tests replace it). */
  exit?: (code: number) => void;
}

/**
 * @example await shutDown([{ name: "database", run: () => app.close() }], { logger });
 */
export async function shutDown(steps: readonly ShutdownStep[], options: ShutdownOptions): Promise<void> {
  const { logger } = options;
  const deadlineMs = options.deadlineMs ?? SHUTDOWN_DEADLINE_MS;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const started = performance.now();
  let current = "";
  const deadline = setTimeout(() => {
    logger.error({ step: current, deadlineMs }, "shutdown deadline passed while draining: exiting now");
    exit(1);
  }, deadlineMs);
  // The deadline must not keep a process alive that has nothing else left to do.
  deadline.unref();
  try {
    for (const step of steps) {
      current = step.name;
      try {
        await step.run();
      } catch (error) {
        logger.error({ err: error, step: step.name }, "shutdown step failed");
      }
    }
  } finally {
    clearTimeout(deadline);
  }
  logger.debug({ ms: Math.round(performance.now() - started) }, "shutdown complete");
}
