import { describe, expect, it } from "vitest";
import { SLACK_LIMITS } from "../../../src/adapters/slack/limits.js";
import { type SlackMessage, toBlockKit } from "../../../src/adapters/slack/render.js";
import type { Reply } from "../../../src/core/reply/reply.js";
import { slackLimitViolations } from "../../helpers/slack-limits.js";

const source = {
  id: "ods-d",
  title: "NIH ODS: Vitamin D",
  url: "https://ods.od.nih.gov/factsheets/VitaminD?a=1&b=2",
  publisher: "NIH",
};

const card: Reply = {
  title: "Vitamin D",
  tone: "info",
  sections: [{ text: "Helps muscles contract." }, { heading: "Signs", text: "Weak thighs; bone pain" }],
  fields: [{ label: "Test", value: "25(OH)D" }],
  table: { columns: ["", "Vitamin D"], rows: [["Test", "25(OH)D"]] },
  sources: [source as never],
  disclaimer: "Not medical advice.",
  buttons: [
    { label: "Foods", action: "foods vitamin-d" },
    { label: "Share to channel", action: "vitamin vitamin-d", share: true, style: "primary" },
  ],
  visibility: "ephemeral",
};

/** Every mrkdwn string in a message: the places Slack parses mentions and links. */
function mrkdwnTexts(message: SlackMessage): string[] {
  const texts: string[] = [];
  JSON.stringify(message.blocks, (_key, value) => {
    if (value && typeof value === "object" && value.type === "mrkdwn") texts.push(value.text);
    return value;
  });
  return texts;
}

describe("toBlockKit", () => {
  it("renders header, sections, fields, a table row, context and buttons", () => {
    const { text, blocks } = toBlockKit(card);
    expect(blocks).toEqual([
      { type: "header", text: { type: "plain_text", text: "Vitamin D", emoji: true } },
      { type: "section", text: { type: "mrkdwn", text: "Helps muscles contract." } },
      { type: "section", text: { type: "mrkdwn", text: "*Signs*\nWeak thighs; bone pain" } },
      { type: "section", fields: [{ type: "mrkdwn", text: "*Test*\n25(OH)D" }] },
      {
        type: "section",
        text: { type: "mrkdwn", text: "*Test*" },
        fields: [{ type: "mrkdwn", text: "*Vitamin D*\n25(OH)D" }],
      },
      {
        type: "context",
        elements: [
          {
            type: "mrkdwn",
            text: "Sources: <https://ods.od.nih.gov/factsheets/VitaminD?a=1&amp;b=2|NIH ODS: Vitamin D>",
          },
          { type: "mrkdwn", text: "Not medical advice." },
        ],
      },
      {
        type: "actions",
        elements: [
          {
            type: "button",
            action_id: "vb-0",
            text: { type: "plain_text", text: "Foods", emoji: true },
            value: "vb|run|foods vitamin-d",
          },
          {
            type: "button",
            action_id: "vb-1",
            text: { type: "plain_text", text: "Share to channel", emoji: true },
            value: "vb|share|vitamin vitamin-d",
            style: "primary",
          },
        ],
      },
    ]);
    expect(text).toMatch(/^Vitamin D\n\nHelps muscles contract\./);
  });

  it("marks urgent and error replies in the header", () => {
    expect(toBlockKit({ ...card, tone: "urgent" }).blocks[0]).toMatchObject({
      text: { text: "🚨 Vitamin D" },
    });
    expect(toBlockKit({ ...card, tone: "error" }).blocks[0]).toMatchObject({ text: { text: "⚠️ Vitamin D" } });
  });

  it("escapes user text everywhere Slack parses mrkdwn, so nothing pings or links", () => {
    const nasty = "<!everyone> <!here> <!channel> <@U123> <#C123> <https://evil.example|click> & done";
    const reply: Reply = {
      ...card,
      title: nasty,
      sections: [{ heading: nasty, text: nasty }],
      fields: [{ label: nasty, value: nasty }],
      table: { columns: [nasty, nasty], rows: [[nasty, nasty]] },
      sources: [{ ...source, title: nasty } as never],
      disclaimer: nasty,
      buttons: [{ label: nasty, action: "tip" }],
      untrusted: true,
    };
    const message = toBlockKit(reply);
    for (const text of [...mrkdwnTexts(message), message.text]) {
      expect(text).not.toMatch(/<[!@#]/);
      expect(text).not.toContain("<https://evil");
      expect(text).not.toMatch(/&(?!amp;|lt;|gt;)/);
    }
    expect(message.text).toContain("&lt;!everyone&gt;");
    // plain_text (header, button labels) is never parsed for mentions, so it keeps the words as typed.
    expect(message.blocks[0]).toMatchObject({ type: "header", text: { type: "plain_text" } });
  });

  it("always has a fallback text, even for an empty reply", () => {
    expect(toBlockKit({ title: "", tone: "info", sections: [], visibility: "ephemeral" }).text).toBe(
      "vitabot",
    );
  });

  it("stays within every limit for an absurdly large reply, and says it was shortened", () => {
    const huge: Reply = {
      title: "T".repeat(400),
      tone: "info",
      sections: [{ heading: "H".repeat(500), text: "word ".repeat(5000) }, { text: "x".repeat(9000) }],
      fields: Array.from({ length: 30 }, (_, i) => ({ label: `L${i}`, value: "v".repeat(2500) })),
      table: {
        columns: ["a", "b"],
        rows: Array.from({ length: 30 }, (_, i) => [`row ${i}`, "c".repeat(100)]),
      },
      sources: Array.from({ length: 40 }, () => source as never),
      disclaimer: "d".repeat(5000),
      buttons: Array.from({ length: 40 }, (_, i) => ({
        label: `${"B".repeat(100)}${i}`,
        action: `tip ${i}`,
      })),
      visibility: "ephemeral",
    };
    const message = toBlockKit(huge);
    expect(slackLimitViolations(message)).toEqual([]);
    expect(message.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
    expect(JSON.stringify(message.blocks)).toContain("Shortened to fit");
    expect(message.blocks.at(-1)?.type).toBe("actions");
  });

  it("draws a table with more rows than blocks to spare as monospace text", () => {
    const rows = Array.from({ length: 60 }, (_, i) => [`food ${i}`, "100 g", `${i} µg`]);
    const message = toBlockKit({
      ...card,
      sections: [],
      fields: [],
      table: { columns: ["Food", "Serving", "Amount"], rows },
    });
    expect(slackLimitViolations(message)).toEqual([]);
    const texts = mrkdwnTexts(message).join("\n");
    expect(texts).toContain("```");
    expect(texts).toContain("food 59");
  });

  it("drops a button whose command line is too long for a value rather than cutting the command", () => {
    const message = toBlockKit({
      ...card,
      buttons: [
        { label: "Long", action: `ask ${"x".repeat(2100)}` },
        { label: "Ok", action: "tip" },
      ],
    });
    const json = JSON.stringify(message.blocks);
    expect(json).not.toContain('"Long"');
    expect(json).toContain('"value":"vb|run|tip"');
  });
});
