#!/usr/bin/env node
// The `vitabot` launcher. In a source checkout it runs the TypeScript directly through
// tsx (so `npm ci` is the only set-up); in a built image, where src/ is absent, it runs
// the compiled JavaScript in dist/.
import { existsSync } from "node:fs";

const source = new URL("../src/cli/main.ts", import.meta.url);
let cli;
if (existsSync(source)) {
  const { register } = await import("tsx/esm/api");
  register();
  cli = await import(source.href);
} else {
  cli = await import(new URL("../dist/src/cli/main.js", import.meta.url).href);
}

try {
  process.exitCode = await cli.runCli(process.argv.slice(2));
} catch (error) {
  const message = cli.describeFailure(error);
  if (message === undefined) throw error;
  process.stderr.write(`${message}\n`);
  process.exitCode = 1;
}
