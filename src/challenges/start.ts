/**
 * Starting and picking challenges, the pure part: find a template (unknown ids list the
 * valid ones), validate the start date, length and zone, and pick the challenge a
 * command means in a channel (implied when there is one, `challenge:<name>` otherwise).
 */

import type { Challenge, NewChallenge } from "../core/storage-ports/challenge-store.js";
import type { ChannelRef } from "../core/storage-ports/storage.js";
import { CHALLENGE_NAME_MAX_CHARS, cleanChallengeName } from "../core/text/user-text.js";
import { DateSchema, parseZone } from "../core/time/schedule.js";
import { UserFacingError } from "../errors.js";
import type { ChallengeTemplate } from "./model.js";
import { localClock } from "./window.js";

/** Shortest challenge, in days (the template schema's bound). */
export const MIN_CHALLENGE_DAYS = 3;
/** Longest challenge, in days (the template schema's bound). */
export const MAX_CHALLENGE_DAYS = 90;

/** "daylight-walks: Daylight walks (14 days)" lines for `challenge list`. */
export function describeTemplates(templates: readonly ChallengeTemplate[]): string {
  return templates.map((t) => `${t.id}: ${t.title} (${t.days} days)`).join("\n");
}

/**
 * The template with this id.
 * @throws UserFacingError listing the valid ids.
 */
export function findTemplate(templates: readonly ChallengeTemplate[], id: string): ChallengeTemplate {
  const wanted = id.trim().toLowerCase();
  const found = templates.find((t) => t.id === wanted);
  if (found) return found;
  throw new UserFacingError(
    `There is no challenge template "${id.trim()}". Pick one of:\n${describeTemplates(templates)}`,
    "unknown_template",
  );
}

/** What `challenge start` was given; everything but the template is optional. */
export interface StartRequest {
  templates: readonly ChallengeTemplate[];
  templateId: string;
  name?: string | undefined;
  /** `YYYY-MM-DD`, default: today in `zone`. */
  startDate?: string | undefined;
  /** Default: the template's length. */
  days?: number | string | undefined;
  /** IANA zone (the caller passes the channel's or workspace's zone). */
  zone: string;
  channel: ChannelRef;
  by: string;
  now: Date;
}

function parseDays(days: number | string | undefined, fallback: number): number {
  if (days === undefined || days === "") return fallback;
  const value = typeof days === "number" ? days : Number(days.trim());
  if (Number.isInteger(value) && value >= MIN_CHALLENGE_DAYS && value <= MAX_CHALLENGE_DAYS) return value;
  throw new UserFacingError(
    `"${days}" is not a challenge length. Give a whole number of days from ${MIN_CHALLENGE_DAYS} to ${MAX_CHALLENGE_DAYS}.`,
    "bad_days",
  );
}

function parseStartDate(date: string | undefined, today: string): string {
  if (date === undefined || date.trim() === "") return today;
  const result = DateSchema.safeParse(date);
  if (!result.success) {
    throw new UserFacingError(`"${date}" ${result.error.issues[0]?.message}, e.g. ${today}.`, "bad_date");
  }
  if (result.data < today) {
    throw new UserFacingError(
      `The start date ${result.data} has passed. Start today (${today}) or later.`,
      "bad_date",
    );
  }
  return result.data;
}

/**
 * A validated challenge, ready for `ChallengeStore.createChallenge`.
 * @throws UserFacingError for an unknown template, a bad date, length or zone.
 * @example planChallenge({ templates, templateId: "daylight-walks", zone: "Europe/Berlin", channel, by: "U1", now })
 */
export function planChallenge(request: StartRequest): NewChallenge {
  const template = findTemplate(request.templates, request.templateId);
  const zone = parseZone(request.zone);
  const today = localClock(request.now, zone).today;
  const name = cleanChallengeName(request.name ?? "") || template.title.slice(0, CHALLENGE_NAME_MAX_CHARS);
  return {
    channel: request.channel,
    templateId: template.id,
    name,
    startDate: parseStartDate(request.startDate, today),
    days: parseDays(request.days, template.days),
    zone,
    reminderTime: null,
    createdBy: request.by,
    createdAt: request.now.getTime(),
  };
}

/**
 * The challenge a command in a channel means: the only active one, or the one named by
 * `challenge:<name>` (case-insensitive; a unique prefix will do).
 * @throws UserFacingError when there is none, or several and no (matching) name.
 */
export function pickChallenge(active: readonly Challenge[], name?: string): Challenge {
  const [only] = active;
  if (!only) throw new UserFacingError("There is no challenge running in this channel.", "no_challenge");
  const names = active.map((c) => `challenge:${c.name}`).join(", ");
  if (name === undefined || name.trim() === "") {
    if (active.length === 1) return only;
    throw new UserFacingError(`Several challenges are running here; add one of: ${names}`, "which_challenge");
  }
  const wanted = name.trim().toLowerCase();
  const exact = active.find((c) => c.name.toLowerCase() === wanted);
  const prefixed = active.filter((c) => c.name.toLowerCase().startsWith(wanted));
  const found = exact ?? (prefixed.length === 1 ? prefixed[0] : undefined);
  if (found) return found;
  throw new UserFacingError(
    `No running challenge here is called "${name.trim()}". Try one of: ${names}`,
    "which_challenge",
  );
}
