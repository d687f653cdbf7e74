/**
 * Configuration: every environment variable, parsed once with zod. This is the only
 * module that reads `process.env`; everything else receives a typed `Config`.
 */
import { isAbsolute, resolve } from "node:path";
import { z } from "zod";
import {
  type DiscordConfig,
  discordOf,
  platformProblems,
  type SlackConfig,
  slackOf,
} from "./config-platforms.js";
import { SafetyNumberSchema } from "./core/triage/numbers.js";
import { UserFacingError } from "./errors.js";
import { DEFAULT_CONTENT_DIR } from "./paths.js";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
const PLATFORMS = ["slack", "discord", "console"] as const;
/** One `platform:id` entry of ADMIN_USER_IDS. */
const ADMIN_ENTRY = `(${PLATFORMS.join("|")}):[A-Za-z0-9_.-]+`;
export const DEFAULT_DATABASE_URL = "file:./data/vitabot.db";

const url = (what: string) =>
  z
    .url({ protocol: /^https?$/, error: `must be an http(s) URL of the ${what}` })
    .transform((u) => u.replace(/\/+$/, ""));
/**
 * Chart threads when CHART_THREADS is unset: one. Each thread holds its own copy of Vega
 * and resvg (about 110 MB), and with pictures reused while their data is unchanged one
 * thread draws a burst's few distinct charts; a second helps only many distinct ones
 * (status heatmaps) on a machine with cores to spare.
 */
export const DEFAULT_CHART_THREADS = 1;

const secret = (what: string) => z.string().trim().min(8, `looks too short for ${what}`);

const EnvSchema = z.object({
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` }).default("info"),
  LOG_FILE: z.string().trim().min(1).optional(),
  EMERGENCY_NUMBER: z.string().trim().min(1).max(60).default("your local emergency number"),
  CRISIS_LINE: SafetyNumberSchema.optional(),
  POISON_CONTROL: SafetyNumberSchema.optional(),
  CONTENT_DIR: z.string().trim().min(1).optional(),
  DATABASE_URL: z
    .string()
    .trim()
    .regex(
      /^(file:.+|postgres(ql)?:\/\/.+)$/,
      "must be file:PATH, file::memory: or postgres://user:pass@host/db",
    )
    .default(DEFAULT_DATABASE_URL),
  ADMIN_USER_IDS: z
    .string()
    .regex(
      new RegExp(`^\\s*${ADMIN_ENTRY}\\s*(,\\s*${ADMIN_ENTRY}\\s*)*$`),
      "must be comma-separated platform:id entries, e.g. slack:U0123ABC,discord:81234567890",
    )
    .optional(),
  COOLDOWN_SECONDS: z.coerce.number({ error: "must be a number of seconds" }).min(0).max(3600).default(3),
  PORT: z.coerce.number({ error: "must be a port number" }).int().min(0).max(65_535).default(3000),
  TIPS_GRACE_HOURS: z.coerce.number({ error: "must be a number of hours" }).min(0).max(23).default(3),
  SCHEDULER_TICK_SECONDS: z.coerce
    .number({ error: "must be a number of seconds" })
    .int("must be a whole number of seconds")
    .min(1, "must be at least 1 second")
    .max(3600, "must be at most 3600 (one hour)")
    .default(60),
  SLACK_POSTS_PER_SECOND: z.coerce
    .number({ error: "must be a number of posts per second, e.g. 10 or 0.5" })
    .positive("must be above 0 (leave it unset for no overall limit)")
    .max(1000, "must be at most 1000")
    .optional(),
  DISCORD_REQUESTS_PER_SECOND: z.coerce
    .number({ error: "must be a number of requests per second" })
    .int("must be a whole number of requests per second")
    .min(1, "must be at least 1")
    .max(1000, "must be at most 1000 (Discord's default limit is 50 per bot)")
    .optional(),
  SLACK_BOT_TOKEN: z
    .string()
    .trim()
    .startsWith("xoxb-", "must be a bot token starting with xoxb-")
    .optional(),
  SLACK_SIGNING_SECRET: secret("a Slack signing secret").optional(),
  SLACK_APP_TOKEN: z
    .string()
    .trim()
    .startsWith("xapp-", "must be an app-level token starting with xapp-")
    .optional(),
  SLACK_API_URL: url("Slack Web API").optional(),
  SLACK_CLIENT_ID: z.string().trim().min(1).optional(),
  SLACK_CLIENT_SECRET: secret("a Slack client secret").optional(),
  SLACK_STATE_SECRET: secret("a state secret").optional(),
  DISCORD_TOKEN: secret("a Discord bot token").optional(),
  DISCORD_APPLICATION_ID: z
    .string()
    .trim()
    .regex(/^\d{5,25}$/, "must be the numeric application id")
    .optional(),
  DISCORD_PUBLIC_KEY: z
    .string()
    .trim()
    .regex(/^[0-9a-f]{64}$/i, "must be the 64-character hex public key")
    .optional(),
  DISCORD_API_URL: url("Discord REST API (including /api, without the version)").optional(),
  DISCORD_SHARDS: z
    .string()
    .trim()
    .regex(/^(auto|[1-9]\d{0,4})$/, 'must be "auto" or a number of shards')
    .optional(),
  DISCORD_SHARD_IDS: z
    .string()
    .trim()
    .regex(
      /^\d{1,5}(\s*-\s*\d{1,5})?(\s*,\s*\d{1,5}(\s*-\s*\d{1,5})?)*$/,
      "must be comma-separated shard ids or ranges, e.g. 0,1 or 0-3",
    )
    .optional(),
  CHART_THREADS: z.coerce
    .number({ error: "must be a number of threads" })
    .int("must be a whole number of threads")
    .min(0, "must be 0 (charts drawn inline) or more")
    .max(8, "must be at most 8 (each thread holds its own copy of the chart libraries)")
    .optional(),
  METRICS_TOKEN: z
    .string()
    .trim()
    .min(16, "must be at least 16 characters (for example the output of: openssl rand -hex 32)")
    .optional(),
});
export type Env = z.infer<typeof EnvSchema>;

export type { DiscordConfig, SlackConfig };

export type StorageConfig = { kind: "sqlite"; path: string } | { kind: "postgres"; url: string };

export interface Config {
  logLevel: (typeof LOG_LEVELS)[number];
  /** LOG_FILE: where the console chat and one-shot commands write their logs (else stderr, warn and above). */
  logFile?: string;
  emergencyNumber: string;
  /** CRISIS_LINE: named by self-harm answers; unset, they say "a local crisis line or someone you trust". */
  crisisLine?: string;
  /** POISON_CONTROL: named by overdose answers; unset, the emergency number stands in. */
  poisonControl?: string;
  contentDir: string;
  storage: StorageConfig;
  /** `platform:id` entries that count as admins everywhere. */
  adminUserIds: ReadonlySet<string>;
  cooldownMs: number;
  port: number;
  /** How late a missed scheduled post may still go out after downtime. */
  graceMs: number;
  /** How often the scheduler looks for due posts (SCHEDULER_TICK_SECONDS). */
  schedulerTickSeconds: number;
  slack?: SlackConfig;
  discord?: DiscordConfig;
  /** When set, `/metrics` requires `Authorization: Bearer <token>` (METRICS_TOKEN). */
  metricsToken?: string;
  /** Worker threads that draw charts (CHART_THREADS); 0 draws them inline. */
  chartThreads: number;
}

/** Env values that are set but blank count as unset, as in most .env tooling. */
function withoutBlanks(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && entry[1].trim() !== "",
    ),
  );
}

function storageOf(databaseUrl: string, cwd: string): StorageConfig {
  if (databaseUrl.startsWith("postgres")) return { kind: "postgres", url: databaseUrl };
  const path = databaseUrl.slice("file:".length);
  if (path === ":memory:") return { kind: "sqlite", path };
  return { kind: "sqlite", path: isAbsolute(path) ? path : resolve(cwd, path) };
}

function fail(problems: string[]): never {
  throw new UserFacingError(
    `vitabot's configuration has ${problems.length} problem(s):\n${problems.map((p) => `  ${p}`).join("\n")}\n` +
      `Set these in your environment or .env file (see README, "Configuration").`,
    "config_invalid",
  );
}

