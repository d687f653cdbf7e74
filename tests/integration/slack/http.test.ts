import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeAction } from "../../../src/adapters/chat-adapter.js";
import { type SlackTestApp, startSlackTestApp } from "../../helpers/slack-app.js";
import { eventEnvelope, postSigned, SIGNING_SECRET, slashCommand } from "../../kit/slack-requests.js";
import { type SlackStandIn, startSlackStandIn, TEAM_ONE } from "../../kit/slack-stand-in.js";

type Block = {
  type: string;
  text?: { text: string };
  elements?: { value?: string; text?: { text: string } }[];
};

let slack: SlackStandIn;
let bot: SlackTestApp;

beforeAll(async () => {
  slack = await startSlackStandIn();
  slack.users.set("U_ADMIN", { is_admin: true, tz: "Europe/Berlin" });
  bot = await startSlackTestApp(slack);
});
afterAll(async () => {
  await bot?.close();
  await slack?.close();
});

/** Sends `/vitabot <text>` and waits for what reaches its response_url. */
async function command(text: string, fields: Record<string, string> = {}) {
  const target = slack.responseUrl();
  const ack = await postSigned(bot.endpoint, slashCommand({ text, response_url: target.url, ...fields }));
  const response = await slack.waitFor(() => slack.responses.find((r) => r.id === target.id));
  return { ack, body: response.body as { text: string; blocks: Block[]; response_type: string } };
}

