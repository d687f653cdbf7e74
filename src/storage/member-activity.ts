/**
 * A member's points and check-ins per challenge day (index 0 = start date), rebuilt from
 * their check-ins: the totals the challenge store keeps beside each member.
 */

import type { Challenge, ChallengeCheckIn, ChallengeMember } from "../core/storage-ports/challenge-store.js";
import { daysBetween } from "../core/time/local-time.js";

/** A member's activity per challenge day and its totals. */
type MemberActivity = Pick<
  ChallengeMember,
  "dayPoints" | "dayCheckIns" | "lastCheckInAt" | "points" | "checkIns"
>;

/**
 * Per-day points and check-ins of one member from their check-ins. Check-ins outside the
 * challenge's days or before the join date don't score (late joiners score from joining).
 */
export function buildActivity(
  timing: Pick<Challenge, "startDate" | "days">,
  joinDate: string,
  checkIns: readonly Pick<ChallengeCheckIn, "localDate" | "at" | "points">[],
): MemberActivity {
  const dayPoints = new Array<number>(timing.days).fill(0);
  const dayCheckIns = new Array<number>(timing.days).fill(0);
  let lastCheckInAt: number | null = null;
  let points = 0;
  let count = 0;
  for (const checkIn of checkIns) {
    const index = daysBetween(timing.startDate, checkIn.localDate);
    if (index < 0 || index >= timing.days || checkIn.localDate < joinDate) continue;
    dayPoints[index] = (dayPoints[index] ?? 0) + checkIn.points;
    dayCheckIns[index] = (dayCheckIns[index] ?? 0) + 1;
    lastCheckInAt = Math.max(lastCheckInAt ?? checkIn.at, checkIn.at);
    points += checkIn.points;
    count += 1;
  }
  return { dayPoints, dayCheckIns, lastCheckInAt, points, checkIns: count };
}
