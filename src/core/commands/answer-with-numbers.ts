/**
 * Asking the engine from a command: an urgent answer (and "I understand English for now")
 * names the workspace's own safety numbers (`/safety numbers`) when an admin set them,
 * else the deployment's. Storage is read only for those, so ordinary questions cost
 * nothing extra.
 */
import { type Answer, NOT_ENGLISH_ID } from "../answers/engine.js";
import type { CommandContext } from "./context.js";

/** The workspace's own numbers, or undefined. */
export function workspaceNumbers(ctx: CommandContext) {
  return ctx.storage.getSafetyNumbers(ctx.channel.platform, ctx.channel.workspaceId);
}

/** The engine's answer to `question`, with the workspace's numbers if it is urgent. */
export async function answerWithNumbers(ctx: CommandContext, question: string): Promise<Answer> {
  const answer = ctx.knowledge.engine.ask(question);
  // "I understand English for now" names the emergency number too.
  if (answer.kind !== "urgent" && answer.id !== NOT_ENGLISH_ID) return answer;
  const own = await workspaceNumbers(ctx);
  return own ? ctx.knowledge.engine.ask(question, own) : answer;
}
