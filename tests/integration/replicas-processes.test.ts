/**
 * Scale-out with real processes: two `vitabot start` replicas on one PostgreSQL database,
 * posting through the local Slack and Discord stand-ins. A batch of 1,000 due tips (half
 * Slack, half Discord) goes out exactly once, shared between them; then, with a second
 * batch, one replica is killed mid-tick (SIGKILL) and every post is either delivered
 * once or reported as a stale claim by the survivor, never resent.
 *
 * The replicas use different tokens only so the stand-ins can tell who sent what.
 */
import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/storage/kysely/database.js";
import { openPostgresDatabase } from "../../src/storage/kysely/postgres-storage.js";
import { createTestDatabase, type TestDatabase } from "../helpers/postgres.js";
import {
  type BotProcess,
  discordPublicKeyHex,
  makeAllDue,
  replicaChannels,
  seedSubscriptions,
  startBotProcess,
  waitUntil,
} from "../kit/bot-process.js";
import { type DiscordStandIn, type RestCall, startDiscordStandIn } from "../kit/discord-stand-in.js";
import {
  type ApiCall,
  type SlackStandIn,
  startSlackStandIn,
  TEAM_ONE,
  TEAM_TWO,
} from "../kit/slack-stand-in.js";

const BATCH = 1000;
/** Each batch in its own workspace and guild, so it can be made due on its own. */
const BATCHES = {
  shared: { slackTeam: "T1000", discordGuild: "900000000000000001", from: 0 },
  crash: { slackTeam: "T2000", discordGuild: "900000000000000002", from: BATCH },
} as const;
const REPLICAS = {
  a: { slackToken: TEAM_ONE.token, discordToken: "replica-a-bot-token.abc" },
  b: { slackToken: TEAM_TWO.token, discordToken: "replica-b-bot-token.abc" },
} as const;
type ReplicaName = keyof typeof REPLICAS;
const STALE_LOG = "claimed but never sent (crash?): not resent";
/** The scheduler's default lease: claims older than this and still unsent are reported. */
const LEASE_MS = 10 * 60_000;

/**
 * What reached "Slack" and "Discord", by `platform:channel`. Once `holdAfter(n)` is set,
 * posts beyond the next n are held until `release()`; held posts of a replica named in
 * `drop` are then refused (its connection is gone: it was killed while waiting).
 */
function createPostCounter() {
  const delivered = new Map<string, { times: number; by: ReplicaName }>();
  const held: { key: string; by: ReplicaName }[] = [];
  const dropped = new Set<ReplicaName>();
  let arrived = 0;
  let gateAt = Number.POSITIVE_INFINITY;
  let release = () => {};
  const opened = new Promise<void>((resolve) => {
    release = resolve;
  });
  async function arrive(key: string, by: ReplicaName): Promise<boolean> {
    arrived++;
    if (arrived > gateAt) {
      const entry = { key, by };
      held.push(entry);
      await opened;
      held.splice(held.indexOf(entry), 1);
      if (dropped.has(by)) return false;
    }
    delivered.set(key, { times: (delivered.get(key)?.times ?? 0) + 1, by });
    return true;
  }
  return {
    delivered,
    held,
    holdAfter: (posts: number) => {
      gateAt = arrived + posts;
    },
    release: () => release(),
    drop: (name: ReplicaName) => dropped.add(name),
    slack: async (call: ApiCall) => {
      if (call.method !== "chat.postMessage") return undefined;
      const by = call.token === REPLICAS.b.slackToken ? "b" : "a";
      if (await arrive(`slack:${String(call.params.channel)}`, by)) return undefined;
      return { status: 500, body: { ok: false, error: "connection_lost" } };
    },
    discord: async (call: RestCall) => {
      const channel =
        call.method === "POST" ? /^\/channels\/(\d+)\/messages$/.exec(call.path)?.[1] : undefined;
      if (!channel) return undefined;
      const by = call.authorization === `Bot ${REPLICAS.b.discordToken}` ? "b" : "a";
      if (await arrive(`discord:${channel}`, by)) return undefined;
      return { status: 500, body: { message: "connection lost", code: 0 } };
    },
  };
}

