/**
 * The `vitabot` command line. The launcher in bin/vitabot.js imports this and calls
 * `runCli`. Any word that is not a CLI command is a chat command run once:
 * `npx vitabot vitamin d` prints the reply and exits non-zero on a user error.
 */
import { Writable } from "node:stream";
import { type Config, parseConfig } from "../config.js";
import { ContentError, StorageError, UserFacingError } from "../errors.js";

// Each command imports what it needs when it runs (`await import`), so a one-shot `ask`
// loads neither the platform SDKs (discord.js, Bolt) nor the database drivers, charts or
// scheduler: start-up time is mostly module loading.

const USAGE = `Usage:
  vitabot start                      run the bot (console chat when no platform tokens are set)
  vitabot ask "question" [--json]    answer one question (no database needed)
  vitabot ask --json                 answer each line of stdin, one JSON object per line
  vitabot triage "message" [--explain] [--json]
                                     red-flag triage alone: the decision, or every concept and modifier
  vitabot content check              validate content/ and list every problem
  vitabot tips plan --time HH:MM --zone ZONE [--days …] [--from YYYY-MM-DD] [--count N] [--json]
                                     the next post times of a schedule, local and UTC
  vitabot slack manifest [--url URL] [--socket-mode]   write manifest.json from commands/
  vitabot discord deploy [--guild ID]                  register the slash commands with Discord
  vitabot <command> [args]           run one chat command and print the reply, e.g.
                                     vitabot vitamin b12 · vitabot compare d e · vitabot help
`;

/** Re-joins argv into one line of the chat grammar, quoting words that contain spaces. */
export function argvToLine(argv: readonly string[]): string {
  return argv.map((arg) => (/\s/.test(arg) && !arg.includes('"') ? `"${arg}"` : arg)).join(" ");
}

async function runOneShot(argv: string[]): Promise<number> {
  const config = parseConfig();
  const [{ runConsoleLine }, { createApp }, { chatLogOptions, createLogger }, { secretValues }, lazy] =
    await Promise.all([
      import("../adapters/console/console-adapter.js"),
      import("../app.js"),
      import("../logger.js"),
      import("../ops/secrets.js"),
      import("../storage/lazy-storage.js"),
    ]);
  const logger = createLogger({ ...chatLogOptions(config), secrets: secretValues(config) });
  // The database opens only if the command uses it (`tip` does, `vitamin d` does not). If
  // it cannot be opened, the command stops with a user error (not logged as a fault) and
  // the one-shot ends with the database's own one-line message, as `start` does.
  let failure: unknown;
  const storage = lazy.createLazyStorage(config.storage.kind, async () => {
    const { openStorage } = await import("../storage/create-storage.js");
    try {
      return await openStorage(config.storage, logger);
    } catch (error) {
      failure = error;
      throw new UserFacingError("The database cannot be opened.", "storage_unavailable");
    }
  });
  const app = await createApp(config, logger, { storage });
  try {
    let reply = "";
    const output = new Writable({
      write(chunk: Buffer, _encoding, done) {
        reply += chunk.toString();
        done();
      },
    });
    const outcome = await runConsoleLine(app.dispatcher, argvToLine(argv), output, false);
    if (failure !== undefined) throw failure;
    process.stdout.write(reply);
    return outcome === "ok" ? 0 : 1;
  } finally {
    await app.close();
  }
}

/** The answer engine over the configured content, for `ask` and `triage` (no database). */
async function answerEngine(config: Config) {
  const [{ createAnswerEngine }, { loadContentFast }] = await Promise.all([
    import("../core/answers/engine.js"),
    import("../core/knowledge/content-snapshot.js"),
  ]);
  return createAnswerEngine((await loadContentFast(config.contentDir)).content, config);
}

/** Runs the CLI with the given arguments (without `node` and the script); returns the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h") {
    process.stdout.write(USAGE);
    return 0;
  }
  const io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
  if (command === "start") {
    // Non-zero after a fault, so the supervisor restarts the bot.
    const config = parseConfig();
    const { startBot } = await import("../start-bot.js");
    return startBot(config);
  }
  if (command === "content" && rest[0] === "check") {
    const { contentDir } = parseConfig();
    const { runContentCheck } = await import("./content-check.js");
    return runContentCheck(contentDir, io);
  }
  if (command === "tips" && rest[0] === "plan") {
    const { runTipsPlan } = await import("./tips-plan.js");
    return runTipsPlan(rest.slice(1), io);
  }
  if (command === "slack") {
    const { runSlackCli } = await import("./slack.js");
    return runSlackCli(rest, io);
  }
  if (command === "discord") {
    const { runDiscordCli } = await import("./discord.js");
    return runDiscordCli(rest, io);
  }
  if (command === "triage") {
    const config = parseConfig();
    const [{ runTriage }, engine] = await Promise.all([import("./triage.js"), answerEngine(config)]);
    return runTriage(engine.triage, rest, io);
  }
  if (command === "ask") {
    const config = parseConfig();
    const json = rest.includes("--json");
    const question = rest.filter((a) => a !== "--json").join(" ");
    const [{ runAsk }, engine] = await Promise.all([import("./ask.js"), answerEngine(config)]);
    return runAsk(engine, question, json, io);
  }
  return runOneShot(argv);
}

/**
 * A friendly message for expected failures; undefined for bugs, which are re-thrown.
 * A database failure is one line: what failed and, from the storage hints, how to fix it.
 */
export function describeFailure(error: unknown): string | undefined {
  if (error instanceof ContentError) return `vitabot cannot start: ${error.message}`;
  if (error instanceof UserFacingError) return error.message;
  if (error instanceof StorageError) {
    return `vitabot cannot use its database: ${error.message.replace(/\s*\n\s*/g, " ")}`;
  }
  return undefined;
}
