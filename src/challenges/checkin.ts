/**
 * Whether a check-in is allowed now, and for which local day: one per user per task per
 * local day in the challenge's zone; yesterday may still be logged until 12:00 today
 * (and the result says so); nothing before the start, after the end, or before the
 * member joined. Also: which check-in `checkin undo` removes, and what a check-in changed.
 */
import type {
  ChallengeTask,
  ChallengeTemplate,
  ChallengeTiming,
  CheckInFact,
  MemberInfo,
  Participant,
} from "./model.js";
import { resolveTask } from "./scoring.js";
import { memberStreak, milestoneReached, type Streak } from "./streaks.js";
import {
  challengePhase,
  endDateOf,
  formatDay,
  isChallengeDay,
  LATE_CHECKIN_UNTIL,
  type LocalClock,
  localClock,
  localDateOf,
} from "./window.js";

/** Which day a check-in is for: today, or yesterday until noon. */
export type CheckInDay = "today" | "yesterday";

/** Why a check-in was refused; each comes with a message for the person. */
export type CheckInRefusal =
  | "not_member"
  | "left"
  | "choose_task"
  | "unknown_task"
  | "not_started"
  | "finished"
  | "ended"
  | "before_join"
  | "too_late"
  | "already_checked_in";

/** Everything `decideCheckIn` looks at. */
export interface CheckInRequest {
  template: ChallengeTemplate;
  challenge: ChallengeTiming;
  member: MemberInfo | undefined;
  /** This member's existing check-ins in the challenge. */
  existing: readonly CheckInFact[];
  /** The task as typed (id, number or id prefix); optional for one-task templates. */
  task?: string | undefined;
  day?: CheckInDay;
  now: Date;
}

/** A check-in to store (task, points, local date, lateness), or a refusal with its message. */
export type CheckInDecision =
  | {
      ok: true;
      task: ChallengeTask;
      points: number;
      localDate: string;
      /** True for yesterday's check-in logged this morning. */
      late: boolean;
      /** For a late check-in: "Logged for Mon 2 Mar (yesterday can be logged until 12:00)." */
      lateNote: string | null;
      /** Set when logging today while yesterday's same task is still open: until when. */
      yesterdayOpenUntil: string | null;
    }
  | { ok: false; reason: CheckInRefusal; message: string };

const refuse = (reason: CheckInRefusal, message: string): CheckInDecision => ({ ok: false, reason, message });

/** Refusals about membership and the challenge's own dates, before the task is looked at. */
function refuseByMembership(request: CheckInRequest): CheckInDecision | undefined {
  const { challenge, member, now } = request;
  if (!member) return refuse("not_member", "Join the challenge first (/challenge join), then check in.");
  if (member.leftAt !== null) return refuse("left", "You left this challenge. Join again to check in.");
  const phase = challengePhase(challenge, now);
  if (phase === "ended") return refuse("ended", "This challenge has ended, so check-ins are closed.");
  if (phase === "upcoming") {
    return refuse(
      "not_started",
      `The challenge starts on ${formatDay(challenge.startDate)}. Check in from then.`,
    );
  }
  return undefined;
}

/** Refusals about the chosen day: outside the challenge, before joining, or past noon. */
function refuseByDay(request: CheckInRequest, clock: LocalClock, date: string): CheckInDecision | undefined {
  const { challenge, member } = request;
  const yesterday = request.day === "yesterday";
  if (yesterday && !clock.lateOpen) {
    return refuse("too_late", `Yesterday can only be logged until ${LATE_CHECKIN_UNTIL} today.`);
  }
  if (!isChallengeDay(challenge, date)) {
    const end = formatDay(endDateOf(challenge));
    return date < challenge.startDate
      ? refuse("not_started", `The challenge started on ${formatDay(challenge.startDate)}, after that day.`)
      : refuse("finished", `The challenge ended on ${end}, so check-ins are closed.`);
  }
  if (member && date < member.joinDate) {
    return refuse(
      "before_join",
      `You joined on ${formatDay(member.joinDate)}; check-ins count from that day.`,
    );
  }
  return undefined;
}

/** True when yesterday is still open for this task (the reply can say "until 12:00"). */
function yesterdayStillOpen(request: CheckInRequest, clock: LocalClock, taskId: string): boolean {
  const { challenge, member, existing } = request;
  if (!clock.lateOpen || !member || !isChallengeDay(challenge, clock.yesterday)) return false;
  if (clock.yesterday < member.joinDate) return false;
  return !existing.some((c) => c.taskId === taskId && c.localDate === clock.yesterday);
}

/**
 * Decides a check-in at `now` without storing anything.
 * @example decideCheckIn({ template, challenge, member, existing, task: "outdoor-walk", now: new Date() })
 */
export function decideCheckIn(request: CheckInRequest): CheckInDecision {
  const early = refuseByMembership(request);
  if (early) return early;
  const choice = resolveTask(request.template, request.task);
  if (!choice.ok) return refuse(choice.reason, choice.message);
  const clock = localClock(request.now, request.challenge.zone);
  const late = request.day === "yesterday";
  const date = late ? clock.yesterday : clock.today;
  const byDay = refuseByDay(request, clock, date);
  if (byDay) return byDay;
  const { task } = choice;
  const when = late ? "yesterday" : "today";
  if (request.existing.some((c) => c.taskId === task.id && c.localDate === date)) {
    return refuse(
      "already_checked_in",
      `You already checked in for "${task.id}" ${when}. One per task per day.`,
    );
  }
  return {
    ok: true,
    task,
    points: task.points,
    localDate: date,
    late,
    lateNote: late
      ? `Logged for yesterday, ${formatDay(date)} (yesterday can be logged until ${LATE_CHECKIN_UNTIL}).`
      : null,
    yesterdayOpenUntil: !late && yesterdayStillOpen(request, clock, task.id) ? LATE_CHECKIN_UNTIL : null,
  };
}

/**
 * The check-in `checkin undo` removes: the latest one for today, or logged today (a late
 * check-in for yesterday), optionally of one task. Undefined when there is none.
 */
export function findUndoTarget<T extends CheckInFact>(
  existing: readonly T[],
  timing: Pick<ChallengeTiming, "zone">,
  now: Date,
  taskId?: string,
): T | undefined {
  const { today } = localClock(now, timing.zone);
  // Latest logged first; at the same instant, today's before a late one for yesterday.
  const later = (a: T, b: T) => a.at > b.at || (a.at === b.at && a.localDate > b.localDate);
  return existing
    .filter((c) => c.localDate === today || localDateOf(timing, c.at) === today)
    .filter((c) => taskId === undefined || c.taskId === taskId)
    .reduce<T | undefined>((latest, c) => (latest === undefined || later(c, latest) ? c : latest), undefined);
}

/** What a stored check-in changed for the member. */
export interface CheckInOutcome {
  streak: Streak;
  /** The milestone (3, 7, 14 or 30 days) this check-in reached, if any. */
  milestone: number | undefined;
}

/**
 * The member's streak after a check-in and the milestone it reached, from their activity
 * before and after (e.g. the member row before, and the one `addCheckIn` returned).
 */
export function checkInOutcome(
  timing: ChallengeTiming,
  before: Participant,
  after: Participant,
  now: Date,
): CheckInOutcome {
  const previous = memberStreak(timing, before, now);
  const streak = memberStreak(timing, after, now);
  return { streak, milestone: milestoneReached(previous.current, streak.current) };
}