const counter = createPostCounter();
let slack: SlackStandIn | undefined;
let discord: DiscordStandIn | undefined;
let db: TestDatabase | undefined;
let kysely: Kysely<Database>;
let databaseUrl = "";
let zone: string;
const replicas = {} as Record<ReplicaName, BotProcess>;

beforeAll(async () => {
  slack = await startSlackStandIn({ record: false, intercept: counter.slack });
  discord = await startDiscordStandIn({ intercept: counter.discord });
  db = await createTestDatabase();
  databaseUrl = db.url;
  kysely = openPostgresDatabase({ url: databaseUrl });
  zone = await seedSubscriptions(databaseUrl, [
    ...replicaChannels(BATCH, BATCHES.shared),
    ...replicaChannels(BATCH, BATCHES.crash),
  ]);
  const publicKey = discordPublicKeyHex();
  for (const name of ["a", "b"] as const) {
    replicas[name] = startBotProcess(name, {
      LOG_LEVEL: "info",
      DATABASE_URL: databaseUrl,
      SCHEDULER_TICK_SECONDS: "1",
      PORT: "0",
      SLACK_BOT_TOKEN: REPLICAS[name].slackToken,
      SLACK_SIGNING_SECRET: "replica-test-signing-secret",
      SLACK_APP_TOKEN: "xapp-1-A123456-test",
      SLACK_API_URL: slack.apiUrl,
      DISCORD_TOKEN: REPLICAS[name].discordToken,
      DISCORD_APPLICATION_ID: discord.applicationId,
      DISCORD_PUBLIC_KEY: publicKey,
      DISCORD_API_URL: discord.apiUrl,
      // The stand-in enforces no limit here; a high share keeps the test quick.
      DISCORD_REQUESTS_PER_SECOND: "500",
    });
  }
  await Promise.all(
    Object.values(replicas).map((bot) =>
      bot.waitForLog((l) => l.msg === "vitabot started", "vitabot started"),
    ),
  );
}, 120_000);

afterAll(async () => {
  counter.release();
  await Promise.all(Object.values(replicas).map((bot) => bot.kill("SIGKILL")));
  await kysely?.destroy();
  await db?.drop();
  await Promise.all([slack?.close(), discord?.close()]);
});

const channelKeyOf = (row: { platform: string; channel_id: string }) => `${row.platform}:${row.channel_id}`;

/** The ledger rows of one batch. */
function deliveries(batch: keyof typeof BATCHES) {
  const { slackTeam, discordGuild } = BATCHES[batch];
  return kysely
    .selectFrom("deliveries")
    .select(["platform", "channel_id", "status", "claimed_by"])
    .where("workspace_id", "in", [slackTeam, discordGuild])
    .execute();
}

/** The pid inside a ledger claim's `claimed_by` (`host:pid:random`). */
const claimerPid = (claimedBy: string) => Number(claimedBy.split(":").at(-2));

