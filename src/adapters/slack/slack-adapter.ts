/**
 * The Slack adapter: a Bolt App in HTTP mode (`/slack/events` on PORT) or, with
 * SLACK_APP_TOKEN, Socket Mode; single-token or OAuth (many workspaces, installations in
 * our Storage). It wires the listeners, dedups events in the store, and posts scheduled
 * replies with errors mapped to PlatformError.
 * @see https://docs.slack.dev/tools/bolt-js/getting-started
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { App as BoltApp, type InstallationStore } from "@slack/bolt";
import type { App } from "../../app.js";
import type { SlackConfig } from "../../config.js";
import { welcomeReply } from "../../core/reply/build.js";
import type { Reply } from "../../core/reply/reply.js";
import { PlatformError, UserFacingError } from "../../errors.js";
import type { ChannelRef } from "../../storage/storage.js";
import type { ChatAdapter } from "../chat-adapter.js";
import { createUserDirectory } from "./admin.js";
import { createAnswerQueue } from "./answer-queue.js";
import {
  type BotIdentity,
  boltOptions,
  seedInstallation,
  verifyBotToken,
  webClientOptions,
} from "./bolt-options.js";
import { dedupEvents, startPruning } from "./dedup.js";
import { toPlatformError } from "./errors.js";
import { forChannel, registerHandlers } from "./handlers.js";
import { createInstallationStore } from "./installation-store.js";
import { toBlockKit } from "./render.js";
import { createResponder } from "./respond.js";

/** Deployment and test knobs that are not configuration (config comes from the App). */
export interface SlackAdapterOptions {
  /** Interface to listen on in HTTP mode; every interface when unset (tests use 127.0.0.1). */
  host?: string;
  /** Web API retries with backoff; tests turn them off so failures surface at once. */
  retries?: boolean;
  now?: () => number;
}

/** A ChatAdapter with the HTTP port it listens on (after start; undefined in Socket Mode). */
export type SlackAdapter = ChatAdapter & { readonly port?: number; readonly mode: "http" | "socket" };

function requireSlack(app: App): SlackConfig {
  const slack = app.config.slack;
  if (slack) return slack;
  throw new UserFacingError(
    "Slack is not configured: set SLACK_SIGNING_SECRET with SLACK_BOT_TOKEN (or the SLACK_CLIENT_* OAuth variables)",
    "config_invalid",
  );
}

/**
 * @example const slack = createSlackAdapter(app); await slack.start(); … await slack.stop();
 */
export function createSlackAdapter(app: App, options: SlackAdapterOptions = {}): SlackAdapter {
  const slack = requireSlack(app);
  const logger = app.logger.child({ platform: "slack" });
  const now = options.now ?? Date.now;
  const retries = options.retries ?? true;
  const mode = slack.appToken ? "socket" : "http";
  const installationStore: InstallationStore | undefined = slack.oauth
    ? createInstallationStore({ storage: app.storage, secret: slack.oauth.stateSecret, logger, now })
    : undefined;
  const people = createUserDirectory({ adminUserIds: app.config.adminUserIds, logger, now });
  const responder = createResponder();
  const answers = createAnswerQueue();
  let bolt: BoltApp | undefined;
  let identity: BotIdentity | undefined;
  let port: number | undefined;
  let stopPruning: (() => void) | undefined;

  async function prepareAuth(): Promise<void> {
    if (!slack.botToken) return;
    const verified = await verifyBotToken(slack.botToken, webClientOptions(slack, retries));
    if (installationStore) await seedInstallation(installationStore, slack.botToken, verified);
    else identity = verified;
    logger.info({ teamId: verified.teamId, botUserId: verified.botUserId }, "Slack bot token verified");
  }

  async function listen(started: BoltApp): Promise<void> {
    if (mode === "socket") {
      await started.start();
      return;
    }
    const server = (await started.start({
      port: app.config.port,
      ...(options.host ? { host: options.host } : {}),
    })) as Server;
    port = (server.address() as AddressInfo).port;
  }

  async function tokenFor(teamId: string): Promise<string> {
    if (!installationStore) {
      if (slack.botToken) return slack.botToken;
    } else {
      const installation = await installationStore
        .fetchInstallation({ teamId, enterpriseId: undefined, isEnterpriseInstall: false })
        .catch(() => undefined);
      if (installation?.bot?.token) return installation.bot.token;
    }
    throw new PlatformError(
      "slack",
      "not_installed",
      `vitabot is not installed in Slack workspace ${teamId}`,
      {
        permanent: true,
      },
    );
  }

  return {
    platform: "slack",
    mode,
    get port() {
      return port;
    },
    async start() {
      if (bolt) return;
      await prepareAuth();
      const created = new BoltApp(
        boltOptions({ slack, logger, retries, installationStore, ...(identity ? { identity } : {}) }),
      );
      created.use(dedupEvents(app.storage, logger, now));
      registerHandlers(created, {
        dispatcher: app.dispatcher,
        people,
        logger,
        responder,
        answers,
        welcome: welcomeReply(app.knowledge),
        ...(installationStore ? { installationStore } : {}),
      });
      await listen(created);
      bolt = created;
      stopPruning = startPruning(app.storage, logger, now);
      logger.info({ mode, port, oauth: Boolean(installationStore) }, "Slack adapter started");
    },
    async stop() {
      stopPruning?.();
      const running = bolt;
      bolt = undefined;
      port = undefined;
      await running?.stop();
      responder.close();
    },
    async post(target: ChannelRef, reply: Reply) {
      if (!bolt)
        throw new PlatformError("slack", "not_started", "the Slack adapter is not running", {
          permanent: false,
        });
      const token = await tokenFor(target.workspaceId);
      try {
        await bolt.client.chat.postMessage({
          token,
          channel: target.channelId,
          ...toBlockKit(forChannel(reply)),
        });
      } catch (error) {
        throw toPlatformError(error, `post in channel ${target.channelId}`);
      }
    },
    health() {
      return bolt ? { ok: true, detail: mode } : { ok: false, detail: "not started" };
    },
  };
}
