/**
 * The `vitabot` command line: `start`, `ask`, `content check`. The launcher in
 * bin/vitabot.js imports this and calls `runCli`.
 */
import { parseArgs } from "node:util";
import { parseConfig } from "../config.js";
import { createAnswerEngine } from "../core/answers/engine.js";
import { loadContent } from "../core/content/load-content.js";
import { ContentError, UserFacingError } from "../errors.js";
import { runAsk } from "./ask.js";
import { runContentCheck } from "./content-check.js";

const USAGE = `Usage:
  vitabot start                      run the bot (console chat when no platform tokens are set)
  vitabot ask "question" [--json]    answer one question
  vitabot ask --json                 answer each line of stdin, one JSON object per line
  vitabot content check              validate content/ and list every problem
`;

/** Runs the CLI with the given arguments (without `node` and the script); returns the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    allowPositionals: true,
    strict: false,
  });
  const [command = "help", ...rest] = positionals;
  if (values.help || command === "help") {
    process.stdout.write(USAGE);
    return 0;
  }
  const config = parseConfig();
  const io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
  switch (command) {
    case "content":
      if (rest[0] !== "check") break;
      return runContentCheck(config.contentDir, io);
    case "ask": {
      const engine = createAnswerEngine(loadContent(config.contentDir), config);
      return runAsk(engine, rest.join(" "), values.json === true, io);
    }
  }
  process.stderr.write(`Unknown command "${[command, ...rest].join(" ")}".\n${USAGE}`);
  return 2;
}

/** Prints a friendly message for expected failures; anything else is a bug and re-thrown. */
export function describeFailure(error: unknown): string | undefined {
  if (error instanceof ContentError) return `vitabot cannot start: ${error.message}`;
  if (error instanceof UserFacingError) return error.message;
  return undefined;
}
