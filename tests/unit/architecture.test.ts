/**
 * The folder import rule of ARCHITECTURE.md ("Which folder may import which"), checked on
 * every import in src/ and commands/. The imports are read with the TypeScript compiler's
 * own pre-processor (static, type-only, dynamic `import()` and `require` alike), never with
 * regexes. Which files each row holds comes from the first column of ARCHITECTURE.md's
 * table; which rows a row may import is written below and must match what its second
 * column says, so the document and this test cannot drift apart. There are no exceptions:
 * any import the rule does not allow fails, and so does any loop between two sub-folders
 * of src/core/.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "../../src/paths.js";

/** A row of the rule, by its name, and the names of the rows it may import (besides itself). */
const RULE: Record<string, readonly string[]> = {
  leaves: [],
  core: ["leaves"],
  configuration: ["core", "leaves"],
  storage: ["core", "configuration", "leaves"],
  challenges: ["core", "storage", "leaves"],
  scheduler: ["core", "storage", "leaves"],
  commands: ["core", "challenges", "storage", "leaves"],
  ops: ["core", "configuration", "storage", "scheduler", "leaves"],
  adapters: ["core", "configuration", "storage", "ops", "leaves"],
  roots: ["*"],
};

/** How the second column of ARCHITECTURE.md's table names each row it allows. */
const NAMED_AS: Record<string, RegExp> = {
  leaves: /\bthe leaves\b/,
  core: /(^|[\s,])core\b/,
  configuration: /\bconfiguration\b/,
  storage: /(^|[\s,])storage\b/,
  challenges: /`src\/challenges\/`/,
  scheduler: /`src\/scheduler\/`/,
  ops: /`src\/ops\/`/,
};

/** A row is recognised in the document by the first path of its first column. */
const FIRST_PATH: Record<string, string> = {
  "src/errors.ts": "leaves",
  "src/core/": "core",
  "src/config.ts": "configuration",
  "src/storage/": "storage",
  "src/challenges/": "challenges",
  "src/scheduler/": "scheduler",
  "commands/": "commands",
  "src/ops/": "ops",
  "src/adapters/": "adapters",
  "src/app.ts": "roots",
};

/** Packages `src/core/` never imports: platform SDKs and database drivers. */
const SDKS_AND_DRIVERS = [/^discord\.js$/, /^@discordjs\//, /^@slack\//, /^better-sqlite3$/, /^pg$/];

const ARCHITECTURE = readFileSync(join(PACKAGE_ROOT, "ARCHITECTURE.md"), "utf8");

interface Row {
  name: string;
  members: string[];
  allows: string;
}

/** The rows of the "Which folder may import which" table. */
function ruleRows(markdown: string): Row[] {
  const section = markdown.split(/^## Which folder may import which$/m)[1]?.split(/^#{2,3} /m)[0] ?? "";
  return section
    .split("\n")
    .filter((line) => line.startsWith("|") && !/^\|\s*(folder|-)/.test(line))
    .map((line) => {
      const [first = "", second = ""] = line.split("|").slice(1);
      const members = [...first.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? "");
      const name = FIRST_PATH[members[0] ?? ""];
      if (!name) throw new Error(`ARCHITECTURE.md: a rule row this test does not know: ${line}`);
      return { name, members, allows: second.trim() };
    });
}

const ROWS = ruleRows(ARCHITECTURE);

/** The row a file belongs to: the row naming the longest path that contains it. */
function rowOf(file: string): string | undefined {
  let best: { name: string; length: number } | undefined;
  for (const row of ROWS)
    for (const member of row.members) {
      const inside = member.endsWith("/") ? file.startsWith(member) : file === member;
      if (inside && member.length > (best?.length ?? -1)) best = { name: row.name, length: member.length };
    }
  return best?.name;
}

/** `src/adapters/slack` for a file in a platform folder, undefined elsewhere. */
function platformFolder(file: string): string | undefined {
  const match = /^src\/adapters\/([^/]+)\//.exec(file);
  return match ? `src/adapters/${match[1]}` : undefined;
}

/** Why an import breaks the rule, or undefined when it keeps it. */
function breach(from: string, to: string): string | undefined {
  const fromRow = rowOf(from);
  const toRow = rowOf(to);
  if (!fromRow) return `${from} is in no row of the rule`;
  if (!toRow) return `${to} is in no row of the rule`;
  if (fromRow === "adapters" && toRow === "adapters") {
    const own = platformFolder(from);
    const theirs = platformFolder(to);
    if (own === theirs || (own && to === "src/adapters/chat-adapter.ts")) return undefined;
    return `${own ?? "src/adapters/"} may not import another platform's folder`;
  }
  if (fromRow === toRow) return undefined;
  const allowed = RULE[fromRow] ?? [];
  if (allowed.includes("*") || allowed.includes(toRow)) return undefined;
  return `${fromRow} may not import ${toRow}`;
}

const SOURCE = /\.(ts|mts|mjs|js)$/;

function filesUnder(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (SOURCE.test(name) && !name.endsWith(".d.ts")) out.push(relative(PACKAGE_ROOT, path));
    }
  };
  walk(join(PACKAGE_ROOT, folder));
  return out.sort();
}

/** Every module specifier a file imports, as the TypeScript compiler reads them. */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(join(PACKAGE_ROOT, file), "utf8"), true, true);
  return info.importedFiles.map((ref) => ref.fileName);
}

/** A relative specifier as a file of the checkout (`./x.js` is `./x.ts` under NodeNext). */
function resolveRelative(from: string, specifier: string): string {
  const base = resolve(PACKAGE_ROOT, dirname(from), specifier);
  const candidates = [base, base.replace(/\.js$/, ".ts"), `${base}.ts`, join(base, "index.ts")];
  const found = candidates.find((path) => existsSync(path) && statSync(path).isFile()) ?? base;
  return relative(PACKAGE_ROOT, found);
}

