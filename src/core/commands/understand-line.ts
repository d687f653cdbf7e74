/**
 * What a line means when its words alone can't tell. Triage reads the person's words
 * first, whatever follows: a red flag in a near-miss command word, an unknown `/word`
 * or a line that starts with a command word gets the urgent answer. A line that starts
 * with a command word but reads as a question (`tips for stronger legs`, `help my legs
 * are weak`) is answered rather than met with a list of subcommands.
 */
import { type Answer, SMALL_TALK_ID } from "../answers/engine.js";
import { type Reply, textReply } from "../reply/reply.js";
import { type ParsedLine, questionLine } from "./grammar.js";
import type { Registry } from "./registry.js";

const HELP = "help";

/** What the line needs from the answer engine: triage first, then an answer if there is one. */
export interface LineEngine {
  ask(question: string): Answer;
}

/** The free text of `help <text>` when it names no command; undefined otherwise. */
function helpText(parsed: ParsedLine, registry: Registry): string | undefined {
  if (parsed.type !== "command" || parsed.path !== HELP) return undefined;
  const topic = Object.values(parsed.args)[0];
  const first = topic?.trim().split(/\s+/)[0]?.toLowerCase().replace(/^\//, "");
  return first && !registry.get(first) ? `${HELP} ${topic}` : undefined;
}

/** "tips my legs are weak": words after a near-miss subcommand, so maybe a question. */
function longerThanNearMiss(parsed: ParsedLine): boolean {
  if (parsed.type !== "did_you_mean" || !parsed.text) return false;
  return parsed.text.split(/\s+/).length > parsed.input.split(" ").length;
}

/**
 * The parsed line, or the same line as a question for `ask` when triage flags it, when it
 * is small talk, or, for a command word followed by words no subcommand takes (or help
 * followed by no command), when the engine can answer it.
 * @example understandLine(parseLine("tips for stronger legs", registry), registry, engine).path === "ask"
 */
export function understandLine(parsed: ParsedLine, registry: Registry, engine: LineEngine): ParsedLine {
  const mayBeQuestion =
    parsed.type === "error" || helpText(parsed, registry) !== undefined || longerThanNearMiss(parsed);
  const text = "text" in parsed && parsed.text ? parsed.text : helpText(parsed, registry);
  if (!text) return parsed;
  const answer = engine.ask(text);
  const answered =
    answer.kind === "urgent" ||
    answer.id === SMALL_TALK_ID || // "hello" is a greeting, not a near miss of /help
    (mayBeQuestion && answer.kind === "answer");
  return (answered && questionLine(text, registry)) || parsed;
}

/**
 * The command a did-you-mean button runs: the suggestion's help (never the command itself,
 * which may change something), or `help` alone when help is what was meant (not "/help help").
 */
function suggestionAction(path: string): string {
  const [name = ""] = path.split(" ");
  return name === HELP ? HELP : `${HELP} ${name}`;
}

/** "Did you mean /help?" with a button per suggestion (at most three). */
export function didYouMeanReply(input: string, suggestions: readonly string[]): Reply {
  const list = suggestions.map((s) => `/${s}`).join(" or ");
  const reply = textReply(
    `Did you mean ${list}?`,
    `"${input}" is not a command. Type /help for the list.`,
    "error",
  );
  const actions = [...new Set(suggestions.slice(0, 3).map(suggestionAction))];
  reply.buttons = actions.map((action) => ({ label: `/${action}`, action }));
  return reply;
}

/** `/foo`: no such command, and nothing near it. */
export function unknownCommandReply(input: string): Reply {
  return textReply(
    `/${input} is not a command`,
    "Type /help for the list of commands, or ask your question in your own words.",
    "error",
  );
}
