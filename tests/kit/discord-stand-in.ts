/**
 * A local stand-in for Discord: the REST API (node:http) and the gateway (a `ws`
 * server) on one 127.0.0.1 port. The gateway says HELLO, answers IDENTIFY with READY
 * and a GUILD_CREATE per guild of that shard, ACKs heartbeats and dispatches whatever
 * a test sends. REST records every call (path without /api/v10, body, auth header,
 * arrival time) and can answer one scripted error (429 with retry_after, 10062, …).
 * Like Discord, it refuses attachment ids that are not snowflake strings (400, 50035).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";
import { invalidFormBody } from "./discord-form-check.js";
import type { BodyJson } from "./discord-json.js";
import {
  guildCreate,
  guildIdForShard,
  messageObject,
  snowflake,
  type UserSpec,
  userObject,
} from "./discord-payloads.js";
import { type RestFile, readRequestBody } from "./discord-request-body.js";

export interface RestCall {
  method: string;
  /** Decoded, without the `/api/v10` prefix: `/interactions/1/tok/callback`. */
  path: string;
  query: string;
  /** The JSON body, or a multipart request's `payload_json`. */
  body: BodyJson;
  /** A multipart request's file parts; empty for JSON requests. */
  files: RestFile[];
  contentType: string | undefined;
  authorization: string | undefined;
  /** performance.now() when the request arrived. */
  at: number;
}

export interface ScriptedResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface StandInOptions {
  /** Shard count /gateway/bot recommends; one guild is placed on each shard. */
  shards?: number;
  heartbeatIntervalMs?: number;
  /**
   * Sees every REST call after it is recorded and before the default answer: it may wait
   * (slow or held calls) or answer instead (a 429 from a rate limit).
   */
  intercept?: (call: RestCall) => ScriptedResponse | undefined | Promise<ScriptedResponse | undefined>;
  /**
   * Keep every call in `calls` (default true). Benchmarks turn it off so the stand-in's
   * own memory does not grow with the load; `onCall` listeners still see each call.
   */
  record?: boolean;
}

interface Connection {
  ws: WebSocket;
  seq: number;
  shard: [number, number];
}

interface State {
  shardCount: number;
  applicationId: string;
  bot: UserSpec;
  guilds: { id: string; channelId: string }[];
  calls: RestCall[];
  identifies: { shard: [number, number]; intents: number; token: string }[];
  connections: Connection[];
  scripted: { match: (call: RestCall) => boolean; response: ScriptedResponse }[];
  /** Re-checks of pending waitFor conditions, run on every call and IDENTIFY. */
  waiters: Set<() => void>;
  callListeners: Set<(call: RestCall) => void>;
  port: number;
}

const API_PREFIX = "/api/v10";
const wsUrl = (state: State) => `ws://127.0.0.1:${state.port}`;

function send(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) {
  const text = body === undefined ? "" : JSON.stringify(body);
  res.writeHead(status, { ...(text ? { "content-type": "application/json" } : {}), ...headers });
  res.end(text);
}

/** The message object Discord returns for a posted or edited message. */
function echoMessage(state: State, call: RestCall, channelId: string) {
  const { content, embeds, components, flags } = call.body;
  return messageObject({
    channelId,
    author: state.bot,
    ...(content !== undefined ? { content } : {}),
    ...(embeds ? { embeds } : {}),
    ...(components ? { components } : {}),
    ...(flags !== undefined ? { flags } : {}),
  });
}

function registered(state: State, call: RestCall): ScriptedResponse {
  const list: object[] = Array.isArray(call.body) ? call.body : [];
  const ids = () => ({ id: snowflake(), application_id: state.applicationId, version: snowflake() });
  return { status: 200, body: list.map((c) => ({ ...c, ...ids() })) };
}

