import { describe, expect, it } from "vitest";
import {
  canonicalTeam,
  cleanName,
  cleanNote,
  cleanTeam,
  cleanText,
  NAME_MAX_CHARS,
  NOTE_MAX_CHARS,
  neutralizeLinks,
  neutralizeMentions,
  requireName,
} from "../../../src/core/text/user-text.js";
import { UserFacingError } from "../../../src/errors.js";

const ZWSP = "\u200b";

describe("neutralising mentions", () => {
  it("breaks @everyone, @here and @channel with a zero-width space", () => {
    expect(neutralizeMentions("@everyone @here @channel @Everyone")).toBe(
      `@${ZWSP}everyone @${ZWSP}here @${ZWSP}channel @${ZWSP}Everyone`,
    );
  });

  it("unwraps user, role, channel and special mentions of Slack and Discord into plain text", () => {
    expect(
      neutralizeMentions("<@U123> <@!456> <@&789> <#C1|general> <#123> <!here> <!subteam^S1|@devs>"),
    ).toBe(`@U123 @!456 @&789 #general #123 @${ZWSP}here @devs`);
    expect(neutralizeMentions("<<@U1>>")).toBe("@U1");
    expect(neutralizeMentions("a < b and <@ half")).toBe(`a < b and <${ZWSP}@ half`);
  });
});

describe("neutralising links", () => {
  it("defangs bare URLs and domains so no client links them", () => {
    expect(neutralizeLinks("see https://evil.example.com/x?y=1 or www.foo.org")).toBe(
      "see evil[.]example[.]com/x?y=1 or www[.]foo[.]org",
    );
    expect(neutralizeLinks("discord.gg/abc and mailto:a@b.co")).toBe("discord[.]gg/abc and a@b[.]co");
  });

  it("keeps the label of Slack and markdown links, with the address defanged", () => {
    expect(neutralizeLinks("<https://x.example/p|my recipe> [click](https://y.example)")).toBe(
      "my recipe (x[.]example/p) click (y[.]example)",
    );
  });

  it("leaves numbers and abbreviations alone", () => {
    expect(neutralizeLinks("2.5 µg, e.g. fish")).toBe("2.5 µg, e.g. fish");
  });
});

describe("cleaning names and notes", () => {
  it("removes invisible and bidi-override characters but keeps emoji sequences", () => {
    expect(cleanName("ad\u202emin\u200b 👩‍👩‍👧")).toBe("admin 👩‍👩‍👧");
  });

  it("limits length in characters people see, never splitting an emoji", () => {
    expect(cleanName("x".repeat(100))).toHaveLength(NAME_MAX_CHARS);
    expect(cleanName("x".repeat(100)).endsWith("…")).toBe(true);
    expect(cleanText("👩‍👩‍👧👩‍👩‍👧👩‍👩‍👧", { max: 2 })).toBe("👩‍👩‍👧…");
    expect([...new Intl.Segmenter().segment(cleanNote("é".repeat(500)))]).toHaveLength(NOTE_MAX_CHARS);
  });

  it("makes a name one line and keeps at most one blank line in a note", () => {
    expect(cleanName("  Ann\n\tLee  ")).toBe("Ann Lee");
    expect(cleanNote("walked\n\n\n\nin   the rain ")).toBe("walked\n\nin the rain");
  });

  it("neutralises before storing: a note with a mention and a link comes out inert", () => {
    expect(cleanNote("@here join me at https://meet.example/x <@U9>")).toBe(
      `@${ZWSP}here join me at meet[.]example/x @U9`,
    );
  });

  it("refuses a name with nothing left, and matches existing teams case-insensitively", () => {
    expect(() => requireName(" \u200b ", "team name", cleanTeam)).toThrow(UserFacingError);
    expect(canonicalTeam(" blue ", ["Red", "Blue"])).toBe("Blue");
    expect(canonicalTeam("Green <@U1>", ["Red"])).toBe("Green @U1");
  });
});
