import { describe, expect, it } from "vitest";
import { heatmapCells, individualBars, MAX_BARS, teamBars } from "../../../src/challenges/chart-data.js";
import { CHART_SCALE, renderHeatmapChart, renderStandingsChart } from "../../../src/challenges/charts.js";
import { computeLeaderboard } from "../../../src/challenges/leaderboard.js";
import { fact, member, onDays, participant, timing } from "./helpers.js";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from the PNG's IHDR chunk (bytes 16–23). */
const ihdrSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

const t = timing({ days: 21 });
const now = new Date("2026-03-12T17:00:00Z"); // Thu 12 March, day 10
const people = [
  participant(
    t,
    member("A", { team: "Red", displayName: "Ada Ünïcode" }),
    onDays(t, "A", [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]),
  ),
  participant(t, member("B", { team: "Blue", hidden: true }), onDays(t, "B", [0, 2, 4, 6, 8])),
  participant(t, member("C", { team: "Blue" }), [
    ...onDays(t, "C", [1, 2, 3]),
    fact("C", "sun-smart", "2026-03-03", undefined, 1),
  ]),
];

describe("the standings bar chart", () => {
  it("renders a non-empty PNG whose size matches its header, with alt text and the same data as text", async () => {
    const { individuals } = computeLeaderboard(t, people, now);
    const image = await renderStandingsChart(individualBars("Daylight walks: standings", individuals));
    expect(image.png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(ihdrSize(image.png)).toEqual({ width: image.width, height: image.height });
    expect(image.width).toBeGreaterThan(400 * CHART_SCALE);
    expect(image.height).toBeGreaterThan(3 * 26 * CHART_SCALE);
    expect(image.png.length).toBeGreaterThan(5_000);
    expect(image.text).toBe(
      [
        "Daylight walks: standings",
        "1. Ada Ünïcode: 30 pts (streak 10 days)",
        "2. anonymous member: 15 pts (streak 0 days)",
        "3. Name C: 10 pts (streak 0 days)",
      ].join("\n"),
    );
    expect(image.alt).toBe(
      "Bar chart, Daylight walks: standings: 3 bars of 3. Top: 1. Ada Ünïcode 30 pts; 2. anonymous member 15 pts; 3. Name C 10 pts.",
    );
  }, 30_000);

  it("shows team averages and says how many rows are left out", async () => {
    const { teams } = computeLeaderboard(t, people, now);
    const bars = teamBars("Teams", teams);
    expect(bars.rows).toEqual([
      { label: "1. Red", value: 30, detail: "1 member, 30 pts in all" },
      { label: "2. Blue", value: 12.5, detail: "2 members, 25 pts in all" },
    ]);
    const many = Array.from({ length: 20 }, (_, i) =>
      participant(t, member(`U${i}`), onDays(t, `U${i}`, [0])),
    );
    const input = individualBars("Everyone", computeLeaderboard(t, many, now).individuals);
    expect(input.rows).toHaveLength(MAX_BARS);
    const image = await renderStandingsChart(input);
    expect(image.text.split("\n").at(-1)).toBe("…and 5 more");
  }, 30_000);
});

describe("the check-in heatmap", () => {
  it("renders a PNG and a text version with one cell per challenge day, unjudged days marked", async () => {
    const c = people[2];
    if (!c) throw new Error("fixture");
    const input = { title: "Your check-ins", timing: t, member: c, tasksPerDay: 2, now };
    const cells = heatmapCells(input);
    expect(cells).toHaveLength(21);
    expect(cells.slice(0, 4).map((cell) => cell.count)).toEqual([0, 2, 1, 1]);
    expect(cells.slice(11).every((cell) => cell.count === null)).toBe(true);
    const image = await renderHeatmapChart(input);
    expect(image.png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(ihdrSize(image.png)).toEqual({ width: image.width, height: image.height });
    expect(image.text.split("\n")).toEqual([
      "Your check-ins (tasks done per day, of 2)",
      "Week of Mon 2 Mar: Mon 0, Tue 2, Wed 1, Thu 1, Fri 0, Sat 0, Sun 0",
      "Week of Mon 9 Mar: Mon 0, Tue 0, Wed 0, Thu 0, Fri –, Sat –, Sun –",
      "Week of Mon 16 Mar: Mon –, Tue –, Wed –, Thu –, Fri –, Sat –, Sun –",
    ]);
    expect(image.alt).toBe("Calendar heatmap, Your check-ins: checked in on 3 of 11 days so far.");
  }, 30_000);
});
