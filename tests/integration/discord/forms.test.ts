/**
 * Forms on Discord end to end, over signed HTTP interactions on 127.0.0.1 (and once over
 * the gateway through discord.js): `/tips setup`, `/challenge new` and the form buttons
 * open modals (type 9) filled in (the zone defaults to the guild's last one); a template
 * is picked in a string select; a modal submit (type 5) runs the typed command through
 * the dispatcher and acts once; a refused one says what to fix, with a Try again button
 * that reopens the modal holding what was typed; Ask opens a question modal.
 */
import { generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeAction } from "../../../src/adapters/chat-adapter.js";
import { createDiscordAdapter, type DiscordAdapter } from "../../../src/adapters/discord/discord-adapter.js";
import { parseFormCustomId } from "../../../src/adapters/discord/form-ids.js";
import { createDiscordTestApp } from "../../helpers/discord-app.js";
import {
  expectModalWithinLimits,
  expectWithinDiscordLimits,
  type ModalJson,
} from "../../helpers/discord-assert.js";
import { postInteraction } from "../../helpers/discord-http.js";
import { type BodyJson, buttonsOf, type MessageJson } from "../../kit/discord-json.js";
import {
  buttonInteraction,
  commandInteraction,
  type InteractionContext,
  interactionContext,
  type ModalInput,
  modalSubmitInteraction,
  type OptionValues,
  selectInteraction,
  snowflake,
} from "../../kit/discord-payloads.js";
import { type DiscordStandIn, startDiscordStandIn } from "../../kit/discord-stand-in.js";

const keys = generateKeyPairSync("ed25519");
const publicKeyHex = keys.publicKey.export({ format: "der", type: "spki" }).subarray(-32).toString("hex");
/** Manage Channels: what makes a Discord member an admin for vitabot. */
const MANAGE_CHANNELS = String(1 << 4);
const admin = { id: "770000000000000001", username: "ada" };
const member = { id: "770000000000000002", username: "mo" };

let standIn: DiscordStandIn;
let adapter: DiscordAdapter;
let url: string;

beforeAll(async () => {
  standIn = await startDiscordStandIn();
  const created = await createDiscordTestApp(standIn, { env: { DISCORD_PUBLIC_KEY: publicKeyHex } });
  adapter = createDiscordAdapter(created.app, { port: 0, host: "127.0.0.1", deferAfterMs: 2000 });
  created.app.registerAdapter?.(adapter);
  await adapter.start();
  url = `http://127.0.0.1:${adapter.address()?.port}/discord/interactions`;
});
afterAll(async () => {
  await adapter?.stop();
  await standIn?.close();
});

/** An interaction context in `channelId` of the stand-in's guild. */
function where(user: typeof admin, channelId: string): InteractionContext {
  const asAdmin = user === admin ? { permissions: MANAGE_CHANNELS } : { permissions: "0" };
  return interactionContext(standIn, user, { channelId, ...asAdmin });
}

/** Posts a signed interaction; the immediate answer (type 4 message or type 9 modal). */
async function send(payload: unknown): Promise<BodyJson> {
  const { status, body } = await postInteraction(url, payload, { key: keys.privateKey });
  expect(status, JSON.stringify(body)).toBe(200);
  return body;
}

async function command(at: InteractionContext, path: string, values: OptionValues = {}) {
  return send(commandInteraction(at, path, values));
}

/** The modal of a type 9 answer, checked against Discord's limits. */
function modalOf(body: BodyJson): ModalJson {
  expect(body.type, JSON.stringify(body)).toBe(9);
  const modal = body.data as unknown as ModalJson;
  expectModalWithinLimits(modal);
  return modal;
}

/** The ephemeral message of a type 4 answer, checked against Discord's limits. */
function messageOf(body: BodyJson): MessageJson {
  expect(body.type, JSON.stringify(body)).toBe(4);
  expect(body.data?.flags).toBe(64);
  expectWithinDiscordLimits(body.data);
  return body.data ?? {};
}

