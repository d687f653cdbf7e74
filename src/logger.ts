/**
 * The logger: pino JSON on stderr, so stdout stays free for replies and `--json`
 * output. Secrets are redacted wherever they appear under the usual key names.
 */
import { pino } from "pino";

export type Logger = pino.Logger;

/** Keys whose values never reach a log line. */
export const REDACT_PATHS = [
  "token",
  "*.token",
  "*.*.token",
  "botToken",
  "*.botToken",
  "appToken",
  "*.appToken",
  "signingSecret",
  "*.signingSecret",
  "clientSecret",
  "*.clientSecret",
  "stateSecret",
  "*.stateSecret",
  "password",
  "*.password",
  "authorization",
  "*.authorization",
  "*.headers.authorization",
  "databaseUrl",
  "*.databaseUrl",
];

/**
 * @example const logger = createLogger({ level: "info" }); logger.info({ command: "ask" }, "handled");
 */
export function createLogger(options: { level: string; destination?: pino.DestinationStream }): Logger {
  return pino(
    { level: options.level, redact: { paths: REDACT_PATHS, censor: "[redacted]" }, base: { app: "vitabot" } },
    options.destination ?? pino.destination(2),
  );
}