describe("two bot processes on one PostgreSQL database", () => {
  it("post 1,000 due tips exactly once between them", async () => {
    const { slackTeam, discordGuild } = BATCHES.shared;
    await makeAllDue(databaseUrl, zone, [slackTeam, discordGuild]);
    const rows = await waitUntil(
      async () => {
        const all = await deliveries("shared");
        return all.length === BATCH && all.every((d) => d.status === "sent") && all;
      },
      "every delivery to be sent",
      60_000,
    );
    const posts = [...counter.delivered.entries()];
    expect(posts).toHaveLength(BATCH);
    expect(posts.filter(([, p]) => p.times !== 1)).toEqual([]);
    expect(posts.filter(([key]) => key.startsWith("slack:"))).toHaveLength(BATCH / 2);
    expect(new Set(rows.map(channelKeyOf))).toEqual(new Set(counter.delivered.keys()));
    // Both replicas took part: claims go slice by slice, so neither takes everything.
    const postedBy = (name: ReplicaName) => posts.filter(([, p]) => p.by === name).length;
    expect(postedBy("a")).toBeGreaterThan(0);
    expect(postedBy("b")).toBeGreaterThan(0);
    expect(new Set(rows.map((d) => claimerPid(d.claimed_by)))).toEqual(
      new Set([replicas.a.pid, replicas.b.pid]),
    );
  }, 90_000);

  it("lose nothing beyond the at-most-once guarantee when one is killed mid-tick, and the survivor stops cleanly", async () => {
    const before = counter.delivered.size;
    const batchPosts = () => [...counter.delivered.entries()].slice(before);
    // After 300 more posts the stand-ins hold every post, so both replicas stall mid-tick.
    counter.holdAfter(300);
    const { slackTeam, discordGuild } = BATCHES.crash;
    const dueAt = await makeAllDue(databaseUrl, zone, [slackTeam, discordGuild]);
    // Wait until each replica has recorded every post the stand-ins answered.
    await waitUntil(
      async () => {
        if (counter.held.length === 0) return false;
        const unrecorded = (await deliveries("crash")).filter(
          (d) => d.status === "claimed" && counter.delivered.has(channelKeyOf(d)),
        );
        return unrecorded.length === 0;
      },
      "both replicas to stall with posts in flight",
      60_000,
    );
    const heldBy = (name: ReplicaName) => counter.held.filter((h) => h.by === name).length;
    const victimName: ReplicaName = heldBy("a") >= heldBy("b") ? "a" : "b";
    const victim = replicas[victimName];
    const survivor = replicas[victimName === "a" ? "b" : "a"];
    expect(heldBy(victimName)).toBeGreaterThan(0);
    await victim.kill("SIGKILL");
    counter.drop(victimName);
    counter.release();

    // The survivor posts the rest and moves every subscription on, the victim's included.
    const rows = await waitUntil(
      async () => {
        const all = await deliveries("crash");
        const pending = all.some((d) => d.status === "claimed" && claimerPid(d.claimed_by) === survivor.pid);
        const due = await kysely
          .selectFrom("subscriptions")
          .select("channel_id")
          .where("next_run_at", "<=", dueAt)
          .execute();
        return all.length === BATCH && !pending && due.length === 0 && all;
      },
      "the survivor to settle every due subscription",
      60_000,
    );
    const stale = rows.filter((d) => d.status === "claimed");
    expect(stale.length).toBeGreaterThan(0);
    expect(stale.every((d) => claimerPid(d.claimed_by) === victim.pid)).toBe(true);
    const staleKeys = new Set(stale.map(channelKeyOf));
    const posts = batchPosts();
    expect(posts.filter(([, p]) => p.times !== 1)).toEqual([]);
    expect(posts.filter(([key]) => staleKeys.has(key))).toEqual([]);
    expect(posts.length + stale.length).toBe(BATCH);
    expect(new Set(rows.filter((d) => d.status === "sent").map(channelKeyOf))).toEqual(
      new Set(posts.map(([key]) => key)),
    );

    // Once the lease has passed (moved back here rather than waited for), the survivor
    // reports each lost post, and resends none.
    await kysely
      .updateTable("deliveries")
      .set((eb) => ({ claimed_at: eb("claimed_at", "-", LEASE_MS + 60_000) }))
      .where("status", "=", "claimed")
      .execute();
    await waitUntil(
      () => {
        const reported = new Set(
          survivor.lines
            .filter((l) => l.msg === STALE_LOG)
            .map((l) => String(l.channel).replace(/:[^:]+:/, ":")),
        );
        return [...staleKeys].every((key) => reported.has(key));
      },
      "the survivor to log every stale claim",
      30_000,
    );
    expect(await survivor.stop()).toEqual({ code: 0, signal: null });
    expect(batchPosts()).toHaveLength(posts.length);
    expect((await deliveries("crash")).filter((d) => d.status === "claimed")).toHaveLength(stale.length);
  }, 120_000);
});
