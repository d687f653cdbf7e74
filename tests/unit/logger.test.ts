/**
 * No secret reaches a log line: not under the usual key names, not inside messages or
 * error strings, not as a URL password or an Authorization header.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config.js";
import { chatLogOptions, createLogger } from "../../src/logger.js";
import { secretValues } from "../../src/ops/secrets.js";

const SECRETS = {
  SLACK_BOT_TOKEN: "xoxb-111-222-botsecretAAAA",
  SLACK_APP_TOKEN: "xapp-1-A111-333-appsecretBBBB",
  SLACK_SIGNING_SECRET: "signing-secret-CCCC-1234",
  SLACK_CLIENT_SECRET: "client-secret-DDDD-5678",
  SLACK_STATE_SECRET: "state-secret-EEEE-9012",
  DISCORD_TOKEN: "MTA5.discord-token-FFFF.zz",
  METRICS_TOKEN: "metrics-token-GGGG-0123456789",
  DB_PASSWORD: "pg-pass-HHHH-77",
};
const DATABASE_URL = `postgres://vitabot:${SECRETS.DB_PASSWORD}@db.internal:5432/vitabot`;

function capture(secrets: string[] = []) {
  let text = "";
  const destination = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return { logger: createLogger({ level: "trace", destination, secrets }), output: () => text };
}

function configWithSecrets() {
  return parseConfig({
    SLACK_BOT_TOKEN: SECRETS.SLACK_BOT_TOKEN,
    SLACK_APP_TOKEN: SECRETS.SLACK_APP_TOKEN,
    SLACK_SIGNING_SECRET: SECRETS.SLACK_SIGNING_SECRET,
    SLACK_CLIENT_ID: "1111.2222",
    SLACK_CLIENT_SECRET: SECRETS.SLACK_CLIENT_SECRET,
    SLACK_STATE_SECRET: SECRETS.SLACK_STATE_SECRET,
    DISCORD_TOKEN: SECRETS.DISCORD_TOKEN,
    METRICS_TOKEN: SECRETS.METRICS_TOKEN,
    DATABASE_URL,
  });
}

function expectNoSecrets(output: string) {
  expect(output.length).toBeGreaterThan(0);
  for (const [name, value] of Object.entries(SECRETS)) {
    expect(output, `${name} leaked`).not.toContain(value);
  }
}

describe("log redaction", () => {
  it("redacts secrets under their usual keys, at any of the first levels", () => {
    const { logger, output } = capture();
    const config = configWithSecrets();
    logger.info({ config }, "configuration");
    logger.info({ slack: config.slack, discord: config.discord }, "platforms");
    const { DB_PASSWORD: _, ...envSecrets } = SECRETS;
    logger.info({ env: { ...envSecrets, DATABASE_URL } }, "environment");
    logger.info(
      {
        req: {
          headers: {
            authorization: `Bearer ${SECRETS.METRICS_TOKEN}`,
            cookie: `s=${SECRETS.SLACK_STATE_SECRET}`,
          },
        },
        installation: { bot: { token: SECRETS.SLACK_BOT_TOKEN } },
        oauth: { access_token: SECRETS.SLACK_BOT_TOKEN, client_secret: SECRETS.SLACK_CLIENT_SECRET },
        metricsToken: SECRETS.METRICS_TOKEN,
        storage: { kind: "postgres", url: DATABASE_URL, password: SECRETS.DB_PASSWORD },
      },
      "request",
    );
    expectNoSecrets(output());
    expect(output()).toContain("[redacted]");
    expect(output()).toContain("db.internal");
  });

  it("scrubs token shapes, bearer credentials and URL passwords out of messages and errors", () => {
    const { logger, output } = capture();
    logger.warn(`auth failed for ${SECRETS.SLACK_BOT_TOKEN} and ${SECRETS.SLACK_APP_TOKEN}`);
    logger.error({ err: new Error(`connect ${DATABASE_URL} refused`) }, "database down");
    const axiosLike = Object.assign(new Error("Request failed"), {
      config: { headers: { Authorization: `Bearer ${SECRETS.SLACK_BOT_TOKEN}` } },
      request: { headers: { Authorization: `Bot ${SECRETS.DISCORD_TOKEN}` } },
    });
    logger.error({ err: axiosLike }, "platform call failed");
    logger.info({ header: `Bot ${SECRETS.DISCORD_TOKEN}` }, "discord");
    expectNoSecrets(output());
  });

  it("scrubs every configured secret value wherever it appears", () => {
    const { logger, output } = capture(secretValues(configWithSecrets()));
    logger.info(`signing with ${SECRETS.SLACK_SIGNING_SECRET}`);
    logger.info({
      note: `state ${SECRETS.SLACK_STATE_SECRET}`,
      nested: { deeper: { still: { deeper: SECRETS.METRICS_TOKEN } } },
    });
    logger.info({ list: [SECRETS.SLACK_CLIENT_SECRET, SECRETS.DISCORD_TOKEN] }, "array");
    logger.info({ pw: SECRETS.DB_PASSWORD }, "a password under an unexpected key");
    logger.child({ bound: SECRETS.METRICS_TOKEN }).info("child binding");
    expectNoSecrets(output());
  });

  it("keeps ordinary fields readable", () => {
    const { logger, output } = capture(secretValues(configWithSecrets()));
    logger.info(
      { command: "vitamin", platform: "slack", requestId: "abc-123", url: "https://example.org/x" },
      "handled",
    );
    const line = JSON.parse(output());
    expect(line).toMatchObject({
      command: "vitamin",
      platform: "slack",
      requestId: "abc-123",
      url: "https://example.org/x",
    });
  });
});

describe("chatLogOptions: the console chat's and one-shot commands' logs", () => {
  it("keeps stderr to warnings and errors at the default level", () => {
    expect(chatLogOptions({ logLevel: "info" })).toEqual({ level: "warn" });
    expect(chatLogOptions({ logLevel: "debug" })).toEqual({ level: "warn" });
  });

  it("keeps a quieter LOG_LEVEL as it is", () => {
    expect(chatLogOptions({ logLevel: "error" })).toEqual({ level: "error" });
    expect(chatLogOptions({ logLevel: "silent" })).toEqual({ level: "silent" });
  });

  it("sends every line at LOG_LEVEL to LOG_FILE when set", () => {
    const dir = mkdtempSync(join(tmpdir(), "vitabot-logfile-"));
    try {
      const file = join(dir, "nested", "vitabot.log");
      const options = chatLogOptions({ logLevel: "debug", logFile: file });
      expect(options.level).toBe("debug");
      createLogger(options).debug({ command: "vitamin" }, "command handled");
      expect(JSON.parse(readFileSync(file, "utf8"))).toMatchObject({ level: 20, msg: "command handled" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("says which LOG_FILE cannot be written, as a user error", () => {
    const dir = mkdtempSync(join(tmpdir(), "vitabot-logfile-"));
    try {
      writeFileSync(join(dir, "a-file"), "");
      const logFile = join(dir, "a-file", "vitabot.log");
      expect(() => chatLogOptions({ logLevel: "info", logFile })).toThrow(
        `LOG_FILE: cannot write ${logFile}`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
