/**
 * Fuzz test of the Slack HTTP edge (fast-check, seeded, a fixed number of cases; the seed
 * is printed): requests of random shape, sent over real HTTP to a real `vitabot start`
 * process. Signed ones (form bodies with random `payload` JSON or random fields, JSON
 * bodies of random shape, Slack's documented payloads with fields replaced by random
 * values, any content type) never get a 5xx and never bring the process down; unsigned
 * or wrongly signed ones always get 401. Every `response_url` points at the local stand-in,
 * so nothing the bot answers leaves 127.0.0.1. Set SLACK_FUZZ_SEED to replay a run.
 */
import { parse as parseQuery } from "node:querystring";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSlackBotProcess } from "../../helpers/slack-bot-process.js";
import type { BotProcess } from "../../kit/bot-process.js";
import { postSigned, slackFixture } from "../../kit/slack-requests.js";
import type { SlackStandIn } from "../../kit/slack-stand-in.js";

const SEED = Number(process.env.SLACK_FUZZ_SEED ?? 20261207);
const SIGNED_CASES = 300;
const UNSIGNED_CASES = 120;
const FORM = "application/x-www-form-urlencoded";
const FIXTURES = [
  "slash-command",
  "block-actions",
  "app-mention",
  "message-im",
  "app-uninstalled",
  "tokens-revoked",
];

let slack: SlackStandIn;
let bot: BotProcess;
let endpoint: string;
let stop: (() => Promise<void>) | undefined;

beforeAll(async () => {
  const started = await startSlackBotProcess("slack-fuzz");
  ({ slack, bot, stop } = started);
  endpoint = `${started.base}/slack/events`;
}, 120_000);
afterAll(() => stop?.());

/** Any response_url the bot could answer to is the stand-in's, wherever it sits in the body. */
function localUrls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(localUrls);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) =>
      key.startsWith("response_url") ? [key, slack.responseUrl().url] : [key, localUrls(inner)],
    ),
  );
}

/** A documented payload with some of its fields (top level and inside `event`) replaced by random JSON. */
const mutatedFixture = fc
  .record({
    name: fc.constantFrom(...FIXTURES),
    top: fc.dictionary(
      fc.constantFrom(
        "type",
        "team",
        "user",
        "actions",
        "channel",
        "event",
        "command",
        "text",
        "authorizations",
        "team_id",
        "enterprise",
        "x",
      ),
      fc.jsonValue(),
      { maxKeys: 3 },
    ),
    event: fc.dictionary(
      fc.constantFrom(
        "type",
        "user",
        "channel",
        "item",
        "text",
        "ts",
        "tokens",
        "subteam",
        "message",
        "channel_type",
      ),
      fc.jsonValue(),
      { maxKeys: 3 },
    ),
  })
  .map(({ name, top, event }) => {
    const fixture = slackFixture(name) as Record<string, unknown>;
    const inner = fixture.event as Record<string, unknown> | undefined;
    return { ...fixture, ...(inner ? { event: { ...inner, ...event } } : {}), ...top };
  });

const anyPayload = fc.oneof(fc.jsonValue({ maxDepth: 4 }), mutatedFixture);

/** A form field value as querystring sees it: one string, or a repeated field. */
const formValue = fc.oneof(fc.string(), fc.array(fc.string(), { minLength: 2, maxLength: 3 }));

const formFields = fc
  .record({
    fixture: fc.boolean(),
    fields: fc.dictionary(
      fc.oneof(
        fc.constantFrom("command", "text", "team_id", "user_id", "channel_id", "trigger_id", "ssl_check"),
        fc.string(),
      ),
      formValue,
      { maxKeys: 5 },
    ),
  })
  .map(({ fixture, fields }) => {
    const params = new URLSearchParams();
    const base = fixture ? (slackFixture("slash-command") as Record<string, string>) : {};
    for (const [key, value] of Object.entries({ ...base, ...fields, response_url: slack.responseUrl().url }))
      for (const one of Array.isArray(value) ? value : [value]) params.append(key, one);
    return params.toString();
  });

const contentType = fc.constantFrom(
  FORM,
  "application/json",
  "text/plain",
  `${FORM}; charset=utf-8`,
  "application/json; charset=utf-8",
  "multipart/form-data; boundary=x",
  "",
);

/** A body of random shape with a content type (matching or not). */
const request = fc.oneof(
  fc.record({
    body: anyPayload.map((p) => `payload=${encodeURIComponent(JSON.stringify(localUrls(p)))}`),
    contentType,
  }),
  fc.record({ body: formFields, contentType }),
  fc.record({ body: anyPayload.map((p) => JSON.stringify(localUrls(p)) ?? "null"), contentType }),
  fc.record({ body: fc.string({ maxLength: 200 }), contentType }),
);

/** Slack's SSL check is unsigned by design (Bolt answers it with 200): not an unsigned request to refuse. */
const isSslCheck = (body: string, type: string) => type === FORM && parseQuery(body).ssl_check === "1";

describe("Slack HTTP edge: fuzzed requests", () => {
  it(`never answers a signed request with a 5xx nor goes down (${SIGNED_CASES} cases, seed ${SEED})`, async () => {
    console.info(`Slack edge fuzz: seed ${SEED} (replay with SLACK_FUZZ_SEED=${SEED})`);
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(request, async (sent) => {
        const { status } = await postSigned(endpoint, sent);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        expect(status, `${sent.contentType} ${sent.body.slice(0, 300)}`).toBeLessThan(500);
        // 404 is Bolt's answer to a request no listener acknowledged within 3 s.
        expect(status, `${sent.contentType} ${sent.body.slice(0, 300)}`).not.toBe(404);
        expect(bot.hasExited()).toBe(false);
      }),
      { seed: SEED, numRuns: SIGNED_CASES },
    );
    console.info(`Slack edge fuzz: statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
    expect((await fetch(endpoint.replace("/slack/events", "/healthz"))).status).toBe(200);
    expect(bot.lines.filter((l) => l.fault !== undefined)).toEqual([]);
  }, 300_000);

  it(`answers every unsigned or wrongly signed request with 401 (${UNSIGNED_CASES} cases, seed ${SEED})`, async () => {
    const how = fc.constantFrom("none", "wrong secret", "garbage signature", "stale", "future");
    await fc.assert(
      fc.asyncProperty(
        request.filter((r) => !isSslCheck(r.body, r.contentType)),
        how,
        async (sent, unsigned) => {
          const now = Math.floor(Date.now() / 1000);
          const attempt =
            unsigned === "none"
              ? fetch(endpoint, {
                  method: "POST",
                  headers: { "content-type": sent.contentType },
                  body: sent.body,
                }).then((r) => r.status)
              : postSigned(endpoint, {
                  ...sent,
                  ...(unsigned === "wrong secret" ? { secret: "not-the-signing-secret" } : {}),
                  ...(unsigned === "stale" ? { timestamp: now - 6 * 60 } : {}),
                  ...(unsigned === "future" ? { timestamp: now + 6 * 60 } : {}),
                  ...(unsigned === "garbage signature" ? { headers: { "x-slack-signature": "v0=00" } } : {}),
                }).then((r) => r.status);
          expect(await attempt, `${unsigned}: ${sent.contentType} ${sent.body.slice(0, 300)}`).toBe(401);
        },
      ),
      { seed: SEED, numRuns: UNSIGNED_CASES },
    );
    expect(bot.hasExited()).toBe(false);
  }, 300_000);
});
