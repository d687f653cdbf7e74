/**
 * Slack Web API failures as our `PlatformError`: permanent when retrying cannot help
 * (the channel is gone, the app was removed, a scope is missing), otherwise retryable,
 * with `retryAfterMs` from a 429's Retry-After.
 * @see https://docs.slack.dev/apis/web-api/rate-limits
 */
import { webApi } from "@slack/bolt";
import { PlatformError } from "../../errors.js";

/** Slack error codes for which a retry cannot succeed. */
export const PERMANENT_SLACK_ERRORS: ReadonlySet<string> = new Set([
  "channel_not_found",
  "not_in_channel",
  "is_archived",
  "account_inactive",
  "user_not_found",
  "token_revoked",
  "invalid_auth",
  "missing_scope",
  "not_authed",
  "team_not_found",
  "not_installed",
]);

/** What to tell an operator for the permanent codes people can fix. */
const HINTS: Record<string, string> = {
  not_in_channel: "invite the app to the channel (/invite @vitabot)",
  missing_scope: "reinstall the app with the scopes in manifest.json",
  invalid_auth: "check SLACK_BOT_TOKEN, or reinstall the app",
  token_revoked: "the app was removed from the workspace; reinstall it",
  account_inactive: "the app was removed from the workspace, or the person's account was deactivated",
  user_not_found: "the person's account is gone or deactivated",
};

function messageFor(action: string, code: string): string {
  const hint = Object.hasOwn(HINTS, code) ? HINTS[code] : undefined;
  return `Slack refused to ${action}: ${code}${hint ? ` (${hint})` : ""}`;
}

/**
 * Maps any error from a Web API call to a PlatformError (passing PlatformErrors through).
 * @example try { await client.chat.postMessage(args) } catch (e) { throw toPlatformError(e, "post the message") }
 */
export function toPlatformError(error: unknown, action: string): PlatformError {
  if (error instanceof PlatformError) return error;
  if (error instanceof webApi.WebAPIPlatformError) {
    const code = error.data.error;
    return new PlatformError("slack", code, messageFor(action, code), {
      permanent: PERMANENT_SLACK_ERRORS.has(code),
      cause: error,
    });
  }
  if (error instanceof webApi.WebAPIRateLimitedError) {
    return new PlatformError("slack", "rate_limited", `Slack rate-limited the call to ${action}`, {
      permanent: false,
      retryAfterMs: error.retryAfter * 1000,
      cause: error,
    });
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new PlatformError("slack", "request_failed", `Could not ${action} on Slack: ${reason}`, {
    permanent: false,
    cause: error,
  });
}
