/**
 * Gateway replicas with disjoint shard ids: two sharded adapters, as two replicas of one
 * deployment, both with DISCORD_SHARDS=2 and one with DISCORD_SHARD_IDS=0, the other
 * with DISCORD_SHARD_IDS=1, against one stand-in. Each identifies only its own shard, so
 * no shard has two sessions (which would both receive every interaction).
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
const replicas: ShardedDiscordAdapter[] = [];
/** The stand-in's IDENTIFY shards seen after each replica started. */
const identifiedAfter: [number, number][][] = [];
/** ShardingManager writes these into the parent's environment; put them back afterwards. */
const touched = ["SHARDING_MANAGER", "SHARDING_MANAGER_MODE", "DISCORD_TOKEN"] as const;
const saved = Object.fromEntries(touched.map((k) => [k, process.env[k]]));

async function startReplica(shardIds: string): Promise<ShardedDiscordAdapter> {
  const env = { DISCORD_SHARDS: "2", DISCORD_SHARD_IDS: shardIds };
  const { app } = await createDiscordTestApp(standIn, { env });
  const adapter = createShardedDiscordAdapter(app, {
    spawnDelayMs: 0,
    respawn: false,
    // The shard processes read the replica's whole configuration, shard ids included.
    env: {
      ...env,
      DISCORD_TOKEN: TEST_TOKEN,
      DISCORD_API_URL: standIn.apiUrl,
      DATABASE_URL: "file::memory:",
      LOG_LEVEL: "warn",
    },
  });
  replicas.push(adapter);
  await adapter.start();
  return adapter;
}

beforeAll(async () => {
  standIn = await startDiscordStandIn({ shards: 2 });
  // One after the other, as replicas come up, so each IDENTIFY is known to be whose.
  for (const ids of ["0", "1"]) {
    await startReplica(ids);
    identifiedAfter.push(standIn.identifies.map((i) => i.shard));
  }
}, 90_000);

afterAll(async () => {
  await Promise.all(replicas.map((r) => r.stop()));
  await standIn?.close();
  for (const key of touched) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
});

describe("two gateway replicas with DISCORD_SHARDS=2 and disjoint DISCORD_SHARD_IDS", () => {
  it("identifies shard [0, 2] from one replica and [1, 2] from the other, never one shard twice", () => {
    expect(identifiedAfter).toEqual([
      [[0, 2]],
      [
        [0, 2],
        [1, 2],
      ],
    ]);
    expect(standIn.identifies.map((i) => i.shard)).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(replicas.map((r) => [...(r.manager?.shards.keys() ?? [])])).toEqual([[0], [1]]);
    expect(replicas.map((r) => r.manager?.totalShards)).toEqual([2, 2]);
    for (const replica of replicas)
      expect(replica.health()).toEqual({ ok: true, detail: "1/1 shards ready" });
  });

  it("answers a command in each shard's guild, each from the replica holding that shard", async () => {
    await expectVitaminAnswerInEachGuild(standIn);
  });
});
