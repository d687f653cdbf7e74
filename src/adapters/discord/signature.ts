/**
 * Ed25519 request signatures for HTTP interactions, with Node's crypto only. Discord
 * signs `timestamp + raw body` with the application's key; the Developer Portal shows
 * the 32-byte public key as hex, which Node needs wrapped in an SPKI DER header. A
 * signature proves who sent the body, not when: a captured request stays valid for
 * ever, so the timestamp (Unix seconds) must also be within five minutes of now,
 * either way (a clock can be fast as well as slow).
 * @see https://discord.com/developers/docs/interactions/overview#setting-up-an-endpoint-validating-security-request-headers
 */
import { createPublicKey, type KeyObject, verify } from "node:crypto";

/** The fixed DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410), before the 32 key bytes. */
const ED25519_SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");

/**
 * @throws Error when the hex is not a 32-byte key.
 * @example const key = publicKeyFromHex(config.discord.publicKey);
 */
export function publicKeyFromHex(hex: string): KeyObject {
  const raw = Buffer.from(hex, "hex");
  if (raw.length !== 32 || !/^[0-9a-f]{64}$/i.test(hex)) {
    throw new Error("DISCORD_PUBLIC_KEY must be the 64-character hex public key (General Information page)");
  }
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: "der", type: "spki" });
}

/**
 * True only for a well-formed signature that matches `timestamp + body` under `key`.
 * Verify the raw bytes: re-serialised JSON would not match.
 * @example isValidSignature(key, req.headers["x-signature-ed25519"], req.headers["x-signature-timestamp"], body)
 */
export function isValidSignature(
  key: KeyObject,
  signatureHex: string | undefined,
  timestamp: string | undefined,
  body: Buffer,
): boolean {
  if (!signatureHex || !timestamp || !/^[0-9a-f]{128}$/i.test(signatureHex)) return false;
  try {
    return verify(
      null,
      Buffer.concat([Buffer.from(timestamp, "utf8"), body]),
      key,
      Buffer.from(signatureHex, "hex"),
    );
  } catch {
    return false;
  }
}

/** How far a signature's timestamp may be from now, either way, before it counts as a replay. */
const SIGNATURE_WINDOW_SECONDS = 5 * 60;

/**
 * True when `timestamp` is Unix seconds within {@link SIGNATURE_WINDOW_SECONDS} of `nowMs`.
 * @example isFreshTimestamp(req.headers["x-signature-timestamp"], Date.now())
 */
export function isFreshTimestamp(
  timestamp: string | undefined,
  nowMs: number,
  windowSeconds = SIGNATURE_WINDOW_SECONDS,
): boolean {
  if (!timestamp || !/^\d{1,12}$/.test(timestamp)) return false;
  return Math.abs(Number(timestamp) - nowMs / 1000) <= windowSeconds;
}