/** Discord's default answer for each route the bot uses. */
function route(state: State, call: RestCall): ScriptedResponse {
  const { method, path } = call;
  const parts = path.split("/").filter(Boolean);
  if (method === "GET" && path === "/gateway/bot") {
    const limit = { total: 1000, remaining: 1000, reset_after: 14_400_000, max_concurrency: 1 };
    return { status: 200, body: { url: wsUrl(state), shards: state.shardCount, session_start_limit: limit } };
  }
  if (method === "GET" && path === "/gateway") return { status: 200, body: { url: wsUrl(state) } };
  if (method === "GET" && path === "/users/@me") return { status: 200, body: userObject(state.bot) };
  if (parts[0] === "interactions" && parts[3] === "callback") return { status: 204 };
  if (parts[0] === "webhooks" && method === "DELETE") return { status: 204 };
  if (parts[0] === "webhooks")
    return { status: 200, body: echoMessage(state, call, state.guilds[0]?.channelId ?? "0") };
  if (parts[0] === "channels" && parts[2] === "messages" && method === "POST")
    return { status: 200, body: echoMessage(state, call, parts[1] ?? "0") };
  if (parts[0] === "applications" && method === "PUT") return registered(state, call);
  if (method === "POST" && path === "/users/@me/channels") {
    const recipient = (call.body as { recipient_id?: string }).recipient_id ?? "0";
    return {
      status: 200,
      body: {
        id: snowflake(),
        type: 1,
        recipients: [{ id: recipient, username: "someone", discriminator: "0" }],
      },
    };
  }
  return { status: 404, body: { message: "404: Not Found", code: 0 } };
}

async function onRequest(state: State, options: StandInOptions, req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const { body: requestBody, files } = await readRequestBody(req);
  const call: RestCall = {
    method: req.method ?? "GET",
    path: decodeURIComponent(url.pathname).replace(API_PREFIX, ""),
    query: url.search,
    body: requestBody,
    files,
    contentType: req.headers["content-type"],
    authorization: req.headers.authorization,
    at: performance.now(),
  };
  if (options.record !== false) state.calls.push(call);
  for (const listener of state.callListeners) listener(call);
  for (const wake of state.waiters) wake();
  const invalid = invalidFormBody(call.body);
  if (invalid) return send(res, 400, invalid);
  const index = state.scripted.findIndex((s) => s.match(call));
  const scripted = index >= 0 ? state.scripted.splice(index, 1)[0]?.response : undefined;
  const { status, body, headers } = scripted ?? (await options.intercept?.(call)) ?? route(state, call);
  send(res, status, body, headers);
}

function dispatchTo(conn: Connection, t: string, d: unknown) {
  conn.seq += 1;
  conn.ws.send(JSON.stringify({ op: 0, t, s: conn.seq, d }));
}

/** IDENTIFY -> READY listing this shard's guilds, then a GUILD_CREATE for each. */
function onIdentify(
  state: State,
  conn: Connection,
  d: { token: string; intents: number; shard?: [number, number] },
) {
  conn.shard = d.shard ?? [0, 1];
  state.identifies.push({ shard: conn.shard, intents: d.intents, token: d.token });
  const [shardId, count] = conn.shard;
  const mine = state.guilds.filter((g) => (BigInt(g.id) >> 22n) % BigInt(count) === BigInt(shardId));
  dispatchTo(conn, "READY", {
    v: 10,
    user: userObject(state.bot),
    guilds: mine.map((g) => ({ id: g.id, unavailable: true })),
    session_id: `session-${snowflake()}`,
    resume_gateway_url: wsUrl(state),
    shard: conn.shard,
    application: { id: state.applicationId, flags: 0 },
  });
  for (const g of mine) dispatchTo(conn, "GUILD_CREATE", guildCreate(g.id, g.channelId, state.bot));
  for (const wake of state.waiters) wake();
}

function onConnection(state: State, ws: WebSocket, heartbeatIntervalMs: number) {
  const conn: Connection = { ws, seq: 0, shard: [0, 1] };
  state.connections.push(conn);
  ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: heartbeatIntervalMs } }));
  ws.on("message", (raw) => {
    const packet = JSON.parse(String(raw));
    if (packet.op === 2) onIdentify(state, conn, packet.d);
    else if (packet.op === 1) ws.send(JSON.stringify({ op: 11 }));
    else if (packet.op === 6) dispatchTo(conn, "RESUMED", {});
  });
  ws.on("close", () => state.connections.splice(state.connections.indexOf(conn), 1));
}

