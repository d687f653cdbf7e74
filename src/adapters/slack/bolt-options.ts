/**
 * How the Bolt App is configured from our SlackConfig: the Web API base URL (GovSlack,
 * proxies, the test stand-in), single-token versus OAuth, HTTP versus Socket Mode, and
 * the one auth.test call that verifies a single bot token at start-up.
 */
import { type AppOptions, type Installation, type InstallationStore, webApi } from "@slack/bolt";
import type { SlackConfig } from "../../config.js";
import type { Logger } from "../../logger.js";
import { toBoltLogger } from "./bolt-logger.js";
import { toPlatformError } from "./errors.js";
import { SLACK_BOT_SCOPES } from "./manifest.js";

/** Who the bot token belongs to, from auth.test. */
export interface BotIdentity {
  botId: string;
  botUserId: string;
  teamId: string;
  enterpriseId?: string;
}

/** Options for every WebClient we create (Bolt's, the installer's, ours). */
export function webClientOptions(slack: SlackConfig, retries: boolean): webApi.WebClientOptions {
  return {
    // config.ts strips trailing slashes; the WebClient joins method names onto a base ending in one.
    ...(slack.apiUrl ? { slackApiUrl: `${slack.apiUrl}/` } : {}),
    ...(retries ? {} : { retryConfig: { retries: 0 } }),
    // A 429 surfaces as an error with Retry-After, for callers (the scheduler) to honour.
    rejectRateLimitedCalls: true,
  };
}

/**
 * Checks a bot token once with auth.test. Bolt would otherwise call it from its
 * constructor, where a failure is an unhandled rejection.
 * @throws PlatformError (permanent for invalid_auth and the like) saying which setting to fix.
 */
export async function verifyBotToken(token: string, options: webApi.WebClientOptions): Promise<BotIdentity> {
  try {
    const result = await new webApi.WebClient(token, options).auth.test();
    if (!result.bot_id || !result.user_id || !result.team_id)
      throw new Error("auth.test did not describe a bot token");
    return {
      botId: result.bot_id,
      botUserId: result.user_id,
      teamId: result.team_id,
      ...(result.enterprise_id ? { enterpriseId: result.enterprise_id } : {}),
    };
  } catch (error) {
    throw toPlatformError(error, "accept SLACK_BOT_TOKEN (auth.test)");
  }
}

/**
 * OAuth mode with SLACK_BOT_TOKEN still set: stores that token's workspace as an
 * installation (once), so the workspace that used single-token mode keeps working.
 */
export async function seedInstallation(
  store: InstallationStore,
  token: string,
  identity: BotIdentity,
): Promise<void> {
  const query = {
    teamId: identity.teamId,
    enterpriseId: identity.enterpriseId,
    isEnterpriseInstall: false,
  } as const;
  const existing = await store.fetchInstallation(query).catch(() => undefined);
  if (existing) return;
  const installation: Installation<"v2", false> = {
    team: { id: identity.teamId },
    enterprise: identity.enterpriseId ? { id: identity.enterpriseId } : undefined,
    user: { id: identity.botUserId, token: undefined, scopes: undefined },
    bot: { token, id: identity.botId, userId: identity.botUserId, scopes: [...SLACK_BOT_SCOPES] },
    isEnterpriseInstall: false,
    authVersion: "v2",
  };
  await store.storeInstallation(installation);
}

/** Everything boltOptions needs to build Bolt's constructor options. */
export interface BoltOptionsInput {
  slack: SlackConfig;
  logger: Logger;
  retries: boolean;
  /** Single-token mode: the verified identity of SLACK_BOT_TOKEN. */
  identity?: BotIdentity;
  /** OAuth mode. */
  installationStore?: InstallationStore;
}

/** Bolt's constructor options for our configuration. */
export function boltOptions(input: BoltOptionsInput): AppOptions {
  const { slack, identity, installationStore } = input;
  const clientOptions = webClientOptions(slack, input.retries);
  const auth =
    slack.oauth && installationStore
      ? {
          clientId: slack.oauth.clientId,
          clientSecret: slack.oauth.clientSecret,
          stateSecret: slack.oauth.stateSecret,
          scopes: [...SLACK_BOT_SCOPES],
          installationStore,
          installerOptions: { clientOptions, directInstall: false },
        }
      : { token: slack.botToken, botId: identity?.botId, botUserId: identity?.botUserId };
  return {
    signingSecret: slack.signingSecret,
    ...(slack.appToken ? { socketMode: true, appToken: slack.appToken } : {}),
    ...auth,
    clientOptions,
    logger: toBoltLogger(input.logger),
    // Ack goes out first; the answer follows through response_url/chat.postMessage.
    processBeforeResponse: false,
    // vitabot keeps no per-conversation state in Bolt; its default store costs time per request.
    convoStore: false,
  };
}
