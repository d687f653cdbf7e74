/**
 * Drawing a chart leaves the process's Set as it was: vega-lite sets Set.prototype.toJSON
 * when it is imported, and with that patch left in place a later import of discord.js failed
 * ('string "Set()" is not iterable') and every Set turned into a string under JSON.stringify.
 * Vega-Lite itself still needs the patch while it compiles, or it takes two aggregations over
 * different fields for one and merges them.
 */
import type { TopLevelSpec } from "vega-lite";
import { describe, expect, it } from "vitest";
import { individualBars } from "../../../src/challenges/chart-data.js";
import { renderStandingsChart } from "../../../src/challenges/charts.js";
import { computeLeaderboard } from "../../../src/challenges/leaderboard.js";
import { loadVegaLite } from "../../../src/challenges/vega-lite.js";
import { member, onDays, participant, timing } from "./helpers.js";

/** Two layers over the same rows, each summing `v` per a different field. */
const twoAggregations: TopLevelSpec = {
  data: {
    values: [
      { a: "x", b: "p", v: 1 },
      { a: "y", b: "q", v: 2 },
    ],
  },
  layer: [
    {
      mark: "bar",
      encoding: {
        x: { field: "a", type: "nominal" },
        y: { aggregate: "sum", field: "v", type: "quantitative" },
      },
    },
    {
      mark: "point",
      encoding: {
        x: { field: "b", type: "nominal" },
        y: { aggregate: "sum", field: "v", type: "quantitative" },
      },
    },
  ],
};

describe("vega-lite's Set patch", () => {
  it("is gone once a chart is drawn: Set.prototype has no toJSON and a Set stringifies as before", async () => {
    const t = timing();
    const { individuals } = computeLeaderboard(
      t,
      [participant(t, member("A"), onDays(t, "A", [0, 1]))],
      new Date("2026-03-04T12:00:00Z"),
    );
    const image = await renderStandingsChart(individualBars("Standings", individuals));
    expect(image.png.length).toBeGreaterThan(0);
    expect(Object.getOwnPropertyNames(Set.prototype)).not.toContain("toJSON");
    expect(JSON.stringify({ tags: new Set(["a", "b"]) })).toBe('{"tags":{}}');
    const keys: string[] = [];
    for (const key in new Set([1])) keys.push(key);
    expect(keys).toEqual([]);
  }, 30_000);

  it("is in place while vega-lite compiles, so aggregations over different fields stay apart", async () => {
    const compile = await loadVegaLite();
    const groupings = (compile(twoAggregations).data ?? []).flatMap((data) =>
      ("transform" in data ? (data.transform ?? []) : []).flatMap((step) =>
        step.type === "aggregate" ? [step.groupby] : [],
      ),
    );
    expect(groupings).toEqual([["a"], ["b"]]);
    expect(Object.getOwnPropertyNames(Set.prototype)).not.toContain("toJSON");
  });
});
