/**
 * The console chat (a real child process) on lines the grammar alone can't place:
 * unknown slash commands, near misses, small talk, a question that starts with a command
 * word, a question in another language, and the challenge hints.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "../../src/paths.js";

const LAUNCHER = join(PACKAGE_ROOT, "bin/vitabot.js");
const work = mkdtempSync(join(tmpdir(), "vitabot-console-understanding-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const LINES = [
  "/foo",
  "/hepl",
  "hi",
  "thanks",
  "tips for stronger legs",
  "¿Qué alimentos tienen mucha vitamina D para los músculos débiles?",
  "/challenge list",
  "/challenge start daylight-walks zone:Europe/Berlin",
  "/checkin",
];

let replies: string[] = [];
let stderr = "";

beforeAll(async () => {
  const child = spawn(process.execPath, [LAUNCHER, "start"], {
    cwd: work,
    env: {
      ...process.env,
      LOG_LEVEL: "info",
      DATABASE_URL: "file:./data/understanding.db",
      EMERGENCY_NUMBER: "112",
    },
    timeout: 240_000,
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
  child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
  child.stdin.end(`${LINES.join("\n")}\n`);
  await new Promise((resolve) => child.on("close", resolve));
  // Piped, the console writes one blank line after each reply (and replies squeeze theirs).
  replies = Buffer.concat(out)
    .toString()
    .split(/\n\n(?=\S[^\n]*\n─)/);
  stderr = Buffer.concat(err).toString();
}, 300_000);

const reply = (line: string) => replies[LINES.indexOf(line)] ?? "";

describe("the console chat understands what it is told", () => {
  it("gives one reply per line and no log lines", () => {
    expect(replies).toHaveLength(LINES.length);
    expect(stderr).toBe("");
  });

  it("says /foo is no command, and suggests /help for /hepl (with /help, not /help help)", () => {
    expect(reply("/foo")).toMatch(/^\/foo is not a command\n/);
    expect(reply("/hepl")).toMatch(/^Did you mean \/help\?\n/);
    expect(reply("/hepl")).toMatch(/^Next: \/help$/m);
    expect(reply("/hepl")).not.toContain("/help help");
  });

  it("greets and thanks briefly, without the introduction", () => {
    expect(reply("hi")).toMatch(/^Hi!\n/);
    expect(reply("thanks")).toMatch(/^You're welcome\n/);
    expect(reply("hi")).not.toContain("I'm vitabot");
  });

  it("answers a question that starts with a command word", () => {
    expect(reply("tips for stronger legs")).toContain("Sources:");
    expect(reply("tips for stronger legs")).not.toContain("tips subscribe, tips unsubscribe");
  });

  it("answers another language with 'I understand English for now' and the emergency number", () => {
    const text = reply("¿Qué alimentos tienen mucha vitamina D para los músculos débiles?");
    expect(text).toMatch(/^I understand English for now\n/);
    expect(text).toContain("call 112");
  });

  it("writes the slash in 'Join the challenge first' and [reminder] in the start usage", () => {
    expect(reply("/checkin")).toContain("(/challenge join)");
    expect(reply("/challenge list")).toContain(
      "/challenge start <template> [name] [start] [days] [zone] [reminder]",
    );
  });

  it("shows hints as commands to type, without internal ids", () => {
    const started = reply("/challenge start daylight-walks zone:Europe/Berlin");
    expect(started).toMatch(/^Next: \/challenge join$/m);
    expect(replies.join("\n")).not.toMatch(/Next:.*(cid|answer):/);
  });
});
