/**
 * Configuration: every environment variable, parsed once with zod. This is the only
 * module that reads `process.env`; everything else receives a typed `Config`.
 */
import { isAbsolute, resolve } from "node:path";
import { z } from "zod";
import { UserFacingError } from "./errors.js";
import { DEFAULT_CONTENT_DIR } from "./paths.js";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const EnvSchema = z.object({
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` }).default("info"),
  EMERGENCY_NUMBER: z.string().trim().min(1).max(60).default("your local emergency number"),
  CONTENT_DIR: z.string().trim().min(1).optional(),
});

export interface Config {
  logLevel: (typeof LOG_LEVELS)[number];
  emergencyNumber: string;
  contentDir: string;
}

/** Env values that are set but blank count as unset, as in most .env tooling. */
function withoutBlanks(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== "",
    ),
  );
}

/**
 * Parses the environment. Reports every problem at once, each with how to fix it.
 * @throws UserFacingError listing every missing or malformed variable.
 * @example const config = parseConfig(process.env);
 */
export function parseConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const result = EnvSchema.safeParse(withoutBlanks(env));
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new UserFacingError(
      `vitabot's configuration has ${lines.length} problem(s):\n${lines.join("\n")}\nSet these in your environment or .env file (see README, "Configuration").`,
      "config_invalid",
    );
  }
  const e = result.data;
  return {
    logLevel: e.LOG_LEVEL,
    emergencyNumber: e.EMERGENCY_NUMBER,
    contentDir: e.CONTENT_DIR
      ? isAbsolute(e.CONTENT_DIR)
        ? e.CONTENT_DIR
        : resolve(cwd, e.CONTENT_DIR)
      : DEFAULT_CONTENT_DIR,
  };
}
