import { setImmediate as nextTurn } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { createBusyProbe, warmAnswersInBackground } from "../../../src/ops/warm-answers.js";

/** An engine with `words` left to warm that records each slice it is asked for. */
function fakeEngine(words: number) {
  const slices: number[] = [];
  let left = words;
  return {
    slices,
    warmStep(count: number) {
      slices.push(count);
      left = Math.max(0, left - count);
      return left > 0;
    },
  };
}

describe("warming answers in the background", () => {
  it("works through the vocabulary one slice per event-loop turn, then stops", async () => {
    const engine = fakeEngine(20);
    warmAnswersInBackground(engine, { slice: 8, busy: () => false });
    expect(engine.slices).toEqual([]);
    await nextTurn();
    expect(engine.slices).toEqual([8]);
    for (let i = 0; i < 5; i++) await nextTurn();
    expect(engine.slices).toEqual([8, 8, 8]);
  });

  it("stops when told to", async () => {
    const engine = fakeEngine(100);
    const stop = warmAnswersInBackground(engine, { slice: 8, busy: () => false });
    await nextTurn();
    stop();
    for (let i = 0; i < 5; i++) await nextTurn();
    expect(engine.slices).toEqual([8]);
  });

  it("waits while other work keeps the process busy, then carries on", async () => {
    const engine = fakeEngine(100);
    let otherWork = true;
    const looks: number[] = [];
    warmAnswersInBackground(engine, {
      slice: 8,
      busy: (ownMs) => {
        looks.push(ownMs);
        return otherWork;
      },
    });
    await nextTurn();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(looks.length).toBeGreaterThan(1);
    expect(engine.slices).toEqual([]);
    otherWork = false;
    await new Promise((resolve) => setTimeout(resolve, 40));
    for (let i = 0; i < 3; i++) await nextTurn();
    expect(engine.slices.length).toBeGreaterThan(1);
  });

  it("reads event-loop time spent on other work as busy, and idle time or its own time as not", async () => {
    const probe = createBusyProbe();
    await nextTurn();
    probe(0);
    const spin = (ms: number) => {
      const end = performance.now() + ms;
      while (performance.now() < end) {}
    };
    spin(30);
    await nextTurn();
    expect(probe(0)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(probe(0)).toBe(false);
    spin(30);
    await nextTurn();
    // The same 30 ms, spent warming: not other work.
    expect(probe(1_000)).toBe(false);
  });
});
