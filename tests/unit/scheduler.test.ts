import { describe, expect, it } from "vitest";
import { PlatformError } from "../../src/errors.js";
import { createPostQueue } from "../../src/scheduler/post-queue.js";
import { createTestApp, slackInvocation } from "../helpers/app.js";

const CHANNEL = { platform: "slack" as const, workspaceId: "T1", channelId: "C1" };
const admin = slackInvocation({ isAdmin: true });

async function subscribedApp(line = "tips subscribe 09:00 Europe/Berlin", now = "2026-11-25T07:00:00Z") {
  const t = await createTestApp({ now });
  const result = await t.dispatcher.runLine(admin, line);
  expect(result.outcome).toBe("ok");
  return t;
}

describe("tips subscribe and status", () => {
  it("confirms with the zone and the next post time, and announces itself in the channel", async () => {
    const t = await subscribedApp();
    const status = await t.dispatcher.runLine(slackInvocation(), "tips status");
    const text = JSON.stringify(status.reply);
    expect(text).toContain("09:00 Europe/Berlin, every day");
    expect(text).toContain("Wed, 25 Nov, 09:00 (Europe/Berlin, UTC+01:00)");
    expect(t.slack.posts[0]?.reply.title).toBe("Daily muscle-health tips are on");
  });

  it("takes the zone from the Slack user's profile when none is given", async () => {
    const t = await createTestApp();
    const result = await t.dispatcher.runLine(
      slackInvocation({ isAdmin: true, userTimeZone: "Asia/Kolkata" }),
      "tips subscribe 08:00",
    );
    expect(JSON.stringify(result.reply)).toContain("08:00 Asia/Kolkata");
  });

  it("answers a wrong zone with examples, and a missing one with how to give it", async () => {
    const t = await createTestApp();
    expect(
      JSON.stringify((await t.dispatcher.runLine(admin, "tips subscribe 09:00 Europe/Paris-ish")).reply),
    ).toContain("Use an IANA name such as Europe/Berlin");
    expect(JSON.stringify((await t.dispatcher.runLine(admin, "tips subscribe 09:00")).reply)).toContain(
      "zone:Europe/Berlin",
    );
  });

  it("lets only admins or the creator change the schedule", async () => {
    const t = await subscribedApp();
    const refused = await t.dispatcher.runLine(slackInvocation({ user: { id: "U9" } }), "tips pause");
    expect(refused.outcome).toBe("user_error");
    expect((await t.dispatcher.runLine(slackInvocation({ user: { id: "U1" } }), "tips pause")).outcome).toBe(
      "ok",
    );
  });

  it("explains exactly what to fix when the bot cannot post in the channel", async () => {
    const t = await createTestApp();
    t.slack.failWhen(
      () =>
        new PlatformError("slack", "not_in_channel", "invite vitabot with /invite @vitabot", {
          permanent: true,
        }),
    );
    const result = await t.dispatcher.runLine(admin, "tips subscribe 09:00 UTC");
    expect(result.outcome).toBe("user_error");
    expect(JSON.stringify(result.reply)).toContain(
      "I can't post in this channel yet: invite vitabot with /invite @vitabot",
    );
    expect(await t.storage.getSubscription(CHANNEL)).toBeUndefined();
  });
});

