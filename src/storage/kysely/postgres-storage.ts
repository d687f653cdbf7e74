/**
 * PostgreSQL backend: a `pg.Pool` behind Kysely. The pool parses int8 (our epoch-ms
 * `bigint` columns) as JS numbers; that parser is set on this pool only, never globally.
 */
import { createRequire } from "node:module";
import { Kysely, PostgresDialect } from "kysely";
import type pg from "pg";
import type { Storage } from "../../core/storage-ports/storage.js";
import type { Database } from "./database.js";
import { createKyselyStorage } from "./storage.js";

/** Connections per process unless `poolSize` says otherwise. */
const DEFAULT_POOL_SIZE = 10;

/**
 * The pg driver, loaded on first use (it is CommonJS, so synchronously): a process on
 * SQLite, such as a one-shot `vitabot vitamin d`, never loads it.
 */
let driver: typeof pg | undefined;
const loadPg = (): typeof pg => (driver ??= createRequire(import.meta.url)("pg") as typeof pg);

/** PostgreSQL's type OID for int8 / bigint. */
const INT8_OID = 20;

/** Where the PostgreSQL database lives and how many connections to keep. */
export interface PostgresStorageConfig {
  /** `postgres://user:pass@host:port/db` (or `postgresql://…`). */
  url: string;
  /** Maximum pool connections; default `DEFAULT_POOL_SIZE`. */
  poolSize?: number;
  /**
   * Called when an idle pooled connection fails (server restart, network drop). The pool
   * drops that connection and the next query opens a new one, so this is for logging;
   * without a listener pg would crash the process.
   */
  onIdleError?: (error: Error) => void;
}

/** Epoch-ms timestamps are far inside Number's exact-integer range, so int8 → number is safe for us. */
const parseInt8 = (value: string): number => Number(value);

/** Type parsers for one pool: pg's defaults, except int8 as a JS number. */
const typeParsers: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === INT8_OID && format !== "binary"
      ? parseInt8
      : loadPg().types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

/** A `pg.Pool` for `config` with our per-pool type parsers. */
export function createPostgresPool(config: PostgresStorageConfig): pg.Pool {
  const pool = new (loadPg().Pool)({
    connectionString: config.url,
    max: config.poolSize ?? DEFAULT_POOL_SIZE,
    types: typeParsers,
  });
  pool.on("error", config.onIdleError ?? (() => {}));
  return pool;
}

/** A `Kysely<Database>` over a new pool (connections open lazily, on the first query). */
export function openPostgresDatabase(config: PostgresStorageConfig): Kysely<Database> {
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool: createPostgresPool(config) }) });
}

/**
 * The PostgreSQL `Storage`; call `migrate()` before use.
 * @example const storage = createPostgresStorage({ url: "postgres://vitabot:secret@127.0.0.1:5432/vitabot" });
 */
export function createPostgresStorage(config: PostgresStorageConfig): Storage {
  return createKyselyStorage({ db: openPostgresDatabase(config), kind: "postgres" });
}
