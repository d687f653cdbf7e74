/**
 * Answers through a `response_url` (slash commands and buttons) over kept-alive
 * connections. Bolt's own `respond()` uses Node 20's global fetch and never reads the
 * response body, which cost about 1–2 ms of CPU per answer and held sockets open; at a
 * few hundred commands a second that was most of the adapter's own time (bench/slack.ts).
 * @see https://docs.slack.dev/interactivity/handling-user-interaction#message_responses
 */
import { type ClientRequest, Agent as HttpAgent, request as httpRequest } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { PlatformError } from "../../errors.js";

/** Slack keeps a response_url for 30 minutes; an answer that takes this long has failed. */
const RESPOND_TIMEOUT_MS = 10_000;
const MAX_SOCKETS = 64;

/** What a response_url accepts (the message plus how to show it). */
export interface ResponseMessage {
  text: string;
  blocks?: unknown[];
  response_type?: "ephemeral" | "in_channel";
  replace_original?: boolean;
  delete_original?: boolean;
}

function refused(status: number): PlatformError {
  return new PlatformError("slack", `response_url_${status}`, `Slack refused the answer (HTTP ${status})`, {
    // An expired or unknown response_url will not come back.
    permanent: status === 404 || status === 410,
  });
}

function failed(error: Error): PlatformError {
  return new PlatformError(
    "slack",
    "request_failed",
    `Could not answer through response_url: ${error.message}`,
    {
      permanent: false,
      cause: error,
    },
  );
}

/** A kept-alive socket the server closed while idle: the request never reached it. */
const isStaleSocket = (req: ClientRequest, error: NodeJS.ErrnoException) =>
  req.reusedSocket && (error.code === "ECONNRESET" || error.code === "EPIPE");

/**
 * @example const responder = createResponder(); await responder.respond(command.response_url, { text: "hi" });
 */
export function createResponder(timeoutMs = RESPOND_TIMEOUT_MS) {
  const agents = {
    "http:": new HttpAgent({ keepAlive: true, maxSockets: MAX_SOCKETS }),
    "https:": new HttpsAgent({ keepAlive: true, maxSockets: MAX_SOCKETS }),
  };

  function post(url: URL, body: string, retryStale: boolean): Promise<void> {
    const secure = url.protocol === "https:";
    const headers = {
      "content-type": "application/json; charset=utf-8",
      "content-length": Buffer.byteLength(body),
    };
    const options = {
      method: "POST",
      agent: secure ? agents["https:"] : agents["http:"],
      timeout: timeoutMs,
      headers,
    };
    return new Promise((resolve, reject) => {
      const req = (secure ? httpsRequest : httpRequest)(url, options, (res) => {
        res.resume();
        res.on("end", () => {
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) resolve();
          else reject(refused(status));
        });
      });
      req.on("timeout", () => req.destroy(new Error(`no answer from response_url within ${timeoutMs} ms`)));
      req.on("error", (error: NodeJS.ErrnoException) => {
        if (retryStale && isStaleSocket(req, error)) post(url, body, false).then(resolve, reject);
        else reject(failed(error));
      });
      req.end(body);
    });
  }

  /**
   * @throws PlatformError: permanent when the URL is unusable or expired (404/410), else retryable.
   */
  function respond(responseUrl: string, message: ResponseMessage): Promise<void> {
    const url = new URL(responseUrl);
    if (url.protocol !== "https:" && url.protocol !== "http:") {
      return Promise.reject(
        new PlatformError("slack", "bad_response_url", "response_url is not http(s)", { permanent: true }),
      );
    }
    return post(url, JSON.stringify(message), true);
  }

  return {
    respond,
    /** Closes idle kept-alive sockets. */
    close(): void {
      agents["http:"].destroy();
      agents["https:"].destroy();
    },
  };
}

/** The response_url client the handlers answer through. */
export type Responder = ReturnType<typeof createResponder>;
