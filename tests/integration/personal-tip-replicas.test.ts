/**
 * A personal daily tip with more than one process on one database, in the replica test's
 * shape (tests/integration/scheduler-replicas.test.ts): two replicas ticking at once post
 * it once; a replica restarted after posting does not post it again; one started after
 * downtime (within the grace window) posts the missed one once; after `privacy forget` it
 * is not posted at all.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { personalChannel } from "../../src/core/personal-tip.js";
import type { Storage } from "../../src/core/storage-ports/storage.js";
import { createPostgresStorage } from "../../src/storage/kysely/postgres-storage.js";
import { createSqliteStorage } from "../../src/storage/kysely/sqlite-storage.js";
import { createTestApp, slackInvocation } from "../helpers/app.js";
import { createTestDatabase } from "../helpers/postgres.js";

const dir = mkdtempSync(join(tmpdir(), "vitabot-personal-replicas-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ANNA = slackInvocation({ user: { id: "U_ANNA" }, userTimeZone: "Europe/Berlin" });
const DM = personalChannel({ platform: "slack", workspaceId: "T1", userId: "U_ANNA" });

async function personalTipAcrossProcesses(open: () => Storage) {
  type Replica = Awaited<ReturnType<typeof createTestApp>>;
  const start = (now: string) => createTestApp({ storage: open(), now });
  // Migrate from one app first: SQLite has no lock against two processes migrating a new file at once.
  const a = await start("2026-11-25T06:00:00Z");
  let b = await start("2026-11-25T06:00:00Z");
  const sent: string[] = [];
  const collect = (replica: Replica) => () =>
    sent.push(...replica.slack.posts.splice(0).map((p) => p.channel.channelId));
  const setBoth = (iso: string) => {
    a.clock.set(iso);
    b.clock.set(iso);
  };
  expect((await a.dispatcher.runLine(ANNA, "tips me 08:00")).outcome).toBe("ok");

  // Wednesday: both replicas tick at 08:00:30 Berlin, at once.
  setBoth("2026-11-25T07:00:30Z");
  await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
  collect(a)();
  collect(b)();
  const wednesday = sent.length;

  // B restarts right after (a new process on the same database) and ticks again.
  await b.storage.close();
  b = await start("2026-11-25T07:01:00Z");
  a.clock.set("2026-11-25T07:01:00Z");
  await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
  collect(a)();
  collect(b)();
  const afterRestart = sent.length;

  // Thursday: both are down at 08:00; B comes back at 08:40 Berlin (within the grace window).
  await b.storage.close();
  b = await start("2026-11-26T07:40:00Z");
  a.clock.set("2026-11-26T07:40:00Z");
  await Promise.all([b.scheduler.tick(), a.scheduler.tick()]);
  collect(a)();
  collect(b)();
  const thursday = sent.length;
  const ledger = await a.storage.getDelivery({ channel: DM, kind: "tip", localDate: "2026-11-26" });

  // Anna asks vitabot to forget her: no tip on Friday, from either replica.
  expect((await b.dispatcher.runLine(ANNA, "privacy forget confirm:yes")).outcome).toBe("ok");
  setBoth("2026-11-27T07:00:30Z");
  await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
  collect(a)();
  collect(b)();
  const friday = sent.length;
  await Promise.all([a.storage.close(), b.storage.close()]);
  return {
    wednesday,
    afterRestart,
    thursday,
    friday,
    ledger,
    channels: new Set(sent),
  };
}

const expectOnce = (result: Awaited<ReturnType<typeof personalTipAcrossProcesses>>) => {
  expect(result.wednesday).toBe(1);
  expect(result.afterRestart).toBe(1);
  expect(result.thursday).toBe(2);
  expect(result.ledger).toMatchObject({ status: "sent" });
  expect(result.friday).toBe(2);
  expect([...result.channels]).toEqual([DM.channelId]);
};

describe("a personal tip with two replicas and restarts", () => {
  it("arrives once at the person's local time, and not after privacy forget, on PostgreSQL", async () => {
    const db = await createTestDatabase();
    try {
      expectOnce(await personalTipAcrossProcesses(() => createPostgresStorage({ url: db.url })));
    } finally {
      await db.drop();
    }
  });

  it("arrives once at the person's local time, and not after privacy forget, on SQLite", async () => {
    const file = join(dir, "personal.db");
    expectOnce(await personalTipAcrossProcesses(() => createSqliteStorage({ path: file })));
  });
});
