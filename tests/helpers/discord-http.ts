/**
 * Signed requests to the HTTP interactions endpoint, the way Discord sends them:
 * `X-Signature-Ed25519` over `timestamp + raw body` with the application's key, and
 * `X-Signature-Timestamp` in Unix seconds.
 * @see https://discord.com/developers/docs/interactions/overview#setting-up-an-endpoint-validating-security-request-headers
 */
import { generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import type { BodyJson } from "../kit/discord-json.js";

/** An Ed25519 key pair and the public key as the Developer Portal shows it (64 hex characters). */
export function interactionKeys() {
  const keys = generateKeyPairSync("ed25519");
  const publicKeyHex = keys.publicKey.export({ format: "der", type: "spki" }).subarray(-32).toString("hex");
  return { privateKey: keys.privateKey, publicKeyHex };
}

export interface SignedPostOptions {
  /** Signs with this key (another application's, say). */
  key: KeyObject;
  /** The `X-Signature-Timestamp` value; now in Unix seconds by default. */
  timestamp?: string;
  /** Sends these bytes instead of the signed ones (a tampered body). */
  sent?: string | Uint8Array;
  /** false: no signature headers at all; a string: this signature instead of the real one. */
  signature?: false | string;
}

/** Now, as Discord writes it in `X-Signature-Timestamp`. */
export function unixSeconds(offsetSeconds = 0): string {
  return String(Math.floor(Date.now() / 1000) + offsetSeconds);
}

/** POSTs `body` (raw text or bytes) signed as Discord would; returns the status and parsed JSON. */
export async function postSigned(url: string, body: string | Uint8Array, options: SignedPostOptions) {
  const bytes = typeof body === "string" ? Buffer.from(body, "utf8") : Buffer.from(body);
  const timestamp = options.timestamp ?? unixSeconds();
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (options.signature !== false) {
    const real = sign(null, Buffer.concat([Buffer.from(timestamp, "utf8"), bytes]), options.key);
    headers["x-signature-ed25519"] = options.signature ?? real.toString("hex");
    headers["x-signature-timestamp"] = timestamp;
  }
  const res = await fetch(url, { method: "POST", headers, body: options.sent ?? bytes });
  const text = await res.text();
  let json: BodyJson = {};
  try {
    json = text ? (JSON.parse(text) as BodyJson) : {};
  } catch {
    json = { content: text };
  }
  return { status: res.status, body: json, text };
}

/** POSTs a payload object as JSON, signed as Discord would. */
export function postInteraction(url: string, payload: unknown, options: SignedPostOptions) {
  return postSigned(url, JSON.stringify(payload), options);
}
