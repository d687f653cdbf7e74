/**
 * Forms on Discord, between the interaction handler and the dispatcher: an opener's
 * reply that carries a form (`/tips setup`, `/challenge new`, the welcome's and `/me`'s
 * buttons) opens it as a modal (a challenge's template is picked in a select first); a
 * modal submit is checked field by field, mapped to the typed command's arguments by the
 * same core mapping as Slack's and run through the dispatcher (admin checks, validation
 * and cooldowns apply once), acting once per modal and values; a refused one answers with
 * what to fix and a Try again button that reopens the form filled in. No product logic:
 * the core forms and the commands decide.
 */
import { createHash } from "node:crypto";
import type { APIModalInteractionResponseCallbackData } from "discord.js";
import type { DispatchResult, Invocation } from "../../core/commands/dispatch.js";
import {
  FORM_IDS,
  type FormId,
  type FormValues,
  fieldError,
  fieldForError,
  fieldProblems,
  formArguments,
  formSpec,
} from "../../core/forms/forms.js";
import { textReply } from "../../core/reply/reply.js";
import type { AdapterApp } from "../chat-adapter.js";
import { createFormDrafts } from "./form-drafts.js";
import { type FormCustomId, shortKey } from "./form-ids.js";
import type { ModalValues } from "./interaction-input.js";
import { askModal, formErrors, formModal, templateSelect } from "./modals.js";
import { type DiscordMessage, renderReply } from "./render.js";

/** What an interaction is answered with: a message, or a modal (with the message to show if it is too late for one). */
export type DiscordAnswer =
  | { kind: "message"; message: DiscordMessage }
  | { kind: "modal"; modal: APIModalInteractionResponseCallbackData; fallback: DiscordMessage };

/** The message of an answer: itself, or a modal's fallback (when a modal can no longer be shown). */
export function messageOf(answer: DiscordAnswer): DiscordMessage {
  return answer.kind === "message" ? answer.message : answer.fallback;
}

type FlowApp = Pick<AdapterApp, "dispatcher" | "knowledge" | "storage" | "clock" | "logger">;

const message = (m: DiscordMessage): DiscordAnswer => ({ kind: "message", message: m });
const isFormId = (id: string): id is FormId => (FORM_IDS as readonly string[]).includes(id);

/** A submitted modal's values as the core mapping reads them, and as text for a draft. */
function typedValues(values: ModalValues, template: string | undefined) {
  const submitted: Record<string, string | string[] | undefined> = { ...values };
  if (template !== undefined) submitted.template = template;
  const draft: FormValues = Object.fromEntries(
    Object.entries(submitted).flatMap(([k, v]) =>
      v === undefined ? [] : [[k, Array.isArray(v) ? v.join(",") : v]],
    ),
  );
  return { submitted, draft };
}

