import type { Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type ChallengeService, createChallengeService } from "../../../src/challenges/service.js";
import { pickChallenge } from "../../../src/challenges/start.js";
import type { Challenge, ChallengeStore } from "../../../src/core/storage-ports/challenge-store.js";
import type { ChannelRef } from "../../../src/core/storage-ports/storage.js";
import { UserFacingError } from "../../../src/errors.js";
import {
  type ChallengesDatabase,
  createKyselyChallengeStore,
} from "../../../src/storage/kysely/challenge-store.js";
import { openSqliteDatabase } from "../../../src/storage/kysely/sqlite-storage.js";
import { guard, migrateForChallenges } from "../../contract/challenge-store.contract.js";
import { realContent } from "../../helpers/content.js";
import { FakeClock } from "../../helpers/fake-clock.js";

const channel: ChannelRef = { platform: "discord", workspaceId: "G1", channelId: "C1" };
const zone = "America/New_York";

let db: Kysely<ChallengesDatabase>;
let store: ChallengeStore;
let clock: FakeClock;
let service: ChallengeService;

beforeEach(async () => {
  db = openSqliteDatabase(":memory:") as unknown as Kysely<ChallengesDatabase>;
  await migrateForChallenges(db);
  store = createKyselyChallengeStore(db, guard);
  clock = new FakeClock("2026-03-02T14:00:00Z"); // Mon 2 March, 09:00 in New York
  service = createChallengeService({ store, templates: realContent().challenges, clock });
});
afterEach(() => db.destroy());

/** A daylight-walks challenge starting today in New York. */
const startWalks = (days?: number) =>
  service.start({ templateId: "daylight-walks", zone, channel, by: "U_ADMIN", ...(days ? { days } : {}) });

/** Sets the clock to `time` (New York, EST until 8 March) on challenge day `day` (0 = 2 March). */
function at(day: number, time: string): void {
  const date = new Date(Date.UTC(2026, 2, 2 + day)).toISOString().slice(0, 10);
  const offset = day >= 6 ? "-04:00" : "-05:00";
  clock.set(`${date}T${time}:00${offset}`);
}

describe("starting and picking a challenge", () => {
  it("starts today in the challenge's zone with the template's length and title", async () => {
    const challenge = await startWalks();
    expect(challenge).toMatchObject({ startDate: "2026-03-02", days: 14, zone, name: "Daylight walks" });
    await expect(store.listActiveChallenges(channel)).resolves.toEqual([challenge]);
  });

  it("refuses bad input with a message that says what to type", async () => {
    const start = (extra: object) =>
      service
        .start({ templateId: "daylight-walks", zone, channel, by: "U", ...extra })
        .catch((e: unknown) => e);
    const unknown = await start({ templateId: "marathon" });
    expect(unknown).toBeInstanceOf(UserFacingError);
    expect((unknown as Error).message).toContain("daylight-walks: Daylight walks (14 days)");
    expect(await start({ startDate: "2026-02-30" })).toMatchObject({ code: "bad_date" });
    expect(await start({ startDate: "2026-03-01" })).toMatchObject({ code: "bad_date" });
    expect(await start({ days: 2 })).toMatchObject({ code: "bad_days" });
    expect(await start({ zone: "Mars/Olympus" })).toMatchObject({ code: "bad_zone" });
  });

  it("implies the only active challenge and needs challenge:<name> when there are several", async () => {
    const first = await startWalks();
    const second = await service.start({ templateId: "move-150", name: "Move more", zone, channel, by: "U" });
    const active = await store.listActiveChallenges(channel);
    expect(pickChallenge([first])).toBe(first);
    expect(() => pickChallenge(active)).toThrow(/add one of: .*challenge:Daylight walks/);
    expect(() => pickChallenge(active)).toThrow(/challenge:Move more/);
    expect(pickChallenge(active, "move")).toEqual(second);
    expect(() => pickChallenge([], undefined)).toThrow(UserFacingError);
  });
});

