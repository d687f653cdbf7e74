/**
 * A refused Discord form's Try again, across replicas and restarts, over signed HTTP
 * interactions on 127.0.0.1: replicas (each its own app, store connection and HTTP
 * server) share one PostgreSQL database, as HTTP interactions behind a load balancer do.
 * What was typed into a refused form is kept there, so the Try again press reopens the
 * form holding exactly that wherever it lands, also after the replica that refused it is
 * gone; only for the person who typed it, and not after the draft expired and the tick
 * purged it.
 */
import { generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDiscordAdapter, type DiscordAdapter } from "../../../src/adapters/discord/discord-adapter.js";
import type { App } from "../../../src/app.js";
import { createPostgresStorage, openPostgresDatabase } from "../../../src/storage/kysely/postgres-storage.js";
import { createDiscordTestApp } from "../../helpers/discord-app.js";
import type { ModalJson } from "../../helpers/discord-assert.js";
import { postInteraction } from "../../helpers/discord-http.js";
import type { FakeClock } from "../../helpers/fake-clock.js";
import { createTestDatabase, type TestDatabase } from "../../helpers/postgres.js";
import { type BodyJson, buttonsOf, type MessageJson } from "../../kit/discord-json.js";
import {
  buttonInteraction,
  commandInteraction,
  type InteractionContext,
  interactionContext,
  type ModalInput,
  modalSubmitInteraction,
  selectInteraction,
  snowflake,
} from "../../kit/discord-payloads.js";
import { type DiscordStandIn, startDiscordStandIn } from "../../kit/discord-stand-in.js";

const keys = generateKeyPairSync("ed25519");
const publicKeyHex = keys.publicKey.export({ format: "der", type: "spki" }).subarray(-32).toString("hex");
/** Manage Channels: what makes a Discord member an admin for vitabot. */
const MANAGE_CHANNELS = String(1 << 4);
const admin = { id: "771000000000000001", username: "ada" };
const other = { id: "771000000000000002", username: "otto" };

/** One replica: its own app (store connection, clock) and HTTP interactions server. */
interface Replica {
  app: App;
  clock: FakeClock;
  adapter: DiscordAdapter;
  url: string;
}

let standIn: DiscordStandIn;
let database: TestDatabase;
const running = new Set<Replica>();

async function startReplica(): Promise<Replica> {
  const storage = createPostgresStorage({ url: database.url });
  const { app, clock } = await createDiscordTestApp(standIn, {
    env: { DISCORD_PUBLIC_KEY: publicKeyHex },
    storage,
  });
  const adapter = createDiscordAdapter(app, { port: 0, host: "127.0.0.1", deferAfterMs: 2000 });
  app.registerAdapter(adapter);
  await adapter.start();
  const replica = {
    app,
    clock,
    adapter,
    url: `http://127.0.0.1:${adapter.address()?.port}/discord/interactions`,
  };
  running.add(replica);
  return replica;
}

async function stopReplica(replica: Replica): Promise<void> {
  running.delete(replica);
  await replica.adapter.stop();
  await replica.app.close();
}

beforeAll(async () => {
  standIn = await startDiscordStandIn();
  database = await createTestDatabase();
});
afterAll(async () => {
  await Promise.all([...running].map(stopReplica));
  await standIn?.close();
  await database?.drop();
});

const at = (user: typeof admin, channelId: string): InteractionContext =>
  interactionContext(standIn, user, {
    channelId,
    permissions: user === admin ? MANAGE_CHANNELS : "0",
  });

/** Posts a signed interaction to one replica; its immediate answer. */
async function send(replica: Replica, payload: unknown): Promise<BodyJson> {
  const { status, body } = await postInteraction(replica.url, payload, { key: keys.privateKey });
  expect(status, JSON.stringify(body)).toBe(200);
  return body;
}

function modalOf(body: BodyJson): ModalJson {
  expect(body.type, JSON.stringify(body)).toBe(9);
  return body.data as unknown as ModalJson;
}

function messageOf(body: BodyJson): MessageJson {
  expect(body.type, JSON.stringify(body)).toBe(4);
  return body.data ?? {};
}

/** What each input of a modal holds: a text input's value, a select's preselected values. */
function filledIn(modal: ModalJson): Record<string, ModalInput | undefined> {
  return Object.fromEntries(
    modal.components.map(({ component: c }) => [
      c.custom_id,
      c.options ? c.options.filter((o) => o.default).map((o) => o.value) : c.value,
    ]),
  );
}

/** `/tips setup` on `replica`, submitted with `typed`: the refusal, with its Try again button. */
async function refusedTipsSetup(
  replica: Replica,
  where: InteractionContext,
  typed: Record<string, ModalInput>,
) {
  const modal = modalOf(await send(replica, commandInteraction(where, "tips setup")));
  const refused = messageOf(await send(replica, modalSubmitInteraction(where, modal.custom_id, typed)));
  expect(refused.embeds?.[0]?.title).toBe("Please fix the form");
  const button = buttonsOf(refused).find((b) => b.label === "Try again");
  expect(button, JSON.stringify(refused)).toBeDefined();
  return button?.custom_id ?? "";
}

const press = (replica: Replica, where: InteractionContext, customId: string) =>
  send(replica, buttonInteraction(where, customId, standIn.bot));

