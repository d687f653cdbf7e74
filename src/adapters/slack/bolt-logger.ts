/**
 * Bolt's Logger interface over our pino logger, so Bolt's own lines (an unacknowledged
 * request, a failed authorize) land in the same JSON log. Bolt's debug output is kept
 * out: it can include request bodies.
 */
import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { Logger } from "../../logger.js";

/** Turns Bolt's `(...msg)` calls into one pino line. */
function write(log: Logger, level: "info" | "warn" | "error", msg: unknown[]): void {
  const [first, ...rest] = msg;
  if (first instanceof Error) log[level]({ err: first }, rest.map(String).join(" ") || first.message);
  else log[level](msg.map((m) => (m instanceof Error ? m.message : String(m))).join(" "));
}

/**
 * @example new App({ logger: toBoltLogger(logger.child({ platform: "slack" })), … })
 */
export function toBoltLogger(log: Logger): BoltLogger {
  let name = "bolt";
  return {
    debug: () => {},
    info: (...msg: unknown[]) => write(log, "info", msg),
    warn: (...msg: unknown[]) => write(log, "warn", msg),
    error: (...msg: unknown[]) => write(log, "error", msg),
    setLevel: () => {},
    getLevel: () => LogLevel.INFO,
    setName: (next: string) => {
      name = next;
      log.setBindings?.({ component: name });
    },
  };
}
