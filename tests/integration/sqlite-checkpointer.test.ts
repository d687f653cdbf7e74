/**
 * WAL checkpoints in a worker thread, against real SQLite files: the worker's own
 * connection moves the serving connection's WAL pages into the database file, a busy file
 * only delays it, and when the worker cannot run, automatic checkpoints come back on.
 * A connection in EXCLUSIVE locking mode makes the file busy for every other connection.
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SqliteDatabase from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import {
  type CheckpointResult,
  checkpointInBackground,
} from "../../src/storage/kysely/sqlite-checkpointer.js";

const dir = mkdtempSync(join(tmpdir(), "vitabot-checkpoint-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function walDatabase(name: string): SqliteDatabase.Database {
  const sqlite = new SqliteDatabase(join(dir, name));
  sqlite.pragma("journal_mode = WAL");
  sqlite.exec("create table notes (id integer primary key, body text not null)");
  return sqlite;
}

/** EXCLUSIVE locking mode: after its next write, no other connection can use the file. */
function holdExclusively(sqlite: SqliteDatabase.Database): void {
  sqlite.pragma("locking_mode = EXCLUSIVE");
  sqlite.prepare("insert into notes (body) values (?)").run("held");
}

const autocheckpoint = (sqlite: SqliteDatabase.Database) =>
  sqlite.pragma("wal_autocheckpoint", { simple: true });

async function until<T>(check: () => T | undefined, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("checkpointInBackground", () => {
  it("turns commit-time checkpoints off and copies every WAL page into the database file from a worker", async () => {
    const sqlite = walDatabase("moved.db");
    const checkpointer = checkpointInBackground(sqlite, join(dir, "moved.db"), { intervalMs: 50 });
    try {
      expect(autocheckpoint(sqlite)).toBe(0);
      const results: CheckpointResult[] = [];
      checkpointer.onCheckpoint((result) => results.push(result));
      const sizeBefore = statSync(join(dir, "moved.db")).size;
      const insert = sqlite.prepare("insert into notes (body) values (?)");
      // Far more than SQLite's 1,000-page threshold, one commit per row as chat commands do.
      for (let i = 0; i < 3_000; i++) insert.run("x".repeat(2_000));
      // The serving connection never checkpoints now, so only the worker can grow the file.
      const grown = sizeBefore + 3_000 * 2_000;
      await until(
        () => (statSync(join(dir, "moved.db")).size > grown ? true : undefined),
        "the rows in the file",
      );
      await until(() => results.find((r) => r.busy === 0 && r.checkpointed > 0), "a checkpoint report");
      expect(sqlite.prepare("select count(*) as n from notes").get()).toEqual({ n: 3_000 });
    } finally {
      checkpointer.stop();
      sqlite.close();
    }
  });

  it.each([
    {
      why: "the worker cannot open the database",
      name: "fallback.db",
      workerPath: join(dir, "missing", "nope.db"),
      giveUpAfter: undefined,
      busy: false,
      error: /^cannot open the database: .*directory does not exist/,
    },
    {
      why: "checkpoints keep failing on a busy file",
      name: "stuck.db",
      workerPath: join(dir, "stuck.db"),
      giveUpAfter: 5,
      busy: true,
      error: /^5 checkpoints failed in a row: .*\(SQLITE_BUSY\)$/,
    },
  ])("turns automatic checkpoints back on, and says so once, when $why", async (example) => {
    const { name, workerPath, giveUpAfter, busy, error } = example;
    const sqlite = walDatabase(name);
    if (busy) holdExclusively(sqlite);
    const fallBacks: Error[] = [];
    const checkpointer = checkpointInBackground(sqlite, workerPath, {
      intervalMs: 20,
      ...(giveUpAfter ? { giveUpAfter } : {}),
      onFallBack: (reason) => fallBacks.push(reason),
    });
    try {
      await until(() => (autocheckpoint(sqlite) === 1_000 ? true : undefined), "autocheckpoint back on");
      expect(autocheckpoint(sqlite)).toBe(1_000);
      await new Promise((resolve) => setTimeout(resolve, 100)); // the worker's exit follows its error
      expect(fallBacks).toHaveLength(1);
      expect(fallBacks[0]?.message).toMatch(error);
    } finally {
      checkpointer.stop();
      sqlite.close();
    }
  });

  it("retries while the file is busy and checkpoints once it is free, keeping the setting", async () => {
    const path = join(dir, "busy.db");
    const sqlite = walDatabase("busy.db");
    holdExclusively(sqlite);
    const checkpointer = checkpointInBackground(sqlite, path, { intervalMs: 20, giveUpAfter: 1_000 });
    const results: CheckpointResult[] = [];
    checkpointer.onCheckpoint((result) => results.push(result));
    try {
      await new Promise((resolve) => setTimeout(resolve, 300)); // about 15 busy ticks
      expect(results).toEqual([]);
      expect(autocheckpoint(sqlite)).toBe(0);
      sqlite.pragma("locking_mode = NORMAL");
      sqlite.prepare("select count(*) from notes").get(); // the next transaction releases the lock
      const done = await until(() => results.find((r) => r.busy === 0 && r.log > 0), "a checkpoint");
      expect(done.checkpointed).toBe(done.log);
      expect(autocheckpoint(sqlite)).toBe(0);
    } finally {
      checkpointer.stop();
      sqlite.close();
    }
  });

  it("stops checkpointing when stopped, leaving the connection's setting alone", async () => {
    const sqlite = walDatabase("stopped.db");
    const fallBacks: Error[] = [];
    const checkpointer = checkpointInBackground(sqlite, join(dir, "stopped.db"), {
      intervalMs: 20,
      onFallBack: (reason) => fallBacks.push(reason),
    });
    const results: CheckpointResult[] = [];
    checkpointer.onCheckpoint((result) => results.push(result));
    try {
      await until(() => (results.length > 0 ? true : undefined), "a first checkpoint");
      checkpointer.stop();
      await new Promise((resolve) => setTimeout(resolve, 100));
      const seen = results.length;
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(results.length).toBe(seen);
      expect(autocheckpoint(sqlite)).toBe(0);
      expect(fallBacks).toEqual([]); // stopping on purpose is not a fall-back
    } finally {
      sqlite.close();
    }
  });
});
