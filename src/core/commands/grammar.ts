/**
 * The one text grammar, shared by the console and Slack's `/vitabot <command> [args]`:
 * the first word is the command (two for subcommands), the rest fills options in order,
 * "quoted strings" stay together, and `name:value` is accepted anywhere. An unknown
 * first word is a question for `ask`; a line that is one word near a command's name gets
 * "did you mean", and `/word` that is no command is said to be none. The dispatcher
 * runs triage before either (understand-line.ts).
 */
import { distance } from "fastest-levenshtein";
import type { CommandDefinition, Runnable } from "./define-command.js";
import type { Registry } from "./registry.js";

export interface Token {
  text: string;
  /** Set for `name:value` tokens. */
  name?: string;
}

export type ParsedLine =
  | { type: "empty" }
  | {
      type: "command";
      command: CommandDefinition;
      path: string;
      runnable: Runnable;
      args: Record<string, string>;
    }
  | {
      type: "did_you_mean";
      input: string;
      suggestions: string[];
      /** The whole line, when it could also be a message (triage reads it first). */
      text?: string;
    }
  /** `/word` where no command has that name or one near it; `text` is the whole line. */
  | { type: "unknown_command"; input: string; text: string }
  | {
      type: "error";
      message: string;
      path?: string;
      /** The whole line, when it may be a question that starts with a command word. */
      text?: string;
    };

/** The command that receives a line whose first word is not a command. */
const FALLBACK_COMMAND = "ask";

const QUOTES: Record<string, string> = { '"': '"', "\u201c": "\u201d", "\u201e": "\u201c" };
const NAMED = /^([a-z][a-z0-9-]*):(.*)$/s;

/** Splits a line into words, keeping "quoted strings" and `name:"quoted values"` together. */
export function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && /\s/.test(line.charAt(i))) i++;
    if (i >= line.length) break;
    let word = "";
    let quotedWhole = false;
    while (i < line.length && !/\s/.test(line.charAt(i))) {
      const close = QUOTES[line.charAt(i)];
      if (close) {
        const end = line.indexOf(close, i + 1);
        const stop = end === -1 ? line.length : end;
        quotedWhole = word === "";
        word += line.slice(i + 1, stop);
        i = stop + 1;
      } else {
        word += line.charAt(i);
        i++;
      }
    }
    const named = quotedWhole ? null : NAMED.exec(word);
    tokens.push(named ? { text: named[2] ?? "", name: named[1] } : { text: word });
  }
  return tokens;
}

/** Edit distance allowed for a near miss: 2, or 1 for words of three letters or fewer ("hi" is no "tip"). */
const MAX_DISTANCE = 2;
const SHORT_WORD = 3;

/** Names within the allowed edit distance of `word`, nearest first. */
function nearMisses(word: string, names: readonly string[]): string[] {
  const allowed = word.length > SHORT_WORD ? MAX_DISTANCE : 1;
  return names
    .map((name) => ({ name, d: distance(word, name) }))
    .filter(({ name, d }) => d <= allowed && word !== name)
    .sort((a, b) => a.d - b.d)
    .map(({ name }) => name);
}

/** Fills a runnable's options from tokens: named ones first, the rest in order. */
function fillOptions(runnable: Runnable, tokens: readonly Token[]): Record<string, string> | string {
  const names = Object.keys(runnable.options);
  const args: Record<string, string> = {};
  const positional: string[] = [];
  for (const token of tokens) {
    if (token.name && names.includes(token.name)) args[token.name] = token.text;
    else positional.push(token.name ? `${token.name}:${token.text}` : token.text);
  }
  const free = names.filter(
    (name) => args[name] === undefined && !runnable.options[name]?.hidden && !runnable.options[name]?.named,
  );
  for (const [index, name] of free.entries()) {
    if (positional.length === 0) break;
    const isLast = index === free.length - 1;
    args[name] =
      runnable.options[name]?.rest && isLast ? positional.splice(0).join(" ") : (positional.shift() ?? "");
  }
  if (positional.length > 0) return `I didn't expect "${positional.join(" ")}".`;
  return args;
}

/**
 * Parses one line of text against the registry.
 * @example parseLine("tips subscribe time:09:00 zone:Europe/Berlin", registry)
 */
export function parseLine(line: string, registry: Registry): ParsedLine {
  const trimmed = line.trim().replace(/^\//, "");
  const tokens = tokenize(trimmed);
  const [first, ...rest] = tokens;
  if (!first) return { type: "empty" };
  const word = first.name ? "" : first.text.toLowerCase();
  const command = registry.get(word);
  if (!command) {
    const suggestions = tokens.length === 1 ? nearMisses(word, registry.names()) : [];
    if (suggestions.length > 0) return { type: "did_you_mean", input: word, suggestions, text: trimmed };
    if (tokens.length === 1 && line.trim().startsWith("/")) {
      return { type: "unknown_command", input: word, text: trimmed };
    }
    return questionLine(trimmed, registry) ?? { type: "error", message: `Unknown command "${word}".` };
  }
  if (command.runnable) return withArgs(command, command.name, command.runnable, rest, trimmed);
  const subs = Object.keys(command.subcommands ?? {});
  const subWord = rest[0]?.name ? undefined : rest[0]?.text.toLowerCase();
  const runnable = subWord ? registry.resolve(`${command.name} ${subWord}`) : undefined;
  if (subWord && runnable) return withArgs(command, `${command.name} ${subWord}`, runnable, rest.slice(1));
  const suggestions = subWord ? nearMisses(subWord, subs) : [];
  if (suggestions.length > 0) {
    return {
      type: "did_you_mean",
      input: `${command.name} ${subWord}`,
      suggestions: suggestions.map((s) => `${command.name} ${s}`),
      // "tips my chest hurts": triage reads the whole line before any did-you-mean.
      text: trimmed,
    };
  }
  const what = subWord
    ? `"${command.name} ${subWord}" is not a command`
    : `"${command.name}" needs a subcommand`;
  const message = `${what}. Try: ${subs.map((s) => `${command.name} ${s}`).join(", ")}.`;
  // "tips for stronger legs": maybe a question that starts with a command word.
  return { type: "error", message, ...(subWord ? { text: trimmed } : {}) };
}

/** The line as a question for the fallback command (`ask`); undefined if there is none. */
export function questionLine(text: string, registry: Registry): ParsedLine | undefined {
  const fallback = registry.get(FALLBACK_COMMAND);
  if (!fallback?.runnable) return undefined;
  const question = Object.keys(fallback.runnable.options)[0] ?? "question";
  return {
    type: "command",
    command: fallback,
    path: fallback.name,
    runnable: fallback.runnable,
    args: { [question]: text },
  };
}

function withArgs(
  command: CommandDefinition,
  path: string,
  runnable: Runnable,
  tokens: readonly Token[],
  line?: string,
): ParsedLine {
  const args = fillOptions(runnable, tokens);
  if (typeof args !== "string") return { type: "command", command, path, runnable, args };
  // A command that takes no words of its own ("me and my legs feel weak"): maybe a question.
  const takesWords = Object.values(runnable.options).some((o) => !o.hidden && !o.named);
  return { type: "error", message: args, path, ...(line && !takesWords ? { text: line } : {}) };
}
