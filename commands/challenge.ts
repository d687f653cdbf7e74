import {
  challengeOptions,
  challengeZone,
  findChallenge,
  requireChallengeManager,
} from "../src/challenges/command-support.js";
import {
  announcementReply,
  checkInButtons,
  describeChallenge,
  statusReply,
} from "../src/challenges/replies.js";
import type { JoinResult } from "../src/challenges/service.js";
import {
  describeTemplates,
  findTemplate,
  MAX_CHALLENGE_DAYS,
  MIN_CHALLENGE_DAYS,
} from "../src/challenges/start.js";
import { defineCommandGroup, defineRunnable, option } from "../src/core/commands/define-command.js";
import { usage } from "../src/core/commands/dispatch.js";
import { announce } from "../src/core/commands/guards.js";
import { defaultFormZone } from "../src/core/forms/default-zone.js";
import { type Reply, textReply } from "../src/core/reply/reply.js";
import { parseTime } from "../src/core/time/schedule.js";
import { UserFacingError } from "../src/errors.js";

const list = defineRunnable({
  description: "The challenges you can start",
  options: {},
  run(ctx): Reply {
    const templates = ctx.knowledge.content.challenges;
    return {
      title: "Team challenges",
      tone: "info",
      sections: [
        { text: describeTemplates(templates) },
        // From the definition itself, so the line never drifts from the options (it lacked [reminder]).
        { text: `An admin starts one with /${usage("challenge start", start)}.` },
      ],
      visibility: "ephemeral",
    };
  },
});

const start = defineRunnable({
  description: "Start a team challenge in this channel (admins)",
  adminOnly: true,
  options: {
    template: {
      ...option.text("Which challenge (see /challenge list)", { required: true, max: 60 }),
      autocomplete: "template",
    },
    name: option.text("A name for it (default: the template's title)", { max: 200 }),
    start: option.text("First day, YYYY-MM-DD (default: today)", { max: 20 }),
    days: option.text(
      `How many days, ${MIN_CHALLENGE_DAYS} to ${MAX_CHALLENGE_DAYS} (default: the template's)`,
      {
        max: 5,
      },
    ),
    zone: {
      ...option.text("IANA time zone its days follow, e.g. Europe/Berlin", { max: 64 }),
      autocomplete: "zone",
    },
    reminder: option.text("Daily reminder time HH:MM in that zone (default: none)", { max: 5 }),
  },
  examples: [
    "challenge start daylight-walks",
    'challenge start vitamin-d-plate "D team" 2026-12-01 14 Europe/Berlin',
  ],
  async run(ctx, args) {
    findTemplate(ctx.knowledge.content.challenges, args.template); // unknown ids list the valid ones first
    const zone = await challengeZone(ctx, args.zone);
    const reminderTime = args.reminder ? parseTime(args.reminder) : null;
    const challenge = await ctx.services.challenges.start({
      templateId: args.template,
      name: args.name,
      startDate: args.start,
      days: args.days,
      zone,
      channel: ctx.channel,
      by: ctx.user.id,
    });
    if (reminderTime) await ctx.storage.setReminder(challenge.id, reminderTime);
    const template = ctx.services.challenges.templateOf(challenge);
    await announce(ctx, announcementReply(challenge, template));
    const reminder = reminderTime
      ? `Daily reminder at ${reminderTime}.`
      : "No daily reminder (set one with /challenge reminder 09:00).";
    return textReply(
      "Challenge started",
      `${challenge.name}: ${describeChallenge(challenge)}. ${reminder}`,
      "success",
    );
  },
});

const newForm = defineRunnable({
  description: "Start a team challenge with a form (admins)",
  adminOnly: true,
  options: {
    template: {
      ...option.text("Which challenge (see /challenge list)", { max: 60 }),
      autocomplete: "template",
    },
  },
  examples: ["challenge new"],
  async run(ctx, args): Promise<Reply> {
    const template = args.template
      ? findTemplate(ctx.knowledge.content.challenges, args.template).id
      : undefined;
    const subscription = await ctx.storage.getSubscription(ctx.channel);
    const zone = subscription?.zone ?? (await defaultFormZone(ctx));
    return {
      title: "Start a challenge",
      tone: "info",
      sections: [
        {
          text: `Pick a challenge, its first day, length, time zone and reminder in the form. Or type it: /${usage("challenge start", start)}`,
        },
      ],
      buttons: [
        { label: "Start a challenge", action: "challenge new", form: "challenge-new", style: "primary" },
      ],
      form: { id: "challenge-new", values: { ...(template ? { template } : {}), zone } },
      visibility: "ephemeral",
    };
  },
});

const JOIN_TITLES: Record<JoinResult, string> = {
  joined: "You're in",
  rejoined: "You're in",
  already_member: "Already in",
  team_changed: "Team changed",
};

