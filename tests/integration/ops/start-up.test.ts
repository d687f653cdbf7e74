/**
 * Start-up of a real `vitabot start` process: the port opens only once every route is
 * mounted. The stand-in holds the Slack adapter's auth.test (its start-up step before the
 * Slack routes are mounted) until the test releases it; meanwhile the port refuses
 * connections, and the first request it accepts is answered, never with 404.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BotProcess, startBotProcess, waitUntil } from "../../kit/bot-process.js";
import { postSigned, SIGNING_SECRET, slashCommand } from "../../kit/slack-requests.js";
import { type SlackStandIn, startSlackStandIn, TEAM_ONE } from "../../kit/slack-stand-in.js";

/** A port that was free a moment ago (the bot must be given one before it logs where it listens). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === "string") throw new Error("no port");
  return address.port;
}

/** The status of a signed slash command, or "refused" when nothing listens on the port. */
async function tryCommand(endpoint: string, responseUrl: string): Promise<number | "refused"> {
  try {
    return (await postSigned(endpoint, slashCommand({ text: "tip", response_url: responseUrl }))).status;
  } catch (error) {
    const code = (error as { cause?: { code?: string } }).cause?.code;
    if (code === "ECONNREFUSED") return "refused";
    throw error;
  }
}

let slack: SlackStandIn;
let dir: string;
let bot: BotProcess | undefined;
let releaseAuth: () => void = () => {};
const authHeld = new Promise<void>((resolve) => {
  releaseAuth = resolve;
});

beforeAll(async () => {
  slack = await startSlackStandIn({
    intercept: async (call) => {
      if (call.method === "auth.test") await authHeld;
      return undefined;
    },
  });
  dir = mkdtempSync(join(tmpdir(), "vitabot-start-"));
});
afterAll(async () => {
  releaseAuth();
  await bot?.kill("SIGKILL");
  await slack?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("vitabot start: start-up", () => {
  it("opens the port only once the Slack routes are mounted: never a 404 for /slack/events", async () => {
    const port = await freePort();
    const endpoint = `http://127.0.0.1:${port}/slack/events`;
    bot = startBotProcess("start-up", {
      DATABASE_URL: `file:${join(dir, "bot.db")}`,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: TEAM_ONE.token,
      SLACK_API_URL: slack.apiUrl,
      PORT: String(port),
      COOLDOWN_SECONDS: "0",
      LOG_LEVEL: "info",
    });
    // The adapter is starting (its auth.test is held): its routes are not mounted yet.
    await waitUntil(() => slack.callsTo("auth.test").length > 0, "auth.test", 60_000);
    expect(await tryCommand(endpoint, slack.responseUrl().url)).toBe("refused");
    releaseAuth();
    const target = slack.responseUrl();
    const first = await waitUntil(async () => {
      const status = await tryCommand(endpoint, target.url);
      return status === "refused" ? undefined : status;
    }, "the port to open");
    expect(first).toBe(200);
    await slack.waitFor(() => slack.responses.find((r) => r.id === target.id));
    const listening = bot.lines.findIndex((l) => l.msg === "listening");
    const slackStarted = bot.lines.findIndex((l) => l.msg === "Slack adapter started");
    expect(slackStarted).toBeGreaterThanOrEqual(0);
    expect(slackStarted).toBeLessThan(listening);
  }, 120_000);
});
