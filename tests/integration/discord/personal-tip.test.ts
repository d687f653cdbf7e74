/**
 * A personal daily tip over Discord's signed HTTP interactions, against the stand-in:
 * `/tips me` validates its zone (did-you-mean) and asks for one when none is given (Discord
 * has no profile zone), the tick at the person's local 08:00 opens their DM channel and
 * sends one message there, and a DM Discord refuses with 50007 stops it, the loss in the
 * ledger.
 */
import { generateKeyPairSync, sign } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDiscordAdapter, type DiscordAdapter } from "../../../src/adapters/discord/discord-adapter.js";
import type { App } from "../../../src/app.js";
import { personalChannel, personalTipStatus } from "../../../src/core/personal-tip.js";
import { createDiscordTestApp } from "../../helpers/discord-app.js";
import type { FakeClock } from "../../helpers/fake-clock.js";
import { commandInteraction, interactionContext } from "../../kit/discord-payloads.js";
import { type DiscordStandIn, startDiscordStandIn } from "../../kit/discord-stand-in.js";

const keys = generateKeyPairSync("ed25519");
const publicKeyHex = keys.publicKey.export({ format: "der", type: "spki" }).subarray(-32).toString("hex");
const ANA = { id: "730000000000000011", username: "ana" };
const BO = { id: "730000000000000012", username: "bo" };

let standIn: DiscordStandIn;
let adapter: DiscordAdapter;
let app: App;
let clock: FakeClock;
let url: string;

beforeAll(async () => {
  standIn = await startDiscordStandIn();
  const created = await createDiscordTestApp(standIn, { env: { DISCORD_PUBLIC_KEY: publicKeyHex } });
  app = created.app;
  clock = created.clock;
  clock.set("2026-11-25T06:00:00Z"); // Wednesday, 07:00 in Berlin
  adapter = createDiscordAdapter(app, { port: 0, host: "127.0.0.1" });
  app.registerAdapter(adapter); // as npm start does, so scheduled posts go through this adapter
  await adapter.start();
  url = `http://127.0.0.1:${adapter.address()?.port}/discord/interactions`;
});
afterAll(async () => {
  await adapter?.stop();
  await standIn?.close();
});

/** `/tips me …` as a signed interaction; the HTTP response's text. */
async function tipsMe(user: typeof ANA, values: Record<string, string>): Promise<string> {
  const body = JSON.stringify(commandInteraction(interactionContext(standIn, user), "tips me", values));
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = sign(null, Buffer.from(timestamp + body), keys.privateKey).toString("hex");
  const res = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-signature-ed25519": signature,
      "x-signature-timestamp": timestamp,
    },
    body,
  });
  expect(res.status).toBe(200);
  return res.text();
}

const person = (user: typeof ANA) => ({
  platform: "discord" as const,
  workspaceId: standIn.guildId,
  userId: user.id,
});
const dmOpens = (user: typeof ANA) =>
  standIn.calls.filter(
    (c) =>
      c.method === "POST" &&
      c.path === "/users/@me/channels" &&
      (c.body as { recipient_id?: string }).recipient_id === user.id,
  );

describe("a personal daily tip on Discord", () => {
  it("asks for a zone once, with did-you-mean for a near miss, and saves nothing until it is right", async () => {
    expect(await tipsMe(ANA, { time: "08:00" })).toContain("Which time zone?");
    expect(await tipsMe(ANA, { time: "08:00", zone: "Europe/Berln" })).toContain(
      "did you mean Europe/Berlin",
    );
    expect(await tipsMe(ANA, { time: "25:00", zone: "Europe/Berlin" })).toContain("24-hour time");
    expect(await personalTipStatus(app.storage, person(ANA))).toEqual({ on: false });
  });

  it("sends one DM at the person's local 08:00, opening their DM channel", async () => {
    const answer = await tipsMe(ANA, { time: "08:00", zone: "Europe/Berlin", days: "weekdays" });
    expect(answer).toContain("Your daily tip is on");
    // Later changes keep the zone given once.
    expect(await tipsMe(ANA, { time: "08:00" })).toContain("08:00 Europe/Berlin, weekdays");
    clock.set("2026-11-25T07:00:30Z");
    await app.scheduler.tick();
    await app.scheduler.tick();
    expect(dmOpens(ANA)).toHaveLength(1);
    const posts = standIn.calls.filter(
      (c) => c.method === "POST" && /^\/channels\/\d+\/messages$/.test(c.path),
    );
    expect(posts).toHaveLength(1);
    expect(JSON.stringify(posts[0]?.body)).toContain("Today's muscle-health tip");
    expect(
      await app.storage.getDelivery({
        channel: personalChannel(person(ANA)),
        kind: "tip",
        localDate: "2026-11-25",
      }),
    ).toMatchObject({ status: "sent" });
  });

  it("stops when Discord refuses the DM (50007), the loss recorded in the ledger", async () => {
    clock.set("2026-11-26T06:00:00Z");
    expect(await tipsMe(BO, { time: "08:00", zone: "Europe/Berlin" })).toContain("Your daily tip is on");
    const closedDm = "990000000000000007";
    standIn.respondOnce(
      (c) => c.path === "/users/@me/channels" && (c.body as { recipient_id?: string }).recipient_id === BO.id,
      {
        status: 200,
        body: {
          id: closedDm,
          type: 1,
          recipients: [{ id: BO.id, username: BO.username, discriminator: "0" }],
        },
      },
    );
    standIn.respondOnce((c) => c.method === "POST" && c.path === `/channels/${closedDm}/messages`, {
      status: 403,
      body: { message: "Cannot send messages to this user", code: 50007 },
    });
    clock.set("2026-11-26T07:00:30Z");
    const report = await app.scheduler.tick();
    expect(report).toMatchObject({ posted: 1, failed: 1, paused: 1 }); // Ana's Thursday tip, Bo's refused one
    const ledger = await app.storage.getDelivery({
      channel: personalChannel(person(BO)),
      kind: "tip",
      localDate: "2026-11-26",
    });
    expect(ledger).toMatchObject({ status: "failed" });
    expect(ledger?.reason).toContain("50007");
    expect(await personalTipStatus(app.storage, person(BO))).toMatchObject({ on: true, nextAt: null });
    clock.set("2026-11-27T07:00:30Z");
    await app.scheduler.tick();
    expect(dmOpens(BO)).toHaveLength(1);
    expect(dmOpens(ANA)).toHaveLength(3);
  });
});
