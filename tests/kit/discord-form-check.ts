/**
 * What the Discord stand-in refuses the way Discord's request schema does: an
 * `attachments[i].id` that is not a snowflake string. Discord's OpenAPI description
 * types `MessageAttachmentRequest.id` as `SnowflakeType`, a string matching
 * `^(0|[1-9][0-9]*)$`; the answer is Discord's 400 "Invalid Form Body" (code 50035).
 * @see https://github.com/discord/discord-api-spec (specs/openapi.json, MessageAttachmentRequest)
 */
import { z } from "zod";

const snowflake = z.string().regex(/^(0|[1-9][0-9]*)$/);
const attachmentsOf = z.object({
  attachments: z.array(z.looseObject({ id: snowflake })).optional(),
});

/** Discord's 400 for a body whose attachments do not match its schema; undefined when they do. */
export function invalidFormBody(
  body: unknown,
): { code: number; message: string; errors: object } | undefined {
  const holder = typeof body === "object" && body !== null && !Array.isArray(body) ? body : {};
  // Interaction callbacks carry the message under `data`.
  const message = "data" in holder && typeof holder.data === "object" ? holder.data : holder;
  const result = attachmentsOf.safeParse(message ?? {});
  if (result.success) return undefined;
  const errors = Object.fromEntries(
    result.error.issues.map((issue) => [
      issue.path.join("."),
      { _errors: [{ code: "SNOWFLAKE_TYPE_COERCE", message: "Value is not snowflake." }] },
    ]),
  );
  return { code: 50035, message: "Invalid Form Body", errors };
}
