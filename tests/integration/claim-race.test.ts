/**
 * Two claimers racing for the same due posts, each with its own connection to one
 * database, as two replicas ticking at once: every ledger key is won exactly once,
 * whatever the interleaving. Each claims in slices, in key order, starting at a slice of
 * its own (as the scheduler does), and then the whole list in one statement.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Storage } from "../../src/core/storage-ports/storage.js";
import type { DeliveryKey } from "../../src/core/storage-ports/tips-store.js";
import { createPostgresStorage } from "../../src/storage/kysely/postgres-storage.js";
import { createSqliteStorage } from "../../src/storage/kysely/sqlite-storage.js";
import { createTestDatabase } from "../helpers/postgres.js";

const KEYS = 300;
const SLICE = 25;
const AT = Date.parse("2026-11-25T07:00:30Z");
const dir = mkdtempSync(join(tmpdir(), "vitabot-claim-race-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const idOf = (k: DeliveryKey) => `${k.channel.channelId}@${k.localDate}`;

/** The due keys of one day, in the order the scheduler claims them (sorted by channel). */
function dueKeys(localDate: string): DeliveryKey[] {
  return Array.from(
    { length: KEYS },
    (_, i): DeliveryKey => ({
      channel: { platform: "slack", workspaceId: "T1", channelId: `C${String(i).padStart(3, "0")}` },
      kind: "tip",
      localDate,
    }),
  );
}

/** Claims the keys slice by slice, starting at slice `start` and wrapping round; returns what it won. */
async function claimInSlices(storage: Storage, who: string, keys: DeliveryKey[], start: number) {
  const slices: DeliveryKey[][] = [];
  for (let i = 0; i < keys.length; i += SLICE) slices.push(keys.slice(i, i + SLICE));
  const won: string[] = [];
  for (const slice of [...slices.slice(start), ...slices.slice(0, start)])
    won.push(...(await storage.claimDeliveries(slice, who, AT)).map(idOf));
  return won;
}

function expectEachKeyOnce(a: string[], b: string[], keys: DeliveryKey[]): void {
  expect(a.filter((id) => b.includes(id))).toEqual([]);
  expect(new Set([...a, ...b])).toEqual(new Set(keys.map(idOf)));
  expect(a.length + b.length).toBe(keys.length);
}

async function race(one: Storage, two: Storage): Promise<void> {
  const today = dueKeys("2026-11-25");
  const [a, b] = await Promise.all([claimInSlices(one, "a", today, 0), claimInSlices(two, "b", today, 5)]);
  expectEachKeyOnce(a, b, today);
  // Claimed again (a replica that found the same list late): nothing is won twice.
  expect(await one.claimDeliveries(today, "late", AT)).toEqual([]);

  const tomorrow = dueKeys("2026-11-26");
  const [c, d] = await Promise.all([
    one.claimDeliveries(tomorrow, "c", AT),
    two.claimDeliveries(tomorrow, "d", AT),
  ]);
  expectEachKeyOnce(c.map(idOf), d.map(idOf), tomorrow);
}

describe("two claimers racing for the same due posts", () => {
  it("on SQLite win each key exactly once", async () => {
    const file = join(dir, "race.db");
    const [one, two] = [createSqliteStorage({ path: file }), createSqliteStorage({ path: file })];
    try {
      await one.migrate();
      await race(one, two);
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });

  it("on PostgreSQL win each key exactly once", async () => {
    const db = await createTestDatabase();
    const [one, two] = [createPostgresStorage({ url: db.url }), createPostgresStorage({ url: db.url })];
    try {
      await one.migrate();
      await race(one, two);
    } finally {
      await Promise.all([one.close(), two.close()]);
      await db.drop();
    }
  });
});
