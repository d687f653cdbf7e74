/**
 * Pictures and files on Slack, end to end through the stand-in: a channel post carries
 * the chart's text version and is followed by the PNG (files.getUploadURLExternal → bytes
 * to the upload URL → files.completeUploadExternal, with alt_txt); ephemeral answers show
 * the text version and send the picture or the CSV by DM (conversations.open); failed
 * uploads fall back to text with a warning.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Reply } from "../../../src/core/reply/reply.js";
import {
  chartReply,
  chartTestCommands,
  PNG_SIGNATURE,
  pngSize,
  TEST_CSV,
  testChart,
} from "../../helpers/chart-commands.js";
import { type SlackTestApp, startSlackTestApp } from "../../helpers/slack-app.js";
import { eventEnvelope, postSigned, slashCommand } from "../../kit/slack-requests.js";
import { type SharedFile, type SlackStandIn, startSlackStandIn, TEAM_ONE } from "../../kit/slack-stand-in.js";

let slack: SlackStandIn;
let bot: SlackTestApp;

beforeAll(async () => {
  slack = await startSlackStandIn();
  bot = await startSlackTestApp(slack, { commands: chartTestCommands });
  await testChart();
}, 60_000);
afterAll(async () => {
  await bot?.close();
  await slack?.close();
});
afterEach(() => slack.methodFailures.clear());

const channel = (channelId: string) =>
  ({ platform: "slack", workspaceId: TEAM_ONE.teamId, channelId }) as const;

/** Sends `/vitabot <text>` as `userId` and returns what reached the response_url. */
async function command(text: string, userId: string) {
  const target = slack.responseUrl();
  await postSigned(bot.endpoint, slashCommand({ text, user_id: userId, response_url: target.url }));
  const response = await slack.waitFor(() => slack.responses.find((r) => r.id === target.id));
  return response.body as { text: string; blocks: unknown[]; response_type: string };
}

/** Fails unless the shared file is the chart: PNG signature, every byte, its size and alt text. */
async function expectTheChart(file: SharedFile | undefined) {
  const chart = await testChart();
  expect(file?.filename).toBe("chart.png");
  expect(file?.bytes?.subarray(0, 8)).toEqual(PNG_SIGNATURE);
  expect(file?.bytes?.length).toBe(chart.png.length);
  expect(file?.length).toBe(chart.png.length);
  expect(file?.bytes?.equals(chart.png)).toBe(true);
  expect(pngSize(file?.bytes ?? new Uint8Array(24))).toEqual({ width: chart.width, height: chart.height });
  expect(file?.altTxt).toBe(chart.alt);
  expect(chart.alt.length).toBeGreaterThan(20);
}

const warnings = (code: string) => bot.logLines.filter((line) => line.level === 40 && line.code === code);

describe("a channel post with a chart (adapter.post)", () => {
  it("posts the text version in Block Kit, then uploads the PNG to the channel with its alt text", async () => {
    const chart = await testChart();
    const before = slack.calls.length;
    await bot.adapter.post(channel("C_RECAP"), await chartReply("channel"));
    const calls = slack.calls.slice(before).map((call) => call.method);
    expect(calls).toEqual(["chat.postMessage", "files.getUploadURLExternal", "files.completeUploadExternal"]);
    const post = slack.callsTo("chat.postMessage").at(-1);
    expect(JSON.stringify(post?.params.blocks)).toContain("1. Ana: 30 pts (streak 10 days)");
    expect(String(post?.params.text)).toContain(chart.text.split("\n")[1]);
    const file = slack.shared.at(-1);
    expect(file).toMatchObject({ channelId: "C_RECAP", token: TEAM_ONE.token, threadTs: undefined });
    await expectTheChart(file);
    expect(slack.callsTo("conversations.open")).toHaveLength(0);
  });

  it("still posts the text version when the upload is refused (not_in_channel), with a warning", async () => {
    slack.methodFailures.set("files.completeUploadExternal", "not_in_channel");
    const before = slack.callsTo("chat.postMessage").length;
    await expect(
      bot.adapter.post(channel("C_NOFILES"), await chartReply("channel")),
    ).resolves.toBeUndefined();
    expect(slack.callsTo("chat.postMessage").slice(before)).toHaveLength(1);
    expect(slack.shared.some((file) => file.channelId === "C_NOFILES")).toBe(false);
    expect(warnings("not_in_channel")).not.toHaveLength(0);
  });
});

