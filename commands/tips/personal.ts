/**
 * `tips me`: a person's own daily tip by direct message at their local time. Anyone may
 * set it for themselves. `/tips me 08:00 [zone] [days]` sets or changes it, `/tips me off`
 * stops it, `/tips me` shows it. The zone defaults to the person's profile zone where the
 * platform has one (Slack's `tz`, followed when they change it) and is given once where it
 * has none (Discord, the console). It is saved as a tip subscription whose channel is the
 * person's DMs (src/core/personal-tip.ts), so the tick, rotation and ledger are the
 * channel tips' own.
 */
import { z } from "zod";
import type { CommandContext } from "../../src/core/commands/context.js";
import { defineRunnable, option } from "../../src/core/commands/define-command.js";
import { type Person, personalChannel, statusOf } from "../../src/core/personal-tip.js";
import { type Reply, textReply } from "../../src/core/reply/reply.js";
import type { Subscription } from "../../src/core/storage-ports/tips-store.js";
import { canonicalZone, isValidZone } from "../../src/core/time/local-time.js";
import {
  DEFAULT_TIME,
  describeDays,
  parseDays,
  parseTime,
  type Schedule,
} from "../../src/core/time/schedule.js";
import { suggestZones } from "../../src/core/time/zone-suggestions.js";
import { UserFacingError } from "../../src/errors.js";
import { describeNext } from "./describe.js";
import { buildSubscription } from "./subscription.js";

const EXAMPLE_ZONES = "Europe/Berlin, America/New_York, Asia/Tokyo";

/** True when `text` is a days word or list (`weekdays`, `mon,wed,fri`). */
function isDays(text: string): boolean {
  try {
    parseDays(text);
    return true;
  } catch {
    return false;
  }
}

/** `08:00` or `off`. */
export const TimeOrOffSchema = z
  .string()
  .trim()
  .regex(/^(off|([01]?\d|2[0-3]):[0-5]\d)$/i, "must be a 24-hour time such as 08:00, or off")
  .transform((t) => (t.toLowerCase() === "off" ? "off" : t.padStart(5, "0")));

/**
 * An IANA zone, with "did you mean" for a near miss. A days word is let through too, so
 * `/tips me 08:00 weekdays` (no zone) reads as days.
 */
export const ZoneOrDaysSchema = z
  .string()
  .trim()
  .superRefine((text, issue) => {
    if (isValidZone(text) || isDays(text)) return;
    const near = suggestZones(text);
    issue.addIssue({
      code: "custom",
      message: near.length
        ? `"${text}" is not a time zone I know: did you mean ${near.join(" or ")}?`
        : `"${text}" is not a time zone I know: use an IANA name such as ${EXAMPLE_ZONES}`,
    });
  });

/** `every-day`, `weekdays`, `weekends`, or chosen days such as `mon,wed,fri`. */
export const DaysSchema = z
  .string()
  .trim()
  .refine(isDays, "is not a set of days: use every-day, weekdays, weekends, or a list such as mon,wed,fri");

const personOf = (ctx: CommandContext): Person => ({
  platform: ctx.platform,
  workspaceId: ctx.channel.workspaceId,
  userId: ctx.user.id,
});

/** Which zone, and whether it is the profile's (and so follows it). */
function zoneFor(
  ctx: CommandContext,
  typed: string | undefined,
  previous: Subscription | undefined,
): { zone: string; fromProfile: boolean } {
  if (typed) return { zone: canonicalZone(typed), fromProfile: false };
  if (previous && !previous.person?.zoneFromProfile) return { zone: previous.zone, fromProfile: false };
  if (ctx.userTimeZone && isValidZone(ctx.userTimeZone))
    return { zone: canonicalZone(ctx.userTimeZone), fromProfile: true };
  if (previous) return { zone: previous.zone, fromProfile: previous.person?.zoneFromProfile ?? false };
  throw new UserFacingError(
    `Which time zone? Give it once, for example /tips me 08:00 Europe/Berlin (or ${EXAMPLE_ZONES}).`,
    "zone_required",
  );
}

