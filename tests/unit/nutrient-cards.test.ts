/**
 * Every nutrient card, rendered on every platform (console text, Slack Block Kit, Discord
 * embed), shows every intake row the content holds: its group, its daily amount with the
 * unit, and its upper limit, with limits that count supplements only marked as such; and
 * every rendered card stays within its platform's limits, with nothing cut.
 *
 * The checks read the rendered output, split into the pieces a reader sees together (a
 * console block, a Slack section, a Discord field), and build what they look for from the
 * content rows themselves, so a new row in content is checked without touching this file.
 */
import { describe, expect, it } from "vitest";
import { renderConsole } from "../../src/adapters/console/render.js";
import { renderReply } from "../../src/adapters/discord/render.js";
import { toBlockKit } from "../../src/adapters/slack/render.js";
import type { Invocation } from "../../src/core/commands/dispatch.js";
import type { Nutrient } from "../../src/core/content/schema.js";
import type { Reply } from "../../src/core/reply/reply.js";
import { createTestApp, slackInvocation } from "../helpers/app.js";
import { expectWithinDiscordLimits } from "../helpers/discord-assert.js";
import { slackLimitViolations } from "../helpers/slack-limits.js";

const app = await createTestApp();
const { nutrients } = app.knowledge.content;

type Intakes = Nutrient["intakes"];
type IntakeRow = Intakes["rows"][number];
type Platform = "console" | "slack" | "discord";

const invocations: Record<Platform, Invocation> = {
  console: {
    platform: "console",
    user: { id: "local" },
    channel: { platform: "console", workspaceId: "local", channelId: "console" },
    isAdmin: false,
  },
  slack: slackInvocation(),
  discord: {
    platform: "discord",
    user: { id: "750000000000000001" },
    channel: { platform: "discord", workspaceId: "4194304000", channelId: "750000000000000002" },
    isAdmin: false,
  },
};

async function card(platform: Platform, n: Nutrient): Promise<Reply> {
  const result = await app.dispatcher.runLine(invocations[platform], `vitamin ${n.id}`);
  expect(result.outcome, `vitamin ${n.id} on ${platform}`).toBe("ok");
  return result.reply;
}

/** Bold markers off, so "*Men 31+*" (Slack) and "**Each day**" (Discord) read as plain text. */
const plain = (text: string) => text.replace(/\*+/g, "");

/**
 * The rendered card as the pieces a reader takes in together, each a list of lines whose
 * first line names it: console blocks (a line and the indented lines under it), Slack
 * sections (text and fields), Discord fields (name and value). Checks every limit first.
 */
function renderedPieces(platform: Platform, reply: Reply): string[][] {
  if (platform === "console") {
    const pieces: string[][] = [];
    for (const line of renderConsole(reply).split("\n")) {
      if (/^\s/.test(line) && pieces.length > 0) pieces.at(-1)?.push(line.trim());
      else pieces.push([line.trim()]);
    }
    return pieces;
  }
  if (platform === "slack") {
    const message = toBlockKit(reply);
    expect(slackLimitViolations(message), reply.title).toEqual([]);
    expect(JSON.stringify(message.blocks), "nothing cut to fit").not.toContain("Shortened");
    return message.blocks.flatMap((block) => {
      if (block.type !== "section") return [];
      const texts = [block.text?.text ?? "", ...(block.fields ?? []).map((f) => f.text)];
      return [plain(texts.filter(Boolean).join("\n")).split("\n")];
    });
  }
  const message = renderReply(reply);
  expectWithinDiscordLimits(message, reply.title);
  return (message.embeds[0]?.fields ?? []).map((f) => plain(`${f.name}\n${f.value}`).split("\n"));
}

const NUMBER = new Intl.NumberFormat("en-US");
const withIU = (value: number, unit: string, iu?: number | null) =>
  `${NUMBER.format(value)} ${unit}${iu ? ` (${NUMBER.format(iu)} IU)` : ""}`;

/** "Pregnancy 19–30" -> who "Pregnancy", ages "19–30"; "Breastfeeding" -> ages "". */
function parts(group: string): { who: string; ages: string } {
  const match = /^(.+?) (\d[\d–+]*(?: months)?)$/.exec(group);
  return { who: match?.[1] ?? group, ages: match?.[2] ?? "" };
}

/**
 * The piece that shows `row`: named by its group and showing its amount, or a piece that
 * lists the row by name ("Children 1–3: RDA 80 mg"), or one named by who it is for that
 * lists the row's ages ("Pregnancy" with "19–30: RDA 350 mg").
 */
