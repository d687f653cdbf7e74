/**
 * Lines the grammar alone can't place, through the real dispatcher and commands: triage
 * first, did-you-mean only for one word near a command, `/word` that is no command, small
 * talk, and questions that start with a command word.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../commands/index.js";
import { parseLine } from "../../src/core/commands/grammar.js";
import { createRegistry } from "../../src/core/commands/registry.js";
import { typedForm } from "../../src/core/commands/typed-form.js";
import { understandLine } from "../../src/core/commands/understand-line.js";
import { fallbackText } from "../../src/core/reply/reply.js";
import { createTestApp, slackInvocation } from "../helpers/app.js";

let app: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  app = await createTestApp();
});
const run = (line: string) =>
  app.dispatcher.runLine(slackInvocation({ platform: "console", isAdmin: true }), line);

describe("did-you-mean: only a whole line of one word near a command", () => {
  it("suggests /help for /hepl and hepl, with a button that runs /help (not /help help)", async () => {
    for (const line of ["/hepl", "hepl"]) {
      const result = await run(line);
      expect(result.reply.title).toBe("Did you mean /help?");
      expect(result.reply.buttons?.map((b) => b.action)).toEqual(["help"]);
    }
  });

  it("offers a suggestion's help, never runs the suggested command", async () => {
    const result = await run("chekin");
    expect(result.reply.title).toBe("Did you mean /checkin?");
    expect(result.reply.buttons?.map((b) => b.action)).toEqual(["help checkin"]);
  });

  it("answers a longer line that starts with a near miss as a question", async () => {
    const result = await run("vitamn d");
    expect(result.path).toBe("ask");
    expect(result.reply.title).toBe("Vitamin D and your muscles");
  });

  it("answers words after a near-miss subcommand as a question ('tips my legs…' is no /tips me)", async () => {
    const result = await run("tips my calves cramp every night");
    expect(result.path).toBe("ask");
    expect(result.outcome).toBe("ok");
  });

  it("still suggests the subcommand for the near miss alone", async () => {
    expect((await run("tips mee")).reply.title).toBe("Did you mean /tips me?");
  });

  it("answers a line that starts with a command taking no words as a question ('me and my legs…')", async () => {
    const result = await run("me and my legs feel weak all the time");
    expect(result.path).toBe("ask");
    expect(result.outcome).toBe("ok");
  });

  it("keeps short words to one edit: hi is no /tip", async () => {
    expect((await run("tea")).reply.title).not.toMatch(/Did you mean/);
  });
});

describe("a /word that is no command", () => {
  it("says so, instead of the generic introduction", async () => {
    const result = await run("/foo");
    expect(result.outcome).toBe("user_error");
    expect(result.reply.title).toBe("/foo is not a command");
    expect(fallbackText(result.reply)).toContain("/help");
  });
});

describe("small talk", () => {
  it.each([
    ["hi", "Hi!"],
    ["hello", "Hi!"],
    ["Hello there!", "Hi!"],
    ["thanks", "You're welcome"],
    ["thank you so much", "You're welcome"],
    ["bye", "Take care"],
  ])("%s gets a short friendly reply, not the introduction", async (line, title) => {
    const result = await run(line);
    expect(result.reply.title).toBe(title);
    expect(fallbackText(result.reply)).not.toContain("I'm vitabot: I answer muscle-health questions");
  });
});

describe("a line that starts with a command word", () => {
  it("is answered when it reads as a question (tips for stronger legs)", async () => {
    const result = await run("tips for stronger legs");
    expect(result).toMatchObject({ outcome: "ok", path: "ask" });
    expect(fallbackText(result.reply)).not.toContain("tips subscribe, tips unsubscribe");
    expect(result.reply.sources?.length).toBeGreaterThan(0);
  });

  it("answers help followed by a question instead of listing every command", async () => {
    const result = await run("help my legs are weak");
    expect(result.path).toBe("ask");
    expect(result.reply.sources?.length).toBeGreaterThan(0);
  });

  it("still lists the subcommands when the words are no question", async () => {
    const result = await run("tips banana");
    expect(result.outcome).toBe("user_error");
    expect(fallbackText(result.reply)).toContain("tips subscribe");
  });

  it("keeps /help <command> as the command's help", async () => {
    expect((await run("help compare")).reply.title).toBe("/compare");
  });
});

describe("triage runs first, whatever follows", () => {
  it.each([
    "help I think I'm having a stroke",
    "tips my chest hurts and I can't breathe",
    "challenge my face is drooping and my arm went numb",
  ])("%s gets the urgent answer", async (line) => {
    const result = await run(line);
    expect(result.path).toBe("ask");
    expect(result.reply.title).toBe("Call 911 now");
  });

  it("reads a one-word line before any did-you-mean", () => {
    const registry = createRegistry(commands);
    const urgent = { ask: () => ({ kind: "urgent" }) as never };
    const parsed = understandLine(parseLine("hepl", registry), registry, urgent);
    expect(parsed).toMatchObject({ type: "command", path: "ask", args: { question: "hepl" } });
  });
});

describe("typedForm: a button as a person types it", () => {
  const registry = createRegistry(commands);
  it("drops the ids buttons pin, keeps what a person types", () => {
    expect(typedForm("challenge join cid:abc-123", registry)).toBe("challenge join");
    expect(typedForm("checkin outdoor-walk cid:abc-123", registry)).toBe("checkin outdoor-walk");
    expect(typedForm("feedback up answer:faq:calcium-foods", registry)).toBe("feedback up");
    expect(typedForm("privacy forget confirm:yes", registry)).toBe("privacy forget confirm:yes");
    expect(typedForm("vitamin vitamin-d", registry)).toBe("vitamin vitamin-d");
  });
});
