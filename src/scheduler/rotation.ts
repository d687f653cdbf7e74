/**
 * Tip rotation for a channel: every eligible tip once before any repeats, in an order
 * that differs per channel (a seeded shuffle) but is deterministic. The order is a sort
 * by hash(seed, tip id), so only the seed needs storing, and tips added to content later
 * slot into the current cycle at their place.
 */
/** cyrb53: a fast, well-spread 53-bit string hash (public domain); no cryptography needed here. */
function rank(seed: string, tipId: string): number {
  const text = `${seed}\u0000${tipId}`;
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The channel's order for a set of tip ids. */
export function rotationOrder(seed: string, tipIds: readonly string[]): string[] {
  return [...tipIds]
    .map((id) => ({ id, key: rank(seed, id) }))
    .sort((a, b) => a.key - b.key || (a.id < b.id ? -1 : 1))
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
