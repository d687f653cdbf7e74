/**
 * The ChallengeStore contract: behaviour every backend must show. `open` returns a fresh,
 * empty Kysely instance (not migrated) and its cleanup; the suite applies migrations
 * 001, 003 and 004 with an in-test provider, exactly as the lead's index will.
 */
import { type Kysely, sql } from "kysely";
import { type Migration, Migrator } from "kysely/migration";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { computeLeaderboard } from "../../src/challenges/leaderboard.js";
import { rankSlice } from "../../src/challenges/leaderboard-slice.js";
import type {
  ChallengeCheckIn,
  ChallengeStore,
  NewChallenge,
  NewMember,
} from "../../src/core/storage-ports/challenge-store.js";
import type { ChannelRef } from "../../src/core/storage-ports/storage.js";
import { StorageError } from "../../src/errors.js";
import {
  type ChallengesDatabase,
  createKyselyChallengeStore,
  FORGOTTEN_USER,
} from "../../src/storage/kysely/challenge-store.js";
import { toStorageError } from "../../src/storage/kysely/storage.js";
import { initial } from "../../src/storage/migrations/001-initial.js";
import { tips } from "../../src/storage/migrations/003-tips.js";
import { challenges } from "../../src/storage/migrations/004-challenges.js";

/** A fresh, empty database and how to dispose of it. */
export type OpenDatabase = () => Promise<{ db: Kysely<ChallengesDatabase>; cleanup(): Promise<void> }>;

const MIGRATIONS: Record<string, Migration> = {
  "001-initial": initial,
  "003-tips": tips,
  "004-challenges": challenges,
};

/** Applies 001, 003 and 004; throws with the failing migration's error. */
export async function migrateForChallenges(db: Kysely<ChallengesDatabase>): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => ({ ...MIGRATIONS }) } });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
}

/** The same guard the main storage uses: driver failures become StorageError. */
export async function guard<T>(action: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toStorageError(action, error);
  }
}

const T0 = Date.parse("2026-03-02T08:00:00Z");
const channel: ChannelRef = { platform: "slack", workspaceId: "T1", channelId: "C1" };

const newChallenge = (overrides: Partial<NewChallenge> = {}): NewChallenge => ({
  channel,
  templateId: "daylight-walks",
  name: "Spring walks",
  startDate: "2026-03-02",
  days: 14,
  zone: "Europe/Berlin",
  reminderTime: null,
  createdBy: "U_ADMIN",
  createdAt: T0,
  ...overrides,
});

const newMember = (challengeId: string, userId: string, overrides: Partial<NewMember> = {}): NewMember => ({
  challengeId,
  userId,
  displayName: `Name ${userId}`,
  team: null,
  joinedAt: T0,
  joinDate: "2026-03-02",
  ...overrides,
});

const checkIn = (
  challengeId: string,
  userId: string,
  taskId: string,
  localDate: string,
  points = 3,
): ChallengeCheckIn => ({
  challengeId,
  userId,
  taskId,
  localDate,
  at: Date.parse(`${localDate}T10:00:00Z`),
  points,
  note: null,
});

/** Registers the shared behaviour tests for one backend. */
export function challengeStoreContract(name: string, open: OpenDatabase): void {
  describe(`ChallengeStore contract: ${name}`, () => {
    let db: Kysely<ChallengesDatabase>;
    let store: ChallengeStore;
    let cleanup: () => Promise<void>;
    beforeEach(async () => {
      ({ db, cleanup } = await open());
      await migrateForChallenges(db);
      store = createKyselyChallengeStore(db, guard);
    });
    afterEach(async () => {
      await db.destroy();
      await cleanup();
    });
    const ctx = () => ({ db, store });

    describeChallenges(ctx);
    describeMembers(ctx);
    describeCheckIns(ctx);
    describeConcurrency(ctx);
    describeLeaderboardSlice(ctx);
    describePrivacy(ctx);
  });
}

type Ctx = () => { db: Kysely<ChallengesDatabase>; store: ChallengeStore };

