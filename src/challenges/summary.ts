/**
 * The numbers replies and scheduled posts show: a member's status (days left, streak,
 * check-ins), "N of M checked in today" for the reminder, and the end-of-challenge
 * summary (winners, participation rate, longest streak, total check-ins, a note).
 */
import { createHash } from "node:crypto";
import { computeLeaderboard, type Standing, type TeamStanding } from "./leaderboard.js";
import type { ChallengeTemplate, ChallengeTiming, MemberStanding } from "./model.js";
import { memberStreak, nextMilestone, streakClock } from "./streaks.js";
import {
  type ChallengePhase,
  challengePhase,
  dayIndex,
  dayNumber,
  daysLeft,
  localClock,
  localDateOf,
} from "./window.js";

/** How many individuals the summary names as winners. */
const SUMMARY_WINNERS = 3;

/** "N of M checked in today": active members who joined by today, and those with a check-in today. */
export interface TodayCount {
  date: string;
  checkedIn: number;
  members: number;
}

/** Counts for the daily reminder at `now`; nobody is named, so a reminder mentions nobody. */
export function todayCount(
  timing: ChallengeTiming,
  participants: readonly MemberStanding[],
  now: Date,
): TodayCount {
  const { today } = localClock(now, timing.zone);
  const index = dayIndex(timing, today);
  const active = participants.filter((p) => p.leftAt === null && p.joinDate <= today);
  const checkedIn = active.filter((p) => (p.dayCheckIns[index] ?? 0) > 0).length;
  return { date: today, checkedIn, members: active.length };
}

/** "3 of 12 checked in today". */
export function formatTodayCount(count: TodayCount): string {
  return `${count.checkedIn} of ${count.members} checked in today`;
}

/** What `challenge status` shows a member. */
export interface MemberStatus {
  phase: ChallengePhase;
  /** 1-based day of the challenge today (0 before it starts). */
  dayNumber: number;
  days: number;
  /** Days left, today included. */
  daysLeft: number;
  points: number;
  checkIns: number;
  streak: number;
  bestStreak: number;
  freezeAvailable: boolean;
  nextMilestone: number | undefined;
  rank: number;
  of: number;
}

/** A member's status at `now`; undefined when they are not in `participants`. */
export function memberStatus(
  timing: ChallengeTiming,
  participants: readonly MemberStanding[],
  userId: string,
  now: Date,
): MemberStatus | undefined {
  const me = participants.find((p) => p.userId === userId);
  if (!me) return undefined;
  const streak = memberStreak(timing, me, now);
  const { individuals } = computeLeaderboard(timing, participants, now);
  return {
    phase: challengePhase(timing, now),
    dayNumber: dayNumber(timing, now),
    days: timing.days,
    daysLeft: daysLeft(timing, now),
    points: me.points,
    checkIns: me.checkIns,
    streak: streak.current,
    bestStreak: streak.best,
    freezeAvailable: streak.freezeAvailable,
    nextMilestone: nextMilestone(streak.current),
    rank: individuals.find((s) => s.userId === userId)?.rank ?? individuals.length,
    of: individuals.length,
  };
}

/** Member-days with a check-in over member-days they could have checked in (join to end or leaving). */
interface Participation {
  activeDays: number;
  possibleDays: number;
  /** activeDays / possibleDays, 0…1 (0 when nobody could have checked in yet). */
  rate: number;
  /** Members with at least one check-in. */
  membersWhoCheckedIn: number;
}

/** Participation up to day `throughIndex` (inclusive). */
function participation(
  timing: ChallengeTiming,
  participants: readonly MemberStanding[],
  throughIndex: number,
): Participation {
  let activeDays = 0;
  let possibleDays = 0;
  let membersWhoCheckedIn = 0;
  for (const p of participants) {
    const from = Math.max(0, dayIndex(timing, p.joinDate));
    const left = p.leftAt === null ? timing.days - 1 : dayIndex(timing, localDateOf(timing, p.leftAt));
    const to = Math.min(throughIndex, timing.days - 1, left);
    for (let i = from; i <= to; i++) activeDays += (p.dayCheckIns[i] ?? 0) > 0 ? 1 : 0;
    possibleDays += Math.max(0, to - from + 1);
    if (p.checkIns > 0) membersWhoCheckedIn += 1;
  }
  return {
    activeDays,
    possibleDays,
    rate: possibleDays === 0 ? 0 : activeDays / possibleDays,
    membersWhoCheckedIn,
  };
}

