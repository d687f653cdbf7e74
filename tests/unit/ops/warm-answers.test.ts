import { setImmediate as nextTurn } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { warmAnswersInBackground } from "../../../src/ops/warm-answers.js";

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
    warmAnswersInBackground(engine, 8);
    expect(engine.slices).toEqual([]);
    await nextTurn();
    expect(engine.slices).toEqual([8]);
    for (let i = 0; i < 5; i++) await nextTurn();
    expect(engine.slices).toEqual([8, 8, 8]);
  });

  it("stops when told to", async () => {
    const engine = fakeEngine(100);
    const stop = warmAnswersInBackground(engine, 8);
    await nextTurn();
    stop();
    for (let i = 0; i < 5; i++) await nextTurn();
    expect(engine.slices).toEqual([8]);
  });
});
