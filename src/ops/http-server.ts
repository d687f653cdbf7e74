/**
 * The one HTTP server that owns PORT: a small exact-path router (node:http) onto which
 * Slack's receiver (`/slack/events`, the OAuth paths), Discord's interactions endpoint
 * and the operations routes (`/healthz`, `/metrics`) are mounted. Every request gets a
 * request id (the `X-Request-Id` response header, and `requestId` on its log lines).
 * Draining (on SIGTERM) refuses new work with 503, whatever the path, while health and
 * metrics keep answering.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "../logger.js";
import { type RequestContext, requestIdFrom } from "./request-context.js";

/** Handles one request; a rejected promise becomes a logged 500. */
type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** One path on the shared server. */
export interface HttpRoute {
  /** Exact path, without the query string. */
  path: string;
  /** Only this method (and HEAD for GET); any method when unset, for handlers that answer 405 themselves. */
  method?: string;
  handler: RouteHandler;
  /** Still served while draining (health, metrics); other routes answer 503 then. */
  duringDrain?: boolean;
}

/** Where adapters mount their routes: the shared server, or one of their own. */
export interface HttpMount {
  /** Adds routes; returns the function that removes them again. */
  mount(routes: readonly HttpRoute[]): () => void;
  /** Where the server listens, once it does. */
  address(): AddressInfo | undefined;
}

export interface HttpServer extends HttpMount {
  /** Starts listening; resolves with the bound address (PORT=0 picks a free port). */
  listen(port: number, host?: string): Promise<AddressInfo>;
  /** Stops taking work: routes without `duringDrain` answer 503, connections are not kept alive. */
  beginDrain(): void;
  readonly draining: boolean;
  /** Stops listening and resolves once open requests end (connections are cut after `graceMs`). */
  close(graceMs?: number): Promise<void>;
}

export interface HttpServerOptions {
  logger: Logger;
  /** Carries the request id into everything the request does (see request-context.ts). */
  requests?: RequestContext;
}

/** How long close() lets open requests finish before cutting their connections. */
const CLOSE_GRACE_MS = 3000;

/** Writes a JSON response (the only kind the router itself sends). */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    "cache-control": "no-store",
    ...headers,
  });
  res.end(text);
}

function pathOf(req: IncomingMessage): string {
  const url = req.url ?? "/";
  const query = url.indexOf("?");
  return query === -1 ? url : url.slice(0, query);
}

function matches(route: HttpRoute, method: string): boolean {
  return !route.method || route.method === method || (method === "HEAD" && route.method === "GET");
}

/**
 * @example const http = createHttpServer({ logger }); http.mount([{ path: "/healthz", method: "GET", handler }]); await http.listen(3000);
 */
export function createHttpServer(options: HttpServerOptions): HttpServer {
  const { logger } = options;
  const routes = new Map<string, HttpRoute[]>();
  let draining = false;
  let closing = false;

  function fail(res: ServerResponse, error: unknown): void {
    logger.error({ err: error }, "HTTP request failed");
    if (!res.headersSent) sendJson(res, 500, { error: "internal error" });
    else res.destroy();
  }

  /** The route for a request, or the error response to send instead. */
  function resolve(req: IncomingMessage): HttpRoute | [number, string, Record<string, string>?] {
    const candidates = routes.get(pathOf(req)) ?? [];
    const method = (req.method ?? "GET").toUpperCase();
    const found = candidates.find((r) => matches(r, method));
    // Draining first: adapters take their routes down while stopping, and a 404 then would
    // tell a load balancer (or Slack) the endpoint is gone rather than "try elsewhere".
    if (draining && !found?.duringDrain) return [503, "shutting down", { "retry-after": "5" }];
    if (candidates.length === 0) return [404, "not found"];
    if (!found)
      return [405, "method not allowed", { allow: candidates.map((r) => r.method ?? "*").join(", ") }];
    return found;
  }

  function route(req: IncomingMessage, res: ServerResponse): void {
    const found = resolve(req);
    if (Array.isArray(found)) {
      const [status, error, headers] = found;
      sendJson(res, status, { error }, headers);
      return;
    }
    const result = found.handler(req, res);
    if (result) result.catch((error: unknown) => fail(res, error));
  }

  const server = createServer((req, res) => {
    const requestId = requestIdFrom(req.headers["x-request-id"]);
    const started = performance.now();
    res.setHeader("x-request-id", requestId);
    if (draining) res.setHeader("connection", "close");
    res.once("close", () => {
      const ms = Math.round((performance.now() - started) * 10) / 10;
      logger.debug(
        { requestId, method: req.method, path: pathOf(req), status: res.statusCode, ms },
        "http request",
      );
      // A kept-alive connection would otherwise hold close() until its idle timeout.
      if (closing) setImmediate(() => server.closeIdleConnections());
    });
    const run = () => {
      try {
        route(req, res);
      } catch (error) {
        fail(res, error);
      }
    };
    if (options.requests) options.requests.run(requestId, run);
    else run();
  });

  return {
    mount(added) {
      for (const r of added) routes.set(r.path, [...(routes.get(r.path) ?? []), r]);
      return () => {
        for (const r of added)
          routes.set(
            r.path,
            (routes.get(r.path) ?? []).filter((x) => x !== r),
          );
      };
    },
    address: () => (server.address() as AddressInfo | null) ?? undefined,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          server.off("error", reject);
          resolve(server.address() as AddressInfo);
        });
      });
    },
    beginDrain() {
      draining = true;
    },
    get draining() {
      return draining;
    },
    async close(graceMs = CLOSE_GRACE_MS) {
      draining = true;
      closing = true;
      if (!server.listening) return;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const cut = setTimeout(() => server.closeAllConnections(), graceMs);
      await closed;
      clearTimeout(cut);
    },
  };
}
