/**
 * Checks and steps several commands share: the channel's tip subscription or a friendly
 * error, who may change it, and posting in the channel with access problems explained.
 */
import { PlatformError, UserFacingError } from "../../errors.js";
import type { Reply } from "../reply/reply.js";
import type { Subscription } from "../storage-ports/tips-store.js";
import type { CommandContext } from "./context.js";

/** The channel's subscription, or a friendly error saying how to create one. */
export async function requireSubscription(ctx: CommandContext): Promise<Subscription> {
  const sub = await ctx.storage.getSubscription(ctx.channel);
  if (!sub)
    throw new UserFacingError(
      "This channel has no daily tips yet. An admin can start them with /tips subscribe.",
      "no_subscription",
    );
  return sub;
}

/** Admins, or the person who created the subscription, may change it. */
export function requireManager(ctx: CommandContext, sub: Subscription | undefined, what: string): void {
  if (ctx.isAdmin || (sub && sub.createdBy === ctx.user.id)) return;
  throw new UserFacingError(`Only channel admins or whoever set up the tips can ${what}.`, "not_admin");
}

/** Posts in the channel, turning an access problem into instructions for the person. */
export async function announce(ctx: CommandContext, reply: Reply): Promise<void> {
  try {
    await ctx.services.post(ctx.channel, reply);
  } catch (error) {
    if (error instanceof PlatformError) {
      throw new UserFacingError(
        `I can't post in this channel yet: ${error.message}`,
        `cannot_post_${error.code}`,
      );
    }
    throw error;
  }
}
