/**
 * A local stand-in for Slack on 127.0.0.1: the Web API (`/api/<method>`, form or JSON
 * bodies, Bearer tokens), `response_url`s (`/respond/<id>`), and a Socket Mode WebSocket
 * link (`/link`). It records every call so tests can assert what reached "Slack".
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";
import { createFileStandIn, FILE_METHODS, UPLOAD_PATH } from "./slack-files-stand-in.js";

export type { SharedFile } from "./slack-files-stand-in.js";

/** One Web API call as the stand-in received it. */
export interface ApiCall {
  method: string;
  /** The Bearer token, or the `token` form field. */
  token: string | undefined;
  params: Record<string, unknown>;
}

/** One POST to a response_url. */
interface ResponseCall {
  id: string;
  body: Record<string, unknown>;
}

/** What users.info says about a person. */
export interface StandInUser {
  /** Makes users.info fail with this Slack error code. */
  error?: string;
  is_admin?: boolean;
  is_owner?: boolean;
  tz?: string;
  real_name?: string;
}

/** A workspace the stand-in knows: its bot token answers auth.test. */
export interface StandInTeam {
  teamId: string;
  token: string;
  botUserId: string;
  botId: string;
}

/** The single-token workspace. */
export const TEAM_ONE: StandInTeam = {
  teamId: "T0001",
  token: "xoxb-test-t0001-secret",
  botUserId: "U0LAN0Z89",
  botId: "B0001",
};
/** A second workspace, installed through OAuth in tests. */
export const TEAM_TWO: StandInTeam = {
  teamId: "T0002",
  token: "xoxb-test-t0002-secret",
  botUserId: "U0BOT0002",
  botId: "B0002",
};

/** Per-channel failures for chat.postMessage: a Slack error code, or a 429 with Retry-After seconds. */
export type PostFailure = { error: string } | { retryAfter: number };

/** Form fields the WebClient sends JSON-encoded. */
const JSON_FIELDS = new Set(["blocks", "attachments", "metadata", "files", "view"]);

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function parseParams(req: IncomingMessage, raw: string): Record<string, unknown> {
  if ((req.headers["content-type"] ?? "").includes("application/json")) return raw ? JSON.parse(raw) : {};
  const params: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    params[key] = JSON_FIELDS.has(key) ? JSON.parse(value) : value;
  }
  return params;
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

/** An answer the stand-in sends instead of its default. */
interface StandInReply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** How the stand-in records calls. */
export interface StandInOptions {
  /**
   * Keep every call (tests). Benchmarks turn it off: bodies are then drained unparsed,
   * except where the answer depends on them, and only counted.
   */
  record?: boolean;
  /**
   * Sees every Web API call (parsed, recorded or not) before the default answer: it may
   * wait (slow or held calls) or answer instead (a 429 from a rate limit).
   */
  intercept?: (call: ApiCall) => StandInReply | undefined | Promise<StandInReply | undefined>;
}

/**
 * @example const slack = await startSlackStandIn(); … SLACK_API_URL: slack.apiUrl … await slack.close();
 */
