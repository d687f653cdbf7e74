import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { consoleInvocation } from "../../src/adapters/console/console-adapter.js";
import { argvToLine } from "../../src/cli/main.js";
import { PACKAGE_ROOT } from "../../src/paths.js";

const LAUNCHER = join(PACKAGE_ROOT, "bin/vitabot.js");
const work = mkdtempSync(join(tmpdir(), "vitabot-console-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function vitabot(args: string[], input = "") {
  return spawnSync(process.execPath, [LAUNCHER, ...args], {
    cwd: work,
    input,
    env: { ...process.env, LOG_LEVEL: "warn", DATABASE_URL: "file:./data/test.db" },
    encoding: "utf8",
    timeout: 30_000,
  });
}

describe("the console adapter through stdin (npm start)", () => {
  it("answers each line and exits when stdin ends", () => {
    const run = vitabot(["start"], "/vitamin d\n/help\nwhy are my legs weak\n");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Vitamin D\n");
    expect(run.stdout).toContain("/compare [a] [b] [c]");
    expect(run.stdout).toMatch(/Sources:\n {2}• /);
    expect(run.stdout.match(/not medical advice/g)?.length).toBeGreaterThanOrEqual(3);
    expect(run.stderr).toBe("");
  });

  it("creates the SQLite database under the working directory and keeps state across runs", () => {
    vitabot(["start"], "ask foods with calcium\n");
    const second = vitabot(["start"], "feedback up great list\n");
    expect(second.stdout).toContain("Thanks for the feedback");
  });

  it("treats the console user as an admin in a channel named console", () => {
    expect(consoleInvocation()).toMatchObject({
      platform: "console",
      isAdmin: true,
      channel: { platform: "console", workspaceId: "console", channelId: "console" },
    });
  });
});

describe("one-shot commands: npx vitabot <command> [args]", () => {
  it("prints the reply and exits 0", () => {
    const run = vitabot(["compare", "vit d", "b12"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Vitamin D vs Vitamin B12");
  });

  it("exits non-zero on a user error", () => {
    const run = vitabot(["vitamin", "k"]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("I cover vitamin D, B12, E, magnesium, omega-3 and calcium");
  });

  it("quotes arguments with spaces so they stay one option", () => {
    expect(argvToLine(["compare", "vit d", "fish oil"])).toBe('compare "vit d" "fish oil"');
  });
});

describe("/me in the console", () => {
  it("shows the same personal panel as Slack's Home: tip, challenges with Check in, data, and the admin lists", () => {
    const run = vitabot(
      ["start"],
      [
        "/tips subscribe 09:00 Europe/Berlin weekdays",
        '/challenge start daylight-walks "Lunch walks" zone:Europe/Berlin',
        "/challenge join",
        "/me",
        "",
      ].join("\n"),
    );
    expect(run.status).toBe(0);
    const panel = run.stdout.slice(run.stdout.lastIndexOf("Your vitabot"));
    for (const heading of [
      "Today's tip",
      "Your challenges",
      "Lunch walks",
      "Your data",
      "Channels with daily tips",
      "Running challenges",
    ])
      expect(panel).toContain(heading);
    expect(panel).toMatch(/Day 1 of 14 in #console/);
    // Buttons become the commands to type, without the ids buttons pin.
    expect(panel).toContain("→ /checkin outdoor-walk  ·  /checkin sun-smart");
    expect(panel).toContain("→ /tips pause  ·  /tips post-now");
    expect(panel).toContain("→ /privacy export  ·  /privacy forget");
  });
});
