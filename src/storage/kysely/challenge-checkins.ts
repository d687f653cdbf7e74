import type { Transaction } from "kysely";
import type {
  ChallengeCheckIn,
  CheckInKey,
  JoinOutcome,
  NewMember,
} from "../../core/storage-ports/challenge-store.js";
import { buildActivity } from "../member-activity.js";
import { type ChallengesDatabase, type Db, encodeDays, memberKey, toMember } from "./challenge-tables.js";

/** Takes the member's row lock (bumping `revision`); their join date, or undefined when not a (current) member. */
async function lockMember(trx: Transaction<ChallengesDatabase>, key: CheckInKey, activeOnly: boolean) {
  let query = trx
    .updateTable("challenge_members")
    .set((eb) => ({ revision: eb("revision", "+", 1) }))
    .where("challenge_id", "=", key.challengeId)
    .where("user_id", "=", key.userId);
  if (activeOnly) query = query.where("left_at", "is", null);
  return (await query.returning("join_date").executeTakeFirst())?.join_date;
}

/** A challenge's first day and length; they never change, so each store remembers them. */
export type TimingCache = Map<string, { startDate: string; days: number }>;

async function timingOf(trx: Transaction<ChallengesDatabase>, cache: TimingCache, challengeId: string) {
  const known = cache.get(challengeId);
  if (known) return known;
  const row = await trx
    .selectFrom("challenges")
    .select(["start_date", "days"])
    .where("id", "=", challengeId)
    .executeTakeFirstOrThrow();
  const timing = { startDate: row.start_date, days: Number(row.days) };
  cache.set(challengeId, timing);
  return timing;
}

/** Recomputes a member's totals from their check-ins (call holding the member's lock). */
async function refreshTotals(
  trx: Transaction<ChallengesDatabase>,
  timing: { startDate: string; days: number },
  key: Pick<CheckInKey, "challengeId" | "userId">,
  joinDate: string,
) {
  const { challengeId, userId } = key;
  const rows = await trx
    .selectFrom("challenge_checkins")
    .select(["local_date", "at", "points"])
    .where((eb) => eb.and(memberKey(challengeId, userId)))
    .execute();
  const facts = rows.map((r) => ({ localDate: r.local_date, at: Number(r.at), points: Number(r.points) }));
  const activity = buildActivity(timing, joinDate, facts);
  const updated = await trx
    .updateTable("challenge_members")
    .set({
      points: activity.points,
      check_ins: activity.checkIns,
      last_checkin_at: activity.lastCheckInAt,
      day_points: encodeDays(activity.dayPoints),
      day_checkins: encodeDays(activity.dayCheckIns),
    })
    .where((eb) => eb.and(memberKey(challengeId, userId)))
    .returningAll()
    .executeTakeFirstOrThrow();
  return toMember(updated);
}

export async function joinChallenge(db: Db, m: NewMember): Promise<JoinOutcome> {
  return db.transaction().execute(async (trx) => {
    const challenge = await trx
      .selectFrom("challenges")
      .select("days")
      .where("id", "=", m.challengeId)
      .executeTakeFirst();
    if (!challenge) throw new Error(`no challenge ${m.challengeId}`);
    const zeros = encodeDays(new Array<number>(Number(challenge.days)).fill(0));
    const inserted = await trx
      .insertInto("challenge_members")
      .values({
        ...memberKey(m.challengeId, m.userId),
        display_name: m.displayName,
        team: m.team,
        joined_at: m.joinedAt,
        join_date: m.joinDate,
        left_at: null,
        hidden: 0,
        points: 0,
        check_ins: 0,
        last_checkin_at: null,
        day_points: zeros,
        day_checkins: zeros,
        revision: 0,
      })
      .onConflict((oc) => oc.columns(["challenge_id", "user_id"]).doNothing())
      .returning("user_id")
      .executeTakeFirst();
    if (inserted) return "joined";
    const rejoined = await trx
      .updateTable("challenge_members")
      .set({ left_at: null, display_name: m.displayName, ...(m.team === null ? {} : { team: m.team }) })
      .where((eb) => eb.and(memberKey(m.challengeId, m.userId)))
      .where("left_at", "is not", null)
      .executeTakeFirst();
    return Number(rejoined.numUpdatedRows) > 0 ? "rejoined" : "already_member";
  });
}

export async function addCheckIn(db: Db, cache: TimingCache, c: ChallengeCheckIn) {
  return db.transaction().execute(async (trx) => {
    const joinDate = await lockMember(trx, c, true);
    if (joinDate === undefined) return { status: "not_member" as const };
    const inserted = await trx
      .insertInto("challenge_checkins")
      .values({
        ...memberKey(c.challengeId, c.userId),
        task_id: c.taskId,
        local_date: c.localDate,
        at: c.at,
        points: c.points,
        note: c.note,
      })
      .onConflict((oc) => oc.columns(["challenge_id", "user_id", "task_id", "local_date"]).doNothing())
      .returning("at")
      .executeTakeFirst();
    if (!inserted) return { status: "duplicate" as const };
    const member = await refreshTotals(trx, await timingOf(trx, cache, c.challengeId), c, joinDate);
    return { status: "added" as const, member };
  });
}

export async function removeCheckIn(db: Db, cache: TimingCache, key: CheckInKey): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const joinDate = await lockMember(trx, key, false);
    if (joinDate === undefined) return false;
    const deleted = await trx
      .deleteFrom("challenge_checkins")
      .where((eb) =>
        eb.and({ ...memberKey(key.challengeId, key.userId), task_id: key.taskId, local_date: key.localDate }),
      )
      .executeTakeFirst();
    if (Number(deleted.numDeletedRows) === 0) return false;
    await refreshTotals(trx, await timingOf(trx, cache, key.challengeId), key, joinDate);
    return true;
  });
}
