/**
 * Privacy across every table, on SQLite and PostgreSQL: `forgetUser` leaves no row holding
 * the person's id (checked by reading every table of the schema directly), `exportUser`
 * returns what there was, and a removed workspace is purged only after its grace period.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Kysely } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { buildSubscription } from "../../commands/tips/subscription.js";
import type { ChannelRef, Storage } from "../../src/core/storage-ports/storage.js";
import { type Database, TABLE_NAMES } from "../../src/storage/kysely/database.js";
import { createPostgresStorage, openPostgresDatabase } from "../../src/storage/kysely/postgres-storage.js";
import { createSqliteStorage, openSqliteDatabase } from "../../src/storage/kysely/sqlite-storage.js";
import { createTestDatabase, type TestDatabase } from "../helpers/postgres.js";

const T0 = Date.parse("2026-03-02T08:00:00Z");
const DAY = 86_400_000;
const dir = mkdtempSync(join(tmpdir(), "vitabot-privacy-"));
const databases: TestDatabase[] = [];
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await Promise.all(databases.splice(0).map((d) => d.drop()));
});

interface Backend {
  storage: Storage;
  /** A second connection that reads tables directly. */
  raw: Kysely<Database>;
}

const backends: [string, () => Promise<Backend>][] = [
  [
    "sqlite",
    async () => {
      const path = join(dir, `${Math.random().toString(36).slice(2)}.db`);
      const storage = createSqliteStorage({ path });
      await storage.migrate();
      return { storage, raw: openSqliteDatabase(path) };
    },
  ],
  [
    "postgres",
    async () => {
      const database = await createTestDatabase();
      databases.push(database);
      const storage = createPostgresStorage({ url: database.url });
      await storage.migrate();
      return { storage, raw: openPostgresDatabase({ url: database.url }) };
    },
  ],
];

const channelIn = (workspaceId: string): ChannelRef => ({ platform: "slack", workspaceId, channelId: "C1" });

/** Alice and Bob use every feature in workspace `workspaceId`; returns the challenge id. */
async function seed(storage: Storage, workspaceId: string): Promise<string> {
  const channel = channelIn(workspaceId);
  for (const userId of ["U_ALICE", "U_BOB"]) {
    const where = { ...channel, userId };
    await storage.recordFeedback({
      where,
      answerId: "faq:x",
      question: "legs weak?",
      vote: "up",
      note: null,
      at: T0,
    });
    await storage.setLastAnswer(where, { answerId: "faq:x", question: "legs weak?", at: T0 });
    await storage.hitCooldown({ platform: "slack", userId, command: "ask" }, T0, 3000);
    await storage.keepFormDraft({
      key: `draft-${workspaceId}-${userId}`,
      form: "tips-setup",
      platform: "slack",
      userId,
      values: { time: "25:00" },
      createdAt: T0,
      expiresAt: T0 + 15 * 60_000,
    });
  }
  const schedule = { time: "09:00", zone: "UTC", days: [1, 2, 3, 4, 5], skip: [] };
  await storage.saveSubscription(
    buildSubscription({ channel, schedule, theme: null, createdBy: "U_ALICE", now: new Date(T0) }),
  );
  await storage.addTeamTip({
    id: `tt-${workspaceId}`,
    channel,
    text: "Stairs!",
    sourceUrl: null,
    createdBy: "U_ALICE",
    createdAt: T0,
  });
  await storage.claimDeliveries([{ channel, kind: "tip", localDate: "2026-03-02" }], "p1", T0);
  await storage.setSafetyNumbers("slack", workspaceId, { emergency: "112" }, T0);
  const challenge = await storage.createChallenge({
    channel,
    templateId: "daylight-walks",
    name: "Walks",
    startDate: "2026-03-02",
    days: 14,
    zone: "UTC",
    reminderTime: null,
    createdBy: "U_ALICE",
    createdAt: T0,
  });
  for (const userId of ["U_ALICE", "U_BOB"]) {
    await storage.joinChallenge({
      challengeId: challenge.id,
      userId,
      displayName: userId,
      team: "Blue",
      joinedAt: T0,
      joinDate: "2026-03-02",
    });
    await storage.addCheckIn({
      challengeId: challenge.id,
      userId,
      taskId: "walk",
      localDate: "2026-03-02",
      at: T0,
      points: 1,
      note: `note by ${userId}`,
    });
  }
  return challenge.id;
}

