import { spawn, spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "../../src/paths.js";
import { copyContent, editFile } from "../helpers/content.js";
import { loadTriageSet, MAX_FALSE_ALARM_RATE, SCORED_TRIAGE_SETS } from "../kit/triage-set.js";

const LAUNCHER = join(PACKAGE_ROOT, "bin/vitabot.js");
const ANSWER_KEYS = ["question", "kind", "nutrients", "title", "text", "sources"];

function vitabot(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}) {
  return spawnSync(process.execPath, [LAUNCHER, ...args], {
    input: options.input,
    env: { ...process.env, LOG_LEVEL: "info", ...options.env },
    encoding: "utf8",
    timeout: 30_000,
  });
}

describe("vitabot ask --json (the answer contract)", () => {
  it("prints one JSON object for a one-shot question and exits 0", () => {
    const run = vitabot(["ask", "can low b12 cause muscle weakness", "--json"]);
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const answer = JSON.parse(lines[0] ?? "");
    for (const key of ANSWER_KEYS) expect(answer).toHaveProperty(key);
    expect(answer).toMatchObject({ question: "can low b12 cause muscle weakness", kind: "answer" });
    expect(answer.nutrients[0]).toBe("vitamin-b12");
    expect(answer.text).toContain("Sources:");
    expect(answer.text).toContain("not medical advice");
    expect(answer.sources[0]).toEqual({
      title: expect.any(String),
      url: expect.stringMatching(/^https:\/\//),
    });
  });

  it("answers each non-blank stdin line in order, one object per line", () => {
    const input =
      "what foods have magnesium\n\n   \nmy face is drooping\nwhat's the weather tomorrow\nwhat about vitamin k\n";
    const run = vitabot(["ask", "--json"], { input });
    expect(run.status).toBe(0);
    const answers = run.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(answers.map((a) => [a.question, a.kind])).toEqual([
      ["what foods have magnesium", "answer"],
      ["my face is drooping", "urgent"],
      ["what's the weather tomorrow", "out_of_scope"],
      ["what about vitamin k", "unknown"],
    ]);
    expect(answers.filter((a) => a.kind !== "answer").every((a) => a.nutrients.length === 0)).toBe(true);
  });

  it("writes each answer as soon as its line arrives (streaming, not at end of input)", async () => {
    const child = spawn(process.execPath, [LAUNCHER, "ask", "--json"], { stdio: ["pipe", "pipe", "pipe"] });
    const firstLine = new Promise<string>((resolve) => {
      let buffer = "";
      child.stdout.on("data", (chunk: Buffer) => {
        buffer += chunk.toString();
        if (buffer.includes("\n")) resolve(buffer.split("\n")[0] ?? "");
      });
    });
    child.stdin.write("foods with vitamin d\n");
    const line = await firstLine;
    expect(JSON.parse(line).nutrients[0]).toBe("vitamin-d");
    child.stdin.end();
    const code = await new Promise((resolve) => child.on("close", resolve));
    expect(code).toBe(0);
  });

  it("keeps stdout for answers only: logs go to stderr", () => {
    const run = vitabot(["ask", "--json"], { input: "b12?\n", env: { LOG_LEVEL: "debug" } });
    for (const line of run.stdout.trim().split("\n")) expect(() => JSON.parse(line)).not.toThrow();
  });
});

describe("the blind triage sets through vitabot ask --json (one-line items)", () => {
  it.each(SCORED_TRIAGE_SETS)(
    "set $set: the targets through the CLI, with urgency and flag on urgent answers only",
    ({ set, recall }) => {
      const items = loadTriageSet(set).filter((item) => !item.text.trim().includes("\n"));
      const run = vitabot(["ask", "--json"], {
        input: `${items.map((item) => item.text.trim()).join("\n")}\n`,
      });
      expect(run.status).toBe(0);
      const answers = run.stdout
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line));
      expect(answers).toHaveLength(items.length);
      const missed = items.filter((item, i) => item.expect === "urgent" && answers[i].kind !== "urgent");
      const flagged = items.filter((item, i) => item.expect === "none" && answers[i].kind === "urgent");
      expect(1 - missed.length / items.filter((i) => i.expect === "urgent").length).toBeGreaterThanOrEqual(
        recall,
      );
      expect(flagged.length / items.filter((i) => i.expect === "none").length).toBeLessThanOrEqual(
        MAX_FALSE_ALARM_RATE,
      );
      for (const answer of answers) {
        if (answer.kind === "urgent") {
          expect(answer.id).toBe(`urgent:${answer.flag.id}`);
          expect(["emergency", "same_day"]).toContain(answer.urgency);
        } else {
          expect(answer).not.toHaveProperty("urgency");
          expect(answer).not.toHaveProperty("flag");
        }
      }
    },
  );
});

describe("vitabot triage", () => {
  it("prints the decision, and with --explain the concepts, modifiers and rule", () => {
    const plain = vitabot(["triage", "my calf is swollen, hot and really painful"]);
    expect(plain.status).toBe(0);
    expect(plain.stdout.trim()).toBe(
      "urgent, same_day: dvt (Possible blood clot (DVT or pulmonary embolism))",
    );
    const explained = vitabot(["triage", "what are the signs of a stroke?", "--explain"]);
    expect(explained.status).toBe(0);
    expect(explained.stdout).toMatch(/stroke-words\s+"stroke"\s+cleared: a general or hypothetical question/);
    expect(explained.stdout).toContain("Decision: not urgent");
  });

  it("prints JSON with --json, and usage (exit 2) without a message", () => {
    const json = JSON.parse(vitabot(["triage", "--json", "I think I'm having a heart attack"]).stdout);
    expect(json).toMatchObject({ urgent: true, urgency: "emergency", flag: { id: "chest-pain" } });
    const usage = vitabot(["triage"]);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("Usage: vitabot triage");
  });
});

describe("vitabot content check", () => {
  const broken = copyContent();
  afterAll(() => rmSync(broken, { recursive: true, force: true }));

  it("passes on the bundled content", () => {
    const run = vitabot(["content", "check"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^content OK: 6 nutrients, \d+ FAQ entries, \d+ tips/);
  });

  it("exits non-zero and lists every problem for broken content", () => {
    editFile(broken, "nutrients/calcium.yaml", (t) => t.replace(/^name:.*$/m, "name: 42"));
    editFile(broken, "tips/food.yaml", (t) => t.replace(/source: [a-z0-9-]+/, "source: Not A Slug"));
    editFile(broken, "safety/categories.yaml", (t) => t.replace("all: [face-droop]", "all: [face-drop]"));
    const run = vitabot(["content", "check"], { env: { CONTENT_DIR: broken } });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("nutrients/calcium.yaml: name:");
    expect(run.stderr).toContain("tips/food.yaml: [0].source:");
    expect(run.stderr).toMatch(
      /safety\/categories\.yaml: \[\d+\]\.rules\[\d+\]\.all\[0\]: unknown concept "face-drop"/,
    );
  });

  it("refuses to answer (and so to start) on broken content", () => {
    const run = vitabot(["ask", "b12?"], { env: { CONTENT_DIR: broken } });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^vitabot cannot start: content has \d+ problem/);
    expect(run.stdout).toBe("");
  });
});

describe("the launcher", () => {
  it("prints usage for --help and exits 0", () => {
    const run = vitabot(["--help"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("vitabot ask");
  });

  it("reports a bad environment variable clearly", () => {
    const run = vitabot(["ask", "b12?"], { env: { LOG_LEVEL: "loud" } });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("LOG_LEVEL: must be one of");
  });
});
