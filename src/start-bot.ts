/**
 * `vitabot start`: runs every adapter whose configuration is present, side by side,
 * plus the scheduler's tick (once a minute by default); with no platform configured, the console chat
 * on stdin/stdout, which ends when stdin does.
 */
import type { ChatAdapter } from "./adapters/chat-adapter.js";
import { createConsoleAdapter } from "./adapters/console/console-adapter.js";
import { type App, createApp } from "./app.js";
import type { Config } from "./config.js";
import { chatLogOptions, createLogger, type Logger } from "./logger.js";
import { type Fault, watchFaults } from "./ops/faults.js";
import type { HttpMount } from "./ops/http-server.js";
import { createOps, type Ops } from "./ops/ops.js";
import { createRequestContext, type RequestContext } from "./ops/request-context.js";
import { secretValues } from "./ops/secrets.js";
import { type ShutdownStep, shutDown } from "./ops/shutdown.js";
import { warmAnswersInBackground } from "./ops/warm-answers.js";

/**
 * The platform adapters the configuration asks for, serving HTTP on the shared server. Each
 * platform's SDK (Bolt, discord.js) loads only when it is configured: the console chat loads none.
 */
async function platformAdapters(app: App, http: HttpMount | undefined): Promise<ChatAdapter[]> {
  const adapters: ChatAdapter[] = [];
  const shared = http ? { http } : {};
  if (app.config.slack) {
    const { createSlackAdapter } = await import("./adapters/slack/slack-adapter.js");
    adapters.push(createSlackAdapter(app, shared));
  }
  if (app.config.discord) {
    const { createConfiguredDiscordAdapter } = await import("./adapters/discord/index.js");
    adapters.push(await createConfiguredDiscordAdapter(app, shared));
  }
  return adapters;
}

/**
 * The graceful stop, in order: refuse new work (503; /healthz says draining), stop the
 * tick and finish queued posts, let each adapter finish what it acknowledged, close the
 * HTTP server, the database and the SQLite lock.
 */
function stopSteps(
  app: App,
  ops: Ops,
  ticker: { stop(): Promise<void> },
  adapters: ChatAdapter[],
): ShutdownStep[] {
  return [
    { name: "stop taking work", run: () => ops.beginDrain() },
    { name: "scheduler", run: () => ticker.stop() },
    ...adapters.map((adapter) => ({ name: `${adapter.platform} adapter`, run: () => adapter.stop() })),
    { name: "http server", run: () => ops.close() },
    { name: "database", run: () => app.close() },
    { name: "sqlite lock", run: () => ops.release() },
  ];
}

/** Resolves on SIGTERM or SIGINT. */
function stopSignal(): Promise<string> {
  return new Promise((resolve) => {
    for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => resolve(signal));
  });
}

/** What `vitabot start` can be handed instead of building it (a test process reaches the request context). */
export interface StartBotDeps {
  requests?: RequestContext;
}

/** After a fault, something may still hold the event loop open (the failed work's sockets, timers). */
const FAULT_EXIT_GRACE_MS = 2000;

/**
 * Runs the bot until SIGTERM/SIGINT (or stdin's end in the console chat), or until a
 * fault (an unhandled rejection or uncaught exception anywhere), then drains.
 * Resolves with the exit code: 0 after a signal, 1 after a fault.
 */
export async function startBot(config: Config, deps: StartBotDeps = {}): Promise<number> {
  const requests = deps.requests ?? createRequestContext();
  // With no platform configured this is the console chat: its logs keep out of the replies.
  const chat = !config.slack && !config.discord;
  const logger = createLogger({
    ...(chat ? chatLogOptions(config) : { level: config.logLevel }),
    context: requests,
    secrets: secretValues(config),
  });
  const faults = watchFaults({ logger, requests });
  try {
    await runUntilStopped(config, requests, logger, faults.fault);
  } finally {
    faults.dispose();
  }
  if (!faults.current()) return 0;
  setTimeout(() => process.exit(1), FAULT_EXIT_GRACE_MS).unref();
  return 1;
}

async function runUntilStopped(
  config: Config,
  requests: RequestContext,
  logger: Logger,
  fault: Promise<Fault>,
): Promise<void> {
  // The shared HTTP server (health, metrics, platform endpoints) only when a platform is
  // configured; prom-client loads only then, keeping the console chat's start quick.
  const serveHttp = Boolean(config.slack || config.discord);
  const metrics = serveHttp ? (await import("./ops/metrics.js")).createMetrics() : undefined;
  const app = await createApp(config, logger, metrics ? { onCommand: metrics.observeCommand } : {});
  const ops = createOps(app, { requests, serveHttp, ...(metrics ? { metrics } : {}) });
  const adapters = await platformAdapters(app, ops.http);
  const consoleAdapter =
    adapters.length === 0
      ? createConsoleAdapter({
          dispatcher: app.dispatcher,
          input: process.stdin,
          output: process.stdout,
          interactive: process.stdin.isTTY === true && process.stdout.isTTY === true,
        })
      : undefined;
  if (consoleAdapter) adapters.push(consoleAdapter);
  for (const adapter of adapters) app.registerAdapter(adapter);
  // One tick for the whole bot, every SCHEDULER_TICK_SECONDS (src/scheduler/tick.ts).
  const ticker = app.scheduler.start(app.config.schedulerTickSeconds, ops.tickHooks);
  let stopWarming = () => {};
  try {
    // Every route (ops, Slack, Discord) is mounted before the port opens: a request that
    // finds the port open never gets a 404 for a route still on its way.
    for (const adapter of adapters) await adapter.start();
    await ops.listen();
    stopWarming = warmAnswersInBackground(app.knowledge.engine);
    // In the console chat, log lines would land between the person's messages: keep them quiet.
    const log = consoleAdapter ? logger.debug.bind(logger) : logger.info.bind(logger);
    log({ adapters: adapters.map((a) => a.platform), storage: app.storage.kind }, "vitabot started");
    const stopped = consoleAdapter ? consoleAdapter.done.then(() => "stdin ended") : stopSignal();
    const reason = await Promise.race([stopped, fault.then((f) => f.kind)]);
    log({ reason }, "vitabot stopping");
  } finally {
    stopWarming();
    await shutDown(stopSteps(app, ops, ticker, adapters), { logger });
  }
}
