/** How `/tips` shows a subscription's next post. */
import { describeInstant } from "../../src/core/time/local-time.js";

/** What the next post is worked out from (a subscription, or a personal tip's status). */
interface NextRun {
  nextRunAt?: number | null;
  nextAt?: number | null;
  zone: string;
  pausedReason: string | null;
}

/** "Mon 30 Nov, 09:00 (Europe/Berlin, UTC+01:00)" */
export function describeNext(sub: NextRun): string {
  const at = sub.nextRunAt ?? sub.nextAt ?? null;
  if (at === null) return sub.pausedReason ? "none while paused" : "none scheduled";
  const local = describeInstant(new Date(at), sub.zone);
  const day = new Date(`${local.date}T00:00:00Z`).toUTCString().slice(0, 11);
  return `${day}, ${local.local.slice(11)} (${sub.zone}, UTC${local.offset})`;
}
