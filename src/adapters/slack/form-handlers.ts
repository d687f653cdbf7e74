/**
 * The Slack listeners of the set-up forms (daily tips, a challenge): a `form:<id>` button
 * opens the form's modal, and its submission runs the typed command through the
 * dispatcher, with a user error shown on its field.
 */
import { createHash } from "node:crypto";
import type { App as BoltApp, webApi } from "@slack/bolt";
import {
  FORM_ACTION_PREFIX,
  type FormId,
  fieldError,
  fieldForError,
  formArguments,
  formIdOf,
  formSpec,
} from "../../core/forms/forms.js";
import type { Reply } from "../../core/reply/reply.js";
import { buttonOrigin } from "./button-origin.js";
import { toPlatformError } from "./errors.js";
import { metadataOf, toSlackModal, valuesFromSlackState } from "./forms.js";
import type { HandlerDeps, Runner } from "./handlers.js";
import { SLACK_LIMITS } from "./limits.js";
import { toBlockKit } from "./render.js";

const FORM_PATTERN = new RegExp(`^${FORM_ACTION_PREFIX}`);

/** What a form's submission answered, kept briefly so a second submission of it acts once. */
type FormAck = { response_action: "errors"; errors: Record<string, string> } | undefined;
/** How many recent submissions are remembered in this process (duplicates come seconds apart). */
const RECENT_SUBMISSIONS = 500;

/**
 * Forms: a `form:<id>` button runs the form's opener through the dispatcher (which fills
 * the defaults, or refuses, e.g. a non-admin) and opens the modal with the press's
 * trigger_id, at once (it expires in 3 s). A submission becomes the typed command's
 * arguments and runs through the same dispatcher; a user error comes back on its field.
 * A view submitted twice with the same values acts once (its claim is shared by replicas).
 */
export function onForms(bolt: BoltApp, deps: HandlerDeps, run: Runner): void {
  bolt.action(FORM_PATTERN, async ({ ack, action, body, client }) => {
    await ack();
    if (body.type !== "block_actions" || !("action_id" in action)) return;
    const id = formIdOf(action.action_id);
    if (!id) return;
    const origin = buttonOrigin(body);
    try {
      const spec = formSpec(id, deps.knowledge);
      const { reply } = await run(client, origin, spec.opener);
      if (reply.form?.id === id) {
        await client.views.open({
          trigger_id: body.trigger_id,
          view: toSlackModal(spec, reply.form.values, { channelId: origin.channelId }),
        });
        return;
      }
      if (body.response_url)
        await deps.responder.respond(body.response_url, {
          ...toBlockKit(reply),
          response_type: "ephemeral",
          replace_original: false,
        });
    } catch (error) {
      deps.logger.error(
        { code: toPlatformError(error, "open a form").code, requestId: origin.requestId },
        "form not opened",
      );
    }
  });

  const recent = new Map<string, Promise<FormAck>>();
  bolt.view(FORM_PATTERN, async ({ ack, body, view, client }) => {
    const id = formIdOf(view.callback_id) as FormId;
    const spec = formSpec(id, deps.knowledge);
    const submitted = valuesFromSlackState(
      spec,
      view.state.values as Record<string, Record<string, unknown>>,
    );
    const mapped = formArguments(spec, submitted);
    if (!mapped.ok) return void (await ack({ response_action: "errors", errors: mapped.errors }));
    const key = `view:${view.id}:${createHash("sha256").update(JSON.stringify(submitted)).digest("hex").slice(0, 16)}`;
    const earlier = recent.get(key);
    if (earlier) return void (await ack(await earlier));
    const origin = {
      teamId: body.team?.id ?? body.user.team_id ?? view.team_id ?? "",
      channelId: mapped.channelId ?? (metadataOf(view.private_metadata).channelId || body.user.id),
      userId: body.user.id,
      userName: body.user.name,
      requestId: view.id,
    };
    const work = (async (): Promise<FormAck> => {
      if (!(await deps.storage.claimEvent("slack", key, deps.clock.now().getTime()))) {
        deps.logger.info({ requestId: origin.requestId }, "duplicate form submission skipped");
        return undefined;
      }
      const result = await run.path(client, origin, spec.path, mapped.args);
      if (result.outcome === "ok") {
        void answerPrivately(deps, client, origin, result.reply);
        return undefined;
      }
      const field = fieldForError(spec, result);
      const text = result.reply.sections.map((section) => section.text).join(" ");
      const message = fieldError(field, text, submitted).slice(0, SLACK_LIMITS.fieldError);
      return { response_action: "errors", errors: { [field]: message } };
    })();
    recent.set(key, work);
    if (recent.size > RECENT_SUBMISSIONS) recent.delete(recent.keys().next().value as string);
    await ack(await work);
  });
}

/** The answer to a form, shown only to the person in the channel it ran in (never lost silently: logged). */
async function answerPrivately(
  deps: HandlerDeps,
  client: webApi.WebClient,
  origin: { channelId: string; userId: string; requestId: string },
  reply: Reply,
): Promise<void> {
  try {
    await client.chat.postEphemeral({ channel: origin.channelId, user: origin.userId, ...toBlockKit(reply) });
  } catch (error) {
    deps.logger.warn(
      { code: toPlatformError(error, "answer a form").code, requestId: origin.requestId },
      "form answer not shown",
    );
  }
}
