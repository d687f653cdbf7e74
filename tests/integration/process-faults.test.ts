/**
 * A fault anywhere in a real `vitabot start` process (an unhandled rejection raised in a
 * request's context by tests/fixtures/processes/fault-on-signal.ts) is never swallowed:
 * it is logged with the request id, the process drains as on SIGTERM (refuses new work,
 * lets an acknowledged answer out) and exits non-zero so the supervisor restarts it.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SlackBotProcess, startSlackBotProcess } from "../helpers/slack-bot-process.js";
import { waitUntil } from "../kit/bot-process.js";
import { postSigned, slashCommand } from "../kit/slack-requests.js";

/** The request id the fixture raises its fault under. */
const FAULT_REQUEST_ID = "fault-test-request-1";

/** A response_url that holds each answer until `release()`: the answer is in flight meanwhile. */
async function heldResponseUrl() {
  const received: string[] = [];
  const delivered: string[] = [];
  const held: (() => void)[] = [];
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => {
      body += chunk.toString("utf8");
    });
    req.on("end", () => {
      received.push(body);
      held.push(() => {
        res.once("finish", () => delivered.push(body));
        res.writeHead(200, { "content-type": "application/json" });
        res.end('{"ok":true}');
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/respond/1`,
    received,
    delivered,
    release: () => {
      for (const answer of held.splice(0)) answer();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let started: SlackBotProcess | undefined;
let responder: Awaited<ReturnType<typeof heldResponseUrl>>;

beforeAll(async () => {
  responder = await heldResponseUrl();
});
afterAll(async () => {
  await started?.stop();
  await responder?.close();
});

describe("vitabot start: a fault anywhere", () => {
  it("logs the unhandled rejection with its request id, drains as on SIGTERM, and exits 1", async () => {
    started = await startSlackBotProcess("fault", "tests/fixtures/processes/fault-on-signal.ts");
    const { bot: running, base } = started;
    const ack = await postSigned(
      `${base}/slack/events`,
      slashCommand({ text: "tip", response_url: responder.url }),
    );
    expect(ack).toEqual({ status: 200, text: "" });
    await waitUntil(() => responder.received.length === 1, "the answer to reach the response_url");

    process.kill(running.pid, "SIGUSR2");
    await running.waitForLog((l) => l.msg === "vitabot stopping", "vitabot stopping");
    // The acknowledged answer is still held: the process is draining, not gone.
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(503);
    expect(((await health.json()) as { status: string }).status).toBe("draining");
    const refused = await postSigned(`${base}/slack/events`, slashCommand({ text: "tip" }));
    expect(refused.status).toBe(503);

    responder.release();
    const exit = await running.exited;
    expect(exit).toEqual({ code: 1, signal: null });
    expect(responder.delivered).toHaveLength(1);
    const fault = running.lines.findIndex((l) => l.fault === "unhandledRejection");
    expect(running.lines[fault]).toMatchObject({
      level: 60,
      requestId: FAULT_REQUEST_ID,
      err: expect.objectContaining({ message: "deliberate fault for the test" }),
      msg: expect.stringContaining("unhandled rejection"),
    });
    const stopping = running.lines.findIndex((l) => l.msg === "vitabot stopping");
    expect(running.lines[stopping]).toMatchObject({ reason: "unhandledRejection" });
    expect(fault).toBeLessThan(stopping);
  }, 120_000);
});
