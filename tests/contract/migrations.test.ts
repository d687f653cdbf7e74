import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CompiledQuery, type Kysely, sql } from "kysely";
import { NO_MIGRATIONS } from "kysely/migration";
import { afterAll, describe, expect, it } from "vitest";
import { type Database, TABLE_NAMES } from "../../src/storage/kysely/database.js";
import { openPostgresDatabase } from "../../src/storage/kysely/postgres-storage.js";
import { openSqliteDatabase } from "../../src/storage/kysely/sqlite-storage.js";
import { RENAMED_TITLE, RETIRED_TASK } from "../../src/storage/migrations/008-drop-blood-test-checkins.js";
import { createMigrator, MIGRATIONS, migrateToLatest } from "../../src/storage/migrations/index.js";
import { createTestDatabase, type TestDatabase } from "../helpers/postgres.js";

const dir = mkdtempSync(join(tmpdir(), "vitabot-migrations-"));
const databases: TestDatabase[] = [];
afterAll(async () => {
  await Promise.all(databases.splice(0).map((database) => database.drop()));
  rmSync(dir, { recursive: true, force: true });
});

const backends: Record<string, () => Promise<Kysely<Database>>> = {
  sqlite: async () => openSqliteDatabase(join(dir, `${Math.random().toString(36).slice(2)}.db`)),
  postgres: async () => {
    const database = await createTestDatabase();
    databases.push(database);
    return openPostgresDatabase({ url: database.url });
  },
};

const appTables = async (db: Kysely<Database>) =>
  (await db.introspection.getTables())
    .map((table) => table.name)
    .filter((name) => (TABLE_NAMES as readonly string[]).includes(name))
    .sort();

/** The names in Kysely's migration table, i.e. the applied versions. */
const appliedVersions = async (db: Kysely<Database>) =>
  (await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db)).rows.map(
    (row) => row.name,
  );

/**
 * How the database runs the tick's query for one platform's due subscriptions. The
 * tables are nearly empty here, so PostgreSQL is told to prefer an index over reading the
 * table, as it does at 100,000 rows.
 */
async function duePlan(backend: string, db: Kysely<Database>): Promise<string> {
  const query = db
    .selectFrom("subscriptions")
    .selectAll()
    .where("next_run_at", "<=", 1_800_000_000_000)
    .where("platform", "=", "slack")
    .orderBy("next_run_at")
    .limit(2000)
    .compile();
  if (backend === "sqlite") {
    const rows = await db.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]),
    );
    return rows.rows.map((row) => row.detail).join("\n");
  }
  return db.connection().execute(async (conn) => {
    await sql`set enable_seqscan = off`.execute(conn);
    const rows = await conn.executeQuery<{ "QUERY PLAN": string }>(
      CompiledQuery.raw(`explain ${query.sql}`, [...query.parameters]),
    );
    await sql`reset enable_seqscan`.execute(conn);
    return rows.rows.map((row) => row["QUERY PLAN"]).join("\n");
  });
}

