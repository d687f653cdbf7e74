/**
 * A snapshot of the process-wide state one test file could leave changed for the next file
 * run in the same worker: the built-in constructors and prototypes (what a library patches,
 * such as vega-lite's Set.prototype.toJSON), the globals (what a test stubs: timers, fetch,
 * Date) and the names in process.env. Values are compared by identity, so a method put back
 * as it was counts as unchanged. Node defines many globals as lazy getters that turn into
 * plain values on first use (AbortSignal, TextEncoder, ReadableStream…): one that now holds
 * what its getter gave is used, not changed. Not seen: a global assigned through a setter
 * that keeps the getter (Node's `performance`), and whatever a test changes and puts back.
 * Used by global-state-guard.ts after every unit test file.
 */

/** What a property holds: its value, or its getter and setter (then, for a global, what it read as). */
interface Slot {
  held: readonly [unknown, unknown];
  accessor: boolean;
  read?: unknown;
}

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
  if ("value" in descriptor) return { held: [descriptor.value, undefined], accessor: false };
  return { held: [descriptor.get, descriptor.set], accessor: true };
}

/** A global's slot; a getter is read (a lazy one loads, as any use would load it). */
function globalSlotOf(key: PropertyKey): Slot | undefined {
  const slot = slotOf(globalThis, key);
  if (!slot?.accessor) return slot;
  try {
    return { ...slot, read: Reflect.get(globalThis, key) };
  } catch {
    return slot;
  }
}

const sameSlot = (a: Slot, b: Slot) => Object.is(a.held[0], b.held[0]) && Object.is(a.held[1], b.held[1]);

/** A lazy global's getter gave way to the value it read as: the global was used, not changed. */
const materialized = (before: Slot, now: Slot) =>
  before.accessor && !now.accessor && "read" in before && Object.is(now.held[0], before.read);

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
  const globals = new Set<string>();
  for (const key of Reflect.ownKeys(globalThis)) {
    const label = `globalThis${keyName(key)}`;
    const slot = globalSlotOf(key);
    globals.add(label);
    if (slot) properties.set(label, slot);
  }
  return { properties, globals, env: new Map(Object.entries(process.env)) };
}

/** What changed between two snapshots, one line each (process.env by name only, never a value). */
export function globalStateChanges(before: GlobalState, after: GlobalState): string[] {
  const changes: string[] = [];
  for (const [label, slot] of before.properties) {
    const now = after.properties.get(label);
    if (!now) changes.push(`${label} was removed`);
    else if (!sameSlot(slot, now) && !materialized(slot, now)) changes.push(`${label} was replaced`);
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