function describeChallenges(ctx: Ctx): void {
  it("creates a challenge with an id, reads it back, and lists it as active in its channel only", async () => {
    const { store } = ctx();
    const created = await store.createChallenge(newChallenge());
    expect(created).toEqual({ ...newChallenge(), id: expect.any(String), endedAt: null, endedBy: null });
    await expect(store.getChallenge(created.id)).resolves.toEqual(created);
    await expect(store.getChallenge("missing")).resolves.toBeUndefined();
    await store.createChallenge(newChallenge({ channel: { ...channel, channelId: "C2" } }));
    await expect(store.listActiveChallenges(channel)).resolves.toEqual([created]);
  });

  it("ends a challenge exactly once, after which it is no longer active or unended", async () => {
    const { store } = ctx();
    const a = await store.createChallenge(newChallenge());
    const b = await store.createChallenge(newChallenge({ name: "Second", createdAt: T0 + 1 }));
    await expect(store.listUnendedChallenges()).resolves.toEqual([a, b]);
    await expect(store.endChallenge(a.id, T0 + 5, "U_ADMIN")).resolves.toBe(true);
    await expect(store.endChallenge(a.id, T0 + 6, "U_OTHER")).resolves.toBe(false);
    await expect(store.getChallenge(a.id)).resolves.toMatchObject({ endedAt: T0 + 5, endedBy: "U_ADMIN" });
    await expect(store.listActiveChallenges(channel)).resolves.toEqual([b]);
    await expect(store.listUnendedChallenges()).resolves.toEqual([b]);
  });

  it("lists a workspace's unended challenges in every channel, and no other workspace's", async () => {
    const { store } = ctx();
    const a = await store.createChallenge(newChallenge());
    const b = await store.createChallenge(
      newChallenge({ channel: { ...channel, channelId: "C2" }, createdAt: T0 + 1 }),
    );
    const ended = await store.createChallenge(newChallenge({ name: "Ended", createdAt: T0 + 2 }));
    await store.endChallenge(ended.id, T0 + 3, "U_ADMIN");
    await store.createChallenge(newChallenge({ channel: { ...channel, workspaceId: "T_OTHER" } }));
    await expect(store.listWorkspaceChallenges(channel.platform, channel.workspaceId)).resolves.toEqual([
      a,
      b,
    ]);
    await expect(store.listWorkspaceChallenges("discord", channel.workspaceId)).resolves.toEqual([]);
  });

  it("sets and clears the reminder time", async () => {
    const { store } = ctx();
    const c = await store.createChallenge(newChallenge());
    await expect(store.setReminder(c.id, "09:30")).resolves.toBe(true);
    await expect(store.getChallenge(c.id)).resolves.toMatchObject({ reminderTime: "09:30" });
    await expect(store.setReminder(c.id, null)).resolves.toBe(true);
    await expect(store.setReminder("missing", "09:30")).resolves.toBe(false);
  });
}