/**
 * Parses the environment. Reports every problem at once, each with how to fix it.
 * @throws UserFacingError listing every missing or malformed variable.
 * @example const config = parseConfig(process.env);
 */
export function parseConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const result = EnvSchema.safeParse(withoutBlanks(env));
  if (!result.success) fail(result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  const e = result.data;
  const problems = platformProblems(e);
  if (problems.length > 0) fail(problems);
  const slack = slackOf(e);
  const discord = discordOf(e);
  return {
    logLevel: e.LOG_LEVEL,
    ...(e.LOG_FILE ? { logFile: resolve(cwd, e.LOG_FILE) } : {}),
    emergencyNumber: e.EMERGENCY_NUMBER,
    ...(e.CRISIS_LINE ? { crisisLine: e.CRISIS_LINE } : {}),
    ...(e.POISON_CONTROL ? { poisonControl: e.POISON_CONTROL } : {}),
    contentDir: e.CONTENT_DIR ? resolve(cwd, e.CONTENT_DIR) : DEFAULT_CONTENT_DIR,
    storage: storageOf(e.DATABASE_URL, cwd),
    adminUserIds: new Set(
      (e.ADMIN_USER_IDS ?? "")
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    ),
    cooldownMs: e.COOLDOWN_SECONDS * 1000,
    port: e.PORT,
    graceMs: e.TIPS_GRACE_HOURS * 3_600_000,
    schedulerTickSeconds: e.SCHEDULER_TICK_SECONDS,
    ...(slack ? { slack } : {}),
    ...(discord ? { discord } : {}),
    ...(e.METRICS_TOKEN ? { metricsToken: e.METRICS_TOKEN } : {}),
    chartThreads: e.CHART_THREADS ?? DEFAULT_CHART_THREADS,
  };
}

/** Every environment variable vitabot reads (the README documents each). */
export const ENV_VARIABLES = Object.keys(EnvSchema.shape);
