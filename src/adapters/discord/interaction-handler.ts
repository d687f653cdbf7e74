/**
 * What vitabot answers to an interaction, shared by the gateway and HTTP modes:
 * commands go to `dispatcher.runPath`, our buttons to `dispatcher.runLine`, Share
 * re-renders the reply for the whole channel, and autocomplete suggests values. A reply
 * that carries a form opens it as a modal, and form selects, submits and Try again go to
 * form-flow.ts; Ask (the button, or `/ask` with nothing typed) opens the question modal.
 * No product logic lives here: the dispatcher is the error boundary.
 */
import type { DispatchResult } from "../../core/commands/dispatch.js";
import { privateUnreachableReply } from "../../core/reply/build.js";
import { textReply } from "../../core/reply/reply.js";
import { shareDecision } from "../../core/reply/share.js";
import type { Logger } from "../../logger.js";
import { type AdapterApp, decodeAction } from "../chat-adapter.js";
import { type Choice, suggest } from "./autocomplete.js";
import { createFormFlow, type DiscordAnswer } from "./form-flow.js";
import { parseFormCustomId } from "./form-ids.js";
import { type InteractionBase, type InteractionInput, invocationOf } from "./interaction-input.js";
import { type DiscordMessage, renderReply } from "./render.js";

type HandlerApp = Pick<
  AdapterApp,
  "config" | "dispatcher" | "registry" | "knowledge" | "logger" | "storage" | "clock"
>;

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

  /** True for interactions vitabot answers (not foreign components, not autocomplete). */
  function isOurs(input: InteractionInput): boolean {
    if (input.kind === "command") return true;
    if (input.kind === "autocomplete") return false;
    return decodeAction(input.customId) !== undefined || parseFormCustomId(input.customId) !== undefined;
  }

  const forms = createFormFlow(app, (result) => render(result, false, "form"));

  /** A button that asks a question without one, or `/ask` with nothing typed: the question form instead. */
  function asksForForm(input: InteractionInput): boolean {
    if (input.kind === "command") return input.path === "ask" && !String(input.options.question ?? "").trim();
    if (input.kind !== "button") return false;
    const action = decodeAction(input.customId);
    return action?.share === false && action.line.trim() === "ask";
  }

  const asMessage = (message: DiscordMessage): DiscordAnswer => ({ kind: "message", message });

  /** The answer to a command, one of our buttons, a form's select or submit; undefined for anything else. */
  async function answer(input: InteractionInput): Promise<DiscordAnswer | undefined> {
    const invocation = invocationOf(app.config, input);
    if (asksForForm(input)) return forms.ask();
    if (input.kind === "command") {
      const result = await app.dispatcher.runPath(invocation, input.path, input.options);
      return forms.open(result) ?? asMessage(render(result, false, input.id));
    }
    if (input.kind === "autocomplete") return undefined;
    const form = parseFormCustomId(input.customId);
    if (form && input.kind === "modal") return forms.submit(invocation, form, input.values);
    if (form && input.kind === "select") return forms.select(invocation, form, input.values);
    if (form && input.kind === "button" && form.part === "retry") return forms.retry(invocation, form);
    if (input.kind !== "button") return undefined;
    const action = decodeAction(input.customId);
    if (!action) return undefined;
    const result = await app.dispatcher.runLine({ ...invocation, share: action.share }, action.line);
    if (!action.share) return forms.open(result) ?? asMessage(render(result, false, input.id));
    // Share posts only what core/reply/share.ts allows; anything else goes to the presser alone.
    const decision = shareDecision(result);
    return asMessage(render({ ...result, reply: decision.reply }, decision.kind === "post", input.id));
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

  return { isPublic, isOurs, answer, choices, ask, log };
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
