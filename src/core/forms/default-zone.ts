/**
 * The zone a set-up form starts with when the channel has none yet: the person's own
 * (Slack's `tz`), else the zone most recently set up in the workspace (on Discord, which
 * has no per-person zone, the guild's last zone), else UTC.
 */
import type { CommandContext } from "../commands/context.js";

/** The zone every form falls back to. */
const FALLBACK_ZONE = "UTC";

/** @example zone: subscription?.zone ?? (await defaultFormZone(ctx)) */
export async function defaultFormZone(ctx: Pick<CommandContext, "userTimeZone" | "storage" | "channel">) {
  if (ctx.userTimeZone) return ctx.userTimeZone;
  const last = await ctx.storage.lastZoneInWorkspace(ctx.channel.platform, ctx.channel.workspaceId);
  return last ?? FALLBACK_ZONE;
}