describe("the tick", () => {
  it("posts once when due and moves the next run to tomorrow", async () => {
    const t = await subscribedApp();
    t.clock.set("2026-11-25T07:59:00Z");
    expect((await t.scheduler.tick()).posted).toBe(0);
    t.clock.set("2026-11-25T08:00:30Z");
    const report = await t.scheduler.tick();
    expect(report).toMatchObject({ due: 1, claimed: 1, posted: 1 });
    expect((await t.scheduler.tick()).due).toBe(0);
    const sub = await t.storage.getSubscription(CHANNEL);
    expect(sub?.nextRunDate).toBe("2026-11-26");
    expect(
      await t.storage.getDelivery({ channel: CHANNEL, kind: "tip", localDate: "2026-11-25" }),
    ).toMatchObject({ status: "sent" });
    expect(t.slack.posts.at(-1)?.reply.visibility).toBe("channel");
  });

  it("catches up a missed post inside the grace window, and skips an older one with a log line", async () => {
    const t = await subscribedApp();
    t.clock.set("2026-11-25T10:30:00Z"); // 2.5 h late
    expect((await t.scheduler.tick()).posted).toBe(1);
    t.clock.set("2026-11-26T11:30:00Z"); // 3.5 h late
    const report = await t.scheduler.tick();
    expect(report).toMatchObject({ posted: 0, skippedLate: 1 });
    expect(t.logLines.some((l) => String(l.msg).includes("older than the grace window"))).toBe(true);
    expect((await t.storage.getSubscription(CHANNEL))?.nextRunDate).toBe("2026-11-27");
  });

  it("reports a crash after the claim and never resends it", async () => {
    const t = await subscribedApp();
    const key = { channel: CHANNEL, kind: "tip" as const, localDate: "2026-11-25" };
    expect(await t.storage.claimDelivery(key, "crashed-process", Date.parse("2026-11-25T08:00:00Z"))).toBe(
      true,
    );
    t.clock.set("2026-11-25T08:20:00Z");
    const report = await t.scheduler.tick();
    expect(report).toMatchObject({ claimed: 0, claimedElsewhere: 1, posted: 0 });
    expect(report.staleClaims.map((d) => d.localDate)).toEqual(["2026-11-25"]);
    expect(JSON.stringify((await t.dispatcher.runLine(slackInvocation(), "tips status")).reply)).toContain(
      "2026-11-25: claimed but never sent (not resent)",
    );
    expect(t.slack.posts).toHaveLength(1); // only the subscribe announcement
  });

  it("pauses a subscription whose channel is gone, and says why in status", async () => {
    const t = await subscribedApp();
    t.slack.failWhen(
      () =>
        new PlatformError("slack", "channel_not_found", "the channel no longer exists", { permanent: true }),
    );
    t.clock.set("2026-11-25T08:00:30Z");
    expect(await t.scheduler.tick()).toMatchObject({ failed: 1, paused: 1 });
    const sub = await t.storage.getSubscription(CHANNEL);
    expect(sub).toMatchObject({
      nextRunAt: null,
      pausedReason: "channel_not_found: the channel no longer exists",
    });
    t.clock.set("2026-11-26T08:00:30Z");
    expect((await t.scheduler.tick()).due).toBe(0);
  });

  it("respects weekdays, skipped dates, pause and resume", async () => {
    const t = await subscribedApp("tips subscribe 09:00 UTC weekdays", "2026-11-27T08:00:00Z"); // Friday
    await t.dispatcher.runLine(admin, "tips skip 2026-11-30");
    expect((await t.storage.getSubscription(CHANNEL))?.nextRunDate).toBe("2026-11-27");
    t.clock.set("2026-11-27T09:00:10Z");
    await t.scheduler.tick();
    expect((await t.storage.getSubscription(CHANNEL))?.nextRunDate).toBe("2026-12-01");
    await t.dispatcher.runLine(admin, "tips pause");
    expect((await t.storage.getSubscription(CHANNEL))?.nextRunAt).toBeNull();
    await t.dispatcher.runLine(admin, "tips resume");
    expect((await t.storage.getSubscription(CHANNEL))?.nextRunDate).toBe("2026-12-01");
  });
});

