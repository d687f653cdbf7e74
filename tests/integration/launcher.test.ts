/**
 * bin/vitabot.js in a source checkout: after `npm run build` it runs the compiled dist/,
 * and as soon as a file under src/ or commands/ is newer than the build it runs the
 * sources through tsx, so an edit shows at once. Checked on a copy of the checkout (its
 * node_modules linked), where the two paths are told apart by marking each one's usage text.
 */
import { spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "../../src/paths.js";

let copy = "";
/** Each test starts node a few times, on a machine that may be busy. */
const SLOW = 180_000;

function node(args: string[], env: NodeJS.ProcessEnv = {}, cwd = copy) {
  return spawnSync(process.execPath, args, {
    cwd,
    env: { ...process.env, LOG_LEVEL: "warn", ...env },
    encoding: "utf8",
    timeout: 170_000,
  });
}

const help = (env: NodeJS.ProcessEnv = {}) => node(["bin/vitabot.js", "--help"], env).stdout.split("\n")[0];

/** Replaces `from` with `to` in a file of the copy, keeping nothing else. */
function edit(path: string, from: string, to: string) {
  const file = join(copy, path);
  const text = readFileSync(file, "utf8");
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
}

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), "vitabot-launcher-"));
  for (const path of [
    "package.json",
    "tsconfig.json",
    "tsconfig.build.json",
    "bin",
    "src",
    "commands",
    "content",
  ])
    cpSync(join(PACKAGE_ROOT, path), join(copy, path), { recursive: true });
  cpSync(join(PACKAGE_ROOT, "scripts/build.mjs"), join(copy, "scripts/build.mjs"));
  symlinkSync(join(PACKAGE_ROOT, "node_modules"), join(copy, "node_modules"), "dir");
}, SLOW);

afterAll(() => {
  if (copy !== "") rmSync(copy, { recursive: true, force: true });
});

