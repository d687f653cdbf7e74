/**
 * A real `vitabot start` process (Slack HTTP mode against the local stand-in) fed signed
 * requests whose bodies have the wrong shape: `payload=null`, the JSON body `null` and
 * their cousins once threw inside Bolt's receiver, in a promise nobody awaited, and the
 * process exited. Each now gets a 400, and the process keeps answering.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSlackBotProcess } from "../../helpers/slack-bot-process.js";
import { type BotProcess, waitUntil } from "../../kit/bot-process.js";
import { postSigned, slashCommand } from "../../kit/slack-requests.js";
import type { SlackStandIn } from "../../kit/slack-stand-in.js";

const FORM = "application/x-www-form-urlencoded";
const JSON_TYPE = "application/json";

/** Signed bodies of a shape Bolt cannot take; each must be refused with 400, not crash the process. */
const MALFORMED: { name: string; body: string; contentType: string }[] = [
  { name: "payload=null", body: "payload=null", contentType: FORM },
  { name: "the JSON body null", body: "null", contentType: JSON_TYPE },
  { name: "payload=1", body: "payload=1", contentType: FORM },
  { name: 'payload="text"', body: 'payload="text"', contentType: FORM },
  { name: "payload=[]", body: "payload=%5B%5D", contentType: FORM },
  { name: "an event that is null", body: '{"type":"event_callback","event":null}', contentType: JSON_TYPE },
  {
    name: "an event whose item is a string",
    body: '{"type":"event_callback","event":{"type":"reaction_added","item":"x"}}',
    contentType: JSON_TYPE,
  },
  {
    name: "authorizations holding null",
    body: '{"type":"event_callback","authorizations":[null],"event":{"type":"app_mention"}}',
    contentType: JSON_TYPE,
  },
  { name: "a JSON array", body: "[]", contentType: JSON_TYPE },
  { name: "a repeated command field", body: "command=%2Fvitabot&command=%2Fvitabot", contentType: FORM },
  { name: "not JSON at all", body: "{", contentType: JSON_TYPE },
];

let slack: SlackStandIn;
let bot: BotProcess;
let base: string;
let stop: (() => Promise<void>) | undefined;

beforeAll(async () => {
  const started = await startSlackBotProcess("malformed");
  ({ slack, bot, stop } = started);
  base = started.base;
}, 120_000);
afterAll(() => stop?.());

describe("Slack over HTTP: signed bodies of the wrong shape", () => {
  for (const request of MALFORMED) {
    it(`answers ${request.name} with 400, and the process stays up`, async () => {
      const answer = await postSigned(`${base}/slack/events`, request);
      expect(answer.status).toBe(400);
      // Whatever Bolt might have started in the background has had its turn by the time a
      // second request is answered: the process is still up and still answers commands.
      const target = slack.responseUrl();
      const ack = await postSigned(
        `${base}/slack/events`,
        slashCommand({ text: "tip", response_url: target.url }),
      );
      expect(ack).toEqual({ status: 200, text: "" });
      await slack.waitFor(() => slack.responses.find((r) => r.id === target.id));
      expect(bot.hasExited()).toBe(false);
    });
  }

  it("says what is wrong in a JSON body, and logs a warning without the body", async () => {
    const answer = await postSigned(`${base}/slack/events`, { body: "payload=null", contentType: FORM });
    expect(JSON.parse(answer.text)).toEqual({ error: expect.stringMatching(/not a Slack request/) });
    await waitUntil(
      () => bot.lines.some((l) => l.msg === "refused a signed Slack request of the wrong shape"),
      "the warning",
    );
    expect(bot.lines.filter((l) => typeof l.level === "number" && l.level >= 50)).toEqual([]);
  });
});