export async function startSlackStandIn(options: StandInOptions = {}) {
  const record = options.record ?? true;
  const counts = new Map<string, number>();
  const calls: ApiCall[] = [];
  const responses: ResponseCall[] = [];
  const teams = new Map([TEAM_ONE, TEAM_TWO].map((team) => [team.token, team]));
  const users = new Map<string, StandInUser>();
  const oauthCodes = new Map<string, StandInTeam>();
  const postFailures = new Map<string, PostFailure>();
  /** Web API methods that answer `{ ok: false, error }` (missing_scope, not_in_channel, …). */
  const methodFailures = new Map<string, string>();
  const files = createFileStandIn(() => base);
  const sockets = new Set<WebSocket>();
  const socketMessages: Record<string, unknown>[] = [];
  let ts = 1_700_000_000;

  function answer(
    method: string,
    call: ApiCall,
  ): { status: number; body: unknown; headers?: Record<string, string> } {
    const team = call.token ? teams.get(call.token) : undefined;
    const failure = methodFailures.get(method);
    if (failure) return { status: 200, body: { ok: false, error: failure } };
    if (FILE_METHODS.has(method)) return files.answer(method, call, team !== undefined);
    switch (method) {
      case "auth.test":
        return team
          ? {
              status: 200,
              body: {
                ok: true,
                team_id: team.teamId,
                user_id: team.botUserId,
                bot_id: team.botId,
                team: "Example",
              },
            }
          : { status: 200, body: { ok: false, error: "invalid_auth" } };
      case "users.info": {
        const id = String(call.params.user);
        const { error, ...user } = users.get(id) ?? {};
        if (error) return { status: 200, body: { ok: false, error } };
        return { status: 200, body: { ok: true, user: { id, name: id.toLowerCase(), ...user } } };
      }
      case "chat.postMessage": {
        if (!team) return { status: 200, body: { ok: false, error: "invalid_auth" } };
        const failure = postFailures.get(String(call.params.channel));
        if (failure && "retryAfter" in failure)
          return {
            status: 429,
            body: { ok: false, error: "ratelimited" },
            headers: { "retry-after": String(failure.retryAfter) },
          };
        if (failure) return { status: 200, body: { ok: false, error: failure.error } };
        ts += 1;
        return { status: 200, body: { ok: true, channel: call.params.channel, ts: `${ts}.000100` } };
      }
      case "chat.postEphemeral":
        if (!team) return { status: 200, body: { ok: false, error: "invalid_auth" } };
        return { status: 200, body: { ok: true, message_ts: `${ts}.000200` } };
      case "oauth.v2.access": {
        const installed = oauthCodes.get(String(call.params.code));
        if (!installed) return { status: 200, body: { ok: false, error: "invalid_code" } };
        return {
          status: 200,
          body: {
            ok: true,
            app_id: "A123456",
            authed_user: { id: "U_INSTALLER" },
            scope: "commands,chat:write,chat:write.public,users:read,app_mentions:read,im:history",
            token_type: "bot",
            access_token: installed.token,
            bot_user_id: installed.botUserId,
            team: { id: installed.teamId, name: "Second team" },
            enterprise: null,
            is_enterprise_install: false,
          },
        };
      }
      case "views.publish":
        if (!team) return { status: 200, body: { ok: false, error: "invalid_auth" } };
        return { status: 200, body: { ok: true, view: { id: `V${call.method}${ts}` } } };
      case "views.open":
        if (!team) return { status: 200, body: { ok: false, error: "invalid_auth" } };
        return { status: 200, body: { ok: true, view: { id: `V${ts}`, ...(call.params.view as object) } } };
      case "apps.connections.open":
        return { status: 200, body: { ok: true, url: `${base.replace("http", "ws")}/link` } };
      default:
        return { status: 200, body: { ok: false, error: "unknown_method" } };
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (url.pathname.startsWith(UPLOAD_PATH)) {
      counts.set("upload", (counts.get("upload") ?? 0) + 1);
      return files.receiveUpload(req, res, url.pathname.slice(UPLOAD_PATH.length));
    }
    const raw = await readBody(req);
    const respond = url.pathname.startsWith("/respond/");
    const method = respond ? "response_url" : url.pathname.replace(/^\/api\//, "");
    counts.set(method, (counts.get(method) ?? 0) + 1);
    if (!record && !options.intercept && (respond || method === "chat.postMessage"))
      return send(res, 200, { ok: true, ts: "1.000100" });
    const params = parseParams(req, raw);
    if (respond) {
      responses.push({ id: url.pathname.slice("/respond/".length), body: params });
      return send(res, 200, { ok: true });
    }
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    const call: ApiCall = { method, token: bearer ?? (params.token as string | undefined), params };
    if (record) calls.push(call);
    const { status, body, headers } = (await options.intercept?.(call)) ?? answer(method, call);
    send(res, status, body, headers);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, { ok: false, error: String(error) }));
  });
  const wss = new WebSocketServer({ server, path: "/link" });
  wss.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("message", (data) => socketMessages.push(JSON.parse(String(data))));
    socket.on("close", () => sockets.delete(socket));
    socket.send(
      JSON.stringify({ type: "hello", num_connections: 1, connection_info: { app_id: "A123456" } }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  /** Polls until `find` returns something (the app answers after its ack). */
  async function waitFor<T>(find: () => T | undefined | false, timeoutMs = 5000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = find();
      if (found) return found;
      if (Date.now() > deadline) throw new Error("timed out waiting for the stand-in to receive the call");
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  return {
    url: base,
    /** The Web API base, deliberately without a trailing slash (the adapter adds it). */
    apiUrl: `${base}/api`,
    calls,
    responses,
    /** Requests per Web API method, plus `response_url`, recorded or not. */
    counts,
    users,
    oauthCodes,
    postFailures,
    methodFailures,
    /** Bytes that reached upload URLs. */
    uploads: files.uploads,
    /** Files shared by files.completeUploadExternal, with their bytes. */
    shared: files.shared,
    socketMessages,
    callsTo: (method: string) => calls.filter((call) => call.method === method),
    /** A fresh response_url; its POSTs land in `responses` under the returned id. */
    responseUrl(): { id: string; url: string } {
      const id = randomUUID();
      return { id, url: `${base}/respond/${id}` };
    },
    /** Sends a Socket Mode envelope to every connected client. */
    sendEnvelope(envelope: Record<string, unknown>): void {
      for (const socket of sockets) socket.send(JSON.stringify(envelope));
    },
    connectedSockets: () => sockets.size,
    waitFor,
    async close(): Promise<void> {
      for (const socket of sockets) socket.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A running stand-in. */
export type SlackStandIn = Awaited<ReturnType<typeof startSlackStandIn>>;
