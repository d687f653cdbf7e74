/** Picks the Storage backend named by the parsed config (`DATABASE_URL`). */
import type { StorageConfig } from "../config.js";
import type { Storage } from "../core/storage-ports/storage.js";
import { createPostgresStorage } from "./kysely/postgres-storage.js";
import { createSqliteStorage, type StorageLogger } from "./kysely/sqlite-storage.js";

export type { StorageConfig };

/**
 * The `Storage` for `config`: SQLite for `file:PATH` / `file::memory:`, PostgreSQL for
 * `postgres://`. Call `migrate()` before use and `close()` on shutdown. `logger` hears
 * what an operator should know about the backend.
 * @example const storage = createStorage({ kind: "sqlite", path: "./data/vitabot.db" }, logger);
 */
export function createStorage(config: StorageConfig, logger?: StorageLogger): Storage {
  switch (config.kind) {
    case "sqlite":
      return createSqliteStorage({ path: config.path, ...(logger ? { logger } : {}) });
    case "postgres":
      return createPostgresStorage({ url: config.url });
  }
}

/**
 * `createStorage`, migrated. A database that cannot be migrated (server down, read-only
 * file) is closed again, so its pool or connection does not keep the process alive after
 * the error.
 */
export async function openStorage(config: StorageConfig, logger?: StorageLogger): Promise<Storage> {
  const storage = createStorage(config, logger);
  await storage.migrate().catch(async (error: unknown) => {
    await storage.close().catch(() => undefined);
    throw error;
  });
  return storage;
}
