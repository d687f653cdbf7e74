/**
 * The shape of an HTTP interaction body, checked with zod before anything reads it:
 * a signed body is from Discord, but a body of another shape (`null`, a command
 * without `data`, an option value that is an object) must get a 400, never a crash.
 * Only what vitabot reads is checked, and only as Discord documents it: optional
 * fields may be absent (`data.options` when nothing was typed; `member` and `guild_id`
 * in DMs, where `user` is sent instead), and fields vitabot ignores pass through.
 * Options nest at most three deep (group → subcommand → value), so the schema is not
 * recursive and a deeply nested body cannot exhaust the stack.
 * @see https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object
 */
import { z } from "zod";

/** Discord's ids: decimal strings (the OpenAPI `SnowflakeType` pattern). */
const snowflake = z.string().regex(/^(0|[1-9][0-9]{0,19})$/, "is not a snowflake");

const optionFields = {
  name: z.string(),
  type: z.number().int(),
  value: z.union([z.string(), z.number(), z.boolean()]).optional(),
  focused: z.boolean().optional(),
};
const valueOption = z.looseObject(optionFields);
const subcommandOption = z.looseObject({ ...optionFields, options: z.array(valueOption).optional() });
const topOption = z.looseObject({ ...optionFields, options: z.array(subcommandOption).optional() });

const user = z.looseObject({
  id: snowflake,
  username: z.string(),
  global_name: z.string().nullish(),
});

/** Who and where, common to every interaction but PING. */
const base = {
  id: snowflake,
  application_id: snowflake,
  token: z.string().min(1),
  guild_id: snowflake.optional(),
  channel_id: snowflake.optional(),
  channel: z.looseObject({ id: snowflake }).optional(),
  member: z.looseObject({ user, permissions: z.string().optional() }).optional(),
  user: user.optional(),
};

/** Application Command Data, shared by commands (type 2) and autocomplete (type 4). */
const commandData = z.looseObject({ name: z.string().min(1), options: z.array(topOption).optional() });

/**
 * One input of a submitted modal: a text input's `value` or a select's `values`. Custom
 * ids are at most 100 characters; a select sends at most 25 values.
 */
const modalInput = z.looseObject({
  type: z.number().int(),
  custom_id: z.string().max(100).optional(),
  value: z.string().max(4000).optional(),
  values: z.array(z.string().max(100)).max(25).optional(),
});

/**
 * Modal Submit Data (type 5): Labels (type 18) hold one input each; action rows (type 1,
 * the older layout) hold text inputs; text displays hold none. At most 5 of them.
 * @see https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object-modal-submit-data-structure
 */
const modalData = z.looseObject({
  custom_id: z.string().max(100),
  components: z
    .array(
      z.looseObject({
        type: z.number().int(),
        component: modalInput.optional(),
        components: z.array(modalInput).max(5).optional(),
      }),
    )
    .max(5),
});

const hasUser = (i: { member?: unknown; user?: unknown }) => i.member !== undefined || i.user !== undefined;
const userMessage = { message: "needs member (in a guild) or user (in a DM)" };

const interaction = z.discriminatedUnion("type", [
  z.looseObject({ type: z.literal(1) }),
  z.looseObject({ ...base, type: z.literal(2), data: commandData }).refine(hasUser, userMessage),
  z
    .looseObject({
      ...base,
      type: z.literal(3),
      data: z.looseObject({
        custom_id: z.string(),
        component_type: z.number().int(),
        values: z.array(z.string().max(100)).max(25).optional(),
      }),
    })
    .refine(hasUser, userMessage),
  z.looseObject({ ...base, type: z.literal(4), data: commandData }).refine(hasUser, userMessage),
  z.looseObject({ ...base, type: z.literal(5), data: modalData }).refine(hasUser, userMessage),
]);

/** An interaction body vitabot can read: a PING, a command, a component click, autocomplete or a modal submit. */
export type InteractionJson = z.infer<typeof interaction>;

/** The first problems, in words, for the 400 body: `data.options.0.value: Invalid input`. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`)
    .join("; ");
}

/**
 * @example const parsed = parseInteraction(JSON.parse(body)); if (!parsed.ok) return send(res, 400, …)
 */
export function parseInteraction(
  json: unknown,
): { ok: true; interaction: InteractionJson } | { ok: false; error: string } {
  const result = interaction.safeParse(json);
  return result.success
    ? { ok: true, interaction: result.data }
    : { ok: false, error: `not an interaction vitabot handles (${describeIssues(result.error)})` };
}