/** The connection serving a guild (Discord's sharding formula), or shard 0 for DMs. */
function connectionFor(state: State, guildId: string | undefined): Connection {
  const count = state.connections[0]?.shard[1] ?? 1;
  const shard = guildId ? Number((BigInt(guildId) >> 22n) % BigInt(count)) : 0;
  const conn = state.connections.find((c) => c.shard[0] === shard) ?? state.connections[0];
  if (!conn) throw new Error("no gateway connection: has the client logged in?");
  return conn;
}

/** Resolves once `check` returns a value: re-checked on every REST call and IDENTIFY, and polled. */
function waitFor<T>(state: State, check: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const finish = () => {
      clearInterval(poll);
      clearTimeout(timer);
      state.waiters.delete(wake);
    };
    const wake = () => {
      const value = check();
      if (value === undefined) return;
      finish();
      resolve(value);
    };
    // Polling covers conditions outside the stand-in (log lines, client state).
    const poll = setInterval(wake, 10);
    const timer = setTimeout(() => {
      finish();
      const seen = state.calls.map((c) => `${c.method} ${c.path}`).join(", ");
      reject(new Error(`stand-in: timed out waiting for ${what}; calls: ${seen}`));
    }, timeoutMs);
    state.waiters.add(wake);
    wake();
  });
}

function initialState(options: StandInOptions): State {
  const shardCount = options.shards ?? 1;
  const applicationId = snowflake();
  return {
    shardCount,
    applicationId,
    bot: { id: applicationId, username: "vitabot", bot: true },
    guilds: Array.from({ length: shardCount }, (_, shard) => ({
      id: guildIdForShard(shard, shardCount),
      channelId: snowflake(),
    })),
    calls: [],
    identifies: [],
    connections: [],
    scripted: [],
    waiters: new Set(),
    callListeners: new Set(),
    port: 0,
  };
}

/** Starts the stand-in on 127.0.0.1 with a random port. */
export async function startDiscordStandIn(options: StandInOptions = {}) {
  const state = initialState(options);
  const server = createServer((req, res) => void onRequest(state, options, req, res));
  const wss = new WebSocketServer({ noServer: true });
  server.on("upgrade", (req, socket, head) =>
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws)),
  );
  wss.on("connection", (ws: WebSocket) => onConnection(state, ws, options.heartbeatIntervalMs ?? 41_250));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.port = (server.address() as AddressInfo).port;
  const { applicationId, bot, guilds, calls, identifies } = state;
  return {
    port: state.port,
    apiUrl: `http://127.0.0.1:${state.port}/api`,
    applicationId,
    bot,
    guilds,
    guildId: guilds[0]?.id ?? "",
    channelId: guilds[0]?.channelId ?? "",
    calls,
    identifies,
    /** Sends a dispatch to the shard that serves the payload's guild; returns performance.now(). */
    dispatch(t: string, d: object): number {
      const at = performance.now();
      dispatchTo(connectionFor(state, (d as { guild_id?: string }).guild_id), t, d);
      return at;
    },
    /** Answers the next request that `match`es with `response` instead of the default. */
    respondOnce(match: (call: RestCall) => boolean, response: ScriptedResponse) {
      state.scripted.push({ match, response });
    },
    waitFor: <T>(check: () => T | undefined, timeoutMs = 5000, what = "a condition") =>
      waitFor(state, check, timeoutMs, what),
    /** The first recorded call matching `predicate` (waiting for it if needed). */
    waitForCall: (predicate: (call: RestCall) => boolean, timeoutMs = 5000) =>
      waitFor(state, () => calls.find(predicate), timeoutMs, "a REST call"),
    /** Calls `listener` for every REST call from now on; returns the unsubscribe. */
    onCall(listener: (call: RestCall) => void) {
      state.callListeners.add(listener);
      return () => state.callListeners.delete(listener);
    },
    async close() {
      for (const conn of state.connections) conn.ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type DiscordStandIn = Awaited<ReturnType<typeof startDiscordStandIn>>;
