/** The secret values in a configuration, for the logger to scrub wherever they appear. */
import type { Config } from "../config.js";

function urlPassword(url: string): string[] {
  try {
    const password = new URL(url).password;
    return password ? [password, decodeURIComponent(password)] : [];
  } catch {
    return [];
  }
}

/** @example createLogger({ level, secrets: secretValues(config) }) */
export function secretValues(config: Config): string[] {
  const { slack, discord } = config;
  const values = [
    slack?.signingSecret,
    slack?.botToken,
    slack?.appToken,
    slack?.oauth?.clientSecret,
    slack?.oauth?.stateSecret,
    discord?.token,
    config.metricsToken,
    ...(config.storage.kind === "postgres" ? urlPassword(config.storage.url) : []),
  ];
  return values.filter((v): v is string => typeof v === "string" && v.length > 0);
}
