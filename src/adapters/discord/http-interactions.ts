/**
 * HTTP interactions mode: `POST /discord/interactions` on PORT, an alternative to the
 * gateway for load-balanced or serverless deployments. Every request's Ed25519
 * signature is checked on the raw body (401 otherwise; Discord probes with bad ones),
 * PING gets PONG, and commands, buttons and autocomplete run through the same handler
 * as the gateway. Slow answers are deferred (type 5) and then edited over the webhook.
 * @see https://discord.com/developers/docs/interactions/receiving-and-responding
 */

import type { KeyObject } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import {
  type APIInteraction,
  type APIInteractionResponse,
  InteractionResponseType,
  InteractionType,
  type REST,
  Routes,
} from "discord.js";
import { errorInfo, isStaleInteraction } from "./discord-errors.js";
import { type InteractionHandler, within } from "./interaction-handler.js";
import { type InteractionInput, inputFromApi } from "./interaction-input.js";
import { EPHEMERAL_FLAG } from "./limits.js";
import type { DiscordMessage } from "./render.js";
import { isValidSignature } from "./signature.js";

/** The path Discord's "Interactions Endpoint URL" must point at. */
export const INTERACTIONS_PATH = "/discord/interactions";
/** Interaction payloads are small; anything this large is not from Discord. */
const MAX_BODY_BYTES = 1_000_000;

/** What the HTTP listener needs: the shared handler, the verification key and REST for edits. */
export interface InteractionsListenerDeps {
  handler: InteractionHandler;
  publicKey: KeyObject;
  /** Used for the edit after a deferred response (webhook routes need no bot token). */
  rest: REST;
  deferAfterMs: number;
}

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

function send(res: ServerResponse, status: number, body?: unknown): void {
  const text = body === undefined ? "" : JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) resolve(undefined);
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Edits the deferred "thinking…" message once the answer is ready. */
async function editOriginal(
  deps: InteractionsListenerDeps,
  payload: APIInteraction,
  message: DiscordMessage,
) {
  const body = {
    embeds: message.embeds,
    components: message.components,
    allowed_mentions: message.allowed_mentions,
  };
  try {
    await deps.rest.patch(Routes.webhookMessage(payload.application_id, payload.token, "@original"), {
      body,
      auth: false,
    });
  } catch (error) {
    const info = { eventId: payload.id, ...errorInfo(error) };
    if (isStaleInteraction(error)) deps.handler.log.warn(info, "interaction expired or already answered");
    else deps.handler.log.error(info, "could not edit a deferred response");
  }
}

/** The immediate HTTP answer: the message (type 4), or a defer (type 5) followed by an edit. */
async function respondWithMessage(
  deps: InteractionsListenerDeps,
  payload: APIInteraction,
  input: InteractionInput,
): Promise<APIInteractionResponse> {
  if (!deps.handler.isOurs(input)) return { type: InteractionResponseType.DeferredMessageUpdate };
  const work = deps.handler.message(input);
  const early = await within(work, deps.deferAfterMs);
  if (early?.value) return { type: InteractionResponseType.ChannelMessageWithSource, data: early.value };
  work
    .then((message) => message && editOriginal(deps, payload, message))
    .catch((error: unknown) => deps.handler.log.error(errorInfo(error), "deferred interaction failed"));
  const flags = deps.handler.isPublic(input) ? 0 : EPHEMERAL_FLAG;
  return { type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags } };
}

async function responseFor(deps: InteractionsListenerDeps, payload: APIInteraction) {
  if (payload.type === InteractionType.Ping) return { type: InteractionResponseType.Pong };
  const input = inputFromApi(payload);
  if (!input) return undefined;
  if (input.kind === "autocomplete") {
    return {
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
      data: { choices: deps.handler.choices(input) },
    };
  }
  return respondWithMessage(deps, payload, input);
}

async function handle(deps: InteractionsListenerDeps, req: IncomingMessage, res: ServerResponse) {
  if (req.method !== "POST") return send(res, 405, { error: "use POST" });
  const body = await readBody(req);
  if (!body) return send(res, 413, { error: "body too large" });
  const signature = header(req, "x-signature-ed25519");
  const timestamp = header(req, "x-signature-timestamp");
  if (!isValidSignature(deps.publicKey, signature, timestamp, body)) {
    deps.handler.log.warn({ path: INTERACTIONS_PATH }, "rejected an interaction with a bad signature");
    return send(res, 401, { error: "invalid request signature" });
  }
  let payload: APIInteraction;
  try {
    payload = JSON.parse(body.toString("utf8")) as APIInteraction;
  } catch {
    return send(res, 400, { error: "body is not JSON" });
  }
  const response = await responseFor(deps, payload);
  return response ? send(res, 200, response) : send(res, 400, { error: "unsupported interaction type" });
}

/**
 * A Node request listener for `POST /discord/interactions`; mountable on a shared server
 * (for example next to Slack's receiver on the same PORT). Other paths get 404.
 * @example createServer(createInteractionsListener(deps)).listen(config.port)
 */
export function createInteractionsListener(deps: InteractionsListenerDeps): Listener {
  return (req, res) => {
    const path = (req.url ?? "").split("?")[0];
    if (path !== INTERACTIONS_PATH) return send(res, 404, { error: "not found" });
    handle(deps, req, res).catch((error: unknown) => {
      deps.handler.log.error(errorInfo(error), "HTTP interaction failed");
      if (!res.headersSent) send(res, 500, { error: "internal error" });
    });
  };
}

/** Starts an HTTP server for the listener; resolves once it is accepting connections. */
export function listenHttp(listener: Listener, port: number, host?: string): Promise<Server> {
  const server = createServer(listener);
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve(server);
    });
  });
}
