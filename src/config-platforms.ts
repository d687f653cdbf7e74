/**
 * The Slack and Discord parts of the configuration: what each platform's settings become,
 * and which combinations of them are mistakes (a token without its partner, shard ids
 * outside the shard count). config.ts parses the environment and calls these.
 */
import type { Env } from "./config.js";

export interface SlackConfig {
  signingSecret: string;
  /** Single-workspace mode; absent when OAuth installs provide per-workspace tokens. */
  botToken?: string;
  /** Socket Mode when set. */
  appToken?: string;
  apiUrl?: string;
  oauth?: { clientId: string; clientSecret: string; stateSecret: string };
  /**
   * This replica's overall rate for scheduled posts (SLACK_POSTS_PER_SECOND); unset means
   * no overall cap beyond one post a second per channel and 20 in flight.
   */
  postsPerSecond?: number;
}

export interface DiscordConfig {
  token?: string;
  applicationId?: string;
  /** HTTP interactions mode when set. */
  publicKey?: string;
  apiUrl?: string;
  /** Opt-in sharded gateway mode (discord.js ShardingManager): a count, or "auto" from /gateway/bot. */
  shards?: number | "auto";
  /**
   * The shards this replica runs (DISCORD_SHARD_IDS), ascending; unset means all of them.
   * Only with a numeric `shards`, the total across every replica.
   */
  shardIds?: readonly number[];
  /**
   * This replica's share of Discord's global limit (DISCORD_REQUESTS_PER_SECOND; 50 a
   * second per bot when unset): discord.js's `globalRequestsPerSecond` and the
   * scheduler's Discord queue.
   */
  requestsPerSecond?: number;
}

/** A token without its partner is a mistake to report, not a reason to fall back silently. */
export function platformProblems(e: Env): string[] {
  const problems: string[] = [];
  const needs = (set: boolean, missing: boolean, message: string) => set && missing && problems.push(message);
  needs(
    !!e.SLACK_BOT_TOKEN,
    !e.SLACK_SIGNING_SECRET,
    "SLACK_SIGNING_SECRET: is required when SLACK_BOT_TOKEN is set (Basic Information > Signing Secret)",
  );
  needs(
    !!e.SLACK_APP_TOKEN,
    !e.SLACK_BOT_TOKEN && !e.SLACK_CLIENT_ID,
    "SLACK_BOT_TOKEN: is required when SLACK_APP_TOKEN is set (Socket Mode needs the bot token too)",
  );
  needs(
    !!e.SLACK_APP_TOKEN,
    !e.SLACK_SIGNING_SECRET,
    "SLACK_SIGNING_SECRET: is required when SLACK_APP_TOKEN is set",
  );
  const oauth = [e.SLACK_CLIENT_ID, e.SLACK_CLIENT_SECRET, e.SLACK_STATE_SECRET];
  needs(
    oauth.some(Boolean),
    !oauth.every(Boolean),
    "SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET: set all three for OAuth installs, or none",
  );
  needs(oauth.some(Boolean), !e.SLACK_SIGNING_SECRET, "SLACK_SIGNING_SECRET: is required for OAuth installs");
  needs(
    !!e.SLACK_SIGNING_SECRET,
    !e.SLACK_BOT_TOKEN && !e.SLACK_CLIENT_ID,
    "SLACK_BOT_TOKEN: is required when SLACK_SIGNING_SECRET is set (or set the OAuth variables)",
  );
  needs(
    !!e.DISCORD_PUBLIC_KEY,
    !e.DISCORD_APPLICATION_ID,
    "DISCORD_APPLICATION_ID: is required when DISCORD_PUBLIC_KEY is set (HTTP interactions)",
  );
  needs(
    !!e.DISCORD_SHARDS,
    !e.DISCORD_TOKEN,
    "DISCORD_TOKEN: is required when DISCORD_SHARDS is set (sharding is for the gateway)",
  );
  if (e.DISCORD_SHARD_IDS) problems.push(...shardIdsOf(e.DISCORD_SHARD_IDS, e.DISCORD_SHARDS).problems);
  return problems;
}

