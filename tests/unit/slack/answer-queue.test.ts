import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { createAnswerQueue } from "../../../src/adapters/slack/answer-queue.js";

const busy = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end) {}
};

describe("createAnswerQueue", () => {
  it("runs jobs in order, one per event-loop turn, and passes results and failures back", async () => {
    const answers = createAnswerQueue();
    const order: string[] = [];
    const a = answers.run(async () => void order.push("a"));
    const b = answers.run(async () => {
      order.push("b");
      throw new Error("boom");
    });
    const c = answers.run(async () => void order.push("c"));
    expect(answers.pending()).toBe(3);
    await expect(a).resolves.toBeUndefined();
    await expect(b).rejects.toThrow("boom");
    await c;
    expect(order).toEqual(["a", "b", "c"]);
  });

  it("has at most maxRunning answers under way; the others start, in order, as those finish", async () => {
    const answers = createAnswerQueue(3);
    const started: number[] = [];
    const release: (() => void)[] = [];
    let underWay = 0;
    let most = 0;
    const all = Array.from({ length: 10 }, (_, i) =>
      answers.run(async () => {
        started.push(i);
        underWay++;
        most = Math.max(most, underWay);
        await new Promise<void>((resolve) => release.push(resolve));
        underWay--;
      }),
    );
    const settle = () => new Promise((resolve) => setImmediate(resolve));
    for (let turn = 0; turn < 5; turn++) await settle();
    expect(started).toEqual([0, 1, 2]);
    expect(answers.running()).toBe(3);
    expect(answers.pending()).toBe(7);
    while (release.length > 0) {
      release.shift()?.();
      for (let turn = 0; turn < 3; turn++) await settle();
    }
    await Promise.all(all);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(most).toBe(3);
    expect(answers.running()).toBe(0);
  });

  it("holds answers back to a few while requests keep arriving, and runs up to maxRunning once they stop", async () => {
    const answers = createAnswerQueue(10, 1, 0);
    const settle = () => new Promise((resolve) => setImmediate(resolve));
    const release: (() => void)[] = [];
    const all = Array.from({ length: 5 }, () =>
      answers.run(() => new Promise<void>((resolve) => release.push(resolve))),
    );
    for (let turn = 0; turn < 5; turn++) {
      answers.arrived();
      await settle();
    }
    expect(answers.running()).toBe(1);
    expect(answers.pending()).toBe(4);
    for (let turn = 0; turn < 5; turn++) await settle();
    expect(answers.running()).toBe(5);
    for (const done of release) done();
    await Promise.all(all);
  });

  it("keeps holding answers back through a short gap between two waves of requests", async () => {
    let clock = 0;
    const answers = createAnswerQueue(10, 1, 20, () => clock);
    const settle = () => new Promise((resolve) => setImmediate(resolve));
    const release: (() => void)[] = [];
    const all = Array.from({ length: 5 }, () =>
      answers.run(() => new Promise<void>((resolve) => release.push(resolve))),
    );
    answers.arrived();
    await settle();
    // Turns pass with no request, but less than 20 ms (on the queue's clock) since the last one.
    clock = 19;
    for (let turn = 0; turn < 5; turn++) await settle();
    expect(answers.running()).toBe(1);
    // The gap is over: the queue looks again by itself and runs up to maxRunning.
    clock = 40;
    await new Promise((resolve) => setTimeout(resolve, 25));
    for (let turn = 0; turn < 5; turn++) await settle();
    expect(answers.running()).toBe(5);
    for (const done of release) done();
    await Promise.all(all);
  });

  it("lets a request that arrives during a burst of answers be served before the burst ends", async () => {
    const answers = createAnswerQueue();
    const server = createServer((_req, res) => res.end("ack"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    let done = 0;
    const burst = Array.from({ length: 40 }, () =>
      answers.run(async () => {
        busy(5);
        done++;
      }),
    );
    const acked = await fetch(url).then(() => done);
    await Promise.all(burst);
    server.close();
    // Back to back, the burst would take 200 ms before the request is even read.
    expect(acked).toBeLessThan(40);
  });
});