describe("tips post-now, preview, tip and team tips", () => {
  it("post-now posts the next tip without taking the day's scheduled post", async () => {
    const t = await subscribedApp();
    await t.dispatcher.runLine(admin, "tips post-now");
    expect(t.slack.posts).toHaveLength(2);
    t.clock.set("2026-11-25T08:00:30Z");
    expect((await t.scheduler.tick()).posted).toBe(1);
    expect(t.slack.posts[1]?.reply.sections[0]?.text).not.toBe(t.slack.posts[2]?.reply.sections[0]?.text);
  });

  it("tip shows the channel's tip for today without advancing the rotation", async () => {
    const t = await subscribedApp();
    const preview = await t.dispatcher.runLine(slackInvocation(), "tips preview");
    const before = (await t.dispatcher.runLine(slackInvocation(), "tip")).reply.sections[0]?.text;
    expect((await t.dispatcher.runLine(slackInvocation(), "tip")).reply.sections[0]?.text).toBe(before);
    expect(preview.reply.sections[0]?.text).toBe(before);
    t.clock.set("2026-11-25T08:00:30Z");
    await t.scheduler.tick();
    expect(t.slack.posts.at(-1)?.reply.sections[0]?.text).toBe(before);
    expect((await t.dispatcher.runLine(slackInvocation(), "tip")).reply.sections[0]?.text).toBe(before);
  });

  it("adds team tips to the rotation, labelled, with mentions neutralised, and never in ask answers", async () => {
    const t = await subscribedApp("tips subscribe 09:00 UTC every-day habits");
    const added = await t.dispatcher.runLine(
      admin,
      'tips add "Stairs, not the lift, @everyone <!here>" https://example.org/stairs',
    );
    expect(added.outcome).toBe("ok");
    const [tip] = await t.storage.listTeamTips(CHANNEL);
    expect(tip?.text).not.toMatch(/@everyone|<!here>/);
    for (let day = 0; day < 40; day++) {
      t.clock.set(new Date(Date.parse("2026-11-25T09:00:30Z") + day * 86_400_000).toISOString());
      await t.scheduler.tick();
    }
    const team = t.slack.posts.find((p) => p.reply.title === "Team tip (not reviewed by vitabot)");
    expect(team?.reply.untrusted).toBe(true);
    expect(
      JSON.stringify((await t.dispatcher.runLine(slackInvocation(), "ask stairs not the lift")).reply),
    ).not.toContain("Stairs, not the lift");
    expect((await t.dispatcher.runLine(admin, `tips add ${"x".repeat(281)}`)).outcome).toBe("user_error");
    expect((await t.dispatcher.runLine(admin, 'tips add "ok tip" http://insecure.example')).outcome).toBe(
      "user_error",
    );
    expect((await t.dispatcher.runLine(admin, `tips remove ${tip?.id}`)).outcome).toBe("ok");
  });
});

describe("the post queue", () => {
  it("honours retry_after from a 429 before trying again", async () => {
    const waits: number[] = [];
    const queue = createPostQueue({
      perChannelIntervalMs: 0,
      concurrency: 2,
      maxAttempts: 3,
      backoffMs: 10,
      sleep: async (ms) => void waits.push(ms),
    });
    let calls = 0;
    await queue.run("c", async () => {
      calls++;
      if (calls === 1)
        throw new PlatformError("discord", "rate_limited", "429", { permanent: false, retryAfterMs: 1234 });
    });
    expect(calls).toBe(2);
    expect(waits).toEqual([1234]);
  });

  it("keeps at least the per-channel interval between posts to one channel", async () => {
    const queue = createPostQueue({
      perChannelIntervalMs: 100,
      concurrency: 5,
      maxAttempts: 1,
      backoffMs: 0,
    });
    const times: number[] = [];
    await Promise.all([1, 2, 3].map(() => queue.run("same", async () => void times.push(Date.now()))));
    expect((times[2] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(195);
  });

  it("fails a permanent error at once, without retrying", async () => {
    const queue = createPostQueue({ perChannelIntervalMs: 0, concurrency: 1, maxAttempts: 5, backoffMs: 1 });
    let calls = 0;
    const gone = new PlatformError("slack", "channel_not_found", "gone", { permanent: true });
    await expect(
      queue.run("c", async () => {
        calls++;
        throw gone;
      }),
    ).rejects.toBe(gone);
    expect(calls).toBe(1);
  });
});