function describeMembers(ctx: Ctx): void {
  it("joins once, reports a repeat, and rejoins after leaving with the join date and history kept", async () => {
    const { store } = ctx();
    const c = await store.createChallenge(newChallenge());
    await expect(store.joinChallenge(newMember(c.id, "U1", { team: "Blue" }))).resolves.toBe("joined");
    await expect(store.joinChallenge(newMember(c.id, "U1"))).resolves.toBe("already_member");
    await store.addCheckIn(checkIn(c.id, "U1", "walk", "2026-03-02"));
    await expect(store.leaveChallenge(c.id, "U1", T0 + 10)).resolves.toBe(true);
    await expect(store.leaveChallenge(c.id, "U1", T0 + 11)).resolves.toBe(false);
    await expect(store.getMember(c.id, "U1")).resolves.toMatchObject({ leftAt: T0 + 10, points: 3 });
    const later = newMember(c.id, "U1", { joinedAt: T0 + 99, joinDate: "2026-03-05" });
    await expect(store.joinChallenge(later)).resolves.toBe("rejoined");
    await expect(store.getMember(c.id, "U1")).resolves.toMatchObject({
      leftAt: null,
      joinDate: "2026-03-02",
      team: "Blue",
      points: 3,
      checkIns: 1,
    });
  });

  it("starts members with zero totals, one slot per day, and changes team and hidden flag", async () => {
    const { store } = ctx();
    const c = await store.createChallenge(newChallenge({ days: 5 }));
    await store.joinChallenge(newMember(c.id, "U1"));
    await expect(store.setTeam(c.id, "U1", "Red")).resolves.toBe(true);
    await expect(store.setHidden(c.id, "U1", true)).resolves.toBe(true);
    await expect(store.setTeam(c.id, "U_NOBODY", "Red")).resolves.toBe(false);
    await expect(store.getMember(c.id, "U1")).resolves.toEqual({
      ...newMember(c.id, "U1"),
      team: "Red",
      leftAt: null,
      hidden: true,
      points: 0,
      checkIns: 0,
      lastCheckInAt: null,
      dayPoints: [0, 0, 0, 0, 0],
      dayCheckIns: [0, 0, 0, 0, 0],
    });
    await expect(store.getMember(c.id, "U_NOBODY")).resolves.toBeUndefined();
  });

  it("lists members and their standing columns by user id, leavers included", async () => {
    const { store } = ctx();
    const c = await store.createChallenge(newChallenge({ days: 3 }));
    for (const user of ["U3", "U1", "U2"]) await store.joinChallenge(newMember(c.id, user));
    await store.addCheckIn(checkIn(c.id, "U2", "walk", "2026-03-03"));
    await store.leaveChallenge(c.id, "U3", T0 + 1);
    const members = await store.listMembers(c.id);
    expect(members.map((m) => m.userId)).toEqual(["U1", "U2", "U3"]);
    const standings = await store.listStandings(c.id);
    expect(standings).toEqual(
      members.map((m) => ({
        userId: m.userId,
        displayName: m.displayName,
        team: m.team,
        joinDate: m.joinDate,
        leftAt: m.leftAt,
        hidden: m.hidden,
        points: m.points,
        checkIns: m.checkIns,
        lastCheckInAt: m.lastCheckInAt,
        dayCheckIns: m.dayCheckIns,
      })),
    );
    expect(standings[1]).toMatchObject({ points: 3, dayCheckIns: [0, 1, 0] });
    expect(standings[2]).toMatchObject({ leftAt: T0 + 1 });
  });

  it("refuses to join a challenge that does not exist, as a StorageError", async () => {
    const { store } = ctx();
    await expect(store.joinChallenge(newMember("missing", "U1"))).rejects.toBeInstanceOf(StorageError);
  });
}