function pieceFor(pieces: string[][], intakes: Intakes, row: IntakeRow): string | undefined {
  const daily = `${row.kind} ${withIU(row.amount, intakes.unit, row.amountIU)}`;
  const { who, ages } = parts(row.group);
  const found = pieces.find((lines) => {
    const text = lines.join("\n");
    if (lines[0] === row.group && text.includes(daily)) return true;
    if (text.includes(`${row.group}: ${daily}`)) return true;
    return ages !== "" && lines[0] === who && text.includes(`${ages}: ${daily}`);
  });
  return found?.join("\n");
}

/** How a card marks a limit that counts supplements only: the name shown with the limit. */
const SUPPLEMENTS_ONLY = "Upper limit (supplements only)";

const platforms: Platform[] = ["console", "slack", "discord"];
const cases = platforms.flatMap((platform) => nutrients.map((n) => [platform, n.id, n] as const));

describe("every nutrient card shows every intake row the content holds", () => {
  it.each(cases)("%s: vitamin %s", async (platform, _id, n) => {
    const pieces = renderedPieces(platform, await card(platform, n));
    const { intakes } = n;
    for (const row of intakes.rows) {
      const piece = pieceFor(pieces, intakes, row);
      expect(piece, `${row.group}: ${row.kind} ${row.amount} ${intakes.unit}`).toBeDefined();
      const limit = row.ul === null ? "none set" : withIU(row.ul, intakes.unit, row.ulIU);
      expect(piece, `${row.group}: upper limit`).toContain(limit);
      // Every limit shown says, with it, whether it counts supplements only.
      if (intakes.ulCounts === "supplements-only") {
        if (row.ul !== null) expect(piece, `${row.group}: limit marked`).toContain(SUPPLEMENTS_ONLY);
      } else expect(piece, `${row.group}: not marked`).not.toContain("supplements only");
    }
    // What the limit counts, in the content's own words, and every row's note.
    const all = pieces.map((lines) => lines.join("\n")).join("\n");
    expect(all).toContain(intakes.ulNote.slice(0, 60));
    for (const row of intakes.rows) if (row.note) expect(all).toContain(row.note);
  });

  it("shows older adults their own amounts: 800 IU of vitamin D over 70, 1,200 mg of calcium for women over 50", async () => {
    const d = (await card("console", app.knowledge.nutrient("vitamin-d"))).table;
    expect(d?.rows).toContainEqual(["Men and women 71+", "RDA 20 µg (800 IU)", "100 µg (4,000 IU)"]);
    const calcium = (await card("console", app.knowledge.nutrient("calcium"))).table;
    expect(calcium?.rows).toContainEqual(["Women 51–70", "RDA 1,200 mg", "2,000 mg"]);
    const magnesium = (await card("console", app.knowledge.nutrient("magnesium"))).table;
    expect(magnesium?.columns.at(-1)).toBe(SUPPLEMENTS_ONLY);
    expect(magnesium?.rows).toContainEqual(["Men 31+", "RDA 420 mg", "350 mg"]);
    expect(magnesium?.rows).toContainEqual(["Women 31+", "RDA 320 mg", "350 mg"]);
  });

  it("puts pregnancy and breastfeeding on one row per stage, age bands side by side", async () => {
    const magnesium = (await card("console", app.knowledge.nutrient("magnesium"))).table;
    expect(magnesium?.rows).toContainEqual([
      "Pregnancy",
      "14–18: RDA 400 mg · 19–30: RDA 350 mg · 31–50: RDA 360 mg",
      "350 mg",
    ]);
    const calcium = (await card("console", app.knowledge.nutrient("calcium"))).table;
    expect(calcium?.rows).toContainEqual([
      "Pregnancy and breastfeeding",
      "14–18: RDA 1,300 mg · 19–50: RDA 1,000 mg",
      "14–18: 3,000 mg · 19–50: 2,500 mg",
    ]);
  });
});

describe("the compare table marks supplement-only limits too", () => {
  it("magnesium and vitamin E: 'upper limit … (supplements only)'; calcium: no mark", async () => {
    const result = await app.dispatcher.runLine(slackInvocation(), "compare magnesium e calcium");
    const adults = result.reply.table?.rows.find((row) => row[0] === "Adults") ?? [];
    expect(adults[1]).toContain("upper limit 350 mg (supplements only)");
    expect(adults[2]).toContain("upper limit 1,000 mg (supplements only)");
    expect(adults[3]).toContain("upper limit 2,500 mg");
    expect(adults[3]).not.toContain("supplements only");
  });
});
