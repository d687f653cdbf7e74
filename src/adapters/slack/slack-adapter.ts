/**
 * The Slack adapter: a Bolt App in HTTP mode (`/slack/events` mounted on the shared
 * server on PORT) or, with SLACK_APP_TOKEN, Socket Mode; single-token or OAuth (many
 * workspaces, installations in our Storage, install pages on the shared server). It
 * wires the listeners, dedups events in the store, posts scheduled replies with errors
 * mapped to PlatformError, and on stop lets answers already acknowledged go out.
 * @see https://docs.slack.dev/tools/bolt-js/getting-started
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { setImmediate as nextTurn } from "node:timers/promises";
import { App as BoltApp, type InstallationStore, type ReceiverEvent } from "@slack/bolt";
import type { SlackConfig } from "../../config.js";
import { dmRecipient } from "../../core/personal-tip.js";
import { workspaceReturned } from "../../core/privacy/workspace-removal.js";
import { welcomeReply } from "../../core/reply/build.js";
import type { Reply } from "../../core/reply/reply.js";
import { forChannel } from "../../core/reply/share.js";
import type { ChannelRef } from "../../core/storage-ports/storage.js";
import { PlatformError, UserFacingError } from "../../errors.js";
import type { Logger } from "../../logger.js";
import { createHttpServer, type HttpMount, type HttpServer, sendJson } from "../../ops/http-server.js";
import { createInFlight, type InFlight } from "../../ops/in-flight.js";
import type { AdapterApp, ChatAdapter } from "../chat-adapter.js";
import { ackNow, acksEmpty } from "./ack-first.js";
import { type AnswerQueue, createAnswerQueue } from "./answer-queue.js";
import {
  type BoltSetup,
  type BotIdentity,
  boltSetup,
  SLACK_EVENTS_PATH,
  seedInstallation,
  verifyBotToken,
  webClientOptions,
} from "./bolt-options.js";
import { dedupEvents } from "./dedup.js";
import { deliverReply } from "./deliver.js";
import { toPlatformError } from "./errors.js";
import { registerHandlers } from "./handlers.js";
import { createInstallationStore } from "./installation-store.js";
import { toBlockKit } from "./render.js";
import { guardSlackRequest, type SlackRequestGuardDeps } from "./request-guard.js";
import { createResponder } from "./respond.js";
import { createUserDirectory } from "./user-directory.js";

/** Deployment and test knobs that are not configuration (config comes from the App). */
export interface SlackAdapterOptions {
  /**
   * The shared HTTP server to mount Slack's paths on (vitabot start). Without it, HTTP
   * mode opens a server of its own on PORT (tests, benchmarks).
   */
  http?: HttpMount;
  /** Own server only: the interface to listen on; every interface when unset (tests use 127.0.0.1). */
  host?: string;
  /** Web API retries with backoff; tests turn them off so failures surface at once. */
  retries?: boolean;
  now?: () => number;
}

/** A ChatAdapter with the HTTP port its paths are served on (after start; undefined in Socket Mode without OAuth). */
export type SlackAdapter = ChatAdapter & { readonly port?: number; readonly mode: "http" | "socket" };

function requireSlack(app: AdapterApp): SlackConfig {
  const slack = app.config.slack;
  if (slack) return slack;
  throw new UserFacingError(
    "Slack is not configured: set SLACK_SIGNING_SECRET with SLACK_BOT_TOKEN (or the SLACK_CLIENT_* OAuth variables)",
    "config_invalid",
  );
}

/** What serving Bolt's routes needs besides the set-up. */
interface ServeDeps {
  port: number;
  host?: string;
  logger: Logger;
  inFlight: InFlight;
  guard: SlackRequestGuardDeps;
  /** Called as each signed request arrives, before its ack: answers hold back while requests keep coming. */
  arrived: () => void;
  /** Bolt's processing of a request acknowledged already (App.processEvent). */
  process: (event: ReceiverEvent) => Promise<void>;
}

/**
 * Serves Bolt's paths: on the shared server when given, else on a server of the
 * adapter's own, listening on PORT once they are mounted. Requests to `/slack/events`
 * pass the request guard (size, signature and timestamp window, body shape) first; those
 * whose ack is empty are acknowledged right then and handed to Bolt's App (ack-first.ts),
 * the rest (url_verification, the SSL check) go through Bolt's receiver.
 * Returns how to take them down again.
 */
