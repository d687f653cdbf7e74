/**
 * 50 members each send the same check-in 4 times at once (200 concurrent commands) through
 * the real dispatcher, on SQLite (one process, as SQLite mode runs) and on PostgreSQL (split
 * over two app instances sharing the database, as replicas do): exactly one check-in per
 * member is stored, the rest get a polite "already checked in", and no fault reaches anyone.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Storage } from "../../src/core/storage-ports/storage.js";
import { createPostgresStorage } from "../../src/storage/kysely/postgres-storage.js";
import { createSqliteStorage } from "../../src/storage/kysely/sqlite-storage.js";
import { createTestApp, slackInvocation } from "../helpers/app.js";
import { createTestDatabase, type TestDatabase } from "../helpers/postgres.js";

const MEMBERS = 50;
const REPEATS = 4;
const dir = mkdtempSync(join(tmpdir(), "vitabot-checkins-"));
const databases: TestDatabase[] = [];
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await Promise.all(databases.splice(0).map((d) => d.drop()));
});

/** Name, how many app instances share the database, and a storage opener. */
const backends: [string, number, () => Promise<() => Storage>][] = [
  ["sqlite", 1, async () => () => createSqliteStorage({ path: join(dir, "race.db") })],
  [
    "postgres",
    2,
    async () => {
      const database = await createTestDatabase();
      databases.push(database);
      return () => createPostgresStorage({ url: database.url, poolSize: 10 });
    },
  ],
];

describe.each(backends)("200 concurrent check-ins on %s", (_name, instances, makeOpener) => {
  it("stores exactly one per member per task per day, and every reply is friendly", async () => {
    const open = await makeOpener();
    const now = "2026-11-30T10:00:00Z";
    const a = await createTestApp({ now, storage: open() });
    const b = instances === 2 ? await createTestApp({ now, storage: open() }) : a;
    try {
      const admin = slackInvocation({ isAdmin: true });
      expect((await a.dispatcher.runLine(admin, "challenge start move-150 Moves zone:UTC")).outcome).toBe(
        "ok",
      );
      const members = Array.from({ length: MEMBERS }, (_, i) =>
        slackInvocation({ user: { id: `U${i}`, name: `M${i}` } }),
      );
      for (const member of members) {
        expect(
          (await a.dispatcher.runLine(member, `challenge join Team${members.indexOf(member) % 3}`)).outcome,
        ).toBe("ok");
      }
      const results = await Promise.all(
        members.flatMap((member) =>
          Array.from({ length: REPEATS }, (_, k) => (k % 2 ? a : b).dispatcher.runLine(member, "checkin 1")),
        ),
      );
      const outcomes = results.map((r) => r.outcome);
      expect(outcomes.filter((o) => o === "ok")).toHaveLength(MEMBERS);
      expect(outcomes.filter((o) => o === "user_error")).toHaveLength(MEMBERS * (REPEATS - 1));
      for (const r of results.filter((r) => r.outcome === "user_error")) {
        expect(r.reply.sections[0]?.text).toMatch(/already (checked in|in)/);
      }
      const [challenge] = await a.storage.listActiveChallenges(admin.channel);
      const stored = await a.storage.listCheckIns(challenge?.id ?? "");
      expect(stored).toHaveLength(MEMBERS);
      expect(new Set(stored.map((c) => c.userId)).size).toBe(MEMBERS);
      const totals = await a.storage.listMembers(challenge?.id ?? "");
      expect(totals.every((m) => m.checkIns === 1 && m.points === stored[0]?.points)).toBe(true);
    } finally {
      await a.close();
      if (b !== a) await b.close();
    }
  });
});
