/**
 * What the pictures show, as data: the rows of a standings bar chart and the cells of a
 * member's check-in heatmap, their Vega-Lite specs, and the text version and alt text of
 * each (built from the same rows, so picture and text always agree). Pure; charts.ts renders.
 */
import type { TopLevelSpec } from "vega-lite";
import { isoWeekday } from "../core/time/local-time.js";
import type { Standing, TeamStanding } from "./leaderboard.js";
import type { ChallengeTiming, MemberActivity, MemberInfo } from "./model.js";
import { dateOfDay, dayIndex, formatDay, localClock, mondayOf } from "./window.js";

/** The family name of the bundled font (assets/fonts/); the only font charts use. */
export const CHART_FONT_FAMILY = "DejaVu Sans";
/** Most bars drawn; the text version says how many more there are. */
export const MAX_BARS = 15;

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;

/** One bar of a standings chart. */
interface BarRow {
  /** Unique per chart: includes the rank ("2. anonymous member"). */
  label: string;
  value: number;
  /** Extra text for the text version ("streak 4"). */
  detail?: string;
}

/** What a standings chart shows: its title, unit and bars. */
export interface StandingsChartInput {
  title: string;
  /** What the value is: "pts" or "pts per member". */
  unit: string;
  rows: BarRow[];
  /** How many entries exist in all (the chart shows at most MAX_BARS). */
  total: number;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const round1 = (n: number) => Math.round(n * 10) / 10;

/** Bars for individual standings (labels are rank + display label; hidden names stay hidden). */
export function individualBars(
  title: string,
  standings: readonly Standing[],
  total = standings.length,
): StandingsChartInput {
  const rows = standings.slice(0, MAX_BARS).map((s) => ({
    label: `${s.rank}. ${s.label}`,
    value: s.points,
    detail: `streak ${plural(s.streak, "day")}${s.left ? ", left" : ""}`,
  }));
  return { title, unit: "pts", rows, total };
}

/** Bars for team standings: average points per member. */
export function teamBars(title: string, teams: readonly TeamStanding[]): StandingsChartInput {
  const rows = teams.slice(0, MAX_BARS).map((t) => ({
    label: `${t.rank}. ${t.team}`,
    value: round1(t.average),
    detail: `${plural(t.members, "member")}, ${t.points} pts in all`,
  }));
  return { title, unit: "pts per member", rows, total: teams.length };
}

/** One line per bar, plus "…and N more". */
export function standingsText(input: StandingsChartInput): string {
  if (input.rows.length === 0) return `${input.title}\nNo standings yet.`;
  const lines = input.rows.map(
    (r) => `${r.label}: ${r.value} ${input.unit}${r.detail ? ` (${r.detail})` : ""}`,
  );
  const more = input.total - input.rows.length;
  return [input.title, ...lines, ...(more > 0 ? [`…and ${more} more`] : [])].join("\n");
}

/** A one-sentence description for screen readers. */
export function standingsAlt(input: StandingsChartInput): string {
  if (input.rows.length === 0) return `${input.title}: no standings yet.`;
  const top = input.rows
    .slice(0, 3)
    .map((r) => `${r.label} ${r.value} ${input.unit}`)
    .join("; ");
  return `Bar chart, ${input.title}: ${plural(input.rows.length, "bar")} of ${input.total}. Top: ${top}.`;
}

const BASE_CONFIG = {
  font: CHART_FONT_FAMILY,
  background: "white",
  padding: 12,
  view: { stroke: null },
  title: { fontSize: 15, anchor: "start" as const, offset: 10 },
  axis: { labelFontSize: 12, titleFontSize: 12, labelColor: "#333", titleColor: "#333" },
};

/** A horizontal bar chart of standings, value printed at the end of each bar. */
export function standingsSpec(input: StandingsChartInput): TopLevelSpec {
  const y = { field: "label", type: "nominal" as const, sort: null, axis: { title: null, labelLimit: 220 } };
  const x = { field: "value", type: "quantitative" as const, axis: { title: input.unit, tickMinStep: 1 } };
  return {
    title: input.title,
    width: 440,
    height: { step: 26 },
    data: { values: input.rows.length > 0 ? input.rows : [{ label: "no standings yet", value: 0 }] },
    encoding: { y, x },
    layer: [
      { mark: { type: "bar", color: "#2a9d8f", cornerRadiusEnd: 3 } },
      {
        mark: { type: "text", align: "left", dx: 4, fontSize: 12, color: "#222" },
        encoding: { text: { field: "value" } },
      },
    ],
    config: BASE_CONFIG,
  };
}

/** One day of a member's heatmap; `count` is null for days not to be judged (future, before joining). */
export interface HeatmapCell {
  date: string;
  weekday: (typeof WEEKDAYS)[number];
  /** "Week of Mon 2 Mar": the row. */
  week: string;
  /** Day of month, printed in the cell. */
  day: number;
  count: number | null;
  points: number | null;
}

/** What a member's heatmap is drawn from. */
export interface HeatmapInput {
  title: string;
  timing: ChallengeTiming;
  member: Pick<MemberInfo, "joinDate"> & Pick<MemberActivity, "dayCheckIns" | "dayPoints">;
  /** Tasks per day in the template: the colour scale's top. */
  tasksPerDay: number;
  now: Date;
}

/** One cell per challenge day; days after today or before joining have no count. */
export function heatmapCells(input: HeatmapInput): HeatmapCell[] {
  const { timing, member } = input;
  const today = dayIndex(timing, localClock(input.now, timing.zone).today);
  const joined = dayIndex(timing, member.joinDate);
  return Array.from({ length: timing.days }, (_, i) => {
    const date = dateOfDay(timing, i);
    const judged = i <= today && i >= joined;
    return {
      date,
      weekday: WEEKDAYS[isoWeekday(date) - 1] ?? "Mon",
      week: `Week of ${formatDay(mondayOf(date))}`,
      day: Number(date.slice(8, 10)),
      count: judged ? (member.dayCheckIns[i] ?? 0) : null,
      points: judged ? (member.dayPoints[i] ?? 0) : null,
    };
  });
}

/** One line per week: "Week of Mon 2 Mar: Mon 2, Tue 0, Wed –" (– = not counted yet or before joining). */
export function heatmapText(title: string, cells: readonly HeatmapCell[], tasksPerDay: number): string {
  const weeks = new Map<string, string[]>();
  for (const c of cells) {
    const list = weeks.get(c.week) ?? [];
    list.push(`${c.weekday} ${c.count ?? "–"}`);
    weeks.set(c.week, list);
  }
  const lines = [...weeks].map(([week, days]) => `${week}: ${days.join(", ")}`);
  return [`${title} (tasks done per day, of ${tasksPerDay})`, ...lines].join("\n");
}

/** A one-sentence description for screen readers. */
export function heatmapAlt(title: string, cells: readonly HeatmapCell[]): string {
  const judged = cells.filter((c) => c.count !== null);
  const active = judged.filter((c) => (c.count ?? 0) > 0).length;
  return `Calendar heatmap, ${title}: checked in on ${active} of ${plural(judged.length, "day")} so far.`;
}

/** The cell layers: grey base, orange for a miss, green by tasks done, and the day number on top. */
function heatmapLayers(tasksPerDay: number) {
  const top = Math.max(1, tasksPerDay);
  const color = {
    field: "count",
    type: "quantitative" as const,
    scale: { domain: [0, top], range: ["#cdeee5", "#13675d"] },
    legend: null,
  };
  const cell = { type: "rect" as const, stroke: "white", strokeWidth: 2 };
  const label = {
    text: { field: "day" },
    color: { condition: { test: `datum.count * 2 > ${top}`, value: "white" }, value: "#444" },
  };
  return [
    { mark: { ...cell, color: "#eeeeee" } },
    { transform: [{ filter: "datum.count === 0" }], mark: { ...cell, color: "#f9d3bd" } },
    { transform: [{ filter: "datum.count > 0" }], mark: cell, encoding: { color } },
    { mark: { type: "text" as const, fontSize: 11 }, encoding: label },
  ];
}

/** A week-by-weekday grid: green, darker for more tasks done; orange for a missed day; grey for not counted. */
export function heatmapSpec(title: string, cells: readonly HeatmapCell[], tasksPerDay: number): TopLevelSpec {
  const x = {
    field: "weekday",
    type: "ordinal" as const,
    sort: [...WEEKDAYS],
    axis: { title: null, orient: "top" as const, labelAngle: 0, domain: false, ticks: false },
  };
  const y = {
    field: "week",
    type: "ordinal" as const,
    sort: null,
    axis: { title: null, domain: false, ticks: false },
  };
  return {
    title: {
      text: title,
      subtitle: "green: tasks done (darker = more) · orange: missed · grey: not counted",
    },
    width: { step: 40 },
    height: { step: 36 },
    data: { values: cells.map((c) => ({ ...c })) },
    encoding: { x, y },
    layer: heatmapLayers(tasksPerDay),
    config: BASE_CONFIG,
  };
}
