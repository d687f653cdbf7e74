/**
 * The unit project's set-up file (vitest.config.ts): a unit test file must leave the
 * process's built-ins as it found them. The unit project shares one module graph per worker
 * (isolate: false), so a prototype patched or a global stubbed by one file, or by a library
 * it loads, reaches every later file in that worker, and only some orders show it. vega-lite
 * once did (it sets Set.prototype.toJSON when imported), and discord.js then failed to load
 * in later files ('string "Set()" is not iterable'). Checked for every file, whatever the
 * order: the built-in constructors and their prototypes (own keys and values), the globals
 * that existed before the file ran (timers, fetch, Date…), fake timers and process.env.
 */
import { afterAll, beforeAll, vi } from "vitest";
import { globalStateChanges, snapshotGlobalState } from "./global-state.js";

let before: ReturnType<typeof snapshotGlobalState> | undefined;

beforeAll(() => {
  before = snapshotGlobalState();
});

afterAll(() => {
  const changes = before ? globalStateChanges(before, snapshotGlobalState()) : [];
  if (vi.isFakeTimers()) changes.push("fake timers are still installed (call vi.useRealTimers())");
  if (changes.length > 0) {
    throw new Error(
      `this test file left global state changed, which later files in the same worker would see:\n  ${changes.join("\n  ")}`,
    );
  }
});
