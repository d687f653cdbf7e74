/**
 * The `tips` subcommands that manage a channel's schedule: subscribe, unsubscribe,
 * status, preview, pause, resume, skip, post-now, plan. Admins (or whoever created the
 * subscription) change it; anyone may read it.
 */
import type { CommandContext } from "../../src/core/commands/context.js";
import { defineRunnable, option } from "../../src/core/commands/define-command.js";
import { announce, requireManager, requireSubscription } from "../../src/core/commands/guards.js";
import { NUTRIENT_IDS, TIP_THEMES } from "../../src/core/content/content-ids.js";
import { type Reply, textReply } from "../../src/core/reply/reply.js";
import type { Subscription } from "../../src/core/storage-ports/tips-store.js";
import { localDate } from "../../src/core/time/local-time.js";
import {
  DateSchema,
  DEFAULT_TIME,
  describeDays,
  nextRunFields,
  parseDays,
  parseTime,
  parseZone,
  planRuns,
  type Schedule,
  scheduleOf,
} from "../../src/core/time/schedule.js";
import { UserFacingError } from "../../src/errors.js";
import { describeNext } from "./describe.js";
import { buildSubscription } from "./subscription.js";

/** A channel's optional focus: one nutrient, or one tip theme. */
const THEMES: readonly string[] = [...NUTRIENT_IDS, ...TIP_THEMES];

function zoneFor(ctx: CommandContext, zone: string | undefined, previous?: Subscription): string {
  if (zone) return parseZone(zone);
  if (previous) return previous.zone;
  if (ctx.userTimeZone) return parseZone(ctx.userTimeZone);
  throw new UserFacingError(
    "Which time zone? Add one, for example zone:Europe/Berlin or zone:America/New_York.",
    "zone_required",
  );
}

/** The channel a button pinned (`ch:<id>`, from the personal panel), always in the person's own workspace. */
const channelPin = {
  ch: option.text("Channel id (set by buttons)", { max: 64, hidden: true, pin: true }),
};

/** The context as if the command ran in the pinned channel of the same workspace. */
function inChannel(ctx: CommandContext, ch: string | undefined): CommandContext {
  return ch ? { ...ctx, channel: { ...ctx.channel, channelId: ch } } : ctx;
}

export function scheduleLine(sub: Subscription): string {
  const focus = sub.theme ? `, focus: ${sub.theme}` : "";
  return `${sub.time} ${sub.zone}, ${describeDays(sub.days)}${focus}`;
}

/** True when a running subscription already has this schedule and focus (nothing would change). */
function sameSettings(previous: Subscription | undefined, schedule: Schedule, theme: string | null): boolean {
  return (
    previous !== undefined &&
    previous.pausedReason === null &&
    previous.time === schedule.time &&
    previous.zone === schedule.zone &&
    previous.theme === theme &&
    previous.days.join(",") === schedule.days.join(",")
  );
}

const subscribe = defineRunnable({
  description: "Post a daily tip in this channel (admins)",
  options: {
    time: option.text("Local time, HH:MM (default 09:00)", { max: 5 }),
    zone: { ...option.text("IANA time zone, e.g. Europe/Berlin", { max: 64 }), autocomplete: "zone" },
    days: option.text("every-day, weekdays, or e.g. mon,wed,fri", { max: 40 }),
    theme: option.text(`Only tips about one topic: ${THEMES.slice(0, 6).join(", ")}, …`, { max: 20 }),
  },
  examples: [
    "tips subscribe 09:00 Europe/Berlin weekdays",
    "tips subscribe time:08:30 zone:America/New_York",
  ],
  async run(ctx, { time, zone, days, theme }): Promise<Reply> {
    const previous = await ctx.storage.getSubscription(ctx.channel);
    requireManager(ctx, previous, "change the daily tips");
    if (theme && !THEMES.includes(theme))
      throw new UserFacingError(`Focus must be one of: ${THEMES.join(", ")}.`, "bad_theme");
    const schedule: Schedule = {
      time: parseTime(time ?? previous?.time ?? DEFAULT_TIME),
      zone: zoneFor(ctx, zone, previous),
      days: parseDays(days),
      skip: previous?.skip ?? [],
    };
    if (previous && sameSettings(previous, schedule, theme ?? null))
      return textReply(
        "Daily tips unchanged",
        `This channel is already subscribed with these settings: ${scheduleLine(previous)}.\nNext post: ${describeNext(previous)}.`,
      );
    const sub = buildSubscription({
      channel: ctx.channel,
      schedule,
      theme: theme ?? null,
      createdBy: ctx.user.id,
      now: ctx.clock.now(),
      ...(previous ? { previous } : {}),
    });
    const announcement = textReply(
      "Daily muscle-health tips are on",
      `vitabot will post a short tip here at ${scheduleLine(sub)}.`,
      "success",
    );
    announcement.visibility = "channel";
    await announce(ctx, announcement);
    await ctx.storage.saveSubscription(sub);
    return textReply(
      "Daily tips set up",
      `Schedule: ${scheduleLine(sub)}.\nNext post: ${describeNext(sub)}.`,
      "success",
    );
  },
});

