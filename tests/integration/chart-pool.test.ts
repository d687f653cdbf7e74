/**
 * The chart pool: pictures drawn on a worker thread are the ones drawn
 * inline; a picture is drawn once while its data is unchanged (also when asked for again
 * while it is being drawn), the last few are kept, and a full queue refuses at once
 * (ChartsBusyError) rather than growing. Order and counts, not time.
 */
import type { TopLevelSpec } from "vega-lite";
import { afterEach, describe, expect, it } from "vitest";
import { standingsSpec } from "../../src/challenges/chart-data.js";
import { type ChartPool, ChartsBusyError, createChartPool } from "../../src/challenges/chart-pool.js";
import { drawChart } from "../../src/challenges/charts.js";
import { createMemoryLogger } from "../helpers/app.js";
import { createGate, GATE, openGate } from "../helpers/blocked-chart-worker.js";

const { logger } = createMemoryLogger();
const standings = (title: string) =>
  standingsSpec({ title, unit: "pts", rows: [{ label: "1. Ana", value: 30 }], total: 1 });
const fake = (title: string) => ({ title }) as TopLevelSpec;
const fakeWorker = { module: new URL("../helpers/fake-chart-worker.ts", import.meta.url) };

let pool: ChartPool | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

describe("the chart pool", () => {
  it("draws on a worker thread the same PNG as inline, once for many asking at the same time", async () => {
    pool = createChartPool({ threads: 1, logger });
    const spec = standings("Pool walks");
    const pictures = await Promise.all(Array.from({ length: 25 }, () => pool?.draw(spec)));
    const inline = await drawChart(spec);
    for (const picture of pictures) {
      expect(Buffer.isBuffer(picture?.png)).toBe(true);
      expect(picture?.png.equals(inline.png)).toBe(true);
      expect(picture).toMatchObject({ width: inline.width, height: inline.height });
    }
    expect(pool.stats()).toMatchObject({ threads: 1, drawn: 1, reused: 24 });
    await pool.draw(standings("Other walks"));
    expect(pool.stats()).toMatchObject({ drawn: 2, cached: 2 });
  }, 60_000);

  it("keeps the last few pictures and draws again one that was let go", async () => {
    pool = createChartPool({ threads: 0, logger, cacheSize: 2, worker: fakeWorker });
    for (const title of ["a", "b", "c", "c", "b"]) await pool.draw(fake(title));
    expect(pool.stats()).toMatchObject({ drawn: 3, reused: 2, cached: 2 });
    await pool.draw(fake("a"));
    expect(pool.stats()).toMatchObject({ drawn: 4, cached: 2 });
  });

  it("refuses a chart when the queue is full, and draws what it took once the thread is free", async () => {
    const gate = createGate();
    const blocked = { module: new URL("../helpers/blocked-chart-worker.ts", import.meta.url) };
    pool = createChartPool({
      threads: 1,
      logger,
      queueLimit: 1,
      worker: { ...blocked, context: gate.buffer },
    });
    const first = pool.draw(standings("first"));
    const waitForStart = async () => {
      while (Atomics.load(gate, GATE.started) === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    };
    await waitForStart();
    const second = pool.draw(standings("second"));
    await expect(pool.draw(standings("third"))).rejects.toBeInstanceOf(ChartsBusyError);
    openGate(gate);
    const drawn = await Promise.all([first, second]);
    expect(drawn.map((picture) => picture.png.subarray(1, 4).toString())).toEqual(["PNG", "PNG"]);
    // The refused chart was not kept: asked again, it is drawn.
    await pool.draw(standings("third"));
    expect(pool.stats()).toMatchObject({ drawn: 3, reused: 0 });
  }, 60_000);
});
