/**
 * Fuzzing the Discord HTTP interactions edge over real HTTP on 127.0.0.1 (fast-check,
 * seeded, a fixed number of cases; the seed is printed, and FUZZ_SEED=<n> replays a
 * run). Bodies of random shape signed with the application's key (random JSON,
 * documented interactions with fields replaced or removed, commands with random names
 * and options, bytes that are not JSON) never get a 5xx and never bring the process
 * down; the same bodies unsigned, signed with another key, tampered with or stamped
 * outside the five-minute window always get a 401.
 */
import { generateKeyPairSync } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDiscordAdapter, type DiscordAdapter } from "../../../src/adapters/discord/discord-adapter.js";
import { createDiscordTestApp } from "../../helpers/discord-app.js";
import {
  interactionKeys,
  postSigned,
  type SignedPostOptions,
  unixSeconds,
} from "../../helpers/discord-http.js";
import {
  autocompleteInteraction,
  buttonInteraction,
  commandInteraction,
  type InteractionContext,
  interactionContext,
  pingInteraction,
} from "../../kit/discord-payloads.js";
import { type DiscordStandIn, startDiscordStandIn } from "../../kit/discord-stand-in.js";

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_207);
const SIGNED_RUNS = 300;
const UNSIGNED_RUNS = 200;

const keys = interactionKeys();
const stranger = generateKeyPairSync("ed25519");

let standIn: DiscordStandIn;
let adapter: DiscordAdapter;
let url: string;
let logLines: Record<string, unknown>[];
let commandNames: string[];

beforeAll(async () => {
  standIn = await startDiscordStandIn();
  const created = await createDiscordTestApp(standIn, { env: { DISCORD_PUBLIC_KEY: keys.publicKeyHex } });
  logLines = created.logLines;
  commandNames = created.app.registry.names();
  adapter = createDiscordAdapter(created.app, { port: 0, host: "127.0.0.1", deferAfterMs: 300 });
  await adapter.start();
  url = `http://127.0.0.1:${adapter.address()?.port}/discord/interactions`;
  console.log(`discord edge fuzz: seed ${SEED} (FUZZ_SEED=${SEED} replays it)`);
}, 60_000);
afterAll(async () => {
  await adapter?.stop();
  await standIn?.close();
});

/** Where the fields of a documented interaction sit, for replacing or removing them. */
const FIELD_PATHS = [
  "type",
  "id",
  "application_id",
  "token",
  "guild_id",
  "channel_id",
  "channel",
  "channel.id",
  "member",
  "member.user",
  "member.user.id",
  "member.user.username",
  "member.permissions",
  "user",
  "data",
  "data.name",
  "data.options",
  "data.options.0",
  "data.options.0.name",
  "data.options.0.type",
  "data.options.0.value",
  "data.options.0.focused",
  "data.options.0.options",
  "data.options.0.options.0.value",
  "data.custom_id",
  "data.component_type",
] as const;