/**
 * DISCORD_SHARD_IDS ("0,1", "0-3", "4-7,9") as ascending ids, checked against the total
 * in DISCORD_SHARDS: a number every replica agrees on, each id below it, none twice (two
 * gateway sessions on one shard would both receive every interaction).
 */
function shardIdsOf(value: string, shards: string | undefined): { ids: number[]; problems: string[] } {
  const problems: string[] = [];
  if (!shards)
    problems.push(
      "DISCORD_SHARDS: is required when DISCORD_SHARD_IDS is set: the total shard count, the same on every replica",
    );
  else if (shards === "auto")
    problems.push(
      'DISCORD_SHARDS: must be a number, not "auto", when DISCORD_SHARD_IDS is set: every replica needs the same total, and "auto" could give each a different one',
    );
  const total = shards && shards !== "auto" ? Number(shards) : undefined;
  const ids = new Set<number>();
  const twice = new Set<number>();
  for (const part of value.split(",")) {
    const [first = 0, last = first] = part.split("-").map((n) => Number(n.trim()));
    if (last < first) {
      problems.push(`DISCORD_SHARD_IDS: the range ${first}-${last} runs backwards (write ${last}-${first})`);
      continue;
    }
    if (total !== undefined && last >= total) {
      problems.push(
        `DISCORD_SHARD_IDS: shard ${last} is out of range: with DISCORD_SHARDS=${total} the ids run from 0 to ${total - 1}`,
      );
      continue;
    }
    for (let id = first; id <= last; id++) {
      if (ids.has(id)) twice.add(id);
      else ids.add(id);
    }
  }
  if (twice.size > 0)
    problems.push(
      `DISCORD_SHARD_IDS: lists shard ${[...twice].sort((a, b) => a - b).join(", ")} more than once`,
    );
  return { ids: [...ids].sort((a, b) => a - b), problems };
}

export function slackOf(e: Env): SlackConfig | undefined {
  if (!e.SLACK_SIGNING_SECRET) return undefined;
  const oauth =
    e.SLACK_CLIENT_ID && e.SLACK_CLIENT_SECRET && e.SLACK_STATE_SECRET
      ? {
          clientId: e.SLACK_CLIENT_ID,
          clientSecret: e.SLACK_CLIENT_SECRET,
          stateSecret: e.SLACK_STATE_SECRET,
        }
      : undefined;
  return {
    signingSecret: e.SLACK_SIGNING_SECRET,
    ...(e.SLACK_BOT_TOKEN ? { botToken: e.SLACK_BOT_TOKEN } : {}),
    ...(e.SLACK_APP_TOKEN ? { appToken: e.SLACK_APP_TOKEN } : {}),
    ...(e.SLACK_API_URL ? { apiUrl: e.SLACK_API_URL } : {}),
    ...(oauth ? { oauth } : {}),
    ...(e.SLACK_POSTS_PER_SECOND !== undefined ? { postsPerSecond: e.SLACK_POSTS_PER_SECOND } : {}),
  };
}

export function discordOf(e: Env): DiscordConfig | undefined {
  if (!e.DISCORD_TOKEN && !e.DISCORD_PUBLIC_KEY) return undefined;
  return {
    ...(e.DISCORD_TOKEN ? { token: e.DISCORD_TOKEN } : {}),
    ...(e.DISCORD_APPLICATION_ID ? { applicationId: e.DISCORD_APPLICATION_ID } : {}),
    ...(e.DISCORD_PUBLIC_KEY ? { publicKey: e.DISCORD_PUBLIC_KEY } : {}),
    ...(e.DISCORD_API_URL ? { apiUrl: e.DISCORD_API_URL } : {}),
    ...(e.DISCORD_SHARDS
      ? { shards: e.DISCORD_SHARDS === "auto" ? ("auto" as const) : Number(e.DISCORD_SHARDS) }
      : {}),
    ...(e.DISCORD_SHARD_IDS ? { shardIds: shardIdsOf(e.DISCORD_SHARD_IDS, e.DISCORD_SHARDS).ids } : {}),
    ...(e.DISCORD_REQUESTS_PER_SECOND !== undefined
      ? { requestsPerSecond: e.DISCORD_REQUESTS_PER_SECOND }
      : {}),
  };
}
