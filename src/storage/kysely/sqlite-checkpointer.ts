/**
 * WAL checkpoints off the event loop. By default SQLite checkpoints inside whichever
 * commit pushes the WAL past 1,000 pages: that commit then copies the pages into the
 * database file and syncs it (about 10 ms on this machine), on the thread that answers
 * chat. Instead, the serving connection turns automatic checkpoints off, and a worker
 * thread with its own connection runs a PASSIVE checkpoint every second (PASSIVE never
 * waits for readers or writers). A checkpoint that fails (the file is busy, say during a
 * rolling restart) is retried on the next tick; if the worker cannot open the file, or
 * keeps failing, it stops and automatic checkpoints come back on, so the WAL never grows
 * without bound.
 */
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type SqliteDatabase from "better-sqlite3";

const CHECKPOINT_INTERVAL_MS = 1_000;
/** Checkpoints failing in a row before the worker gives up (half a minute at the default interval). */
const CHECKPOINT_GIVE_UP_AFTER = 30;
/** SQLite's own default, restored if the worker stops. */
const AUTOCHECKPOINT_PAGES = 1_000;

/** What one checkpoint did: pages in the WAL, and how many of them are now in the database file. */
export interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

// Plain CommonJS, evaluated by the worker: it needs no TypeScript loader. It throws plain
// Errors: better-sqlite3's SqliteError loses its message crossing to the main thread.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const fail = (what, error) => {
  throw new Error(what + ": " + error.message + (error.code ? " (" + error.code + ")" : ""));
};
let db;
try {
  db = new Database(workerData.path, { fileMustExist: true, timeout: 0 }); // busy: try next tick
} catch (error) {
  fail("cannot open the database", error);
}
let failures = 0;
const timer = setInterval(() => {
  try {
    const [result] = db.pragma("wal_checkpoint(PASSIVE)");
    failures = 0;
    parentPort.postMessage(result);
  } catch (error) {
    if (++failures >= workerData.giveUpAfter) fail(failures + " checkpoints failed in a row", error);
  }
}, workerData.intervalMs);
parentPort.on("message", () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export interface Checkpointer {
  /** Called after each checkpoint the worker runs (for tests and diagnostics). */
  onCheckpoint(listener: (result: CheckpointResult) => void): void;
  /** Stops the worker; its connection closes once a running checkpoint is done. */
  stop(): void;
}

export interface CheckpointOptions {
  intervalMs?: number;
  /** Failed checkpoints in a row after which automatic checkpoints come back on. */
  giveUpAfter?: number;
  /** Told once if the worker stops on its own and automatic checkpoints come back on. */
  onFallBack?: (error: Error) => void;
}

/**
 * Moves the checkpoints of `sqlite` (a WAL-mode file connection) to a worker thread.
 * @example const checkpointer = checkpointInBackground(sqlite, "./data/vitabot.db"); … checkpointer.stop();
 */
export function checkpointInBackground(
  sqlite: SqliteDatabase.Database,
  path: string,
  {
    intervalMs = CHECKPOINT_INTERVAL_MS,
    giveUpAfter = CHECKPOINT_GIVE_UP_AFTER,
    onFallBack,
  }: CheckpointOptions = {},
): Checkpointer {
  const driver = createRequire(import.meta.url).resolve("better-sqlite3");
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { driver, path, intervalMs, giveUpAfter },
  });
  worker.unref();
  sqlite.pragma("wal_autocheckpoint = 0");
  let stopped = false;
  const fallBack = (error: Error) => {
    if (stopped || !sqlite.open) return;
    stopped = true;
    sqlite.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
    onFallBack?.(error);
  };
  worker.once("error", fallBack);
  worker.once("exit", (code) => fallBack(new Error(`the checkpoint worker exited (code ${code})`)));
  return {
    onCheckpoint: (listener) => worker.on("message", listener),
    stop() {
      if (stopped) return;
      stopped = true;
      worker.postMessage("stop");
    },
  };
}
