/**
 * What the challenge commands share: the options that pick a challenge (`challenge:<name>`
 * typed, `cid:<id>` from buttons), finding it in the channel, and who may manage it.
 */
import type { CommandContext } from "../core/commands/context.js";
import { option } from "../core/commands/define-command.js";
import type { Challenge } from "../core/storage-ports/challenge-store.js";
import { parseZone } from "../core/time/schedule.js";
import { UserFacingError } from "../errors.js";
import { pickChallenge } from "./start.js";

/** The options every per-challenge command takes. */
export const challengeOptions = {
  challenge: option.text("Which challenge, when several run here (its name)", { max: 60, named: true }),
  cid: option.text("Challenge id (set by buttons)", { max: 64, hidden: true, pin: true }),
};

const sameWorkspace = (a: Challenge["channel"], b: Challenge["channel"]) =>
  a.platform === b.platform && a.workspaceId === b.workspaceId;

/**
 * The challenge a command means: the one a button pinned (`cid`, in any channel of the same
 * workspace: the personal panel's buttons are pressed on Slack's Home tab or in another
 * channel), else the only one running in the channel, else the one named.
 * @throws UserFacingError when there is none, or it is ambiguous.
 */
export async function findChallenge(
  ctx: CommandContext,
  args: { challenge?: string | undefined; cid?: string | undefined },
  options: { includeEnded?: boolean } = {},
): Promise<Challenge> {
  if (args.cid) {
    const pinned = await ctx.storage.getChallenge(args.cid);
    if (!pinned || !sameWorkspace(pinned.channel, ctx.channel)) {
      throw new UserFacingError("That challenge isn't in this workspace.", "no_challenge");
    }
    if (pinned.endedAt !== null && !options.includeEnded) {
      throw new UserFacingError(`${pinned.name} has ended.`, "challenge_ended");
    }
    return pinned;
  }
  return pickChallenge(await ctx.storage.listActiveChallenges(ctx.channel), args.challenge);
}

/** Admins, or whoever started the challenge, may end or export it. */
export function requireChallengeManager(ctx: CommandContext, challenge: Challenge, what: string): void {
  if (ctx.isAdmin || challenge.createdBy === ctx.user.id) return;
  throw new UserFacingError(
    `Only channel admins or whoever started ${challenge.name} can ${what}.`,
    "not_admin",
  );
}

/**
 * The zone a new challenge counts days in: the one given, else the channel's tip schedule's,
 * else the person's own (Slack tells us), else ask for one (as `tips subscribe` does).
 */
export async function challengeZone(ctx: CommandContext, zone: string | undefined): Promise<string> {
  if (zone) return parseZone(zone);
  const subscription = await ctx.storage.getSubscription(ctx.channel);
  if (subscription) return subscription.zone;
  if (ctx.userTimeZone) return parseZone(ctx.userTimeZone);
  throw new UserFacingError(
    "Which time zone should the challenge's days follow? Add one, for example zone:Europe/Berlin.",
    "zone_required",
  );
}