describe("Slack over HTTP: /vitabot", () => {
  it("acks a signed slash command with an empty 200, then responds ephemerally with blocks and text", async () => {
    const { ack, body } = await command("ask my legs are weak");
    expect(ack).toEqual({ status: 200, text: "" });
    expect(body.response_type).toBe("ephemeral");
    expect(body.text.length).toBeGreaterThan(0);
    expect(body.blocks[0]?.type).toBe("header");
    expect(body.blocks.map((b) => b.type)).toEqual(expect.arrayContaining(["section", "context", "actions"]));
    const values = body.blocks
      .flatMap((b) => b.elements ?? [])
      .flatMap((e) => (e.value ? [decodeAction(e.value)] : []));
    expect(values).toContainEqual({ share: true, line: expect.stringMatching(/^ask answer:/) });
  });

  it("answers a bare /vitabot with the help", async () => {
    const { body } = await command("");
    expect(body.blocks[0]?.text?.text).toMatch(/vitabot/);
    expect(JSON.stringify(body.blocks)).toContain("/vitamin &lt;nutrient&gt;");
  });

  it("looks the user up with the workspace's bot token and passes the admin flag and time zone on", async () => {
    const before = slack.callsTo("users.info").length;
    await command("help", { user_id: "U_ADMIN" });
    const lookups = slack.callsTo("users.info").slice(before);
    expect(lookups).toEqual([
      expect.objectContaining({
        token: TEAM_ONE.token,
        params: expect.objectContaining({ user: "U_ADMIN" }),
      }),
    ]);
    // Cached: a second command by the same person does not call users.info again.
    await command("tip", { user_id: "U_ADMIN" });
    expect(slack.callsTo("users.info").length).toBe(before + 1);
  });

  it("sets up daily tips for an admin in their own time zone, announcing it in the channel", async () => {
    slack.users.set("U_TZ_ADMIN", { is_admin: true, tz: "Asia/Kolkata" });
    const before = slack.callsTo("chat.postMessage").length;
    const { body } = await command("tips subscribe 08:30", { user_id: "U_TZ_ADMIN", channel_id: "C_TIPS" });
    expect(JSON.stringify(body.blocks)).toContain("08:30 Asia/Kolkata");
    const announcement = slack.callsTo("chat.postMessage")[before];
    expect(announcement?.params.channel).toBe("C_TIPS");
  });

  it("says exactly what to fix when tips subscribe cannot post in the channel", async () => {
    slack.users.set("U_TZ_ADMIN", { is_admin: true, tz: "Asia/Kolkata" });
    slack.postFailures.set("C_CLOSED", { error: "not_in_channel" });
    const { body } = await command("tips subscribe 08:30", { user_id: "U_TZ_ADMIN", channel_id: "C_CLOSED" });
    expect(body.text).toContain("I can't post in this channel yet");
    expect(body.text).toContain("invite the app to the channel (/invite @vitabot)");
  });

  it("rejects a bad signature with 401 and runs nothing", async () => {
    const before = slack.responses.length;
    const request = { ...slashCommand({ text: "tip" }), secret: "not-the-signing-secret" };
    await expect(postSigned(bot.endpoint, request)).resolves.toMatchObject({ status: 401 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(slack.responses.length).toBe(before);
  });

  it("rejects a correctly signed request whose timestamp is older than 5 minutes with 401", async () => {
    const stale = Math.floor(Date.now() / 1000) - 5 * 60 - 30;
    await expect(
      postSigned(bot.endpoint, { ...slashCommand({ text: "tip" }), timestamp: stale }),
    ).resolves.toMatchObject({
      status: 401,
    });
    const fresh = Math.floor(Date.now() / 1000) - 60;
    await expect(
      postSigned(bot.endpoint, { ...slashCommand({ text: "tip" }), timestamp: fresh }),
    ).resolves.toMatchObject({
      status: 200,
    });
  });

  it("rejects a correctly signed request whose timestamp is more than 5 minutes ahead with 401 (a replay window)", async () => {
    const before = slack.responses.length;
    const future = Math.floor(Date.now() / 1000) + 5 * 60 + 30;
    await expect(
      postSigned(bot.endpoint, { ...slashCommand({ text: "tip" }), timestamp: future }),
    ).resolves.toMatchObject({ status: 401 });
    const slightlyAhead = Math.floor(Date.now() / 1000) + 60;
    const target = slack.responseUrl();
    await expect(
      postSigned(bot.endpoint, {
        ...slashCommand({ text: "tip", response_url: target.url }),
        timestamp: slightlyAhead,
      }),
    ).resolves.toMatchObject({ status: 200 });
    // Only the request inside the window was answered.
    await slack.waitFor(() => slack.responses.find((r) => r.id === target.id));
    expect(slack.responses.length).toBe(before + 1);
  });

  it("neutralises mentions and links in user text that the reply echoes", async () => {
    const { body } = await command(
      "symptoms <!everyone> <!here> <!channel> <@U999> <#C123> <https://evil.example|click>",
    );
    const json = JSON.stringify(body);
    for (const ping of [
      "<!everyone>",
      "<!here>",
      "<!channel>",
      "<@U999>",
      "<#C123>",
      "<https://evil.example|click>",
    ])
      expect(json).not.toContain(ping);
    expect(json).toContain("&lt;!everyone&gt;");
    expect(body.text).toContain("&lt;@U999&gt;");
  });
});

describe("Slack over HTTP: text entities (Slack sends & < > as &amp; &lt; &gt;)", () => {
  it("decodes them once coming in and escapes once going out: a challenge named R&D <3 reads as typed", async () => {
    slack.users.set("U_ENT_ADMIN", { is_admin: true, tz: "Europe/Berlin" });
    // What Slack sends when someone types: challenge start daylight-walks "R&D <3 <!here>"
    const { body } = await command('challenge start daylight-walks "R&amp;D &lt;3 &lt;!here&gt;"', {
      user_id: "U_ENT_ADMIN",
      channel_id: "C_ENTITIES",
    });
    const json = JSON.stringify(body);
    expect(json).toContain("R&amp;D &lt;3");
    for (const doubled of ["&amp;amp;", "&amp;lt;", "&amp;gt;"]) expect(json).not.toContain(doubled);
    expect(json).not.toContain("<!here>");
  });

  it("keeps a note with a typed <!here> inert, never double-escaped", async () => {
    slack.users.set("U_ENT_ADMIN", { is_admin: true, tz: "Europe/Berlin" });
    await command("challenge start daylight-walks Notes", { user_id: "U_ENT_ADMIN", channel_id: "C_NOTES" });
    await command("challenge join", { user_id: "U_NOTER", channel_id: "C_NOTES" });
    const { body } = await command("checkin 1 &lt;!here&gt; R&amp;D", {
      user_id: "U_NOTER",
      channel_id: "C_NOTES",
    });
    const json = JSON.stringify(body);
    expect(json).toContain("R&amp;D");
    for (const doubled of ["&amp;amp;", "&amp;lt;", "&amp;gt;"]) expect(json).not.toContain(doubled);
    expect(json).not.toContain("<!here>");
  });
});

describe("Slack over HTTP: mentions and direct messages", () => {
  it("answers an app_mention in a thread under the mention", async () => {
    const before = slack.callsTo("chat.postMessage").length;
    const ack = await postSigned(
      bot.endpoint,
      eventEnvelope("app-mention", { envelope: { event_id: "EvMention1" } }),
    );
    expect(ack.status).toBe(200);
    const post = await slack.waitFor(() => slack.callsTo("chat.postMessage")[before]);
    expect(post.token).toBe(TEAM_ONE.token);
    expect(post.params).toMatchObject({ channel: "C2147483705", thread_ts: "1515449522.000016" });
    expect(String(post.params.text)).not.toBe("");
    expect((post.params.blocks as Block[])[0]?.type).toBe("header");
  });

  it("welcomes a channel it is added to, with a Set up daily tips button, and ignores other joins", async () => {
    const before = slack.callsTo("chat.postMessage").length;
    const joined = (user: string, id: string) =>
      eventEnvelope("app-mention", {
        envelope: { event_id: id },
        event: {
          type: "member_joined_channel",
          user,
          channel: "C0NEW",
          channel_type: "C",
          team: "T0001",
          text: undefined,
          ts: undefined,
        },
      });
    await postSigned(bot.endpoint, joined("U2147483697", "EvJoinPerson"));
    await postSigned(bot.endpoint, joined("U0LAN0Z89", "EvJoinBot"));
    const post = await slack.waitFor(() => slack.callsTo("chat.postMessage")[before]);
    expect(post.params.channel).toBe("C0NEW");
    expect(JSON.stringify(post.params.blocks)).toContain("Set up daily tips");
    expect(String(post.params.text)).toContain("vitabot");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(slack.callsTo("chat.postMessage")).toHaveLength(before + 1);
  });

  it("answers a mention about self-harm only to the person, never in the thread for everyone", async () => {
    const posts = slack.callsTo("chat.postMessage").length;
    const ack = await postSigned(
      bot.endpoint,
      eventEnvelope("app-mention", {
        envelope: { event_id: "EvMentionCrisis" },
        event: { text: "<@U0LAN0Z89> honestly I don't want to be here anymore" },
      }),
    );
    expect(ack.status).toBe(200);
    const ephemeral = await slack.waitFor(() => slack.callsTo("chat.postEphemeral")[0]);
    expect(ephemeral.params).toMatchObject({
      channel: "C2147483705",
      user: "U2147483697",
      thread_ts: "1515449522.000016",
    });
    expect(String(ephemeral.params.text)).toContain("a local crisis line or someone you trust");
    expect(JSON.stringify(ephemeral.params.blocks)).not.toContain("Share to channel");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(slack.callsTo("chat.postMessage")).toHaveLength(posts);
  });

  it("answers a direct message in the DM, without a thread", async () => {
    const before = slack.callsTo("chat.postMessage").length;
    await postSigned(bot.endpoint, eventEnvelope("message-im", { envelope: { event_id: "EvDm1" } }));
    const post = await slack.waitFor(() => slack.callsTo("chat.postMessage")[before]);
    expect(post.params.channel).toBe("D024BE91L");
    expect(post.params.thread_ts).toBeUndefined();
    expect(JSON.stringify(post.params.blocks)).toContain("B12");
  });

  it("ignores bot messages and message subtypes in DMs", async () => {
    const before = slack.callsTo("chat.postMessage").length;
    await postSigned(
      bot.endpoint,
      eventEnvelope("message-im", { envelope: { event_id: "EvDmBot" }, event: { bot_id: "B999" } }),
    );
    await postSigned(
      bot.endpoint,
      eventEnvelope("message-im", {
        envelope: { event_id: "EvDmEdit" },
        event: { subtype: "message_changed" },
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(slack.callsTo("chat.postMessage").length).toBe(before);
  });

  it("never logs a token or the signing secret", () => {
    const log = JSON.stringify(bot.logLines);
    expect(log).not.toContain(TEAM_ONE.token);
    expect(log).not.toContain(SIGNING_SECRET);
    expect(bot.logLines.length).toBeGreaterThan(0);
  });
});