describe("checking in through the service", () => {
  let walks: Challenge;
  beforeEach(async () => {
    walks = await startWalks();
    await service.join(walks, { id: "U1", name: "Ann <@U999>" }, "Blue");
  });

  it("stores a check-in with points, refuses a repeat, and neutralises names and notes", async () => {
    const first = await service.checkIn({
      challenge: walks,
      userId: "U1",
      task: "outdoor-walk",
      note: "@here https://x.example",
    });
    expect(first).toMatchObject({ ok: true, totalPoints: 3, late: false, streak: { current: 1 } });
    expect(first.ok && first.checkIn.note).toBe("@\u200bhere x[.]example");
    const again = await service.checkIn({ challenge: walks, userId: "U1", task: "outdoor-walk" });
    expect(again).toMatchObject({ ok: false, reason: "already_checked_in" });
    await expect(store.getMember(walks.id, "U1")).resolves.toMatchObject({
      displayName: "Ann @U999",
      team: "Blue",
    });
  });

  it("turns simultaneous taps into one check-in and a polite refusal, never an error", async () => {
    const tap = () => service.checkIn({ challenge: walks, userId: "U1", task: "1" });
    const results = await Promise.all([tap(), tap(), tap(), tap()]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.reason)).toEqual(
      new Array(3).fill("already_checked_in"),
    );
  });

  it("logs yesterday late until noon, celebrates a 3-day streak, and undoes today's check-in", async () => {
    await service.checkIn({ challenge: walks, userId: "U1", task: "outdoor-walk" });
    at(1, "20:00");
    await service.checkIn({ challenge: walks, userId: "U1", task: "outdoor-walk" });
    at(2, "11:30");
    const late = await service.checkIn({
      challenge: walks,
      userId: "U1",
      task: "sun-smart",
      day: "yesterday",
    });
    expect(late).toMatchObject({
      ok: true,
      late: true,
      checkIn: { localDate: "2026-03-03" },
      milestone: undefined,
    });
    clock.advance(60_000);
    const third = await service.checkIn({ challenge: walks, userId: "U1", task: "outdoor-walk" });
    expect(third).toMatchObject({ ok: true, totalPoints: 10, streak: { current: 3 }, milestone: 3 });
    at(2, "12:00");
    expect(
      await service.checkIn({ challenge: walks, userId: "U1", task: "sun-smart", day: "yesterday" }),
    ).toMatchObject({
      ok: false,
      reason: "too_late",
    });
    const undone = await service.undo(walks, "U1");
    expect(undone).toMatchObject({ ok: true, removed: { taskId: "outdoor-walk", localDate: "2026-03-04" } });
    const secondUndo = await service.undo(walks, "U1");
    expect(secondUndo).toMatchObject({ ok: true, removed: { taskId: "sun-smart", localDate: "2026-03-03" } });
    await expect(service.undo(walks, "U1")).resolves.toMatchObject({ ok: false });
    await expect(store.getMember(walks.id, "U1")).resolves.toMatchObject({ points: 6, checkIns: 2 });
  });

  it("keeps the day boundary in New York across the DST change", async () => {
    at(6, "23:30"); // Sunday 8 March 23:30 EDT = Monday 03:30 UTC
    const result = await service.checkIn({ challenge: walks, userId: "U1", task: "outdoor-walk" });
    expect(result).toMatchObject({ ok: true, checkIn: { localDate: "2026-03-08" } });
  });
});

describe("status, standings and the scheduled posts", () => {
  it("reports status, leaderboard, today's count, recap, summary and CSV from the same data", async () => {
    const walks = await startWalks(7);
    await service.join(walks, { id: "U1", name: "Ann" }, "Blue");
    await service.join(walks, { id: "U2", name: "Bo" }, "blue");
    await service.join(walks, { id: "U3", name: "=cmd()" }, "Red");
    await service.setHidden(walks, "U2", true);
    for (const day of [0, 1, 2, 3]) {
      at(day, "10:00");
      await service.checkIn({ challenge: walks, userId: "U1", task: "outdoor-walk" });
      if (day % 2 === 0)
        await service.checkIn({ challenge: walks, userId: "U2", task: "outdoor-walk", note: "=1+1" });
    }
    await service.leave(walks, "U3");
    const view = await service.status(walks, "U1");
    expect(view?.status).toMatchObject({ dayNumber: 4, daysLeft: 4, points: 12, streak: 4, rank: 1, of: 3 });
    expect(view?.heatmap).toMatchObject({ tasksPerDay: 2, title: "Your check-ins: Daylight walks" });
    const board = await service.leaderboard(walks);
    expect(board.individuals.map((s) => [s.label, s.points])).toEqual([
      ["Ann", 12],
      ["anonymous member", 6],
      ["=cmd()", 0],
    ]);
    expect(board.teams.map((t) => [t.team, t.members, t.average])).toEqual([
      ["Blue", 2, 9],
      ["Red", 1, 0],
    ]);
    expect(await service.todayCount(walks)).toEqual({ date: "2026-03-05", checkedIn: 1, members: 2 });
    at(7, "09:00");
    const recap = await service.recap(walks);
    expect(recap.checkIns.thisWeek).toBe(6);
    const summary = await service.summary(walks);
    expect(summary).toMatchObject({ totalCheckIns: 6, longestStreak: { days: 4, labels: ["Ann"] } });
    const csv = await service.exportCsv(walks.id);
    expect(csv?.participation.split("\r\n").slice(0, 4)).toEqual([
      "rank,user_id,member,team,joined,left_at,points,check_ins,days_active,current_streak,best_streak",
      "1,U1,Ann,Blue,2026-03-02,,12,4,4,0,4",
      "2,,anonymous member 1,Blue,2026-03-02,,6,2,2,0,2",
      `3,U3,'=cmd(),Red,2026-03-02,${new Date(Date.parse("2026-03-05T10:00:00-05:00")).toISOString()},0,0,0,0,0`,
    ]);
    expect(csv?.checkIns).toContain(",anonymous member 1,Blue,outdoor-walk,");
    expect(csv?.checkIns).toContain(",'=1+1\r\n");
    expect(csv?.checkIns).not.toContain("U2");
  });
});