async function serveBoltRoutes(
  setup: BoltSetup,
  target: HttpMount | undefined,
  listen: ServeDeps,
): Promise<{ mount: HttpMount; own?: HttpServer; unmount: () => void } | undefined> {
  const listener = setup.listener;
  if (!listener || setup.routes.length === 0) return undefined;
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    // Until the ack is out; by then the handler has queued the answer, which is tracked too.
    listen.inFlight.track(new Promise((resolve) => res.once("close", resolve)));
    try {
      listener(req, res);
    } catch {
      // Bolt throws HTTPReceiverDeferredRequestError for what it does not serve.
      if (!res.headersSent) sendJson(res, 404, { error: "not found" });
    }
  };
  const guarded = async (req: IncomingMessage, res: ServerResponse) => {
    const passed = await guardSlackRequest(req, res, listen.guard);
    if (!passed) return;
    // Signed requests only: a flood of unsigned ones must not slow the answers down.
    listen.arrived();
    if (passed.kind === "ssl_check" || !acksEmpty(passed.body)) return handler(req, res);
    const event = ackNow(req, res, passed.body);
    // Tracked until the answer is queued (the answer itself is tracked by the queue); the
    // request id stays in the async context, so the log line carries it. Bolt's part
    // (middleware, our listener) waits for the next turn: the acks of requests that
    // arrived with this one go out first.
    await listen.inFlight.track(
      nextTurn()
        .then(() => listen.process(event))
        .catch((error: unknown) => {
          listen.logger.error({ err: error }, "a Slack request failed after its acknowledgement");
        }),
    );
  };
  const own = target ? undefined : createHttpServer({ logger: listen.logger });
  const mount = target ?? (own as HttpServer);
  const unmount = mount.mount(
    setup.routes.map((route) => ({
      ...route,
      handler: route.path === SLACK_EVENTS_PATH ? guarded : handler,
    })),
  );
  // Listening only now: a request never finds the port open and the routes missing.
  await own?.listen(listen.port, listen.host);
  return { mount, unmount, ...(own ? { own } : {}) };
}

/**
 * @example const slack = createSlackAdapter(app); await slack.start(); … await slack.stop();
 */
export function createSlackAdapter(app: AdapterApp, options: SlackAdapterOptions = {}): SlackAdapter {
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
  // Answers run after the ack; tracked so that stop() lets acknowledged requests get theirs.
  const inFlight = createInFlight();
  const queue = createAnswerQueue();
  const answers: AnswerQueue = { ...queue, run: (job) => inFlight.track(queue.run(job)) };
  let bolt: BoltApp | undefined;
  let identity: BotIdentity | undefined;
  let served: Awaited<ReturnType<typeof serveBoltRoutes>>;

  async function prepareAuth(): Promise<void> {
    if (!slack.botToken) return;
    const verified = await verifyBotToken(slack.botToken, webClientOptions(slack, retries));
    if (installationStore) await seedInstallation(installationStore, slack.botToken, verified);
    else identity = verified;
    // A token Slack accepts means the app is installed there (again): nothing is to be purged.
    await workspaceReturned(app.storage, "slack", verified.teamId);
    logger.info({ teamId: verified.teamId, botUserId: verified.botUserId }, "Slack bot token verified");
  }

  function createBolt(setup: BoltSetup): BoltApp {
    const created = new BoltApp(setup.options);
    created.use(dedupEvents(app.storage, logger, now));
    registerHandlers(created, {
      dispatcher: app.dispatcher,
      people,
      logger,
      responder,
      answers,
      welcome: welcomeReply(app.knowledge),
      knowledge: app.knowledge,
      storage: app.storage,
      clock: app.clock,
      ...(installationStore ? { installationStore } : {}),
    });
    return created;
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
      return served?.mount.address()?.port;
    },
    async start() {
      if (bolt) return;
      await prepareAuth();
      const setup = boltSetup({
        slack,
        logger,
        retries,
        installationStore,
        ...(identity ? { identity } : {}),
      });
      const created = createBolt(setup);
      // HTTP mode never starts Bolt's receiver: its listener is mounted on our server instead.
      if (mode === "socket") await created.start();
      served = await serveBoltRoutes(setup, options.http, {
        port: app.config.port,
        logger,
        inFlight,
        guard: { signingSecret: slack.signingSecret, logger, now },
        arrived: answers.arrived,
        process: (event) => created.processEvent(event),
        ...(options.host ? { host: options.host } : {}),
      });
      bolt = created;
      logger.info(
        { mode, port: served?.mount.address()?.port, oauth: Boolean(installationStore) },
        "Slack adapter started",
      );
    },
    async stop() {
      served?.own?.beginDrain();
      if (mode === "socket") await bolt?.stop();
      // Requests already acknowledged still get their answers (post() keeps working meanwhile).
      await inFlight.settled();
      bolt = undefined;
      served?.unmount();
      await served?.own?.close();
      served = undefined;
      responder.close();
    },
    async post(target: ChannelRef, reply: Reply) {
      if (!bolt)
        throw new PlatformError("slack", "not_started", "the Slack adapter is not running", {
          permanent: false,
        });
      const token = await tokenFor(target.workspaceId);
      const client = bolt.client;
      // A person's own tip goes to their DMs: a user id as the channel posts in the app's
      // Messages tab with them (chat:write).
      const person = dmRecipient(target);
      const channel = person ?? target.channelId;
      const where = { client, token, logger, channel: { channelId: channel } };
      try {
        // The picture and files follow in the channel; a failed upload leaves the text version.
        await deliverReply(forChannel(reply), where, async (message) => {
          await client.chat.postMessage({ token, channel, ...toBlockKit(message) });
        });
      } catch (error) {
        throw toPlatformError(
          error,
          person ? `send a direct message to ${person}` : `post in channel ${channel}`,
        );
      }
    },
    health() {
      return bolt ? { ok: true, detail: mode } : { ok: false, detail: "not started" };
    },
  };
}
