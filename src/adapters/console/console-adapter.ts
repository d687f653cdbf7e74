/**
 * The console adapter (hubot's Shell): a terminal chat with no tokens. Each line goes
 * through the same dispatcher as Slack and Discord; stdin ending ends the session, so
 * `printf '/vitamin d\n/help\n' | npm start` works as a script.
 */
import { userInfo } from "node:os";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { Dispatcher, Invocation, Outcome } from "../../core/commands/dispatch.js";
import { dmRecipient } from "../../core/personal-tip.js";
import type { Reply } from "../../core/reply/reply.js";
import type { ChannelRef } from "../../core/storage-ports/storage.js";
import type { ChatAdapter } from "../chat-adapter.js";
import { renderConsole } from "./render.js";

export interface ConsoleAdapterOptions {
  dispatcher: Dispatcher;
  input: Readable;
  output: Writable;
  /** Prompt and colours only for a person at a terminal, not for a pipe. */
  interactive: boolean;
}

/** The console user: an admin, in a channel named `console`. */
export function consoleInvocation(): Invocation {
  const name = (() => {
    try {
      return userInfo().username;
    } catch {
      return "you";
    }
  })();
  return {
    platform: "console",
    user: { id: "console-user", name },
    channel: { platform: "console", workspaceId: "console", channelId: "console" },
    isAdmin: true,
  };
}

/** Runs one line and writes the rendered reply; returns the outcome (for one-shot exit codes). */
export async function runConsoleLine(
  dispatcher: Dispatcher,
  line: string,
  output: Writable,
  color: boolean,
): Promise<Outcome> {
  const result = await dispatcher.runLine(consoleInvocation(), line);
  output.write(renderConsole(result.reply, { color, typed: dispatcher.typed }));
  return result.outcome;
}

/** `ask` or `/ask` alone: the person wants to ask but has not said what. */
const ASKS_FOR_QUESTION = /^\/?ask$/i;
/** What the console says then; the next line it reads is the question. */
export const QUESTION_PROMPT =
  "What's your question? Type it and press Enter (for example: why are my legs weak).";

/**
 * Reads lines until the input ends (or the person types /quit). `ask` with no question
 * prompts for it, and the next line is asked (a line starting with / is a command instead).
 */
async function runConsoleChat(options: ConsoleAdapterOptions): Promise<void> {
  const { dispatcher, input, output, interactive } = options;
  if (interactive) output.write("vitabot console: type a question or /help, /quit to leave.\n");
  const lines = createInterface({
    input,
    ...(interactive ? { output, prompt: "> " } : {}),
    terminal: interactive,
  });
  if (interactive) lines.prompt();
  // After `ask` with no question (the Ask button's command), the next line is the question.
  let asking = false;
  for await (const raw of lines) {
    const line = raw.trim();
    if (line === "/quit" || line === "/exit") break;
    if (line !== "" && !asking && ASKS_FOR_QUESTION.test(line)) {
      asking = true;
      output.write(`${QUESTION_PROMPT}\n`);
    } else if (line !== "") {
      const question = asking && !line.startsWith("/");
      asking = false;
      await runConsoleLine(dispatcher, question ? `ask ${line}` : line, output, interactive);
      if (!interactive) output.write("\n");
    }
    if (interactive) lines.prompt();
  }
  lines.close();
}

/** The console as a ChatAdapter: scheduled tips and shared answers print to the terminal. */
export function createConsoleAdapter(options: ConsoleAdapterOptions): ChatAdapter & { done: Promise<void> } {
  let resolveDone: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    resolveDone = resolve;
  });
  return {
    platform: "console",
    done,
    start: async () => {
      void runConsoleChat(options).finally(resolveDone);
    },
    stop: async () => {
      options.input.destroy();
    },
    health: () => ({ ok: true }),
    post: async (channel: ChannelRef, reply: Reply) => {
      const rendered = renderConsole(reply, { color: options.interactive, typed: options.dispatcher.typed });
      // A personal tip's DM is the console itself.
      options.output.write(`\n[${dmRecipient(channel) === undefined ? "#console" : "to you"}] ${rendered}`);
    },
  };
}