const unsubscribe = defineRunnable({
  description: "Stop the daily tips in this channel (admins)",
  options: {},
  async run(ctx) {
    const sub = await requireSubscription(ctx);
    requireManager(ctx, sub, "stop the daily tips");
    await ctx.storage.deleteSubscription(ctx.channel);
    return textReply(
      "Daily tips stopped",
      "No more tips will be posted in this channel. Team tips you added are kept.",
      "success",
    );
  },
});

const status = defineRunnable({
  description: "The channel's tip schedule and next post",
  options: {},
  async run(ctx) {
    const sub = await requireSubscription(ctx);
    const stale = await ctx.storage.staleClaims(ctx.clock.now().getTime() - 10 * 60_000, ctx.channel);
    const fields = [
      { label: "Schedule", value: scheduleLine(sub) },
      { label: "Next post", value: describeNext(sub) },
      ...(sub.pausedReason ? [{ label: "Paused", value: sub.pausedReason }] : []),
      ...(sub.skip.length ? [{ label: "Skipped dates", value: sub.skip.join(", ") }] : []),
      ...(stale.length
        ? [
            {
              label: "Lost posts",
              value: stale.map((d) => `${d.localDate}: claimed but never sent (not resent)`).join("; "),
            },
          ]
        : []),
    ];
    return {
      title: "Daily tips in this channel",
      tone: "info",
      sections: [],
      fields,
      visibility: "ephemeral",
    };
  },
});

const preview = defineRunnable({
  description: "The next tip this channel will get",
  options: {},
  async run(ctx) {
    const sub = await requireSubscription(ctx);
    const next = await ctx.services.tips.pickTip(sub);
    if (!next) return textReply("No tip to preview", "No tip matches this channel's focus.", "error");
    return textReply(
      next.item.team ? "Next: a team tip (not reviewed by vitabot)" : "Next tip",
      next.item.text,
    );
  },
});

const pause = defineRunnable({
  description: "Pause the daily tips (admins)",
  options: { ...channelPin },
  async run(outer, { ch }) {
    const ctx = inChannel(outer, ch);
    const sub = await requireSubscription(ctx);
    requireManager(ctx, sub, "pause the daily tips");
    await ctx.storage.pauseSubscription(
      ctx.channel,
      `paused by ${ctx.user.name ?? ctx.user.id} on ${localDate(ctx.clock.now(), sub.zone)}`,
    );
    return textReply("Daily tips paused", "Resume them with /tips resume.", "success");
  },
});

const resume = defineRunnable({
  description: "Resume paused daily tips (admins)",
  options: { ...channelPin },
  async run(outer, { ch }) {
    const ctx = inChannel(outer, ch);
    const sub = await requireSubscription(ctx);
    requireManager(ctx, sub, "resume the daily tips");
    const next = nextRunFields(scheduleOf(sub), ctx.clock.now());
    const resumed = { ...sub, pausedReason: null, nextRunAt: next.at, nextRunDate: next.date };
    await ctx.storage.saveSubscription(resumed);
    return textReply("Daily tips resumed", `Next post: ${describeNext(resumed)}.`, "success");
  },
});

