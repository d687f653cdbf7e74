/**
 * The logger: pino JSON on stderr, so stdout stays free for replies and `--json`
 * output. Secrets never reach a line: values under the usual key names are redacted,
 * and, as a second net, the written text is scrubbed of token-shaped strings, URL
 * passwords, bearer credentials and the configured secret values themselves.
 * @see https://github.com/pinojs/pino/blob/main/docs/redaction.md
 */
import { pino } from "pino";
import { UserFacingError } from "./errors.js";

export type Logger = pino.Logger;

const REDACTED = "[redacted]";

/** Key names whose values are secret (config fields, env names, HTTP headers, OAuth fields). */
const SECRET_KEYS = [
  "token",
  "botToken",
  "appToken",
  "accessToken",
  "access_token",
  "refreshToken",
  "refresh_token",
  "signingSecret",
  "clientSecret",
  "client_secret",
  "stateSecret",
  "metricsToken",
  "password",
  "authorization",
  "Authorization",
  "cookie",
  '"set-cookie"',
  "databaseUrl",
  "DATABASE_URL",
  "SLACK_BOT_TOKEN",
  "SLACK_APP_TOKEN",
  "SLACK_SIGNING_SECRET",
  "SLACK_CLIENT_SECRET",
  "SLACK_STATE_SECRET",
  "DISCORD_TOKEN",
  "METRICS_TOKEN",
];

const bracket = (key: string) => (key.startsWith('"') ? `[${key}]` : `.${key}`);

/** Keys whose values never reach a log line, at the top level and up to three levels down. */
const REDACT_PATHS = SECRET_KEYS.flatMap((key) => [
  key.startsWith('"') ? `[${key}]` : key,
  `*${bracket(key)}`,
  `*.*${bracket(key)}`,
  `*.*.*${bracket(key)}`,
]);

/** Shapes of secrets wherever they appear in the text (messages, error strings, URLs). */
const SECRET_PATTERNS: [RegExp, string][] = [
  // Slack tokens: bot, user, app-level, config and refresh tokens.
  [/\bxox[abeoprs]-[A-Za-z0-9-]+/g, REDACTED],
  [/\bxapp-[A-Za-z0-9-]+/g, REDACTED],
  // Authorization header values: "Bearer …", Discord's "Bot …", "Basic …".
  [/\b(Bearer|Bot|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/g, `$1 ${REDACTED}`],
  // Passwords inside URLs: postgres://user:password@host/db.
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@"]*:)[^\s@/"]+@/gi, `$1${REDACTED}@`],
];

/** Configured secrets shorter than this are not scrubbed by value (they would match ordinary text). */
const MIN_SECRET_LENGTH = 8;

function scrubber(secrets: readonly string[]): (line: string) => string {
  const values = [...new Set(secrets.filter((s) => s.length >= MIN_SECRET_LENGTH))]
    // JSON output escapes quotes and backslashes: look for the escaped form too.
    .flatMap((s) => [s, JSON.stringify(s).slice(1, -1)])
    .sort((a, b) => b.length - a.length);
  return (line) => {
    let text = line;
    for (const value of values) if (text.includes(value)) text = text.split(value).join(REDACTED);
    for (const [pattern, replacement] of SECRET_PATTERNS) text = text.replace(pattern, replacement);
    return text;
  };
}

export interface LoggerOptions {
  level: string;
  destination?: pino.DestinationStream;
  /** Fields added to every line from the current async context (the request id). */
  context?: { logFields(): Record<string, unknown> };
  /** Secret values (tokens, signing secrets, passwords) to scrub wherever they appear. */
  secrets?: readonly string[];
}

/**
 * @example const logger = createLogger({ level: "info" }); logger.info({ command: "ask" }, "handled");
 */
export function createLogger(options: LoggerOptions): Logger {
  const context = options.context;
  return pino(
    {
      level: options.level,
      redact: { paths: REDACT_PATHS, censor: REDACTED },
      base: { app: "vitabot" },
      // The request id from the context wins over a `requestId` a caller passes (a platform's
      // trigger id), so every line of one HTTP request carries the id in its X-Request-Id.
      ...(context
        ? { mixin: () => context.logFields(), mixinMergeStrategy: (merge, mixin) => ({ ...merge, ...mixin }) }
        : {}),
      hooks: { streamWrite: scrubber(options.secrets ?? []) },
    },
    options.destination ?? pino.destination(2),
  );
}

/** The level below which a chat on the terminal keeps quiet on stderr. */
const CHAT_STDERR_LEVEL = "warn";

/**
 * Where the console chat and one-shot commands log, so no log line lands between the
 * replies: with LOG_FILE, everything at LOG_LEVEL goes to that file; otherwise stderr
 * gets warnings and errors only (or less, if LOG_LEVEL asks for less).
 * @throws UserFacingError when LOG_FILE cannot be opened for writing.
 * @example createLogger({ ...chatLogOptions(config), secrets: secretValues(config) })
 */
export function chatLogOptions(config: { logLevel: string; logFile?: string }): LoggerOptions {
  if (config.logFile) {
    try {
      return {
        level: config.logLevel,
        destination: pino.destination({ dest: config.logFile, mkdir: true, sync: true }),
      };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new UserFacingError(`LOG_FILE: cannot write ${config.logFile}: ${reason}`, "config_invalid");
    }
  }
  // "silent" has no number in pino's table: it is the quietest of all.
  const rank = (level: string) => pino.levels.values[level] ?? Number.POSITIVE_INFINITY;
  const quietest = rank(config.logLevel) >= rank(CHAT_STDERR_LEVEL);
  return { level: quietest ? config.logLevel : CHAT_STDERR_LEVEL };
}
