import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, rmSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, describe, expect, it, vi } from "vitest";
import { createStorage } from "../../src/storage/create-storage.js";
import { createSqliteStorage, openSqliteDatabase } from "../../src/storage/kysely/sqlite-storage.js";
import { storageContract } from "./storage.contract.js";

const dir = mkdtempSync(join(tmpdir(), "vitabot-sqlite-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A path in a directory that does not exist yet, so every test also checks it is created. */
const newFilePath = () => join(dir, randomUUID(), "nested", "vitabot.db");

storageContract("sqlite (temp file, WAL)", async () => createSqliteStorage({ path: newFilePath() }));
storageContract("sqlite (:memory:)", async () => createSqliteStorage({ path: ":memory:" }));

describe("createSqliteStorage", () => {
  it("creates the parent directories and opens the file in WAL mode with the agreed pragmas", async () => {
    const path = newFilePath();
    const db = openSqliteDatabase(path);
    try {
      expect(existsSync(path)).toBe(true);
      const pragma = async (name: string) =>
        Object.values((await sql.raw(`pragma ${name}`).execute(db)).rows[0] as object)[0];
      expect(await pragma("journal_mode")).toBe("wal");
      expect(await pragma("synchronous")).toBe(1); // NORMAL
      expect(await pragma("busy_timeout")).toBe(5000);
      expect(await pragma("foreign_keys")).toBe(1);
      // Checkpoints run in a worker thread (sqlite-checkpointer.test.ts), never inside a commit.
      expect(await pragma("wal_autocheckpoint")).toBe(0);
    } finally {
      await db.destroy();
    }
  });

  it("allows exactly one cooldown hit across two connections to the same file", async () => {
    const path = newFilePath();
    const [first, second] = [createSqliteStorage({ path }), createSqliteStorage({ path })];
    try {
      await first.migrate();
      const key = { platform: "slack", userId: "U1", command: "tip" } as const;
      const hits = Array.from({ length: 10 }, (_, i) =>
        (i % 2 ? first : second).hitCooldown(key, 1_000, 60_000),
      );
      const results = await Promise.all(hits);
      expect(results.filter((result) => result.allowed)).toHaveLength(1);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });

  it("tells its logger when checkpoints move back into commits", async () => {
    const path = newFilePath();
    const warn = vi.fn();
    const storage = createSqliteStorage({ path, logger: { warn } });
    // The open connection keeps the file; the worker, starting on its own thread, finds none.
    unlinkSync(path);
    try {
      await vi.waitFor(() => expect(warn).toHaveBeenCalledTimes(1), { timeout: 5_000 });
      const [details, message] = warn.mock.calls[0] ?? [];
      expect(details).toMatchObject({
        path,
        err: expect.objectContaining({
          message: expect.stringMatching(/^cannot open the database: .*\(SQLITE_CANTOPEN\)$/),
        }),
      });
      expect(message).toMatch(/checkpoints are back inside commits/);
    } finally {
      await storage.close();
    }
  });

  it("is what createStorage returns for a sqlite config", async () => {
    const storage = createStorage({ kind: "sqlite", path: ":memory:" });
    try {
      expect(storage.kind).toBe("sqlite");
      await expect(storage.ping()).resolves.toBeUndefined();
    } finally {
      await storage.close();
    }
  });
});
