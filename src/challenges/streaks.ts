/**
 * Streaks: consecutive challenge days with at least one check-in. One streak freeze per
 * calendar week (Monday–Sunday in the challenge's zone) lets a single missed day pass
 * without breaking the streak; a frozen day keeps the streak but adds nothing to it.
 * Today (and yesterday, while it may still be logged) is pending: not yet a miss.
 */

import { isoWeekday } from "../core/time/local-time.js";
import type { ChallengeTiming, MemberActivity, MemberInfo } from "./model.js";
import { dayIndex, localClock, localDateOf } from "./window.js";

/** Streak lengths (days) celebrated in the check-in reply. */
export const STREAK_MILESTONES = [3, 7, 14, 30] as const;

/** Which challenge days a streak is judged over. */
interface StreakView {
  /** First day index (the join day, or the start). */
  from: number;
  /** Last day index (today, the last day, the day they left, or the day it was ended). */
  to: number;
  /** Day indexes not yet missed: today, and yesterday while it may still be logged (0–2 of them). */
  pending: readonly number[];
  /** The week number (Monday–Sunday, counted from the start) "this week" refers to. */
  currentWeek: number;
}

/** A member's streak at one instant. */
export interface Streak {
  /** Checked-in days in the unbroken run reaching the end of the view. */
  current: number;
  /** Longest run so far. */
  best: number;
  /** Day indexes a freeze covered (missed, but the streak held). */
  frozenDays: number[];
  /** True when this week's freeze is still unused. */
  freezeAvailable: boolean;
}

/** The day index of an instant, or +∞ for none. */
const indexAt = (timing: ChallengeTiming, at: number | null) =>
  at === null ? Number.POSITIVE_INFINITY : dayIndex(timing, localDateOf(timing, at));

/** What every member's streak at one instant shares; compute once per leaderboard, not per member. */
export interface StreakClock {
  /** Today's day index. */
  today: number;
  lateOpen: boolean;
  /** The day index it was ended on, or +∞. */
  endedIndex: number;
  /** False once it has ended: nothing is pending any more. */
  open: boolean;
  /** ISO weekday of the start date minus 1, for week arithmetic without dates. */
  weekOffset: number;
  /** Day index of a local date, remembered per date (members share a few join dates). */
  indexOf(date: string): number;
}

/** The shared streak clock of a challenge at `now`. */
export function streakClock(timing: ChallengeTiming, now: Date): StreakClock {
  const clock = localClock(now, timing.zone);
  return {
    today: dayIndex(timing, clock.today),
    lateOpen: clock.lateOpen,
    endedIndex: indexAt(timing, timing.endedAt),
    open: timing.endedAt === null || timing.endedAt > now.getTime(),
    weekOffset: isoWeekday(timing.startDate) - 1,
    indexOf: memoIndex(timing),
  };
}

/** `dayIndex` with a per-date memo. */
function memoIndex(timing: Pick<ChallengeTiming, "startDate">): (date: string) => number {
  const known = new Map<string, number>();
  return (date) => {
    let index = known.get(date);
    if (index === undefined) {
      index = dayIndex(timing, date);
      known.set(date, index);
    }
    return index;
  };
}

/** Week number of a day index: equal numbers share a Monday–Sunday week. */
const weekOf = (clock: Pick<StreakClock, "weekOffset">, index: number) =>
  Math.floor((clock.weekOffset + index) / 7);

/** The days a member's streak is judged over. */
function streakView(
  timing: ChallengeTiming,
  clock: StreakClock,
  member: Pick<MemberInfo, "joinDate" | "leftAt"> & Pick<MemberActivity, "dayCheckIns">,
): StreakView {
  const { today } = clock;
  const from = Math.max(0, clock.indexOf(member.joinDate));
  const to = Math.min(timing.days - 1, today, indexAt(timing, member.leftAt), clock.endedIndex);
  const pending: number[] = [];
  if (clock.open && member.leftAt === null) {
    if (today <= to && !(member.dayCheckIns[today] ?? 0)) pending.push(today);
    if (clock.lateOpen && today - 1 <= to && !(member.dayCheckIns[today - 1] ?? 0)) pending.push(today - 1);
  }
  return { from, to, pending, currentWeek: weekOf(clock, Math.max(0, Math.min(today, timing.days - 1))) };
}

/** Walks the view day by day: a checked-in day extends the run; a miss spends the week's freeze or breaks it. */
function streakOver(
  clock: Pick<StreakClock, "weekOffset">,
  activity: Pick<MemberActivity, "dayCheckIns">,
  view: StreakView,
): Streak {
  let run = 0;
  let best = 0;
  const frozenWeeks = new Set<number>();
  const frozenDays: number[] = [];
  for (let i = view.from; i <= view.to; i++) {
    if ((activity.dayCheckIns[i] ?? 0) > 0) {
      run += 1;
      best = Math.max(best, run);
    } else if (view.pending.includes(i)) {
      // Not missed yet: it may still be logged.
    } else if (run > 0 && !frozenWeeks.has(weekOf(clock, i))) {
      frozenWeeks.add(weekOf(clock, i));
      frozenDays.push(i);
    } else {
      run = 0;
    }
  }
  return { current: run, best, frozenDays, freezeAvailable: !frozenWeeks.has(view.currentWeek) };
}

/**
 * A member's current and best streak at `now` (pass a shared `clock` when ranking many).
 * @example memberStreak(challenge, member, new Date()).current
 */
export function memberStreak(
  timing: ChallengeTiming,
  member: Pick<MemberInfo, "joinDate" | "leftAt"> & Pick<MemberActivity, "dayCheckIns">,
  now: Date,
  clock: StreakClock = streakClock(timing, now),
): Streak {
  return streakOver(clock, member, streakView(timing, clock, member));
}

/** The streak as it stood at the end of day `throughIndex` (nothing pending): for past standings. */
export function streakThrough(
  timing: ChallengeTiming,
  member: Pick<MemberInfo, "joinDate" | "leftAt"> & Pick<MemberActivity, "dayCheckIns">,
  throughIndex: number,
): Streak {
  const weekOffset = isoWeekday(timing.startDate) - 1;
  const from = Math.max(0, dayIndex(timing, member.joinDate));
  const to = Math.min(timing.days - 1, throughIndex, indexAt(timing, member.leftAt));
  const currentWeek = weekOf({ weekOffset }, to);
  return streakOver({ weekOffset }, member, { from, to, pending: [], currentWeek });
}

/** The milestone a streak just reached going from `before` to `after` days, if any. */
export function milestoneReached(before: number, after: number): number | undefined {
  return [...STREAK_MILESTONES].reverse().find((m) => before < m && after >= m);
}

/** The next milestone above a streak, if any is left. */
export function nextMilestone(current: number): number | undefined {
  return STREAK_MILESTONES.find((m) => m > current);
}
