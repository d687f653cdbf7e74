/**
 * The ledger side of the daily tips, which makes them at most once: how many due posts one
 * claim statement takes, claiming a slice's keys in one order (so two replicas' statements
 * never deadlock), and stale claims, the keys claimed but never settled (a crash between
 * claim and send), which are reported, once per process, and never resent.
 */
import type { Logger } from "pino";
import type { ChannelRef, Storage } from "../core/storage-ports/storage.js";
import type { Delivery, DeliveryKey } from "../core/storage-ports/tips-store.js";

/** A claim older than this without a result is stale. */
const DEFAULT_LEASE_MS = 10 * 60_000;
/**
 * A page of due posts is claimed in this many slices (per platform): few enough that a
 * tick costs a handful of claim statements, enough that replicas ticking together each
 * take a part.
 */
const SLICES_PER_PAGE = 4;
/** Smaller slices would only add claim statements. */
const MIN_SLICE = 25;
/**
 * One slice is in flight per platform, so a crash loses at most this many posts per
 * platform, well within the stale claims a tick reports (STALE_CLAIMS_LIMIT).
 */
const MAX_SLICE = 250;

/** How many posts one claim statement takes when a page holds `due` posts for a platform. */
export function claimSliceSize(due: number): number {
  return Math.min(MAX_SLICE, Math.max(MIN_SLICE, Math.ceil(due / SLICES_PER_PAGE)));
}

/** `platform:workspace:channel`, the order claims are made in and the key of log lines. */
export const channelKey = (c: ChannelRef) => `${c.platform}:${c.workspaceId}:${c.channelId}`;
const compareKeys = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The ledger key of a channel's tip for one local date. */
export const tipKey = (channel: ChannelRef, localDate: string): DeliveryKey => ({
  channel,
  kind: "tip",
  localDate,
});

/**
 * Claims `keys` for `processId` in one statement, sorted by channel; returns the keys won
 * (those no other process claimed first).
 */
export function claimInOrder(
  storage: Storage,
  keys: readonly DeliveryKey[],
  processId: string,
  at: number,
): Promise<DeliveryKey[]> {
  const sorted = [...keys].sort((a, b) => compareKeys(channelKey(a.channel), channelKey(b.channel)));
  return storage.claimDeliveries(sorted, processId, at);
}

/**
 * The stale claims at a tick: `collect(now)` lists the claims older than the lease that
 * never became `sent` or `failed`, and logs each once per process, not on every tick
 * (ticks may be a second apart).
 */
export function createStaleClaims(deps: { storage: Storage; logger: Logger; leaseMs?: number }) {
  const leaseMs = deps.leaseMs ?? DEFAULT_LEASE_MS;
  /** Stale claims this process has logged already. */
  let logged = new Set<string>();
  return {
    async collect(now: number): Promise<Delivery[]> {
      const stale = await deps.storage.staleClaims(now - leaseMs);
      const stillStale = new Set<string>();
      for (const claim of stale) {
        const id = `${channelKey(claim.channel)}:${claim.kind}:${claim.localDate}`;
        stillStale.add(id);
        if (logged.has(id)) continue;
        deps.logger.warn(
          { channel: channelKey(claim.channel), kind: claim.kind, localDate: claim.localDate },
          "claimed but never sent (crash?): not resent",
        );
      }
      logged = stillStale;
      return stale;
    },
  };
}