function scheduleLine(sub: Pick<Subscription, "time" | "zone" | "days">): string {
  return `${sub.time} ${sub.zone}, ${describeDays(sub.days)}`;
}

async function show(ctx: CommandContext): Promise<Reply> {
  const sub = await ctx.storage.getSubscription(personalChannel(personOf(ctx)));
  const status = statusOf(sub);
  if (!status.on || !sub)
    return textReply(
      "Your daily tip is off",
      "Get a tip by direct message at your own time: /tips me 08:00 [zone] [days].",
    );
  const fields = [
    { label: "Schedule", value: scheduleLine(sub) },
    {
      label: "Zone",
      value: status.zoneFromProfile ? `${sub.zone} (your profile's; follows it)` : sub.zone,
    },
    { label: "Next tip", value: describeNext(sub) },
    ...(status.pausedReason ? [{ label: "Stopped", value: status.pausedReason }] : []),
  ];
  return { title: "Your daily tip", tone: "info", sections: [], fields, visibility: "ephemeral" };
}

async function stop(ctx: CommandContext): Promise<Reply> {
  const removed = await ctx.storage.deleteSubscription(personalChannel(personOf(ctx)));
  return removed
    ? textReply(
        "Your daily tip is off",
        "No more tips by direct message. Turn it on again with /tips me 08:00.",
        "success",
      )
    : textReply("Your daily tip was already off", "Turn it on with /tips me 08:00 [zone] [days].");
}

const me = defineRunnable({
  description: "Your own daily tip by direct message at your local time (or: tips me off)",
  options: {
    time: { ...option.text("Local time, HH:MM, or off", { max: 5 }), schema: TimeOrOffSchema.optional() },
    zone: {
      ...option.text("IANA time zone (default: your profile's, on Slack)", { max: 64 }),
      autocomplete: "zone",
      schema: ZoneOrDaysSchema.optional(),
    },
    days: {
      ...option.text("every-day, weekdays, or e.g. mon,wed,fri", { max: 40 }),
      schema: DaysSchema.optional(),
    },
  },
  examples: ["tips me 08:00", "tips me 07:30 Europe/Berlin weekdays", "tips me off"],
  async run(ctx, args): Promise<Reply> {
    const { time } = args;
    // `/tips me 08:00 weekdays`: the second word is days, not a zone.
    const zoneIsDays = args.zone !== undefined && !isValidZone(args.zone);
    const typedZone = zoneIsDays ? undefined : args.zone;
    const days = args.days ?? (zoneIsDays ? args.zone : undefined);
    if (time === "off") return stop(ctx);
    if (time === undefined && typedZone === undefined && days === undefined) return show(ctx);
    const person = personOf(ctx);
    const channel = personalChannel(person);
    const previous = await ctx.storage.getSubscription(channel);
    const { zone, fromProfile } = zoneFor(ctx, typedZone, previous);
    const schedule: Schedule = {
      time: parseTime(time ?? previous?.time ?? DEFAULT_TIME),
      zone,
      days: days ? parseDays(days) : (previous?.days ?? parseDays(undefined)),
      skip: [],
    };
    const sub: Subscription = {
      ...buildSubscription({
        channel,
        schedule,
        theme: null,
        createdBy: ctx.user.id,
        now: ctx.clock.now(),
        ...(previous ? { previous } : {}),
      }),
      person: { userId: ctx.user.id, zoneFromProfile: fromProfile },
    };
    await ctx.storage.saveSubscription(sub);
    const follows = fromProfile ? " (your profile's zone: the tip follows it when you change it)" : "";
    return textReply(
      "Your daily tip is on",
      `I'll send you a tip by direct message at ${scheduleLine(sub)}${follows}.\nNext tip: ${describeNext(sub)}.\nStop it with /tips me off.`,
      "success",
    );
  },
});

export const personalSubcommands = { me };
