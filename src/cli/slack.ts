/**
 * `vitabot slack …`: Slack deploy helpers. `slack manifest` writes manifest.json at the
 * package root from commands/ (paste it into api.slack.com/apps → App Manifest);
 * `--url https://host` sets the request URLs, `--socket-mode` drops them, `--check`
 * only reports whether the file is up to date (for CI), `--out` writes elsewhere.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Writable } from "node:stream";
import { commands } from "../../commands/index.js";
import { buildManifest, type ManifestOptions } from "../adapters/slack/manifest.js";
import { PACKAGE_ROOT } from "../paths.js";

/** Help for `vitabot slack`. */
const SLACK_USAGE = `Usage:
  vitabot slack manifest [--url https://your.host] [--socket-mode] [--check] [--out file]
      write manifest.json (the Slack app manifest) from commands/
`;

/** Where `slack manifest` writes. */
export const MANIFEST_PATH = join(PACKAGE_ROOT, "manifest.json");

/** The manifest file's exact text for these options (2-space JSON, final newline). */
export function manifestText(options: ManifestOptions = {}): string {
  return `${JSON.stringify(buildManifest(commands, options), null, 2)}\n`;
}

interface Flags {
  options: ManifestOptions;
  check: boolean;
  path: string;
}

function parseFlags(args: readonly string[]): Flags | string {
  const options: ManifestOptions = {};
  let check = false;
  let path = MANIFEST_PATH;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--socket-mode") options.socketMode = true;
    else if (arg === "--check") check = true;
    else if (arg === "--url") {
      const url = args[++i];
      if (!url || !/^https:\/\/[^\s/]+/.test(url))
        return "--url needs a public https URL, e.g. --url https://vitabot.example.org";
      options.baseUrl = url;
    } else if (arg === "--out" && args[i + 1]) path = args[++i] as string;
    else return `unknown option "${arg}"`;
  }
  return { options, check, path };
}

function current(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

/**
 * Runs `vitabot slack <args>`; returns the exit code.
 * @example await runSlackCli(["manifest"], { stdout: process.stdout, stderr: process.stderr })
 */
export async function runSlackCli(
  args: string[],
  io: { stdout: Writable; stderr: Writable },
): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== "manifest") {
    io.stderr.write(sub ? `Unknown slack command "${sub}".\n${SLACK_USAGE}` : SLACK_USAGE);
    return 2;
  }
  const parsed = parseFlags(rest);
  if (typeof parsed === "string") {
    io.stderr.write(`${parsed}\n${SLACK_USAGE}`);
    return 2;
  }
  const text = manifestText(parsed.options);
  if (parsed.check) {
    const fresh = current(parsed.path) === text;
    (fresh ? io.stdout : io.stderr).write(
      fresh
        ? `${parsed.path} is up to date.\n`
        : `${parsed.path} is out of date: run npx vitabot slack manifest\n`,
    );
    return fresh ? 0 : 1;
  }
  writeFileSync(parsed.path, text);
  io.stdout.write(
    `Wrote ${parsed.path}.\nPaste it at https://api.slack.com/apps → your app → App Manifest (or "Create New App" → "From a manifest").\n`,
  );
  return 0;
}
