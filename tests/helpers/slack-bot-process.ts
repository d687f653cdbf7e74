/**
 * A real `vitabot start` process signed for Slack, against the local Slack stand-in, on a
 * fresh SQLite file: for tests that must see the process itself (does it stay up, what
 * does it log) rather than an app in the test's own process.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BotProcess, startBotProcess } from "../kit/bot-process.js";
import { SIGNING_SECRET } from "../kit/slack-requests.js";
import { type SlackStandIn, startSlackStandIn, TEAM_ONE } from "../kit/slack-stand-in.js";

export interface SlackBotProcess {
  bot: BotProcess;
  slack: SlackStandIn;
  /** http://127.0.0.1:<port> of the bot. */
  base: string;
  stop(): Promise<void>;
}

/** The environment of a bot signed for Slack, posting to `slack`, with its SQLite file in `dir`. */
function slackBotEnv(slack: SlackStandIn, dir: string): Record<string, string> {
  return {
    DATABASE_URL: `file:${join(dir, "bot.db")}`,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: TEAM_ONE.token,
    SLACK_API_URL: slack.apiUrl,
    PORT: "0",
    COOLDOWN_SECONDS: "0",
    LOG_LEVEL: "info",
  };
}

/**
 * Starts the stand-in and the bot, and waits until the bot listens. With `script` (a file
 * under tests/fixtures/processes), that script starts the bot its own way, in the same environment.
 * @example const { bot, base, stop } = await startSlackBotProcess("fuzz");
 */
export async function startSlackBotProcess(name: string, script?: string): Promise<SlackBotProcess> {
  const slack = await startSlackStandIn();
  const dir = mkdtempSync(join(tmpdir(), `vitabot-${name}-`));
  const bot = startBotProcess(name, slackBotEnv(slack, dir), script);
  await bot.waitForLog((l) => l.msg === "vitabot started", "vitabot started");
  const port = bot.lines.find((l) => l.msg === "listening")?.port as number;
  return {
    bot,
    slack,
    base: `http://127.0.0.1:${port}`,
    async stop() {
      await bot.kill("SIGKILL");
      await slack.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
