#!/usr/bin/env node
// `npm run build` (and `npm ci`, through the `prepare` script): compiles src/ and commands/
// to dist/ so bin/vitabot.js runs plain JavaScript instead of compiling TypeScript through
// tsx on every start. Each file is transpiled on its own with TypeScript's transpileModule
// and the options of tsconfig.build.json (the code is written for isolatedModules, so this
// emits what `tsc -p tsconfig.build.json` emits, in a few seconds instead of a full type
// check; `npm test` type-checks). The image's builder still runs tsc itself.
//
// kysely (257 modules) and zod (95, 64 of them locales) are bundled with esbuild into
// dist/vendor/, one file each, and the compiled code imports them from there: loading a
// few big files is much quicker than hundreds of small ones, and zod's copy leaves out the
// locales vitabot never uses (its messages are zod's English ones, which stay).
// Then it writes dist/.content-snapshot: content/ loaded, validated and its triage terms
// compiled, which the CLI reads instead of the YAML while both still match.
// Last, it writes dist/.build-stamp, dated when the build began: the launcher runs dist/
// only while no file under src/ or commands/ is newer than that, so an edit to the
// sources is picked up at once (through tsx) until the next build.
//
// A build that cannot run (no src/ or no typescript, as in a production install) says so
// and exits 0: the launcher falls back to tsx, or dist/ is built another way.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const STAMP = ".build-stamp";

/** The packages dist/ takes from dist/vendor/, and each one's file there. */
const VENDORED = { kysely: "kysely", "kysely/migration": "kysely-migration", zod: "zod" };

/**
 * zod's entry points all re-export every locale (`z.locales`); vitabot uses none of them.
 * Its English messages come from `locales/en.js`, which zod imports on its own and stays.
 */
const withoutZodLocales = {
  name: "without-zod-locales",
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]/.test(args.importer) ? { path: "zod-locales", namespace: "empty" } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "export {};", loader: "js" }));
  },
};

/**
 * Bundles the VENDORED packages into `next`/vendor/ (shared code in chunks, so kysely and
 * kysely/migration share their classes); returns a function that points a compiled file's
 * imports of them there. Without esbuild (a production install) dist/ imports them from
 * node_modules as before.
 */
async function vendor(next) {
  let esbuild;
  try {
    esbuild = await import("esbuild");
  } catch {
    process.stderr.write("build: esbuild is not installed; dist/ imports kysely and zod from node_modules\n");
    return (_file, code) => code;
  }
  const outdir = join(next, "vendor");
  await esbuild.build({
    entryPoints: Object.entries(VENDORED).map(([pkg, out]) => ({ in: pkg, out })),
    absWorkingDir: root,
    outdir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node22",
    chunkNames: "chunk-[hash]",
    legalComments: "none",
    plugins: [withoutZodLocales],
    logLevel: "warning",
  });
  const specifiers = Object.keys(VENDORED)
    .map((pkg) => pkg.replace("/", "\\/"))
    .join("|");
  const importOf = new RegExp(`(\\bfrom\\s*|\\bimport\\s*\\(\\s*)"(${specifiers})"`, "g");
  return (file, code) =>
    code.replace(importOf, (_match, before, pkg) => {
      const to = relative(dirname(file), join(outdir, `${VENDORED[pkg]}.js`)).replaceAll("\\", "/");
      return `${before}"${to.startsWith(".") ? to : `./${to}`}"`;
    });
}

function skip(why) {
  process.stderr.write(`build: skipped, ${why}; bin/vitabot.js runs the sources through tsx\n`);
}

/**
 * Writes `.content-snapshot` into the new build (see src/core/knowledge/content-snapshot.ts):
 * content/ loaded and validated by the code just compiled, its triage terms compiled, so
 * the CLI reads one file at start. Content that does not load gets no snapshot (the CLI
 * then reports the problems as it always has); the build itself still succeeds.
 */
async function writeSnapshot(next) {
  const contentDir = join(root, "content");
  if (!existsSync(contentDir)) return;
  const from = (path) => import(pathToFileURL(join(next, path)).href);
  try {
    const { loadContent } = await from("src/core/content/load-content.js");
    const { writeContentSnapshot } = await from("src/core/knowledge/content-snapshot.js");
    writeContentSnapshot(loadContent(contentDir), contentDir);
  } catch (error) {
    const why = error instanceof Error ? error.message.split("\n")[0] : String(error);
    process.stderr.write(
      `build: no content snapshot, content/ did not load (${why}); npm run content:check lists why\n`,
    );
  }
}

async function build() {
  if (!existsSync(join(root, "src"))) return skip("there is no src/");
  let ts;
  try {
    ts = (await import("typescript")).default;
  } catch {
    return skip("typescript is not installed");
  }
  const started = new Date();
  const parsed = ts.getParsedCommandLineOfConfigFile(
    join(root, "tsconfig.build.json"),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
      },
    },
  );
  const { options } = parsed;
  const fileNames = parsed.fileNames.filter((file) => !file.endsWith(".d.ts"));
  const outDir = options.outDir ?? join(root, "dist");
  const rootDir = options.rootDir ?? root;
  // transpileModule compiles one file in memory: where it goes is decided here, and it
  // cannot read package.json's "type": "module", which makes NodeNext emit ES modules.
  const { outDir: _o, rootDir: _r, configFilePath: _c, moduleResolution: _m, ...rest } = options;
  const compilerOptions = { ...rest, module: ts.ModuleKind.ESNext };
  // Built beside dist/ and swapped in at the end, so a failed build leaves the old one.
  const next = `${outDir}.next-${process.pid}`;
  rmSync(next, { recursive: true, force: true });
  try {
    const fromVendor = await vendor(next);
    for (const file of fileNames) {
      const out = join(next, relative(rootDir, file)).replace(/\.ts$/, ".js");
      const { outputText, sourceMapText } = ts.transpileModule(readFileSync(file, "utf8"), {
        compilerOptions,
        fileName: file,
      });
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, fromVendor(out, outputText));
      if (sourceMapText) {
        // The map names its source from where the .js file is, as tsc's maps do.
        const map = { ...JSON.parse(sourceMapText), sources: [relative(dirname(out), file)] };
        writeFileSync(`${out}.map`, JSON.stringify(map));
      }
    }
    await writeSnapshot(next);
    const stamp = join(next, STAMP);
    writeFileSync(stamp, `${fileNames.length} files from src/ and commands/\n`);
    utimesSync(stamp, started, started);
  } catch (error) {
    rmSync(next, { recursive: true, force: true });
    throw error;
  }
  rmSync(outDir, { recursive: true, force: true });
  renameSync(next, outDir);
  process.stderr.write(`build: ${fileNames.length} files compiled to ${relative(root, outDir)}/\n`);
}

await build();
