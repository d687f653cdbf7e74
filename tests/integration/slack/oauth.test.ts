import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { PlatformError } from "../../../src/errors.js";
import { type SlackTestApp, startSlackTestApp } from "../../helpers/slack-app.js";
import { eventEnvelope, postSigned, slashCommand } from "../../kit/slack-requests.js";
import { type SlackStandIn, startSlackStandIn, TEAM_ONE, TEAM_TWO } from "../../kit/slack-stand-in.js";

let slack: SlackStandIn;
let bot: SlackTestApp;
const T2 = { enterpriseId: "", teamId: TEAM_TWO.teamId };

beforeAll(async () => {
  slack = await startSlackStandIn();
  slack.oauthCodes.set("code-for-t2", TEAM_TWO);
  bot = await startSlackTestApp(slack, {
    env: {
      SLACK_CLIENT_ID: "1111.2222",
      SLACK_CLIENT_SECRET: "client-secret-0a9b8c",
      SLACK_STATE_SECRET: "state-secret-7d6e5f",
      // With a trailing slash this time: it must still reach the stand-in, installer included.
      SLACK_API_URL: `${slack.apiUrl}/`,
    },
  });
});
afterAll(async () => {
  await bot?.close();
  await slack?.close();
});

/** Walks the browser side of the install: /slack/install sets the state cookie, Slack redirects back with a code. */
async function install(code: string, state?: string): Promise<number> {
  const page = await fetch(`${bot.base}/slack/install`);
  expect(page.status).toBe(200);
  const cookie = (page.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const issued = cookie.split("=")[1] ?? "";
  expect(await page.text()).toContain(encodeURIComponent(issued));
  const redirect = await fetch(`${bot.base}/slack/oauth_redirect?code=${code}&state=${state ?? issued}`, {
    headers: { cookie },
  });
  return redirect.status;
}

async function commandFrom(teamId: string, userId: string) {
  const target = slack.responseUrl();
  await postSigned(
    bot.endpoint,
    slashCommand({ text: "tip", team_id: teamId, user_id: userId, response_url: target.url }),
  );
  return slack.waitFor(() => slack.responses.find((r) => r.id === target.id));
}

describe("Slack OAuth: many workspaces from one deployment", () => {
  it("refuses an install whose state does not match the browser's cookie", async () => {
    expect(await install("code-for-t2", "forged-state")).not.toBe(200);
    await expect(bot.app.storage.findSlackInstallation(T2)).resolves.toBeUndefined();
  });

  it("stores the installation from the OAuth flow, sealed so the token is not readable in the database", async () => {
    expect(await install("code-for-t2")).toBe(200);
    const stored = await bot.app.storage.findSlackInstallation(T2);
    expect(stored).toBeDefined();
    expect(stored?.data).not.toContain(TEAM_TWO.token);
    // The forged attempt above never got as far as exchanging its code.
    expect(slack.callsTo("oauth.v2.access")).toHaveLength(1);
  });

  it("answers the second workspace's command with that workspace's own token", async () => {
    const before = slack.callsTo("users.info").length;
    await commandFrom(TEAM_TWO.teamId, "U_T2_PERSON");
    const lookup = slack.callsTo("users.info").slice(before);
    expect(lookup.map((call) => call.token)).toEqual([TEAM_TWO.token]);
  });

  it("keeps the single-token workspace working: SLACK_BOT_TOKEN's team was seeded as an installation", async () => {
    const before = slack.callsTo("users.info").length;
    await commandFrom(TEAM_ONE.teamId, "U_T1_PERSON");
    expect(
      slack
        .callsTo("users.info")
        .slice(before)
        .map((call) => call.token),
    ).toEqual([TEAM_ONE.token]);
  });

  it("threads a mention in the second workspace with its token, and post() uses it too", async () => {
    const before = slack.callsTo("chat.postMessage").length;
    const mention = eventEnvelope("app-mention", {
      envelope: {
        event_id: "EvT2Mention",
        team_id: TEAM_TWO.teamId,
        authorizations: [
          {
            team_id: TEAM_TWO.teamId,
            user_id: TEAM_TWO.botUserId,
            is_bot: true,
            is_enterprise_install: false,
          },
        ],
      },
      event: { text: `<@${TEAM_TWO.botUserId}> vitamin d`, channel: "C_T2" },
    });
    await postSigned(bot.endpoint, mention);
    const reply = await slack.waitFor(() => slack.callsTo("chat.postMessage")[before]);
    expect(reply.token).toBe(TEAM_TWO.token);
    await bot.adapter.post(
      { platform: "slack", workspaceId: TEAM_TWO.teamId, channelId: "C_T2" },
      { title: "Daily tip", tone: "info", sections: [{ text: "Drink water" }], visibility: "channel" },
    );
    expect(slack.callsTo("chat.postMessage").at(-1)).toMatchObject({
      token: TEAM_TWO.token,
      params: { channel: "C_T2" },
    });
  });

  it("forgets the workspace on app_uninstalled, after which posting there fails permanently", async () => {
    await postSigned(bot.endpoint, eventEnvelope("app-uninstalled"));
    await vi.waitFor(async () => expect(await bot.app.storage.findSlackInstallation(T2)).toBeUndefined());
    const failure = await bot.adapter
      .post(
        { platform: "slack", workspaceId: TEAM_TWO.teamId, channelId: "C_T2" },
        {
          title: "x",
          tone: "info",
          sections: [],
          visibility: "channel",
        },
      )
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PlatformError);
    expect(failure).toMatchObject({ code: "not_installed", detail: { permanent: true } });
  });
});