function describeCheckIns(ctx: Ctx): void {
  it("adds a check-in once, keeps totals per day, and answers duplicate and not_member without an error", async () => {
    const { store } = ctx();
    const c = await store.createChallenge(newChallenge({ days: 4 }));
    await store.joinChallenge(newMember(c.id, "U1"));
    const first = await store.addCheckIn(checkIn(c.id, "U1", "walk", "2026-03-03", 3));
    expect(first).toMatchObject({
      status: "added",
      member: { points: 3, checkIns: 1, dayPoints: [0, 3, 0, 0] },
    });
    await expect(store.addCheckIn(checkIn(c.id, "U1", "walk", "2026-03-03", 3))).resolves.toEqual({
      status: "duplicate",
    });
    const second = await store.addCheckIn(checkIn(c.id, "U1", "hat", "2026-03-03", 1));
    expect(second).toMatchObject({ member: { points: 4, dayCheckIns: [0, 2, 0, 0] } });
    await expect(store.addCheckIn(checkIn(c.id, "U_NOBODY", "walk", "2026-03-03"))).resolves.toEqual({
      status: "not_member",
    });
    await store.leaveChallenge(c.id, "U1", T0);
    await expect(store.addCheckIn(checkIn(c.id, "U1", "walk", "2026-03-04"))).resolves.toEqual({
      status: "not_member",
    });
  });

  it("stores a note and lists check-ins by date, optionally for one user", async () => {
    const { store } = ctx();
    const c = await store.createChallenge(newChallenge());
    for (const user of ["U1", "U2"]) await store.joinChallenge(newMember(c.id, user));
    const noted = { ...checkIn(c.id, "U2", "walk", "2026-03-02"), note: "rain 🌧 “quotes”" };
    await store.addCheckIn(checkIn(c.id, "U1", "walk", "2026-03-04"));
    await store.addCheckIn(noted);
    await expect(store.listCheckIns(c.id)).resolves.toEqual([
      noted,
      checkIn(c.id, "U1", "walk", "2026-03-04"),
    ]);
    await expect(store.listCheckIns(c.id, { userId: "U2" })).resolves.toEqual([noted]);
  });

  it("undoes a check-in once and takes it out of the totals", async () => {
    const { store } = ctx();
    const c = await store.createChallenge(newChallenge({ days: 3 }));
    await store.joinChallenge(newMember(c.id, "U1"));
    const walk = checkIn(c.id, "U1", "walk", "2026-03-02");
    await store.addCheckIn(walk);
    await store.addCheckIn(checkIn(c.id, "U1", "walk", "2026-03-03"));
    await expect(store.removeCheckIn(walk)).resolves.toBe(true);
    await expect(store.removeCheckIn(walk)).resolves.toBe(false);
    await expect(store.getMember(c.id, "U1")).resolves.toMatchObject({
      points: 3,
      checkIns: 1,
      dayPoints: [0, 3, 0],
      lastCheckInAt: Date.parse("2026-03-03T10:00:00Z"),
    });
  });

  it("leaves check-ins outside the challenge's days or before joining out of the totals", async () => {
    const { store } = ctx();
    const c = await store.createChallenge(newChallenge({ days: 3 }));
    await store.joinChallenge(newMember(c.id, "U1", { joinDate: "2026-03-03" }));
    for (const date of ["2026-03-01", "2026-03-02", "2026-03-03", "2026-03-05"]) {
      await store.addCheckIn(checkIn(c.id, "U1", "walk", date));
    }
    await expect(store.getMember(c.id, "U1")).resolves.toMatchObject({ points: 3, dayPoints: [0, 3, 0] });
  });
}

function describeConcurrency(ctx: Ctx): void {
  it("records exactly one per user per task per day for 50 users × 4 simultaneous check-ins, with no error", async () => {
    const { db, store } = ctx();
    const c = await store.createChallenge(newChallenge());
    const users = Array.from({ length: 50 }, (_, i) => `U${String(i).padStart(2, "0")}`);
    for (const user of users) await store.joinChallenge(newMember(c.id, user));
    // Each user taps twice on each of two tasks at once: 200 calls in flight together.
    const calls = users.flatMap((user) =>
      ["walk", "hat", "walk", "hat"].map((task) =>
        checkIn(c.id, user, task, "2026-03-02", task === "walk" ? 3 : 1),
      ),
    );
    const results = await Promise.allSettled(calls.map((call) => store.addCheckIn(call)));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const statuses = results.map((r) => (r.status === "fulfilled" ? r.value.status : "error"));
    expect(statuses.filter((s) => s === "added")).toHaveLength(100);
    expect(statuses.filter((s) => s === "duplicate")).toHaveLength(100);
    const perKey = await sql<{ n: number | string }>`
      select count(*) as n from challenge_checkins group by challenge_id, user_id, task_id, local_date`.execute(
      db,
    );
    expect(perKey.rows.map((row) => Number(row.n))).toEqual(new Array(100).fill(1));
    for (const member of await store.listMembers(c.id)) {
      expect(member).toMatchObject({ points: 4, checkIns: 2 });
    }
  });

  it("keeps totals equal to the check-ins after concurrent adds and undos for one member", async () => {
    const { store } = ctx();
    const c = await store.createChallenge(newChallenge({ days: 7 }));
    await store.joinChallenge(newMember(c.id, "U1"));
    const dates = ["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05"];
    await Promise.all(dates.map((d) => store.addCheckIn(checkIn(c.id, "U1", "walk", d))));
    await Promise.all([
      store.removeCheckIn(checkIn(c.id, "U1", "walk", dates[0] as string)),
      store.addCheckIn(checkIn(c.id, "U1", "hat", dates[1] as string, 1)),
      store.removeCheckIn(checkIn(c.id, "U1", "walk", dates[2] as string)),
      store.addCheckIn(checkIn(c.id, "U1", "walk", "2026-03-08")),
    ]);
    const rows = await store.listCheckIns(c.id);
    const member = await store.getMember(c.id, "U1");
    expect(member?.points).toBe(rows.reduce((n, r) => n + r.points, 0));
    expect(member).toMatchObject({ checkIns: 4, dayPoints: [0, 4, 0, 3, 0, 0, 3] });
  });
}

