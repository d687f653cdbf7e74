/**
 * A chart worker whose drawing first waits, synchronously, at a gate the test opens, as
 * a long Vega/resvg render holds its thread. The gate is an Int32Array over the
 * SharedArrayBuffer each task carries (`context`); see GATE for its slots. If nobody opens
 * it (charts drawn inline block the test's own thread too), it gives up after
 * GIVE_UP_MS and records that it went through closed.
 */
import drawTask, { type ChartTask } from "../../src/challenges/chart-worker.js";

/** The gate's slots. */
export const GATE = {
  /** 0 closed, 1 open (the test's side). */
  open: 0,
  /** Drawings that reached the gate. */
  started: 1,
  /** Drawings that went past it (opened or given up). */
  passed: 2,
  /** Drawings that gave up waiting: the gate was never opened while they waited. */
  gaveUp: 3,
} as const;

/** A fresh, closed gate. */
export const createGate = () => new Int32Array(new SharedArrayBuffer(4 * Object.keys(GATE).length));

const GIVE_UP_MS = 10_000;

export default async function drawBehindGate(task: ChartTask) {
  const gate = new Int32Array(task.context as SharedArrayBuffer);
  Atomics.add(gate, GATE.started, 1);
  if (Atomics.wait(gate, GATE.open, 0, GIVE_UP_MS) === "timed-out") Atomics.add(gate, GATE.gaveUp, 1);
  Atomics.add(gate, GATE.passed, 1);
  return drawTask(task);
}

/** Opens the gate for every drawing waiting at it and every later one. */
export function openGate(gate: Int32Array): void {
  Atomics.store(gate, GATE.open, 1);
  Atomics.notify(gate, GATE.open);
}