/** Sets (or, for undefined, removes) the value at a dotted path, creating objects on the way. */
function setPath(target: unknown, path: string, value: unknown): unknown {
  const root = structuredClone(target) as Record<string, unknown>;
  const keysOnPath = path.split(".");
  let node: Record<string, unknown> = root;
  for (const key of keysOnPath.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== "object" || next === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  const last = keysOnPath.at(-1) ?? "";
  if (value === undefined) delete node[last];
  else node[last] = value;
  return root;
}

function documented(ctx: InteractionContext): fc.Arbitrary<unknown> {
  const text = fc.string({ maxLength: 40 });
  // Names of real commands, names every JavaScript object has, and any other name.
  const inherited = fc.constantFrom("constructor", "__proto__", "toString", "hasOwnProperty");
  const name = fc.oneof(fc.constantFrom(...commandNames), inherited, fc.stringMatching(/^[a-z-]{1,12}$/));
  const path = fc.oneof(
    name,
    fc.tuple(name, name).map(([a, b]) => `${a} ${b}`),
  );
  const values = fc.dictionary(
    fc.oneof(inherited, fc.stringMatching(/^[a-z]{1,8}$/)),
    fc.oneof(text, fc.integer()),
    {
      maxKeys: 3,
    },
  );
  return fc.oneof(
    fc.constant(pingInteraction(standIn.applicationId)),
    fc.tuple(path, values).map(([p, v]) => commandInteraction(ctx, p, v)),
    fc.tuple(path, name, text).map(([p, n, t]) => autocompleteInteraction(ctx, p, { [n]: t }, n)),
    fc
      .constantFrom("vb|run|tip", "vb|share|foods omega-3", "vb|run|", "other|button", "vb|x|help")
      .map((customId) => buttonInteraction(ctx, customId, standIn.bot)),
  );
}

/** A documented interaction with up to four fields replaced by random JSON or removed. */
function mutated(ctx: InteractionContext): fc.Arbitrary<unknown> {
  const change = fc.tuple(
    fc.constantFrom(...FIELD_PATHS),
    fc.option(fc.jsonValue({ maxDepth: 3 }), { nil: undefined }),
  );
  return fc
    .tuple(documented(ctx), fc.array(change, { minLength: 1, maxLength: 4 }))
    .map(([payload, changes]) => changes.reduce((p, [at, value]) => setPath(p, at, value), payload));
}

/** Raw bodies: JSON of any shape, documented or mutated interactions, and bytes that are not JSON. */
function bodies(): fc.Arbitrary<Uint8Array> {
  const guild = interactionContext(standIn, { id: "780000000000000001", username: "hu" });
  const { guildId: _guildId, ...dm } = guild;
  const json = fc.oneof(
    fc.jsonValue({ maxDepth: 4 }),
    documented(guild),
    documented(dm),
    mutated(guild),
    mutated(dm),
  );
  return fc.oneof(
    { weight: 5, arbitrary: json.map((value) => Buffer.from(JSON.stringify(value) ?? "null")) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 512 }) },
    { weight: 1, arbitrary: fc.string({ maxLength: 200 }).map((s) => Buffer.from(s)) },
  );
}

/** Ways a request fails to prove it comes from Discord, now. */
const forgeries = fc.constantFrom<[string, (body: Uint8Array) => SignedPostOptions]>(
  ["no signature headers", () => ({ key: keys.privateKey, signature: false })],
  ["another application's key", () => ({ key: stranger.privateKey })],
  ["a random signature", () => ({ key: keys.privateKey, signature: "ab".repeat(64) })],
  ["a signature that is not hex", () => ({ key: keys.privateKey, signature: "z".repeat(128) })],
  ["a tampered body", (body) => ({ key: keys.privateKey, sent: Buffer.concat([body, Buffer.from(" ")]) })],
  ["a stale timestamp", () => ({ key: keys.privateKey, timestamp: unixSeconds(-3600) })],
  ["a future timestamp", () => ({ key: keys.privateKey, timestamp: unixSeconds(3600) })],
);

describe(`the Discord HTTP edge under fuzzing (seed ${SEED})`, () => {
  it(`never answers a signed body with a 5xx (${SIGNED_RUNS} bodies)`, async () => {
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(bodies(), async (body) => {
        const { status, text } = await postSigned(url, body, { key: keys.privateKey });
        statuses.add(status);
        const sent = Buffer.from(body).toString("utf8").slice(0, 600);
        expect(status, `${text} for ${sent}`).toBeLessThan(500);
        expect([200, 400]).toContain(status);
      }),
      { seed: SEED, numRuns: SIGNED_RUNS },
    );
    // Both answers were reached: the fuzzing got past the shape check as well as into it.
    expect([...statuses].sort()).toEqual([200, 400]);
    // Nothing failed inside either: no 500 caught at the edge, no fault in a command.
    expect(logLines.filter((l) => Number(l.level) >= 50)).toEqual([]);
  }, 120_000);

  it(`answers 401 to every body not signed by Discord just now (${UNSIGNED_RUNS} bodies)`, async () => {
    await fc.assert(
      fc.asyncProperty(bodies(), forgeries, async (body, [_how, forge]) => {
        const { status } = await postSigned(url, body, forge(body));
        expect(status).toBe(401);
      }),
      { seed: SEED, numRuns: UNSIGNED_RUNS },
    );
  }, 120_000);

  it("is still up and answering afterwards", async () => {
    const { status, body } = await postSigned(url, JSON.stringify(pingInteraction(standIn.applicationId)), {
      key: keys.privateKey,
    });
    expect(status).toBe(200);
    expect(body).toEqual({ type: 1 });
  });
});
