import cron from "node-cron";
import { afterEach, describe, expect, it, vi } from "vitest";
import { buildSubscription } from "../../commands/tips/subscription.js";
import { queueLimits } from "../../src/app.js";
import { parseConfig } from "../../src/config.js";
import type { Storage } from "../../src/core/storage-ports/storage.js";
import { PlatformError } from "../../src/errors.js";
import { createPostQueue } from "../../src/scheduler/post-queue.js";
import { startTicking, tickExpression } from "../../src/scheduler/tick.js";
import { claimSliceSize } from "../../src/scheduler/tip-claims.js";
import { createSqliteStorage } from "../../src/storage/kysely/sqlite-storage.js";
import { createRecordingAdapter, createTestApp } from "../helpers/app.js";

const SLACK = { SLACK_BOT_TOKEN: "xoxb-1-2", SLACK_SIGNING_SECRET: "0123456789abcdef" };
const DISCORD = { DISCORD_TOKEN: "discord-token-123" };
const problems = (env: Record<string, string>) => {
  try {
    parseConfig(env, "/srv/vitabot");
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected the configuration to be rejected");
};

afterEach(() => {
  vi.useRealTimers();
});

describe("replica configuration", () => {
  it("ticks once a minute by default, and takes SCHEDULER_TICK_SECONDS", () => {
    expect(parseConfig({}).schedulerTickSeconds).toBe(60);
    expect(parseConfig({ SCHEDULER_TICK_SECONDS: "10" }).schedulerTickSeconds).toBe(10);
  });

  it.each([
    ["0", "SCHEDULER_TICK_SECONDS: must be at least 1 second"],
    ["3601", "SCHEDULER_TICK_SECONDS: must be at most 3600"],
    ["1.5", "SCHEDULER_TICK_SECONDS: must be a whole number of seconds"],
    ["soon", "SCHEDULER_TICK_SECONDS: must be a number of seconds"],
  ])("rejects SCHEDULER_TICK_SECONDS=%s", (value, message) => {
    expect(problems({ SCHEDULER_TICK_SECONDS: value })).toContain(message);
  });

  it("gives each platform this replica's share of its posting budget", () => {
    const config = parseConfig({
      ...SLACK,
      ...DISCORD,
      SLACK_POSTS_PER_SECOND: "0.5",
      DISCORD_REQUESTS_PER_SECOND: "25",
    });
    expect(config.slack?.postsPerSecond).toBe(0.5);
    expect(config.discord?.requestsPerSecond).toBe(25);
    const unset = parseConfig({ ...SLACK, ...DISCORD });
    expect(unset.slack?.postsPerSecond).toBeUndefined();
    expect(unset.discord?.requestsPerSecond).toBeUndefined();
  });

  it.each([
    [{ SLACK_POSTS_PER_SECOND: "0" }, "SLACK_POSTS_PER_SECOND: must be above 0"],
    [{ SLACK_POSTS_PER_SECOND: "lots" }, "SLACK_POSTS_PER_SECOND: must be a number of posts per second"],
    [{ DISCORD_REQUESTS_PER_SECOND: "0" }, "DISCORD_REQUESTS_PER_SECOND: must be at least 1"],
    [{ DISCORD_REQUESTS_PER_SECOND: "12.5" }, "DISCORD_REQUESTS_PER_SECOND: must be a whole number"],
  ])("rejects %j", (env, message) => {
    expect(problems(env)).toContain(message);
  });

  it("hands the shares to the scheduler's queues, under any explicit override", () => {
    const config = parseConfig({
      ...SLACK,
      ...DISCORD,
      SLACK_POSTS_PER_SECOND: "5",
      DISCORD_REQUESTS_PER_SECOND: "25",
    });
    expect(queueLimits(config)).toEqual({ slack: { perSecond: 5 }, discord: { perSecond: 25 } });
    expect(queueLimits(config, { slack: { perSecond: 1, concurrency: 2 } })).toMatchObject({
      slack: { perSecond: 1, concurrency: 2 },
      discord: { perSecond: 25 },
    });
    expect(queueLimits(parseConfig({}))).toEqual({ slack: {}, discord: {} });
  });
});

describe("the scheduler's tick", () => {
  it.each([
    [1, "* * * * * *"],
    [10, "*/10 * * * * *"],
    [30, "*/30 * * * * *"],
    [60, "* * * * *"],
    [300, "*/5 * * * *"],
    [3600, "0 * * * *"],
    [45, undefined],
    [90, undefined],
    [7, undefined],
  ])("every %i s is the cron expression %s", (seconds, expression) => {
    expect(tickExpression(seconds)).toBe(expression);
    if (expression) expect(cron.validate(expression)).toBe(true);
  });

  it("runs periods cron cannot space evenly on an interval, skipping a tick while one still runs", async () => {
    vi.useFakeTimers();
    let finish = () => {};
    let runs = 0;
    const errors: unknown[] = [];
    const ticker = startTicking(
      45,
      () => {
        runs++;
        return new Promise<void>((resolve) => {
          finish = resolve;
        });
      },
      (error) => errors.push(error),
    );
    await vi.advanceTimersByTimeAsync(45_000);
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(45_000); // the first is still running: skipped
    expect(runs).toBe(1);
    finish();
    await vi.advanceTimersByTimeAsync(45_000);
    expect(runs).toBe(2);
    await ticker.stop();
    finish();
    await vi.advanceTimersByTimeAsync(90_000);
    expect(runs).toBe(2);
    expect(errors).toEqual([]);
  });

  it("pages through each platform's due posts within one tick", async () => {
    const t = await createTestApp({ now: "2026-11-25T06:00:00Z", scheduler: { batchSize: 2 } });
    const discord = createRecordingAdapter("discord");
    t.registerAdapter(discord.adapter);
    const schedule = { time: "07:00", zone: "UTC", days: [1, 2, 3, 4, 5, 6, 7], skip: [] };
    for (let i = 0; i < 5; i++) {
      for (const channel of [
        { platform: "slack" as const, workspaceId: "T1", channelId: `C${i}` },
        { platform: "discord" as const, workspaceId: "G1", channelId: `${100 + i}` },
      ])
        await t.storage.saveSubscription(
          buildSubscription({ channel, schedule, theme: null, createdBy: "U1", now: t.clock.now() }),
        );
    }
    t.clock.set("2026-11-25T07:00:30Z");
    expect(await t.scheduler.tick()).toMatchObject({ due: 10, claimed: 10, posted: 10 });
    expect(t.slack.posts).toHaveLength(5);
    expect(discord.posts).toHaveLength(5);
  });

  it("finds and claims a tick's 400 due posts in a few statements, not 25 posts at a time", async () => {
    const storage = createSqliteStorage({ path: ":memory:" });
    const calls = { due: 0, claims: 0, claimedKeys: 0 };
    const counted: Storage = {
      ...storage,
      dueSubscriptions: (...args) => {
        calls.due++;
        return storage.dueSubscriptions(...args);
      },
      claimDeliveries: (keys, by, at) => {
        calls.claims++;
        calls.claimedKeys += keys.length;
        return storage.claimDeliveries(keys, by, at);
      },
    };
    const t = await createTestApp({ storage: counted, now: "2026-11-25T06:00:00Z" });
    const schedule = { time: "07:00", zone: "UTC", days: [1, 2, 3, 4, 5, 6, 7], skip: [] };
    for (let i = 0; i < 400; i++) {
      const channel = { platform: "slack" as const, workspaceId: "T1", channelId: `C${i}` };
      await storage.saveSubscription(
        buildSubscription({ channel, schedule, theme: null, createdBy: "U1", now: t.clock.now() }),
      );
    }
    t.clock.set("2026-11-25T07:00:30Z");
    expect(await t.scheduler.tick()).toMatchObject({ due: 400, claimed: 400, posted: 400 });
    expect(new Set(t.slack.posts.map((p) => p.channel.channelId)).size).toBe(400);
    // One due query for every platform, and the 400 keys in four slices of 100 (sized to what is due).
    expect(calls).toEqual({ due: 1, claims: 4, claimedKeys: 400 });
    expect(claimSliceSize(400)).toBe(100);
  });

  it("claims nothing more once drained for a graceful stop", async () => {
    const t = await createTestApp({ now: "2026-11-25T06:00:00Z" });
    const channel = { platform: "slack" as const, workspaceId: "T1", channelId: "C1" };
    const schedule = { time: "07:00", zone: "UTC", days: [1, 2, 3, 4, 5, 6, 7], skip: [] };
    await t.storage.saveSubscription(
      buildSubscription({ channel, schedule, theme: null, createdBy: "U1", now: t.clock.now() }),
    );
    t.clock.set("2026-11-25T07:00:30Z");
    await t.scheduler.drain();
    expect(await t.scheduler.tick()).toMatchObject({ due: 0, claimed: 0, posted: 0 });
    expect(t.slack.posts).toEqual([]);
    expect((await t.storage.getSubscription(channel))?.nextRunDate).toBe("2026-11-25");
  });
});

describe("the post queue's overall rate", () => {
  it("spaces requests across channels evenly, retries included", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const waits: number[] = [];
    const queue = createPostQueue({
      perChannelIntervalMs: 0,
      concurrency: 10,
      perSecond: 20,
      maxAttempts: 2,
      backoffMs: 0,
      sleep: async (ms) => void waits.push(ms),
    });
    let failed = false;
    await Promise.all(
      ["c1", "c2", "c3"].map((channel) =>
        queue.run(channel, async () => {
          if (channel === "c2" && !failed) {
            failed = true;
            throw new PlatformError("discord", "server_error", "503", { permanent: false });
          }
        }),
      ),
    );
    // Four requests at 20 a second: 0, 50, 100 and 150 ms after the first (the retry's backoff is 0).
    expect(waits.filter((ms) => ms > 0)).toEqual([50, 100, 150]);
  });

  it("does not wait at all without a rate", async () => {
    const waits: number[] = [];
    const queue = createPostQueue({
      perChannelIntervalMs: 0,
      concurrency: 10,
      maxAttempts: 1,
      backoffMs: 0,
      sleep: async (ms) => void waits.push(ms),
    });
    await Promise.all(["c1", "c2", "c3"].map((channel) => queue.run(channel, async () => {})));
    expect(waits).toEqual([]);
  });
});
