/**
 * A snapshot of the process-wide state one test file could leave changed for the next file
 * run in the same worker: the built-in constructors and prototypes (what a library patches,
 * such as vega-lite's Set.prototype.toJSON), the globals (what a test stubs: timers, fetch,
 * Date) and the names in process.env. Values are compared by identity, so a method put back
 * as it was counts as unchanged. Used by global-state-guard.ts after every unit test file.
 */

/** What a property holds: its value, or its getter and setter. */
type Slot = readonly [unknown, unknown];

export interface GlobalState {
  /** `Set.prototype.toJSON`, `globalThis.setTimeout`… → what the property held. */
  properties: Map<string, Slot>;
  /** Names of the globals: one added later is not a change (libraries register theirs lazily). */
  globals: ReadonlySet<string>;
  env: Map<string, string | undefined>;
}

const iteratorOf = (iterable: Iterable<unknown>) => Object.getPrototypeOf(iterable[Symbol.iterator]());

/** The built-ins whose own properties (statics and prototype) are watched, by name. */
function builtins(): [string, object][] {
  const constructors = [
    Object,
    Function,
    Array,
    String,
    Number,
    Boolean,
    Symbol,
    BigInt,
    Date,
    RegExp,
    Error,
    TypeError,
    RangeError,
    Promise,
    Map,
    Set,
    WeakMap,
    WeakSet,
    WeakRef,
    ArrayBuffer,
    DataView,
    Uint8Array,
    Buffer,
  ];
  return [
    ...constructors.flatMap((ctor): [string, object][] => [
      [ctor.name, ctor],
      [`${ctor.name}.prototype`, ctor.prototype],
    ]),
    ["TypedArray.prototype", Object.getPrototypeOf(Uint8Array.prototype)],
    ["Iterator.prototype", Object.getPrototypeOf(iteratorOf([]))],
    ["ArrayIterator.prototype", iteratorOf([])],
    ["SetIterator.prototype", iteratorOf(new Set())],
    ["MapIterator.prototype", iteratorOf(new Map())],
    ["StringIterator.prototype", iteratorOf("")],
    ["JSON", JSON],
    ["Math", Math],
    ["Reflect", Reflect],
  ];
}

function slotOf(target: object, key: PropertyKey): Slot | undefined {
  const descriptor = Object.getOwnPropertyDescriptor(target, key);
  if (!descriptor) return undefined;
  return "value" in descriptor ? [descriptor.value, undefined] : [descriptor.get, descriptor.set];
}

const keyName = (key: PropertyKey) => (typeof key === "symbol" ? `[${key.toString()}]` : `.${String(key)}`);

export function snapshotGlobalState(): GlobalState {
  const properties = new Map<string, Slot>();
  const record = (label: string, target: object) => {
    for (const key of Reflect.ownKeys(target)) {
      const slot = slotOf(target, key);
      if (slot) properties.set(`${label}${keyName(key)}`, slot);
    }
  };
  for (const [label, target] of builtins()) record(label, target);
  record("globalThis", globalThis);
  const globals = new Set(Reflect.ownKeys(globalThis).map((key) => `globalThis${keyName(key)}`));
  return { properties, globals, env: new Map(Object.entries(process.env)) };
}

/** What changed between two snapshots, one line each (process.env by name only, never a value). */
export function globalStateChanges(before: GlobalState, after: GlobalState): string[] {
  const changes: string[] = [];
  for (const [label, slot] of before.properties) {
    const now = after.properties.get(label);
    if (!now) changes.push(`${label} was removed`);
    else if (!Object.is(now[0], slot[0]) || !Object.is(now[1], slot[1]))
      changes.push(`${label} was replaced`);
  }
  for (const label of after.properties.keys()) {
    const isNewGlobal = label.startsWith("globalThis") && !before.globals.has(label);
    if (!before.properties.has(label) && !isNewGlobal) changes.push(`${label} was added`);
  }
  for (const name of new Set([...before.env.keys(), ...after.env.keys()])) {
    if (before.env.get(name) !== after.env.get(name)) changes.push(`process.env.${name} was changed`);
  }
  return changes;
}
