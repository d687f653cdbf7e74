/**
 * The TipsStore over Kysely: the same portable queries on SQLite and PostgreSQL.
 * The ledger claim is `INSERT … ON CONFLICT DO NOTHING`, so exactly one process wins a
 * (platform, workspace, channel, kind, local date) key.
 */
import { type ColumnType, type Insertable, type Kysely, type Selectable, sql } from "kysely";
import type { ChannelRef, Platform } from "../ports/records.js";
import {
  type Delivery,
  type DeliveryKey,
  type DeliveryKind,
  type DeliveryStatus,
  STALE_CLAIMS_LIMIT,
  type Subscription,
  type TeamTip,
  type TipsStore,
} from "../ports/tips-store.js";

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

interface DeliveriesTable {
  platform: Platform;
  workspace_id: string;
  channel_id: string;
  kind: DeliveryKind;
  local_date: string;
  status: DeliveryStatus;
  claimed_by: string;
  claimed_at: number;
  finished_at: number | null;
  reason: string | null;
  item: string | null;
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

/** The tables this store uses (part of the full `Database`). */
export interface TipsDatabase {
  subscriptions: SubscriptionsTable;
  deliveries: DeliveriesTable;
  team_tips: TeamTipsTable;
}

/** Rows per multi-row claim on SQLite: 8 parameters each stays well under its limit of 32,766. */
const CLAIM_CHUNK = 1000;

/** Compare-and-set rounds for one rotation update before giving up. */
const ROTATION_ATTEMPTS = 5;

type Guard = <T>(action: string, run: () => Promise<T>) => Promise<T>;

const channelOf = (row: { platform: Platform; workspace_id: string; channel_id: string }): ChannelRef => ({
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

function toDelivery(row: DeliveriesTable): Delivery {
  return {
    channel: channelOf(row),
    kind: row.kind,
    localDate: row.local_date,
    status: row.status,
    claimedBy: row.claimed_by,
    claimedAt: Number(row.claimed_at),
    finishedAt: row.finished_at === null ? null : Number(row.finished_at),
    reason: row.reason,
    item: row.item,
  };
}

type KeyRow = Pick<DeliveriesTable, "platform" | "workspace_id" | "channel_id" | "kind" | "local_date">;

/**
 * The multi-row claim on PostgreSQL: the keys go as five arrays, unnested into rows, so
 * the statement has seven parameters whatever the count instead of eight a row (a slice
 * of 250 bound 2,000, and building, sending, parsing and planning them cost more than
 * the insert). Measured on 100,000 subscriptions with 1,000 due, four slices of 250:
 * claims 1.7–2.5× faster (`npm run bench scheduler`). Each key is still won by exactly
 * one claimer (ON CONFLICT DO NOTHING on the ledger's primary key), and rows are
 * inserted in the order given (the caller sorts them, so two claimers never deadlock).
 */
async function claimByArrays(
  db: Kysely<TipsDatabase>,
  keys: readonly DeliveryKey[],
  by: string,
  at: number,
): Promise<KeyRow[]> {
  const column = (pick: (k: DeliveryKey) => string) => keys.map(pick);
  const result = await sql<KeyRow>`
    insert into deliveries (platform, workspace_id, channel_id, kind, local_date, status, claimed_by, claimed_at)
    select k.platform, k.workspace_id, k.channel_id, k.kind, k.local_date, 'claimed', ${by}, ${at}
    from unnest(
      ${column((k) => k.channel.platform)}::text[], ${column((k) => k.channel.workspaceId)}::text[],
      ${column((k) => k.channel.channelId)}::text[], ${column((k) => k.kind)}::text[], ${column((k) => k.localDate)}::text[]
    ) with ordinality as k(platform, workspace_id, channel_id, kind, local_date, position)
    order by k.position
    on conflict do nothing
    returning platform, workspace_id, channel_id, kind, local_date`.execute(db);
  return result.rows;
}

/**
 * @example const tips = createKyselyTipsStore(db, guard, "postgres"); await tips.claimDelivery(key, "pid-1", Date.now())
 */
export function createKyselyTipsStore(
  db: Kysely<TipsDatabase>,
  guard: Guard,
  dialect: "sqlite" | "postgres" = "sqlite",
): TipsStore {
  const whereChannel = (c: ChannelRef) => ({
    platform: c.platform,
    workspace_id: c.workspaceId,
    channel_id: c.channelId,
  });
  const keyOf = (k: DeliveryKey) => ({ ...whereChannel(k.channel), kind: k.kind, local_date: k.localDate });

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
    claimDelivery: (k, by, at) =>
      guard("claim a delivery", async () => {
        const result = await db
          .insertInto("deliveries")
          .values({
            ...keyOf(k),
            status: "claimed",
            claimed_by: by,
            claimed_at: at,
            finished_at: null,
            reason: null,
            item: null,
          })
          .onConflict((oc) => oc.doNothing())
          .returning("claimed_at")
          .executeTakeFirst();
        return result !== undefined;
      }),
    claimDeliveries: (keys, by, at) =>
      guard("claim deliveries", async () => {
        if (keys.length === 0) return [];
        const toKey = (r: KeyRow): DeliveryKey => ({
          channel: channelOf(r),
          kind: r.kind,
          localDate: r.local_date,
        });
        if (dialect === "postgres") return (await claimByArrays(db, keys, by, at)).map(toKey);
        const won: DeliveryKey[] = [];
        // Chunks keep each statement under SQLite's and PostgreSQL's bound-parameter limits.
        for (let i = 0; i < keys.length; i += CLAIM_CHUNK) {
          const chunk = keys.slice(i, i + CLAIM_CHUNK);
          const rows = await db
            .insertInto("deliveries")
            .values(
              // finished_at, reason and item start as NULL: fewer bound parameters per row.
              chunk.map((k) => ({ ...keyOf(k), status: "claimed" as const, claimed_by: by, claimed_at: at })),
            )
            .onConflict((oc) => oc.doNothing())
            .returning(["platform", "workspace_id", "channel_id", "kind", "local_date"])
            .execute();
          won.push(...rows.map(toKey));
        }
        return won;
      }),
    finishDelivery: (k, status, at, detail) =>
      guard("record a delivery", async () => {
        await db
          .updateTable("deliveries")
          .set({ status, finished_at: at, reason: detail.reason ?? null, item: detail.item ?? null })
          .where((eb) => eb.and(keyOf(k)))
          .execute();
      }),
    getDelivery: (k) =>
      guard("read a delivery", async () => {
        const row = await db
          .selectFrom("deliveries")
          .selectAll()
          .where((eb) => eb.and(keyOf(k)))
          .executeTakeFirst();
        return row ? toDelivery(row) : undefined;
      }),
    staleClaims: (olderThan, c) =>
      guard("find stale claims", async () => {
        let query = db
          .selectFrom("deliveries")
          .selectAll()
          .where("status", "=", "claimed")
          .where("claimed_at", "<", olderThan);
        if (c) query = query.where((eb) => eb.and(whereChannel(c)));
        // The newest ones: older ones were reported when they were new.
        const rows = await query.orderBy("claimed_at", "desc").limit(STALE_CLAIMS_LIMIT).execute();
        return rows.reverse().map(toDelivery);
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
