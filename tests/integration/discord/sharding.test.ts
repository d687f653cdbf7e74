/**
 * Sharded mode: ShardingManager starts two shard processes against the stand-in, with
 * the count read from the stand-in's /gateway/bot (DISCORD_SHARDS=auto), and each shard
 * answers interactions for its own guilds.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createShardedDiscordAdapter,
  type ShardedDiscordAdapter,
} from "../../../src/adapters/discord/sharding.js";
import { createDiscordTestApp, TEST_TOKEN } from "../../helpers/discord-app.js";
import { expectVitaminAnswerInEachGuild } from "../../helpers/discord-assert.js";
import { type DiscordStandIn, startDiscordStandIn } from "../../kit/discord-stand-in.js";

let standIn: DiscordStandIn;
let adapter: ShardedDiscordAdapter;
/** ShardingManager writes these into the parent's environment; put them back afterwards. */
const touched = ["SHARDING_MANAGER", "SHARDING_MANAGER_MODE", "DISCORD_TOKEN"] as const;
const saved = Object.fromEntries(touched.map((k) => [k, process.env[k]]));

beforeAll(async () => {
  standIn = await startDiscordStandIn({ shards: 2 });
  const { app } = await createDiscordTestApp(standIn, { env: { DISCORD_SHARDS: "auto" } });
  adapter = createShardedDiscordAdapter(app, {
    spawnDelayMs: 0,
    respawn: false,
    env: {
      DISCORD_TOKEN: TEST_TOKEN,
      DISCORD_API_URL: standIn.apiUrl,
      DATABASE_URL: "file::memory:",
      LOG_LEVEL: "warn",
    },
  });
  await adapter.start();
}, 90_000);

afterAll(async () => {
  await adapter?.stop();
  await standIn?.close();
  for (const key of touched) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
});

describe("two shards against the stand-in", () => {
  it("reads the shard count from the configured API and identifies each shard once", () => {
    const gatewayBot = standIn.calls.filter((c) => c.path === "/gateway/bot");
    expect(gatewayBot[0]?.authorization).toBe(`Bot ${TEST_TOKEN}`);
    expect(standIn.identifies.map((i) => i.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(adapter.manager?.shards.size).toBe(2);
    expect(adapter.health()).toEqual({ ok: true, detail: "2/2 shards ready" });
  });

  it("answers a command in each shard's guild", async () => {
    await expectVitaminAnswerInEachGuild(standIn);
  });
});
