/**
 * What a POST to `/slack/events` must pass before Bolt's receiver sees it: a body within
 * Bolt's size limit (413), a fresh timestamp in a window of 5 minutes either way and a
 * valid v0 signature (401, as Bolt answers a stale one), and a body of a shape vitabot
 * takes (400, see request-shape.ts). Bolt only refuses old timestamps; one from the
 * future would let a captured request be replayed until its time came. The body is read
 * once and handed to Bolt already buffered, so Bolt parses exactly what was checked.
 * @see https://docs.slack.dev/authentication/verifying-requests-from-slack
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { parse as parseQuery } from "node:querystring";
import { HTTPModuleFunctions, verifySlackRequest } from "@slack/bolt";
import type { Logger } from "../../logger.js";
import { sendJson } from "../../ops/http-server.js";
import { checkSlackBody, type SlackRequestBody } from "./request-shape.js";

/** How far a request's timestamp may be from our clock, either way (Slack's own rule for old ones). */
const SLACK_TIMESTAMP_WINDOW_SECONDS = 5 * 60;

const FORM = "application/x-www-form-urlencoded";
const TIMESTAMP = /^\d{1,15}$/;

export interface SlackRequestGuardDeps {
  signingSecret: string;
  logger: Logger;
  now?: () => number;
}

/** Why a request does not reach Bolt, with the status to answer. */
type Refusal = { status: number; error: string; reason: string };

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === "string" ? value : undefined;
}

/** Slack's SSL check: unsigned by design; Bolt answers it and drops anything smuggled with it. */
function isSslCheck(req: IncomingMessage, raw: string): boolean {
  if (req.headers["content-type"] !== FORM) return false;
  // Bolt's own test, on node:querystring's parse (a repeated field is an array, not "1").
  return parseQuery(raw).ssl_check === "1";
}

/** The signature and a timestamp within the window either way, or why not. */
function verify(req: IncomingMessage, raw: string, deps: SlackRequestGuardDeps): Refusal | undefined {
  const unauthorized = (reason: string): Refusal => ({ status: 401, error: "unauthorized", reason });
  const signature = header(req, "x-slack-signature");
  const timestamp = header(req, "x-slack-request-timestamp");
  if (!signature || !timestamp || !TIMESTAMP.test(timestamp))
    return unauthorized("missing or malformed signature headers");
  const nowMs = (deps.now ?? Date.now)();
  if (Math.abs(Math.floor(nowMs / 1000) - Number(timestamp)) > SLACK_TIMESTAMP_WINDOW_SECONDS)
    return unauthorized("timestamp more than 5 minutes from now (a replay, or a clock off)");
  try {
    verifySlackRequest({
      signingSecret: deps.signingSecret,
      body: raw,
      headers: { "x-slack-signature": signature, "x-slack-request-timestamp": Number(timestamp) },
      nowMilliseconds: nowMs,
    });
    return undefined;
  } catch {
    return unauthorized("signature mismatch");
  }
}

/** Parses the body exactly as Bolt will, and checks its shape. */
function checkShape(req: IncomingMessage & { rawBody: Buffer }): SlackRequestBody | Refusal {
  let body: unknown;
  try {
    body = HTTPModuleFunctions.parseHTTPRequestBody(req);
  } catch {
    return { status: 400, error: "the body is not a Slack request (not JSON)", reason: "unparsable body" };
  }
  const checked = checkSlackBody(body);
  if (checked.ok) return checked.body;
  return { status: 400, error: "the body is not a Slack request vitabot takes", reason: checked.reason };
}

const isRefusal = (value: object): value is Refusal => "status" in value && "reason" in value;

/** Reads the body within Bolt's limit; a refusal when it is too large or the read fails. */
async function buffer(req: IncomingMessage): Promise<(IncomingMessage & { rawBody: Buffer }) | Refusal> {
  try {
    return await HTTPModuleFunctions.bufferIncomingMessage(req, HTTPModuleFunctions.defaultBodyLimit);
  } catch (error) {
    const tooLarge = HTTPModuleFunctions.isRawBodyError(error) && error.statusCode === 413;
    return tooLarge
      ? { status: 413, error: "request body too large", reason: "body over the limit" }
      : { status: 400, error: "the request body could not be read", reason: "unreadable body" };
  }
}

/** What passed the guard: a body of a shape vitabot takes, or Slack's unsigned SSL check (for Bolt). */
export type GuardedRequest = { kind: "body"; body: SlackRequestBody } | { kind: "ssl_check" };

/**
 * Checks a request to `/slack/events`: what passed, or undefined when it has been
 * answered already (refused, or an app_rate_limited notice acknowledged).
 * @example const passed = await guardSlackRequest(req, res, { signingSecret, logger }); if (passed) …
 */
export async function guardSlackRequest(
  req: IncomingMessage,
  res: ServerResponse,
  deps: SlackRequestGuardDeps,
): Promise<GuardedRequest | undefined> {
  const buffered = await buffer(req);
  if (isRefusal(buffered)) return refuse(res, buffered, deps.logger);
  const raw = buffered.rawBody.toString();
  if (isSslCheck(req, raw)) return { kind: "ssl_check" };
  const unsigned = verify(req, raw, deps);
  if (unsigned) return refuse(res, unsigned, deps.logger);
  const body = checkShape(buffered);
  if (isRefusal(body)) return refuse(res, body, deps.logger);
  if ("type" in body && body.type === "app_rate_limited") {
    // Bolt finds no listener type for it and would leave it unacknowledged for 3 s.
    deps.logger.warn("Slack paused event deliveries for a minute (app_rate_limited)");
    res.writeHead(200).end();
    return undefined;
  }
  return { kind: "body", body };
}

function refuse(res: ServerResponse, refusal: Refusal, logger: Logger): undefined {
  const message =
    refusal.status === 400
      ? "refused a signed Slack request of the wrong shape"
      : `refused a Slack request (${refusal.status})`;
  logger.warn({ status: refusal.status, reason: refusal.reason }, message);
  sendJson(res, refusal.status, { error: refusal.error });
  return undefined;
}
