/**
 * The Bolt listeners: `/vitabot`, app mentions, direct messages, our buttons, the Home
 * tab and the Ask a question form (the set-up forms are in form-handlers.ts; uninstalls, the
 * bot joining a channel and profile changes in workspace-events.ts). Each acknowledges first
 * (Slack allows 3 seconds), then hands the line to the dispatcher and renders what comes back; no
 * product logic lives here.
 * @see https://docs.slack.dev/tools/bolt-js/concepts/acknowledge
 */

import type { App as BoltApp, InstallationStore, webApi } from "@slack/bolt";
import type { Clock } from "../../core/clock.js";
import type { Dispatcher, DispatchResult, Invocation } from "../../core/commands/dispatch.js";
import type { Knowledge } from "../../core/knowledge/knowledge.js";
import type { Reply } from "../../core/reply/reply.js";
import { shareDecision } from "../../core/reply/share.js";
import type { Storage } from "../../core/storage-ports/storage.js";
import type { Logger } from "../../logger.js";
import { ACTION_PREFIX, decodeAction } from "../chat-adapter.js";
import type { AnswerJob, AnswerQueue } from "./answer-queue.js";
import { ASK_ACTION_ID, ASK_CALLBACK_ID, askModal, questionOf } from "./ask-form.js";
import { buttonOrigin } from "./button-origin.js";
import { answerDelivery, deliverReply } from "./deliver.js";
import { toPlatformError } from "./errors.js";
import { onForms } from "./form-handlers.js";
import { toHomeView } from "./home-view.js";
import { fromSlackText } from "./incoming-text.js";
import { SLASH_COMMAND } from "./manifest.js";
import { toBlockKit } from "./render.js";
import type { Responder } from "./respond.js";
import type { UserDirectory } from "./user-directory.js";
import { onWorkspaceEvents } from "./workspace-events.js";

/** What the listeners use: the dispatcher, people, logging, answering and, with OAuth, the store. */
export interface HandlerDeps {
  dispatcher: Dispatcher;
  people: UserDirectory;
  logger: Logger;
  /** Answers through response_url (slash commands, buttons). */
  responder: Responder;
  /** Where answers wait for their turn after the ack. */
  answers: AnswerQueue;
  /** OAuth mode: uninstalls delete the workspace's installation. */
  installationStore?: InstallationStore;
  /**
   * Uninstalls record the workspace's removal here (its data is purged after a grace
   * period); profile changes move or stop a person's own tip; a submitted form is claimed
   * once (claimEvent).
   */
  storage: Pick<
    Storage,
    "markWorkspaceRemoved" | "personalTips" | "saveSubscription" | "deleteSubscription" | "claimEvent"
  >;
  /** The forms' options (challenge templates) come from here. */
  knowledge: Knowledge;
  clock: Clock;
  /** Posted when the app is added to a channel, with a "Set up daily tips" button. */
  welcome: Reply;
}

/** The action ids renderers give our buttons (`vb-0`, `vb-1`, …). */
export const ACTION_ID_PATTERN = new RegExp(`^${ACTION_PREFIX}-\\d+$`);
/** Where a request came from, as Slack ids. */
interface Origin {
  teamId: string;
  channelId: string;
  userId: string;
  userName?: string;
  requestId: string;
}

/** A mention of the bot (`<@U123>` or `<@U123|name>`) removed from the start or anywhere. */
function stripMention(text: string, botUserId: string | undefined): string {
  if (!botUserId) return text.trim();
  return text
    .replace(new RegExp(`<@${botUserId}(\\|[^>]*)?>`, "g"), " ")
    .replace(/\s+/g, " ")
    .trim();
}

const responseType = (reply: Reply) => (reply.visibility === "channel" ? "in_channel" : "ephemeral");

/**
 * Runs `work` through the answer queue (acks first), logging, never rethrowing, a
 * failure: the request was acknowledged already.
 */
async function guarded(deps: HandlerDeps, requestId: string, what: string, work: AnswerJob): Promise<void> {
  try {
    await deps.answers.run(work);
  } catch (error) {
    deps.logger.error({ err: error, requestId }, `${what} failed after the acknowledgement`);
  }
}

