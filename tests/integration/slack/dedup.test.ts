import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../helpers/postgres.js";
import { type SlackTestApp, startSlackTestApp } from "../../helpers/slack-app.js";
import { eventEnvelope, postSigned } from "../../kit/slack-requests.js";
import { type SlackStandIn, startSlackStandIn } from "../../kit/slack-stand-in.js";

const dir = mkdtempSync(join(tmpdir(), "vitabot-slack-dedup-"));
const databases: TestDatabase[] = [];
let slack: SlackStandIn;

beforeAll(async () => {
  slack = await startSlackStandIn();
});
afterAll(async () => {
  await slack?.close();
  await Promise.all(databases.map((database) => database.drop()));
  rmSync(dir, { recursive: true, force: true });
});

const backends: Record<string, () => Promise<string>> = {
  "SQLite file": async () => `file:${join(dir, "shared.db")}`,
  PostgreSQL: async () => {
    const database = await createTestDatabase();
    databases.push(database);
    return database.url;
  },
};

for (const [backend, databaseUrl] of Object.entries(backends)) {
  describe(`Slack event dedup across two app instances sharing ${backend}`, () => {
    let first: SlackTestApp;
    let second: SlackTestApp;

    beforeAll(async () => {
      const url = await databaseUrl();
      first = await startSlackTestApp(slack, { databaseUrl: url });
      second = await startSlackTestApp(slack, { databaseUrl: url });
    });
    afterAll(async () => {
      await first?.close();
      await second?.close();
    });

    it("acts once on a delivery and its retries (X-Slack-Retry-Num, same event_id), wherever they land", async () => {
      const eventId = `EvRetry${backend.replace(/\W/g, "")}`;
      const thread = `17000${Math.floor(Math.random() * 1e5)}.000200`;
      const request = eventEnvelope("app-mention", {
        envelope: { event_id: eventId },
        event: { ts: thread },
      });
      const retry = (n: number) => ({
        ...request,
        headers: { "x-slack-retry-num": String(n), "x-slack-retry-reason": "http_timeout" },
      });
      const acks = await Promise.all([
        postSigned(first.endpoint, request),
        postSigned(second.endpoint, retry(1)),
        postSigned(first.endpoint, retry(2)),
        postSigned(second.endpoint, retry(3)),
      ]);
      expect(acks.map((ack) => ack.status)).toEqual([200, 200, 200, 200]);
      const inThread = () =>
        slack.callsTo("chat.postMessage").filter((call) => call.params.thread_ts === thread);
      await slack.waitFor(() => inThread().length > 0);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(inThread()).toHaveLength(1);
      const skipped = [...first.logLines, ...second.logLines].filter(
        (line) => line.msg === "duplicate Slack event skipped",
      );
      expect(skipped).toHaveLength(3);
    });

    it("still answers a different event", async () => {
      const thread = `18000${Math.floor(Math.random() * 1e5)}.000300`;
      const request = eventEnvelope("app-mention", {
        envelope: { event_id: `EvOther${thread}` },
        event: { ts: thread },
      });
      await postSigned(second.endpoint, request);
      await slack.waitFor(() =>
        slack.callsTo("chat.postMessage").some((call) => call.params.thread_ts === thread),
      );
    });
  });
}
