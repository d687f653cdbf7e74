import { describe, expect, it } from "vitest";
import { jsonBody, requestOf } from "../../../src/adapters/discord/attachments.js";
import { DISCORD_LIMITS } from "../../../src/adapters/discord/limits.js";
import { attachmentName, renderReply } from "../../../src/adapters/discord/render.js";
import { type Reply, textReply } from "../../../src/core/reply/reply.js";
import { expectWithinDiscordLimits } from "../../helpers/discord-assert.js";

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const chartReply: Reply = {
  ...textReply("Standings", "Day 10 of 21."),
  image: {
    filename: "team chart.png",
    png,
    width: 10,
    height: 10,
    alt: "Bar chart: Ana leads with 30 points.",
    text: "Standings\n1. Ana: 30 pts\n2. @everyone Bo: 15 pts",
  },
  files: [{ filename: "checkins.csv", content: "a,b\n1,2\n", mimeType: "text/csv", title: "Your check-ins" }],
};

describe("Discord rendering of pictures and files", () => {
  it("attaches the PNG and the file, shows the picture by attachment:// and its text in the description", () => {
    const message = renderReply(chartReply);
    expect(message.files?.map((f) => [f.name, f.contentType, f.description])).toEqual([
      ["team_chart.png", "image/png", "Bar chart: Ana leads with 30 points."],
      ["checkins.csv", "text/csv; charset=utf-8", "Your check-ins"],
    ]);
    expect(message.files?.[0]?.data.equals(Buffer.from(png))).toBe(true);
    expect(message.files?.[1]?.data.toString("utf8")).toBe("a,b\n1,2\n");
    const [embed] = message.embeds;
    expect(embed?.image).toEqual({ url: "attachment://team_chart.png" });
    expect(embed?.description).toContain(
      "Day 10 of 21.\n\n```\nStandings\n1. Ana: 30 pts\n2. @\u200beveryone Bo",
    );
    expect(message.flags).toBe(64);
    expectWithinDiscordLimits(jsonBody(message));
  });

  it("declares attachments in the JSON body and keeps the bytes out of it", () => {
    const request = requestOf(renderReply(chartReply, { forChannel: true }));
    expect(request.body.attachments).toEqual([
      { id: "0", filename: "team_chart.png", description: "Bar chart: Ana leads with 30 points." },
      { id: "1", filename: "checkins.csv", description: "Your check-ins" },
    ]);
    expect(request.files?.map((f) => f.name)).toEqual(["team_chart.png", "checkins.csv"]);
    expect(JSON.stringify(request.body)).not.toContain('"data"');
    expect(request.body.flags).toBeUndefined();
  });

  it("sends no attachments for a reply without pictures or files", () => {
    const request = requestOf(renderReply(textReply("Hi", "Plain")));
    expect(request).toEqual({ body: expect.not.objectContaining({ attachments: expect.anything() }) });
    expect(request.files).toBeUndefined();
  });

  it("keeps the chart text short and names files too large to attach instead of sending them", () => {
    const huge = "x".repeat(DISCORD_LIMITS.attachmentBytes + 1);
    const message = renderReply({
      ...chartReply,
      image: { ...chartReply.image, text: "row\n".repeat(2000) } as Reply["image"],
      files: [{ filename: "big.csv", content: huge, mimeType: "text/csv", title: "Big" }],
    });
    expect(message.files?.map((f) => f.name)).toEqual(["team_chart.png"]);
    expect(message.embeds[0]?.description).toContain("Too large to attach here: big.csv.");
    expect(message.embeds[0]?.description?.length).toBeLessThan(DISCORD_LIMITS.chartText + 200);
    expectWithinDiscordLimits(jsonBody(message));
  });

  it("makes attachment names safe for attachment:// links", () => {
    expect(attachmentName("my chart (1).png")).toBe("my_chart__1_.png");
    expect(attachmentName("")).toBe("file");
  });
});
