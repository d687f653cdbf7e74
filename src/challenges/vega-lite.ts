/**
 * Vega-Lite's compiler without the global patch vega-lite makes when it is imported: it sets
 * `Set.prototype.toJSON` (so that its hashes tell sets apart). Left in place, that patch
 * changes `JSON.stringify` of every Set in the process, adds a key to every `for…in` over a
 * Set, and breaks packages loaded afterwards that copy Set.prototype's methods: discord.js's
 * event emitter (through node-inspect-extracted) then fails to load with
 * 'string "Set()" is not iterable'. So the patch comes off as soon as vega-lite has loaded, and
 * an equivalent is put on only while vega-lite compiles, which is synchronous: no other code
 * runs meanwhile. A chart worker thread has built-ins of its own; drawing inline (tests, the
 * CLI, CHART_THREADS=0) shares the caller's.
 */
import type { Spec } from "vega";
import type { TopLevelSpec } from "vega-lite";

/** Vega-Lite → Vega. */
export type CompileVegaLite = (spec: TopLevelSpec) => Spec;

/** `target.key` as it was described by `descriptor` (absent when undefined). */
function putBack(target: object, key: PropertyKey, descriptor: PropertyDescriptor | undefined): void {
  if (descriptor) Object.defineProperty(target, key, descriptor);
  else Reflect.deleteProperty(target, key);
}

async function load(): Promise<CompileVegaLite> {
  const before = Object.getOwnPropertyDescriptor(Set.prototype, "toJSON");
  const vegaLite = await import("vega-lite");
  putBack(Set.prototype, "toJSON", before);
  // What vega-lite's patch does: a set hashes as its items, each stringified as vega-lite does.
  const setAsItems: PropertyDescriptor = {
    value(this: Set<unknown>) {
      return `Set(${[...this].map((item) => vegaLite.stringify(item)).join(",")})`;
    },
    writable: true,
    enumerable: true,
    configurable: true,
  };
  return (spec) => {
    const outside = Object.getOwnPropertyDescriptor(Set.prototype, "toJSON");
    Object.defineProperty(Set.prototype, "toJSON", setAsItems);
    try {
      return vegaLite.compile(spec).spec;
    } finally {
      putBack(Set.prototype, "toJSON", outside);
    }
  };
}

let loading: Promise<CompileVegaLite> | undefined;

/**
 * The compiler, loaded on first use (once: a second import would find vega-lite loaded and unpatched).
 * @example const compile = await loadVegaLite(); const view = new vega.View(vega.parse(compile(spec)))
 */
export function loadVegaLite(): Promise<CompileVegaLite> {
  loading ??= load().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
