/**
 * The personal panel (pure): what one person sees on Slack's Home tab, with `/vitabot me`
 * on Slack and `/me` on Discord and in the console. Today's tip with an Ask button, their
 * challenges with Check in buttons, their data, and for admins the workspace's channels
 * with daily tips and its running challenges. Every button is a command line the
 * dispatcher already runs (checkin, privacy, tips, challenge), pinned to its channel or
 * challenge, so the panel adds no second way to do anything.
 */
import type { Reply, ReplyButton, ReplySection } from "./reply.js";

/** One of the person's own challenges, as the panel shows it. */
export interface PanelChallenge {
  name: string;
  channelId: string;
  phase: "upcoming" | "running" | "finished" | "ended";
  /** 1-based day today (0 before it starts). */
  dayNumber: number;
  days: number;
  /** The local date it starts, shown while it is upcoming. */
  startDate: string;
  points: number;
  streak: number;
  rank: number;
  of: number;
  /** The check-in command's own buttons for today's tasks (empty when it is not running). */
  checkIn: ReplyButton[];
}

/** A channel with daily tips (admins). */
export interface PanelTipChannel {
  channelId: string;
  /** "09:00 Europe/Berlin, weekdays" */
  schedule: string;
  /** "Mon 30 Nov, 09:00 (Europe/Berlin, UTC+01:00)" or why there is none. */
  nextPost: string;
  /** Why it is paused: by whom, or the failure that stopped it; null while it runs. */
  pausedReason: string | null;
  /** Local dates claimed but never sent (not resent). */
  lostPosts: string[];
}

/** A running challenge of the workspace (admins). */
export interface PanelWorkspaceChallenge {
  id: string;
  name: string;
  channelId: string;
  participants: number;
  daysLeft: number;
}

/** The person's own daily tip by DM (`/tips me`), as the panel shows it. */
export type PanelPersonalTip =
  | { on: false }
  | {
      on: true;
      /** `HH:MM` local to the zone. */
      time: string;
      /** "08:00 Europe/Berlin (your profile's zone), weekdays" */
      schedule: string;
      /** "Mon 30 Nov, 08:00 (Europe/Berlin, UTC+01:00)" or why there is none. */
      next: string;
      /** Why it stopped (the DM was refused, the account is gone); null while it runs. */
      pausedReason: string | null;
      /** Monday to Friday only. */
      weekdays: boolean;
    };

export interface PanelData {
  /** Today's tip for everyone. */
  tip: { text: string };
  /** Your own daily tip by DM; absent where it cannot be sent (no DMs). */
  personalTip?: PanelPersonalTip;
  challenges: PanelChallenge[];
  /** Present for admins only (the same check the admin commands use). */
  admin?: { tipChannels: PanelTipChannel[]; challenges: PanelWorkspaceChallenge[] };
}

/** Section headings, also what tests and renderers look for. */
export const PANEL_HEADINGS = {
  tip: "Today's tip",
  personalTip: "Your daily tip",
  challenges: "Your challenges",
  data: "Your data",
  tipChannels: "Channels with daily tips",
  workspaceChallenges: "Running challenges",
} as const;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const where = (channelId: string) => `#${channelId}`;

function challengeLine(c: PanelChallenge): string {
  const standing = `${plural(c.points, "point")} · streak ${plural(c.streak, "day")} · rank ${c.rank} of ${c.of}`;
  if (c.phase === "upcoming") return `Starts ${c.startDate} in ${where(c.channelId)}. ${standing}`;
  if (c.phase !== "running") return `Finished in ${where(c.channelId)}. ${standing}`;
  return `Day ${c.dayNumber} of ${c.days} in ${where(c.channelId)} · ${standing}`;
}

function challengeSections(challenges: readonly PanelChallenge[]): ReplySection[] {
  if (challenges.length === 0)
    return [
      {
        heading: PANEL_HEADINGS.challenges,
        text: "You're in no challenge right now. Join one in its channel with /challenge join.",
      },
    ];
  return [
    { heading: PANEL_HEADINGS.challenges, text: plural(challenges.length, "challenge") },
    ...challenges.map((c) => ({
      heading: c.name,
      text: challengeLine(c),
      ...(c.checkIn.length > 0 ? { buttons: c.checkIn } : {}),
    })),
  ];
}

/** The time a new personal tip starts at from a button (changed later with `/tips me HH:MM`). */
const FIRST_TIP_TIME = "08:00";