for (const [backend, open] of Object.entries(backends)) {
  describe(`migrations on ${backend}`, () => {
    it("run from an empty database, create every table and record every version", async () => {
      const db = await open();
      try {
        expect(await appTables(db)).toEqual([]);
        const results = await migrateToLatest(db);
        expect(results.map((result) => [result.migrationName, result.status])).toEqual(
          Object.keys(MIGRATIONS).map((name) => [name, "Success"]),
        );
        expect(await appTables(db)).toEqual([...TABLE_NAMES].sort());
        expect(await appliedVersions(db)).toEqual(Object.keys(MIGRATIONS));
        await expect(migrateToLatest(db)).resolves.toEqual([]);
      } finally {
        await db.destroy();
      }
    });

    it("007 serves the scheduler's per-platform due query from one index, in order", async () => {
      const db = await open();
      try {
        await migrateToLatest(db);
        const plan = await duePlan(backend, db);
        expect(plan).toContain("subscriptions_platform_next_run_idx");
        expect(plan).not.toMatch(/TEMP B-TREE|Sort/i);
      } finally {
        await db.destroy();
      }
    });

    it("008 deletes the blood-test task's check-ins and recomputes the totals they counted in", async () => {
      const db = await open();
      try {
        const names = Object.keys(MIGRATIONS);
        const before = names[names.indexOf("008-drop-blood-test-checkins") - 1] ?? "";
        await createMigrator(db).migrateTo(before);
        const challenge = (id: string, templateId: string) => ({
          id,
          platform: "slack" as const,
          workspace_id: "T1",
          channel_id: "C1",
          template_id: templateId,
          name: id,
          start_date: "2026-03-02",
          days: 5,
          zone: "UTC",
          reminder_time: null,
          created_by: "U1",
          created_at: 1,
          ended_at: null,
          ended_by: null,
        });
        await db
          .insertInto("challenges")
          .values([
            { ...challenge("b12", RETIRED_TASK.templateId), name: RENAMED_TITLE.from },
            { ...challenge("b12-named", RETIRED_TASK.templateId), name: "Our B12 month" },
            challenge("walks", "daylight-walks"),
          ])
          .execute();
        const member = (
          challengeId: string,
          userId: string,
          points: number,
          checkIns: number,
          days: string,
        ) => ({
          challenge_id: challengeId,
          user_id: userId,
          display_name: userId,
          team: null,
          joined_at: 1,
          join_date: "2026-03-02",
          left_at: null,
          hidden: 0,
          points,
          check_ins: checkIns,
          last_checkin_at: 300,
          day_points: days,
          day_checkins: "",
          revision: 0,
        });
        await db
          .insertInto("challenge_members")
          .values([
            { ...member("b12", "ana", 8, 2, "3,5,0,0,0"), day_checkins: "1,1,0,0,0" },
            { ...member("b12", "bo", 3, 1, "3,0,0,0,0"), day_checkins: "1,0,0,0,0" },
            { ...member("walks", "ana", 3, 1, "3,0,0,0,0"), day_checkins: "1,0,0,0,0" },
          ])
          .execute();
        const checkIn = (
          challengeId: string,
          userId: string,
          taskId: string,
          localDate: string,
          at: number,
          points: number,
        ) => ({
          challenge_id: challengeId,
          user_id: userId,
          task_id: taskId,
          local_date: localDate,
          at,
          points,
          note: null,
        });
        await db
          .insertInto("challenge_checkins")
          .values([
            checkIn("b12", "ana", "fortified-b12-daily", "2026-03-02", 100, 3),
            checkIn("b12", "ana", RETIRED_TASK.taskId, "2026-03-03", 300, 5),
            checkIn("b12", "bo", "fortified-b12-daily", "2026-03-02", 200, 3),
            checkIn("walks", "ana", "outdoor-walk", "2026-03-02", 300, 3),
          ])
          .execute();

        await migrateToLatest(db);

        const renamed = await db
          .selectFrom("challenges")
          .select(["id", "name", "template_id"])
          .orderBy("id")
          .execute();
        expect(renamed).toEqual([
          { id: "b12", name: RENAMED_TITLE.to, template_id: RETIRED_TASK.newTemplateId },
          { id: "b12-named", name: "Our B12 month", template_id: RETIRED_TASK.newTemplateId },
          { id: "walks", name: "walks", template_id: "daylight-walks" },
        ]);
        const left = await db
          .selectFrom("challenge_checkins")
          .select(["challenge_id", "user_id", "task_id"])
          .orderBy("challenge_id")
          .orderBy("user_id")
          .execute();
        expect(left).toEqual([
          { challenge_id: "b12", user_id: "ana", task_id: "fortified-b12-daily" },
          { challenge_id: "b12", user_id: "bo", task_id: "fortified-b12-daily" },
          { challenge_id: "walks", user_id: "ana", task_id: "outdoor-walk" },
        ]);
        const totals = await db
          .selectFrom("challenge_members")
          .select([
            "challenge_id",
            "user_id",
            "points",
            "check_ins",
            "last_checkin_at",
            "day_points",
            "day_checkins",
          ])
          .orderBy("challenge_id")
          .orderBy("user_id")
          .execute();
        expect(
          totals.map((t) => ({
            ...t,
            points: Number(t.points),
            check_ins: Number(t.check_ins),
            last_checkin_at: Number(t.last_checkin_at),
          })),
        ).toEqual([
          {
            challenge_id: "b12",
            user_id: "ana",
            points: 3,
            check_ins: 1,
            last_checkin_at: 100,
            day_points: "3,0,0,0,0",
            day_checkins: "1,0,0,0,0",
          },
          {
            challenge_id: "b12",
            user_id: "bo",
            points: 3,
            check_ins: 1,
            last_checkin_at: 300,
            day_points: "3,0,0,0,0",
            day_checkins: "1,0,0,0,0",
          },
          {
            challenge_id: "walks",
            user_id: "ana",
            points: 3,
            check_ins: 1,
            last_checkin_at: 300,
            day_points: "3,0,0,0,0",
            day_checkins: "1,0,0,0,0",
          },
        ]);
      } finally {
        await db.destroy();
      }
    });

    it("roll all the way back down to an empty schema", async () => {
      const db = await open();
      try {
        await migrateToLatest(db);
        const { error } = await createMigrator(db).migrateTo(NO_MIGRATIONS);
        expect(error).toBeUndefined();
        expect(await appTables(db)).toEqual([]);
        expect(await appliedVersions(db)).toEqual([]);
      } finally {
        await db.destroy();
      }
    });
  });
}
