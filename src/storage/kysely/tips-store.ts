/**
 * The TipsStore over Kysely: the subscriptions and team tips (tip-subscriptions.ts) and the
 * delivery ledger (delivery-ledger.ts), the same portable queries on SQLite and PostgreSQL.
 */
import type { Kysely } from "kysely";
import type { TipsStore } from "../../core/storage-ports/tips-store.js";
import { createKyselyDeliveryLedger, type LedgerDatabase } from "./delivery-ledger.js";
import { createKyselyTipSubscriptions, type SubscriptionsDatabase } from "./tip-subscriptions.js";

/** The tables this store uses (part of the full `Database`). */
export interface TipsDatabase extends SubscriptionsDatabase, LedgerDatabase {}

type Guard = <T>(action: string, run: () => Promise<T>) => Promise<T>;

/**
 * @example const tips = createKyselyTipsStore(db, guard, "postgres"); await tips.claimDelivery(key, "pid-1", Date.now())
 */
export function createKyselyTipsStore(
  db: Kysely<TipsDatabase>,
  guard: Guard,
  dialect: "sqlite" | "postgres" = "sqlite",
): TipsStore {
  return { ...createKyselyTipSubscriptions(db, guard), ...createKyselyDeliveryLedger(db, guard, dialect) };
}
