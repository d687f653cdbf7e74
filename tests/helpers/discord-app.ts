/**
 * An App for Discord tests: the real dispatcher over bundled content and in-memory
 * SQLite (tests/helpers/app.ts), configured to talk to a stand-in's REST API.
 */
import type { App } from "../../src/app.js";
import { parseConfig } from "../../src/config.js";
import type { CommandDefinition } from "../../src/core/commands/define-command.js";
import type { Storage } from "../../src/core/storage-ports/storage.js";
import type { DiscordStandIn } from "../kit/discord-stand-in.js";
import { createTestApp } from "./app.js";

export interface DiscordTestAppOptions {
  commands?: readonly CommandDefinition[];
  /** Extra environment, e.g. ADMIN_USER_IDS or DISCORD_PUBLIC_KEY. */
  env?: Record<string, string>;
  cooldownMs?: number;
  /** An already open store (replicas sharing one database); in-memory SQLite otherwise. */
  storage?: Storage;
}

/** A bot token-shaped string; any value works against the stand-in. */
export const TEST_TOKEN = "test-bot-token.abc.def";

export async function createDiscordTestApp(standIn: DiscordStandIn, options: DiscordTestAppOptions = {}) {
  const parsed = parseConfig({
    DISCORD_TOKEN: TEST_TOKEN,
    DISCORD_APPLICATION_ID: standIn.applicationId,
    DISCORD_API_URL: standIn.apiUrl,
    ...options.env,
  });
  const test = await createTestApp({
    cooldownMs: options.cooldownMs ?? 0,
    ...(options.commands ? { commands: options.commands } : {}),
    ...(options.storage ? { storage: options.storage } : {}),
  });
  const app: App = {
    ...test.app,
    config: { ...test.app.config, discord: parsed.discord, adminUserIds: parsed.adminUserIds },
  };
  return { app, logLines: test.logLines, clock: test.clock };
}
