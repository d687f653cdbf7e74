import { describe, expect, it } from "vitest";
import { annotate, planAttachments } from "../../../src/adapters/slack/deliver.js";
import { SLACK_LIMITS } from "../../../src/adapters/slack/limits.js";
import { toBlockKit } from "../../../src/adapters/slack/render.js";
import { type Reply, type ReplyFile, textReply } from "../../../src/core/reply/reply.js";

const image = {
  filename: "chart.png",
  png: new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
  width: 10,
  height: 10,
  alt: "Bar chart: Ana leads.",
  text: "Standings\n1. Ana: 30 pts\n2. <!here> Bo: 15 pts",
};
const csv: ReplyFile = {
  filename: "checkins.csv",
  content: "date,points\n2026-03-01,10\n",
  mimeType: "text/csv",
  title: "Your check-ins",
};
const reply = (visibility: Reply["visibility"]): Reply => ({
  ...textReply("Standings", "Day 10."),
  visibility,
  image,
  files: [csv],
});

describe("where Slack pictures and files go", () => {
  it("sends everything by DM for an ephemeral answer", () => {
    expect(planAttachments(reply("ephemeral"), { inChannel: false, hasUser: true })).toEqual({
      dm: { image, files: [csv] },
      channelFiles: [],
      unsendable: [],
    });
  });

  it("puts a channel reply's picture and files in the channel", () => {
    expect(planAttachments(reply("channel"), { inChannel: true, hasUser: false })).toEqual({
      dm: { files: [] },
      channelFiles: [csv],
      channelImage: image,
      unsendable: [],
    });
  });

  it("keeps a person's files out of a thread answer: the picture goes in the thread, the files by DM", () => {
    expect(planAttachments(reply("ephemeral"), { inChannel: true, hasUser: true })).toEqual({
      dm: { files: [csv] },
      channelFiles: [],
      channelImage: image,
      unsendable: [],
    });
  });
});

describe("the note on what was sent", () => {
  it("says what went by DM, and shows unsent files as text in a code block", () => {
    const noted = annotate(textReply("Export", "Done."), {
      sentByDm: ["chart.png", "data.json"],
      unsent: [csv],
      imageUnsent: false,
    });
    expect(noted.sections.map((s) => s.text)).toEqual([
      "Done.",
      "I sent you chart.png and data.json as a direct message.",
      "I couldn't send you the file, so here it is as text:\n```\ndate,points\n2026-03-01,10\n```",
    ]);
    expect(noted.sections[2]?.heading).toBe("Your check-ins (checkins.csv)");
  });

  it("shortens a large file shown as text so it fits one section", () => {
    const big = { ...csv, content: "x,".repeat(5000) };
    const noted = annotate(textReply("Export", "Done."), { sentByDm: [], unsent: [big], imageUnsent: false });
    const text = noted.sections[1]?.text ?? "";
    expect(text).toContain("(shortened to fit a message)");
    expect(text.length).toBeLessThanOrEqual(SLACK_LIMITS.fileAsText);
  });

  it("leaves a reply alone when nothing needs saying", () => {
    const plain = textReply("Export", "Done.");
    expect(annotate(plain, { sentByDm: [], unsent: [], imageUnsent: false })).toBe(plain);
  });
});

describe("Block Kit for a reply with a chart", () => {
  it("shows the chart's text version, escaped, in a code block after the body", () => {
    const { blocks, text } = toBlockKit(reply("ephemeral"));
    const json = JSON.stringify(blocks);
    expect(json).toContain("```\\nStandings\\n1. Ana: 30 pts\\n2. &lt;!here&gt; Bo: 15 pts\\n```");
    expect(json).not.toContain("<!here>");
    expect(text).toContain("1. Ana: 30 pts");
  });
});
