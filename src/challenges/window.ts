/**
 * A challenge's local day window: which calendar days it covers in its zone, where "now"
 * falls (today, yesterday, whether yesterday may still be logged), and day arithmetic.
 * Zone maths comes from src/scheduler/local-time.ts (Luxon), never from fixed offsets.
 */
import { DateTime } from "luxon";
import { addDays, describeInstant, isoWeekday, localDate, toInstant } from "../scheduler/local-time.js";
import type { ChallengeTiming } from "./model.js";

/** Yesterday may still be logged until this local time today (exclusive). */
export const LATE_CHECKIN_UNTIL = "12:00";

const DAY_MS = 86_400_000;

/** Where a challenge stands at an instant. */
export type ChallengePhase = "upcoming" | "running" | "finished" | "ended";

/** The local calendar at an instant, in the challenge's zone. */
export interface LocalClock {
  today: string;
  yesterday: string;
  /** `HH:MM` local time. */
  time: string;
  /** True before LATE_CHECKIN_UNTIL, when yesterday may still be logged. */
  lateOpen: boolean;
}

/** The days and instants a challenge covers. */
export interface ChallengeWindow {
  startDate: string;
  /** Last local day (inclusive). */
  endDate: string;
  days: number;
  zone: string;
  /** Local midnight starting the first day. */
  startsAt: Date;
  /** Local midnight after the last day (exclusive). */
  endsAt: Date;
}

/** Whole days from `from` to `to` (`YYYY-MM-DD`, calendar arithmetic; negative when `to` is earlier). */
function daysBetween(from: string, to: string): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);
}

/** Epoch ms of a `YYYY-MM-DD` date at 00:00 UTC, without building a string (hot in leaderboards). */
function utcMidnight(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

/** The last local day of a challenge. */
export function endDateOf(timing: Pick<ChallengeTiming, "startDate" | "days">): string {
  return addDays(timing.startDate, timing.days - 1);
}

/**
 * The challenge's days and the instants bounding them in its zone.
 * @example challengeWindow({ startDate: "2026-03-02", days: 14, zone: "Europe/Berlin", endedAt: null })
 */
export function challengeWindow(timing: ChallengeTiming): ChallengeWindow {
  const endDate = endDateOf(timing);
  return {
    startDate: timing.startDate,
    endDate,
    days: timing.days,
    zone: timing.zone,
    startsAt: toInstant({ date: timing.startDate, time: "00:00" }, timing.zone),
    endsAt: toInstant({ date: addDays(endDate, 1), time: "00:00" }, timing.zone),
  };
}

/** Today, yesterday and the local time at `now` in `zone`. */
export function localClock(now: Date, zone: string): LocalClock {
  const { date, local } = describeInstant(now, zone);
  const time = local.slice(11, 16);
  return { today: date, yesterday: addDays(date, -1), time, lateOpen: time < LATE_CHECKIN_UNTIL };
}

/** Index of a local date in the challenge (0 = start date; may be outside 0…days-1). */
export function dayIndex(timing: Pick<ChallengeTiming, "startDate">, date: string): number {
  return daysBetween(timing.startDate, date);
}

/** The local date of a challenge day index. */
export function dateOfDay(timing: Pick<ChallengeTiming, "startDate">, index: number): string {
  return addDays(timing.startDate, index);
}

/** True when a local date is one of the challenge's days. */
export function isChallengeDay(timing: Pick<ChallengeTiming, "startDate" | "days">, date: string): boolean {
  const index = dayIndex(timing, date);
  return index >= 0 && index < timing.days;
}

/** Upcoming, running, finished (past its last day) or ended (closed early or summarised). */
export function challengePhase(timing: ChallengeTiming, now: Date): ChallengePhase {
  if (timing.endedAt !== null && timing.endedAt <= now.getTime()) return "ended";
  const index = dayIndex(timing, localClock(now, timing.zone).today);
  if (index < 0) return "upcoming";
  return index < timing.days ? "running" : "finished";
}

/** Challenge days left, today included (all of them before the start, 0 after the end). */
export function daysLeft(timing: ChallengeTiming, now: Date): number {
  const phase = challengePhase(timing, now);
  if (phase === "upcoming") return timing.days;
  if (phase !== "running") return 0;
  return timing.days - dayIndex(timing, localClock(now, timing.zone).today);
}

/** The 1-based number of today's challenge day, clamped to 0…days. */
export function dayNumber(timing: ChallengeTiming, now: Date): number {
  const index = dayIndex(timing, localClock(now, timing.zone).today);
  return Math.min(timing.days, Math.max(0, index + 1));
}

/** The local date of an instant in the challenge's zone. */
export function localDateOf(timing: Pick<ChallengeTiming, "zone">, at: number): string {
  return localDate(new Date(at), timing.zone);
}

/** The Monday of the week containing a local date. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

/**
 * A date for replies: "Mon 2 Mar".
 * @example formatDay("2026-03-02") // "Mon 2 Mar"
 */
export function formatDay(date: string): string {
  return DateTime.fromISO(date, { zone: "UTC" }).setLocale("en-GB").toFormat("ccc d LLL");
}
