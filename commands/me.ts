import { checkInButtons } from "../src/challenges/replies.js";
import { daysLeft } from "../src/challenges/window.js";
import type { CommandContext } from "../src/core/commands/context.js";
import { defineCommand } from "../src/core/commands/define-command.js";
import { personalTipStatus } from "../src/core/personal-tip.js";
import {
  type PanelChallenge,
  type PanelData,
  type PanelPersonalTip,
  type PanelTipChannel,
  type PanelWorkspaceChallenge,
  personalPanel,
} from "../src/core/reply/personal-panel.js";
import { describeNext } from "./tips/describe.js";
import { scheduleLine } from "./tips/schedule.js";

/** A claim older than this and never finished is a lost post (as `tips status` says). */
const LOST_AFTER_MS = 10 * 60_000;

/** The person's own challenges in this workspace: where they are a member now. */
async function myChallenges(ctx: CommandContext): Promise<PanelChallenge[]> {
  const { storage, services } = ctx;
  const running = await storage.listWorkspaceChallenges(ctx.platform, ctx.channel.workspaceId);
  const mine: PanelChallenge[] = [];
  for (const challenge of running) {
    const member = await storage.getMember(challenge.id, ctx.user.id);
    if (!member || member.leftAt !== null) continue;
    const view = await services.challenges.status(challenge, ctx.user.id);
    if (!view) continue;
    const { status } = view;
    mine.push({
      name: challenge.name,
      channelId: challenge.channel.channelId,
      phase: status.phase,
      dayNumber: status.dayNumber,
      days: status.days,
      startDate: challenge.startDate,
      points: status.points,
      streak: status.streak,
      rank: status.rank,
      of: status.of,
      checkIn:
        status.phase === "running"
          ? checkInButtons(challenge, services.challenges.templateOf(challenge))
          : [],
    });
  }
  return mine;
}

/** Your own daily tip by DM (`/tips me`), in this workspace. */
async function myTip(ctx: CommandContext): Promise<PanelPersonalTip> {
  const person = { platform: ctx.platform, workspaceId: ctx.channel.workspaceId, userId: ctx.user.id };
  const status = await personalTipStatus(ctx.storage, person);
  if (!status.on) return { on: false };
  const follows = status.zoneFromProfile ? " (your profile's zone)" : "";
  return {
    on: true,
    time: status.time,
    schedule: `${status.time} ${status.zone}${follows}, ${status.daysText}`,
    next: describeNext(status),
    pausedReason: status.pausedReason,
    weekdays: status.days.join() === "1,2,3,4,5",
  };
}

/** The workspace's channels with daily tips and its running challenges, for admins. */
async function workspaceLists(ctx: CommandContext): Promise<NonNullable<PanelData["admin"]>> {
  const { storage } = ctx;
  const now = ctx.clock.now();
  const subscriptions = await storage.listWorkspaceSubscriptions(ctx.platform, ctx.channel.workspaceId);
  const tipChannels: PanelTipChannel[] = [];
  for (const sub of subscriptions) {
    const lost = await storage.staleClaims(now.getTime() - LOST_AFTER_MS, sub.channel);
    tipChannels.push({
      channelId: sub.channel.channelId,
      schedule: scheduleLine(sub),
      nextPost: describeNext(sub),
      pausedReason: sub.pausedReason,
      lostPosts: lost.map((d) => d.localDate),
    });
  }
  const challenges: PanelWorkspaceChallenge[] = [];
  for (const challenge of await storage.listWorkspaceChallenges(ctx.platform, ctx.channel.workspaceId)) {
    const members = await storage.listMembers(challenge.id);
    challenges.push({
      id: challenge.id,
      name: challenge.name,
      channelId: challenge.channel.channelId,
      participants: members.filter((m) => m.leftAt === null).length,
      daysLeft: daysLeft(challenge, now),
    });
  }
  return { tipChannels, challenges };
}

/**
 * `/me`: the personal panel, only for you; the same panel as Slack's Home tab (today's tip,
 * your challenges with Check in buttons, your data; for admins the channels with daily tips
 * and the running challenges).
 */
export default defineCommand({
  name: "me",
  description: "Your panel: today's tip, your challenges and your data (only you see it)",
  options: {},
  examples: ["me"],
  // Home re-runs it on every open and after each button pressed there: never "one moment".
  noCooldown: true,
  async run(ctx) {
    const tip = ctx.knowledge.tipForDate(ctx.clock.now().toISOString().slice(0, 10));
    const data: PanelData = {
      tip: { text: tip.text },
      personalTip: await myTip(ctx),
      challenges: await myChallenges(ctx),
      ...(ctx.isAdmin ? { admin: await workspaceLists(ctx) } : {}),
    };
    return personalPanel(data);
  },
});
