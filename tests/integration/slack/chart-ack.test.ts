/**
 * Charts never hold other answers: over real HTTP against the app and the
 * Slack stand-in, a leaderboard whose chart drawing is deliberately blocked (a worker that
 * waits at a gate, as a long Vega/resvg render holds its thread) does not stop another
 * command from being acknowledged and answered; once the gate opens, the leaderboard's
 * answer and picture follow. Order, not time: every check is "while the drawing is still
 * at the gate". With charts drawn inline (CHART_THREADS=0, as before the pool) the gate
 * blocks the one thread that acks, and this test fails.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGate, GATE, openGate } from "../../helpers/blocked-chart-worker.js";
import { PNG_SIGNATURE } from "../../helpers/chart-commands.js";
import { type SlackTestApp, startSlackTestApp } from "../../helpers/slack-app.js";
import { postSigned, slashCommand } from "../../kit/slack-requests.js";
import { type SlackStandIn, startSlackStandIn } from "../../kit/slack-stand-in.js";

const ADMIN = "U_CHART_ADMIN";
/** The longest wait for any one step (a busy machine loads Vega slowly); no step is timed. */
const WAIT_MS = 30_000;
const gate = createGate();
let slack: SlackStandIn;
let bot: SlackTestApp;

beforeAll(async () => {
  slack = await startSlackStandIn();
  bot = await startSlackTestApp(slack, {
    env: { ADMIN_USER_IDS: `slack:${ADMIN}`, CHART_THREADS: process.env.TEST_CHART_THREADS ?? "1" },
    chartWorker: {
      module: new URL("../../helpers/blocked-chart-worker.ts", import.meta.url),
      context: gate.buffer,
    },
  });
}, 60_000);
afterAll(async () => {
  openGate(gate);
  await bot?.close();
  await slack?.close();
});

/** Sends `/vitabot <text>`; resolves with the ack, and gives the response_url's id. */
function send(text: string, userId = ADMIN) {
  const target = slack.responseUrl();
  const ack = postSigned(bot.endpoint, slashCommand({ text, user_id: userId, response_url: target.url }));
  const answer = () =>
    slack.waitFor(
      () => slack.responses.find((r) => r.id === target.id)?.body as { text: string } | undefined,
      WAIT_MS,
    );
  return { ack, answer, answered: () => slack.responses.some((r) => r.id === target.id) };
}

describe("a chart being drawn", () => {
  it("holds no other command's ack or answer; the leaderboard follows once the drawing may go on", async () => {
    const started = send('challenge start daylight-walks "Chart walks" zone:Europe/Berlin');
    expect((await started.ack).status).toBe(200);
    expect((await started.answer()).text).toContain("Chart walks");
    expect((await send("challenge join Blue").answer()).text).toMatch(/joined|in/i);

    const board = send("leaderboard");
    expect((await board.ack).status).toBe(200);
    // The drawing has reached the gate and waits there.
    await slack.waitFor(() => Atomics.load(gate, GATE.started) > 0, WAIT_MS);

    const other = send("vitamin d", "U_SOMEONE_ELSE");
    const otherAck = await other.ack;
    const passedAtAck = Atomics.load(gate, GATE.passed);
    expect(otherAck.status).toBe(200);
    expect(passedAtAck, "the ack waited for the chart drawing").toBe(0);
    expect((await other.answer()).text).toContain("Vitamin D");
    expect(Atomics.load(gate, GATE.passed), "the answer waited for the chart drawing").toBe(0);
    expect(board.answered(), "the leaderboard answered before its chart was drawn").toBe(false);

    openGate(gate);
    const answer = await board.answer();
    expect(answer.text).toContain("Leaderboard: Chart walks");
    expect(Atomics.load(gate, GATE.gaveUp)).toBe(0);
    // An ephemeral answer's picture goes to the asker's DM.
    const picture = await slack.waitFor(
      () => slack.shared.find((file) => file.filename === "leaderboard.png"),
      WAIT_MS,
    );
    expect(picture.bytes?.subarray(0, 8)).toEqual(PNG_SIGNATURE);
  }, 90_000);
});
