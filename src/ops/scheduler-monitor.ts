/**
 * How far behind the scheduler is: the time since its last completed tick, beyond the
 * tick interval. A tick that skips (another process holds the SQLite lock) still counts
 * as on time, but marks the scheduler as on standby.
 */

/** Lag (beyond one interval) from which the scheduler counts as degraded, in intervals. */
const DEGRADED_AFTER_INTERVALS = 1;
/** Lag from which /healthz answers 503, in intervals ("more than a few"). */
const DOWN_AFTER_INTERVALS = 3;

export type ComponentStatus = "ok" | "degraded" | "down";

export interface SchedulerHealth {
  status: ComponentStatus;
  lagSeconds: number;
  /** ISO time of the last completed tick; null before the first one. */
  lastTickAt: string | null;
  detail?: string;
}

export interface SchedulerMonitorOptions {
  intervalMs: number;
  now?: () => number;
}

/**
 * @example const monitor = createSchedulerMonitor({ intervalMs: 60_000 }); monitor.tickCompleted(); monitor.health();
 */
export function createSchedulerMonitor(options: SchedulerMonitorOptions) {
  const now = options.now ?? Date.now;
  const startedAt = now();
  let lastTickAt: number | undefined;
  let standby: string | undefined;

  /** Seconds past the expected next tick; 0 while on time. */
  function lagSeconds(): number {
    const since = now() - (lastTickAt ?? startedAt);
    return Math.max(0, since - options.intervalMs) / 1000;
  }

  return {
    intervalMs: options.intervalMs,
    /** A tick ran to its end. */
    tickCompleted(): void {
      lastTickAt = now();
      standby = undefined;
    },
    /** A tick was due but did not run here, for `reason`. */
    tickSkipped(reason: string): void {
      lastTickAt = now();
      standby = reason;
    },
    lagSeconds,
    health(): SchedulerHealth {
      const lag = lagSeconds();
      const intervals = lag / (options.intervalMs / 1000);
      let status: ComponentStatus = "ok";
      if (intervals > DOWN_AFTER_INTERVALS) status = "down";
      else if (intervals > DEGRADED_AFTER_INTERVALS || standby) status = "degraded";
      return {
        status,
        lagSeconds: Math.round(lag * 10) / 10,
        lastTickAt: lastTickAt === undefined ? null : new Date(lastTickAt).toISOString(),
        ...(standby ? { detail: standby } : {}),
      };
    },
  };
}

export type SchedulerMonitor = ReturnType<typeof createSchedulerMonitor>;
