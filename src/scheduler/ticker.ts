/**
 * The scheduler's clock: one task for the whole bot (never one per channel), every
 * SCHEDULER_TICK_SECONDS, and a tick still running when the next is due makes that one
 * skip. node-cron runs every period it can space evenly; see `startTicking`.
 */
import cron, { type Logger as CronLogger } from "node-cron";
import type { Logger } from "../logger.js";

/** A running ticker. */
export interface Ticker {
  /** No further ticks start (one already running finishes on its own). */
  stop(): Promise<void>;
}

/**
 * node-cron's own messages as JSON log lines instead of console text. A skipped tick
 * (the previous one still posting) is routine with short ticks, so it is debug only.
 */
function cronLogger(logger: Logger | undefined): CronLogger {
  if (!logger) return { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} };
  const log = logger.child({ component: "node-cron" });
  return {
    info: (message) => log.debug(message),
    warn: (message) => (message.includes("overlap") ? log.debug(message) : log.warn(message)),
    error: (message, err) => log.error({ err: err ?? message }, String(message)),
    debug: (message) => log.debug(String(message)),
  };
}

/**
 * node-cron's expression for a tick every `seconds`, or undefined when cron cannot space
 * the ticks evenly: the period must divide a minute (six fields, with seconds), or be
 * whole minutes that divide an hour.
 * @example tickExpression(10) === "*\/10 * * * * *"; tickExpression(300) === "*\/5 * * * *"; tickExpression(45) === undefined
 */
export function tickExpression(seconds: number): string | undefined {
  if (!Number.isInteger(seconds) || seconds < 1) return undefined;
  if (seconds < 60 && 60 % seconds === 0) return seconds === 1 ? "* * * * * *" : `*/${seconds} * * * * *`;
  const minutes = seconds / 60;
  if (!Number.isInteger(minutes) || 60 % minutes !== 0) return undefined;
  if (minutes === 1) return "* * * * *";
  return minutes === 60 ? "0 * * * *" : `*/${minutes} * * * *`;
}

/**
 * Calls `run` every `seconds`. Where cron can express the period, node-cron fires on the
 * wall clock (`*\/10 * * * * *` at :00, :10, …), so a restart keeps the rhythm and
 * replicas tick together, which is harmless since their claims never overlap. Other
 * periods (45 s, 90 s, 7 s) would come out uneven in cron (`*\/45` fires at :00 and :45,
 * 45 s then 15 s apart), so a plain interval runs those, with the same skip-on-overlap
 * rule as node-cron's `noOverlap`. A failed run goes to `onError`; the next still comes.
 * node-cron's own messages go to `logger` (JSON lines), or nowhere without one.
 * @example const ticker = startTicking(60, () => scheduler.tick(), (err) => logger.error({ err }, "tick failed"), logger);
 */
export function startTicking(
  seconds: number,
  run: () => Promise<unknown>,
  onError: (error: unknown) => void,
  logger?: Logger,
): Ticker {
  const guarded = async () => {
    try {
      await run();
    } catch (error) {
      onError(error);
    }
  };
  const expression = tickExpression(seconds);
  if (expression) {
    const task = cron.schedule(expression, guarded, {
      name: "vitabot-scheduler",
      noOverlap: true,
      logger: cronLogger(logger),
    });
    return { stop: async () => void (await task.destroy()) };
  }
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    void guarded().finally(() => {
      running = false;
    });
  }, seconds * 1000);
  return { stop: async () => clearInterval(timer) };
}
