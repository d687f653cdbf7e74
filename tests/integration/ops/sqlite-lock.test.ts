import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createSqliteLock, LOCK_STALE_MS, lockPathFor } from "../../../src/ops/sqlite-lock.js";

const dir = mkdtempSync(join(tmpdir(), "vitabot-lock-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const dbPath = () => join(dir, `bot-${++n}.db`);

/** A real process that is alive until killed. */
function liveProcess() {
  const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
  return { pid: child.pid ?? -1, stop: () => child.kill("SIGKILL") };
}

describe("the SQLite single-process lock", () => {
  it("is taken by the first process and refused to a second while the first holds it", () => {
    const db = dbPath();
    const first = createSqliteLock(db, { pid: 1001, isAlive: () => true });
    const second = createSqliteLock(db, { pid: 1002, isAlive: () => true });
    expect(first.tryAcquire()).toBe(true);
    expect(JSON.parse(readFileSync(lockPathFor(db), "utf8"))).toMatchObject({ pid: 1001 });
    expect(second.tryAcquire()).toBe(false);
    expect(second.holder()).toMatchObject({ pid: 1001 });
    first.release();
    expect(existsSync(lockPathFor(db))).toBe(false);
    expect(second.tryAcquire()).toBe(true);
    second.release();
  });

  it("checks a real pid: a live process keeps the lock, a dead one's lock is taken over", async () => {
    const db = dbPath();
    const other = liveProcess();
    try {
      writeFileSync(lockPathFor(db), JSON.stringify({ pid: other.pid, host: "this-host", since: "x" }));
      const mine = createSqliteLock(db, { host: "this-host" });
      expect(mine.tryAcquire()).toBe(false);
      expect(mine.holder()?.pid).toBe(other.pid);
      other.stop();
      await expect.poll(() => mine.tryAcquire(), { timeout: 5000 }).toBe(true);
      expect(JSON.parse(readFileSync(lockPathFor(db), "utf8")).pid).toBe(process.pid);
      mine.release();
    } finally {
      other.stop();
    }
  });

  it("takes over a lock whose heartbeat stopped, even from another host (a replaced container)", () => {
    const db = dbPath();
    const now = Date.now();
    writeFileSync(lockPathFor(db), JSON.stringify({ pid: 7, host: "old-container", since: "x" }));
    const mine = createSqliteLock(db, { pid: 7, host: "new-container", now: () => now });
    expect(mine.tryAcquire()).toBe(false);
    const old = new Date(now - LOCK_STALE_MS - 1000);
    utimesSync(lockPathFor(db), old, old);
    expect(mine.tryAcquire()).toBe(true);
    mine.release();
  });

  it("treats a lock with its own pid and host as its own (a container's pid 1 after a restart)", () => {
    const db = dbPath();
    writeFileSync(lockPathFor(db), JSON.stringify({ pid: 1, host: "box", since: "x" }));
    const mine = createSqliteLock(db, { pid: 1, host: "box", isAlive: () => true });
    expect(mine.tryAcquire()).toBe(true);
    mine.release();
  });

  it("releases only a lock it holds", () => {
    const db = dbPath();
    const holder = createSqliteLock(db, { pid: 2001, isAlive: () => true });
    const other = createSqliteLock(db, { pid: 2002, isAlive: () => true });
    holder.tryAcquire();
    other.tryAcquire();
    other.release();
    expect(existsSync(lockPathFor(db))).toBe(true);
    holder.release();
    expect(existsSync(lockPathFor(db))).toBe(false);
  });
});