/** An answer's embed as text: title, description and fields. */
function textOf(message: MessageJson): string {
  const embed = message.embeds?.[0];
  const fields = (embed?.fields ?? []).map((f) => `${f.name}: ${f.value}`);
  return [embed?.title, embed?.description, ...fields].join("\n");
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

const submit = (at: InteractionContext, modal: ModalJson, inputs: Record<string, ModalInput>) =>
  send(modalSubmitInteraction(at, modal.custom_id, inputs));

/** The Try again button of a refused form, pressed: the reopened modal (or the template select). */
async function tryAgain(at: InteractionContext, refused: MessageJson) {
  const button = buttonsOf(refused).find((b) => b.label === "Try again");
  expect(button, JSON.stringify(refused)).toBeDefined();
  expect(parseFormCustomId(button?.custom_id ?? "")?.part).toBe("retry");
  return send(buttonInteraction(at, button?.custom_id ?? "", standIn.bot));
}

describe("Discord forms: Set up daily tips", () => {
  const channel = snowflake();

  it("/tips setup opens the modal, filled in with the guild's last zone, 09:00 and weekdays", async () => {
    // A challenge set up in another channel of the guild is the zone it used last.
    const started = await command(where(admin, snowflake()), "challenge start", {
      template: "daylight-walks",
      zone: "Asia/Tokyo",
    });
    expect(textOf(messageOf(started))).toContain("Challenge started");
    const modal = modalOf(await command(where(admin, channel), "tips setup"));
    expect(modal.title).toBe("Set up daily tips");
    expect(modal.components.map((c) => c.component.custom_id)).toEqual(["time", "zone", "days", "theme"]);
    expect(filledIn(modal)).toEqual({
      time: "09:00",
      zone: "Asia/Tokyo",
      days: ["mon", "tue", "wed", "thu", "fri"],
      theme: ["any"],
    });
    // Days and focus are string selects inside Labels.
    expect(modal.components.map((c) => c.component.type)).toEqual([4, 4, 3, 3]);
  });

  it("a refused submit (25:00, a mistyped zone) says what to fix; Try again reopens it holding what was typed", async () => {
    const modal = modalOf(await command(where(admin, channel), "tips setup"));
    const typed = { time: "25:00", zone: "Europe/Berln", days: ["sat", "sun"], theme: ["vitamin-d"] };
    const refused = messageOf(await submit(where(admin, channel), modal, typed));
    const text = textOf(refused);
    expect(text).toContain("Please fix the form");
    expect(text).toMatch(/Time \(HH:MM\).*25:00/);
    expect(text).toContain("Did you mean Europe/Berlin?");
    const reopened = modalOf(await tryAgain(where(admin, channel), refused));
    expect(filledIn(reopened)).toEqual(typed);
    // A fresh modal: its submission is a new one.
    expect(reopened.custom_id).not.toBe(modal.custom_id);
    const status = messageOf(await command(where(admin, channel), "tips status"));
    expect(textOf(status)).not.toContain("25:00");
  });

  it("a valid submit subscribes the channel, which /tips status then shows", async () => {
    const modal = modalOf(await command(where(admin, channel), "tips setup"));
    const done = messageOf(
      await submit(where(admin, channel), modal, {
        time: "08:30",
        zone: "Europe/Berlin",
        days: ["mon", "wed", "fri"],
        theme: ["vitamin-d"],
      }),
    );
    expect(done.embeds?.[0]?.title).not.toMatch(/fix|didn't work|wrong/i);
    const status = textOf(messageOf(await command(where(admin, channel), "tips status")));
    expect(status).toContain("08:30");
    expect(status).toContain("Europe/Berlin");
    expect(status).toMatch(/Mon, Wed, Fri/);
    // Opened again, the form holds the channel's schedule.
    const again = modalOf(await command(where(admin, channel), "tips setup"));
    expect(filledIn(again)).toEqual({
      time: "08:30",
      zone: "Europe/Berlin",
      days: ["mon", "wed", "fri"],
      theme: ["vitamin-d"],
    });
  });

  it("a modal submitted twice acts once", async () => {
    const other = snowflake();
    const posts = () =>
      standIn.calls.filter((c) => c.method === "POST" && c.path === `/channels/${other}/messages`).length;
    const modal = modalOf(await command(where(admin, other), "tips setup"));
    const inputs = { time: "07:15", zone: "UTC", days: ["tue"], theme: ["any"] };
    const payload = modalSubmitInteraction(where(admin, other), modal.custom_id, inputs);
    const first = messageOf(await send(payload));
    expect(first.embeds?.[0]?.title).not.toMatch(/fix|didn't work|wrong|already/i);
    const announced = posts();
    expect(announced).toBe(1);
    // The same delivery again, and the same modal sent again as a new interaction.
    const again = messageOf(await send(payload));
    const twice = messageOf(await submit(where(admin, other), modal, inputs));
    for (const answer of [again, twice]) expect(answer.embeds?.[0]?.title).toBe("Already submitted");
    expect(posts()).toBe(announced);
  });

  it("refuses a member the same way the typed command does (the dispatcher's admin check)", async () => {
    const modal = modalOf(await command(where(member, channel), "tips setup"));
    const refused = messageOf(
      await submit(where(member, channel), modal, {
        time: "10:00",
        zone: "UTC",
        days: ["mon"],
        theme: ["any"],
      }),
    );
    expect(textOf(refused)).toContain(
      "Only channel admins or whoever set up the tips can change the daily tips.",
    );
    const status = textOf(messageOf(await command(where(admin, channel), "tips status")));
    expect(status).toContain("08:30");
  });

  it("the welcome's Set up daily tips button opens the same modal", async () => {
    const body = await send(buttonInteraction(where(admin, snowflake()), "vb|run|tips setup", standIn.bot));
    expect(modalOf(body).title).toBe("Set up daily tips");
  });
});

describe("Discord forms: Start a challenge", () => {
  it("/challenge new offers the templates in a string select; the choice opens the modal; its submit starts it", async () => {
    const channel = snowflake();
    const picker = messageOf(await command(where(admin, channel), "challenge new"));
    const select = picker.components?.[0]?.components[0] as unknown as {
      type: number;
      custom_id: string;
      options: { label: string; value: string; description?: string }[];
    };
    expect(select.type).toBe(3);
    expect(select.options.length).toBeGreaterThan(1);
    expect(select.options.length).toBeLessThanOrEqual(25);
    for (const o of select.options) expect(o.description).toMatch(/^\d+ days: /);
    const modal = modalOf(
      await send(selectInteraction(where(admin, channel), select.custom_id, ["daylight-walks"], standIn.bot)),
    );
    expect(modal.title).toMatch(/^Start a challenge/);
    expect(modal.components.map((c) => c.component.custom_id)).toEqual([
      "name",
      "start",
      "days",
      "zone",
      "reminder",
    ]);
    const done = messageOf(
      await submit(where(admin, channel), modal, {
        name: "Lunch walks",
        start: "",
        days: "",
        zone: "Europe/Berlin",
        reminder: "12:30",
      }),
    );
    expect(textOf(done)).toContain("Challenge started");
    expect(textOf(done)).toContain("Lunch walks");
    expect(textOf(done)).toContain("Daily reminder at 12:30");
  });

  it("an empty template is refused with Try again, which offers the select and keeps what was typed", async () => {
    const channel = snowflake();
    const bare = { custom_id: "form:challenge-new|m|nonce1", title: "Start a challenge", components: [] };
    const typed = { name: "Stretch club", start: "", days: "", zone: "UTC", reminder: "25:00" };
    const refused = messageOf(await submit(where(admin, channel), bare as ModalJson, typed));
    expect(textOf(refused)).toContain("Challenge is required.");
    expect(textOf(refused)).toMatch(/Daily reminder.*25:00/);
    const picker = messageOf(await tryAgain(where(admin, channel), refused));
    const select = picker.components?.[0]?.components[0] as unknown as { custom_id: string };
    const modal = modalOf(
      await send(selectInteraction(where(admin, channel), select.custom_id, ["daylight-walks"], standIn.bot)),
    );
    expect(filledIn(modal)).toMatchObject({ name: "Stretch club", zone: "UTC", reminder: "25:00" });
  });

  it("refuses a member before any form opens (the opener's admin check)", async () => {
    const refused = messageOf(await command(where(member, snowflake()), "challenge new"));
    expect(textOf(refused)).toContain("Only channel admins can use /challenge new.");
  });
});

describe("Discord forms: Ask a question", () => {
  it("/me's Ask button opens a question modal whose submit is answered like /ask", async () => {
    const at = where(member, snowflake());
    const panel = messageOf(await command(at, "me"));
    const ask = buttonsOf(panel).find((b) => decodeAction(b.custom_id)?.line === "ask");
    expect(ask).toBeDefined();
    const modal = modalOf(await send(buttonInteraction(at, ask?.custom_id ?? "", standIn.bot)));
    expect(modal.components.map((c) => c.component.custom_id)).toEqual(["question"]);
    const answer = messageOf(await submit(at, modal, { question: "can low b12 cause muscle weakness" }));
    expect(answer.embeds?.[0]?.title).toMatch(/B12/i);
    expect(answer.embeds?.[0]?.footer?.text).toMatch(/not medical advice/);
  });

  it("/ask with nothing typed opens the same modal", async () => {
    expect(modalOf(await command(where(member, snowflake()), "ask")).title).toBe("Ask a question");
  });
});

describe("Discord forms over the gateway (discord.js reads the Labels)", () => {
  let gatewayStandIn: DiscordStandIn;
  let gateway: DiscordAdapter;
  beforeAll(async () => {
    gatewayStandIn = await startDiscordStandIn();
    const created = await createDiscordTestApp(gatewayStandIn);
    gateway = createDiscordAdapter(created.app, { mode: "gateway" });
    created.app.registerAdapter?.(gateway);
    await gateway.start();
  });
  afterAll(async () => {
    await gateway?.stop();
    await gatewayStandIn?.close();
  });

  /** Dispatches an interaction and returns the body of its callback. */
  async function viaGateway(payload: { id: string; token: string }): Promise<BodyJson> {
    gatewayStandIn.dispatch("INTERACTION_CREATE", payload);
    const call = await gatewayStandIn.waitForCall(
      (c) => c.path === `/interactions/${payload.id}/${payload.token}/callback`,
    );
    return call.body;
  }

  it("/tips setup opens the modal (type 9), and its submit (type 5) subscribes the channel", async () => {
    const at = interactionContext(gatewayStandIn, admin, { permissions: MANAGE_CHANNELS });
    const modal = modalOf(await viaGateway(commandInteraction(at, "tips setup")));
    expect(filledIn(modal).zone).toBe("UTC");
    const inputs = { time: "06:45", zone: "America/New_York", days: ["sat"], theme: ["any"] };
    const done = messageOf(await viaGateway(modalSubmitInteraction(at, modal.custom_id, inputs)));
    expect(done.embeds?.[0]?.title).not.toMatch(/fix|didn't work|wrong/i);
    const status = textOf(messageOf(await viaGateway(commandInteraction(at, "tips status"))));
    expect(status).toContain("06:45");
    expect(status).toContain("America/New_York");
  });

  it("a refused submit answers with Try again, which reopens the modal holding what was typed", async () => {
    const at = interactionContext(gatewayStandIn, admin, { permissions: MANAGE_CHANNELS });
    const modal = modalOf(await viaGateway(commandInteraction(at, "tips setup")));
    const typed = { time: "9.30", zone: "berlin", days: ["mon"], theme: ["any"] };
    const refused = messageOf(await viaGateway(modalSubmitInteraction(at, modal.custom_id, typed)));
    expect(textOf(refused)).toContain("Did you mean Europe/Berlin?");
    const button = buttonsOf(refused).find((b) => b.label === "Try again");
    const reopened = modalOf(
      await viaGateway(buttonInteraction(at, button?.custom_id ?? "", gatewayStandIn.bot)),
    );
    expect(filledIn(reopened)).toEqual(typed);
  });
});
