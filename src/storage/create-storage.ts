/** Picks the Storage backend named by the parsed config (`DATABASE_URL`). */
import type { StorageConfig } from "../config.js";
import { createPostgresStorage } from "./postgres-storage.js";
import { createSqliteStorage } from "./sqlite-storage.js";
import type { Storage } from "./storage.js";

export type { StorageConfig };

/**
 * The `Storage` for `config`: SQLite for `file:PATH` / `file::memory:`, PostgreSQL for
 * `postgres://`. Call `migrate()` before use and `close()` on shutdown.
 * @example const storage = createStorage({ kind: "sqlite", path: "./data/vitabot.db" });
 */
export function createStorage(config: StorageConfig): Storage {
  switch (config.kind) {
    case "sqlite":
      return createSqliteStorage({ path: config.path });
    case "postgres":
      return createPostgresStorage({ url: config.url });
  }
}
