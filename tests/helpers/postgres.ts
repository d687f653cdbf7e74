/**
 * Fresh PostgreSQL databases for tests, on the server that tests/global-setup.ts started
 * (or `TEST_DATABASE_URL`). Each call gets its own database, so test files run in parallel.
 */
import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { databaseUrl, runAsAdmin } from "../kit/embedded-postgres.js";

/** A database created for one test (or file); `drop()` removes it even with connections open. */
export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** The admin URL from the global setup; throws (failing the test) when there is no server. */
function pgAdminUrl(): string {
  const url = inject("pgAdminUrl");
  if (!url) {
    const reason = inject("pgSetupError") || "tests/global-setup.ts did not provide pgAdminUrl";
    throw new Error(`no PostgreSQL server for the tests: ${reason}`);
  }
  return url;
}

/**
 * Creates `vitabot_test_<random>` and returns its URL.
 * @example const db = await createTestDatabase(); … await db.drop();
 */
export async function createTestDatabase(adminUrl = pgAdminUrl()): Promise<TestDatabase> {
  const name = `vitabot_test_${randomBytes(6).toString("hex")}`;
  await runAsAdmin(adminUrl, `CREATE DATABASE ${name}`);
  return {
    url: databaseUrl(adminUrl, name),
    drop: () => runAsAdmin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
