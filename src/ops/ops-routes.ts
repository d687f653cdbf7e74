/**
 * The operations routes on the shared server: `GET /healthz` (JSON, 200 or 503) and
 * `GET /metrics` (Prometheus text), the latter behind `Authorization: Bearer
 * <METRICS_TOKEN>` when a token is configured. Both keep answering while draining.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "../logger.js";
import type { HealthCheck } from "./health.js";
import { type HttpRoute, sendJson } from "./http-server.js";
import type { Metrics } from "./metrics.js";

const HEALTH_PATH = "/healthz";
const METRICS_PATH = "/metrics";

const digest = (value: string) => createHash("sha256").update(value).digest();

/** `<scheme> <credentials>`: the scheme is case-insensitive (RFC 7235 §2.1), the token is not. */
const CREDENTIALS = /^([A-Za-z]+) +(\S+)$/;

/**
 * True when the Authorization header carries the token under the Bearer scheme, in any
 * case (`bearer`, `Bearer`). Both tokens are hashed first, so the comparison takes the
 * same time whatever the header's length or content.
 * @see https://www.rfc-editor.org/rfc/rfc7235#section-2.1
 */
export function hasBearerToken(header: string | undefined, token: string): boolean {
  const match = CREDENTIALS.exec(header ?? "");
  const sameToken = timingSafeEqual(digest(match?.[2] ?? ""), digest(token));
  return sameToken && match?.[1]?.toLowerCase() === "bearer";
}

export interface OpsRoutesDeps {
  health: HealthCheck;
  /** Without it, no /metrics route. */
  metrics?: Metrics;
  /** When set, /metrics requires `Authorization: Bearer <token>`. */
  metricsToken?: string;
  logger: Logger;
}

async function serveMetrics(
  deps: OpsRoutesDeps & { metrics: Metrics },
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (deps.metricsToken && !hasBearerToken(req.headers.authorization, deps.metricsToken)) {
    deps.logger.warn({ path: METRICS_PATH }, "metrics request without the right bearer token");
    return sendJson(res, 401, { error: "unauthorized" }, { "www-authenticate": 'Bearer realm="metrics"' });
  }
  const { contentType, body } = await deps.metrics.render();
  res.writeHead(200, {
    "content-type": contentType,
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
  });
  res.end(body);
}

/** @example http.mount(opsRoutes({ health, metrics, metricsToken: config.metricsToken, logger })); */
export function opsRoutes(deps: OpsRoutesDeps): HttpRoute[] {
  const health: HttpRoute = {
    path: HEALTH_PATH,
    method: "GET",
    duringDrain: true,
    handler: async (_req, res) => {
      const { httpStatus, report } = await deps.health();
      sendJson(res, httpStatus, report);
    },
  };
  const { metrics } = deps;
  if (!metrics) return [health];
  const handler: HttpRoute["handler"] = (req, res) => serveMetrics({ ...deps, metrics }, req, res);
  return [health, { path: METRICS_PATH, method: "GET", duringDrain: true, handler }];
}
