/**
 * Boots the real composition (createApp + createSlackAdapter) against the Slack
 * stand-in: HTTP mode on 127.0.0.1 with an ephemeral port, Web API retries off.
 */
import { createSlackAdapter } from "../../src/adapters/slack/slack-adapter.js";
import { type AppOptions, createApp } from "../../src/app.js";
import { parseConfig } from "../../src/config.js";
import type { CommandDefinition } from "../../src/core/commands/define-command.js";
import { SIGNING_SECRET } from "../kit/slack-requests.js";
import type { SlackStandIn } from "../kit/slack-stand-in.js";
import { TEAM_ONE } from "../kit/slack-stand-in.js";
import { createMemoryLogger } from "./app.js";

/** How a test app differs from the default single-token, in-memory set-up. */
export interface SlackTestAppOptions {
  /** Extra or overriding environment variables ("" unsets one). */
  env?: Record<string, string>;
  databaseUrl?: string;
  /** Replaces commands/index.ts (tests with extra commands). */
  commands?: readonly CommandDefinition[];
  /** A chart worker module of the test's own (one that waits on a gate). */
  chartWorker?: AppOptions["chartWorker"];
  /** The app's clock (a FakeClock for scheduled posts); the system clock by default. */
  clock?: AppOptions["clock"];
}

/**
 * @example const bot = await startSlackTestApp(standIn); await postSigned(bot.endpoint, …); await bot.close();
 */
export async function startSlackTestApp(standIn: SlackStandIn, options: SlackTestAppOptions = {}) {
  const config = parseConfig({
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: TEAM_ONE.token,
    SLACK_API_URL: standIn.apiUrl,
    PORT: "0",
    DATABASE_URL: options.databaseUrl ?? "file::memory:",
    COOLDOWN_SECONDS: "0",
    LOG_LEVEL: "debug",
    ...options.env,
  });
  const { logger, lines } = createMemoryLogger();
  const app = await createApp(config, logger, {
    ...(options.commands ? { commands: options.commands } : {}),
    ...(options.chartWorker ? { chartWorker: options.chartWorker } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const adapter = createSlackAdapter(app, { host: "127.0.0.1", retries: false });
  app.registerAdapter(adapter);
  try {
    await adapter.start();
  } catch (error) {
    await app.close();
    throw error;
  }
  const base = `http://127.0.0.1:${adapter.port}`;
  return {
    app,
    adapter,
    base,
    endpoint: `${base}/slack/events`,
    logLines: lines,
    async close(): Promise<void> {
      await adapter.stop();
      await app.close();
    },
  };
}

/** A running test app. */
export type SlackTestApp = Awaited<ReturnType<typeof startSlackTestApp>>;
