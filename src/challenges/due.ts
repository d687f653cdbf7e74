/**
 * When a challenge's scheduled posts are due (ledger kinds `reminder`, `recap`, `summary`),
 * the pure part: the scheduler claims each post's ledger key (channel, kind, local date)
 * before sending, so restarts and replicas post it once.
 * - reminder: each challenge day at the challenge's reminder time, when one is set;
 * - recap: Mondays at the reminder time (09:00 without one), from the first Monday after the start;
 * - summary: the day after the last day at 12:00, once late check-ins for the last day have closed.
 */

import type { Challenge } from "../core/storage-ports/challenge-store.js";
import { addDays, isoWeekday, toInstant } from "../core/time/local-time.js";
import { challengePhase, endDateOf, isChallengeDay, LATE_CHECKIN_UNTIL, localClock } from "./window.js";

/** The local time recaps go out when a challenge has no reminder time. */
const DEFAULT_RECAP_TIME = "09:00";

/** The scheduler ledger kinds a challenge posts under. */
type ChallengePostKind = "reminder" | "recap" | "summary";

/** A post that is due: its ledger key's kind and local date, and the instant it was planned for. */
export interface DuePost {
  kind: ChallengePostKind;
  /** The ledger key's local date (for a summary: the challenge's last day, whoever ends it). */
  localDate: string;
  plannedAt: Date;
}

function at(date: string, time: string, zone: string): Date {
  return toInstant({ date, time }, zone);
}

/** Today's reminder, if one is set, today is a challenge day and its time has come. */
function reminderDue(challenge: Challenge, today: string, now: Date): DuePost | undefined {
  if (challenge.reminderTime === null || !isChallengeDay(challenge, today)) return undefined;
  const plannedAt = at(today, challenge.reminderTime, challenge.zone);
  return now >= plannedAt ? { kind: "reminder", localDate: today, plannedAt } : undefined;
}

/** Monday's recap, from the first Monday after the start until the last day. */
function recapDue(challenge: Challenge, today: string, now: Date): DuePost | undefined {
  if (isoWeekday(today) !== 1 || today <= challenge.startDate || !isChallengeDay(challenge, today))
    return undefined;
  const plannedAt = at(today, challenge.reminderTime ?? DEFAULT_RECAP_TIME, challenge.zone);
  return now >= plannedAt ? { kind: "recap", localDate: today, plannedAt } : undefined;
}

/** The summary: from noon the day after the last day (late check-ins closed). */
function summaryDue(challenge: Challenge, now: Date): DuePost | undefined {
  const lastDay = endDateOf(challenge);
  const plannedAt = at(addDays(lastDay, 1), LATE_CHECKIN_UNTIL, challenge.zone);
  return now >= plannedAt ? { kind: "summary", localDate: lastDay, plannedAt } : undefined;
}

/**
 * The posts of a not-yet-ended challenge that are due at `now` (the scheduler applies its
 * own catch-up window to `plannedAt`, claims each key, posts, and after a summary calls
 * `ChallengeStore.endChallenge`).
 * @example for (const post of duePosts(challenge, clock.now())) await claimAndPost(challenge, post)
 */
export function duePosts(challenge: Challenge, now: Date): DuePost[] {
  if (challengePhase(challenge, now) === "ended") return [];
  const { today } = localClock(now, challenge.zone);
  return [
    reminderDue(challenge, today, now),
    recapDue(challenge, today, now),
    summaryDue(challenge, now),
  ].filter((post): post is DuePost => post !== undefined);
}

/** The summary's ledger date for a challenge, also when an admin ends it early (so it posts once). */
export function summaryLedgerDate(challenge: Pick<Challenge, "startDate" | "days">): string {
  return endDateOf(challenge);
}
