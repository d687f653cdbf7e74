/**
 * Tip subscriptions over Kysely (a channel's daily tips and a person's own), with their
 * rotation, and a channel's team tips: the same portable queries on SQLite and PostgreSQL.
 */
import type { ColumnType, Insertable, Kysely, Selectable } from "kysely";
import type { ChannelRef, Platform } from "../../core/storage-ports/records.js";
import type { Subscription, TeamTip, TipsStore } from "../../core/storage-ports/tips-store.js";
import type { DeliveryLedger } from "./delivery-ledger.js";
import type { TipsDatabase } from "./tips-store.js";

export interface SubscriptionsTable {
  platform: Platform;
  workspace_id: string;
  channel_id: string;
  time: string;
  zone: string;
  /** Comma-separated ISO weekdays. */
  days: string;
  /** JSON array of local dates. */
  skip: string;
  theme: string | null;
  created_by: string;
  created_at: number;
  next_run_at: number | null;
  next_run_date: string | null;
  paused_reason: string | null;
  rotation_seed: string;
  /** JSON array of tip ids. */
  cycle_posted: string;
  /** Whose personal tip this is; NULL for a channel's tips. */
  person_id: string | null;
  /** 1 when the zone follows the person's profile zone (0 by default). */
  zone_from_profile: ColumnType<number, number | undefined, number>;
}

interface TeamTipsTable {
  id: string;
  platform: Platform;
  workspace_id: string;
  channel_id: string;
  text: string;
  source_url: string | null;
  created_by: string;
  created_at: number;
}

/** The tables the subscriptions use (part of the full `Database`). */
export interface SubscriptionsDatabase {
  subscriptions: SubscriptionsTable;
  team_tips: TeamTipsTable;
}

/** The TipsStore's subscriptions and team tips: all of it but the delivery ledger. */
export type TipSubscriptions = Omit<TipsStore, keyof DeliveryLedger>;

/** Compare-and-set rounds for one rotation update before giving up. */
const ROTATION_ATTEMPTS = 5;

/** Runs one query, turning its failure into a StorageError that names `action`. */
type Guard = <T>(action: string, run: () => Promise<T>) => Promise<T>;

export const channelOf = (row: {
  platform: Platform;
  workspace_id: string;
  channel_id: string;
}): ChannelRef => ({
  platform: row.platform,
  workspaceId: row.workspace_id,
  channelId: row.channel_id,
});

const channelCols = (c: ChannelRef) => ({
  platform: c.platform,
  workspace_id: c.workspaceId,
  channel_id: c.channelId,
});

function toSubscription(row: Selectable<SubscriptionsTable>): Subscription {
  return {
    channel: channelOf(row),
    time: row.time,
    zone: row.zone,
    days: row.days.split(",").filter(Boolean).map(Number),
    skip: JSON.parse(row.skip) as string[],
    theme: row.theme,
    createdBy: row.created_by,
    createdAt: Number(row.created_at),
    nextRunAt: row.next_run_at === null ? null : Number(row.next_run_at),
    nextRunDate: row.next_run_date,
    pausedReason: row.paused_reason,
    rotationSeed: row.rotation_seed,
    cyclePosted: JSON.parse(row.cycle_posted) as string[],
    ...(row.person_id === null
      ? {}
      : { person: { userId: row.person_id, zoneFromProfile: Number(row.zone_from_profile) === 1 } }),
  };
}

/** A subscription as its `subscriptions` row (also used to bulk-seed tests and benchmarks). */
export function toRow(s: Subscription): Insertable<SubscriptionsTable> {
  return {
    ...channelCols(s.channel),
    time: s.time,
    zone: s.zone,
    days: s.days.join(","),
    skip: JSON.stringify(s.skip),
    theme: s.theme,
    created_by: s.createdBy,
    created_at: s.createdAt,
    next_run_at: s.nextRunAt,
    next_run_date: s.nextRunDate,
    paused_reason: s.pausedReason,
    rotation_seed: s.rotationSeed,
    cycle_posted: JSON.stringify(s.cyclePosted),
    person_id: s.person?.userId ?? null,
    zone_from_profile: s.person?.zoneFromProfile ? 1 : 0,
  };
}

/**
 * @example const subscriptions = createKyselyTipSubscriptions(db, guard); await subscriptions.getSubscription(channel)
 */
