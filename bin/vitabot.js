#!/usr/bin/env node
// The `vitabot` launcher. It runs the compiled JavaScript in dist/ when that is up to date:
// always in a built image (no src/), and in a source checkout after `npm run build` (which
// `npm ci` runs) until a file under src/ or commands/ changes. Then, and when there is no
// build, it runs the TypeScript directly through tsx, so an edit is picked up at once.
import { existsSync, readdirSync, statSync } from "node:fs";
import module from "node:module";

// V8 keeps the compiled code of every module on disk (Node.js 22.1+), so later starts skip
// most parsing. A cache that cannot be written is simply not used.
module.enableCompileCache?.();

const root = new URL("..", import.meta.url);
const source = new URL("src/cli/main.ts", root);
const built = new URL("dist/src/cli/main.js", root);

/** Whether any file under `dir` was modified after `time` (ms). */
function changedSince(dir, time) {
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && statSync(`${entry.parentPath}/${entry.name}`).mtimeMs > time) return true;
  }
  return false;
}

/** Whether dist/ was built from the sources as they are now (see scripts/build.mjs). */
function buildIsCurrent() {
  let stamp;
  try {
    stamp = statSync(new URL("dist/.build-stamp", root)).mtimeMs;
  } catch {
    return false;
  }
  return !["src", "commands"].some((dir) => changedSince(new URL(dir, root), stamp));
}

let cli;
if (existsSync(source) && (process.env.VITABOT_SOURCE === "1" || !buildIsCurrent())) {
  const { register } = await import("tsx/esm/api");
  register();
  cli = await import(source.href);
} else {
  cli = await import(built.href);
}

try {
  process.exitCode = await cli.runCli(process.argv.slice(2));
} catch (error) {
  const message = cli.describeFailure(error);
  if (message === undefined) throw error;
  process.stderr.write(`${message}\n`);
  process.exitCode = 1;
}
