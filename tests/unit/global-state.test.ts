/**
 * The check every unit test file passes (tests/helpers/global-state-guard.ts): it reports a
 * patched prototype, a replaced global and a changed environment variable, by name only,
 * and nothing once each is put back as it was.
 */
import { afterEach, describe, expect, it } from "vitest";
import { globalStateChanges, snapshotGlobalState } from "../helpers/global-state.js";

const ENV_NAME = "VITABOT_GLOBAL_STATE_TEST";
const realSetTimeout = globalThis.setTimeout;

afterEach(() => {
  Reflect.deleteProperty(Set.prototype, "toJSON");
  globalThis.setTimeout = realSetTimeout;
  delete process.env[ENV_NAME];
});

describe("the global state check", () => {
  it("names a method added to a built-in prototype, as vega-lite adds Set.prototype.toJSON", () => {
    const before = snapshotGlobalState();
    Object.defineProperty(Set.prototype, "toJSON", { value: () => "Set()", configurable: true });
    expect(globalStateChanges(before, snapshotGlobalState())).toEqual(["Set.prototype.toJSON was added"]);
    Reflect.deleteProperty(Set.prototype, "toJSON");
    expect(globalStateChanges(before, snapshotGlobalState())).toEqual([]);
  });

  it("names a replaced global and a changed environment variable, without its value", () => {
    const before = snapshotGlobalState();
    globalThis.setTimeout = (() => 0) as unknown as typeof setTimeout;
    process.env[ENV_NAME] = "secret-value";
    const changes = globalStateChanges(before, snapshotGlobalState());
    expect(changes).toEqual(["globalThis.setTimeout was replaced", `process.env.${ENV_NAME} was changed`]);
    expect(changes.join("\n")).not.toContain("secret-value");
    globalThis.setTimeout = realSetTimeout;
    delete process.env[ENV_NAME];
    expect(globalStateChanges(before, snapshotGlobalState())).toEqual([]);
  });

  it("takes a lazy global (a getter that turns into its value when used, as Node's AbortSignal) for unchanged once used", () => {
    const value = { lazy: true };
    const lazyGlobal = () =>
      Object.defineProperty(globalThis, "vitabotLazyGlobal", {
        configurable: true,
        get() {
          Object.defineProperty(globalThis, "vitabotLazyGlobal", {
            value,
            writable: true,
            configurable: true,
          });
          return value;
        },
      });
    const global = globalThis as { vitabotLazyGlobal?: unknown };
    try {
      lazyGlobal();
      const before = snapshotGlobalState();
      expect(global.vitabotLazyGlobal).toBe(value);
      expect(globalStateChanges(before, snapshotGlobalState())).toEqual([]);
      lazyGlobal();
      const again = snapshotGlobalState();
      global.vitabotLazyGlobal = { stub: true };
      expect(globalStateChanges(again, snapshotGlobalState())).toEqual([
        "globalThis.vitabotLazyGlobal was replaced",
      ]);
    } finally {
      delete global.vitabotLazyGlobal;
    }
  });

  it("takes a method replaced on a built-in for a change, and a new global for none", () => {
    const before = snapshotGlobalState();
    const { has } = Set.prototype;
    Set.prototype.has = function (this: Set<unknown>, value: unknown) {
      return has.call(this, value);
    };
    const global = globalThis as { vitabotGlobalStateTest?: number };
    global.vitabotGlobalStateTest = 1;
    try {
      expect(globalStateChanges(before, snapshotGlobalState())).toEqual(["Set.prototype.has was replaced"]);
    } finally {
      Set.prototype.has = has;
      delete global.vitabotGlobalStateTest;
    }
  });
});