function describeLeaderboardSlice(ctx: Ctx): void {
  it("reads a leaderboard slice that ranks exactly like the full standings, for the top and for each asker", async () => {
    const { store } = ctx();
    const c = await store.createChallenge(newChallenge({ days: 6 }));
    const users = Array.from({ length: 40 }, (_, i) => `U${String(i).padStart(2, "0")}`);
    // Few distinct scores so ties abound; a quarter never check in; teams differ only in case.
    const teams = ["Blue", "blue", "Red", null];
    for (const [i, user] of users.entries()) {
      await store.joinChallenge(newMember(c.id, user, { team: teams[i % 4] ?? null }));
      if (i % 7 === 0) await store.setHidden(c.id, user, true);
    }
    const calls = users.flatMap((user, i) =>
      i % 4 === 3
        ? []
        : Array.from({ length: (i % 3) + 1 }, (_, d) =>
            checkIn(c.id, user, "walk", `2026-03-0${2 + ((d + i) % 5)}`),
          ),
    );
    await Promise.all(calls.map((call) => store.addCheckIn(call)));
    const now = new Date("2026-03-07T18:00:00Z");
    const full = computeLeaderboard(c, await store.listStandings(c.id), now);
    for (const asker of ["U00", "U05", "U03", "U39", "U_NOBODY"]) {
      const view = rankSlice(c, await store.leaderboardSlice(c.id, { limit: 10, userId: asker }), now, 10);
      expect(view.individuals).toEqual(full.individuals.slice(0, 10));
      expect(view.me).toEqual(full.individuals.find((s) => s.userId === asker));
      expect(view.total).toBe(40);
      expect(view.teams).toEqual(full.teams);
    }
    expect(full.teams.map((t) => [t.team, t.members]).sort()).toEqual([
      ["Blue", 20],
      ["Red", 10],
    ]);
  });

  it("fills the top with 0-point members by user id when few have scored", async () => {
    const { store } = ctx();
    const c = await store.createChallenge(newChallenge());
    for (const user of ["U3", "U1", "U4", "U2"]) await store.joinChallenge(newMember(c.id, user));
    await store.addCheckIn(checkIn(c.id, "U4", "walk", "2026-03-02"));
    const slice = await store.leaderboardSlice(c.id, { limit: 3, userId: "U3" });
    const view = rankSlice(c, slice, new Date("2026-03-02T18:00:00Z"), 3);
    expect(view.individuals.map((s) => [s.rank, s.userId])).toEqual([
      [1, "U4"],
      [2, "U1"],
      [3, "U2"],
    ]);
    expect(view.me).toMatchObject({ rank: 4, userId: "U3" });
  });
}

/** Every row, in every challenge table, that still mentions a user id. */
async function rowsMentioning(db: Kysely<ChallengesDatabase>, userId: string): Promise<number> {
  const members = await db
    .selectFrom("challenge_members")
    .select("user_id")
    .where("user_id", "=", userId)
    .execute();
  const checkIns = await db
    .selectFrom("challenge_checkins")
    .select("user_id")
    .where("user_id", "=", userId)
    .execute();
  const started = await db
    .selectFrom("challenges")
    .select("id")
    .where((eb) => eb.or([eb("created_by", "=", userId), eb("ended_by", "=", userId)]))
    .execute();
  return members.length + checkIns.length + started.length;
}

