/**
 * REST settings shared by the gateway client, HTTP interactions, channel posts and the
 * deploy command: the configurable API base (`DISCORD_API_URL`, for REST proxies and
 * the test stand-in) and how long a rate limit may be waited out before giving up.
 */
import { type RateLimitData, REST, type RESTOptions } from "discord.js";

/** Longer waits are refused (RateLimitError -> PlatformError.retryAfterMs) instead of queued. */
const MAX_RATE_LIMIT_WAIT_MS = 5000;

/**
 * `globalRequestsPerSecond` is this replica's share of Discord's global limit
 * (DISCORD_REQUESTS_PER_SECOND); discord.js assumes 50 when it is unset.
 * @example new Client({ intents, rest: restOptions(config.apiUrl, config.requestsPerSecond) })
 */
export function restOptions(
  apiUrl: string | undefined,
  globalRequestsPerSecond?: number,
): Partial<RESTOptions> {
  return {
    ...(apiUrl ? { api: apiUrl } : {}),
    ...(globalRequestsPerSecond ? { globalRequestsPerSecond } : {}),
    rejectOnRateLimit: (data: RateLimitData) => data.retryAfter > MAX_RATE_LIMIT_WAIT_MS,
  };
}

/**
 * A REST client for the configured API, with the bot token when there is one.
 * @example await createRest({ token, apiUrl }).get(Routes.gatewayBot())
 */
export function createRest(config: { token?: string; apiUrl?: string; requestsPerSecond?: number }): REST {
  const rest = new REST(restOptions(config.apiUrl, config.requestsPerSecond));
  return config.token ? rest.setToken(config.token) : rest;
}
