/**
 * Ed25519 verification for HTTP interactions: only a matching signature over
 * `timestamp + raw body`, under the configured key, passes.
 */
import { generateKeyPairSync, sign } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isValidSignature, publicKeyFromHex } from "../../../src/adapters/discord/signature.js";

const keys = generateKeyPairSync("ed25519");
const hex = keys.publicKey.export({ format: "der", type: "spki" }).subarray(-32).toString("hex");
const key = publicKeyFromHex(hex);
const body = Buffer.from(JSON.stringify({ type: 1 }));
const timestamp = "1767225600";
const signature = sign(null, Buffer.concat([Buffer.from(timestamp), body]), keys.privateKey).toString("hex");

describe("isValidSignature", () => {
  it("accepts Discord's signature of timestamp + body under the raw 32-byte public key", () => {
    expect(isValidSignature(key, signature, timestamp, body)).toBe(true);
    expect(isValidSignature(key, signature.toUpperCase(), timestamp, body)).toBe(true);
  });

  it("rejects a changed body, a changed timestamp, another key, and malformed headers", () => {
    expect(isValidSignature(key, signature, timestamp, Buffer.from('{"type":2}'))).toBe(false);
    expect(isValidSignature(key, signature, "1767225601", body)).toBe(false);
    const other = generateKeyPairSync("ed25519")
      .publicKey.export({ format: "der", type: "spki" })
      .subarray(-32);
    expect(isValidSignature(publicKeyFromHex(other.toString("hex")), signature, timestamp, body)).toBe(false);
    expect(isValidSignature(key, undefined, timestamp, body)).toBe(false);
    expect(isValidSignature(key, signature, undefined, body)).toBe(false);
    expect(isValidSignature(key, "zz".repeat(64), timestamp, body)).toBe(false);
    expect(isValidSignature(key, signature.slice(0, 126), timestamp, body)).toBe(false);
  });

  it("refuses a public key that is not 32 bytes of hex, naming the variable", () => {
    expect(() => publicKeyFromHex("abcd")).toThrow(/DISCORD_PUBLIC_KEY/);
    expect(() => publicKeyFromHex("g".repeat(64))).toThrow(/DISCORD_PUBLIC_KEY/);
  });
});
