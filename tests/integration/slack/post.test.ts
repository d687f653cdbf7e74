import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Reply } from "../../../src/core/reply/reply.js";
import { PlatformError } from "../../../src/errors.js";
import { type SlackTestApp, startSlackTestApp } from "../../helpers/slack-app.js";
import { type SlackStandIn, startSlackStandIn, TEAM_ONE } from "../../kit/slack-stand-in.js";

let slack: SlackStandIn;
let bot: SlackTestApp;

const tip: Reply = {
  title: "Today's muscle-health tip",
  tone: "info",
  sections: [{ text: "Get some daylight <!channel>" }],
  buttons: [
    { label: "Learn more", action: "vitamin d" },
    { label: "Share to channel", action: "tip", share: true },
  ],
  visibility: "ephemeral",
};
const channel = (channelId: string) =>
  ({ platform: "slack", workspaceId: TEAM_ONE.teamId, channelId }) as const;

beforeAll(async () => {
  slack = await startSlackStandIn();
  slack.postFailures.set("C_GONE", { error: "channel_not_found" });
  slack.postFailures.set("C_BUSY", { retryAfter: 7 });
  slack.postFailures.set("C_FLAKY", { error: "internal_error" });
  bot = await startSlackTestApp(slack);
});
afterAll(async () => {
  await bot?.close();
  await slack?.close();
});

const failureOf = (channelId: string) =>
  bot.adapter.post(channel(channelId), tip).catch((error: unknown) => error);

describe("SlackAdapter.post (scheduled posts)", () => {
  it("posts blocks and a fallback text with the bot token, for everyone and without a Share button", async () => {
    await bot.adapter.post(channel("C_TIPS"), tip);
    const call = slack.callsTo("chat.postMessage").at(-1);
    expect(call).toMatchObject({ token: TEAM_ONE.token, params: { channel: "C_TIPS" } });
    expect(String(call?.params.text)).toContain("&lt;!channel&gt;");
    const json = JSON.stringify(call?.params.blocks);
    expect(json).toContain("vb|run|vitamin d");
    expect(json).not.toContain("vb|share|");
  });

  it("maps channel_not_found to a permanent PlatformError", async () => {
    const failure = await failureOf("C_GONE");
    expect(failure).toBeInstanceOf(PlatformError);
    expect(failure).toMatchObject({
      platform: "slack",
      code: "channel_not_found",
      detail: { permanent: true },
    });
  });

  it("maps a 429 to a retryable PlatformError carrying Retry-After in milliseconds", async () => {
    const failure = await failureOf("C_BUSY");
    expect(failure).toMatchObject({ code: "rate_limited", detail: { permanent: false, retryAfterMs: 7000 } });
  });

  it("treats other Slack errors as retryable", async () => {
    await expect(failureOf("C_FLAKY")).resolves.toMatchObject({
      code: "internal_error",
      detail: { permanent: false },
    });
  });

  it("reports health while running", () => {
    expect(bot.adapter.health()).toEqual({ ok: true, detail: "http" });
  });
});

describe("SlackAdapter start-up", () => {
  it("refuses a bot token Slack rejects, with a permanent error that names SLACK_BOT_TOKEN", async () => {
    const failure = await startSlackTestApp(slack, { env: { SLACK_BOT_TOKEN: "xoxb-revoked-token" } }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(PlatformError);
    expect(failure).toMatchObject({ code: "invalid_auth", detail: { permanent: true } });
    expect((failure as Error).message).toContain("SLACK_BOT_TOKEN");
  });

  it("is not healthy after stop, and stop is idempotent", async () => {
    const other = await startSlackTestApp(slack);
    await other.adapter.stop();
    expect(other.adapter.health().ok).toBe(false);
    await other.close();
  });
});
