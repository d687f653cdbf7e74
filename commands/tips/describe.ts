/** How `/tips` shows a subscription's next post. */
import { describeInstant } from "../../src/core/time/local-time.js";
import type { Subscription } from "../../src/storage/ports/tips-store.js";

/** "Mon 30 Nov, 09:00 (Europe/Berlin, UTC+01:00)" */
export function describeNext(sub: Subscription): string {
  if (sub.nextRunAt === null) return sub.pausedReason ? "none while paused" : "none scheduled";
  const local = describeInstant(new Date(sub.nextRunAt), sub.zone);
  const day = new Date(`${local.date}T00:00:00Z`).toUTCString().slice(0, 11);
  return `${day}, ${local.local.slice(11)} (${sub.zone}, UTC${local.offset})`;
}
