/**
 * Every `vitabot …` subcommand with a database it cannot use, run as a real child process:
 * the ones that open the database print one line that says what to fix (no stack trace)
 * and exit non-zero; the ones that need no database still work, and do not create it.
 * Permissions mean nothing to root, so when the tests run as root the child runs as
 * `nobody` (uid 65534), for whom a read-only file or folder really is read-only.
 */
import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "../../src/paths.js";

const LAUNCHER = join(PACKAGE_ROOT, "bin/vitabot.js");
const NOBODY = 65_534;
const asRoot = process.getuid?.() === 0;

const work = mkdtempSync(join(tmpdir(), "vitabot-dberr-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the launcher as a child process; resolves when it exits. */
function vitabot(args: readonly string[], databaseUrl: string): Promise<Run> {
  const child = spawn(process.execPath, [LAUNCHER, ...args], {
    cwd: work,
    env: { ...process.env, LOG_LEVEL: "info", DATABASE_URL: databaseUrl, HOME: work },
    timeout: 240_000,
    ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}),
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
  child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
  child.stdin.end("vitamin d\n");
  return new Promise((resolve) =>
    child.on("close", (status) =>
      resolve({ status, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() }),
    ),
  );
}

/** A port nothing listens on: bound once by us, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

const BAD = [
  "a folder",
  "a read-only file",
  "a missing folder inside a read-only one",
  "a folder that is a file",
  "a PostgreSQL server that is down",
] as const;
type Bad = (typeof BAD)[number];

/** The subcommands that open the database, each tried with every bad DATABASE_URL. */
const DATABASE_COMMANDS = [
  ["a one-shot chat command that reads the database", ["tip"]],
  ["start (the console chat)", ["start"]],
] as const;

/** The subcommands that need no database. */
const OTHER_COMMANDS = [
  ["a one-shot chat command that needs no database", ["vitamin", "d"]],
  ["a one-shot help", ["help"]],
  ["ask", ["ask", "foods with magnesium"]],
  ["triage", ["triage", "my calf is swollen and hot"]],
  ["content check", ["content", "check"]],
  ["tips plan", ["tips", "plan", "--time", "09:00", "--zone", "Europe/Berlin", "--count", "2"]],
  ["slack manifest", ["slack", "manifest", "--out", join(work, "out", "manifest.json")]],
] as const;

const runs = new Map<string, Run>();
/** A database file in a folder that does not exist: a command that needs no database creates neither. */
const unused = join(work, "unused", "vitabot.db");
const key = (args: readonly string[], what: string) => `${args.join(" ")} @ ${what}`;

// The children are slow to start (tsx compiles the sources): start them all at once.
beforeAll(async () => {
  chmodSync(work, 0o755); // the child may run as nobody: it must reach the folder
  mkdirSync(join(work, "a-folder"));
  writeFileSync(join(work, "read-only.db"), "");
  chmodSync(join(work, "read-only.db"), 0o444);
  mkdirSync(join(work, "locked"));
  chmodSync(join(work, "locked"), 0o555);
  writeFileSync(join(work, "plain-file"), "");
  mkdirSync(join(work, "out"));
  chmodSync(join(work, "out"), 0o777);
  const urls: Record<Bad, string> = {
    "a folder": `file:${join(work, "a-folder")}`,
    "a read-only file": `file:${join(work, "read-only.db")}`,
    "a missing folder inside a read-only one": `file:${join(work, "locked", "missing", "x.db")}`,
    "a folder that is a file": `file:${join(work, "plain-file", "x.db")}`,
    "a PostgreSQL server that is down": `postgres://vitabot:secret-pw@127.0.0.1:${await closedPort()}/vitabot`,
  };
  const jobs: (readonly [string, readonly string[], string])[] = [
    ...BAD.flatMap((what) =>
      DATABASE_COMMANDS.map(([, args]) => [key(args, what), args, urls[what]] as const),
    ),
    ...OTHER_COMMANDS.map(([, args]) => [key(args, "a folder"), args, urls["a folder"]] as const),
    [key(["discord", "deploy"], "a folder"), ["discord", "deploy"], urls["a folder"]],
    [key(["vitamin", "d"], "mysql"), ["vitamin", "d"], "mysql://root@127.0.0.1/vitabot"],
    ...OTHER_COMMANDS.map(([, args]) => [key(args, "unused"), args, `file:${unused}`] as const),
  ];
  // A few at a time: the machine may have two cores, and each child compiles the sources.
  const queue = [...jobs];
  const worker = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) runs.set(job[0], await vitabot(job[1], job[2]));
  };
  await Promise.all([worker(), worker(), worker()]);
}, 600_000);

function result(args: readonly string[], what: string): Run {
  const run = runs.get(key(args, what));
  if (!run) throw new Error(`no run for ${key(args, what)}`);
  return run;
}

describe.each(BAD)("DATABASE_URL pointing at %s", (what) => {
  it.each(DATABASE_COMMANDS)("%s prints one line with the fix, no stack, and exits non-zero", (_, args) => {
    const run = result(args, what);
    expect(run.status, run.stderr).not.toBe(0);
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines, run.stderr).toHaveLength(1);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stderr).not.toContain("secret-pw");
    expect(lines[0]).toMatch(/^vitabot cannot use its database: .+ \(.+\)$/);
  });
});

describe("the subcommands that need no database work whatever DATABASE_URL says", () => {
  it.each(OTHER_COMMANDS)("%s", (_, args) => {
    const run = result(args, "a folder");
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });

  it.each(OTHER_COMMANDS)("%s does not open the database: no file or folder is created", (_, args) => {
    const run = result(args, "unused");
    expect(run.status, run.stderr).toBe(0);
    expect(existsSync(dirname(unused)), `${args.join(" ")} created ${dirname(unused)}`).toBe(false);
  });

  it("the one-shot chat command answers as it would with a database", () => {
    const run = result(["vitamin", "d"], "a folder");
    expect(run.stdout).toContain("Vitamin D");
    expect(run.stdout).toMatch(/IU/);
  });

  it("discord deploy without a token still says what is missing in one line", () => {
    const run = result(["discord", "deploy"], "a folder");
    expect(run.status).toBe(1);
    expect(run.stderr.trimEnd().split("\n")).toEqual([expect.stringContaining("DISCORD_TOKEN is required")]);
  });
});

describe("a DATABASE_URL that is not a database URL", () => {
  it("is refused by the configuration in one line", () => {
    const run = result(["vitamin", "d"], "mysql");
    expect(run.status).toBe(1);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stderr).toContain("DATABASE_URL: must be file:PATH");
  });
});
