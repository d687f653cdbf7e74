import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SlackTestApp, startSlackTestApp } from "../../helpers/slack-app.js";
import { slackFixture } from "../../kit/slack-requests.js";
import { type SlackStandIn, startSlackStandIn } from "../../kit/slack-stand-in.js";

let slack: SlackStandIn;
let bot: SlackTestApp;

beforeAll(async () => {
  slack = await startSlackStandIn();
  bot = await startSlackTestApp(slack, { env: { SLACK_APP_TOKEN: "xapp-1-A123456-test" } });
});
afterAll(async () => {
  await bot?.close();
  await slack?.close();
});

describe("Slack in Socket Mode", () => {
  it("opens the connection with the app token and serves no HTTP port", () => {
    expect(bot.adapter.mode).toBe("socket");
    expect(bot.adapter.port).toBeUndefined();
    expect(slack.callsTo("apps.connections.open")[0]?.token).toBe("xapp-1-A123456-test");
    expect(slack.connectedSockets()).toBe(1);
  });

  it("acks a slash-command envelope over the socket, then responds through response_url", async () => {
    const target = slack.responseUrl();
    const payload = { ...slackFixture("slash-command"), text: "vitamin d", response_url: target.url };
    slack.sendEnvelope({
      envelope_id: "env-1",
      type: "slash_commands",
      accepts_response_payload: true,
      payload,
    });
    const ack = await slack.waitFor(() => slack.socketMessages.find((m) => m.envelope_id === "env-1"));
    expect(ack).toMatchObject({ envelope_id: "env-1" });
    const response = await slack.waitFor(() => slack.responses.find((r) => r.id === target.id));
    expect(JSON.stringify(response.body.blocks)).toContain("Vitamin D");
  });

  it("dedups an events_api envelope that Slack retries", async () => {
    const envelope = slackFixture("app-mention") as Record<string, unknown>;
    const send = (id: string, attempt: number) =>
      slack.sendEnvelope({
        envelope_id: id,
        type: "events_api",
        accepts_response_payload: false,
        retry_attempt: attempt,
        retry_reason: attempt ? "timeout" : "",
        payload: { ...envelope, event_id: "EvSocket1" },
      });
    send("env-2", 0);
    send("env-3", 1);
    await slack.waitFor(() => slack.socketMessages.find((m) => m.envelope_id === "env-3"));
    await slack.waitFor(() => slack.callsTo("chat.postMessage").length > 0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(slack.callsTo("chat.postMessage")).toHaveLength(1);
  });
});
