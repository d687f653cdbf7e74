import { describe, expect, it } from "vitest";
import { renderConsole } from "../../src/adapters/console/render.js";
import { type Reply, textReply } from "../../src/core/reply/reply.js";

const chart = {
  filename: "leaderboard.png",
  png: new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
  width: 800,
  height: 300,
  alt: "Bar chart of the standings: Ana leads with 30 points.",
  text: "Daylight walks: standings\n1. Ana: 30 pts (streak 10 days)\n2. Bo: 15 pts (streak 2 days)",
};
const csv = {
  filename: "checkins.csv",
  content: 'date,task,points\n2026-03-01,walk,10\n\n\n2026-03-02,"walk, long",15\n',
  mimeType: "text/csv",
  title: "Your check-ins",
} as const;
const json = {
  filename: "vitabot-data.json",
  content: '{\n  "feedback": []\n}',
  mimeType: "application/json",
  title: "Your data",
} as const;

describe("the console renderer with pictures and files", () => {
  it("prints the chart's text version where the picture would go, and never the alt text or bytes", () => {
    const reply: Reply = {
      ...textReply("Standings", "Day 10 of 21."),
      image: chart,
      disclaimer: "Not advice.",
    };
    const text = renderConsole(reply);
    expect(text).toContain(`Day 10 of 21.\n\n${chart.text}\n\nNot advice.`);
    expect(text).not.toContain(chart.alt);
    expect(text).not.toContain("PNG");
  });

  it("prints each file's content verbatim under a header line with its filename, after everything else", () => {
    const reply: Reply = {
      ...textReply("Your export", "Two files."),
      buttons: [{ label: "Help", action: "help" }],
      files: [csv, json],
    };
    const text = renderConsole(reply);
    const lines = text.split("\n");
    const csvHeader = lines.indexOf("── checkins.csv (text/csv) ──");
    const jsonHeader = lines.indexOf("── vitabot-data.json (application/json) ──");
    expect(csvHeader).toBeGreaterThan(lines.indexOf("Next: /help"));
    expect(jsonHeader).toBeGreaterThan(csvHeader);
    // Blank lines inside a file survive (the body's blank-line squeeze does not reach files).
    expect(lines.slice(csvHeader + 1, csvHeader + 6).join("\n")).toBe(csv.content.trimEnd());
    expect(text.endsWith(`${json.content}\n`)).toBe(true);
  });

  it("makes file headers bold only with colours on", () => {
    const reply: Reply = { ...textReply("Export", "One file."), files: [csv] };
    expect(renderConsole(reply, { color: true })).toContain(
      "\u001b[1m── checkins.csv (text/csv) ──\u001b[0m",
    );
    expect(renderConsole(reply, { color: false })).not.toContain("\u001b[");
  });
});

describe("the console's Next: hints", () => {
  it("show the command as a person types it, once each, when given the typed form", () => {
    const reply: Reply = {
      ...textReply("Daylight walks started", "Join in."),
      buttons: [
        { label: "Join", action: "challenge join cid:9f1c2b" },
        { label: "Status", action: "challenge status cid:9f1c2b" },
        { label: "Join again", action: "challenge join cid:other" },
      ],
    };
    const typed = (action: string) => action.replace(/ cid:\S+/, "");
    const text = renderConsole(reply, { color: false, typed });
    expect(text).toContain("Next: /challenge join  ·  /challenge status\n");
    expect(text).not.toContain("cid:");
  });
});
