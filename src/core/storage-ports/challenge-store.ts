/**
 * What team challenges keep: the challenges of a channel, their members (with per-member
 * totals kept beside them so a 5,000-member leaderboard is one indexed read) and the
 * check-ins, whose unique key (challenge, user, task, local date) makes a repeated or
 * concurrent check-in insert once. Part of the Storage port; the rules live in src/challenges/.
 */
import type { ChannelRef, Platform } from "./records.js";

/** One running or finished challenge in a channel. */
export interface Challenge {
  id: string;
  channel: ChannelRef;
  /** The content template (`content/challenges/templates.yaml`). */
  templateId: string;
  /** Display name, already neutralised (src/challenges/text.ts). */
  name: string;
  /** First local day, `YYYY-MM-DD` in `zone`. */
  startDate: string;
  days: number;
  /** IANA zone the challenge's days are counted in. */
  zone: string;
  /** `HH:MM` local time of the optional daily reminder; null for none. */
  reminderTime: string | null;
  createdBy: string;
  createdAt: number;
  /** Epoch ms it was ended (by an admin, or when its summary went out); null while open. */
  endedAt: number | null;
  endedBy: string | null;
}

/** What `createChallenge` needs; the store assigns the id. */
export type NewChallenge = Omit<Challenge, "id" | "endedAt" | "endedBy">;

/** A person's membership of a challenge, with totals derived from their check-ins. */
export interface ChallengeMember {
  challengeId: string;
  userId: string;
  /** Display name, already neutralised. */
  displayName: string;
  team: string | null;
  joinedAt: number;
  /** Local date of `joinedAt` in the challenge's zone: they score from this day. */
  joinDate: string;
  /** When they left (their history stays); null while a member. */
  leftAt: number | null;
  /** Shown as "anonymous member" on leaderboards. */
  hidden: boolean;
  points: number;
  checkIns: number;
  lastCheckInAt: number | null;
  /** Points per challenge day, index 0 = start date (length = days). */
  dayPoints: number[];
  /** Check-ins per challenge day, index 0 = start date (length = days). */
  dayCheckIns: number[];
}

/** The columns a leaderboard reads: who, their totals and their check-ins per day. */
export type MemberStanding = Pick<
  ChallengeMember,
  | "userId"
  | "displayName"
  | "team"
  | "joinDate"
  | "leftAt"
  | "hidden"
  | "points"
  | "checkIns"
  | "lastCheckInAt"
  | "dayCheckIns"
>;

/** Members and points of one team spelling (the store groups exact spellings; the rules merge case). */
export interface TeamTotals {
  team: string;
  members: number;
  points: number;
  lastCheckInAt: number | null;
}

/**
 * What a leaderboard reply needs, without reading every member: everyone who can be in the
 * top `limit` (all ties at the edge included), the asker with everyone on their points
 * (for an exact rank), and team totals. See `rankSlice` in src/challenges/leaderboard-slice.ts.
 */
export interface LeaderboardSlice {
  /** Members in the challenge (left ones included). */
  total: number;
  /** Candidates for the top `limit`: every member with at least the `limit`-th member's points. */
  top: MemberStanding[];
  /** The asker, if a member: members ranked above them for sure, and their peers on equal points. */
  me?: { userId: string; above: number; peers: MemberStanding[] };
  teams: TeamTotals[];
}

/** What `joinChallenge` needs. */
export type NewMember = Pick<
  ChallengeMember,
  "challengeId" | "userId" | "displayName" | "team" | "joinedAt" | "joinDate"
>;

/** What `joinChallenge` did. */
export type JoinOutcome = "joined" | "rejoined" | "already_member";

/** The unique key of a check-in. */
export interface CheckInKey {
  challengeId: string;
  userId: string;
  taskId: string;
  /** The challenge day it counts for, `YYYY-MM-DD` in the challenge's zone. */
  localDate: string;
}

/** One stored check-in. */
export interface ChallengeCheckIn extends CheckInKey {
  /** When it was logged (epoch ms); may be the next morning for a late check-in. */
  at: number;
  /** The task's points when it was logged (later template edits don't rewrite history). */
  points: number;
  /** Optional note, already neutralised. */
  note: string | null;
}

/**
 * `added` (with the member's new totals), `duplicate` (that key exists: a repeat or a
 * concurrent twin; not an error), or `not_member` (never joined, or left).
 */
