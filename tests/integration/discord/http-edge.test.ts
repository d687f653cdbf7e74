/**
 * The HTTP interactions edge against bodies and headers Discord would never send but
 * a signed or replayed request can carry: malformed bodies signed with the right key
 * get a 400 with a reason (never a 500), and signatures whose timestamp is more than
 * five minutes away from now, either way, get a 401 like any bad signature.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDiscordAdapter, type DiscordAdapter } from "../../../src/adapters/discord/discord-adapter.js";
import { createDiscordTestApp } from "../../helpers/discord-app.js";
import { interactionKeys, postInteraction, postSigned, unixSeconds } from "../../helpers/discord-http.js";
import {
  autocompleteInteraction,
  buttonInteraction,
  commandInteraction,
  interactionContext,
  pingInteraction,
} from "../../kit/discord-payloads.js";
import { type DiscordStandIn, startDiscordStandIn } from "../../kit/discord-stand-in.js";

const keys = interactionKeys();
const signed = { key: keys.privateKey };

let standIn: DiscordStandIn;
let adapter: DiscordAdapter;
let url: string;
let logLines: Record<string, unknown>[];

beforeAll(async () => {
  standIn = await startDiscordStandIn();
  const created = await createDiscordTestApp(standIn, { env: { DISCORD_PUBLIC_KEY: keys.publicKeyHex } });
  logLines = created.logLines;
  adapter = createDiscordAdapter(created.app, { port: 0, host: "127.0.0.1", deferAfterMs: 1500 });
  await adapter.start();
  url = `http://127.0.0.1:${adapter.address()?.port}/discord/interactions`;
});
afterAll(async () => {
  await adapter?.stop();
  await standIn?.close();
});

const ctx = () => interactionContext(standIn, { id: "770000000000000001", username: "gi" });

/** A valid command with one field replaced (or removed, for `undefined`). */
function commandWith(field: string, value: unknown) {
  const payload: Record<string, unknown> = commandInteraction(ctx(), "vitamin", { nutrient: "d" });
  if (value === undefined) delete payload[field];
  else payload[field] = value;
  return payload;
}

function autocompleteWithValue(value: unknown) {
  const payload = autocompleteInteraction(ctx(), "vitamin", { nutrient: "calc" }, "nutrient");
  const [option] = payload.data.options ?? [];
  return { ...payload, data: { ...payload.data, options: [{ ...option, value }] } };
}

describe("malformed bodies signed with the right key", () => {
  // Built when the test runs: the payloads need the stand-in's ids.
  const bodies: [string, () => unknown][] = [
    ["null", () => null],
    ["an array", () => []],
    ["a number", () => 2],
    ["a string", () => "interaction"],
    ["an empty object", () => ({})],
    ["a command without data", () => commandWith("data", undefined)],
    ["a command whose data is null", () => commandWith("data", null)],
    ["a command whose options are not a list", () => commandWith("data", { name: "vitamin", options: 7 })],
    ["a command without a token", () => commandWith("token", undefined)],
    ["a command from nobody (no member, no user)", () => commandWith("member", undefined)],
    ["a command whose member is a string", () => commandWith("member", "ana")],
    ["an autocomplete whose value is an object", () => autocompleteWithValue({ toString: 1 })],
    ["an autocomplete whose value is a list", () => autocompleteWithValue(["calc"])],
    ["a button without data", () => ({ ...commandWith("data", undefined), type: 3 })],
    ["an interaction type vitabot has no use for", () => commandWith("type", 5)],
  ];

  it.each(bodies)("answers %s with 400 and a reason", async (_what, body) => {
    const { status, body: answer } = await postInteraction(url, body(), signed);
    expect(status).toBe(400);
    expect(answer).toEqual({ error: expect.any(String) });
  });

  it("answers a body nested 100,000 deep with 400", async () => {
    const deep = `${'{"type":2,"data":{"name":"vitamin","options":'.repeat(1)}${"[".repeat(100_000)}${"]".repeat(100_000)}}}`;
    const { status } = await postSigned(url, deep, signed);
    expect(status).toBe(400);
  });

  it("logged none of them as a fault, and still answers a good request", async () => {
    expect(logLines.filter((l) => Number(l.level) >= 50)).toEqual([]);
    const { status, body } = await postInteraction(url, commandInteraction(ctx(), "tip"), signed);
    expect(status).toBe(200);
    expect(body.type).toBe(4);
  });
});

