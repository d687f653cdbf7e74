/**
 * The shapes of the signed requests vitabot takes at `/slack/events`, as zod schemas,
 * checked before Bolt sees a body. Bolt reads these fields without checking them (a
 * body of `null`, an `event` that is `null`, `authorizations: [null]`, an `item` that
 * is a string…), and some of those reads happen in a promise nobody awaits: one signed
 * request of the wrong shape took the whole process down. Only what Bolt and our
 * listeners read is constrained; everything else passes through untouched.
 * @see https://docs.slack.dev/apis/events-api/#callback-field
 * @see https://docs.slack.dev/interactivity/implementing-slash-commands#app_command_handling
 * @see https://docs.slack.dev/reference/interaction-payloads/block_actions-payload
 */
import { z } from "zod";
import { FORM_IDS } from "../../core/forms/forms.js";
import { ASK_ACTION_ID, ASK_CALLBACK_ID } from "./ask-form.js";
import { ACTION_ID_PATTERN } from "./handlers.js";
import { SLASH_COMMAND } from "./manifest.js";

const id = z.string();
/** An object Bolt reaches into (`'x' in value`, `value.id`): never null, a string or a number. */
const object = z.looseObject({});

/** Slack's url_verification handshake when the request URL is saved. */
const urlVerification = z.looseObject({ type: z.literal("url_verification"), challenge: z.string() });

/** Slack telling the app that it stopped sending events for a minute. */
const appRateLimited = z.looseObject({ type: z.literal("app_rate_limited") });

/** The fields of an event that Bolt inspects for every event, whatever its type. */
const event = z.looseObject({
  // Bolt leaves function_executed unacknowledged for a listener vitabot does not have.
  type: z.string().refine((type) => type !== "function_executed", "function_executed is not handled"),
  user: z.union([id, z.looseObject({ id: id.optional() })]).optional(),
  channel: z.union([id, object]).optional(),
  channel_id: id.optional(),
  item: object.optional(),
  subteam: object.optional(),
  message: object.optional(),
  previous_message: object.optional(),
  assistant_thread: object.optional(),
  text: z.string().optional(),
  ts: z.string().optional(),
  thread_ts: z.string().optional(),
  subtype: z.string().optional(),
  bot_id: z.string().optional(),
  channel_type: z.string().optional(),
  tokens: z.looseObject({ bot: z.array(id).optional(), oauth: z.array(id).optional() }).optional(),
});

const authorization = z.looseObject({
  team_id: id.nullable().optional(),
  enterprise_id: id.nullable().optional(),
  is_enterprise_install: z.boolean().optional(),
});

/** An Events API delivery (mentions, direct messages, joins, uninstalls). */
const eventCallback = z.looseObject({
  type: z.literal("event_callback"),
  team_id: id.optional(),
  enterprise_id: id.nullable().optional(),
  event_id: id.optional(),
  authorizations: z.array(authorization).optional(),
  is_enterprise_install: z.boolean().optional(),
  event,
});

/**
 * Fields whose mere presence makes Bolt file a body under another kind (it looks for
 * `event`, then `command`, then `name`, before `actions`): a body must be what Bolt will
 * take it for, or no listener acknowledges it.
 */
const absent = z.never().optional();

/** A form's button (`form:tips-setup`), and the callback id of its modal. */
const FORM_ID_PATTERN = new RegExp(`^form:(${FORM_IDS.join("|")})$`);
const ourAction = z
  .string()
  .refine((actionId) => ACTION_ID_PATTERN.test(actionId) || FORM_ID_PATTERN.test(actionId), "not our action");

/** A button press on one of our messages. */
const blockActions = z.looseObject({
  type: z.literal("block_actions"),
  event: absent,
  command: absent,
  name: absent,
  actions: z
    .array(
      z.looseObject({
        type: z.string(),
        // Only our buttons: Bolt would leave any other action unacknowledged (a 404 after 3 s).
        action_id: z.union([ourAction, z.literal(ASK_ACTION_ID)]),
        value: z.string().optional(),
        block_id: z.string().optional(),
      }),
    )
    .min(1),
  user: z.looseObject({ id, team_id: id.optional(), username: z.string().optional() }),
  team: z.looseObject({ id, enterprise_id: id.optional() }).nullable().optional(),
  enterprise: z.looseObject({ id }).nullable().optional(),
  channel: z.looseObject({ id }).optional(),
  trigger_id: z.string(),
  response_url: z.string().optional(),
  is_enterprise_install: z.boolean().optional(),
});

