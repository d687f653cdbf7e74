/**
 * One Discord bot of the Discord benchmark, in its own process, started by
 * bench/discord.ts with a role, the stand-in's API URL, its application id and (for
 * vitabot) a database URL. `vitabot`: createApp and the gateway adapter on a SQLite file,
 * as `npm start` builds them. `ceiling`: the same discord.js client options, answering
 * every command with one constant embed. It reports `ready` over IPC once logged in, and
 * answers `legs` with its timestamps (see stampLegs); 127.0.0.1 only.
 */
import { subscribe } from "node:diagnostics_channel";
import { type Client, Events, MessageFlags } from "discord.js";
import { createDiscordAdapter } from "../src/adapters/discord/discord-adapter.js";
import { createGatewayClient } from "../src/adapters/discord/gateway.js";
import { createApp } from "../src/app.js";
import { parseConfig } from "../src/config.js";
import { createLogger } from "../src/logger.js";
import { warmAnswersInBackground } from "../src/ops/warm-answers.js";
import { type Legs, monotonicMs } from "./legs.js";

const [role = "", apiUrl = "", applicationId = "", databaseUrl = ""] = process.argv.slice(2);
const BENCH_TOKEN = "bench-bot-token.abc.def";

async function vitabot(): Promise<Client | undefined> {
  const config = parseConfig({
    DISCORD_TOKEN: BENCH_TOKEN,
    DISCORD_APPLICATION_ID: applicationId,
    DISCORD_API_URL: apiUrl,
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: "warn",
  });
  const app = await createApp(config, createLogger({ level: "warn" }));
  const adapter = createDiscordAdapter(app, { mode: "gateway" });
  await adapter.start();
  warmAnswersInBackground(app.knowledge.engine); // as npm start does
  return adapter.client;
}

const CONSTANT_EMBED = {
  title: "Vitamin D",
  description: "A constant answer, the same every time.",
  fields: [{ name: "Test", value: "25(OH)D blood test" }],
  footer: { text: "General information, not medical advice." },
};

async function ceiling(): Promise<Client> {
  const client: Client = createGatewayClient({ token: BENCH_TOKEN, apiUrl });
  client.on(Events.InteractionCreate, (interaction) => {
    if (!interaction.isChatInputCommand()) return;
    void interaction
      .reply({ embeds: [CONSTANT_EMBED], flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } })
      .catch(() => {});
  });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(BENCH_TOKEN);
  await ready;
  return client;
}

/**
 * By interaction token: when its INTERACTION_CREATE had been parsed off the gateway, and
 * when the bot's last request for it (the callback, or the edit after a defer) left for
 * the API, on the machine-wide clock. The same probes in both roles: discord.js's raw
 * event, and undici's request channel (discord.js's REST client is undici).
 */
function stampLegs(client: Client): Legs {
  const legs: Legs = {};
  client.on(Events.Raw, (packet: { t?: string; d?: { token?: string } }) => {
    const token = packet.t === "INTERACTION_CREATE" ? packet.d?.token : undefined;
    if (token) legs[token] = { received: monotonicMs() };
  });
  subscribe("undici:request:create", (message) => {
    const path = (message as { request?: { path?: string } }).request?.path ?? "";
    const token = /\/(itoken-\d+)(\/|$)/.exec(path)?.[1];
    const leg = token ? legs[token] : undefined;
    if (leg) leg.answered = monotonicMs();
  });
  return legs;
}

const roles: Record<string, () => Promise<Client | undefined>> = { vitabot, ceiling };
const run = roles[role];
if (!run) {
  console.error(`unknown role "${role}"`);
  process.exit(2);
}
const client = await run();
const legs = client ? stampLegs(client) : {};
process.on("message", (message: { type?: string }) => {
  if (message.type !== "legs") return;
  process.send?.({ type: "legs", legs });
});
process.send?.({ type: "ready" });
process.on("disconnect", () => process.exit(0));
