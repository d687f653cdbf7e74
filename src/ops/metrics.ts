/**
 * Prometheus metrics (prom-client) on a registry of this app's own, never the global one,
 * so several apps (tests) can live in one process. Commands are counted through the
 * dispatcher's observer hook, tips from the scheduler's TickReport; the queue depth and
 * the scheduler lag are read when scraped.
 * @see https://github.com/siimon/prom-client#usage
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { CommandObservation } from "../core/commands/dispatch.js";
import type { TickReport } from "../scheduler/tips-job.js";

/** Seconds; answers are usually tens of milliseconds, slow ones wait on a platform API. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const TIP_OUTCOMES = ["sent", "failed", "skipped_late", "claimed_elsewhere"] as const;

/** Live values read at scrape time. */
export interface MetricSources {
  queueDepth: () => number;
  lagSeconds: () => number;
}

/**
 * @example const metrics = createMetrics(); createApp(config, logger, { onCommand: metrics.observeCommand });
 */
export function createMetrics(options: { defaultMetrics?: boolean } = {}) {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const commands = new Counter({
    name: "vitabot_commands_total",
    help: "Commands run, by command, platform and outcome (ok, user_error, fault, cooldown).",
    labelNames: ["command", "platform", "outcome"] as const,
    registers,
  });
  const duration = new Histogram({
    name: "vitabot_command_duration_seconds",
    help: "Time from a command reaching the dispatcher to its reply being ready.",
    labelNames: ["command", "platform"] as const,
    buckets: DURATION_BUCKETS,
    registers,
  });
  const tips = new Counter({
    name: "vitabot_tips_posted_total",
    help: "Scheduled tips by outcome: sent, failed, skipped_late (missed beyond the grace window), claimed_elsewhere (another replica posted it).",
    labelNames: ["outcome"] as const,
    registers,
  });
  for (const outcome of TIP_OUTCOMES) tips.inc({ outcome }, 0);
  const sources: MetricSources = { queueDepth: () => 0, lagSeconds: () => 0 };
  new Gauge({
    name: "vitabot_post_queue_depth",
    help: "Posts waiting in the per-platform post queues.",
    registers,
    collect() {
      this.set(sources.queueDepth());
    },
  });
  new Gauge({
    name: "vitabot_scheduler_lag_seconds",
    help: "Seconds the scheduler is behind: time since its last completed tick beyond the tick interval.",
    registers,
    collect() {
      this.set(sources.lagSeconds());
    },
  });

  return {
    registry,
    /** The dispatcher's `onCommand` hook. */
    observeCommand(observation: CommandObservation): void {
      const { command, platform, outcome, durationMs } = observation;
      commands.inc({ command, platform, outcome });
      duration.observe({ command, platform }, durationMs / 1000);
    },
    /** Counts one scheduler tick's posts. */
    observeTick(report: Pick<TickReport, "posted" | "failed" | "skippedLate" | "claimedElsewhere">): void {
      tips.inc({ outcome: "sent" }, report.posted);
      tips.inc({ outcome: "failed" }, report.failed);
      tips.inc({ outcome: "skipped_late" }, report.skippedLate);
      tips.inc({ outcome: "claimed_elsewhere" }, report.claimedElsewhere);
    },
    /** Where the gauges read their values. */
    watch(live: Partial<MetricSources>): void {
      Object.assign(sources, live);
    },
    /** The exposition text and its content type. */
    async render(): Promise<{ contentType: string; body: string }> {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
