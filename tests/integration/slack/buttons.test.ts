import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeAction, encodeAction } from "../../../src/adapters/chat-adapter.js";
import { type SlackTestApp, startSlackTestApp } from "../../helpers/slack-app.js";
import { buttonPress, postSigned } from "../../kit/slack-requests.js";
import { type SlackStandIn, startSlackStandIn, TEAM_ONE } from "../../kit/slack-stand-in.js";

type Block = { type: string; elements?: { value?: string }[] };

let slack: SlackStandIn;
let bot: SlackTestApp;

beforeAll(async () => {
  slack = await startSlackStandIn();
  slack.postFailures.set("C_PRIVATE", { error: "not_in_channel" });
  bot = await startSlackTestApp(slack);
});
afterAll(async () => {
  await bot?.close();
  await slack?.close();
});

function press(value: string, channel = "C2147483705", actionId = "vb-0") {
  const target = slack.responseUrl();
  const request = buttonPress(
    { value, actionId },
    { response_url: target.url, channel: { id: channel, name: "x" } },
  );
  return { target, ack: postSigned(bot.endpoint, request) };
}

const buttonValues = (blocks: Block[]) =>
  blocks.flatMap((b) => b.elements ?? []).flatMap((e) => (e.value ? [e.value] : []));

describe("Slack buttons (block_actions)", () => {
  it("acks a button and answers only the person who pressed it, leaving the original message", async () => {
    const { target, ack } = press(encodeAction({ label: "Foods", action: "foods vitamin-d" }));
    await expect(ack).resolves.toMatchObject({ status: 200 });
    const response = await slack.waitFor(() => slack.responses.find((r) => r.id === target.id));
    expect(response.body).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(JSON.stringify(response.body.blocks)).toMatch(/Foods with Vitamin D/i);
  });

  it("Share to channel posts the same answer for everyone, without a second Share button", async () => {
    const before = slack.callsTo("chat.postMessage").length;
    const { ack } = press(
      encodeAction({ label: "Share to channel", action: "vitamin vitamin-b12", share: true }),
    );
    await expect(ack).resolves.toMatchObject({ status: 200 });
    const post = await slack.waitFor(() => slack.callsTo("chat.postMessage")[before]);
    expect(post.token).toBe(TEAM_ONE.token);
    expect(post.params.channel).toBe("C2147483705");
    expect(JSON.stringify(post.params.blocks)).toContain("B12");
    const actions = buttonValues(post.params.blocks as Block[]).map((v) => decodeAction(v));
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.every((a) => a?.share === false)).toBe(true);
  });

  it("Share on an error posts nothing to the channel and tells the presser why, privately", async () => {
    const before = slack.callsTo("chat.postMessage").length;
    const { target, ack } = press(
      encodeAction({ label: "Share to channel", action: "vitamin no-such-nutrient", share: true }),
    );
    await expect(ack).resolves.toMatchObject({ status: 200 });
    const response = await slack.waitFor(() => slack.responses.find((r) => r.id === target.id));
    expect(response.body).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(JSON.stringify(response.body.blocks)).toMatch(/Nothing was posted to the channel/);
    expect(JSON.stringify(response.body.blocks)).toMatch(/That didn't work/);
    // The private answer came after the share was decided: had it been posted, it would be here.
    expect(slack.callsTo("chat.postMessage").length).toBe(before);
  });

  it("tells the person to invite the app when Share hits a channel it cannot post in", async () => {
    const { target } = press(encodeAction({ label: "Share", action: "tip", share: true }), "C_PRIVATE");
    const response = await slack.waitFor(() => slack.responses.find((r) => r.id === target.id));
    expect(response.body.response_type).toBe("ephemeral");
    expect(String(response.body.text)).toMatch(/invite/i);
  });

  it("ignores buttons vitabot did not make", async () => {
    const before = { responses: slack.responses.length, posts: slack.callsTo("chat.postMessage").length };
    const { ack } = press("someone-else|run|tip");
    await expect(ack).resolves.toMatchObject({ status: 200 });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(slack.responses.length).toBe(before.responses);
    expect(slack.callsTo("chat.postMessage").length).toBe(before.posts);
  });

  it("runs the 👍 button's feedback line against the rated answer", async () => {
    const { target } = press(
      encodeAction({ label: "👍", action: "feedback up answer:faq:vitd-muscle-loss" }),
    );
    const response = await slack.waitFor(() => slack.responses.find((r) => r.id === target.id));
    expect(JSON.stringify(response.body.blocks)).toContain("Thanks for the feedback");
    const stored = await bot.app.storage.listFeedback();
    expect(stored[0]).toMatchObject({
      answerId: "faq:vitd-muscle-loss",
      vote: "up",
      where: { platform: "slack" },
    });
  });
});

describe("Slack Share to channel during a cooldown", () => {
  let cooling: SlackTestApp;
  beforeAll(async () => {
    cooling = await startSlackTestApp(slack, { env: { COOLDOWN_SECONDS: "600" } });
  });
  afterAll(async () => {
    await cooling?.close();
  });

  const pressShare = () => {
    const target = slack.responseUrl();
    const request = buttonPress(
      { value: encodeAction({ label: "Share", action: "vitamin vitamin-d", share: true }), actionId: "vb-0" },
      { response_url: target.url, channel: { id: "C_COOLING", name: "x" } },
    );
    return { target, ack: postSigned(cooling.endpoint, request) };
  };
  const postsIn = (channel: string) =>
    slack.callsTo("chat.postMessage").filter((call) => call.params.channel === channel);

  it("shares the first press, and answers the second only to the presser, with nothing posted", async () => {
    await expect(pressShare().ack).resolves.toMatchObject({ status: 200 });
    const shared = await slack.waitFor(() => postsIn("C_COOLING")[0]);
    expect(JSON.stringify(shared.params.blocks)).toMatch(/Vitamin D/);

    const second = pressShare();
    await expect(second.ack).resolves.toMatchObject({ status: 200 });
    const response = await slack.waitFor(() => slack.responses.find((r) => r.id === second.target.id));
    expect(response.body.response_type).toBe("ephemeral");
    const text = JSON.stringify(response.body.blocks);
    expect(text).toMatch(/Nothing was posted to the channel/);
    expect(text).toMatch(/One moment/);
    expect(postsIn("C_COOLING")).toHaveLength(1);
  });
});
