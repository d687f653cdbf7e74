/**
 * `npm run bench startup`: how long the CLI takes, as whole processes, with the Node.js
 * that runs the bench. Each round runs every case once, in turn, so a busy machine slows
 * them alike; the table gives each case's median and its ratio to bare `node -e 0` and to
 * the same command through tsx (`VITABOT_SOURCE=1`, the launcher's path for changed
 * sources: `tsx/esm/api` registered, then src/cli/main.ts). Those ratios hold up under load
 * better than the times do. `vitabot …` runs compiled dist/ when it is current (run
 * `npm run build` first; `npm ci` does). npx is timed apart: npm adds its own start-up.
 * Peak RSS is the node process's own (process.resourceUsage().maxRSS as it exits).
 * STARTUP_RUNS sets the rounds (default 9). Nothing leaves 127.0.0.1: no platform is
 * configured and the database is a SQLite file in a temporary folder.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PACKAGE_ROOT } from "../src/paths.js";
import { fmt, median, printTable } from "./stats.js";

const LAUNCHER = join(PACKAGE_ROOT, "bin/vitabot.js");
const QUESTION = "b12 and weak legs";
/** Prints the node process's peak RSS (KiB) on stderr as it exits. */
const PEAK_RSS = `data:text/javascript,process.on("exit",()=>process.stderr.write("peak-rss-kib="+process.resourceUsage().maxRSS+"\\n"))`;

interface Case {
  name: string;
  command: string;
  args: string[];
  /** Written to stdin; the time is taken at the first byte of stdout, then stdin ends. */
  input?: string;
  tsx?: boolean;
  /** The issue's targets: seconds, and times bare node. */
  target?: { seconds: number; bare?: number };
}

interface Sample {
  ms: number;
  stderr: string;
  code: number | null;
}

function runOnce(c: Case, env: NodeJS.ProcessEnv, extraNodeArgs: string[] = []): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const args = c.command === process.execPath ? [...extraNodeArgs, ...c.args] : c.args;
    const child = spawn(c.command, args, {
      cwd: PACKAGE_ROOT,
      env: { ...env, ...(c.tsx ? { VITABOT_SOURCE: "1" } : {}) },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let firstOutput: number | undefined;
    let stderr = "";
    child.stdout.on("data", () => {
      if (firstOutput !== undefined) return;
      firstOutput = performance.now() - started;
      if (c.input !== undefined) child.stdin.end();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const whole = performance.now() - started;
      resolve({ ms: c.input !== undefined ? (firstOutput ?? whole) : whole, stderr, code });
    });
    if (c.input !== undefined) child.stdin.write(c.input);
    else child.stdin.end();
  });
}

/** Whether dist/ is the build of the sources as they are (what the launcher checks). */
function buildIsCurrent(): boolean {
  const stamp = join(PACKAGE_ROOT, "dist/.build-stamp");
  if (!existsSync(stamp)) return false;
  const built = statSync(stamp).mtimeMs;
  return ["src", "commands"].every((dir) =>
    readdirSync(join(PACKAGE_ROOT, dir), { recursive: true, withFileTypes: true }).every(
      (entry) => !entry.isFile() || statSync(join(entry.parentPath, entry.name)).mtimeMs <= built,
    ),
  );
}

export async function benchStartup(): Promise<void> {
  const rounds = Number(process.env.STARTUP_RUNS ?? 9);
  const work = mkdtempSync(join(tmpdir(), "vitabot-startup-"));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATABASE_URL: `file:${join(work, "vitabot.db")}`,
    LOG_LEVEL: "warn",
  };
  const node = process.execPath;
  const vitabot = (args: string[]) => [LAUNCHER, ...args];
  const ask = vitabot(["ask", QUESTION, "--json"]);
  const vitaminD = vitabot(["vitamin", "d"]);
  const cases: Case[] = [
    { name: "node -e 0", command: node, args: ["-e", "0"] },
    { name: `vitabot ask "${QUESTION}" --json`, command: node, args: ask, target: { seconds: 0.6, bare: 6 } },
    { name: "  through tsx", command: node, args: ask, tsx: true },
    { name: "vitabot vitamin d", command: node, args: vitaminD, target: { seconds: 0.6, bare: 6 } },
    { name: "  through tsx", command: node, args: vitaminD, tsx: true },
    {
      name: "npm start, to the first reply to /tip",
      command: "npm",
      args: ["start", "--silent"],
      input: "/tip\n",
      target: { seconds: 1.2 },
    },
    { name: "  through tsx", command: "npm", args: ["start", "--silent"], input: "/tip\n", tsx: true },
    {
      name: `npx vitabot ask "${QUESTION}" --json`,
      command: "npx",
      args: ["vitabot", "ask", QUESTION, "--json"],
    },
  ];
  try {
    const current = buildIsCurrent();
    console.log(
      `\nstartup: ${rounds} rounds on Node.js ${process.version}; dist/ ${current ? "is current: vitabot runs it" : "is missing or older than src/: vitabot runs tsx (npm run build)"}`,
    );
    // One round first, not counted: it creates the database and fills the compile cache.
    for (const c of cases) {
      const first = await runOnce(c, env);
      if (first.code !== 0) throw new Error(`${c.name} failed (${first.code}): ${first.stderr}`);
    }
    const samples = new Map<Case, number[]>(cases.map((c) => [c, []]));
    for (let round = 0; round < rounds; round++)
      for (const c of cases) samples.get(c)?.push((await runOnce(c, env)).ms);
    const medians = new Map(cases.map((c) => [c, median(samples.get(c) ?? [])]));
    const bare = medians.get(cases[0] as Case) ?? Number.NaN;
    const rows = cases.map((c, i) => {
      const ms = medians.get(c) ?? Number.NaN;
      const tsx = cases[i + 1]?.tsx ? (medians.get(cases[i + 1] as Case) ?? Number.NaN) : Number.NaN;
      const target = c.target
        ? `≤ ${c.target.seconds} s${c.target.bare ? `, ≤ ${c.target.bare}x node` : ""}`
        : "";
      return [
        c.name,
        fmt(ms / 1000),
        `${fmt(ms / bare, 1)}x`,
        Number.isNaN(tsx) ? "" : fmt(ms / tsx),
        target,
      ];
    });
    printTable(
      "CLI start-up (median of whole-process runs)",
      ["command", "median s", "vs node -e 0", "vs tsx", "target"],
      rows,
    );
    const rss: string[][] = [];
    for (const c of cases.filter((x) => x.target?.bare)) {
      for (const tsx of [false, true]) {
        const run = await runOnce({ ...c, tsx }, env, ["--import", PEAK_RSS]);
        const kib = Number(/peak-rss-kib=(\d+)/.exec(run.stderr)?.[1]);
        rss.push([`${c.name}${tsx ? " (tsx)" : ""}`, fmt(kib / 1024, 0), tsx ? "" : "≤ 90"]);
      }
    }
    printTable("Peak RSS of the node process, one-shot", ["command", "MiB", "target"], rss);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
