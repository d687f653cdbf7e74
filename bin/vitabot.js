#!/usr/bin/env node
// The `vitabot` launcher. It runs the compiled JavaScript in dist/ when that is up to date:
// always in a built image (no src/), and in a source checkout after `npm run build` (which
// `npm ci` runs) until a file under src/ or commands/ changes. Then, and when there is no
// build, it runs the TypeScript directly through tsx, so an edit is picked up at once.
import { existsSync, readdirSync, statSync } from "node:fs";
import module from "node:module";
import v8 from "node:v8";

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

/**
 * A command that runs once keeps V8's young generation at its first size (1-2 MiB). V8
 * doubles it whenever most of a scavenge survives, as it does while the content snapshot
 * is read and triage and the search index are built, and `ask` then ends with 32 MiB of
 * new space, about 12 MiB of its peak RSS, for no gain in time. The factor is read each
 * time the new space would grow, so it can be set now (--max-semi-space-size, fixed when
 * the heap is made, cannot); starting a worker thread (tsx's module hooks) puts the
 * defaults back, so it is set after that. `start` keeps V8's defaults: a bot that runs
 * for days trades that memory for fewer scavenges.
 */
function keepYoungGenerationSmall() {
  if (process.argv[2] !== "start") v8.setFlagsFromString("--semi-space-growth-factor=1");
}

let cli;
if (existsSync(source) && (process.env.VITABOT_SOURCE === "1" || !buildIsCurrent())) {
  const { register } = await import("tsx/esm/api");
  register();
  keepYoungGenerationSmall();
  cli = await import(source.href);
} else {
  keepYoungGenerationSmall();
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