function personalTipSection(tip: PanelPersonalTip): ReplySection {
  if (!tip.on)
    return {
      heading: PANEL_HEADINGS.personalTip,
      text: `Off. Get a tip by direct message each day at your local time (/tips me HH:MM [zone] [days]).`,
      buttons: [
        { label: `Send me one at ${FIRST_TIP_TIME}`, action: `tips me ${FIRST_TIP_TIME}`, style: "primary" },
      ],
    };
  const lines = [`On: ${tip.schedule}`, `Next tip: ${tip.next}`];
  if (tip.pausedReason) lines.push(`Stopped: ${tip.pausedReason}`);
  lines.push("Change the time with /tips me HH:MM.");
  const days: ReplyButton = tip.weekdays
    ? { label: "Every day", action: `tips me ${tip.time} every-day` }
    : { label: "Weekdays only", action: `tips me ${tip.time} weekdays` };
  const onOff: ReplyButton = tip.pausedReason
    ? { label: "Turn back on", action: `tips me ${tip.time}`, style: "primary" }
    : { label: "Turn off", action: "tips me off", style: "danger" };
  return { heading: PANEL_HEADINGS.personalTip, text: lines.join("\n"), buttons: [onOff, days] };
}

function tipChannelSection(t: PanelTipChannel): ReplySection {
  const pin = `ch:${t.channelId}`;
  const lines = [`${t.schedule}`, `Next post: ${t.nextPost}`];
  if (t.pausedReason) lines.push(`Paused: ${t.pausedReason}`);
  if (t.lostPosts.length > 0)
    lines.push(`Lost posts: ${t.lostPosts.join(", ")} (claimed but never sent, not resent)`);
  const toggle: ReplyButton = t.pausedReason
    ? { label: "Resume", action: `tips resume ${pin}`, style: "primary" }
    : { label: "Pause", action: `tips pause ${pin}` };
  return {
    heading: where(t.channelId),
    text: lines.join("\n"),
    buttons: [toggle, { label: "Post now", action: `tips post-now ${pin}` }],
  };
}

function adminSections(admin: NonNullable<PanelData["admin"]>): ReplySection[] {
  const tips: ReplySection[] =
    admin.tipChannels.length === 0
      ? [{ heading: PANEL_HEADINGS.tipChannels, text: "No channel has daily tips yet (/tips subscribe)." }]
      : [
          { heading: PANEL_HEADINGS.tipChannels, text: plural(admin.tipChannels.length, "channel") },
          ...admin.tipChannels.map(tipChannelSection),
        ];
  const running: ReplySection[] =
    admin.challenges.length === 0
      ? [{ heading: PANEL_HEADINGS.workspaceChallenges, text: "No challenge is running (/challenge start)." }]
      : [
          {
            heading: PANEL_HEADINGS.workspaceChallenges,
            text: plural(admin.challenges.length, "challenge"),
          },
          ...admin.challenges.map((c) => ({
            heading: c.name,
            text: `${where(c.channelId)} · ${plural(c.participants, "participant")} · ${plural(c.daysLeft, "day")} left`,
            buttons: [
              { label: "End", action: `challenge end cid:${c.id}`, style: "danger" as const },
              { label: "Export", action: `challenge export cid:${c.id}` },
            ],
          })),
        ];
  return [...tips, ...running];
}

/**
 * The panel as a reply, only for the person it is about.
 * @example personalPanel({ tip: { text: "Walk at lunch" }, challenges: [] }).sections[0]?.heading // "Today's tip"
 */
export function personalPanel(data: PanelData): Reply {
  return {
    title: "Your vitabot",
    tone: "info",
    sections: [
      {
        heading: PANEL_HEADINGS.tip,
        text: data.tip.text,
        buttons: [{ label: "Ask a question", action: "ask", form: "ask", style: "primary" }],
      },
      ...(data.personalTip ? [personalTipSection(data.personalTip)] : []),
      ...challengeSections(data.challenges),
      {
        heading: PANEL_HEADINGS.data,
        text: "Everything vitabot keeps about you: download it, or delete it (you confirm first).",
        buttons: [
          { label: "Export my data", action: "privacy export" },
          { label: "Delete my data", action: "privacy forget", style: "danger" },
        ],
      },
      ...(data.admin ? adminSections(data.admin) : []),
    ],
    visibility: "ephemeral",
    untrusted: true,
  };
}