function describePrivacy(ctx: Ctx): void {
  it("exports one person's memberships and check-ins across workspaces of a platform", async () => {
    const { store } = ctx();
    const a = await store.createChallenge(newChallenge());
    const b = await store.createChallenge(
      newChallenge({ channel: { ...channel, workspaceId: "T2" }, createdBy: "U1" }),
    );
    const d = await store.createChallenge(newChallenge({ channel: { ...channel, platform: "discord" } }));
    for (const c of [a, b, d]) await store.joinChallenge(newMember(c.id, "U1"));
    await store.addCheckIn(checkIn(a.id, "U1", "walk", "2026-03-02"));
    await store.addCheckIn(checkIn(d.id, "U1", "walk", "2026-03-02"));
    const data = await store.exportUserData("slack", "U1");
    expect(data.memberships.map((m) => m.challenge.id).sort()).toEqual([a.id, b.id].sort());
    expect(data.checkIns).toEqual([checkIn(a.id, "U1", "walk", "2026-03-02")]);
    expect(data.challengesStartedOrEnded).toEqual([b.id]);
  });

  it("forgets a person everywhere on the platform: no row mentions them, others and other platforms stay", async () => {
    const { db, store } = ctx();
    const a = await store.createChallenge(newChallenge({ createdBy: "U1" }));
    const b = await store.createChallenge(newChallenge({ channel: { ...channel, workspaceId: "T2" } }));
    const d = await store.createChallenge(newChallenge({ channel: { ...channel, platform: "discord" } }));
    for (const c of [a, b, d])
      for (const u of ["U1", "U2"]) await store.joinChallenge(newMember(c.id, u, { team: "Blue" }));
    for (const c of [a, b, d]) await store.addCheckIn(checkIn(c.id, "U1", "walk", "2026-03-02"));
    await store.addCheckIn(checkIn(a.id, "U2", "walk", "2026-03-02"));
    await store.endChallenge(b.id, T0, "U1");
    await expect(store.deleteUserData("slack", "U1")).resolves.toEqual({
      challenges: 0,
      memberships: 2,
      checkIns: 2,
    });
    await expect(store.exportUserData("slack", "U1")).resolves.toEqual({
      memberships: [],
      checkIns: [],
      challengesStartedOrEnded: [],
    });
    await expect(store.getChallenge(a.id)).resolves.toMatchObject({ createdBy: FORGOTTEN_USER });
    await expect(store.getChallenge(b.id)).resolves.toMatchObject({ endedBy: FORGOTTEN_USER });
    expect((await store.listMembers(a.id)).map((m) => m.userId)).toEqual(["U2"]);
    await expect(store.listCheckIns(d.id, { userId: "U1" })).resolves.toHaveLength(1);
    await store.deleteUserData("discord", "U1");
    expect(await rowsMentioning(db, "U1")).toBe(0);
  });

  it("deletes a workspace's challenges, members and check-ins and nothing else", async () => {
    const { store } = ctx();
    const a = await store.createChallenge(newChallenge());
    const keep = await store.createChallenge(newChallenge({ channel: { ...channel, workspaceId: "T2" } }));
    for (const c of [a, keep]) {
      await store.joinChallenge(newMember(c.id, "U1"));
      await store.addCheckIn(checkIn(c.id, "U1", "walk", "2026-03-02"));
    }
    await expect(store.deleteWorkspaceData("slack", "T1")).resolves.toEqual({
      challenges: 1,
      memberships: 1,
      checkIns: 1,
    });
    await expect(store.getChallenge(a.id)).resolves.toBeUndefined();
    await expect(store.exportChallenge(keep.id)).resolves.toMatchObject({
      members: [{ userId: "U1" }],
      checkIns: [{ userId: "U1" }],
    });
    await expect(store.exportChallenge(a.id)).resolves.toBeUndefined();
  });
}
