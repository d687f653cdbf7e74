/**
 * Storage round trips per second for the hot operations, on SQLite (WAL file in a temp
 * dir) and on PostgreSQL (a throwaway embedded server on 127.0.0.1). Operations run one at
 * a time, awaited, as a single bot process issues them.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Storage, UserRef } from "../src/core/storage-ports/storage.js";
import { createPostgresStorage } from "../src/storage/kysely/postgres-storage.js";
import { createSqliteStorage } from "../src/storage/kysely/sqlite-storage.js";
import { startEmbeddedPostgres } from "../tests/kit/embedded-postgres.js";
import { fmt, median, printTable, since } from "./stats.js";

const BATCHES = 7;
const BATCH_SIZE = 500;
const T0 = Date.UTC(2025, 5, 1);

interface Operation {
  name: string;
  run(storage: Storage, i: number): Promise<unknown>;
}

const who = (i: number): UserRef => ({
  platform: "slack",
  workspaceId: "T01",
  channelId: `C${i % 20}`,
  userId: `U${i % 500}`,
});

const OPERATIONS: Operation[] = [
  {
    name: "hitCooldown",
    // 200 users, a 50-tick window: a mix of first hits, denials and expired windows.
    run: (storage, i) =>
      storage.hitCooldown({ platform: "slack", userId: `U${i % 200}`, command: "ask" }, T0 + i, 50),
  },
  {
    name: "setLastAnswer + getLastAnswer",
    run: async (storage, i) => {
      await storage.setLastAnswer(who(i), { answerId: `faq:${i % 40}`, question: "iron?", at: T0 + i });
      await storage.getLastAnswer(who(i));
    },
  },
  {
    name: "recordFeedback",
    run: (storage, i) =>
      storage.recordFeedback({
        where: who(i),
        answerId: `faq:${i % 40}`,
        question: "Can low vitamin D make my legs feel weak?",
        vote: i % 3 === 0 ? "down" : "up",
        note: null,
        at: T0 + i,
      }),
  },
];

interface Measurement {
  medianBatchMs: number;
  opsPerSecond: number;
}

/** One warm-up batch, then the median of `BATCHES` timed batches. */
async function measure(storage: Storage, operation: Operation): Promise<Measurement> {
  let i = 0;
  const batch = async () => {
    const start = performance.now();
    for (let n = 0; n < BATCH_SIZE; n++) await operation.run(storage, i++);
    return since(start);
  };
  await batch();
  const samples: number[] = [];
  for (let b = 0; b < BATCHES; b++) samples.push(await batch());
  const medianBatchMs = median(samples);
  return { medianBatchMs, opsPerSecond: BATCH_SIZE / (medianBatchMs / 1000) };
}

async function measureAll(storage: Storage): Promise<Measurement[]> {
  await storage.migrate();
  const results: Measurement[] = [];
  for (const operation of OPERATIONS) results.push(await measure(storage, operation));
  return results;
}

async function benchSqlite(): Promise<Measurement[]> {
  const dir = await mkdtemp(join(tmpdir(), "vitabot-bench-"));
  const storage = createSqliteStorage({ path: join(dir, "bench.db") });
  try {
    return await measureAll(storage);
  } finally {
    await storage.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function benchPostgres(): Promise<Measurement[]> {
  const server = await startEmbeddedPostgres();
  const storage = createPostgresStorage({ url: server.adminUrl });
  try {
    return await measureAll(storage);
  } finally {
    await storage.close();
    await server.stop();
  }
}

/** Runs the storage benchmark on both backends and prints one table. */
export async function benchStorage(): Promise<void> {
  const sqlite = await benchSqlite();
  const postgres = await benchPostgres();
  const rows = OPERATIONS.map((operation, index) => {
    const lite = sqlite[index] as Measurement;
    const pg = postgres[index] as Measurement;
    return [
      operation.name,
      fmt(lite.medianBatchMs, 1),
      fmt(lite.opsPerSecond, 0),
      fmt(pg.medianBatchMs, 1),
      fmt(pg.opsPerSecond, 0),
      `${fmt(pg.opsPerSecond / lite.opsPerSecond, 3)}×`,
    ];
  });
  printTable(
    `Storage round trips (sequential; median of ${BATCHES} batches × ${BATCH_SIZE} ops)`,
    [
      "operation",
      "sqlite ms/batch",
      "sqlite ops/s",
      "postgres ms/batch",
      "postgres ops/s",
      "postgres/sqlite",
    ],
    rows,
  );
}
