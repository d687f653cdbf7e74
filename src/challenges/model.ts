/**
 * The shapes the challenge rules work on: narrow views of the stored records
 * (src/core/storage-ports/challenge-store.ts), so the rules stay pure and tests build them by hand.
 */
import type { ChallengeTemplate } from "../core/content/schema.js";
import type {
  Challenge,
  ChallengeCheckIn,
  ChallengeMember,
  MemberStanding,
} from "../core/storage-ports/challenge-store.js";

/** Re-exported so rule modules import their shapes from one place. */
export type { ChallengeTemplate, MemberStanding };

/** When a challenge runs: first local day, length, zone, and an early end if any. */
export type ChallengeTiming = Pick<Challenge, "startDate" | "days" | "zone" | "endedAt">;

/** Who a member is, without their totals. */
export type MemberInfo = Pick<
  ChallengeMember,
  "userId" | "displayName" | "team" | "joinDate" | "leftAt" | "hidden"
>;

/** A member's activity per challenge day (index 0 = start date) and its totals. */
export type MemberActivity = Pick<
  ChallengeMember,
  "dayPoints" | "dayCheckIns" | "lastCheckInAt" | "points" | "checkIns"
>;

/** A member with all their activity (the weekly recap needs points per day; standings need only MemberStanding). */
export type Participant = MemberInfo & MemberActivity;

/** One check-in as the rules see it. */
export type CheckInFact = Pick<ChallengeCheckIn, "userId" | "taskId" | "localDate" | "at" | "points">;

/** One task of a template. */
export type ChallengeTask = ChallengeTemplate["tasks"][number];
