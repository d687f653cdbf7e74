import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { createHttpServer, type HttpServer } from "../../../src/ops/http-server.js";
import { createMetrics } from "../../../src/ops/metrics.js";
import { hasBearerToken, opsRoutes } from "../../../src/ops/ops-routes.js";

const silent = pino({ level: "silent" });
const TOKEN = "metrics-token-0123456789abcdef";

let server: HttpServer | undefined;
afterEach(async () => {
  await server?.close(100);
  server = undefined;
});

async function serve(metrics = createMetrics({ defaultMetrics: false }), metricsToken?: string) {
  server = createHttpServer({ logger: silent });
  const health = async () => ({
    httpStatus: 200 as const,
    report: { status: "ok" as const, components: {} },
  });
  server.mount(opsRoutes({ health, metrics, logger: silent, ...(metricsToken ? { metricsToken } : {}) }));
  const { port } = await server.listen(0, "127.0.0.1");
  return `http://127.0.0.1:${port}`;
}

describe("metrics", () => {
  it("counts commands by command, platform and outcome, with a latency histogram", async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    metrics.observeCommand({ command: "vitamin", platform: "slack", outcome: "ok", durationMs: 12 });
    metrics.observeCommand({ command: "vitamin", platform: "slack", outcome: "ok", durationMs: 30 });
    metrics.observeCommand({ command: "unknown", platform: "discord", outcome: "user_error", durationMs: 1 });
    const { body } = await metrics.render();
    expect(body).toContain('vitabot_commands_total{command="vitamin",platform="slack",outcome="ok"} 2');
    expect(body).toContain(
      'vitabot_commands_total{command="unknown",platform="discord",outcome="user_error"} 1',
    );
    expect(body).toContain(
      'vitabot_command_duration_seconds_bucket{le="0.025",command="vitamin",platform="slack"} 1',
    );
    expect(body).toContain('vitabot_command_duration_seconds_count{command="vitamin",platform="slack"} 2');
  });

  it("counts scheduled tips by outcome from each tick, and reads the queue depth and lag when scraped", async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    let depth = 3;
    metrics.watch({ queueDepth: () => depth, lagSeconds: () => 42.5 });
    metrics.observeTick({ posted: 5, failed: 1, skippedLate: 2, claimedElsewhere: 4 });
    metrics.observeTick({ posted: 1, failed: 0, skippedLate: 0, claimedElsewhere: 0 });
    let { body } = await metrics.render();
    expect(body).toContain('vitabot_tips_posted_total{outcome="sent"} 6');
    expect(body).toContain('vitabot_tips_posted_total{outcome="failed"} 1');
    expect(body).toContain('vitabot_tips_posted_total{outcome="skipped_late"} 2');
    expect(body).toContain('vitabot_tips_posted_total{outcome="claimed_elsewhere"} 4');
    expect(body).toContain("vitabot_post_queue_depth 3");
    expect(body).toContain("vitabot_scheduler_lag_seconds 42.5");
    depth = 0;
    ({ body } = await metrics.render());
    expect(body).toContain("vitabot_post_queue_depth 0");
  });

  it("keeps each app's metrics in its own registry, so two apps in one process do not collide", async () => {
    const a = createMetrics();
    const b = createMetrics();
    a.observeCommand({ command: "tip", platform: "slack", outcome: "ok", durationMs: 1 });
    expect((await a.render()).body).toContain(
      'vitabot_commands_total{command="tip",platform="slack",outcome="ok"} 1',
    );
    expect((await b.render()).body).not.toContain('command="tip"');
    expect((await b.render()).body).toContain("process_cpu_user_seconds_total");
  });

  it("serves /metrics in the Prometheus text format, open when no METRICS_TOKEN is set", async () => {
    const base = await serve();
    const response = await fetch(`${base}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    expect(await response.text()).toContain("# TYPE vitabot_commands_total counter");
  });

  it("requires Authorization: Bearer <METRICS_TOKEN> when one is set", async () => {
    const base = await serve(createMetrics({ defaultMetrics: false }), TOKEN);
    const missing = await fetch(`${base}/metrics`);
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toContain("Bearer");
    expect((await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}x` } })).status).toBe(
      401,
    );
    expect((await fetch(`${base}/metrics`, { headers: { authorization: TOKEN } })).status).toBe(401);
    const ok = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain("vitabot_post_queue_depth");
  });

  it("compares the bearer token exactly, the scheme in any case (RFC 7235)", () => {
    expect(hasBearerToken(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(hasBearerToken(`bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(hasBearerToken(`BEARER ${TOKEN}`, TOKEN)).toBe(true);
    expect(hasBearerToken(`Bearer ${TOKEN.toUpperCase()}`, TOKEN)).toBe(false);
    expect(hasBearerToken(`Bearer ${TOKEN.slice(0, -1)}`, TOKEN)).toBe(false);
    expect(hasBearerToken(`Basic ${TOKEN}`, TOKEN)).toBe(false);
    expect(hasBearerToken(`Bearer${TOKEN}`, TOKEN)).toBe(false);
    expect(hasBearerToken(TOKEN, TOKEN)).toBe(false);
    expect(hasBearerToken(undefined, TOKEN)).toBe(false);
  });

  it("serves /metrics over HTTP to a lower-case bearer scheme", async () => {
    const base = await serve(undefined, TOKEN);
    for (const scheme of ["bearer", "BEARER", "Bearer"]) {
      const response = await fetch(`${base}/metrics`, { headers: { authorization: `${scheme} ${TOKEN}` } });
      expect(response.status, scheme).toBe(200);
    }
  });
});
