import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index.js";
import { SLACK_BOT_SCOPES } from "../../src/adapters/slack/manifest.js";
import { ENV_VARIABLES } from "../../src/config.js";
import { runnablesOf } from "../../src/core/commands/define-command.js";
import { usage } from "../../src/core/commands/dispatch.js";
import { PACKAGE_ROOT } from "../../src/paths.js";

const readme = readFileSync(join(PACKAGE_ROOT, "README.md"), "utf8");
const slackDoc = readFileSync(join(PACKAGE_ROOT, "docs/slack.md"), "utf8");

describe("the README stays in step with the code", () => {
  it("lists every command with its usage", () => {
    for (const command of commands) {
      for (const { path, runnable } of runnablesOf(command))
        expect(readme).toContain(`\`/${usage(path, runnable)}\``);
    }
  });

  it("documents every environment variable", () => {
    for (const name of ENV_VARIABLES) expect(readme).toContain(`\`${name}\``);
  });

  it("explains in docs/slack.md every bot scope the Slack manifest asks for", () => {
    const scopeCells = slackDoc
      .split("\n")
      .filter((line) => line.startsWith("| `"))
      .map((line) => line.split("|")[1] ?? "");
    const unexplained = SLACK_BOT_SCOPES.filter(
      (scope) => !scopeCells.some((cell) => cell.includes(`\`${scope}\``)),
    );
    expect(unexplained).toEqual([]);
  });
});
