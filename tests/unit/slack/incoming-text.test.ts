import { describe, expect, it } from "vitest";
import { fromSlackText } from "../../../src/adapters/slack/incoming-text.js";
import { escapeMrkdwn } from "../../../src/adapters/slack/text.js";

describe("Slack's text entities at the edge", () => {
  it("decodes &amp; &lt; &gt; once, so what was typed comes through", () => {
    expect(fromSlackText("R&amp;D &lt;3 a &gt; b")).toBe("R&D <3 a > b");
    expect(fromSlackText("&lt;!here&gt;")).toBe("<!here>");
  });

  it("decodes in one pass: a typed entity stays as typed", () => {
    // The person typed "&lt;" (four characters); Slack sent "&amp;lt;".
    expect(fromSlackText("&amp;lt;")).toBe("&lt;");
    expect(fromSlackText("&amp;amp;")).toBe("&amp;");
  });

  it("leaves other entities and Slack's own tokens as they are", () => {
    expect(fromSlackText("&quot; &#39; &nbsp;")).toBe("&quot; &#39; &nbsp;");
    const tokens = "<@U123> <@U123|bob> <#C123|general> <!here> <!subteam^S1|@devs> <https://a.example|a>";
    expect(fromSlackText(tokens)).toBe(tokens);
    expect(fromSlackText("<https://a.example/?x=1&amp;y=2>")).toBe("<https://a.example/?x=1&y=2>");
  });

  it("round-trips with the renderer's escaping: decode once in, escape once out", () => {
    for (const sent of [
      "R&amp;D",
      "&lt;3",
      "&lt;!here&gt;",
      "&amp;lt;!here&amp;gt;",
      "a &gt; b &amp;&amp; c",
    ])
      expect(escapeMrkdwn(fromSlackText(sent))).toBe(sent);
  });
});
