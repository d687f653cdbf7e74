/**
 * The ack waits on nothing but the signature: over real HTTP, with OAuth
 * (where Bolt looks the workspace's installation up in storage before any listener runs),
 * a slash command, a button press and a mention are each acknowledged while that look-up
 * is held at a gate, and are answered once it opens. Order, not time: every ack is checked
 * against "the gate is still closed". Before the fix the ack came from the listener, after
 * the look-up, so it arrived only once the gate had opened (or given up).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { encodeAction } from "../../../src/adapters/chat-adapter.js";
import type { SlackInstallationKey } from "../../../src/core/storage-ports/storage.js";
import { type SlackTestApp, startSlackTestApp } from "../../helpers/slack-app.js";
import {
  buttonPress,
  eventEnvelope,
  postSigned,
  type SignedRequest,
  slashCommand,
} from "../../kit/slack-requests.js";
import { type SlackStandIn, startSlackStandIn, TEAM_ONE } from "../../kit/slack-stand-in.js";

/** The longest any one step may take on a busy machine; no step is timed. */
const WAIT_MS = 20_000;
/** How long a gate nobody opens holds a look-up. */
const GIVE_UP_MS = 8_000;

let slack: SlackStandIn;
let bot: SlackTestApp;

/**
 * Holds the storage's installation look-ups until opened. A gate nobody opens goes
 * through on its own after GIVE_UP_MS and records that it gave up.
 */
function installationGate(app: SlackTestApp["app"]) {
  const state = { reached: 0, open: false, gaveUp: false };
  let release: () => void = () => {};
  const opened = new Promise<void>((resolve) => {
    release = resolve;
  });
  const open = (gaveUp = false) => {
    state.gaveUp ||= gaveUp && !state.open;
    state.open = true;
    release();
  };
  const original = app.storage.findSlackInstallation.bind(app.storage);
  vi.spyOn(app.storage, "findSlackInstallation").mockImplementation(async (key: SlackInstallationKey) => {
    state.reached++;
    const timer = setTimeout(() => open(true), GIVE_UP_MS);
    await opened;
    clearTimeout(timer);
    return original(key);
  });
  return { state, open: () => open() };
}

let gate: ReturnType<typeof installationGate>;

beforeAll(async () => {
  slack = await startSlackStandIn();
});
afterAll(async () => {
  await slack?.close();
});
// A fresh app per request: the installation store keeps what it looked up for a while.
beforeEach(async () => {
  bot = await startSlackTestApp(slack, {
    env: {
      SLACK_CLIENT_ID: "1111.2222",
      SLACK_CLIENT_SECRET: "client-secret-0a9b8c",
      SLACK_STATE_SECRET: "state-secret-7d6e5f",
    },
  });
  gate = installationGate(bot.app);
}, 60_000);
afterEach(async () => {
  gate?.open();
  vi.restoreAllMocks();
  await bot?.close();
});

const cases: { name: string; request: (url: string) => SignedRequest; answered: (url: string) => boolean }[] =
  [
    {
      name: "a slash command",
      request: (url) => slashCommand({ text: "vitamin d", response_url: url }),
      answered: (url) => slack.responses.some((r) => url.endsWith(r.id)),
    },
    {
      name: "a button press",
      request: (url) =>
        buttonPress(
          { value: encodeAction({ label: "Foods", action: "foods vitamin-d" }) },
          { response_url: url },
        ),
      answered: (url) => slack.responses.some((r) => url.endsWith(r.id)),
    },
    {
      name: "a mention",
      request: (url) =>
        eventEnvelope("app-mention", {
          envelope: { event_id: `Ev_ACK_${url.split("/").pop()}` },
          event: { text: `<@${TEAM_ONE.botUserId}> vitamin d`, ts: `1700000000.${url.split("/").pop()}` },
        }),
      answered: (url) =>
        slack
          .callsTo("chat.postMessage")
          .some((call) => call.params.thread_ts === `1700000000.${url.split("/").pop()}`),
    },
  ];

describe("acknowledging Slack requests before any other work", () => {
  it.each(cases)(
    "acks $name while the workspace's installation is still being looked up",
    async (c) => {
      const target = slack.responseUrl();
      const ack = await postSigned(bot.endpoint, c.request(target.url));
      const openAtAck = gate.state.open;
      expect(ack).toEqual({ status: 200, text: "" });
      expect(openAtAck, "the ack waited for the installation look-up").toBe(false);
      await slack.waitFor(() => gate.state.reached > 0, WAIT_MS);
      expect(c.answered(target.url), "answered before the look-up finished").toBe(false);

      gate.open();
      await slack.waitFor(() => c.answered(target.url), WAIT_MS);
      expect(gate.state.gaveUp).toBe(false);
    },
    60_000,
  );
});