describe("the signature's timestamp", () => {
  // Stamped when the test runs, ten seconds clear of the window's edge (the boundary itself
  // is tested in tests/unit/discord/signature.test.ts with a fixed clock).
  it.each([
    ["five minutes and ten seconds ago", () => unixSeconds(-310)],
    ["an hour ago", () => unixSeconds(-3600)],
    ["five minutes and ten seconds ahead", () => unixSeconds(310)],
    ["a day ahead", () => unixSeconds(86_400)],
    ["not a number", () => "yesterday"],
    ["in milliseconds", () => String(Date.now())],
  ])("refuses a correctly signed request stamped %s with 401", async (_when, timestamp) => {
    const { status } = await postInteraction(url, pingInteraction(standIn.applicationId), {
      ...signed,
      timestamp: timestamp(),
    });
    expect(status).toBe(401);
  });

  it.each([
    ["now", () => unixSeconds()],
    ["four minutes ago", () => unixSeconds(-240)],
    ["four minutes ahead (a fast clock at Discord)", () => unixSeconds(240)],
  ])("accepts one stamped %s", async (_when, timestamp) => {
    const { status, body } = await postInteraction(url, pingInteraction(standIn.applicationId), {
      ...signed,
      timestamp: timestamp(),
    });
    expect(status).toBe(200);
    expect(body).toEqual({ type: 1 });
  });

  it("refuses a replay of a command captured ten minutes ago, and runs nothing", async () => {
    const payload = commandInteraction(ctx(), "tip");
    const { status } = await postInteraction(url, payload, { ...signed, timestamp: unixSeconds(-600) });
    expect(status).toBe(401);
    expect(logLines.some((l) => l.eventId === payload.id)).toBe(false);
    expect(logLines.some((l) => l.msg === "rejected an interaction with a stale or future timestamp")).toBe(
      true,
    );
  });
});

describe("names that are properties of every JavaScript object", () => {
  it.each(["tips constructor", "tips __proto__", "tips toString", "challenge hasOwnProperty"])(
    "answers the command %s as an unknown command, not a fault",
    async (path) => {
      const { status, body } = await postInteraction(url, commandInteraction(ctx(), path), signed);
      expect(status).toBe(200);
      expect(body.data?.embeds?.[0]?.title).toBe("That didn't work");
    },
  );

  it.each(["tips constructor", "tips __proto__", "vitamin"])(
    "suggests nothing for %s's option named constructor, without failing",
    async (path) => {
      const payload = autocompleteInteraction(ctx(), path, { constructor: "x" }, "constructor");
      const { status, body } = await postInteraction(url, payload, signed);
      expect(status).toBe(200);
      expect(body).toEqual({ type: 8, data: { choices: [] } });
    },
  );

  it("runs a command given an option named constructor, and a button naming tips constructor", async () => {
    const typed = await postInteraction(
      url,
      commandInteraction(ctx(), "vitamin", { constructor: "x" }),
      signed,
    );
    expect(typed.status).toBe(200);
    expect(typed.body.data?.embeds?.[0]?.title).not.toBe("Sorry, something went wrong on my side");
    const click = await postInteraction(
      url,
      buttonInteraction(ctx(), "vb|run|tips constructor", standIn.bot),
      signed,
    );
    expect(click.status).toBe(200);
    expect(click.body.data?.embeds?.[0]?.title).not.toBe("Sorry, something went wrong on my side");
  });

  it("logged no fault for any of them", () => {
    expect(logLines.filter((l) => Number(l.level) >= 50)).toEqual([]);
  });
});
