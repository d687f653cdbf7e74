import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fallbackText } from "../../src/core/reply/reply.js";
import { createTestApp, slackInvocation } from "../helpers/app.js";

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
let app: TestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(() => app.storage.close());

const run = async (line: string) => app.dispatcher.runLine(slackInvocation(), line);
const textOf = async (line: string) => fallbackText((await run(line)).reply);

describe("vitamin <nutrient>", () => {
  it.each(["d", "vitamin d", "D3", "sunshine vitamin"])("shows vitamin D's card for %j", async (arg) => {
    const result = await run(`vitamin ${arg}`);
    expect(result.outcome).toBe("ok");
    expect(result.reply.title).toBe("Vitamin D");
    expect(fallbackText(result.reply)).toMatch(/25-hydroxyvitamin D/);
    expect(result.reply.disclaimer).toContain("not medical advice");
  });

  it.each([
    ["b12", "Vitamin B12"],
    ["vit e", "Vitamin E"],
    ["fish oil", "Omega-3"],
    ["magnesum", "Magnesium"],
  ])("understands %j", async (arg, title) => {
    expect((await run(`vitamin ${arg}`)).reply.title).toMatch(new RegExp(`^${title}`, "i"));
  });

  it("answers an unknown nutrient with the valid choices", async () => {
    const result = await run("vitamin vitamin k");
    expect(result.outcome).toBe("user_error");
    expect(fallbackText(result.reply)).toContain("I cover vitamin D, B12, E, magnesium, omega-3 and calcium");
  });

  it("asks for the missing nutrient with the usage", async () => {
    const result = await run("vitamin");
    expect(result.outcome).toBe("user_error");
    expect(fallbackText(result.reply)).toContain("nutrient is missing. Usage: /vitamin <nutrient>");
  });
});

describe("ask <question>", () => {
  it("answers with sources, the disclaimer and buttons that route back to commands", async () => {
    const result = await run("ask can low b12 cause muscle weakness");
    expect(result.reply.sources?.length).toBeGreaterThan(0);
    expect(result.reply.buttons?.map((b) => b.action)).toEqual(
      expect.arrayContaining([
        "foods vitamin-b12",
        "compare vitamin-b12 vitamin-d",
        expect.stringMatching(/^feedback up answer:/),
      ]),
    );
    expect(result.reply.buttons?.find((b) => b.share)?.action).toMatch(/^ask answer:/);
  });

  it("takes an unknown first word as a question", async () => {
    expect((await run("why are my legs weak")).path).toBe("ask");
  });

  it("gives only the urgent answer for a red flag, with Share as its one button", async () => {
    const result = await run("ask my face is drooping and my arm is numb");
    expect(result.reply.tone).toBe("urgent");
    expect(result.reply.buttons).toEqual([
      { label: "Share to channel", action: "ask answer:urgent:stroke:emergency", share: true },
    ]);
    expect(fallbackText(result.reply)).toContain("Call 911");
    const shared = await run(result.reply.buttons?.[0]?.action ?? "");
    expect(shared.reply.title).toBe(result.reply.title);
  });

  it("answers self-harm privately, with no button to share it", async () => {
    const result = await run("ask I don't want to be here anymore");
    expect(result.reply).toMatchObject({ tone: "urgent", visibility: "ephemeral", private: true });
    expect(result.reply.buttons ?? []).toEqual([]);
    expect(fallbackText(result.reply)).not.toMatch(/this could be/i);
  });

  it("re-renders a shared answer by its id", async () => {
    const first = await run("ask foods with magnesium");
    const share = first.reply.buttons?.find((b) => b.share)?.action ?? "";
    expect((await run(share)).reply.title).toBe(first.reply.title);
  });
});

describe("compare [a] [b] [c]", () => {
  it("defaults to vitamin D, B12 and E as a table", async () => {
    const { reply } = await run("compare");
    expect(reply.table?.columns).toEqual(["", "Vitamin D", "Vitamin B12", "Vitamin E"]);
    expect(reply.table?.rows.map((r) => r[0])).toContain("Effect on muscle fibres");
  });

  it("takes one to three nutrients in any spelling", async () => {
    expect((await run("compare magnesium calcium")).reply.table?.columns).toEqual([
      "",
      "Magnesium",
      "Calcium",
    ]);
    expect((await run('compare vitamin d "fish oil"')).reply.table?.columns.slice(1)).toEqual([
      "Vitamin D",
      "Omega-3 fatty acids",
    ]);
  });

  it("rejects a nutrient it doesn't cover", async () => {
    expect((await run("compare d zinc")).outcome).toBe("user_error");
  });
});

