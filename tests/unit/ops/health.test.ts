import { pino } from "pino";
import { describe, expect, it } from "vitest";
import type { AdapterHealth } from "../../../src/adapters/chat-adapter.js";
import { createHealthCheck, type HealthDeps } from "../../../src/ops/health.js";
import { createSchedulerMonitor } from "../../../src/ops/scheduler-monitor.js";

const silent = pino({ level: "silent" });
const MINUTE = 60_000;

function clock(start = Date.parse("2026-05-01T10:00:00Z")) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

function adapter(platform: string, health: AdapterHealth) {
  return { platform, health: () => health };
}

function deps(overrides: Partial<HealthDeps> = {}): HealthDeps {
  return {
    ping: async () => {},
    adapters: () => [adapter("slack", { ok: true, detail: "http" })],
    draining: () => false,
    logger: silent,
    ...overrides,
  };
}

describe("the scheduler monitor", () => {
  it("reports no lag while ticks come on time, and counts lag from start until the first tick", () => {
    const time = clock();
    const monitor = createSchedulerMonitor({ intervalMs: MINUTE, now: time.now });
    time.advance(50_000);
    expect(monitor.health()).toEqual({ status: "ok", lagSeconds: 0, lastTickAt: null });
    monitor.tickCompleted();
    time.advance(MINUTE);
    expect(monitor.health()).toMatchObject({
      status: "ok",
      lagSeconds: 0,
      lastTickAt: "2026-05-01T10:00:50.000Z",
    });
  });

  it("is degraded beyond one missed interval and down beyond three", () => {
    const time = clock();
    const monitor = createSchedulerMonitor({ intervalMs: MINUTE, now: time.now });
    monitor.tickCompleted();
    time.advance(2 * MINUTE + 30_000);
    expect(monitor.health()).toMatchObject({ status: "degraded", lagSeconds: 90 });
    expect(monitor.lagSeconds()).toBe(90);
    time.advance(2 * MINUTE);
    expect(monitor.health()).toMatchObject({ status: "down", lagSeconds: 210 });
    monitor.tickCompleted();
    expect(monitor.health()).toMatchObject({ status: "ok", lagSeconds: 0 });
  });

  it("marks a skipped tick (another process holds the SQLite lock) as standby, not as lag", () => {
    const time = clock();
    const monitor = createSchedulerMonitor({ intervalMs: MINUTE, now: time.now });
    monitor.tickSkipped("standby: another vitabot process (pid 42 on h) holds x.lock");
    expect(monitor.health()).toMatchObject({
      status: "degraded",
      lagSeconds: 0,
      detail: expect.stringContaining("pid 42"),
    });
  });
});

describe("/healthz", () => {
  it("is 200 ok with every component when all is well", async () => {
    const time = clock();
    const scheduler = createSchedulerMonitor({ intervalMs: MINUTE, now: time.now });
    const check = createHealthCheck(
      deps({
        scheduler,
        adapters: () => [adapter("slack", { ok: true, detail: "http" }), adapter("discord", { ok: true })],
      }),
    );
    const { httpStatus, report } = await check();
    expect(httpStatus).toBe(200);
    expect(report).toEqual({
      status: "ok",
      components: {
        database: { status: "ok", latencyMs: expect.any(Number) },
        slack: { status: "ok", detail: "http" },
        discord: { status: "ok" },
        scheduler: { status: "ok", lagSeconds: 0, lastTickAt: null },
      },
    });
  });

  it("is 503 when the database does not answer, without the driver's message", async () => {
    const check = createHealthCheck(
      deps({
        ping: async () => {
          throw new Error("password authentication failed for user vitabot at db.internal");
        },
      }),
    );
    const { httpStatus, report } = await check();
    expect(httpStatus).toBe(503);
    expect(report.status).toBe("down");
    expect(report.components.database).toMatchObject({ status: "down", detail: "unreachable" });
    expect(JSON.stringify(report)).not.toContain("db.internal");
  });

  it("is 503 when a platform connection is down", async () => {
    const check = createHealthCheck(
      deps({ adapters: () => [adapter("discord", { ok: false, detail: "gateway not connected" })] }),
    );
    const { httpStatus, report } = await check();
    expect(httpStatus).toBe(503);
    expect(report.components.discord).toEqual({ status: "down", detail: "gateway not connected" });
  });

  it("stays 200 but says degraded when the scheduler is one to three intervals behind", async () => {
    const time = clock();
    const scheduler = createSchedulerMonitor({ intervalMs: MINUTE, now: time.now });
    time.advance(3 * MINUTE);
    const check = createHealthCheck(deps({ scheduler }));
    expect(await check()).toMatchObject({ httpStatus: 200, report: { status: "degraded" } });
    time.advance(2 * MINUTE);
    expect(await check()).toMatchObject({ httpStatus: 503, report: { status: "down" } });
  });

  it("is 503 draining while vitabot shuts down, even when every component is fine", async () => {
    const check = createHealthCheck(deps({ draining: () => true }));
    expect(await check()).toMatchObject({ httpStatus: 503, report: { status: "draining" } });
  });
});
