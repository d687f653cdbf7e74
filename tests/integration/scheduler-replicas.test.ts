import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildSubscription } from "../../src/scheduler/daily-tips.js";
import { createPostgresStorage } from "../../src/storage/postgres-storage.js";
import { createSqliteStorage } from "../../src/storage/sqlite-storage.js";
import type { Storage } from "../../src/storage/storage.js";
import { createTestApp } from "../helpers/app.js";
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