/**
 * A submitted modal (Bolt routes it by `view.callback_id`): the envelope the Ask form and
 * our set-up forms share, around the `view` each of them checks.
 * @see https://docs.slack.dev/reference/interaction-payloads/view-interactions-payload#view_submission
 */
function viewSubmission<View extends z.ZodType>(view: View) {
  return z.looseObject({
    type: z.literal("view_submission"),
    event: absent,
    command: absent,
    name: absent,
    user: z.looseObject({ id, team_id: id.optional(), username: z.string().optional() }),
    team: z.looseObject({ id, enterprise_id: id.optional() }).nullable().optional(),
    enterprise: z.looseObject({ id }).nullable().optional(),
    view,
    is_enterprise_install: z.boolean().optional(),
  });
}

/** The Ask a question form submitted. */
const askSubmission = viewSubmission(
  z.looseObject({ id, callback_id: z.literal(ASK_CALLBACK_ID), state: object.optional() }),
);

/**
 * A submitted modal of one of our forms. Its ack carries a body (`response_action`), so it
 * is never acknowledged early: it goes through Bolt's receiver to the view listener.
 */
const formSubmission = viewSubmission(
  z.looseObject({
    id,
    team_id: id.optional(),
    // Only our forms: Bolt would leave any other view unacknowledged.
    callback_id: z.string().regex(FORM_ID_PATTERN),
    private_metadata: z.string().optional(),
    state: z.looseObject({ values: z.record(z.string(), z.record(z.string(), object)) }),
  }),
);

/**
 * A slash command: form fields, each given once (a repeated field parses as an array).
 * `text` is optional because Slack leaves it empty for a bare `/vitabot`.
 */
const slashCommand = z.looseObject({
  // The manifest's one command; Bolt would leave any other unacknowledged (a 404 after 3 s).
  command: z.literal(SLASH_COMMAND),
  event: absent,
  text: z.string().optional(),
  team_id: id,
  channel_id: id,
  user_id: id,
  user_name: z.string().optional(),
  response_url: z.string(),
  trigger_id: z.string(),
  enterprise_id: z.string().optional(),
  is_enterprise_install: z.string().optional(),
});

/** Every body vitabot takes, as Bolt parses it (the JSON inside `payload=`, or the form fields). */
const slackRequestBody = z.union([
  urlVerification,
  appRateLimited,
  eventCallback,
  blockActions,
  askSubmission,
  formSubmission,
  slashCommand,
]);

export type SlackRequestBody = z.infer<typeof slackRequestBody>;

/**
 * The one shape a body's kind points to (its `command` field, else its `type`), tried
 * before the whole union. A union tries its options in turn, and every option that fails
 * first builds its list of issues: a slash command, the last option, cost four failed
 * parses, about 0.7 ms of the thread that acknowledges, 0.35 s over a burst of 500
 * (`npm run bench burst`, CPU profile). The union still decides when this one fails, so
 * exactly the same bodies pass, with the same data (no option transforms anything).
 */
function schemaForKind(body: unknown): z.ZodType<SlackRequestBody> | undefined {
  if (body === null || typeof body !== "object") return undefined;
  if ("command" in body) return slashCommand;
  switch ((body as { type?: unknown }).type) {
    case "event_callback":
      return eventCallback;
    case "block_actions":
      return blockActions;
    case "url_verification":
      return urlVerification;
    case "app_rate_limited":
      return appRateLimited;
    default:
      return undefined;
  }
}

/**
 * Whether a parsed body has a shape vitabot takes, and if not, a short reason (for the
 * log; never the body itself, which holds what people typed).
 * @example checkSlackBody(null) // { ok: false, reason: "…" }
 */
export function checkSlackBody(
  body: unknown,
): { ok: true; body: SlackRequestBody } | { ok: false; reason: string } {
  const likely = schemaForKind(body)?.safeParse(body);
  if (likely?.success) return { ok: true, body: likely.data };
  const result = slackRequestBody.safeParse(body);
  if (result.success) return { ok: true, body: result.data };
  return { ok: false, reason: describeIssue(body) };
}

/** Which kind of request the body claims to be, for the log line. */
function describeIssue(body: unknown): string {
  if (body === null || typeof body !== "object" || Array.isArray(body))
    return `the body is ${body === null ? "null" : Array.isArray(body) ? "an array" : typeof body}, not an object`;
  const type = (body as { type?: unknown }).type;
  if (typeof type === "string") return `a "${type.slice(0, 40)}" body with missing or mistyped fields`;
  if ("command" in body) return "a slash command with missing, repeated or mistyped fields";
  return "no request kind vitabot takes (slash command, event_callback, block_actions, view_submission, url_verification)";
}
