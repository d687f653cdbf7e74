import { describe, expect, it } from "vitest";
import { chunk, escapeMrkdwn, truncate } from "../../../src/adapters/slack/text.js";

describe("escapeMrkdwn", () => {
  it("escapes exactly &, < and >", () => {
    expect(escapeMrkdwn("<!here> & <@U1> *bold* _it_ \"q\" 'a'")).toBe(
      "&lt;!here&gt; &amp; &lt;@U1&gt; *bold* _it_ \"q\" 'a'",
    );
  });
  it("escapes an already escaped entity again, so it shows as typed", () => {
    expect(escapeMrkdwn("&lt;")).toBe("&amp;lt;");
  });
});

describe("truncate", () => {
  it("keeps short text and marks a cut with an ellipsis within the limit", () => {
    expect(truncate("short", 10)).toBe("short");
    const cut = truncate("one two three four five six", 12);
    expect(cut.length).toBeLessThanOrEqual(12);
    expect(cut.endsWith("…")).toBe(true);
  });
  it("never cuts inside an entity", () => {
    for (let max = 3; max < 20; max++) {
      const cut = truncate(escapeMrkdwn("a<b>c&d<e>f<g>h"), max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut.replace(/&(amp|lt|gt);/g, "")).not.toContain("&");
    }
  });
  it("never splits a surrogate pair", () => {
    for (let max = 2; max < 12; max++) {
      const cut = truncate("💪💪💪💪💪💪💪💪", max);
      expect(cut).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    }
  });
});

describe("chunk", () => {
  it("splits at line breaks into pieces within the limit and loses no words", () => {
    const text = Array.from({ length: 50 }, (_, i) => `line number ${i}`).join("\n");
    const pieces = chunk(text, 100);
    expect(pieces.every((p) => p.length <= 100)).toBe(true);
    expect(pieces.join("\n")).toBe(text);
  });
  it("splits a single unbroken word too", () => {
    const pieces = chunk("x".repeat(250), 100);
    expect(pieces.map((p) => p.length)).toEqual([100, 100, 50]);
  });
});