describe("an ephemeral answer with a chart (/vitabot)", () => {
  it("shows the text version ephemerally and sends the PNG to the person by DM", async () => {
    const body = await command("chart-test", "U_CHART");
    expect(body.response_type).toBe("ephemeral");
    const blocks = JSON.stringify(body.blocks);
    expect(blocks).toContain("```\\n" + "Daylight walks: standings\\n1. Ana: 30 pts");
    expect(blocks).toContain("I sent you chart.png as a direct message.");
    const open = slack.callsTo("conversations.open").at(-1);
    expect(open).toMatchObject({ token: TEAM_ONE.token, params: { users: "U_CHART" } });
    const file = slack.shared.find((shared) => shared.channelId === "D_U_CHART");
    expect(file?.initialComment).toBe("Standings");
    await expectTheChart(file);
  });

  it("keeps the text version and says the picture could not be sent when the DM fails", async () => {
    slack.methodFailures.set("conversations.open", "missing_scope");
    const body = await command("chart-test", "U_NO_DM");
    const blocks = JSON.stringify(body.blocks);
    expect(blocks).toContain("1. Ana: 30 pts");
    expect(blocks).toContain("I couldn't send you the picture");
    expect(blocks).not.toContain("as a direct message");
    expect(warnings("missing_scope")).not.toHaveLength(0);
  });
});

describe("a CSV export (/vitabot)", () => {
  it("goes to the person's DM as checkins.csv with its exact bytes, and the answer says so", async () => {
    const body = await command("export-test", "U_EXPORT");
    const blocks = JSON.stringify(body.blocks);
    expect(blocks).toContain("I sent you checkins.csv as a direct message.");
    expect(blocks).not.toContain("2026-03-02");
    const file = slack.shared.find((shared) => shared.channelId === "D_U_EXPORT");
    expect(file).toMatchObject({ filename: "checkins.csv", title: TEST_CSV.title, altTxt: undefined });
    expect(file?.bytes?.toString("utf8")).toBe(TEST_CSV.content);
    expect(file?.length).toBe(Buffer.byteLength(TEST_CSV.content));
    const upload = slack.uploads.find((u) => u.fileId === file?.id);
    expect(upload?.contentType).toBe("application/octet-stream");
  });

  it("shows the CSV as text in the answer when the upload is refused, never crashing", async () => {
    slack.methodFailures.set("files.getUploadURLExternal", "missing_scope");
    const body = await command("export-test", "U_EXPORT_2");
    const blocks = JSON.stringify(body.blocks);
    expect(blocks).toContain("I couldn't send you the file, so here it is as text");
    expect(blocks).toContain('2026-03-02,\\"walk, long\\",15');
    expect(slack.shared.some((file) => file.channelId === "D_U_EXPORT_2")).toBe(false);
  });
});

describe("a chart asked for in a mention", () => {
  it("answers in the thread with the text version, and the picture follows in the same thread", async () => {
    const mention = eventEnvelope("app-mention", {
      envelope: { event_id: "EvChartMention" },
      event: { text: `<@${TEAM_ONE.botUserId}> chart-test`, channel: "C_THREAD", ts: "1700000500.000100" },
    });
    await postSigned(bot.endpoint, mention);
    const file = await slack.waitFor(() => slack.shared.find((shared) => shared.channelId === "C_THREAD"));
    expect(file.threadTs).toBe("1700000500.000100");
    await expectTheChart(file);
    const post = slack.callsTo("chat.postMessage").find((call) => call.params.channel === "C_THREAD");
    expect(post?.params.thread_ts).toBe("1700000500.000100");
    expect(JSON.stringify(post?.params.blocks)).toContain("1. Ana: 30 pts");
  });
});

describe("a reply without pictures or files", () => {
  it("makes no upload calls at all", async () => {
    const before = slack.calls.length;
    const plain: Reply = { title: "Tip", tone: "info", sections: [{ text: "Walk" }], visibility: "channel" };
    await bot.adapter.post(channel("C_PLAIN"), plain);
    expect(slack.calls.slice(before).map((call) => call.method)).toEqual(["chat.postMessage"]);
  });
});