/** The end-of-challenge summary. */
export interface ChallengeSummary {
  /** Top individuals (up to SUMMARY_WINNERS, with points). */
  winners: Standing[];
  winningTeam: TeamStanding | undefined;
  individuals: Standing[];
  teams: TeamStanding[];
  members: number;
  participation: Participation;
  /** The longest streak anyone reached, and who (labels respect hidden names). */
  longestStreak: { days: number; labels: string[] };
  totalCheckIns: number;
  totalPoints: number;
  /** An encouraging line from the template. */
  note: string;
}

/**
 * A template note, picked the same way every time for the same seed (e.g. the challenge id).
 * @example pickNote(template, challenge.id)
 */
export function pickNote(template: Pick<ChallengeTemplate, "notes">, seed: string): string {
  const index = createHash("sha256").update(seed).digest().readUInt32BE(0) % template.notes.length;
  return template.notes[index] ?? template.notes[0] ?? "";
}

/** The longest best-streak and the labels of everyone who reached it. */
function longestStreakOf(standings: readonly Standing[]): { days: number; labels: string[] } {
  const days = Math.max(0, ...standings.map((s) => s.bestStreak));
  return { days, labels: standings.filter((s) => days > 0 && s.bestStreak === days).map((s) => s.label) };
}

/**
 * The summary of a challenge at `now` (usually after its last day).
 * @example endSummary(template, challenge, await store.listMembers(challenge.id), clock.now(), challenge.id)
 */
export function endSummary(
  template: Pick<ChallengeTemplate, "notes">,
  timing: ChallengeTiming,
  participants: readonly MemberStanding[],
  now: Date,
  seed: string,
): ChallengeSummary {
  const { individuals, teams } = computeLeaderboard(timing, participants, now);
  const through = Math.min(timing.days - 1, streakClock(timing, now).today);
  return {
    winners: individuals.filter((s) => s.points > 0).slice(0, SUMMARY_WINNERS),
    winningTeam: teams.find((t) => t.points > 0),
    individuals,
    teams,
    members: participants.length,
    participation: participation(timing, participants, through),
    longestStreak: longestStreakOf(individuals),
    totalCheckIns: individuals.reduce((n, s) => n + s.checkIns, 0),
    totalPoints: individuals.reduce((n, s) => n + s.points, 0),
    note: pickNote(template, seed),
  };
}

/** Plain-text summary for the post, the console and the picture's text version. */
export function formatSummaryText(title: string, summary: ChallengeSummary): string {
  const winners = summary.winners.map((s) => `${s.rank}. ${s.label}: ${s.points} pts`).join("\n");
  const pct = Math.round(summary.participation.rate * 100);
  const lines = [
    `${title} is over. Thank you, everyone!`,
    winners ? `Winners:\n${winners}` : "No points were scored this time.",
    summary.winningTeam
      ? `Top team: ${summary.winningTeam.team} (${summary.winningTeam.average.toFixed(1)} pts per member)`
      : "",
    `Participation: ${pct}% of member-days (${summary.participation.membersWhoCheckedIn} of ${summary.members} members checked in)`,
    summary.longestStreak.days > 0
      ? `Longest streak: ${summary.longestStreak.days} day${summary.longestStreak.days === 1 ? "" : "s"} (${summary.longestStreak.labels.join(", ")})`
      : "",
    `Total check-ins: ${summary.totalCheckIns}`,
    summary.note,
  ];
  return lines.filter(Boolean).join("\n");
}
