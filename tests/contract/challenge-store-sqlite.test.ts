import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Kysely } from "kysely";
import { afterAll } from "vitest";
import type { ChallengesDatabase } from "../../src/storage/kysely/challenge-store.js";
import { openSqliteDatabase } from "../../src/storage/kysely/sqlite-storage.js";
import { challengeStoreContract } from "./challenge-store.contract.js";

const dir = mkdtempSync(join(tmpdir(), "vitabot-challenges-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The app's SQLite opener (WAL, busy_timeout), typed for the challenge tables. */
const open = (path: string) => openSqliteDatabase(path) as unknown as Kysely<ChallengesDatabase>;

challengeStoreContract("sqlite (temp file, WAL)", async () => ({
  db: open(join(dir, `${randomUUID()}.db`)),
  cleanup: async () => {},
}));
challengeStoreContract("sqlite (:memory:)", async () => ({ db: open(":memory:"), cleanup: async () => {} }));
