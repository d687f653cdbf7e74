import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { createLogger } from "../../../src/logger.js";
import { createHttpServer, type HttpServer, sendJson } from "../../../src/ops/http-server.js";
import { createRequestContext } from "../../../src/ops/request-context.js";

function memoryLogger(requests = createRequestContext()) {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n")) if (line.trim()) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: createLogger({ level: "debug", destination, context: requests }), lines, requests };
}

let server: HttpServer | undefined;
afterEach(async () => {
  await server?.close(100);
  server = undefined;
});

async function start(setup: (http: HttpServer) => void, log = memoryLogger()) {
  server = createHttpServer({ logger: log.logger, requests: log.requests });
  setup(server);
  const { port } = await server.listen(0, "127.0.0.1");
  return { base: `http://127.0.0.1:${port}`, lines: log.lines };
}

describe("the shared HTTP server", () => {
  it("routes by exact path and method: 404 for unknown paths, 405 with Allow for other methods", async () => {
    const { base } = await start((http) =>
      http.mount([
        { path: "/ping", method: "POST", handler: (_req, res) => sendJson(res, 200, { ok: true }) },
      ]),
    );
    expect((await fetch(`${base}/ping`, { method: "POST" })).status).toBe(200);
    expect((await fetch(`${base}/ping?x=1`, { method: "POST" })).status).toBe(200);
    expect((await fetch(`${base}/nope`)).status).toBe(404);
    const wrong = await fetch(`${base}/ping`);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("POST");
  });

  it("gives every request an X-Request-Id and puts it on every log line written while handling it", async () => {
    const log = memoryLogger();
    const { base, lines } = await start(
      (http) =>
        http.mount([
          {
            path: "/work",
            handler: async (_req, res) => {
              await new Promise((resolve) => setTimeout(resolve, 5));
              log.logger.child({ platform: "slack" }).info("deep inside the handler");
              sendJson(res, 200, {});
            },
          },
        ]),
      log,
    );
    const response = await fetch(`${base}/work`);
    const id = response.headers.get("x-request-id") ?? "";
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await expect.poll(() => lines.find((l) => l.msg === "http request")).toBeDefined();
    expect(lines.find((l) => l.msg === "deep inside the handler")?.requestId).toBe(id);
    expect(lines.find((l) => l.msg === "http request")).toMatchObject({
      requestId: id,
      status: 200,
      path: "/work",
    });
    const second = await fetch(`${base}/work`);
    expect(second.headers.get("x-request-id")).not.toBe(id);
  });

  it("keeps a sane X-Request-Id from a proxy and replaces one that is not", async () => {
    const { base } = await start((http) =>
      http.mount([{ path: "/a", handler: (_req, res) => sendJson(res, 200, {}) }]),
    );
    const kept = await fetch(`${base}/a`, { headers: { "x-request-id": "lb-1234abcd" } });
    expect(kept.headers.get("x-request-id")).toBe("lb-1234abcd");
    const replaced = await fetch(`${base}/a`, { headers: { "x-request-id": "<script>alert(1)</script>" } });
    expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers a failing handler with a logged 500", async () => {
    const { base, lines } = await start((http) =>
      http.mount([
        {
          path: "/boom",
          handler: async () => {
            throw new Error("kaput");
          },
        },
      ]),
    );
    expect((await fetch(`${base}/boom`)).status).toBe(500);
    expect(lines.some((l) => l.msg === "HTTP request failed")).toBe(true);
  });

  it("while draining refuses work with 503 but keeps serving routes marked duringDrain", async () => {
    const { base } = await start((http) =>
      http.mount([
        { path: "/work", handler: (_req, res) => sendJson(res, 200, {}) },
        {
          path: "/healthz",
          method: "GET",
          duringDrain: true,
          handler: (_req, res) => sendJson(res, 200, {}),
        },
      ]),
    );
    server?.beginDrain();
    const refused = await fetch(`${base}/work`, { method: "POST" });
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("5");
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it("unmounts routes, and close() lets a request in progress finish", async () => {
    let unmount: () => void = () => {};
    const { base } = await start((http) => {
      unmount = http.mount([{ path: "/gone", handler: (_req, res) => sendJson(res, 200, {}) }]);
      http.mount([
        {
          path: "/slow",
          handler: async (_req, res) => {
            await new Promise((resolve) => setTimeout(resolve, 300));
            sendJson(res, 200, { done: true });
          },
        },
      ]);
    });
    unmount();
    expect((await fetch(`${base}/gone`)).status).toBe(404);
    const slow = fetch(`${base}/slow`).then(async (r) => ({ status: r.status, body: await r.json() }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closing = server?.close();
    await expect(slow).resolves.toEqual({ status: 200, body: { done: true } });
    await closing;
    await expect(fetch(`${base}/slow`)).rejects.toThrow();
  });
});
