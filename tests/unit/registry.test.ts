import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index.js";
import {
  defineCommand,
  defineCommandGroup,
  defineRunnable,
  option,
} from "../../src/core/commands/define-command.js";
import { createRegistry } from "../../src/core/commands/registry.js";
import { textReply } from "../../src/core/reply/reply.js";

const run = () => textReply("ok", "ok");

describe("the command registry", () => {
  it("accepts every command in commands/index.ts", () => {
    expect(createRegistry(commands).names()).toEqual(commands.map((c) => c.name));
  });

  it("resolves a command path to what runs it, once for the dispatcher, the grammar and Discord", () => {
    const vitamin = defineCommand({ name: "vitamin", description: "V", options: {}, run });
    const subscribe = defineRunnable({ description: "S", options: {}, run });
    const tips = defineCommandGroup({ name: "tips", description: "T", subcommands: { subscribe } });
    const registry = createRegistry([vitamin, tips]);
    expect(registry.resolve("vitamin")).toBe(vitamin.runnable);
    expect(registry.resolve("tips subscribe")).toBe(subscribe);
    for (const path of [
      "tips",
      "tips nosuch",
      "tips constructor",
      "vitamin d",
      "nosuch",
      "nosuch subscribe",
      "",
    ])
      expect(registry.resolve(path)).toBeUndefined();
  });

  it("refuses a duplicate name", () => {
    const tip = defineCommand({ name: "tip", description: "Tip", options: {}, run });
    expect(() => createRegistry([tip, tip])).toThrow('command "tip" is registered twice');
  });

  it.each([
    [
      defineCommand({ name: "Bad Name", description: "x", options: {}, run }),
      'command name "Bad Name" is not valid',
    ],
    [
      defineCommand({ name: "x", description: "", options: {}, run }),
      '"x": description must be 1–100 characters',
    ],
    [
      defineCommand({
        name: "x",
        description: "x",
        options: { a: option.text("A"), b: option.text("B", { required: true }) },
        run,
      }),
      '"x": required option "b" must come before optional ones',
    ],
    [
      defineCommand({
        name: "x",
        description: "x",
        options: { a: option.text("A", { rest: true }), b: option.text("B") },
        run,
      }),
      '"x": only the last option can take the rest of the line ("a")',
    ],
    [{ name: "x", description: "x" }, '"x": define either run or subcommands, not both or neither'],
    [
      {
        name: "x",
        description: "x",
        subcommands: { "Sub Cmd": defineRunnable({ description: "s", options: {}, run }) },
      },
      '"x": subcommand name "Sub Cmd" is not valid',
    ],
  ])("refuses a bad definition loudly (%#)", (definition, message) => {
    expect(() => createRegistry([definition])).toThrow(message);
  });
});
