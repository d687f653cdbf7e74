import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CompiledQuery, type Kysely, sql } from "kysely";
import { NO_MIGRATIONS } from "kysely/migration";
import { afterAll, describe, expect, it } from "vitest";
import { type Database, TABLE_NAMES } from "../../src/storage/database.js";
import { createMigrator, MIGRATIONS, migrateToLatest } from "../../src/storage/migrations/index.js";
import { openPostgresDatabase } from "../../src/storage/postgres-storage.js";
import { openSqliteDatabase } from "../../src/storage/sqlite-storage.js";
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
