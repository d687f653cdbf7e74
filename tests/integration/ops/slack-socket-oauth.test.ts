/**
 * Socket Mode with OAuth: events arrive over the WebSocket, but the install pages need
 * HTTP. They are served on vitabot's HTTP server (Bolt's Socket Mode receiver would open
 * its own on port 3000, next to PORT), and the installer authorizes each workspace.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SlackTestApp, startSlackTestApp } from "../../helpers/slack-app.js";
import { slackFixture } from "../../kit/slack-requests.js";
import { type SlackStandIn, startSlackStandIn, TEAM_TWO } from "../../kit/slack-stand-in.js";

let slack: SlackStandIn;
let bot: SlackTestApp;

beforeAll(async () => {
  slack = await startSlackStandIn();
  slack.oauthCodes.set("code-for-t2", TEAM_TWO);
  bot = await startSlackTestApp(slack, {
    env: {
      SLACK_APP_TOKEN: "xapp-1-A123456-test",
      SLACK_CLIENT_ID: "1111.2222",
      SLACK_CLIENT_SECRET: "client-secret-0a9b8c",
      SLACK_STATE_SECRET: "state-secret-7d6e5f",
    },
  });
});
afterAll(async () => {
  await bot?.close();
  await slack?.close();
});

describe("Slack Socket Mode with OAuth installs", () => {
  it("serves the install pages over HTTP while events come over the socket", async () => {
    expect(bot.adapter.mode).toBe("socket");
    expect(slack.connectedSockets()).toBe(1);
    expect(bot.adapter.port).toBeGreaterThan(0);
    const page = await fetch(`${bot.base}/slack/install`);
    expect(page.status).toBe(200);
    const cookie = (page.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const state = cookie.split("=")[1] ?? "";
    const redirect = await fetch(`${bot.base}/slack/oauth_redirect?code=code-for-t2&state=${state}`, {
      headers: { cookie },
    });
    expect(redirect.status).toBe(200);
    await expect(
      bot.app.storage.findSlackInstallation({ enterpriseId: "", teamId: TEAM_TWO.teamId }),
    ).resolves.toBeDefined();
    expect((await fetch(`${bot.base}/slack/events`, { method: "POST" })).status).toBe(404);
  });

  it("answers the installed workspace's command with its own token", async () => {
    const target = slack.responseUrl();
    const before = slack.callsTo("users.info").length;
    slack.sendEnvelope({
      envelope_id: "env-t2",
      type: "slash_commands",
      accepts_response_payload: true,
      payload: {
        ...slackFixture<Record<string, string>>("slash-command"),
        team_id: TEAM_TWO.teamId,
        user_id: "U_T2",
        text: "tip",
        response_url: target.url,
      },
    });
    await slack.waitFor(() => slack.responses.find((r) => r.id === target.id));
    expect(
      slack
        .callsTo("users.info")
        .slice(before)
        .map((call) => call.token),
    ).toEqual([TEAM_TWO.token]);
  });
});