/** @example const forms = createFormFlow(app, render); const answer = await forms.submit(invocation, id, values) */
export function createFormFlow(app: FlowApp, render: (result: DispatchResult) => DiscordMessage) {
  const drafts = createFormDrafts({
    storage: app.storage,
    clock: app.clock,
    logger: app.logger,
    newKey: shortKey,
  });
  const typist = (invocation: Invocation) => ({ platform: invocation.platform, userId: invocation.user.id });

  /** The form a reply asks to show, as a modal (or the template select); undefined when it has none. */
  function open(result: DispatchResult, draftKey = ""): DiscordAnswer | undefined {
    const form = result.outcome === "ok" ? result.reply.form : undefined;
    if (!form || !isFormId(form.id)) return undefined;
    const spec = formSpec(form.id, app.knowledge);
    if (spec.id === "challenge-new" && !form.values.template)
      return message(templateSelect(spec, form.values, draftKey));
    return { kind: "modal", modal: formModal(spec, form.values, shortKey()), fallback: render(result) };
  }

  /** The Ask a question modal; too late for a modal, how to ask by typing. */
  function ask(): DiscordAnswer {
    const fallback = renderReply(textReply("Ask a question", "Type /ask followed by your question."));
    return { kind: "modal", modal: askModal(shortKey()), fallback };
  }

  /** The form filled in with `values`, as if its opener had answered with them. */
  function reopen(form: FormId, values: FormValues, draftKey: string): DiscordAnswer | undefined {
    const reply = { ...textReply("", ""), form: { id: form, values } };
    return open({ reply, outcome: "ok", path: formSpec(form, app.knowledge).opener }, draftKey);
  }

  /** A template picked in the select: the opener runs again with it (its admin check too), then the modal. */
  async function select(invocation: Invocation, id: FormCustomId, values: string[]): Promise<DiscordAnswer> {
    if (!isFormId(id.form)) return message(render(notAForm()));
    const spec = formSpec(id.form, app.knowledge);
    const template = values[0] ?? "";
    const result = await app.dispatcher.runPath(invocation, spec.opener, { template });
    const typed = await drafts.get(id.key, typist(invocation), id.form);
    if (result.outcome !== "ok" || !result.reply.form) return message(render(result));
    const filled = { ...result.reply.form.values, ...typed, template };
    return reopen(id.form, filled, id.key) ?? message(render(result));
  }

  /** Try again: the form with what was typed; with its defaults when the draft is gone. */
  async function retry(invocation: Invocation, id: FormCustomId): Promise<DiscordAnswer> {
    if (!isFormId(id.form)) return ask();
    const typed = await drafts.get(id.key, typist(invocation), id.form);
    if (typed) return reopen(id.form, typed, id.key) ?? message(render(notAForm()));
    const result = await app.dispatcher.runPath(invocation, formSpec(id.form, app.knowledge).opener, {});
    return open(result) ?? message(render(result));
  }

  /** True for the first submission of this modal with these values (shared by replicas through storage). */
  function firstSubmission(nonce: string, values: ModalValues): Promise<boolean> {
    const hash = createHash("sha256").update(JSON.stringify(values)).digest("hex").slice(0, 16);
    return app.storage.claimEvent("discord", `modal:${nonce}:${hash}`, app.clock.now().getTime());
  }

  /** A submitted set-up form or question: checked, run once through the dispatcher, answered. */
  async function submit(
    invocation: Invocation,
    id: FormCustomId,
    values: ModalValues,
  ): Promise<DiscordAnswer> {
    if (id.part !== "modal") return message(render(notAForm()));
    if (id.form === "ask") return submitQuestion(invocation, id, values);
    const spec = formSpec(id.form, app.knowledge);
    const { submitted, draft } = typedValues(
      values,
      spec.id === "challenge-new" ? (id.template ?? "") : undefined,
    );
    // A Discord form runs in the channel it was opened in: its channel field is that one.
    for (const field of spec.fields)
      if (field.kind === "channel") submitted[field.name] = invocation.channel.channelId;
    const mapped = formArguments(spec, submitted);
    const errors = { ...fieldProblems(spec, submitted), ...(mapped.ok ? {} : mapped.errors) };
    const refuse = async (problems: Record<string, string>) =>
      message(formErrors(spec, problems, await drafts.keep(typist(invocation), spec.id, draft)));
    if (!mapped.ok || Object.keys(errors).length > 0) return refuse(errors);
    if (!(await firstSubmission(id.key, values))) return message(render(alreadyDone()));
    const result = await app.dispatcher.runPath(invocation, spec.path, mapped.args);
    if (result.outcome !== "user_error") return message(render(result));
    const field = fieldForError(spec, result);
    const text = result.reply.sections.map((section) => section.text).join(" ");
    return refuse({ [field]: fieldError(field, text, submitted) });
  }

  async function submitQuestion(invocation: Invocation, id: FormCustomId, values: ModalValues) {
    const typed = values.question;
    const question = typeof typed === "string" ? typed.trim() : "";
    if (!question) return message(render(noQuestion()));
    if (!(await firstSubmission(id.key, values))) return message(render(alreadyDone()));
    return message(render(await app.dispatcher.runPath(invocation, "ask", { question })));
  }

  return { open, ask, select, retry, submit };
}

const userError = (title: string, text: string): DispatchResult => ({
  reply: textReply(title, text, "error"),
  outcome: "user_error",
});
const alreadyDone = () =>
  userError("Already submitted", "This form was already submitted, so nothing was done again.");
const noQuestion = () => userError("No question", "Type a question in the form, or /ask followed by it.");
const notAForm = () => userError("That form is gone", "Open it again with /tips setup or /challenge new.");
