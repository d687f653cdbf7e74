/**
 * What vitabot answers to an interaction, shared by the gateway and HTTP modes:
 * commands go to `dispatcher.runPath`, our buttons to `dispatcher.runLine`, Share
 * re-renders the reply for the whole channel, and autocomplete suggests values. No
 * product logic lives here: the dispatcher is the error boundary.
 */
import type { DispatchResult } from "../../core/commands/dispatch.js";
import { privateUnreachableReply } from "../../core/reply/build.js";
import { textReply } from "../../core/reply/reply.js";
import { shareDecision } from "../../core/reply/share.js";
import type { Logger } from "../../logger.js";
import { type AdapterApp, decodeAction } from "../chat-adapter.js";
import { type Choice, suggest } from "./autocomplete.js";
import { type InteractionBase, type InteractionInput, invocationOf } from "./interaction-input.js";
import { type DiscordMessage, renderReply } from "./render.js";

type HandlerApp = Pick<AdapterApp, "config" | "dispatcher" | "registry" | "knowledge" | "logger">;

/** How long a reply may take before the adapter defers (Discord allows 3 s for the first response). */
export const DEFER_AFTER_MS = 1500;

/**
 * @example const handler = createInteractionHandler(app); await handler.message(input)
 */
export function createInteractionHandler(app: HandlerApp) {
  const log: Logger = app.logger.child({ platform: "discord" });

  /** Renders safely: a reply that cannot be drawn becomes an apology, and the fault is logged. */
  function render(result: DispatchResult, forChannel: boolean, eventId: string): DiscordMessage {
    try {
      return renderReply(result.reply, { forChannel });
    } catch (error) {
      log.error({ err: error, command: result.path, eventId }, "reply could not be rendered for Discord");
      return renderReply(
        textReply("Sorry, something went wrong on my side", "Please try again later.", "error"),
      );
    }
  }

  /** True when the answer goes to everyone (Share to channel), known before running it. */
  function isPublic(input: InteractionInput): boolean {
    return input.kind === "button" && decodeAction(input.customId)?.share === true;
  }

  /** True for interactions vitabot answers with a message (not foreign buttons, not autocomplete). */
  function isOurs(input: InteractionInput): boolean {
    return (
      input.kind === "command" || (input.kind === "button" && decodeAction(input.customId) !== undefined)
    );
  }

  /** The message answering a command or one of our buttons; undefined for anything else. */
  async function message(input: InteractionInput): Promise<DiscordMessage | undefined> {
    const invocation = invocationOf(app.config, input);
    if (input.kind === "command") {
      return render(await app.dispatcher.runPath(invocation, input.path, input.options), false, input.id);
    }
    if (input.kind !== "button") return undefined;
    const action = decodeAction(input.customId);
    if (!action) return undefined;
    const result = await app.dispatcher.runLine({ ...invocation, share: action.share }, action.line);
    if (!action.share) return render(result, false, input.id);
    // Share posts only what core/reply/share.ts allows; anything else goes to the presser alone.
    const decision = shareDecision(result);
    return render({ ...result, reply: decision.reply }, decision.kind === "post", input.id);
  }

  /** Autocomplete suggestions for the focused option; none when it has no source. */
  function choices(input: InteractionInput): Choice[] {
    if (input.kind !== "autocomplete") return [];
    const options = app.registry.resolve(input.path)?.options ?? {};
    const source = Object.hasOwn(options, input.focused.name)
      ? options[input.focused.name]?.autocomplete
      : undefined;
    return source ? suggest(app.knowledge, source, input.focused.value) : [];
  }

  /**
   * A question from a mention or a DM, answered with `ask` for everyone in that channel;
   * a private answer (crisis) is rendered for the asker alone, with what to say in the
   * channel if it cannot reach them (`unreachable`, on private answers only).
   */
  async function ask(
    base: InteractionBase,
    question: string,
  ): Promise<{ message: DiscordMessage; private: boolean; unreachable?: DiscordMessage }> {
    const result = await app.dispatcher.runPath(invocationOf(app.config, base), "ask", { question });
    if (result.reply.private !== true) return { message: render(result, true, base.id), private: false };
    return {
      message: render(result, false, base.id),
      private: true,
      unreachable: renderReply(privateUnreachableReply(app.knowledge), { forChannel: true }),
    };
  }

  return { isPublic, isOurs, message, choices, ask, log };
}

/** The handler both interaction modes share. */
export type InteractionHandler = ReturnType<typeof createInteractionHandler>;

/**
 * The value if the promise settles within `ms`, otherwise undefined (the work goes on).
 * @example const early = await within(work, 1500); if (!early) await defer();
 */
export async function within<T>(promise: Promise<T>, ms: number): Promise<{ value: T } | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise.then((value) => ({ value })), late]);
  } finally {
    clearTimeout(timer);
  }
}
