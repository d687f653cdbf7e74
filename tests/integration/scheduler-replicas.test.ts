import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { buildSubscription } from "../../commands/tips/subscription.js";
import { createKnowledge } from "../../src/core/knowledge/knowledge.js";
import type { Storage } from "../../src/core/storage-ports/storage.js";
import { claimSliceSize } from "../../src/scheduler/tip-claims.js";
import { createTipScheduler, type TickReport } from "../../src/scheduler/tips-job.js";
import { createPostgresStorage } from "../../src/storage/kysely/postgres-storage.js";
import { createSqliteStorage } from "../../src/storage/kysely/sqlite-storage.js";
import { createTestApp } from "../helpers/app.js";
import { realContent } from "../helpers/content.js";
import { FakeClock } from "../helpers/fake-clock.js";
import { createTestDatabase } from "../helpers/postgres.js";

const CHANNELS = 60;
const dir = mkdtempSync(join(tmpdir(), "vitabot-replicas-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function twoSchedulersOnOneDatabase(open: () => Storage) {
  // Migrate from one app first: SQLite has no lock against two processes migrating a new file at once.
  const a = await createTestApp({ storage: open(), now: "2026-11-25T06:00:00Z" });
  const b = await createTestApp({ storage: open(), now: "2026-11-25T06:00:00Z" });
  for (let i = 0; i < CHANNELS; i++) {
    const channel = { platform: "slack" as const, workspaceId: "T1", channelId: `C${i}` };
    const schedule = {
      time: "08:00",
      zone: i % 2 ? "Europe/Berlin" : "UTC",
      days: [1, 2, 3, 4, 5, 6, 7],
      skip: [],
    };
    await a.storage.saveSubscription(
      buildSubscription({ channel, schedule, theme: null, createdBy: "U1", now: a.clock.now() }),
    );
  }
  for (const iso of [
    "2026-11-25T07:00:30Z",
    "2026-11-25T08:00:30Z",
    "2026-11-26T07:00:30Z",
    "2026-11-26T08:00:30Z",
  ]) {
    a.clock.set(iso);
    b.clock.set(iso);
    await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
  }
  const posts = [...a.slack.posts, ...b.slack.posts].map((p) => `${p.channel.channelId}@${p.at}`);
  const perChannel = new Map<string, number>();
  for (const p of [...a.slack.posts, ...b.slack.posts])
    perChannel.set(p.channel.channelId, (perChannel.get(p.channel.channelId) ?? 0) + 1);
  await Promise.all([a.storage.close(), b.storage.close()]);
  return { posts, perChannel, fromA: a.slack.posts.length, fromB: b.slack.posts.length };
}

describe("two schedulers sharing one database", () => {
  it("never post the same (channel, day) twice on SQLite", async () => {
    const file = join(dir, "shared.db");
    const result = await twoSchedulersOnOneDatabase(() => createSqliteStorage({ path: file }));
    expect(result.posts).toHaveLength(CHANNELS * 2);
    expect([...result.perChannel.values()].every((n) => n === 2)).toBe(true);
  });

  it("never post the same (channel, day) twice on PostgreSQL", async () => {
    const db = await createTestDatabase();
    try {
      const result = await twoSchedulersOnOneDatabase(() => createPostgresStorage({ url: db.url }));
      expect(result.posts).toHaveLength(CHANNELS * 2);
      expect([...result.perChannel.values()].every((n) => n === 2)).toBe(true);
    } finally {
      await db.drop();
    }
  });
});

const DUE = 200;

/**
 * Replica A claims its first slice and holds its posts; replica B ticks meanwhile and
 * must find and post everything A did not claim; then A finishes and skips what B took.
 */
async function oneReplicaBusyPosting(open: () => Storage) {
  const knowledge = createKnowledge(realContent(), { emergencyNumber: "911" });
  const clock = new FakeClock(new Date("2026-11-25T06:00:00Z"));
  const storage = { a: open(), b: open() };
  await storage.a.migrate();
  await storage.b.migrate();
  const schedule = { time: "07:00", zone: "UTC", days: [1, 2, 3, 4, 5, 6, 7], skip: [] };
  for (let i = 0; i < DUE; i++) {
    const channel = { platform: "slack" as const, workspaceId: "T1", channelId: `C${i}` };
    await storage.a.saveSubscription(
      buildSubscription({ channel, schedule, theme: null, createdBy: "U1", now: clock.now() }),
    );
  }
  clock.set("2026-11-25T07:00:30Z");
  const posts = { a: [] as string[], b: [] as string[] };
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let aHolds = () => {};
  const aHolding = new Promise<void>((resolve) => {
    aHolds = resolve;
  });
  const schedulerOf = (name: "a" | "b") =>
    createTipScheduler({
      storage: storage[name],
      knowledge,
      clock,
      logger: pino({ level: "silent" }),
      processId: `replica-${name}`,
      queues: { slack: { perChannelIntervalMs: 0, concurrency: DUE, maxAttempts: 1, backoffMs: 0 } },
      post: async (channel) => {
        posts[name].push(channel.channelId);
        if (name !== "a") return;
        // A's whole first slice is in flight (each run moves on before it posts): let B tick.
        if (posts.a.length === claimSliceSize(DUE)) aHolds();
        await released;
      },
    });
  const a = schedulerOf("a");
  const b = schedulerOf("b");
  const tickA = a.tick();
  await aHolding;
  const reportB = await b.tick();
  release();
  const reportA: TickReport = await tickA;
  await Promise.all([storage.a.close(), storage.b.close()]);
  return { posts, reportA, reportB };
}

describe("two schedulers sharing the due work", () => {
  const expectShared = ({ posts, reportA, reportB }: Awaited<ReturnType<typeof oneReplicaBusyPosting>>) => {
    // A claimed one slice, not the whole due list; B claimed and posted all the rest.
    expect(reportA).toMatchObject({ due: DUE, claimed: claimSliceSize(DUE), posted: claimSliceSize(DUE) });
    expect(reportA.claimedElsewhere).toBe(DUE - claimSliceSize(DUE));
    expect(reportB).toMatchObject({ claimed: DUE - claimSliceSize(DUE), posted: DUE - claimSliceSize(DUE) });
    const all = [...posts.a, ...posts.b];
    expect(all).toHaveLength(DUE);
    expect(new Set(all).size).toBe(DUE);
  };

  it("on SQLite: a replica busy posting its slice leaves the rest to another, none posted twice", async () => {
    const file = join(dir, "busy.db");
    expectShared(await oneReplicaBusyPosting(() => createSqliteStorage({ path: file })));
  });

  it("on PostgreSQL: a replica busy posting its slice leaves the rest to another, none posted twice", async () => {
    const db = await createTestDatabase();
    try {
      expectShared(await oneReplicaBusyPosting(() => createPostgresStorage({ url: db.url })));
    } finally {
      await db.drop();
    }
  });
});