function createRunner(deps: HandlerDeps) {
  async function invocationFor(client: webApi.WebClient, origin: Origin): Promise<Invocation> {
    const person = await deps.people.lookup(client, origin.teamId, origin.userId);
    const name = person.name ?? origin.userName;
    return {
      platform: "slack",
      user: { id: origin.userId, ...(name ? { name } : {}) },
      channel: { platform: "slack", workspaceId: origin.teamId, channelId: origin.channelId },
      isAdmin: person.isAdmin,
      ...(person.timeZone ? { userTimeZone: person.timeZone } : {}),
      eventId: origin.requestId,
    };
  }

  const logged = (origin: Origin, result: DispatchResult) => {
    deps.logger.debug(
      { requestId: origin.requestId, command: result.path, outcome: result.outcome },
      "answered",
    );
    return result;
  };

  /** The dispatcher's answer to `line` (with its outcome), logged with the request id. */
  async function run(
    client: webApi.WebClient,
    origin: Origin,
    line: string,
    share = false,
  ): Promise<DispatchResult> {
    return logged(
      origin,
      await deps.dispatcher.runLine({ ...(await invocationFor(client, origin)), share }, line),
    );
  }

  /** The same, for a command with typed options (a submitted form). */
  async function runPath(
    client: webApi.WebClient,
    origin: Origin,
    path: string,
    options: Record<string, unknown>,
  ): Promise<DispatchResult> {
    return logged(origin, await deps.dispatcher.runPath(await invocationFor(client, origin), path, options));
  }

  return Object.assign(run, { path: runPath });
}

export type Runner = ReturnType<typeof createRunner>;

/** Posts a reply in the person's DM with the app (its Messages tab); files and pictures go there too. */
async function sendToDm(deps: HandlerDeps, client: webApi.WebClient, origin: Origin, reply: Reply) {
  await deliverReply(reply, answerDelivery(client, deps.logger, origin), async (message) => {
    await client.chat.postMessage({ channel: origin.userId, ...toBlockKit(message) });
  });
}

/** The person's Home tab: their personal panel (the `me` command), published for them alone. */
async function publishHome(run: Runner, client: webApi.WebClient, origin: Origin): Promise<void> {
  const { reply } = await run(client, origin, "me");
  await client.views.publish({ user_id: origin.userId, view: toHomeView(reply) });
}

function onSlashCommand(bolt: BoltApp, deps: HandlerDeps, run: Runner): void {
  bolt.command(SLASH_COMMAND, async ({ command, ack, client }) => {
    await ack();
    const origin = {
      teamId: command.team_id,
      channelId: command.channel_id,
      userId: command.user_id,
      userName: command.user_name,
      requestId: command.trigger_id,
    };
    await guarded(deps, origin.requestId, SLASH_COMMAND, async () => {
      const { reply } = await run(client, origin, fromSlackText(command.text ?? ""));
      const shown = reply.visibility === "channel" ? { channelId: origin.channelId } : undefined;
      await deliverReply(reply, answerDelivery(client, deps.logger, origin, shown), (message) =>
        deps.responder.respond(command.response_url, {
          ...toBlockKit(message),
          response_type: responseType(message),
        }),
      );
    });
  });
}

interface MessageLike {
  user?: string;
  text?: string;
  channel: string;
  ts: string;
  thread_ts?: string;
  bot_id?: string;
  subtype?: string;
  channel_type?: string;
}

/** Mentions answer in a thread; direct messages answer in the DM. */
function onMessages(bolt: BoltApp, deps: HandlerDeps, run: Runner): void {
  const answer = async (
    args: {
      client: webApi.WebClient;
      body: { team_id?: string; event_id?: string };
      context: { botUserId?: string };
    },
    message: MessageLike,
    threadTs: string | undefined,
  ) => {
    if (!message.user || message.bot_id) return;
    const origin = {
      teamId: args.body.team_id ?? "",
      channelId: message.channel,
      userId: message.user,
      requestId: args.body.event_id ?? message.ts,
    };
    await guarded(deps, origin.requestId, "message", async () => {
      const line = fromSlackText(stripMention(message.text ?? "", args.context.botUserId));
      const { reply } = await run(args.client, origin, line);
      if (reply.private && message.channel_type !== "im") {
        // A crisis answer is for the asker alone: visible only to them, in the thread they wrote in.
        await args.client.chat.postEphemeral({
          channel: message.channel,
          user: origin.userId,
          ...(threadTs ? { thread_ts: threadTs } : {}),
          ...toBlockKit(reply),
        });
        return;
      }
      const where = { channelId: message.channel, ...(threadTs ? { threadTs } : {}) };
      await deliverReply(reply, answerDelivery(args.client, deps.logger, origin, where), async (answer) => {
        await args.client.chat.postMessage({
          channel: message.channel,
          ...(threadTs ? { thread_ts: threadTs } : {}),
          ...toBlockKit(answer),
        });
      });
    });
  };
  bolt.event("app_mention", async (args) => {
    const event = args.event as MessageLike;
    await answer(args, event, event.thread_ts ?? event.ts);
  });
  bolt.event("message", async (args) => {
    const event = args.event as MessageLike;
    if (event.channel_type !== "im" || event.subtype) return;
    await answer(args, event, undefined);
  });
}