type AddCheckInResult =
  | { status: "added"; member: ChallengeMember }
  | { status: "duplicate" }
  | { status: "not_member" };

/** Everything `challenge export` needs, read consistently. */
interface ChallengeExport {
  challenge: Challenge;
  members: ChallengeMember[];
  checkIns: ChallengeCheckIn[];
}

/** All challenge data about one person (`privacy export`). */
export interface UserChallengeData {
  memberships: (ChallengeMember & { challenge: Challenge })[];
  checkIns: ChallengeCheckIn[];
  /** Ids of challenges this person started or ended. */
  challengesStartedOrEnded: string[];
}

/** Row counts removed by a deletion. */
export interface DeletedCounts {
  challenges: number;
  memberships: number;
  checkIns: number;
}

/** The challenge part of the Storage port (SQLite and PostgreSQL, one contract suite). */
export interface ChallengeStore {
  /** Stores a new challenge and returns it with its id. */
  createChallenge(input: NewChallenge): Promise<Challenge>;
  getChallenge(id: string): Promise<Challenge | undefined>;
  /** Challenges of a channel not yet ended, oldest first. */
  listActiveChallenges(channel: ChannelRef): Promise<Challenge[]>;
  /** Every challenge not yet ended, in all channels (the scheduler's reminder/recap/summary scan). */
  listUnendedChallenges(): Promise<Challenge[]>;
  /** Challenges of one workspace (or guild) not yet ended, in any channel, oldest first. */
  listWorkspaceChallenges(platform: Platform, workspaceId: string): Promise<Challenge[]>;
  /** Ends a challenge once (compare-and-set on "not ended"); true when this call ended it. */
  endChallenge(id: string, at: number, by: string): Promise<boolean>;
  /** Sets or clears the daily reminder time; true when the challenge exists. */
  setReminder(id: string, time: string | null): Promise<boolean>;

  /** Joins, or rejoins after leaving (history and join date kept); never fails on a repeat. */
  joinChallenge(member: NewMember): Promise<JoinOutcome>;
  /** Marks a member as left, keeping their history; true when they were a member. */
  leaveChallenge(challengeId: string, userId: string, at: number): Promise<boolean>;
  setTeam(challengeId: string, userId: string, team: string | null): Promise<boolean>;
  setHidden(challengeId: string, userId: string, hidden: boolean): Promise<boolean>;
  getMember(challengeId: string, userId: string): Promise<ChallengeMember | undefined>;
  /** Every member (left ones too), with totals and per-day points, by user id. */
  listMembers(challengeId: string): Promise<ChallengeMember[]>;
  /** Every member (left ones too) with only what standings need, by user id: the leaderboard's one query. */
  listStandings(challengeId: string): Promise<MemberStanding[]>;
  /**
   * The leaderboard's rows without reading every member (index on points): see
   * LeaderboardSlice. Members with 0 points rank by user id, so they are never all read.
   */
  leaderboardSlice(
    challengeId: string,
    options: { limit: number; userId?: string },
  ): Promise<LeaderboardSlice>;

  /**
   * Inserts a check-in unless its key exists, and refreshes the member's totals in the
   * same transaction. Concurrent duplicates insert once; the others get `duplicate`.
   */
  addCheckIn(checkIn: ChallengeCheckIn): Promise<AddCheckInResult>;
  /** Removes one check-in (undo) and refreshes the totals; true when it existed. */
  removeCheckIn(key: CheckInKey): Promise<boolean>;
  /** Check-ins of a challenge, by local date then time, optionally for one user. */
  listCheckIns(challengeId: string, filter?: { userId?: string }): Promise<ChallengeCheckIn[]>;

  /** The challenge, its members and its check-ins for CSV export; undefined when unknown. */
  exportChallenge(challengeId: string): Promise<ChallengeExport | undefined>;
  /** Every membership and check-in of one person on a platform, in all workspaces. */
  exportUserData(platform: Platform, userId: string): Promise<UserChallengeData>;
  /**
   * Deletes one person's memberships and check-ins everywhere on a platform (their points
   * leave their team's totals) and blanks their id on challenges they started or ended.
   */
  deleteUserData(platform: Platform, userId: string): Promise<DeletedCounts>;
  /** Deletes every challenge of a workspace with its members and check-ins. */
  deleteWorkspaceData(platform: Platform, workspaceId: string): Promise<DeletedCounts>;
}
