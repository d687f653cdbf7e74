/**
 * The operations side of `vitabot start`, built once by the composition root: the shared
 * HTTP server (when a platform is configured) with `/healthz` and `/metrics`, the
 * scheduler's lag monitor and tick hooks, and the SQLite single-process lock.
 */
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import type { TickHooks } from "../scheduler/tick.js";
import type { TickReport } from "../scheduler/tips-job.js";
import { type AdapterHealth, createHealthCheck } from "./health.js";
import { createHttpServer, type HttpServer } from "./http-server.js";
import type { Metrics } from "./metrics.js";
import { opsRoutes } from "./ops-routes.js";
import type { RequestContext } from "./request-context.js";
import { createSchedulerMonitor } from "./scheduler-monitor.js";
import { createSqliteLock, type SqliteLock } from "./sqlite-lock.js";

/** What the operations side uses of the running app (the composition root's `App` has it all). */
export interface OpsApp {
  config: Pick<Config, "storage" | "schedulerTickSeconds" | "metricsToken" | "port">;
  logger: Logger;
  storage: { ping(): Promise<void> };
  scheduler: { queueDepth(): number };
  adapters: ReadonlyMap<string, { platform: string; health(): AdapterHealth }>;
}

export interface OpsDeps {
  /** Exposed on /metrics; absent in the console chat, where there is no server to expose it on. */
  metrics?: Metrics;
  requests: RequestContext;
  /** Open the shared HTTP server (a platform is configured; not in the console chat). */
  serveHttp: boolean;
}

function sqliteLockOf(app: OpsApp): SqliteLock | undefined {
  const storage = app.config.storage;
  if (storage.kind !== "sqlite" || storage.path === ":memory:") return undefined;
  return createSqliteLock(storage.path);
}

/** Guards the scheduler with the SQLite lock, saying clearly when another process holds it. */
function lockGuard(app: OpsApp, lock: SqliteLock | undefined, onStandby: (reason: string) => void) {
  let standby = false;
  return function mayTick(): boolean {
    if (!lock || lock.tryAcquire()) {
      if (standby)
        app.logger.info({ lock: lock?.path }, "took over the SQLite lock: the scheduler runs here now");
      standby = false;
      return true;
    }
    const holder = lock.holder();
    const reason = `another vitabot process (pid ${holder?.pid ?? "?"} on ${holder?.host ?? "?"}) holds ${lock.path}`;
    if (!standby) {
      app.logger.warn(
        { lock: lock.path, holder },
        `${reason}. SQLite mode is one process: this one answers commands but leaves scheduled posts to that one. ` +
          "Stop one of them, or use PostgreSQL (DATABASE_URL=postgres://…) to run replicas.",
      );
    }
    standby = true;
    onStandby(`standby: ${reason}`);
    return false;
  };
}

/**
 * @example const ops = createOps(app, { metrics, requests, serveHttp: true }); await ops.listen();
 */
export function createOps(app: OpsApp, deps: OpsDeps) {
  const { logger } = app;
  const http: HttpServer | undefined = deps.serveHttp
    ? createHttpServer({ logger, requests: deps.requests })
    : undefined;
  const monitor = createSchedulerMonitor({ intervalMs: app.config.schedulerTickSeconds * 1000 });
  deps.metrics?.watch({ queueDepth: app.scheduler.queueDepth, lagSeconds: monitor.lagSeconds });
  const lock = sqliteLockOf(app);
  const mayTick = lockGuard(app, lock, (reason) => monitor.tickSkipped(reason));
  // Say so at start, not only at the first tick.
  mayTick();
  const health = createHealthCheck({
    ping: () => app.storage.ping(),
    adapters: () => [...app.adapters.values()].filter((a) => a.platform !== "console"),
    scheduler: monitor,
    draining: () => http?.draining ?? false,
    logger,
  });
  http?.mount(opsRoutes({ health, metrics: deps.metrics, metricsToken: app.config.metricsToken, logger }));
  const tickHooks: TickHooks<TickReport> = {
    mayTick,
    onTick(report) {
      monitor.tickCompleted();
      deps.metrics?.observeTick(report);
    },
  };
  return {
    http,
    health,
    tickHooks,
    /** Listens on PORT (every interface unless `host`) and logs `"listening"` with the port (PORT=0 picks a free one). */
    async listen(host?: string): Promise<void> {
      if (!http) return;
      const address = await http.listen(app.config.port, host);
      logger.info({ port: address.port, address: address.address }, "listening");
    },
    /** Stops taking work: platform routes answer 503, /healthz says draining. */
    beginDrain: () => http?.beginDrain(),
    close: async () => http?.close(),
    release: () => lock?.release(),
  };
}

export type Ops = ReturnType<typeof createOps>;