describe("foods, symptoms, tip, help", () => {
  it("lists foods with amounts per serving", async () => {
    const { reply } = await run("foods magnesium");
    expect(reply.table?.columns).toEqual(["Food", "Serving", "Amount"]);
    expect(reply.table?.rows.length).toBeGreaterThanOrEqual(4);
  });

  it("matches symptoms to deficiencies and lists questions for a doctor", async () => {
    const text = await textOf("symptoms tingling feet and pins and needles");
    expect(text).toContain("Low Vitamin B12?");
    expect(text).toContain("Questions to ask your doctor");
  });

  it("suggests the same deficiencies whatever the order and inflection of the symptoms", async () => {
    const headings = async (line: string) =>
      (await run(line)).reply.sections.map((section) => section.heading).filter(Boolean);
    const listed = await headings("symptoms weak hips and aching bones");
    expect(listed?.[0]).toBe("Low Vitamin D?");
    expect(await headings("symptoms my bones ache and my hips are weak")).toEqual(listed);
    expect(await headings("symptoms hips weakened, bones aching")).toEqual(listed);
  });

  it("sends red-flag symptoms to urgent care", async () => {
    expect((await run("symptoms sudden weakness on one side of my face")).reply.tone).toBe("urgent");
  });

  it("shows the same tip all day and another the next day", async () => {
    const morning = await textOf("tip");
    app.clock.advance(6 * 3600_000);
    expect(await textOf("tip")).toBe(morning);
    app.clock.advance(24 * 3600_000);
    expect(await textOf("tip")).not.toBe(morning);
  });

  it("lists every command in help, and one command with examples", async () => {
    const text = await textOf("help");
    for (const name of ["ask", "vitamin", "compare", "foods", "symptoms", "tip", "feedback", "help"]) {
      expect(text).toContain(`/${name}`);
    }
    expect(await textOf("help compare")).toContain("e.g. /compare");
  });
});

describe("feedback <up|down> [note]", () => {
  it("stores feedback with the question and the answer id", async () => {
    const asked = await run("ask what foods are high in vitamin d");
    const answerId = asked.reply.buttons
      ?.find((b) => b.action.startsWith("feedback up"))
      ?.action.split("answer:")[1];
    const result = await run("feedback down it didn't mention mushrooms");
    expect(result.outcome).toBe("ok");
    const [stored] = await app.storage.listFeedback();
    expect(stored).toMatchObject({
      answerId,
      question: "what foods are high in vitamin d",
      vote: "down",
      note: "it didn't mention mushrooms",
      where: { platform: "slack", workspaceId: "T1", channelId: "C1", userId: "U1" },
    });
  });

  it("rates a given answer from a button", async () => {
    await run("feedback up answer:faq:some-answer");
    expect((await app.storage.listFeedback())[0]).toMatchObject({ answerId: "faq:some-answer", vote: "up" });
  });

  it("explains when there is nothing to rate, and rejects a bad vote", async () => {
    expect(await textOf("feedback up")).toContain("There's no answer to rate yet");
    expect(await textOf("feedback sideways")).toContain("vote must be one of: up, down");
  });
});

describe("safety numbers", () => {
  const admin = (line: string) => app.dispatcher.runLine(slackInvocation({ isAdmin: true }), line);

  it("shows the deployment's numbers to anyone, and lets admins set their own", async () => {
    const shown = await run("safety numbers");
    expect(shown.outcome).toBe("ok");
    expect(shown.reply.fields).toEqual([
      { label: "Emergency", value: "911 (default)" },
      {
        label: "Crisis line",
        value: 'not set: answers say "a local crisis line or someone you trust" (default)',
      },
      { label: "Poison control", value: "not set: the emergency number (default)" },
    ]);
    const set = await admin('safety numbers emergency:112 crisis:"Samaritans 116 123"');
    expect(set.outcome).toBe("ok");
    expect(set.reply.fields?.slice(0, 2)).toEqual([
      { label: "Emergency", value: "112 (set here)" },
      { label: "Crisis line", value: "Samaritans 116 123 (set here)" },
    ]);
  });

  it("urgent answers in that workspace name its numbers, and Share keeps them", async () => {
    await admin("safety numbers emergency:112 crisis:116123 poison:01-809-2166");
    const stroke = await run("ask my face is drooping on one side");
    expect(fallbackText(stroke.reply)).toContain("Call 112 now");
    const crisis = await run("ask I want to kill myself");
    expect(fallbackText(crisis.reply)).toContain("116123");
    const poison = await run("ask my toddler swallowed a handful of iron tablets");
    expect(fallbackText(poison.reply)).toContain("01-809-2166");
    const shared = await run(stroke.reply.buttons?.[0]?.action ?? "");
    expect(fallbackText(shared.reply)).toContain("Call 112 now");
    const elsewhere = await app.dispatcher.runLine(
      slackInvocation({ channel: { platform: "slack", workspaceId: "T_OTHER", channelId: "C1" } }),
      "ask my face is drooping on one side",
    );
    expect(fallbackText(elsewhere.reply)).toContain("Call 911 now");
  });

  it("refuses changes from non-admins and numbers that are not numbers, and 'default' puts one back", async () => {
    const refused = await run("safety numbers emergency:112");
    expect(refused.outcome).toBe("user_error");
    expect(fallbackText(refused.reply)).toContain("Only admins can change the safety numbers");
    const bad = await admin("safety numbers crisis:<!here>");
    expect(bad.outcome).toBe("user_error");
    expect(fallbackText(bad.reply)).toMatch(/crisis/);
    await admin("safety numbers emergency:112");
    const back = await admin("safety numbers emergency:default");
    expect(back.reply.fields?.[0]).toEqual({ label: "Emergency", value: "911 (default)" });
  });
});
