/**
 * Events API dedup: Slack retries a delivery (X-Slack-Retry-Num) when the first one
 * timed out, even while the first is still being handled, and with several replicas
 * the retry can reach another process. Claiming `event_id` in the shared store lets
 * exactly one delivery act; old claims are pruned on a timer.
 * @see https://docs.slack.dev/apis/events-api/#retries
 */
import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import type { Logger } from "../../logger.js";
import type { Storage } from "../../storage/ports/storage.js";

/** How long a claimed event id is remembered: Slack's last retry comes about 5 minutes after the first try. */
const EVENT_RETENTION_MS = 24 * 60 * 60_000;
/** How often old event claims are pruned. */
const PRUNE_INTERVAL_MS = 60 * 60_000;

/** The envelope's `event_id`, for Events API deliveries only. */
function eventIdOf(body: unknown): string | undefined {
  const envelope = body as { type?: unknown; event_id?: unknown };
  return envelope.type === "event_callback" && typeof envelope.event_id === "string"
    ? envelope.event_id
    : undefined;
}

/**
 * Global Bolt middleware that lets only the first delivery of an event through.
 * @example bolt.use(dedupEvents(storage, logger));
 */
export function dedupEvents(
  storage: Pick<Storage, "claimEvent">,
  logger: Logger,
  now: () => number = Date.now,
): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const eventId = eventIdOf(body);
    if (eventId !== undefined && !(await storage.claimEvent("slack", eventId, now()))) {
      logger.info(
        { eventId, retryNum: context.retryNum, retryReason: context.retryReason },
        "duplicate Slack event skipped",
      );
      return;
    }
    await next();
  };
}

/**
 * Prunes old claims now and then every PRUNE_INTERVAL_MS; returns the stop function.
 * The timer is unref'd so it never keeps the process alive.
 */
export function startPruning(
  storage: Pick<Storage, "pruneEvents">,
  logger: Logger,
  now: () => number = Date.now,
): () => void {
  const prune = () =>
    storage
      .pruneEvents(now() - EVENT_RETENTION_MS)
      .then((removed) => removed > 0 && logger.debug({ removed }, "pruned old Slack event claims"))
      .catch((error: unknown) => logger.warn({ err: error }, "could not prune old Slack event claims"));
  void prune();
  const timer = setInterval(prune, PRUNE_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
