import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createResponder } from "../../../src/adapters/slack/respond.js";
import { PlatformError } from "../../../src/errors.js";

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A response_url stand-in answering each POST with the next status in `statuses`. */
async function responseUrl(
  statuses: number[],
  onBody: (body: unknown, req: IncomingMessage) => void = () => {},
) {
  const server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk) => (raw += chunk));
    req.on("end", () => {
      onBody(JSON.parse(raw), req);
      res.writeHead(statuses.shift() ?? 200).end("ok");
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/respond/1` };
}

describe("createResponder", () => {
  it("POSTs the message as JSON and reuses one kept-alive connection", async () => {
    const bodies: unknown[] = [];
    const ports = new Set<number>();
    const target = await responseUrl([], (body, req) => {
      bodies.push(body);
      ports.add(req.socket.remotePort ?? 0);
    });
    const responder = createResponder();
    await responder.respond(target.url, { text: "hi", response_type: "ephemeral" });
    await responder.respond(target.url, { text: "again" });
    responder.close();
    expect(bodies).toEqual([{ text: "hi", response_type: "ephemeral" }, { text: "again" }]);
    expect(ports.size).toBe(1);
  });

  it("fails permanently for an expired response_url (404/410) and retryably for a 500", async () => {
    const target = await responseUrl([404, 410, 500]);
    const responder = createResponder();
    const failures = [];
    for (let i = 0; i < 3; i++)
      failures.push(await responder.respond(target.url, { text: "x" }).catch((e: unknown) => e));
    responder.close();
    expect(failures.map((f) => f instanceof PlatformError && [f.code, f.detail.permanent])).toEqual([
      ["response_url_404", true],
      ["response_url_410", true],
      ["response_url_500", false],
    ]);
  });

  it("retries once on a new socket when the server drops a kept-alive one as the request arrives", async () => {
    const served = new WeakMap<object, number>();
    const bodies: unknown[] = [];
    const target = await responseUrl([], (body, req) => {
      const count = (served.get(req.socket) ?? 0) + 1;
      served.set(req.socket, count);
      // Like an edge closing an idle connection just as the next request reaches it.
      if (count === 2) req.socket.destroy();
      else bodies.push(body);
    });
    const responder = createResponder();
    await responder.respond(target.url, { text: "first" });
    await expect(responder.respond(target.url, { text: "second" })).resolves.toBeUndefined();
    responder.close();
    expect(bodies).toEqual([{ text: "first" }, { text: "second" }]);
  });

  it("refuses a response_url that is not http(s)", async () => {
    await expect(createResponder().respond("file:///etc/passwd", { text: "x" })).rejects.toMatchObject({
      code: "bad_response_url",
    });
  });
});