export function createKyselyTipSubscriptions(db: Kysely<TipsDatabase>, guard: Guard): TipSubscriptions {
  const whereChannel = (c: ChannelRef) => ({
    platform: c.platform,
    workspace_id: c.workspaceId,
    channel_id: c.channelId,
  });

  return {
    saveSubscription: (s) =>
      guard("save a subscription", async () => {
        const row = toRow(s);
        await db
          .insertInto("subscriptions")
          .values(row)
          .onConflict((oc) => oc.columns(["platform", "workspace_id", "channel_id"]).doUpdateSet(row))
          .execute();
      }),
    getSubscription: (c) =>
      guard("read a subscription", async () => {
        const row = await db
          .selectFrom("subscriptions")
          .selectAll()
          .where((eb) => eb.and(whereChannel(c)))
          .executeTakeFirst();
        return row ? toSubscription(row) : undefined;
      }),
    listWorkspaceSubscriptions: (platform, workspaceId) =>
      guard("list a workspace's subscriptions", async () => {
        const rows = await db
          .selectFrom("subscriptions")
          .selectAll()
          .where("platform", "=", platform)
          .where("workspace_id", "=", workspaceId)
          // A channel's tips only: a personal tip's "channel" is a person's DMs.
          .where("person_id", "is", null)
          .orderBy("channel_id")
          .execute();
        return rows.map(toSubscription);
      }),
    deleteSubscription: (c) =>
      guard("delete a subscription", async () => {
        const result = await db
          .deleteFrom("subscriptions")
          .where((eb) => eb.and(whereChannel(c)))
          .executeTakeFirst();
        return Number(result.numDeletedRows) > 0;
      }),
    dueSubscriptions: (now, limit, platform) =>
      guard("find due subscriptions", async () => {
        let query = db.selectFrom("subscriptions").selectAll().where("next_run_at", "<=", now);
        if (platform) query = query.where("platform", "=", platform);
        const rows = await query.orderBy("next_run_at").limit(limit).execute();
        return rows.filter((r) => r.paused_reason === null).map(toSubscription);
      }),
    advanceSubscription: (c, expected, next) =>
      guard("advance a subscription", async () => {
        const result = await db
          .updateTable("subscriptions")
          .set({ next_run_at: next.at, next_run_date: next.date })
          .where((eb) => eb.and({ ...whereChannel(c), next_run_at: expected }))
          .executeTakeFirst();
        return Number(result.numUpdatedRows) > 0;
      }),
    pauseSubscription: (c, reason) =>
      guard("pause a subscription", async () => {
        await db
          .updateTable("subscriptions")
          .set({ paused_reason: reason, next_run_at: null, next_run_date: null })
          .where((eb) => eb.and(whereChannel(c)))
          .execute();
      }),
    recordRotation: (c, tipId, newCycle) =>
      guard("record the tip rotation", async () => {
        // Read, then write only if the list is unchanged (compare-and-set), rather than a
        // transaction: no lock is held across awaits (two SQLite connections in one process
        // would otherwise wait on each other), a concurrent update is never lost (READ
        // COMMITTED would let a transaction's read go stale), and it is two round trips.
        for (let attempt = 0; attempt < ROTATION_ATTEMPTS; attempt++) {
          const row = await db
            .selectFrom("subscriptions")
            .select("cycle_posted")
            .where((eb) => eb.and(whereChannel(c)))
            .executeTakeFirst();
          if (!row) return;
          const posted = newCycle ? [] : (JSON.parse(row.cycle_posted) as string[]);
          if (!posted.includes(tipId)) posted.push(tipId);
          const result = await db
            .updateTable("subscriptions")
            .set({ cycle_posted: JSON.stringify(posted) })
            .where((eb) => eb.and({ ...whereChannel(c), cycle_posted: row.cycle_posted }))
            .executeTakeFirst();
          if (Number(result.numUpdatedRows) > 0) return;
        }
        throw new Error(`the rotation changed under ${ROTATION_ATTEMPTS} attempts in a row`);
      }),
    personalTips: (platform, userId) =>
      guard("read a person's tips", async () => {
        const rows = await db
          .selectFrom("subscriptions")
          .selectAll()
          .where("platform", "=", platform)
          .where("person_id", "=", userId)
          .execute();
        return rows.map(toSubscription);
      }),
    addTeamTip: (t) =>
      guard("add a team tip", async () => {
        await db
          .insertInto("team_tips")
          .values({
            id: t.id,
            ...channelCols(t.channel),
            text: t.text,
            source_url: t.sourceUrl,
            created_by: t.createdBy,
            created_at: t.createdAt,
          })
          .execute();
      }),
    listTeamTips: (c) =>
      guard("list team tips", async () => {
        const rows = await db
          .selectFrom("team_tips")
          .selectAll()
          .where((eb) => eb.and(whereChannel(c)))
          .orderBy("created_at")
          .execute();
        return rows.map(
          (r): TeamTip => ({
            id: r.id,
            channel: channelOf(r),
            text: r.text,
            sourceUrl: r.source_url,
            createdBy: r.created_by,
            createdAt: Number(r.created_at),
          }),
        );
      }),
    removeTeamTip: (c, id) =>
      guard("remove a team tip", async () => {
        const result = await db
          .deleteFrom("team_tips")
          .where((eb) => eb.and({ ...whereChannel(c), id }))
          .executeTakeFirst();
        return Number(result.numDeletedRows) > 0;
      }),
  };
}
