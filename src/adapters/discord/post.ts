/**
 * Channel posts (scheduled tips, announcements, challenge recaps): a REST message with
 * `allowed_mentions: { parse: [] }`, since channel messages would otherwise parse
 * @everyone, and any chart or file as multipart attachments. When Discord refuses the
 * files (no Attach Files permission, too large) the message goes again without them: the
 * chart's text version is in the embed. Failures become PlatformErrors the scheduler can
 * act on. A person's own tip (a DM channel, `@<user id>`) first opens their DM channel.
 */
import { DiscordAPIError, type REST, RESTJSONErrorCodes, Routes } from "discord.js";
import { dmRecipient } from "../../core/personal-tip.js";
import type { Reply } from "../../core/reply/reply.js";
import type { ChannelRef } from "../../core/storage-ports/storage.js";
import { PlatformError } from "../../errors.js";
import type { Logger } from "../../logger.js";
import { hasFiles, requestOf, withoutFiles } from "./attachments.js";
import { errorInfo, toPlatformError } from "./discord-errors.js";
import { renderReply } from "./render.js";

/** Refusals that may be about the files rather than the message. */
const FILE_REFUSALS: ReadonlySet<number | string> = new Set([
  RESTJSONErrorCodes.MissingPermissions,
  RESTJSONErrorCodes.RequestEntityTooLarge,
]);

const isFileRefusal = (error: unknown) => error instanceof DiscordAPIError && FILE_REFUSALS.has(error.code);

/** The channel to post in: the target's own, or the DM channel with the person it names. */
async function channelFor(rest: REST, target: ChannelRef): Promise<string> {
  const person = dmRecipient(target);
  if (person === undefined) return target.channelId;
  try {
    const dm = (await rest.post(Routes.userChannels(), { body: { recipient_id: person } })) as {
      id?: unknown;
    };
    if (typeof dm.id === "string") return dm.id;
  } catch (error) {
    throw toPlatformError(error, `DM with ${person}`);
  }
  throw new PlatformError("discord", "dm_unavailable", `Discord opened no DM channel with ${person}`, {
    permanent: false,
  });
}

/**
 * @throws PlatformError: permanent for a missing channel, access or permission; with
 * retryAfterMs when rate limited for longer than the REST client waits by itself.
 * @example await postToChannel(rest, { platform: "discord", workspaceId: guildId, channelId }, reply);
 */
export async function postToChannel(
  rest: REST,
  target: ChannelRef,
  reply: Reply,
  log?: Pick<Logger, "warn">,
): Promise<void> {
  if (target.platform !== "discord") {
    throw new PlatformError("discord", "wrong_platform", `cannot post to a ${target.platform} channel`, {
      permanent: true,
    });
  }
  const message = renderReply(reply, { forChannel: true });
  const channelId = await channelFor(rest, target);
  const route = Routes.channelMessages(channelId);
  try {
    await rest.post(route, requestOf(message));
    return;
  } catch (error) {
    if (!hasFiles(message) || !isFileRefusal(error)) throw toPlatformError(error, channelId);
    log?.warn({ channelId, ...errorInfo(error) }, "files refused; posting the text version");
  }
  // Still refused without files: the channel itself is the problem (Send Messages, Embed Links).
  await rest.post(route, requestOf(withoutFiles(message))).catch((error: unknown) => {
    throw toPlatformError(error, channelId);
  });
}
