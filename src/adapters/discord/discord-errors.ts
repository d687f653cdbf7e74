/**
 * Discord API errors: which ones are expected around interactions (10062 Unknown
 * interaction, 40060 already acknowledged), which mean "stop trying" for a channel, and
 * how to log them without the interaction token that sits in webhook URLs.
 * @see https://discord.com/developers/docs/topics/opcodes-and-status-codes#json
 */
import { DiscordAPIError, HTTPError, RateLimitError, RESTJSONErrorCodes } from "discord.js";
import { PlatformError } from "../../errors.js";

/** Codes that mean the interaction can no longer be answered; logged, never fatal. */
const STALE_INTERACTION: ReadonlySet<number | string> = new Set([
  RESTJSONErrorCodes.UnknownInteraction,
  RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged,
]);

/** Codes after which posting to the same channel cannot succeed without someone acting. */
const PERMANENT: ReadonlyMap<number | string, string> = new Map([
  [RESTJSONErrorCodes.UnknownChannel, "the channel no longer exists"],
  [RESTJSONErrorCodes.MissingAccess, "the bot cannot see the channel (View Channel)"],
  [RESTJSONErrorCodes.MissingPermissions, "the bot lacks Send Messages or Embed Links there"],
  [
    RESTJSONErrorCodes.CannotSendMessagesToThisUser,
    "the person does not accept direct messages from the bot",
  ],
  [RESTJSONErrorCodes.UnknownUser, "the person's account no longer exists"],
]);

/** True for 10062 and 40060: the interaction expired or was already answered. */
export function isStaleInteraction(error: unknown): boolean {
  return error instanceof DiscordAPIError && STALE_INTERACTION.has(error.code);
}

/** Loggable facts about an error: code, status, method and message, never the URL. */
export function errorInfo(error: unknown): Record<string, unknown> {
  if (error instanceof DiscordAPIError) {
    return { code: error.code, status: error.status, method: error.method, message: error.message };
  }
  if (error instanceof RateLimitError) {
    return { status: 429, method: error.method, retryAfterMs: error.retryAfter, route: error.route };
  }
  if (error instanceof HTTPError)
    return { status: error.status, method: error.method, message: error.message };
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { message: String(error) };
}

/**
 * Maps a failed channel post to a PlatformError: permanent for a missing channel,
 * access or permission (and a rejected token); retryAfterMs for rate limits.
 */
export function toPlatformError(error: unknown, channelId: string): PlatformError {
  const where = `posting to Discord channel ${channelId}`;
  if (error instanceof RateLimitError) {
    return new PlatformError("discord", "rate_limited", `${where}: rate limited`, {
      permanent: false,
      retryAfterMs: error.retryAfter,
      cause: error,
    });
  }
  if (error instanceof DiscordAPIError) {
    const reason = PERMANENT.get(error.code);
    const permanent = reason !== undefined || error.status === 401;
    const why = reason ?? (error.status === 401 ? "DISCORD_TOKEN was rejected" : error.message);
    return new PlatformError("discord", String(error.code), `${where}: ${why} (${error.code})`, {
      permanent,
      cause: error,
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new PlatformError("discord", "request_failed", `${where}: ${message}`, {
    permanent: false,
    cause: error,
  });
}
