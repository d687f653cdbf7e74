/**
 * How the Bolt App is configured from our SlackConfig: the Web API base URL (GovSlack,
 * proxies, the test stand-in), single-token versus OAuth, HTTP versus Socket Mode, and
 * the one auth.test call that verifies a single bot token at start-up.
 */
import {
  type AppOptions,
  HTTPReceiver,
  type Installation,
  type InstallationStore,
  SocketModeReceiver,
  webApi,
} from "@slack/bolt";
import type { SlackConfig } from "../../config.js";
import type { Logger } from "../../logger.js";
import { toBoltLogger } from "./bolt-logger.js";
import { toPlatformError } from "./errors.js";
import { SLACK_BOT_SCOPES } from "./manifest.js";

/** Where Slack sends commands, buttons and events (the manifest's request URLs). */
export const SLACK_EVENTS_PATH = "/slack/events";
/** OAuth mode: the "Add to Slack" page, and where Slack sends the installer back. */
const SLACK_INSTALL_PATH = "/slack/install";
const SLACK_REDIRECT_PATH = "/slack/oauth_redirect";

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

/** Bolt's OAuth settings, when the configuration has them. */
function oauthOptions(input: BoltOptionsInput, clientOptions: webApi.WebClientOptions) {
  const { slack, installationStore } = input;
  if (!slack.oauth || !installationStore) return undefined;
  return {
    clientId: slack.oauth.clientId,
    clientSecret: slack.oauth.clientSecret,
    stateSecret: slack.oauth.stateSecret,
    scopes: [...SLACK_BOT_SCOPES],
    installationStore,
    installerOptions: {
      clientOptions,
      directInstall: false,
      installPath: SLACK_INSTALL_PATH,
      redirectUriPath: SLACK_REDIRECT_PATH,
    },
  };
}

/**
 * A Bolt HTTPReceiver that vitabot never starts (it would open a server of its own): its
 * `requestListener` is mounted on the shared server instead, so Bolt still verifies
 * every request's signature and timestamp, and serves the OAuth install pages.
 */
function createHttpReceiver(input: BoltOptionsInput): HTTPReceiver {
  return new HTTPReceiver({
    signingSecret: input.slack.signingSecret,
    endpoints: [SLACK_EVENTS_PATH],
    // Ack goes out first; the answer follows through response_url/chat.postMessage.
    processBeforeResponse: false,
    logger: toBoltLogger(input.logger),
    ...oauthOptions(input, webClientOptions(input.slack, input.retries)),
  });
}

/** A path Bolt serves on the shared HTTP server. */
interface BoltRoute {
  method: "GET" | "POST";
  path: string;
}

/** Bolt's constructor options, plus what to mount on the shared HTTP server and the listener behind it. */
export interface BoltSetup {
  options: AppOptions;
  routes: BoltRoute[];
  listener?: HTTPReceiver["requestListener"];
}

const OAUTH_ROUTES: BoltRoute[] = [
  { method: "GET", path: SLACK_INSTALL_PATH },
  { method: "GET", path: SLACK_REDIRECT_PATH },
];

/**
 * Socket Mode: events over the WebSocket. With OAuth, the install pages still need HTTP:
 * an unstarted HTTPReceiver serves them on the shared server (Bolt's Socket Mode receiver
 * would open its own server on port 3000) and its installer authorizes each workspace.
 */
function socketSetup(input: BoltOptionsInput, clientOptions: webApi.WebClientOptions): BoltSetup {
  const { slack, identity } = input;
  const receiver = new SocketModeReceiver({
    appToken: slack.appToken ?? "",
    logger: toBoltLogger(input.logger),
    installerOptions: { clientOptions },
  });
  const installer = oauthOptions(input, clientOptions) ? createHttpReceiver(input) : undefined;
  const provider = installer?.installer;
  if (!installer || !provider) {
    const options = {
      receiver,
      token: slack.botToken,
      botId: identity?.botId,
      botUserId: identity?.botUserId,
    };
    return { options, routes: [] };
  }
  const authorize: NonNullable<AppOptions["authorize"]> = (source) => provider.authorize(source);
  return { options: { receiver, authorize }, routes: OAUTH_ROUTES, listener: installer.requestListener };
}

/** HTTP mode: Slack's request URL and, with OAuth, the install pages, all on the shared server. */
function httpSetup(input: BoltOptionsInput): BoltSetup {
  const { slack, identity } = input;
  const receiver = createHttpReceiver(input);
  const oauth = Boolean(receiver.installer);
  const single = { token: slack.botToken, botId: identity?.botId, botUserId: identity?.botUserId };
  return {
    options: { receiver, ...(oauth ? {} : single) },
    routes: [{ method: "POST", path: SLACK_EVENTS_PATH }, ...(oauth ? OAUTH_ROUTES : [])],
    listener: receiver.requestListener,
  };
}

/**
 * Bolt's set-up for our configuration: HTTP mode or Socket Mode, single-token or OAuth.
 * @example const { options, routes, listener } = boltSetup(input); const bolt = new App(options);
 */
export function boltSetup(input: BoltOptionsInput): BoltSetup {
  const clientOptions = webClientOptions(input.slack, input.retries);
  const setup = input.slack.appToken ? socketSetup(input, clientOptions) : httpSetup(input);
  return {
    ...setup,
    options: {
      ...setup.options,
      clientOptions,
      logger: toBoltLogger(input.logger),
      // Ack goes out first; the answer follows through response_url/chat.postMessage.
      processBeforeResponse: false,
      // vitabot keeps no per-conversation state in Bolt; its default store costs time per request.
      convoStore: false,
    },
  };
}