describe("npm run build", () => {
  it(
    "compiles src/ and commands/ to dist/ and stamps the build",
    () => {
      const build = node(["scripts/build.mjs"]);
      expect(build.status, build.stderr).toBe(0);
      expect(build.stderr).toMatch(/^build: \d+ files compiled to dist\//);
      for (const file of ["dist/src/cli/main.js", "dist/commands/index.js", "dist/.build-stamp"])
        expect(existsSync(join(copy, file)), file).toBe(true);
      expect(existsSync(join(copy, "dist/src/cli/main.js.map"))).toBe(true);
    },
    SLOW,
  );
});

describe("the launcher in a source checkout", () => {
  it(
    "runs dist/ while the build is current",
    () => {
      edit("dist/src/cli/main.js", "Usage:", "Usage (dist):");
      expect(help()).toBe("Usage (dist):");
    },
    SLOW,
  );

  it(
    "runs the sources through tsx when VITABOT_SOURCE=1",
    () => {
      expect(help({ VITABOT_SOURCE: "1" })).toBe("Usage:");
    },
    SLOW,
  );

  it(
    "runs the sources through tsx once a source file is newer than the build",
    () => {
      edit("src/cli/main.ts", "Usage:", "Usage (edited):");
      const later = new Date(statSync(join(copy, "dist/.build-stamp")).mtimeMs + 2000);
      utimesSync(join(copy, "src/cli/main.ts"), later, later);
      expect(help()).toBe("Usage (edited):");
    },
    SLOW,
  );

  it(
    "notices a new file under commands/ too",
    () => {
      const build = node(["scripts/build.mjs"]);
      expect(build.status, build.stderr).toBe(0);
      edit("dist/src/cli/main.js", "Usage (edited):", "Usage (rebuilt):");
      expect(help()).toBe("Usage (rebuilt):");
      const added = join(copy, "commands/new-command.ts");
      writeFileSync(added, "export {};\n");
      const later = new Date(statSync(join(copy, "dist/.build-stamp")).mtimeMs + 2000);
      utimesSync(added, later, later);
      expect(help()).toBe("Usage (edited):");
    },
    SLOW,
  );
});

describe("the content snapshot of the build", () => {
  const ask = (env: NodeJS.ProcessEnv = {}) => {
    const run = node(["bin/vitabot.js", "ask", "b12 and weak legs", "--json"], env);
    expect(run.status, run.stderr).toBe(0);
    return JSON.parse(run.stdout) as { title: string; text: string };
  };

  it(
    "is written by the build, and the compiled CLI answers from it exactly as the sources do",
    () => {
      const build = node(["scripts/build.mjs"]);
      expect(build.status, build.stderr).toBe(0);
      expect(existsSync(join(copy, "dist/.content-snapshot"))).toBe(true);
      expect(ask()).toEqual(ask({ VITABOT_SOURCE: "1" }));
    },
    SLOW,
  );

  it(
    "is what the compiled CLI reads while content/ is unchanged, and is ignored once a content file changes",
    () => {
      const { title } = ask();
      // Marked in the snapshot only: the compiled CLI shows the mark, so it read the snapshot.
      edit("dist/.content-snapshot", JSON.stringify(title), JSON.stringify(`${title} (snapshot)`));
      expect(ask().title).toBe(`${title} (snapshot)`);
      // Any change to a content file, here a comment: the files are read and validated again.
      const file = join(copy, "content/safety.yaml");
      writeFileSync(file, `${readFileSync(file, "utf8")}\n# edited after the build\n`);
      expect(ask()).toEqual(ask({ VITABOT_SOURCE: "1" }));
      expect(ask().title).toBe(title);
    },
    SLOW,
  );
});

describe("the build's own copies of kysely and zod", () => {
  const HOOKS = join(PACKAGE_ROOT, "tests/fixtures/processes/record-imports.mjs");
  const REGISTER = `data:text/javascript,import{register}from"node:module";register(${JSON.stringify(pathToFileURL(HOOKS).href)})`;
  /** The URLs of the modules a run of the launcher loaded, and the run. */
  const loaded = (name: string, args: string[], input = "", env: NodeJS.ProcessEnv = {}) => {
    const record = join(copy, `${name}.imports`);
    const run = spawnSync(process.execPath, ["--import", REGISTER, "bin/vitabot.js", ...args], {
      cwd: copy,
      input,
      env: {
        ...process.env,
        LOG_LEVEL: "warn",
        RECORD_IMPORTS: record,
        DATABASE_URL: `file:${join(copy, "data", `${name}.db`)}`,
        SLACK_BOT_TOKEN: "",
        DISCORD_TOKEN: "",
        ...env,
      },
      encoding: "utf8",
      timeout: 170_000,
    });
    expect(run.status, run.stderr).toBe(0);
    return { urls: readFileSync(record, "utf8").split("\n").filter(Boolean), run };
  };
  const fromPackage = (urls: string[], name: string) =>
    urls.filter((url) => url.includes(`/node_modules/${name}/`));

  it(
    "are bundled into dist/vendor/, where the compiled one-shot and console load them from (one file each, not hundreds)",
    () => {
      const build = node(["scripts/build.mjs"]);
      expect(build.status, build.stderr).toBe(0);
      const ask = loaded("ask", ["ask", "b12 and weak legs", "--json"]);
      expect(fromPackage(ask.urls, "zod")).toEqual([]);
      expect(ask.urls.some((url) => url.endsWith("/dist/vendor/zod.js"))).toBe(true);
      const chat = loaded("start", ["start"], "/tip\n");
      expect(chat.run.stdout).toContain("tip");
      expect(fromPackage(chat.urls, "kysely")).toEqual([]);
      expect(fromPackage(chat.urls, "zod")).toEqual([]);
      expect(chat.urls.some((url) => url.endsWith("/dist/vendor/kysely.js"))).toBe(true);
      expect(chat.urls.some((url) => url.endsWith("/dist/vendor/kysely-migration.js"))).toBe(true);
    },
    SLOW,
  );

  it(
    "the compiled console chat answers from the content snapshot without loading the YAML parser or the content schemas",
    () => {
      const build = node(["scripts/build.mjs"]);
      expect(build.status, build.stderr).toBe(0);
      const chat = loaded("chat", ["start"], "/tip\n");
      expect(chat.run.stdout).toContain("tip");
      expect(fromPackage(chat.urls, "js-yaml")).toEqual([]);
      expect(
        chat.urls.filter((url) => /\/dist\/src\/core\/content\/(schema|load-content)\.js$/.test(url)),
      ).toEqual([]);
    },
    SLOW,
  );

  it(
    "zod's copy leaves out every locale but the English messages it uses, which read as zod's own",
    () => {
      const vendored = `${pathToFileURL(join(copy, "dist/vendor/zod.js")).href}`;
      const script = `
        const ours = (await import(${JSON.stringify(vendored)})).z;
        const theirs = (await import("zod")).z;
        const messages = (z) => [
          z.string().safeParse(1), z.number().int().safeParse(1.5), z.enum(["a", "b"]).safeParse("c"),
          z.url().safeParse("nope"), z.object({ a: z.string() }).strict().safeParse({ a: "x", b: 1 }),
          z.coerce.number().min(1).safeParse("0"), z.string().regex(/^x$/).safeParse("y"),
        ].map((r) => r.error.issues[0].message);
        console.log(JSON.stringify({ locales: Object.keys(ours.locales), ours: messages(ours), theirs: messages(theirs) }));`;
      const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
        cwd: copy,
        encoding: "utf8",
        timeout: 170_000,
      });
      expect(run.status, run.stderr).toBe(0);
      const { locales, ours, theirs } = JSON.parse(run.stdout) as Record<string, string[]>;
      expect(locales).toEqual([]);
      expect(ours).toEqual(theirs);
      expect(ours?.[0]).toMatch(/expected string, received number/);
    },
    SLOW,
  );

  it(
    "a configuration problem reads the same from the compiled CLI as from the sources",
    () => {
      const bad = { PORT: "abc", LOG_LEVEL: "loud", SLACK_API_URL: "ftp://x", COOLDOWN_SECONDS: "-1" };
      const compiled = node(["bin/vitabot.js", "ask", "b12", "--json"], bad);
      const source = node(["bin/vitabot.js", "ask", "b12", "--json"], { ...bad, VITABOT_SOURCE: "1" });
      expect(compiled.status).toBe(1);
      expect(compiled.stderr).toContain("PORT: must be a port number");
      expect(compiled.stderr).toBe(source.stderr);
    },
    SLOW,
  );
});

describe("the prepare script (npm ci)", () => {
  it(
    "does nothing where scripts/ is absent, as in the image's builder before src/ is copied",
    () => {
      const bare = mkdtempSync(join(tmpdir(), "vitabot-prepare-"));
      try {
        cpSync(join(PACKAGE_ROOT, "package.json"), join(bare, "package.json"));
        const prepare = spawnSync("npm", ["run", "prepare", "--silent"], { cwd: bare, encoding: "utf8" });
        expect(prepare.status, prepare.stderr).toBe(0);
        expect(existsSync(join(bare, "dist"))).toBe(false);
      } finally {
        rmSync(bare, { recursive: true, force: true });
      }
    },
    SLOW,
  );
});