interface Import {
  from: string;
  specifier: string;
  to?: string;
}

function allImports(files: readonly string[]): Import[] {
  return files.flatMap((from) =>
    importsOf(from).map((specifier) =>
      specifier.startsWith(".")
        ? { from, specifier, to: resolveRelative(from, specifier) }
        : { from, specifier },
    ),
  );
}

/** `importer -> imported: why` for every import that breaks the rule. */
function breaches(imports: readonly Import[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const { from, specifier, to } of imports) {
    if (to === undefined) {
      if (rowOf(from) === "core" && SDKS_AND_DRIVERS.some((sdk) => sdk.test(specifier)))
        found.set(`${from} -> ${specifier}`, "src/core/ never imports a platform SDK or a database driver");
      continue;
    }
    const why = breach(from, to);
    if (why) found.set(`${from} -> ${to}`, why);
  }
  return found;
}

const FILES = [...filesUnder("src"), ...filesUnder("commands")];
const FOUND = breaches(allImports(FILES));

describe("the folder import rule (ARCHITECTURE.md)", () => {
  it("reads one row per folder of the rule, each allowing what the test allows", () => {
    expect(ROWS.map((row) => row.name).sort()).toEqual(Object.keys(RULE).sort());
    for (const row of ROWS) {
      const named = Object.keys(NAMED_AS).filter((name) => NAMED_AS[name]?.test(row.allows));
      const expected = RULE[row.name]?.includes("*") ? [] : [...(RULE[row.name] ?? [])];
      expect({ row: row.name, allows: named.sort() }).toEqual({ row: row.name, allows: expected.sort() });
    }
    expect(ROWS.find((row) => row.name === "leaves")?.allows).toBe("each other only");
    expect(ROWS.find((row) => row.name === "roots")?.allows).toBe("anything");
  });

  it("puts every file of src/ and commands/ in a row", () => {
    expect(FILES.length).toBeGreaterThan(100);
    expect(FILES.filter((file) => rowOf(file) === undefined)).toEqual([]);
  });

  it("has no import that breaks the rule", () => {
    expect([...FOUND].map(([key, why]) => `${key} (${why})`)).toEqual([]);
  });

  it("catches a wrong import: core importing the scheduler, a platform another's folder, core an SDK", () => {
    const wrong = breaches([
      {
        from: "src/core/commands/dispatch.ts",
        specifier: "../../scheduler/ticker.js",
        to: "src/scheduler/ticker.ts",
      },
      {
        from: "src/adapters/slack/render.ts",
        specifier: "../discord/render.js",
        to: "src/adapters/discord/render.ts",
      },
      { from: "src/core/reply/reply.ts", specifier: "discord.js" },
      { from: "src/challenges/due.ts", specifier: "../scheduler/ticker.js", to: "src/scheduler/ticker.ts" },
      {
        from: "src/core/commands/context.ts",
        specifier: "../../storage/kysely/storage.js",
        to: "src/storage/kysely/storage.ts",
      },
      {
        from: "src/core/commands/context.ts",
        specifier: "../../challenges/service.js",
        to: "src/challenges/service.ts",
      },
      {
        from: "src/storage/kysely/challenge-checkins.ts",
        specifier: "../../challenges/scoring.js",
        to: "src/challenges/scoring.ts",
      },
    ]);
    expect([...wrong.values()]).toEqual([
      "core may not import scheduler",
      "src/adapters/slack may not import another platform's folder",
      "src/core/ never imports a platform SDK or a database driver",
      "challenges may not import scheduler",
      "core may not import storage",
      "core may not import challenges",
      "storage may not import challenges",
    ]);
    expect(
      breaches([
        { from: "src/ops/ops.ts", specifier: "../scheduler/ticker.js", to: "src/scheduler/ticker.ts" },
      ]).size,
    ).toBe(0);
  });

  it("reads a declaration merged into another module as an import of it", () => {
    // src/challenges/ adds its services to core's BotServices this way, so the rule governs it.
    expect(importsOf("src/challenges/command-services.ts")).toContain("../core/commands/context.js");
  });
});

/** `a <-> b` (in name order) for every two sub-folders of src/core/ that import each other. */
function coreLoops(imports: readonly Import[]): string[] {
  const folder = (file: string) => /^src\/core\/([^/]+)\//.exec(file)?.[1];
  const edges = new Set<string>();
  for (const { from, to } of imports) {
    const [a, b] = [folder(from), to === undefined ? undefined : folder(to)];
    if (a && b && a !== b) edges.add(`${a} -> ${b}`);
  }
  const loops = [...edges]
    .map((edge) => edge.split(" -> ").sort())
    .filter(([a, b]) => edges.has(`${a} -> ${b}`) && edges.has(`${b} -> ${a}`))
    .map(([a, b]) => `${a} <-> ${b}`);
  return [...new Set(loops)].sort();
}

describe("src/core/'s sub-folders", () => {
  it("import each other one way only", () => {
    expect(coreLoops(allImports(FILES))).toEqual([]);
  });

  it("catches a loop", () => {
    expect(
      coreLoops([
        { from: "src/core/answers/engine.ts", specifier: "", to: "src/core/knowledge/knowledge.ts" },
        { from: "src/core/knowledge/knowledge.ts", specifier: "", to: "src/core/answers/engine.ts" },
        { from: "src/core/reply/reply.ts", specifier: "", to: "src/core/text/user-text.ts" },
      ]),
    ).toEqual(["answers <-> knowledge"]);
  });
});
