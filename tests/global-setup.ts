/**
 * Vitest global setup: one PostgreSQL server for the whole run. When `TEST_DATABASE_URL`
 * names a server (an admin URL allowed to CREATE DATABASE) that one is used instead.
 * A server that cannot start does not abort unrelated tests: its error is handed to the
 * PostgreSQL tests, which then fail with it (tests/helpers/postgres.ts). They never skip.
 */
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "./kit/embedded-postgres.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Admin URL of the test PostgreSQL server; "" when it could not start. */
    pgAdminUrl: string;
    /** Why the server could not start; "" when it runs. */
    pgSetupError: string;
  }
}

/** Starts (or adopts) the server, provides its URL, and returns the teardown. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.TEST_DATABASE_URL?.trim();
  if (external) {
    project.provide("pgAdminUrl", external);
    project.provide("pgSetupError", "");
    return async () => {};
  }
  try {
    const server = await startEmbeddedPostgres();
    project.provide("pgAdminUrl", server.adminUrl);
    project.provide("pgSetupError", "");
    return () => server.stop();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`[global-setup] PostgreSQL tests will fail: ${message}`);
    project.provide("pgAdminUrl", "");
    project.provide("pgSetupError", message);
    return async () => {};
  }
}
