/**
 * `/healthz`: one JSON document with each component's state, 200 when vitabot can do
 * its work and 503 when it cannot (the database is unreachable, a platform connection
 * is down, the scheduler is several ticks behind) or while it drains on shutdown.
 */
import type { Logger } from "../logger.js";
import type { ComponentStatus, SchedulerHealth, SchedulerMonitor } from "./scheduler-monitor.js";

/** A database ping slower than this counts as down. */
const DB_PING_TIMEOUT_MS = 2000;
/** A database ping slower than this counts as degraded. */
const DB_SLOW_MS = 500;

/** A platform adapter's own view of its connection (`ChatAdapter.health`). */
export interface AdapterHealth {
  ok: boolean;
  detail?: string;
}

export interface ComponentHealth {
  status: ComponentStatus;
  latencyMs?: number;
  detail?: string;
}

export interface HealthReport {
  status: "ok" | "degraded" | "down" | "draining";
  components: Record<string, ComponentHealth | SchedulerHealth>;
}

/** What the check looks at; each part is optional so console-less set-ups and tests can omit it. */
export interface HealthDeps {
  ping(): Promise<void>;
  /** Running platform adapters by name (`slack`, `discord`). */
  adapters: () => Iterable<{ platform: string; health(): AdapterHealth }>;
  scheduler?: SchedulerMonitor;
  draining: () => boolean;
  logger: Logger;
}

async function database(deps: HealthDeps): Promise<ComponentHealth> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer within ${DB_PING_TIMEOUT_MS} ms`)),
      DB_PING_TIMEOUT_MS,
    );
  });
  try {
    await Promise.race([deps.ping(), timeout]);
    const latencyMs = Math.round((performance.now() - started) * 10) / 10;
    return { status: latencyMs > DB_SLOW_MS ? "degraded" : "ok", latencyMs };
  } catch (error) {
    // The reason goes to the log only: driver messages can name hosts and users.
    deps.logger.warn({ err: error }, "health check: database ping failed");
    return { status: "down", latencyMs: Math.round(performance.now() - started), detail: "unreachable" };
  } finally {
    clearTimeout(timer);
  }
}

function overall(components: HealthReport["components"], draining: boolean): HealthReport["status"] {
  if (draining) return "draining";
  const statuses = Object.values(components).map((c) => c.status);
  if (statuses.includes("down")) return "down";
  return statuses.includes("degraded") ? "degraded" : "ok";
}

/**
 * @example const check = createHealthCheck(deps); const { httpStatus, report } = await check();
 */
export function createHealthCheck(deps: HealthDeps) {
  return async function check(): Promise<{ httpStatus: 200 | 503; report: HealthReport }> {
    const components: HealthReport["components"] = { database: await database(deps) };
    for (const adapter of deps.adapters()) {
      const { ok, detail } = adapter.health();
      components[adapter.platform] = { status: ok ? "ok" : "down", ...(detail ? { detail } : {}) };
    }
    if (deps.scheduler) components.scheduler = deps.scheduler.health();
    const status = overall(components, deps.draining());
    const httpStatus = status === "down" || status === "draining" ? 503 : 200;
    return { httpStatus, report: { status, components } };
  };
}

export type HealthCheck = ReturnType<typeof createHealthCheck>;
