/**
 * SQLite mode is one process. A lock file next to the database (`<db>.lock`, holding the
 * owner's pid, host and start time) tells a second process that it is not alone: it
 * warns and keeps its scheduler on standby, retrying each tick, so that during a rolling
 * restart it takes over once the old process is gone. A lock is stale when its pid is
 * dead on this host, or when its heartbeat (the file's mtime) stopped, which also covers
 * a lock left by another container or a reused pid.
 */
import { readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";

/** How often the holder touches the lock file. */
const LOCK_HEARTBEAT_MS = 15_000;
/** A lock whose heartbeat is older than this is stale, whoever wrote it. */
export const LOCK_STALE_MS = 4 * LOCK_HEARTBEAT_MS;

/** Who holds (or held) a lock. */
export interface LockHolder {
  pid: number;
  host: string;
  since: string;
}

export interface SqliteLockOptions {
  pid?: number;
  host?: string;
  now?: () => number;
  /** Whether a pid is alive on this host; `process.kill(pid, 0)` by default. */
  isAlive?: (pid: number) => boolean;
}

/** The lock file for a database file. */
export const lockPathFor = (databasePath: string) => `${databasePath}.lock`;

function pidIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readHolder(path: string): (LockHolder & { touchedAt: number }) | undefined {
  try {
    const holder = JSON.parse(readFileSync(path, "utf8")) as LockHolder;
    if (!Number.isInteger(holder.pid)) return undefined;
    return { ...holder, touchedAt: statSync(path).mtimeMs };
  } catch {
    return undefined;
  }
}

/**
 * @example const lock = createSqliteLock("./data/vitabot.db"); if (!lock.tryAcquire()) warn(lock.holder());
 */
export function createSqliteLock(databasePath: string, options: SqliteLockOptions = {}) {
  const path = lockPathFor(databasePath);
  const me: LockHolder = {
    pid: options.pid ?? process.pid,
    host: options.host ?? hostname(),
    since: new Date((options.now ?? Date.now)()).toISOString(),
  };
  const now = options.now ?? Date.now;
  const isAlive = options.isAlive ?? pidIsAlive;
  let held = false;
  let other: LockHolder | undefined;
  let heartbeat: NodeJS.Timeout | undefined;

  function isStale(holder: LockHolder & { touchedAt: number }): boolean {
    if (now() - holder.touchedAt > LOCK_STALE_MS) return true;
    return holder.host === me.host && !isAlive(holder.pid);
  }

  function create(): boolean {
    try {
      writeFileSync(path, `${JSON.stringify(me)}\n`, { flag: "wx" });
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
      throw error;
    }
  }

  function touch(): void {
    try {
      const t = new Date(now());
      utimesSync(path, t, t);
    } catch {
      // Removed from under us: the next contender's tryAcquire() sorts it out.
    }
  }

  function take(): true {
    held = true;
    other = undefined;
    heartbeat = setInterval(touch, LOCK_HEARTBEAT_MS);
    heartbeat.unref();
    return true;
  }

  return {
    path,
    /** True when this process holds the lock, taking it if it is free or stale. */
    tryAcquire(): boolean {
      if (held) return true;
      if (create()) return take();
      const holder = readHolder(path);
      const mine = holder && holder.pid === me.pid && holder.host === me.host;
      if (holder && !mine && !isStale(holder)) {
        other = { pid: holder.pid, host: holder.host, since: holder.since };
        return false;
      }
      // Ours from an earlier run with the same pid (a container's pid 1), stale, or unreadable.
      rmSync(path, { force: true });
      if (create()) return take();
      other = readHolder(path);
      return false;
    },
    /** The live process holding the lock, after a failed tryAcquire(). */
    holder: (): LockHolder | undefined => other,
    /** Gives the lock up (only if this process holds it). */
    release(): void {
      clearInterval(heartbeat);
      if (!held) return;
      held = false;
      const holder = readHolder(path);
      if (holder?.pid === me.pid && holder.host === me.host) rmSync(path, { force: true });
    },
  };
}

export type SqliteLock = ReturnType<typeof createSqliteLock>;
