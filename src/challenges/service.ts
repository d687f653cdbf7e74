/**
 * The challenge use cases over the ChallengeStore and the pure rules, with an injected
 * clock: what commands (`challenge …`, `checkin`, `leaderboard`) and the scheduler
 * (reminder, recap, summary) call. Returns data; commands turn it into replies.
 */
import type { Clock } from "../core/clock.js";
import type {
  Challenge,
  ChallengeCheckIn,
  ChallengeStore,
  JoinOutcome,
} from "../core/storage-ports/challenge-store.js";
import { canonicalTeam, cleanName, cleanNote } from "../core/text/user-text.js";
import type { HeatmapInput } from "./chart-data.js";
import {
  type CheckInDay,
  type CheckInRefusal,
  checkInOutcome,
  decideCheckIn,
  findUndoTarget,
} from "./checkin.js";
import { checkInsCsv, participationCsv } from "./export-csv.js";
import { LEADERBOARD_TOP, type LeaderboardView, rankSlice } from "./leaderboard-slice.js";
import type { ChallengeTemplate } from "./model.js";
import { type WeeklyRecap, weeklyRecap } from "./recap.js";
import { findTemplate, planChallenge, type StartRequest } from "./start.js";
import type { Streak } from "./streaks.js";
import {
  type ChallengeSummary,
  endSummary,
  type MemberStatus,
  memberStatus,
  type TodayCount,
  todayCount,
} from "./summary.js";
import { localDateOf } from "./window.js";

/** What the challenge service is built from. */
export interface ChallengeServiceDeps {
  store: ChallengeStore;
  templates: readonly ChallengeTemplate[];
  clock: Clock;
}

/** A check-in as a command receives it. */
interface CheckInInput {
  challenge: Challenge;
  userId: string;
  /** Task id, number or id prefix; optional for one-task templates. */
  task?: string | undefined;
  day?: CheckInDay;
  note?: string | undefined;
}

/** A stored check-in with what it changed, or why there is none (never an error for a person's mistake). */
export type CheckInResult =
  | {
      ok: true;
      checkIn: ChallengeCheckIn;
      /** The member's points in this challenge after it. */
      totalPoints: number;
      late: boolean;
      lateNote: string | null;
      yesterdayOpenUntil: string | null;
      streak: Streak;
      milestone: number | undefined;
    }
  | { ok: false; reason: CheckInRefusal; message: string };

/** The removed check-in, or why there was none. */
type UndoResult = { ok: true; removed: ChallengeCheckIn } | { ok: false; message: string };

/** What `challenge status` shows, with the heatmap's input for the picture. */
export interface StatusView {
  status: MemberStatus;
  heatmap: HeatmapInput;
}

/** The challenge use cases commands and the scheduler call. */
export interface ChallengeService {
  /** The template a challenge was started from. */
  templateOf(challenge: Challenge): ChallengeTemplate;
  /** Validates and stores a new challenge (admins only: the command's precondition). */
  start(request: Omit<StartRequest, "templates" | "now">): Promise<Challenge>;
  /**
   * Joins (or rejoins); a team name joins an existing team whatever its case. A member who
   * names another team moves to it (`team_changed`); their points go with them.
   */
  join(challenge: Challenge, user: { id: string; name: string }, team?: string): Promise<JoinResult>;
  leave(challenge: Challenge, userId: string): Promise<boolean>;
  setHidden(challenge: Challenge, userId: string, hidden: boolean): Promise<boolean>;
  checkIn(input: CheckInInput): Promise<CheckInResult>;
  /** Removes today's latest check-in (or of one task). */
  undo(challenge: Challenge, userId: string, taskId?: string): Promise<UndoResult>;
  /** Undefined when the user is not (and never was) a member. */
  status(challenge: Challenge, userId: string): Promise<StatusView | undefined>;
  /** The top 15 with exact ranks, the asker's own rank, and the teams (reads only what it shows). */
  leaderboard(challenge: Challenge, userId?: string): Promise<LeaderboardView>;
  /** "N of M checked in today", for the daily reminder. */
  todayCount(challenge: Challenge): Promise<TodayCount>;
  recap(challenge: Challenge): Promise<WeeklyRecap>;
  summary(challenge: Challenge): Promise<ChallengeSummary>;
  /** Participation and check-ins CSV; undefined for an unknown challenge. */
  exportCsv(challengeId: string): Promise<{ participation: string; checkIns: string } | undefined>;
}

const DUPLICATE_MESSAGE = "That check-in is already in. One per task per day.";
const NOT_MEMBER_MESSAGE = "Join the challenge first (/challenge join), then check in.";

const templateOf = (deps: ChallengeServiceDeps, challenge: Challenge) =>
  findTemplate(deps.templates, challenge.templateId);

