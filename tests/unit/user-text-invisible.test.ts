/**
 * Bidi and zero-width controls typed by users never reach a reply: the dispatcher strips
 * them from every line and option (stripInvisible), and names and notes lose them too.
 */
import { describe, expect, it } from "vitest";
import { fallbackText } from "../../src/core/reply/reply.js";
import { cleanName, stripInvisible } from "../../src/core/text/user-text.js";
import { createTestApp, slackInvocation } from "../helpers/app.js";

/** Every control the edge removes: bidi marks, embeddings, overrides, isolates, zero-width ones, BOM. */
const CONTROLS = [
  "\u061c",
  "\u200b",
  "\u200c",
  "\u200d",
  "\u200e",
  "\u200f",
  "\u202a",
  "\u202b",
  "\u202c",
  "\u202d",
  "\u202e",
  "\u2066",
  "\u2067",
  "\u2068",
  "\u2069",
  "\ufeff",
];
const ANY_CONTROL = new RegExp(`[${CONTROLS.join("")}]`, "u");

describe("stripping invisible and bidi controls", () => {
  it.each(CONTROLS.map((c) => [`U+${c.codePointAt(0)?.toString(16).toUpperCase().padStart(4, "0")}`, c]))(
    "removes %s",
    (_name, control) => {
      expect(stripInvisible(`ad${control}min`)).toBe("admin");
      expect(cleanName(`ad${control}min`)).toBe("admin");
    },
  );

  it("keeps the zero-width joiner inside emoji sequences (with skin tones and variation selectors)", () => {
    for (const emoji of ["👩‍👩‍👧", "👩🏽‍💻", "🏳️‍🌈", "❤️‍🔥", "🏃‍♀️"]) {
      expect(stripInvisible(`go ${emoji} team`)).toBe(`go ${emoji} team`);
    }
    expect(stripInvisible("a\u200d👍 and 👍\u200d b")).toBe("a👍 and 👍 b");
  });

  it("keeps tabs, line breaks and ordinary text in any script", () => {
    expect(stripInvisible("line one\n\tline two: Grüße, привет, مرحبا")).toBe(
      "line one\n\tline two: Grüße, привет, مرحبا",
    );
  });
});

describe("replies never echo them", () => {
  it.each([
    ["an unknown nutrient", "vitamin k\u202eevil", /kevil/],
    ["an unknown zone", "tips subscribe zone:Mars/Ol\u2066ympus\u2069", /Mars\/Olympus/],
  ])("%s is echoed without the controls", async (_what, line, shown) => {
    const app = await createTestApp();
    const result = await app.dispatcher.runLine(slackInvocation({ isAdmin: true }), line);
    const text = fallbackText(result.reply);
    expect(text).toMatch(shown);
    expect(text).not.toMatch(ANY_CONTROL);
  });

  it("a zone with a hidden override still works, as typed without it", async () => {
    const app = await createTestApp();
    const result = await app.dispatcher.runPath(slackInvocation({ isAdmin: true }), "tips subscribe", {
      zone: "Europe/Ber\u202elin",
    });
    expect(result.outcome).toBe("ok");
    expect(fallbackText(result.reply)).toContain("Europe/Berlin");
  });
});
