/**
 * HTTP interactions mode: `POST /discord/interactions` on PORT, an alternative to the
 * gateway for load-balanced or serverless deployments. Every request's Ed25519
 * signature is checked on the raw body, and its timestamp must be within five minutes
 * of now (401 otherwise; Discord probes with bad ones), the body's shape is checked
 * (400 for anything Discord would not send), PING gets PONG, and commands, buttons, selects,
 * modal submits and autocomplete run through the same handler as the gateway; a form is
 * answered with a modal (type 9). Slow answers are deferred (type 5) and then edited over the webhook.
 * The listener is mounted on the shared HTTP server (src/ops/http-server.ts).
 * @see https://discord.com/developers/docs/interactions/receiving-and-responding
 */

import type { KeyObject } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  type APIInteractionResponse,
  InteractionResponseType,
  InteractionType,
  type REST,
  Routes,
} from "discord.js";
import type { Logger } from "../../logger.js";
import { createHttpServer, type HttpMount, type HttpServer } from "../../ops/http-server.js";
import { createInFlight, type InFlight } from "../../ops/in-flight.js";
import { hasFiles, requestOf } from "./attachments.js";
import { errorInfo, isStaleInteraction } from "./discord-errors.js";
import { messageOf } from "./form-flow.js";
import { type InteractionHandler, within } from "./interaction-handler.js";
import { type InteractionInput, inputFromApi } from "./interaction-input.js";
import { type InteractionJson, parseInteraction } from "./interaction-schema.js";
import { EPHEMERAL_FLAG } from "./limits.js";
import type { DiscordMessage } from "./render.js";
import { isFreshTimestamp, isValidSignature } from "./signature.js";

/** The path Discord's "Interactions Endpoint URL" must point at. */
const INTERACTIONS_PATH = "/discord/interactions";
/** Interaction payloads are small; anything this large is not from Discord. */
const MAX_BODY_BYTES = 1_000_000;

/** What the HTTP listener needs: the shared handler, the verification key and REST for edits. */
export interface InteractionsListenerDeps {
  handler: InteractionHandler;
  publicKey: KeyObject;
  /** Used for the edit after a deferred response (webhook routes need no bot token). */
  rest: REST;
  deferAfterMs: number;
  /** Tracks answers still being computed after a deferral, so a graceful stop can wait for them. */
  inFlight?: InFlight;
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
  payload: { id: string; application_id: string; token: string },
  message: DiscordMessage,
) {
  const { embeds, components, allowed_mentions, files } = message;
  // With files, the edit is multipart (payload_json + files[i]); flags cannot change on an edit.
  const request = requestOf({ embeds, components, allowed_mentions, ...(files ? { files } : {}) });
  try {
    await deps.rest.patch(Routes.webhookMessage(payload.application_id, payload.token, "@original"), {
      ...request,
      auth: false,
    });
  } catch (error) {
    const info = { eventId: payload.id, ...errorInfo(error) };
    if (isStaleInteraction(error)) deps.handler.log.warn(info, "interaction expired or already answered");
    else deps.handler.log.error(info, "could not edit a deferred response");
  }
}

/**
 * A deferral keeps the visibility chosen when it was sent: when a public one (Share) ends
 * in a private answer (Share refused), the public "thinking…" is deleted and the answer
 * follows privately, so nothing of it shows in the channel.
 */
async function finishDeferred(
  deps: InteractionsListenerDeps,
  payload: { id: string; application_id: string; token: string },
  message: DiscordMessage,
  deferredPublicly: boolean,
) {
  if (!deferredPublicly || !message.flags) return editOriginal(deps, payload, message);
  try {
    await deps.rest.delete(Routes.webhookMessage(payload.application_id, payload.token, "@original"), {
      auth: false,
    });
    await deps.rest.post(Routes.webhook(payload.application_id, payload.token), {
      ...requestOf(message),
      auth: false,
    });
  } catch (error) {
    const info = { eventId: payload.id, ...errorInfo(error) };
    if (isStaleInteraction(error)) deps.handler.log.warn(info, "interaction expired or already answered");
    else deps.handler.log.error(info, "could not answer a deferred Share privately");
  }
}

