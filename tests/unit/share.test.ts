import { describe, expect, it } from "vitest";
import { renderConsole } from "../../src/adapters/console/render.js";
import type { Outcome } from "../../src/core/commands/dispatch.js";
import { type Reply, textReply } from "../../src/core/reply/reply.js";
import { forChannel, shareDecision } from "../../src/core/reply/share.js";

const answer: Reply = {
  title: "Vitamin D",
  tone: "info",
  sections: [{ text: "Made in the skin in sunlight." }],
  buttons: [
    { label: "Foods", action: "foods vitamin-d" },
    { label: "Share to channel", action: "vitamin vitamin-d", share: true },
  ],
  visibility: "ephemeral",
};

describe("Share to channel, one rule for every platform", () => {
  it("posts a successful answer for everyone, without a second Share button", () => {
    const decision = shareDecision({ outcome: "ok", reply: answer });
    expect(decision.kind).toBe("post");
    expect(decision.reply.visibility).toBe("channel");
    expect(decision.reply.buttons).toEqual([{ label: "Foods", action: "foods vitamin-d" }]);
    expect(decision.reply.sections).toEqual(answer.sections);
  });

  it.each<[Outcome, Reply, RegExp]>([
    ["cooldown", textReply("One moment", "You just used /vitamin. Try again in 3 s.", "error"), /wait/],
    ["user_error", textReply("That didn't work", "Unknown nutrient.", "error"), /not error messages/],
    ["fault", textReply("Sorry, something went wrong on my side", "Reference AB12CD.", "error"), /not error/],
    ["ok", textReply("No tip to preview", "No tip matches this channel's focus.", "error"), /not error/],
    ["ok", { ...answer, tone: "urgent", private: true }, /for you alone/],
  ])("refuses a %s reply, telling the presser why, privately", (outcome, reply, why) => {
    const decision = shareDecision({ outcome, reply });
    expect(decision.kind).toBe("refuse");
    expect(decision.reply.visibility).toBe("ephemeral");
    expect(decision.reply.title).toBe(reply.title);
    expect(decision.reply.sections[0]?.text).toMatch(/^Nothing was posted to the channel: /);
    expect(decision.reply.sections[0]?.text).toMatch(why);
    expect(decision.reply.sections.slice(1)).toEqual(reply.sections);
    expect(decision.reply.buttons?.some((b) => b.share) ?? false).toBe(false);
  });

  it("forChannel is what every adapter shows in a channel, the console included", () => {
    expect(forChannel(answer)).toMatchObject({ visibility: "channel", buttons: [answer.buttons?.[0]] });
    expect(renderConsole(answer)).toContain("Next: /foods vitamin-d\n");
    expect(renderConsole(answer)).not.toContain("/vitamin vitamin-d");
  });
});