/** Every row of every table, as JSON text, for "does this id appear anywhere?". */
async function everyRow(raw: Kysely<Database>): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of TABLE_NAMES)
    out[table] = JSON.stringify(await raw.selectFrom(table).selectAll().execute());
  return out;
}

for (const [name, open] of backends) {
  describe(`privacy on ${name}`, () => {
    it("exports everything about a person, then forgets them so no row in any table holds their id", async () => {
      const { storage, raw } = await open();
      try {
        const challengeId = await seed(storage, "T1");
        const exported = await storage.exportUser("slack", "U_ALICE");
        expect(exported.memberships.map((m) => m.challengeId)).toEqual([challengeId]);
        expect(exported.checkIns).toHaveLength(1);
        expect(exported.feedback).toHaveLength(1);
        expect(exported.lastAnswers).toHaveLength(1);
        expect(exported.subscriptionsCreated).toHaveLength(1);
        expect(exported.teamTipsCreated.map((t) => t.id)).toEqual(["tt-T1"]);
        expect(exported.challengesStartedOrEnded).toEqual([challengeId]);
        expect(exported.formDrafts).toEqual([expect.objectContaining({ values: { time: "25:00" } })]);
        const before = await everyRow(raw);
        expect(Object.values(before).join("")).toContain("U_ALICE");

        const counts = await storage.forgetUser("slack", "U_ALICE");
        expect(counts).toMatchObject({
          memberships: 1,
          checkIns: 1,
          feedback: 1,
          lastAnswers: 1,
          cooldowns: 1,
          formDrafts: 1,
        });
        expect(counts.anonymised).toBe(3);
        const after = await everyRow(raw);
        for (const table of TABLE_NAMES) expect(after[table], table).not.toContain("U_ALICE");
        // Bob keeps everything, and Alice's points have left the team's total.
        expect(after.challenge_members).toContain("U_BOB");
        const slice = await storage.leaderboardSlice(challengeId, { limit: 15 });
        expect(slice.teams).toEqual([expect.objectContaining({ team: "Blue", members: 1, points: 1 })]);
        expect(await storage.exportUser("slack", "U_ALICE")).toMatchObject({
          memberships: [],
          checkIns: [],
          feedback: [],
          lastAnswers: [],
        });
      } finally {
        await storage.close();
        await raw.destroy();
      }
    });

    it("purges a removed workspace only after its grace period, and not if the app came back", async () => {
      const { storage, raw } = await open();
      try {
        await seed(storage, "T1");
        await seed(storage, "T2");
        await storage.markWorkspaceRemoved("slack", "T1", T0, T0 + 7 * DAY);
        await storage.markWorkspaceRemoved("slack", "T1", T0 + DAY, T0 + 8 * DAY); // a repeat keeps the first
        expect(await storage.purgeRemovedWorkspaces(T0 + 7 * DAY - 1)).toEqual([]);

        await storage.markWorkspaceRemoved("slack", "T2", T0, T0 + 7 * DAY);
        expect(await storage.cancelWorkspaceRemoval("slack", "T2")).toBe(true);
        expect(await storage.cancelWorkspaceRemoval("slack", "T2")).toBe(false);

        const purged = await storage.purgeRemovedWorkspaces(T0 + 7 * DAY);
        expect(purged).toEqual([{ platform: "slack", workspaceId: "T1", rows: expect.any(Number) }]);
        expect(purged[0]?.rows).toBeGreaterThanOrEqual(10);
        const after = await everyRow(raw);
        for (const table of TABLE_NAMES) expect(after[table], table).not.toContain('"T1"');
        expect(after.challenges).toContain('"T2"');
        expect(after.subscriptions).toContain('"T2"');
        expect(await storage.purgeRemovedWorkspaces(T0 + 30 * DAY)).toEqual([]);
      } finally {
        await storage.close();
        await raw.destroy();
      }
    });
  });
}
