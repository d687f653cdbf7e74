/**
 * Events API dedup: Slack retries a delivery (X-Slack-Retry-Num) when the first one
 * timed out, even while the first is still being handled, and with several replicas
 * the retry can reach another process. Claiming `event_id` in the shared store lets
 * exactly one delivery act; the tick forgets claims a day old (src/app.ts).
 * @see https://docs.slack.dev/apis/events-api/#retries
 */
import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import type { Storage } from "../../core/storage-ports/storage.js";
import type { Logger } from "../../logger.js";

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
