import { describe, expect, it } from "vitest";
import { DEFAULT_DATABASE_URL, parseConfig } from "../../src/config.js";

const CWD = "/srv/vitabot";
const parse = (env: Record<string, string>) => parseConfig(env, CWD);
const problems = (env: Record<string, string>) => {
  try {
    parse(env);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected the configuration to be rejected");
};

describe("configuration from the environment", () => {
  it("has working defaults with nothing set: console mode on a local SQLite file", () => {
    const config = parse({});
    expect(config).toMatchObject({
      logLevel: "info",
      emergencyNumber: "your local emergency number",
      storage: { kind: "sqlite", path: "/srv/vitabot/data/vitabot.db" },
      cooldownMs: 3000,
      port: 3000,
    });
    expect(DEFAULT_DATABASE_URL).toBe("file:./data/vitabot.db");
    expect(config.slack).toBeUndefined();
    expect(config.discord).toBeUndefined();
  });

  it.each([
    ["file:./x/bot.db", { kind: "sqlite", path: "/srv/vitabot/x/bot.db" }],
    ["file:/var/lib/bot.db", { kind: "sqlite", path: "/var/lib/bot.db" }],
    ["file::memory:", { kind: "sqlite", path: ":memory:" }],
    ["postgres://u:p@db:5432/vitabot", { kind: "postgres", url: "postgres://u:p@db:5432/vitabot" }],
    ["postgresql://u:p@db/vitabot", { kind: "postgres", url: "postgresql://u:p@db/vitabot" }],
  ])("reads DATABASE_URL %s", (value, storage) => {
    expect(parse({ DATABASE_URL: value }).storage).toEqual(storage);
  });

  it("parses ADMIN_USER_IDS as platform:id entries", () => {
    expect([...parse({ ADMIN_USER_IDS: "slack:U123, discord:456" }).adminUserIds]).toEqual([
      "slack:U123",
      "discord:456",
    ]);
  });

  it("treats blank values as unset", () => {
    expect(parse({ LOG_LEVEL: "  ", SLACK_BOT_TOKEN: "" }).logLevel).toBe("info");
  });

  it.each([
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent"],
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL: must be file:PATH, file::memory: or postgres://"],
    [{ ADMIN_USER_IDS: "U123" }, "ADMIN_USER_IDS: must be comma-separated platform:id entries"],
    [{ COOLDOWN_SECONDS: "soon" }, "COOLDOWN_SECONDS: must be a number of seconds"],
    [{ PORT: "99999" }, "PORT:"],
    [{ EMERGENCY_NUMBER: "x".repeat(61) }, "EMERGENCY_NUMBER:"],
    [{ METRICS_TOKEN: "short" }, "METRICS_TOKEN: must be at least 16 characters"],
    [
      { SLACK_BOT_TOKEN: "abc", SLACK_SIGNING_SECRET: "0123456789" },
      "SLACK_BOT_TOKEN: must be a bot token starting with xoxb-",
    ],
    [{ SLACK_APP_TOKEN: "xoxb-1" }, "SLACK_APP_TOKEN: must be an app-level token starting with xapp-"],
    [{ SLACK_API_URL: "not a url" }, "SLACK_API_URL: must be an http(s) URL"],
    [{ DISCORD_APPLICATION_ID: "abc" }, "DISCORD_APPLICATION_ID: must be the numeric application id"],
    [{ DISCORD_PUBLIC_KEY: "xyz" }, "DISCORD_PUBLIC_KEY: must be the 64-character hex public key"],
    [{ DISCORD_API_URL: "ftp://x" }, "DISCORD_API_URL: must be an http(s) URL"],
  ])("rejects a malformed value: %j", (env, message) => {
    expect(problems(env)).toContain(message);
  });

  it("lists every problem at once, with how to fix it", () => {
    const message = problems({ LOG_LEVEL: "loud", PORT: "x", DATABASE_URL: "mysql://x" });
    expect(message).toMatch(/has 3 problem\(s\)/);
    expect(message).toContain('see README, "Configuration"');
  });

  it.each([
    [{ SLACK_BOT_TOKEN: "xoxb-1-2" }, "SLACK_SIGNING_SECRET: is required when SLACK_BOT_TOKEN is set"],
    [
      { SLACK_SIGNING_SECRET: "0123456789abcdef" },
      "SLACK_BOT_TOKEN: is required when SLACK_SIGNING_SECRET is set",
    ],
    [
      { SLACK_APP_TOKEN: "xapp-1", SLACK_SIGNING_SECRET: "0123456789abcdef" },
      "SLACK_BOT_TOKEN: is required when SLACK_APP_TOKEN is set",
    ],
    [
      { SLACK_CLIENT_ID: "1.2", SLACK_SIGNING_SECRET: "0123456789abcdef" },
      "set all three for OAuth installs, or none",
    ],
    [
      { DISCORD_PUBLIC_KEY: "a".repeat(64) },
      "DISCORD_APPLICATION_ID: is required when DISCORD_PUBLIC_KEY is set",
    ],
    [{ DISCORD_SHARDS: "auto" }, "DISCORD_TOKEN: is required when DISCORD_SHARDS is set"],
  ])("refuses partial platform configuration instead of falling back: %j", (env, message) => {
    expect(problems(env)).toContain(message);
  });

  it("builds the Slack and Discord sections when complete, trimming a trailing slash off API URLs", () => {
    const config = parse({
      SLACK_BOT_TOKEN: "xoxb-1-2",
      SLACK_SIGNING_SECRET: "0123456789abcdef",
      SLACK_API_URL: "http://127.0.0.1:9/api/",
      DISCORD_TOKEN: "discord-token-123",
      DISCORD_API_URL: "http://127.0.0.1:9/api",
    });
    expect(config.slack).toEqual({
      botToken: "xoxb-1-2",
      signingSecret: "0123456789abcdef",
      apiUrl: "http://127.0.0.1:9/api",
    });
    expect(config.discord).toEqual({ token: "discord-token-123", apiUrl: "http://127.0.0.1:9/api" });
  });

  it("lets Slack's HTTP mode and Discord HTTP interactions share PORT (one server serves both)", () => {
    const config = parse({
      SLACK_BOT_TOKEN: "xoxb-1-2",
      SLACK_SIGNING_SECRET: "0123456789abcdef",
      DISCORD_PUBLIC_KEY: "a".repeat(64),
      DISCORD_APPLICATION_ID: "123456789",
      PORT: "8080",
    });
    expect(config.slack?.appToken).toBeUndefined();
    expect(config.discord?.publicKey).toBe("a".repeat(64));
    expect(config.port).toBe(8080);
  });

  it("reads METRICS_TOKEN, trimmed, and leaves /metrics open without it", () => {
    expect(parse({ METRICS_TOKEN: "  0123456789abcdef0123  " }).metricsToken).toBe("0123456789abcdef0123");
    expect(parse({}).metricsToken).toBeUndefined();
  });
});

describe("DISCORD_SHARD_IDS: this replica's shards of the DISCORD_SHARDS total", () => {
  const discord = { DISCORD_TOKEN: "discord-token-123" };
  const shardIds = (ids: string, shards = "8") =>
    parse({ ...discord, DISCORD_SHARDS: shards, DISCORD_SHARD_IDS: ids }).discord;

  it.each([
    ["0", [0]],
    ["1", [1]],
    ["0,1", [0, 1]],
    [" 3 , 1 ", [1, 3]],
    ["0-3", [0, 1, 2, 3]],
    ["4 - 5,7", [4, 5, 7]],
    ["6-6", [6]],
    ["7,0-1", [0, 1, 7]],
  ])("reads %j as shards %j, ascending", (ids, expected) => {
    expect(shardIds(ids)).toMatchObject({ shards: 8, shardIds: expected });
  });

  it("runs every shard when unset", () => {
    expect(parse({ ...discord, DISCORD_SHARDS: "2" }).discord).not.toHaveProperty("shardIds");
    expect(parse({ ...discord, DISCORD_SHARDS: "2", DISCORD_SHARD_IDS: "  " }).discord).not.toHaveProperty(
      "shardIds",
    );
  });

  it.each(["a", "1;2", "1,", ",1", "-1", "1-", "1-2-3", "0x1", "1.5", "123456"])(
    "refuses the malformed %j",
    (ids) => {
      expect(problems({ ...discord, DISCORD_SHARDS: "8", DISCORD_SHARD_IDS: ids })).toContain(
        "DISCORD_SHARD_IDS: must be comma-separated shard ids or ranges, e.g. 0,1 or 0-3",
      );
    },
  );

  it.each([
    ["1,1", "8", "DISCORD_SHARD_IDS: lists shard 1 more than once"],
    ["0-3,2-4", "8", "DISCORD_SHARD_IDS: lists shard 2, 3 more than once"],
    ["3-1", "8", "DISCORD_SHARD_IDS: the range 3-1 runs backwards (write 1-3)"],
    ["2", "2", "DISCORD_SHARD_IDS: shard 2 is out of range: with DISCORD_SHARDS=2 the ids run from 0 to 1"],
    ["0-2", "2", "DISCORD_SHARD_IDS: shard 2 is out of range: with DISCORD_SHARDS=2 the ids run from 0 to 1"],
  ])("refuses %j with DISCORD_SHARDS=%s", (ids, shards, message) => {
    expect(problems({ ...discord, DISCORD_SHARDS: shards, DISCORD_SHARD_IDS: ids })).toContain(message);
  });

  it("refuses DISCORD_SHARDS=auto: the replicas could each get a different total", () => {
    expect(problems({ ...discord, DISCORD_SHARDS: "auto", DISCORD_SHARD_IDS: "0" })).toContain(
      'DISCORD_SHARDS: must be a number, not "auto", when DISCORD_SHARD_IDS is set',
    );
  });

  it("refuses shard ids without DISCORD_SHARDS, the total they are a part of", () => {
    expect(problems({ ...discord, DISCORD_SHARD_IDS: "0,1" })).toContain(
      "DISCORD_SHARDS: is required when DISCORD_SHARD_IDS is set",
    );
  });

  it("reports every problem at once", () => {
    const message = problems({ ...discord, DISCORD_SHARDS: "4", DISCORD_SHARD_IDS: "1,1,5,3-2" });
    expect(message).toContain("lists shard 1 more than once");
    expect(message).toContain("shard 5 is out of range");
    expect(message).toContain("the range 3-2 runs backwards");
  });
});
