/**
 * Challenge data → Reply: what `challenge …`, `checkin`, `leaderboard` and the scheduled
 * reminder, recap and summary posts show. Pure except for the charts, which `draw` renders
 * as PNGs (the app's chart pool, src/challenges/chart-pool.ts) and which carry their own
 * text version: when the pool is too busy to draw one, the reply goes without the picture.
 */
import type { Reply, ReplyButton, ReplyImage } from "../core/reply/reply.js";
import type { Challenge } from "../core/storage-ports/challenge-store.js";
import {
  heatmapCells,
  heatmapText,
  individualBars,
  MAX_BARS,
  type StandingsChartInput,
  teamBars,
} from "./chart-data.js";
import { ChartsBusyError } from "./chart-pool.js";
import { type ChartImage, type DrawChart, renderHeatmapChart, renderStandingsChart } from "./charts.js";
import type { LeaderboardView } from "./leaderboard-slice.js";
import type { ChallengeTemplate } from "./model.js";
import { formatRecapText, type WeeklyRecap } from "./recap.js";
import { describeTasks } from "./scoring.js";
import type { CheckInResult, StatusView } from "./service.js";
import { STREAK_MILESTONES } from "./streaks.js";
import {
  type ChallengeSummary,
  formatSummaryText,
  formatTodayCount,
  pickNote,
  type TodayCount,
} from "./summary.js";
import { endDateOf, formatDay } from "./window.js";

/** Buttons a row can hold on every platform (Discord: 5). */
const MAX_TASK_BUTTONS = 4;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** A chart as a reply picture. */
function toReplyImage(chart: ChartImage, filename: string): ReplyImage {
  return {
    filename,
    png: chart.png,
    width: chart.width,
    height: chart.height,
    alt: chart.alt,
    text: chart.text,
  };
}

/** The chart, or nothing when the chart pool is too busy (the reply's text has the same data). */
async function unlessBusy(rendering: Promise<ChartImage>): Promise<ChartImage | undefined> {
  try {
    return await rendering;
  } catch (error) {
    if (error instanceof ChartsBusyError) return undefined;
    throw error;
  }
}

/** "Spring walks: 14 days from Mon 30 Nov to Sun 13 Dec (Europe/Berlin)" */
export function describeChallenge(challenge: Challenge): string {
  const end = endDateOf(challenge);
  return `${plural(challenge.days, "day")} from ${formatDay(challenge.startDate)} to ${formatDay(end)} (${challenge.zone})`;
}

/** The hidden `cid:` option that pins a button to one challenge. */
const pin = (challenge: Challenge) => `cid:${challenge.id}`;

/** One Check in button per task (the first few), each pinned to this challenge. */
export function checkInButtons(challenge: Challenge, template: ChallengeTemplate): ReplyButton[] {
  const tasks = template.tasks.slice(0, MAX_TASK_BUTTONS);
  if (tasks.length === 1)
    return [{ label: "Check in", action: `checkin ${pin(challenge)}`, style: "primary" }];
  return tasks.map((task, i) => ({
    label: `Check in: ${task.id}`.slice(0, 75),
    action: `checkin ${task.id} ${pin(challenge)}`,
    ...(i === 0 ? { style: "primary" as const } : {}),
  }));
}

/** The channel announcement of a new challenge, with a Join button. */
export function announcementReply(challenge: Challenge, template: ChallengeTemplate): Reply {
  return {
    title: `New challenge: ${challenge.name}`,
    tone: "success",
    sections: [
      { text: `${template.description}\n${describeChallenge(challenge)}.` },
      { heading: "Tasks (one check-in per task per day)", text: describeTasks(template) },
      { text: "Join with the button or /challenge join [team]. Check in each day with /checkin." },
    ],
    buttons: [{ label: "Join", action: `challenge join ${pin(challenge)}`, style: "primary" }],
    visibility: "channel",
  };
}

/** The private reply to a check-in: points, streak, milestone, and any late-day note. */
export function checkInReply(
  challenge: Challenge,
  template: ChallengeTemplate,
  result: Extract<CheckInResult, { ok: true }>,
): Reply {
  const task = template.tasks.find((t) => t.id === result.checkIn.taskId);
  const lines = [
    `+${plural(result.checkIn.points, "point")} for "${task?.text ?? result.checkIn.taskId}". You have ${plural(result.totalPoints, "point")} in ${challenge.name}.`,
    `Streak: ${plural(result.streak.current, "day")} (best ${result.streak.best}).${
      result.streak.freezeAvailable ? "" : " This week's streak freeze is used."
    }`,
  ];
  if (result.lateNote) lines.push(result.lateNote);
  if (result.yesterdayOpenUntil)
    lines.push(`Yesterday's check-in is still open until ${result.yesterdayOpenUntil}.`);
  const sections = [{ text: lines.join("\n") }];
  if (result.milestone !== undefined) {
    sections.unshift({ text: `🎉 ${result.milestone}-day streak! Keep it going.` });
  }
  return {
    title: result.milestone !== undefined ? `Milestone: ${result.milestone} days in a row` : "Checked in",
    tone: "success",
    sections,
    ...(result.checkIn.note
      ? { fields: [{ label: "Note", value: result.checkIn.note }], untrusted: true }
      : {}),
    visibility: "ephemeral",
  };
}

