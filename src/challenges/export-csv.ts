/**
 * `challenge export`: participation and check-ins as CSV (RFC 4180, CRLF). Hidden members
 * stay hidden here too ("anonymous member 1", …, numbered by rank, no user id), and cells
 * that a spreadsheet would run as a formula are prefixed with an apostrophe.
 */
import type { ChallengeCheckIn, ChallengeMember } from "../core/storage-ports/challenge-store.js";
import { ANONYMOUS_LABEL, rankIndividuals } from "./leaderboard.js";
import type { ChallengeTemplate, ChallengeTiming } from "./model.js";

type Cell = string | number | null;

/** Leading characters that make Excel, LibreOffice or Sheets evaluate a cell ("CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: quoted when needed, formulas defused. */
function csvCell(value: Cell): string {
  if (value === null) return "";
  const text = typeof value === "number" ? String(value) : value;
  const safe = typeof value === "string" && FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Rows to CSV text with CRLF line ends. */
function toCsv(rows: readonly (readonly Cell[])[]): string {
  return `${rows.map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

/** How each member appears in exports: their id and name, or a numbered anonymous label. */
function exportIdentities(timing: ChallengeTiming, members: readonly ChallengeMember[], now: Date) {
  const ids = new Map<string, { key: string; name: string }>();
  let anonymous = 0;
  for (const s of rankIndividuals(timing, members, now)) {
    if (s.hidden) {
      anonymous += 1;
      ids.set(s.userId, { key: "", name: `${ANONYMOUS_LABEL} ${anonymous}` });
    } else {
      ids.set(s.userId, { key: s.userId, name: s.label });
    }
  }
  return ids;
}

const isoOrNull = (at: number | null) => (at === null ? null : new Date(at).toISOString());

/**
 * One row per member, in leaderboard order: rank, member, team, dates, points, streaks.
 * @example const csv = participationCsv(challenge, exported.members, clock.now())
 */
export function participationCsv(
  timing: ChallengeTiming,
  members: readonly ChallengeMember[],
  now: Date,
): string {
  const ids = exportIdentities(timing, members, now);
  const byId = new Map(members.map((m) => [m.userId, m]));
  const header = [
    "rank",
    "user_id",
    "member",
    "team",
    "joined",
    "left_at",
    "points",
    "check_ins",
    "days_active",
    "current_streak",
    "best_streak",
  ];
  const rows = rankIndividuals(timing, members, now).map((s) => {
    const m = byId.get(s.userId);
    const who = ids.get(s.userId);
    const daysActive = m ? m.dayCheckIns.filter((n) => n > 0).length : 0;
    return [
      s.rank,
      who?.key ?? "",
      who?.name ?? "",
      s.team,
      m?.joinDate ?? null,
      isoOrNull(m?.leftAt ?? null),
      s.points,
      s.checkIns,
      daysActive,
      s.streak,
      s.bestStreak,
    ];
  });
  return toCsv([header, ...rows]);
}

/** One row per check-in, by date: date, member, team, task, points, when logged (UTC), note. */
export function checkInsCsv(
  timing: ChallengeTiming,
  template: Pick<ChallengeTemplate, "tasks">,
  members: readonly ChallengeMember[],
  checkIns: readonly ChallengeCheckIn[],
  now: Date,
): string {
  const ids = exportIdentities(timing, members, now);
  const teams = new Map(members.map((m) => [m.userId, m.team]));
  const taskText = new Map(template.tasks.map((t) => [t.id, t.text]));
  const header = [
    "local_date",
    "user_id",
    "member",
    "team",
    "task",
    "task_text",
    "points",
    "logged_at_utc",
    "note",
  ];
  const rows = checkIns.map((c) => {
    const who = ids.get(c.userId) ?? { key: "", name: "(no longer a member)" };
    return [
      c.localDate,
      who.key,
      who.name,
      teams.get(c.userId) ?? null,
      c.taskId,
      taskText.get(c.taskId) ?? null,
      c.points,
      isoOrNull(c.at),
      c.note,
    ];
  });
  return toCsv([header, ...rows]);
}
