/**
 * The console chat and one-shot commands keep log lines out of the conversation: with the
 * default LOG_LEVEL (info), a batch of mistakes leaves stdout holding replies only and
 * stderr empty; with LOG_FILE, the lines go to that file. Real child processes.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "../../src/paths.js";

const LAUNCHER = join(PACKAGE_ROOT, "bin/vitabot.js");
const work = mkdtempSync(join(tmpdir(), "vitabot-console-logs-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Inputs that each end in a user error (unknown nutrient, missing or bad arguments, …). */
const MISTAKES = [
  "/vitamin k",
  "/challenge start",
  "/compare d zinc",
  "/foods",
  "/tips skip someday",
  "/feedback sideways",
  "/checkin",
  "/tips subscribe time:25:99",
];

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Each run has its own database: two `start`s on one SQLite file would rightly warn about each other. */
function vitabot(args: string[], input: string, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const child = spawn(process.execPath, [LAUNCHER, ...args], {
    cwd: work,
    env: { ...process.env, LOG_LEVEL: "info", DATABASE_URL: `file:./data/${args[0]}-${++runs}.db`, ...env },
    timeout: 240_000,
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
  child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
  child.stdin.end(input);
  return new Promise((resolve) =>
    child.on("close", (status) =>
      resolve({ status, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() }),
    ),
  );
}

let runs = 0;
const looksLikeLogLine = (line: string) => /^\s*\{"level":\d+/.test(line);

let chat: Run;
let oneShot: Run;
let toFile: Run;
const logFile = join(work, "logs", "vitabot.log");

beforeAll(async () => {
  [chat, oneShot, toFile] = await Promise.all([
    vitabot(["start"], `${MISTAKES.join("\n")}\n`),
    vitabot(["vitamin", "k"], ""),
    vitabot(["start"], "/vitamin k\n/foods\n", { LOG_FILE: "./logs/vitabot.log" }),
  ]);
}, 600_000);

describe("the console chat at the default log level", () => {
  it("answers every mistake with a reply, and stdout holds no log line", () => {
    expect(chat.status, chat.stderr).toBe(0);
    expect(chat.stdout.split("\n").filter(looksLikeLogLine)).toEqual([]);
    expect(chat.stdout.match(/^That didn't work$/gm)?.length ?? 0).toBeGreaterThanOrEqual(
      MISTAKES.length - 1,
    );
  });

  it("writes nothing to stderr either (user errors are info, below warn)", () => {
    expect(chat.stderr).toBe("");
  });
});

describe("a one-shot command", () => {
  it("prints the reply alone and exits non-zero on the user error", () => {
    expect(oneShot.status).toBe(1);
    expect(oneShot.stdout).toContain("I cover vitamin D");
    expect(oneShot.stdout.split("\n").filter(looksLikeLogLine)).toEqual([]);
    expect(oneShot.stderr).toBe("");
  });
});

describe("LOG_FILE", () => {
  it("takes every line at LOG_LEVEL, and the terminal gets replies only", () => {
    expect(toFile.status, toFile.stderr).toBe(0);
    expect(toFile.stderr).toBe("");
    expect(toFile.stdout.split("\n").filter(looksLikeLogLine)).toEqual([]);
    expect(existsSync(logFile)).toBe(true);
    const lines = readFileSync(logFile, "utf8").trim().split("\n");
    const userErrors = lines.map((line) => JSON.parse(line)).filter((entry) => entry.msg === "user error");
    expect(userErrors.map((entry) => entry.command)).toEqual(["vitamin", "foods"]);
  });
});