/** What `/tips setup` opens with when nothing was typed. */
const DEFAULTS = { time: "09:00", zone: "UTC", days: ["mon", "tue", "wed", "thu", "fri"], theme: ["any"] };

describe("Try again on a refused Discord form, with replicas on one PostgreSQL database", () => {
  let first: Replica;
  let second: Replica;
  beforeAll(async () => {
    first = await startReplica();
    second = await startReplica();
  });

  it("the press reaching another replica reopens the form holding exactly what was typed", async () => {
    const where = at(admin, snowflake());
    const typed = { time: "25:00", zone: "Europe/Berln", days: ["sat", "sun"], theme: ["vitamin-d"] };
    const retry = await refusedTipsSetup(first, where, typed);
    expect(retry.length).toBeLessThanOrEqual(100);
    expect(filledIn(modalOf(await press(second, where, retry)))).toEqual(typed);
    // Pressed again, on the first: still there.
    expect(filledIn(modalOf(await press(first, where, retry)))).toEqual(typed);
  });

  it("a challenge's Try again offers the template select on one replica, and the modal on another keeps what was typed", async () => {
    const where = at(admin, snowflake());
    const bare = "form:challenge-new|m|nonce7";
    const typed = { name: "Stretch club", start: "", days: "", zone: "UTC", reminder: "25:00" };
    const refused = messageOf(await send(first, modalSubmitInteraction(where, bare, typed)));
    const retry = buttonsOf(refused).find((b) => b.label === "Try again")?.custom_id ?? "";
    const picker = messageOf(await press(second, where, retry));
    const select = picker.components?.[0]?.components[0] as unknown as { custom_id: string };
    const modal = modalOf(
      await send(first, selectInteraction(where, select.custom_id, ["daylight-walks"], standIn.bot)),
    );
    expect(filledIn(modal)).toMatchObject({ name: "Stretch club", zone: "UTC", reminder: "25:00" });
  });

  it("someone else pressing the button gets the form with its defaults, never what another person typed", async () => {
    const channel = snowflake();
    const typed = { time: "7.30", zone: "berlin", days: ["mon"], theme: ["any"] };
    const retry = await refusedTipsSetup(first, at(admin, channel), typed);
    const opened = modalOf(await press(second, at(other, channel), retry));
    expect(filledIn(opened)).toEqual(DEFAULTS);
  });

  it("after the replica that refused it is stopped, a newly started one reopens the form with what was typed", async () => {
    const where = at(admin, snowflake());
    const typed = { time: "6:5", zone: "America/New_Yrok", days: ["tue", "thu"], theme: ["any"] };
    const retry = await refusedTipsSetup(first, where, typed);
    await stopReplica(first);
    await stopReplica(second);
    const restarted = await startReplica();
    expect(filledIn(modalOf(await press(restarted, where, retry)))).toEqual(typed);
  });

  it("a draft whose stored values are not text per field opens the form with its defaults", async () => {
    const replica = await startReplica();
    const where = at(admin, snowflake());
    const typed = { time: "25:00", zone: "UTC", days: ["mon"], theme: ["any"] };
    const retry = await refusedTipsSetup(replica, where, typed);
    const raw = openPostgresDatabase({ url: database.url });
    try {
      const key = retry.split("|")[2] ?? "";
      const changed = await raw
        .updateTable("form_drafts")
        .set({ values_json: JSON.stringify({ time: { hours: 25 }, zone: ["UTC"] }) })
        .where("key", "=", key)
        .executeTakeFirst();
      expect(changed.numUpdatedRows).toBe(1n);
    } finally {
      await raw.destroy();
    }
    expect(filledIn(modalOf(await press(replica, where, retry)))).toEqual(DEFAULTS);
    await stopReplica(replica);
  });

  it("15 minutes on, the tick purges the draft and Try again opens the form with its defaults", async () => {
    const replica = await startReplica();
    const where = at(admin, snowflake());
    const typed = { time: "24:61", zone: "Mars/Olympus", days: ["fri"], theme: ["any"] };
    const retry = await refusedTipsSetup(replica, where, typed);
    replica.clock.advance(15 * 60_000 - 1);
    expect(filledIn(modalOf(await press(replica, where, retry)))).toEqual(typed);
    replica.clock.advance(1);
    const report = await replica.app.scheduler.tick();
    expect(report.purgedFormDrafts).toBeGreaterThanOrEqual(1);
    expect(filledIn(modalOf(await press(replica, where, retry)))).toEqual(DEFAULTS);
  });

  it("with Discord alone, the tick forgets a form submission's claim once it is a day old", async () => {
    const replica = await startReplica();
    const key = `modal:${snowflake()}:values`;
    const claim = () => replica.app.storage.claimEvent("discord", key, replica.clock.now().getTime());
    expect(await claim()).toBe(true);
    replica.clock.advance(60 * 60_000);
    expect((await replica.app.scheduler.tick()).prunedEventClaims).toBe(0);
    expect(await claim()).toBe(false);
    replica.clock.advance(24 * 60 * 60_000);
    expect((await replica.app.scheduler.tick()).prunedEventClaims).toBeGreaterThanOrEqual(1);
    expect(await claim()).toBe(true);
  });
});
