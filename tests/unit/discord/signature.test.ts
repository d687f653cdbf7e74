/**
 * Ed25519 verification for HTTP interactions: only a matching signature over
 * `timestamp + raw body`, under the configured key, passes.
 */
import { generateKeyPairSync, sign } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  isFreshTimestamp,
  isValidSignature,
  publicKeyFromHex,
} from "../../../src/adapters/discord/signature.js";

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

describe("isFreshTimestamp", () => {
  const nowMs = Number(timestamp) * 1000 + 500;
  const at = (offsetSeconds: number) => String(Number(timestamp) + offsetSeconds);

  it("accepts Unix seconds up to five minutes from now, either way", () => {
    expect(isFreshTimestamp(timestamp, nowMs)).toBe(true);
    expect(isFreshTimestamp(at(-299), nowMs)).toBe(true);
    expect(isFreshTimestamp(at(300), nowMs)).toBe(true);
  });

  it("refuses older or newer, and anything but Unix seconds", () => {
    expect(isFreshTimestamp(at(-300), nowMs)).toBe(false);
    expect(isFreshTimestamp(at(301), nowMs)).toBe(false);
    expect(isFreshTimestamp(String(nowMs), nowMs)).toBe(false);
    expect(isFreshTimestamp(undefined, nowMs)).toBe(false);
    expect(isFreshTimestamp("", nowMs)).toBe(false);
    expect(isFreshTimestamp(`${timestamp}.5`, nowMs)).toBe(false);
    expect(isFreshTimestamp(`-${timestamp}`, nowMs)).toBe(false);
    expect(isFreshTimestamp(" 1767225600", nowMs)).toBe(false);
  });
});