/** Decides against the member's own check-ins, stores, and reports the streak and milestone. */
async function checkIn(deps: ChallengeServiceDeps, input: CheckInInput): Promise<CheckInResult> {
  const { challenge, userId } = input;
  const now = deps.clock.now();
  const member = await deps.store.getMember(challenge.id, userId);
  const existing = member ? await deps.store.listCheckIns(challenge.id, { userId }) : [];
  const template = templateOf(deps, challenge);
  const day = input.day ?? "today";
  const decision = decideCheckIn({ template, challenge, member, existing, task: input.task, day, now });
  if (!decision.ok) return decision;
  const note = input.note ? cleanNote(input.note) || null : null;
  const { task, localDate, points, late, lateNote, yesterdayOpenUntil } = decision;
  const record = {
    challengeId: challenge.id,
    userId,
    taskId: task.id,
    localDate,
    at: now.getTime(),
    points,
    note,
  };
  const stored = await deps.store.addCheckIn(record);
  // A concurrent twin or a leave in between: a polite answer, never an error.
  if (stored.status === "duplicate")
    return { ok: false, reason: "already_checked_in", message: DUPLICATE_MESSAGE };
  if (stored.status === "not_member" || !member)
    return { ok: false, reason: "not_member", message: NOT_MEMBER_MESSAGE };
  const outcome = checkInOutcome(challenge, member, stored.member, now);
  const totalPoints = stored.member.points;
  return { ok: true, checkIn: record, totalPoints, late, lateNote, yesterdayOpenUntil, ...outcome };
}

async function undo(
  deps: ChallengeServiceDeps,
  challenge: Challenge,
  userId: string,
  taskId?: string,
): Promise<UndoResult> {
  const mine = await deps.store.listCheckIns(challenge.id, { userId });
  const target = findUndoTarget(mine, challenge, deps.clock.now(), taskId);
  if (!target || !(await deps.store.removeCheckIn(target))) {
    return { ok: false, message: "There is no check-in from today to undo." };
  }
  return { ok: true, removed: target };
}

/** What joining did: the store's outcome, or a member moved to another team. */
export type JoinResult = JoinOutcome | "team_changed";

async function join(
  deps: ChallengeServiceDeps,
  challenge: Challenge,
  user: { id: string; name: string },
  team?: string,
): Promise<JoinResult> {
  const { store } = deps;
  const members = team ? await store.listMembers(challenge.id) : [];
  const teams = [...new Set(members.flatMap((m) => (m.team ? [m.team] : [])))];
  const teamName = team ? canonicalTeam(team, teams) : null;
  const joinedAt = deps.clock.now().getTime();
  const displayName = cleanName(user.name) || "member";
  const joinDate = localDateOf(challenge, joinedAt);
  const outcome = await store.joinChallenge({
    challengeId: challenge.id,
    userId: user.id,
    displayName,
    team: teamName,
    joinedAt,
    joinDate,
  });
  const before = members.find((m) => m.userId === user.id)?.team ?? null;
  if (outcome !== "already_member" || !teamName || teamName === before) return outcome;
  await store.setTeam(challenge.id, user.id, teamName);
  return "team_changed";
}

async function status(
  deps: ChallengeServiceDeps,
  challenge: Challenge,
  userId: string,
): Promise<StatusView | undefined> {
  const now = deps.clock.now();
  const shown = memberStatus(challenge, await deps.store.listStandings(challenge.id), userId, now);
  const me = shown && (await deps.store.getMember(challenge.id, userId));
  if (!shown || !me) return undefined;
  const tasksPerDay = templateOf(deps, challenge).tasks.length;
  const heatmap = {
    title: `Your check-ins: ${challenge.name}`,
    timing: challenge,
    member: me,
    tasksPerDay,
    now,
  };
  return { status: shown, heatmap };
}

async function exportCsv(deps: ChallengeServiceDeps, challengeId: string) {
  const exported = await deps.store.exportChallenge(challengeId);
  if (!exported) return undefined;
  const { challenge, members, checkIns } = exported;
  const now = deps.clock.now();
  return {
    participation: participationCsv(challenge, members, now),
    checkIns: checkInsCsv(challenge, templateOf(deps, challenge), members, checkIns, now),
  };
}

/**
 * The challenge use cases.
 * @example const challenges = createChallengeService({ store, templates: content.challenges, clock: systemClock })
 */
export function createChallengeService(deps: ChallengeServiceDeps): ChallengeService {
  const { store, templates, clock } = deps;
  const standings = (challenge: Challenge) => store.listStandings(challenge.id);
  return {
    templateOf: (challenge) => templateOf(deps, challenge),
    start: async (request) =>
      store.createChallenge(planChallenge({ ...request, templates, now: clock.now() })),
    join: (challenge, user, team) => join(deps, challenge, user, team),
    leave: (challenge, userId) => store.leaveChallenge(challenge.id, userId, clock.now().getTime()),
    setHidden: (challenge, userId, hidden) => store.setHidden(challenge.id, userId, hidden),
    checkIn: (input) => checkIn(deps, input),
    undo: (challenge, userId, taskId) => undo(deps, challenge, userId, taskId),
    status: (challenge, userId) => status(deps, challenge, userId),
    leaderboard: async (challenge, userId) => {
      const slice = await store.leaderboardSlice(challenge.id, {
        limit: LEADERBOARD_TOP,
        ...(userId ? { userId } : {}),
      });
      return rankSlice(challenge, slice, clock.now());
    },
    todayCount: async (challenge) => todayCount(challenge, await standings(challenge), clock.now()),
    recap: async (challenge) => weeklyRecap(challenge, await store.listMembers(challenge.id), clock.now()),
    summary: async (challenge) =>
      endSummary(
        templateOf(deps, challenge),
        challenge,
        await standings(challenge),
        clock.now(),
        challenge.id,
      ),
    exportCsv: (challengeId) => exportCsv(deps, challengeId),
  };
}
