/**
 * Channel posts (scheduled tips, announcements): a REST message with
 * `allowed_mentions: { parse: [] }`, since channel messages would otherwise parse
 * @everyone. Failures become PlatformErrors the scheduler can act on.
 */
import { type REST, Routes } from "discord.js";
import type { Reply } from "../../core/reply/reply.js";
import { PlatformError } from "../../errors.js";
import type { ChannelRef } from "../../storage/storage.js";
import { toPlatformError } from "./discord-errors.js";
import { renderReply } from "./render.js";

/**
 * @throws PlatformError: permanent for a missing channel, access or permission; with
 * retryAfterMs when rate limited for longer than the REST client waits by itself.
 * @example await postToChannel(rest, { platform: "discord", workspaceId: guildId, channelId }, reply);
 */
export async function postToChannel(rest: REST, target: ChannelRef, reply: Reply): Promise<void> {
  if (target.platform !== "discord") {
    throw new PlatformError("discord", "wrong_platform", `cannot post to a ${target.platform} channel`, {
      permanent: true,
    });
  }
  const body = renderReply(reply, { forChannel: true });
  try {
    await rest.post(Routes.channelMessages(target.channelId), { body });
  } catch (error) {
    throw toPlatformError(error, target.channelId);
  }
}