const skip = defineRunnable({
  description: "Skip one date, e.g. a holiday (admins)",
  options: { date: option.text("The local date to skip, YYYY-MM-DD", { required: true, max: 10 }) },
  examples: ["tips skip 2026-12-25"],
  async run(ctx, { date }) {
    const sub = await requireSubscription(ctx);
    requireManager(ctx, sub, "skip a date");
    const parsed = DateSchema.safeParse(date);
    if (!parsed.success)
      throw new UserFacingError(`"${date}" ${parsed.error.issues[0]?.message}.`, "bad_date");
    const today = localDate(ctx.clock.now(), sub.zone);
    if (parsed.data < today)
      throw new UserFacingError(
        `${parsed.data} is in the past: today is ${today} in ${sub.zone}. Skip today or a later date.`,
        "past_date",
      );
    const skipList = [...new Set([...sub.skip, parsed.data])].sort();
    const updated = { ...sub, skip: skipList };
    if (sub.pausedReason === null)
      Object.assign(
        updated,
        (({ at, date: d }) => ({ nextRunAt: at, nextRunDate: d }))(
          nextRunFields(scheduleOf(updated), ctx.clock.now()),
        ),
      );
    await ctx.storage.saveSubscription(updated);
    return textReply(
      "Date skipped",
      `No tip on ${parsed.data}. Next post: ${describeNext(updated)}.`,
      "success",
    );
  },
});

const postNow = defineRunnable({
  description: "Post the next tip now; doesn't replace today's scheduled one (admins)",
  options: { ...channelPin },
  async run(outer, { ch }) {
    const ctx = inChannel(outer, ch);
    const sub = await requireSubscription(ctx);
    requireManager(ctx, sub, "post a tip now");
    const tip = await ctx.services.tips.postNext(sub);
    return textReply(
      "Tip posted",
      `Posted: "${tip.text.slice(0, 80)}${tip.text.length > 80 ? "…" : ""}"`,
      "success",
    );
  },
});

const plan = defineRunnable({
  description: "The next post times for a schedule, local and UTC",
  options: {
    time: option.text("Local time, HH:MM", { max: 5 }),
    zone: { ...option.text("IANA time zone", { max: 64 }), autocomplete: "zone" },
    days: option.text("every-day, weekdays, or e.g. mon,wed,fri", { max: 40 }),
    from: option.text("Start of a local day, YYYY-MM-DD (default: now)", { max: 10 }),
    count: option.text("How many (default 7, at most 60)", { max: 2 }),
  },
  examples: ["tips plan 09:00 Europe/Berlin weekdays"],
  async run(ctx, { time, zone, days, from, count }) {
    const sub = await ctx.storage.getSubscription(ctx.channel);
    const schedule: Schedule = {
      time: parseTime(time ?? sub?.time ?? DEFAULT_TIME),
      zone: zoneFor(ctx, zone, sub),
      days: days ? parseDays(days) : (sub?.days ?? parseDays(undefined)),
      skip: sub?.skip ?? [],
    };
    const runs = planSchedule(schedule, from, count, ctx.clock.now());
    return {
      title: `Next posts: ${schedule.time} ${schedule.zone}, ${describeDays(schedule.days)}`,
      tone: "info",
      sections: [],
      table: {
        columns: ["Date", "Local", "UTC", "Offset"],
        rows: runs.map((r) => [r.date, r.local.slice(11), r.utc, r.offset]),
      },
      visibility: "ephemeral",
    };
  },
});

/** The shared core of `tips plan` in chat and on the command line. */
export function planSchedule(
  schedule: Schedule,
  from: string | undefined,
  count: string | undefined,
  now: Date,
) {
  const n = count === undefined ? 7 : Number(count);
  if (!Number.isInteger(n) || n < 1 || n > 60)
    throw new UserFacingError("count must be a whole number from 1 to 60.", "bad_count");
  if (from !== undefined) {
    const parsed = DateSchema.safeParse(from);
    if (!parsed.success)
      throw new UserFacingError(`"${from}" ${parsed.error.issues[0]?.message}.`, "bad_date");
    return planRuns(schedule, { from: parsed.data }, n);
  }
  return planRuns(schedule, { after: now }, n);
}

export const scheduleSubcommands = {
  subscribe,
  unsubscribe,
  status,
  preview,
  pause,
  resume,
  skip,
  "post-now": postNow,
  plan,
};
