import { describe, expect, it } from "vitest";
import {
  defineCommand,
  defineCommandGroup,
  defineRunnable,
  option,
} from "../../src/core/commands/define-command.js";
import { parseLine, tokenize } from "../../src/core/commands/grammar.js";
import { createRegistry } from "../../src/core/commands/registry.js";
import { textReply } from "../../src/core/reply/reply.js";

const reply = () => textReply("ok", "ok");
const registry = createRegistry([
  defineCommand({
    name: "ask",
    description: "Ask",
    options: { question: option.text("Q", { rest: true }) },
    run: reply,
  }),
  defineCommand({
    name: "vitamin",
    description: "Card",
    options: { nutrient: option.nutrient("N", { required: true, rest: true }) },
    run: reply,
  }),
  defineCommand({
    name: "compare",
    description: "Compare",
    options: { a: option.nutrient("A"), b: option.nutrient("B"), c: option.nutrient("C", { rest: true }) },
    run: reply,
  }),
  defineCommandGroup({
    name: "tips",
    description: "Tips",
    subcommands: {
      subscribe: defineRunnable({
        description: "Subscribe",
        options: { time: option.text("HH:MM"), zone: option.text("Zone"), days: option.text("Days") },
        run: reply,
      }),
      status: defineRunnable({ description: "Status", options: {}, run: reply }),
    },
  }),
]);

function argsOf(line: string) {
  const parsed = parseLine(line, registry);
  if (parsed.type !== "command") throw new Error(`expected a command, got ${JSON.stringify(parsed)}`);
  return { path: parsed.path, args: parsed.args };
}

describe("the text grammar (console and Slack's /vitabot)", () => {
  it("keeps quoted strings together, with straight or curly quotes", () => {
    expect(tokenize(`compare "vit d" \u201cfish oil\u201d`).map((t) => t.text)).toEqual([
      "compare",
      "vit d",
      "fish oil",
    ]);
  });

  it("fills options in order and gives the rest of the line to the last one", () => {
    expect(argsOf("vitamin vit e")).toEqual({ path: "vitamin", args: { nutrient: "vit e" } });
    expect(argsOf("compare d b12 fish oil")).toEqual({
      path: "compare",
      args: { a: "d", b: "b12", c: "fish oil" },
    });
  });

  it("accepts name:value anywhere, splitting at the first colon only", () => {
    expect(argsOf("tips subscribe zone:Europe/Berlin time:09:00 weekdays")).toEqual({
      path: "tips subscribe",
      args: { zone: "Europe/Berlin", time: "09:00", days: "weekdays" },
    });
    expect(argsOf('tips subscribe 07:30 zone:"America/New_York"').args).toEqual({
      time: "07:30",
      zone: "America/New_York",
    });
  });

  it("strips a leading slash and is case-insensitive in the command word", () => {
    expect(argsOf("/Vitamin D").args).toEqual({ nutrient: "D" });
  });

  it("treats an unknown first word as a question for ask", () => {
    expect(argsOf("why are my legs weak")).toEqual({
      path: "ask",
      args: { question: "why are my legs weak" },
    });
  });

  it("keeps name:value-looking text inside a question intact", () => {
    expect(argsOf("is 10:00 a good time to take vitamin d").args).toEqual({
      question: "is 10:00 a good time to take vitamin d",
    });
  });

  it("offers did-you-mean for a line of one word near a command (only then)", () => {
    expect(parseLine("vitamn", registry)).toEqual({
      type: "did_you_mean",
      input: "vitamn",
      suggestions: ["vitamin"],
      text: "vitamn",
    });
    expect(argsOf("vitamn d")).toEqual({ path: "ask", args: { question: "vitamn d" } });
    expect(parseLine("tips subscrbe", registry)).toEqual({
      type: "did_you_mean",
      input: "tips subscrbe",
      suggestions: ["tips subscribe"],
      // The whole line, so triage reads it first ("tips my chest hurts…").
      text: "tips subscrbe",
    });
  });

  it("explains a missing or unknown subcommand and too many arguments", () => {
    expect(parseLine("tips", registry)).toMatchObject({
      type: "error",
      message: expect.stringContaining("tips subscribe, tips status"),
    });
    expect(parseLine("tips status now please", registry)).toMatchObject({
      type: "error",
      message: `I didn't expect "now please".`,
    });
  });

  it("says a /word is no command when nothing is near it, and leaves a plain word to ask", () => {
    expect(parseLine("/foo", registry)).toEqual({ type: "unknown_command", input: "foo", text: "foo" });
    expect(argsOf("magnesium")).toEqual({ path: "ask", args: { question: "magnesium" } });
  });

  it("keeps the line with an unknown subcommand, so it can be answered as a question", () => {
    expect(parseLine("tips for stronger legs", registry)).toMatchObject({
      type: "error",
      text: "tips for stronger legs",
    });
  });

  it("parses an empty line as empty", () => {
    expect(parseLine("   /  ", registry)).toEqual({ type: "empty" });
  });
});