/** The immediate HTTP answer: the message (type 4), or a defer (type 5) followed by an edit. */
async function respondWithMessage(
  deps: InteractionsListenerDeps,
  payload: { id: string; application_id: string; token: string },
  input: InteractionInput,
): Promise<APIInteractionResponse> {
  if (!deps.handler.isOurs(input)) return { type: InteractionResponseType.DeferredMessageUpdate };
  const answer = deps.handler.answer(input);
  const early = await within(answer, deps.deferAfterMs);
  // A modal (a form) is only possible as the first response; a late one becomes its fallback message.
  if (early?.value?.kind === "modal") return { type: InteractionResponseType.Modal, data: early.value.modal };
  const work = answer.then((a) => a && messageOf(a));
  const message = early?.value && messageOf(early.value);
  // Files cannot ride in the HTTP response (Discord takes no multipart there): defer, then edit.
  if (message && !hasFiles(message))
    return { type: InteractionResponseType.ChannelMessageWithSource, data: message };
  // setImmediate: an answer that is already there is edited in only after this type 5 was written.
  const ready = early ? new Promise<void>((resolve) => setImmediate(resolve)) : Promise.resolve();
  const deferredPublicly = deps.handler.isPublic(input);
  const edit = Promise.all([work, ready])
    .then(([message]) => message && finishDeferred(deps, payload, message, deferredPublicly))
    .catch((error: unknown) => deps.handler.log.error(errorInfo(error), "deferred interaction failed"));
  deps.inFlight?.track(edit);
  const flags = deferredPublicly ? 0 : EPHEMERAL_FLAG;
  return { type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags } };
}

async function responseFor(deps: InteractionsListenerDeps, payload: InteractionJson) {
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
  if (!isFreshTimestamp(timestamp, Date.now())) {
    deps.handler.log.warn(
      { path: INTERACTIONS_PATH },
      "rejected an interaction with a stale or future timestamp",
    );
    return send(res, 401, { error: "request timestamp is more than 5 minutes from now" });
  }
  let json: unknown;
  try {
    json = JSON.parse(body.toString("utf8"));
  } catch {
    return send(res, 400, { error: "body is not JSON" });
  }
  const parsed = parseInteraction(json);
  if (!parsed.ok) return send(res, 400, { error: parsed.error });
  const response = await responseFor(deps, parsed.interaction);
  return response ? send(res, 200, response) : send(res, 400, { error: "unsupported interaction type" });
}

/**
 * A Node request listener for `POST /discord/interactions`, mounted on the shared server
 * next to Slack's receiver and the health and metrics routes. Other paths get 404.
 * @example http.mount([{ path: INTERACTIONS_PATH, handler: createInteractionsListener(deps) }])
 */
function createInteractionsListener(deps: InteractionsListenerDeps): Listener {
  return (req, res) => {
    const path = (req.url ?? "").split("?")[0];
    if (path !== INTERACTIONS_PATH) return send(res, 404, { error: "not found" });
    const handled = handle(deps, req, res).catch((error: unknown) => {
      deps.handler.log.error(errorInfo(error), "HTTP interaction failed");
      if (!res.headersSent) send(res, 500, { error: "internal error" });
    });
    deps.inFlight?.track(handled);
  };
}

/** Where the interactions endpoint is served. */
export interface ServeInteractionsOptions {
  /** The shared HTTP server; without it a server of its own listens on `port`. */
  http?: HttpMount;
  port: number;
  host?: string;
  logger: Logger;
}

/** The endpoint once served. */
export interface ServedInteractions {
  address(): AddressInfo | undefined;
  /** Stops taking interactions once those in progress (deferred edits included) are done. */
  stop(): Promise<void>;
}

/**
 * Mounts `POST /discord/interactions` on the shared server, or on a server of its own.
 * @example const served = await serveInteractions(deps, { http, port: config.port, logger });
 */
export async function serveInteractions(
  deps: Omit<InteractionsListenerDeps, "inFlight">,
  options: ServeInteractionsOptions,
): Promise<ServedInteractions> {
  const inFlight = createInFlight();
  const listener = createInteractionsListener({ ...deps, inFlight });
  let own: HttpServer | undefined;
  if (!options.http) {
    own = createHttpServer({ logger: options.logger });
    await own.listen(options.port, options.host);
  }
  const mount = options.http ?? (own as HttpServer);
  const unmount = mount.mount([{ path: INTERACTIONS_PATH, handler: listener }]);
  return {
    address: () => mount.address(),
    async stop() {
      own?.beginDrain();
      await inFlight.settled();
      unmount();
      await own?.close();
    },
  };
}
