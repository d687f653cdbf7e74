/**
 * A channel's posting schedule (local time, IANA zone, weekdays, skipped dates) and
 * the pure maths of when it next posts. The scheduler, `tips status`, `tips plan` and
 * the CLI all use these same functions.
 */
import { z } from "zod";
import { UserFacingError } from "../../errors.js";
import {
  addDays,
  canonicalZone,
  describeInstant,
  isoWeekday,
  isValidZone,
  localDate,
  toInstant,
} from "./local-time.js";

const DAY_NAMES = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export const DEFAULT_TIME = "09:00";
/** Zones offered as examples when a zone is wrong. */
const EXAMPLE_ZONES = ["Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Sydney", "UTC"];
/** Farthest ahead a schedule is searched: a year covers any mix of weekdays and skips. */
const SEARCH_DAYS = 400;

export interface Schedule {
  /** `HH:MM`, 24-hour, local to `zone`. */
  time: string;
  zone: string;
  /** ISO weekdays it posts on: 1 = Monday … 7 = Sunday. */
  days: readonly number[];
  /** Local dates (`YYYY-MM-DD`) it does not post on. */
  skip?: readonly string[];
}

export interface PlannedRun {
  date: string;
  local: string;
  utc: string;
  offset: string;
}

const TimeSchema = z
  .string()
  .trim()
  .regex(/^([01]?\d|2[0-3]):[0-5]\d$/, "must be a 24-hour time such as 09:00 or 17:30")
  .transform((t) => t.padStart(5, "0"));

export const DateSchema = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date such as 2026-12-24")
  .refine(
    (d) =>
      !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    {
      message: "is not a real calendar date",
    },
  );

/** A valid IANA zone by its canonical name (`europe/berlin` → `Europe/Berlin`), or a friendly error with examples. */
export function parseZone(zone: string): string {
  const trimmed = zone.trim();
  if (isValidZone(trimmed)) return canonicalZone(trimmed);
  throw new UserFacingError(
    `"${trimmed}" is not a time zone I know. Use an IANA name such as ${EXAMPLE_ZONES.join(", ")}.`,
    "bad_zone",
  );
}

export function parseTime(time: string): string {
  const result = TimeSchema.safeParse(time);
  if (!result.success) throw new UserFacingError(`"${time}" ${result.error.issues[0]?.message}.`, "bad_time");
  return result.data;
}

/** `every-day` (default), `weekdays`, `weekends`, or a list such as `mon,wed,fri`. */
export function parseDays(days: string | undefined): number[] {
  const text = (days ?? "every-day").trim().toLowerCase();
  if (text === "every-day" || text === "daily" || text === "everyday") return [1, 2, 3, 4, 5, 6, 7];
  if (text === "weekdays") return [1, 2, 3, 4, 5];
  if (text === "weekends") return [6, 7];
  const picked = text.split(/[\s,]+/).filter(Boolean);
  const numbers = picked.map((name) => DAY_NAMES.indexOf(name.slice(0, 3) as (typeof DAY_NAMES)[number]) + 1);
  if (picked.length === 0 || numbers.some((n) => n === 0)) {
    throw new UserFacingError(
      `"${days}" is not a set of days. Use every-day, weekdays, weekends, or a list such as mon,wed,fri.`,
      "bad_days",
    );
  }
  return [...new Set(numbers)].sort();
}

/** `every day`, `weekdays`, or `Mon, Wed, Fri`, for replies. */
export function describeDays(days: readonly number[]): string {
  if (days.length === 7) return "every day";
  if (days.join() === "1,2,3,4,5") return "weekdays";
  if (days.join() === "6,7") return "weekends";
  return days.map((d) => (DAY_NAMES[d - 1] ?? "?").replace(/^./, (c) => c.toUpperCase())).join(", ");
}

function postsOn(schedule: Schedule, date: string): boolean {
  return schedule.days.includes(isoWeekday(date)) && !(schedule.skip ?? []).includes(date);
}

/** The run on a given local date, if the schedule posts that day. */
function runOn(schedule: Schedule, date: string): PlannedRun | undefined {
  if (!postsOn(schedule, date)) return undefined;
  const key = `${schedule.zone}|${date}|${schedule.time}`;
  const cached = runCache.get(key);
  if (cached) return { ...cached };
  const instant = toInstant({ date, time: schedule.time }, schedule.zone);
  const { local, offset } = describeInstant(instant, schedule.zone);
  const run = { date, local, utc: `${instant.toISOString().slice(0, 19)}Z`, offset };
  if (runCache.size >= RUN_CACHE_MAX) runCache.clear();
  runCache.set(key, run);
  return { ...run };
}

/** Memo of the pure (zone, date, time) -> run mapping: channels due together share it. */
const runCache = new Map<string, PlannedRun>();
const RUN_CACHE_MAX = 50_000;

/**
 * The next `count` runs: from the start of local day `from` (that day included), or
 * strictly after the instant `after`.
 * @example planRuns({ time: "09:00", zone: "Europe/Berlin", days: [1,2,3,4,5] }, { after: new Date() }, 7)
 */
export function planRuns(
  schedule: Schedule,
  start: { from: string } | { after: Date },
  count: number,
): PlannedRun[] {
  const runs: PlannedRun[] = [];
  const first = "from" in start ? start.from : localDate(start.after, schedule.zone);
  for (let i = 0; i < SEARCH_DAYS && runs.length < count; i++) {
    const run = runOn(schedule, addDays(first, i));
    if (!run) continue;
    if ("after" in start && Date.parse(run.utc) <= start.after.getTime()) continue;
    runs.push(run);
  }
  return runs;
}

/** The next run strictly after an instant, or undefined when none within a year. */
export function nextRun(schedule: Schedule, after: Date): PlannedRun | undefined {
  return planRuns(schedule, { after }, 1)[0];
}

/** The schedule part of a subscription (or of anything that carries one). */
export function scheduleOf(subscription: Schedule): Schedule {
  return {
    time: subscription.time,
    zone: subscription.zone,
    days: subscription.days,
    skip: subscription.skip,
  };
}

/** The next run after an instant, as stored: epoch ms and local date, or nulls when none. */
export function nextRunFields(schedule: Schedule, after: Date): { at: number | null; date: string | null } {
  const run = nextRun(schedule, after);
  return run ? { at: Date.parse(run.utc), date: run.date } : { at: null, date: null };
}
