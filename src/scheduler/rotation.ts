/**
 * Tip rotation for a channel: every eligible tip once before any repeats, in an order
 * that differs per channel (a seeded shuffle) but is deterministic. The order is a sort
 * by hash(seed, tip id), so only the seed needs storing, and tips added to content later
 * slot into the current cycle at their place.
 */
import { createHash } from "node:crypto";

function rank(seed: string, tipId: string): string {
  return createHash("sha256").update(`${seed}\u0000${tipId}`).digest("hex");
}

/** The channel's order for a set of tip ids. */
export function rotationOrder(seed: string, tipIds: readonly string[]): string[] {
  return [...tipIds]
    .map((id) => ({ id, key: rank(seed, id) }))
    .sort((a, b) => a.key.localeCompare(b.key))
    .map((e) => e.id);
}

export interface NextTip {
  tipId: string;
  /** True when every eligible tip had been posted, so this one starts a new cycle. */
  newCycle: boolean;
}

/**
 * The next tip to post, given those already posted in the current cycle.
 * @example nextTip("C123", ["a", "b", "c"], new Set(["b"]))
 */
export function nextTip(
  seed: string,
  eligible: readonly string[],
  postedThisCycle: ReadonlySet<string>,
): NextTip | undefined {
  const order = rotationOrder(seed, eligible);
  const fresh = order.find((id) => !postedThisCycle.has(id));
  if (fresh) return { tipId: fresh, newCycle: false };
  const [first] = order;
  return first ? { tipId: first, newCycle: true } : undefined;
}
