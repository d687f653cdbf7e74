import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Storage } from "../../src/core/storage-ports/storage.js";
import { StorageError } from "../../src/errors.js";
import { openStorage } from "../../src/storage/create-storage.js";
import { createLazyStorage } from "../../src/storage/lazy-storage.js";
import { storageContract } from "./storage.contract.js";

const dir = mkdtempSync(join(tmpdir(), "vitabot-lazy-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The store a one-shot command gets behaves as the store it opens (and opening migrates).
storageContract(
  "sqlite opened on first use",
  async () =>
    createLazyStorage("sqlite", () => openStorage({ kind: "sqlite", path: join(dir, `${randomUUID()}.db`) })),
  { migratesWhenOpened: true },
);

/** A lazy store over SQLite :memory: that records when it is opened. */
function counted() {
  const opens: Storage[] = [];
  const storage = createLazyStorage("sqlite", async () => {
    const opened = await openStorage({ kind: "sqlite", path: ":memory:" });
    opens.push(opened);
    return opened;
  });
  return { storage, opens };
}

describe("createLazyStorage", () => {
  it("opens nothing for kind, migrate or close before the first query", async () => {
    const { storage, opens } = counted();
    expect(storage.kind).toBe("sqlite");
    await storage.migrate();
    await storage.close();
    expect(opens).toHaveLength(0);
    await expect(storage.ping()).rejects.toBeInstanceOf(StorageError);
    expect(opens).toHaveLength(0);
  });

  it("opens once, on the first query, and migrated (concurrent first calls share it)", async () => {
    const { storage, opens } = counted();
    const channel = { platform: "console", workspaceId: "w", channelId: "c" } as const;
    const [numbers, sub] = await Promise.all([
      storage.getSafetyNumbers("console", "w"),
      storage.getSubscription(channel),
    ]);
    expect([numbers, sub]).toEqual([undefined, undefined]);
    await storage.ping();
    expect(opens).toHaveLength(1);
    await storage.close();
    await expect(opens[0]?.ping()).rejects.toThrow();
  });

  it("rejects every call with the opening's error, and closes without throwing", async () => {
    let attempts = 0;
    const storage = createLazyStorage("sqlite", async () => {
      attempts += 1;
      throw new Error("cannot open");
    });
    await expect(storage.ping()).rejects.toThrow("cannot open");
    await expect(storage.listFeedback()).rejects.toThrow("cannot open");
    expect(attempts).toBe(1);
    await expect(storage.close()).resolves.toBeUndefined();
  });

  it("is not a promise: an async function can return it", async () => {
    const { storage, opens } = counted();
    const returned = await (async () => storage)();
    expect(returned).toBe(storage);
    expect(opens).toHaveLength(0);
  });
});

describe("openStorage", () => {
  it("closes a store it cannot migrate and rethrows", async () => {
    await expect(openStorage({ kind: "sqlite", path: dir })).rejects.toThrow(/SQLITE_CANTOPEN|cannot open/i);
  });
});