const NOT_POSTABLE = new Set(["not_in_channel", "channel_not_found", "is_archived"]);

/** Share posts the answer for everyone; other buttons answer the person who pressed them. */
function onButtons(bolt: BoltApp, deps: HandlerDeps, run: Runner): void {
  bolt.action(ACTION_ID_PATTERN, async ({ ack, action, body, client }) => {
    await ack();
    const decoded = action.type === "button" ? decodeAction(action.value ?? "") : undefined;
    if (!decoded || body.type !== "block_actions") return;
    const origin = buttonOrigin(body);
    if (body.view?.type === "home") {
      // Home has no response_url: the answer goes to the person's DM, then their Home is redrawn.
      return guarded(deps, origin.requestId, "home button", async () => {
        const { reply } = await run(client, origin, decoded.line);
        await sendToDm(deps, client, origin, reply);
        await publishHome(run, client, origin);
      });
    }
    await guarded(deps, origin.requestId, "button", async () => {
      const result = await run(client, origin, decoded.line, decoded.share);
      const ephemeral = (message: Reply) =>
        deps.responder.respond(body.response_url, {
          ...toBlockKit(message),
          response_type: "ephemeral",
          replace_original: false,
        });
      // Share posts only what core/reply/share.ts allows; anything else goes to the presser alone.
      const decision = decoded.share
        ? shareDecision(result)
        : { kind: "refuse" as const, reply: result.reply };
      if (decision.kind === "refuse")
        return void (await deliverReply(
          decision.reply,
          answerDelivery(client, deps.logger, origin),
          ephemeral,
        ));
      try {
        await deliverReply(
          decision.reply,
          answerDelivery(client, deps.logger, origin, { channelId: origin.channelId }),
          async (shared) => {
            await client.chat.postMessage({ channel: origin.channelId, ...toBlockKit(shared) });
          },
        );
      } catch (error) {
        const failure = toPlatformError(error, "share the answer");
        if (!NOT_POSTABLE.has(failure.code)) throw failure;
        await ephemeral(notPostable());
      }
    });
  });
}

/**
 * The Home tab, published when the person opens it, and the Ask a question form: its
 * button opens the modal at once (the trigger_id lasts 3 seconds), and the submitted
 * question goes through the dispatcher as `ask`, answered in the person's DM.
 */
function onHome(bolt: BoltApp, deps: HandlerDeps, run: Runner): void {
  bolt.event("app_home_opened", async ({ event, body, client }) => {
    if (event.tab !== "home") return;
    const origin = {
      teamId: body.team_id ?? "",
      channelId: event.channel,
      userId: event.user,
      requestId: body.event_id ?? event.event_ts,
    };
    await guarded(deps, origin.requestId, "home", () => publishHome(run, client, origin));
  });
  bolt.action(ASK_ACTION_ID, async ({ ack, body, client }) => {
    await ack();
    if (body.type !== "block_actions") return;
    try {
      await client.views.open({ trigger_id: body.trigger_id, view: askModal() });
    } catch (error) {
      deps.logger.warn(
        { code: toPlatformError(error, "open the form").code, requestId: body.trigger_id },
        "ask form not opened",
      );
    }
  });
  bolt.view(ASK_CALLBACK_ID, async ({ ack, body, client }) => {
    await ack();
    const origin = {
      teamId: body.team?.id ?? body.user.team_id ?? "",
      channelId: body.user.id,
      userId: body.user.id,
      requestId: body.view.id,
    };
    const question = questionOf(body.view.state);
    await guarded(deps, origin.requestId, "ask form", async () => {
      const { reply } = await run.path(client, origin, "ask", question ? { question } : {});
      await sendToDm(deps, client, origin, reply);
    });
  });
}

function notPostable(): Reply {
  return {
    title: "I can't post in this channel",
    tone: "error",
    sections: [{ text: "Invite me first with /invite @vitabot, then press Share to channel again." }],
    visibility: "ephemeral",
  };
}

/**
 * Registers every listener on a Bolt app.
 * @example registerHandlers(bolt, { dispatcher, people, logger });
 */
export function registerHandlers(bolt: BoltApp, deps: HandlerDeps): void {
  const run = createRunner(deps);
  onSlashCommand(bolt, deps, run);
  onMessages(bolt, deps, run);
  onButtons(bolt, deps, run);
  onHome(bolt, deps, run);
  onForms(bolt, deps, run);
  onWorkspaceEvents(bolt, deps);
}
