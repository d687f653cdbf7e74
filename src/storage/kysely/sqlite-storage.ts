/**
 * SQLite backend: better-sqlite3 (synchronous, in-process) behind Kysely, in WAL mode for
 * file databases so readers never block the writer and a second process can share the file.
 * File databases checkpoint in a worker thread (sqlite-checkpointer.ts), not inside a commit.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SqliteDatabase from "better-sqlite3";
import {
  type CompiledQuery,
  Kysely,
  type QueryResult,
  SqliteDialect,
  type SqliteDialectConfig,
} from "kysely";
import type { Storage } from "../../core/storage-ports/storage.js";
import type { Logger } from "../../logger.js";
import type { Database } from "./database.js";
import type { QueryRunner } from "./prepared.js";
import { checkpointInBackground } from "./sqlite-checkpointer.js";
import { createKyselyStorage, toStorageError } from "./storage.js";

/** The path that opens a private, throwaway in-memory database. */
const SQLITE_MEMORY_PATH = ":memory:";

/** Where storage tells an operator what they should know (pino's logger fits). */
export type StorageLogger = Pick<Logger, "warn">;

/** Where the SQLite database lives. */
export interface SqliteStorageConfig {
  /** A file path (parent directories are created) or `":memory:"`. */
  path: string;
  /** Told what an operator should know, such as checkpoints moving back into commits. */
  logger?: StorageLogger;
}

/**
 * Opens the file (creating its directory), applies the connection pragmas and, for a
 * file, moves its checkpoints to a worker; `close` stops the worker, then the connection.
 */
function openSqlite(path: string, logger?: StorageLogger) {
  const inMemory = path === SQLITE_MEMORY_PATH;
  if (!inMemory) mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SqliteDatabase(path);
  try {
    // WAL needs a real file; an in-memory database keeps its "memory" journal.
    if (!inMemory) sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("synchronous = NORMAL");
    sqlite.pragma("busy_timeout = 5000");
    sqlite.pragma("foreign_keys = ON");
    const onFallBack = (err: Error) =>
      logger?.warn(
        { err, path },
        "SQLite checkpoints are back inside commits: the checkpoint worker stopped, so some replies may be slower",
      );
    const checkpointer = inMemory ? undefined : checkpointInBackground(sqlite, path, { onFallBack });
    const close = () => {
      checkpointer?.stop();
      sqlite.close();
    };
    return { sqlite, close };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/** Distinct SQL texts kept prepared; queries with generated IN-lists can vary, so it is bounded. */
const STATEMENT_CACHE_MAX = 500;

/**
 * Kysely prepares every query anew; preparing costs more than running most of ours. One
 * connection runs one query at a time (Kysely's mutex), so reusing statements is safe, and
 * SQLite re-prepares a cached statement by itself after a schema change.
 */
function statementCache(sqlite: SqliteDatabase.Database) {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return (sql: string): SqliteDatabase.Statement => {
    let statement = cache.get(sql);
    if (!statement) {
      if (cache.size >= STATEMENT_CACHE_MAX) cache.clear();
      statement = sqlite.prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  };
}

/**
 * Runs a compiled query on the connection at once, as Kysely's SQLite driver would but
 * without its connection hand-off. While a transaction holds the connection the query
 * goes through Kysely, which waits for it; better-sqlite3 is synchronous, so outside a
 * transaction nothing else can be in the middle of using the connection.
 */
function directRunner(
  sqlite: SqliteDatabase.Database,
  prepare: (sql: string) => SqliteDatabase.Statement,
  db: Kysely<Database>,
): QueryRunner {
  return <R>(query: CompiledQuery<R>): Promise<QueryResult<R>> => {
    if (sqlite.inTransaction) return db.executeQuery(query);
    try {
      const statement = prepare(query.sql);
      if (statement.reader) return Promise.resolve({ rows: statement.all(query.parameters) as R[] });
      const { changes, lastInsertRowid } = statement.run(query.parameters);
      return Promise.resolve({
        rows: [],
        numAffectedRows: BigInt(changes),
        insertId: BigInt(lastInsertRowid),
      });
    } catch (error) {
      return Promise.reject(error);
    }
  };
}

/** A Kysely instance and a direct runner for prepared queries, sharing one connection. */
export function openSqliteConnection(
  path: string,
  logger?: StorageLogger,
): { db: Kysely<Database>; run: QueryRunner } {
  try {
    const { sqlite, close } = openSqlite(path, logger);
    const prepare = statementCache(sqlite);
    const database: SqliteDialectConfig["database"] = { close, prepare };
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
    return { db, run: directRunner(sqlite, prepare, db) };
  } catch (error) {
    throw toStorageError(`open the SQLite database at ${path}`, error);
  }
}

/**
 * A `Kysely<Database>` over a SQLite file or `":memory:"`, with WAL and busy_timeout set.
 * @throws StorageError when the file cannot be created or opened.
 */
export function openSqliteDatabase(path: string): Kysely<Database> {
  return openSqliteConnection(path).db;
}

/**
 * The SQLite `Storage`; call `migrate()` before use.
 * @example const storage = createSqliteStorage({ path: "./data/vitabot.db" });
 */
export function createSqliteStorage(config: SqliteStorageConfig): Storage {
  return createKyselyStorage({ ...openSqliteConnection(config.path, config.logger), kind: "sqlite" });
}
