/**
 * Builders for the challenge rule tests: real templates from content/, and participants
 * built from check-ins the way the store builds them (the fake clock: tests/helpers/fake-clock.ts).
 */

import type {
  ChallengeTemplate,
  ChallengeTiming,
  CheckInFact,
  MemberInfo,
  Participant,
} from "../../../src/challenges/model.js";
import { buildActivity } from "../../../src/storage/member-activity.js";
import { realContent } from "../../helpers/content.js";

/** A bundled template by id (daylight-walks: outdoor-walk 3 pts, sun-smart 1 pt). */
export function template(id = "daylight-walks"): ChallengeTemplate {
  const found = realContent().challenges.find((t) => t.id === id);
  if (!found) throw new Error(`no template ${id}`);
  return found;
}

/** A 14-day challenge from Monday 2 March 2026 in Berlin unless told otherwise. */
export function timing(overrides: Partial<ChallengeTiming> = {}): ChallengeTiming {
  return { startDate: "2026-03-02", days: 14, zone: "Europe/Berlin", endedAt: null, ...overrides };
}

export function member(userId: string, overrides: Partial<MemberInfo> = {}): MemberInfo {
  return {
    userId,
    displayName: `Name ${userId}`,
    team: null,
    joinDate: "2026-03-02",
    leftAt: null,
    hidden: false,
    ...overrides,
  };
}

/** A check-in for a local date, logged at `atIso` (default: 10:00 UTC that day). */
export function fact(
  userId: string,
  taskId: string,
  localDate: string,
  atIso?: string,
  points = 3,
): CheckInFact {
  return { userId, taskId, localDate, at: Date.parse(atIso ?? `${localDate}T10:00:00Z`), points };
}

/** A participant whose activity comes from check-ins, exactly as the store computes it. */
export function participant(
  t: ChallengeTiming,
  info: MemberInfo,
  checkIns: readonly CheckInFact[],
): Participant {
  return {
    ...info,
    ...buildActivity(
      t,
      info.joinDate,
      checkIns.filter((c) => c.userId === info.userId),
    ),
  };
}

/** Check-ins of one task on each listed day offset from the start. */
export function onDays(
  t: ChallengeTiming,
  userId: string,
  offsets: readonly number[],
  points = 3,
): CheckInFact[] {
  return offsets.map((i) => {
    const date = new Date(Date.parse(`${t.startDate}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10);
    return fact(userId, "outdoor-walk", date, undefined, points);
  });
}
