/**
 * Which Discord adapter `npm start` builds from the configuration (nothing is started).
 */
import { describe, expect, it } from "vitest";
import { createConfiguredDiscordAdapter } from "../../../src/adapters/discord/index.js";
import type { App } from "../../../src/app.js";
import { parseConfig } from "../../../src/config.js";
import { createTestApp } from "../../helpers/app.js";

async function appWith(env: Record<string, string>): Promise<App> {
  const test = await createTestApp();
  const parsed = parseConfig({
    DISCORD_TOKEN: "test-bot-token.abc",
    DISCORD_APPLICATION_ID: "123456789012",
    ...env,
  });
  return { ...test.app, config: { ...test.app.config, discord: parsed.discord } };
}

describe("createConfiguredDiscordAdapter", () => {
  it("keeps one gateway connection by default", async () => {
    const adapter = await createConfiguredDiscordAdapter(await appWith({}));
    expect(adapter).toMatchObject({ platform: "discord", mode: "gateway" });
  });

  it("serves HTTP interactions when DISCORD_PUBLIC_KEY is set", async () => {
    const adapter = await createConfiguredDiscordAdapter(
      await appWith({ DISCORD_PUBLIC_KEY: "a".repeat(64) }),
    );
    expect(adapter).toMatchObject({ mode: "http" });
  });

  it("runs sharded only when DISCORD_SHARDS is set", async () => {
    const adapter = await createConfiguredDiscordAdapter(await appWith({ DISCORD_SHARDS: "auto" }));
    expect(adapter).toHaveProperty("manager", undefined);
    expect(adapter).not.toHaveProperty("mode");
    expect(adapter.health()).toEqual({ ok: false, detail: "0/0 shards ready" });
  });
});