const join = defineRunnable({
  description: "Join the challenge in this channel, optionally in a team",
  options: {
    team: option.text("Team name (joins an existing team whatever its case)", { max: 100 }),
    ...challengeOptions,
  },
  examples: ["challenge join", "challenge join Marketing"],
  async run(ctx, args) {
    const challenge = await findChallenge(ctx, args);
    const user = { id: ctx.user.id, name: ctx.user.name ?? "member" };
    const before = (await ctx.storage.getMember(challenge.id, ctx.user.id))?.team ?? null;
    const outcome = await ctx.services.challenges.join(challenge, user, args.team);
    const member = await ctx.storage.getMember(challenge.id, ctx.user.id);
    const team = member?.team ? ` on team ${member.team}` : "";
    const text =
      outcome === "team_changed"
        ? `You're now on team ${member?.team ?? ""}${before ? ` (was ${before})` : ""} in ${challenge.name}.`
        : outcome === "already_member"
          ? `You're already in ${challenge.name}${team}.`
          : `${outcome === "rejoined" ? "Welcome back to" : "You joined"} ${challenge.name}${team}. ${describeChallenge(challenge)}.\nCheck in each day with /checkin or the button.`;
    return {
      ...textReply(JOIN_TITLES[outcome], text, "success"),
      buttons: checkInButtons(challenge, ctx.services.challenges.templateOf(challenge)),
      untrusted: true,
    };
  },
});

const leave = defineRunnable({
  description: "Leave the challenge (your check-ins stay on the record)",
  options: { ...challengeOptions },
  async run(ctx, args) {
    const challenge = await findChallenge(ctx, args);
    const left = await ctx.services.challenges.leave(challenge, ctx.user.id);
    if (!left) throw new UserFacingError(`You're not in ${challenge.name}.`, "not_member");
    return textReply(
      "You left",
      `You left ${challenge.name}. Your check-ins so far stay; join again any time.`,
    );
  },
});

const status = defineRunnable({
  description: "Days left, your streak and your check-ins",
  options: { ...challengeOptions },
  async run(ctx, args) {
    const challenge = await findChallenge(ctx, args, { includeEnded: true });
    const view = await ctx.services.challenges.status(challenge, ctx.user.id);
    if (!view) {
      throw new UserFacingError(
        `You're not in ${challenge.name} yet. Join with /challenge join.`,
        "not_member",
      );
    }
    return statusReply(challenge, view, ctx.services.drawChart);
  },
});

const end = defineRunnable({
  description: "End the challenge now and post its summary (admins)",
  options: { ...challengeOptions },
  async run(ctx, args) {
    const challenge = await findChallenge(ctx, args);
    requireChallengeManager(ctx, challenge, "end it");
    const outcome = await ctx.services.endChallenge(challenge, ctx.user.id);
    if (!outcome.ended) throw new UserFacingError(`${challenge.name} has already ended.`, "challenge_ended");
    const posted =
      outcome.summary === "failed"
        ? "I couldn't post the summary here; check that I can post in this channel."
        : "The summary is posted in the channel.";
    return textReply("Challenge ended", `${challenge.name} is over. ${posted}`, "success");
  },
});

const exportCsv = defineRunnable({
  description: "Participation and check-ins as CSV (admins)",
  options: { ...challengeOptions },
  async run(ctx, args) {
    const challenge = await findChallenge(ctx, args, { includeEnded: true });
    requireChallengeManager(ctx, challenge, "export it");
    const csv = await ctx.services.challenges.exportCsv(challenge.id);
    if (!csv) throw new UserFacingError(`${challenge.name} is gone.`, "no_challenge");
    const slug =
      challenge.name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, "") || "challenge";
    return {
      ...textReply("Challenge export", `Participation and check-ins of ${challenge.name}, as two CSV files.`),
      files: [
        {
          filename: `${slug}-participation.csv`,
          content: csv.participation,
          mimeType: "text/csv",
          title: "Participation",
        },
        { filename: `${slug}-checkins.csv`, content: csv.checkIns, mimeType: "text/csv", title: "Check-ins" },
      ],
    };
  },
});

const reminder = defineRunnable({
  description: "Set or stop the daily reminder in this channel (admins)",
  options: {
    time: option.text("HH:MM in the challenge's zone, or off", { required: true, max: 5 }),
    ...challengeOptions,
  },
  examples: ["challenge reminder 09:30", "challenge reminder off"],
  async run(ctx, args) {
    const challenge = await findChallenge(ctx, args);
    requireChallengeManager(ctx, challenge, "change its reminder");
    const time = args.time.toLowerCase() === "off" ? null : parseTime(args.time);
    await ctx.storage.setReminder(challenge.id, time);
    return textReply(
      "Reminder updated",
      time
        ? `Daily reminder for ${challenge.name} at ${time} (${challenge.zone}).`
        : `No more daily reminders for ${challenge.name}.`,
      "success",
    );
  },
});

const hide = defineRunnable({
  description: "Hide your name on leaderboards (shown as anonymous member), or show it again",
  options: {
    hidden: option.choice("on hides your name, off shows it", ["on", "off"] as const),
    ...challengeOptions,
  },
  examples: ["challenge hide", "challenge hide off"],
  async run(ctx, args) {
    const challenge = await findChallenge(ctx, args, { includeEnded: true });
    const hidden = args.hidden !== "off";
    if (!(await ctx.services.challenges.setHidden(challenge, ctx.user.id, hidden))) {
      throw new UserFacingError(`You're not in ${challenge.name}.`, "not_member");
    }
    return textReply(
      hidden ? "Name hidden" : "Name shown",
      hidden
        ? `Leaderboards of ${challenge.name} show you as "anonymous member".`
        : `Leaderboards of ${challenge.name} show your name again.`,
      "success",
    );
  },
});

/** `/challenge …`: team wellness challenges in this channel. */
export default defineCommandGroup({
  name: "challenge",
  description: "Team wellness challenges: start, join, status",
  subcommands: { list, new: newForm, start, join, leave, status, end, export: exportCsv, reminder, hide },
});