/** `challenge status`: days left, my streak, my check-ins, with a heatmap of my days. */
export async function statusReply(challenge: Challenge, view: StatusView, draw: DrawChart): Promise<Reply> {
  const { status, heatmap } = view;
  const next = status.nextMilestone ?? STREAK_MILESTONES.find((m) => m > status.streak);
  const chart = await unlessBusy(renderHeatmapChart(heatmap, draw));
  const phase =
    status.phase === "upcoming"
      ? `Starts ${formatDay(challenge.startDate)}`
      : status.phase === "running"
        ? `Day ${status.dayNumber} of ${status.days}, ${plural(status.daysLeft, "day")} left`
        : "Finished";
  return {
    title: `Your challenge: ${challenge.name}`,
    tone: "info",
    sections: [
      { text: `${phase}. ${describeChallenge(challenge)}.` },
      ...(chart ? [] : [{ text: heatmapText(heatmap.title, heatmapCells(heatmap), heatmap.tasksPerDay) }]),
    ],
    fields: [
      { label: "Points", value: String(status.points) },
      { label: "Check-ins", value: String(status.checkIns) },
      { label: "Streak", value: `${plural(status.streak, "day")} (best ${status.bestStreak})` },
      { label: "Streak freeze this week", value: status.freezeAvailable ? "available" : "used" },
      { label: "Rank", value: `${status.rank} of ${status.of}` },
      ...(next !== undefined ? [{ label: "Next milestone", value: plural(next, "day") }] : []),
    ],
    ...(chart ? { image: toReplyImage(chart, "my-checkins.png") } : {}),
    buttons: [{ label: "Leaderboard", action: `leaderboard ${pin(challenge)}` }],
    visibility: "ephemeral",
  };
}

/** The leaderboard chart input: teams when there are teams, else individuals. */
function leaderboardChart(challenge: Challenge, view: LeaderboardView): StandingsChartInput {
  return individualBars(`${challenge.name}: points`, view.individuals, view.total);
}

/** `leaderboard`: top members (and my own rank), teams by average points per member, with a bar chart. */
export async function leaderboardReply(
  challenge: Challenge,
  view: LeaderboardView,
  draw: DrawChart,
): Promise<Reply> {
  const chart = await unlessBusy(renderStandingsChart(leaderboardChart(challenge, view), draw));
  const rows = view.individuals.map((s) => [
    String(s.rank),
    s.label,
    String(s.points),
    String(s.streak),
    s.team ?? "",
  ]);
  const sections = [];
  if (view.me && !view.individuals.some((s) => s.userId === view.me?.userId)) {
    sections.push({
      text: `You are #${view.me.rank} of ${view.total} with ${plural(view.me.points, "point")}.`,
    });
  }
  if (view.teams.length > 0) {
    sections.push({
      heading: "Teams (average points per member)",
      text: view.teams
        .slice(0, MAX_BARS)
        .map((t) => `${t.rank}. ${t.team}: ${t.average.toFixed(1)} (${plural(t.members, "member")})`)
        .join("\n"),
    });
  }
  if (view.total === 0) sections.push({ text: "Nobody has joined yet. Be the first: /challenge join." });
  return {
    title: `Leaderboard: ${challenge.name}`,
    tone: "info",
    sections,
    ...(rows.length > 0 ? { table: { columns: ["#", "Member", "Points", "Streak", "Team"], rows } } : {}),
    ...(chart ? { image: toReplyImage(chart, "leaderboard.png") } : {}),
    buttons: [
      { label: "Share to channel", action: `leaderboard ${pin(challenge)}`, share: true },
      { label: "My status", action: `challenge status ${pin(challenge)}` },
    ],
    visibility: "ephemeral",
    untrusted: true,
  };
}

/** The daily reminder in the channel: "N of M checked in today", a note, and Check in buttons. Mentions nobody. */
export function reminderReply(
  challenge: Challenge,
  template: ChallengeTemplate,
  count: TodayCount,
  dayNumber: number,
): Reply {
  return {
    title: `Day ${dayNumber} of ${challenge.days}: ${challenge.name}`,
    tone: "info",
    sections: [
      { text: `${formatTodayCount(count)}. ${pickNote(template, `${challenge.id}:${count.date}`)}` },
      { text: describeTasks(template) },
    ],
    buttons: checkInButtons(challenge, template),
    visibility: "channel",
  };
}

/** Monday's recap: standings and change on last week. */
export function recapReply(challenge: Challenge, recap: WeeklyRecap): Reply {
  return {
    title: `Weekly recap: ${challenge.name}`,
    tone: "info",
    sections: [{ text: formatRecapText(challenge.name, recap) }],
    buttons: [{ label: "Leaderboard", action: `leaderboard ${pin(challenge)}` }],
    visibility: "channel",
    untrusted: true,
  };
}

/** The end-of-challenge summary: winners, participation, longest streak, check-ins, a note; with a chart. */
export async function summaryReply(
  challenge: Challenge,
  summary: ChallengeSummary,
  draw: DrawChart,
): Promise<Reply> {
  const input =
    summary.teams.length > 1
      ? teamBars(`${challenge.name}: teams`, summary.teams)
      : individualBars(`${challenge.name}: final points`, summary.individuals);
  const chart = await unlessBusy(renderStandingsChart(input, draw));
  return {
    title: `Challenge complete: ${challenge.name}`,
    tone: "success",
    sections: [{ text: formatSummaryText(challenge.name, summary) }],
    ...(chart ? { image: toReplyImage(chart, "final-standings.png") } : {}),
    visibility: "channel",
    untrusted: true,
  };
}
