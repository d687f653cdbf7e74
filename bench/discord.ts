/**
 * Discord interaction latency at a fixed 20 interactions/s: from INTERACTION_CREATE
 * leaving the stand-in's gateway to the final content arriving at its REST API (the
 * type 4 callback, or the edit after a defer). vitabot's real commands run next to a
 * bare discord.js handler that answers a constant embed by the same path (the ceiling).
 * Targets: p99 < 50 ms and within 1.5x of the ceiling. Everything is on 127.0.0.1.
 * Run: node --expose-gc --import tsx -e "import('./bench/discord.ts').then(m => m.benchDiscord())"
 */
import { setTimeout as sleep } from "node:timers/promises";
import { type Client, Events, MessageFlags } from "discord.js";
import { createDiscordAdapter } from "../src/adapters/discord/discord-adapter.js";
import { createGatewayClient } from "../src/adapters/discord/gateway.js";
import { createApp } from "../src/app.js";
import { parseConfig } from "../src/config.js";
import { createLogger } from "../src/logger.js";
import { commandInteraction, type OptionValues } from "../tests/helpers/discord-payloads.js";
import { type DiscordStandIn, startDiscordStandIn } from "../tests/helpers/discord-standin.js";
import { loadQuestionSet } from "../tests/helpers/question-set.js";
import { fmt, percentile, printTable } from "./stats.js";

const RATE_PER_S = 20;
const WARMUP = 40;
const MEASURED = 600;
/** Measured interactions are sent in this many alternating blocks per handler. */
const BLOCKS = 6;
const TOKEN = "bench-bot-token.abc.def";

/**
 * A realistic mix: cards, answers, comparisons, food lists, tips, symptom checks, help.
 * Each `ask` takes the next of the 199 questions of tests/fixtures/questions.yaml.
 */
const MIX: [string, OptionValues][] = [
  ["vitamin", { nutrient: "vitamin-d" }],
  ["ask", {}],
  ["compare", { a: "vitamin-d", b: "magnesium", c: "calcium" }],
  ["foods", { nutrient: "magnesium" }],
  ["tip", {}],
  ["ask", {}],
  ["symptoms", { words: "weak thighs and aching bones" }],
  ["vitamin", { nutrient: "omega 3" }],
  ["help", {}],
  ["ask", {}],
];
const QUESTIONS = loadQuestionSet().map((item) => item.q);
const ASKS_PER_MIX = MIX.filter(([path]) => path === "ask").length;

/** The i-th interaction of the mix; `ask`s go through the question set in order. */
function interaction(i: number): [string, OptionValues] {
  const [path, options] = MIX[i % MIX.length] ?? ["help", {}];
  if (path !== "ask") return [path, options];
  const asked =
    Math.floor(i / MIX.length) * ASKS_PER_MIX +
    MIX.slice(0, i % MIX.length).filter(([p]) => p === "ask").length;
  return [path, { question: QUESTIONS[asked % QUESTIONS.length] ?? "" }];
}

interface Run {
  samples: number[];
  deferred: number;
}

/** Sends interactions on a fixed schedule and measures each until its final content arrives. */
async function drive(standIn: DiscordStandIn, count: number, firstUser: number): Promise<Run> {
  const sentAt = new Map<string, number>();
  const samples: number[] = [];
  let deferred = 0;
  let done = 0;
  let finished: () => void = () => {};
  const all = new Promise<void>((resolve) => {
    finished = resolve;
  });
  const off = standIn.onCall((call) => {
    const token = /\/(itoken-\d+)(\/|$)/.exec(call.path)?.[1];
    const start = token ? sentAt.get(token) : undefined;
    if (!token || start === undefined) return;
    if (call.body.type === 5) {
      deferred++;
      return;
    }
    if (call.body.type !== 4 && call.method !== "PATCH") return;
    samples.push(call.at - start);
    sentAt.delete(token);
    if (++done === count) finished();
  });
  const t0 = performance.now();
  for (let i = 0; i < count; i++) {
    const wait = t0 + (i * 1000) / RATE_PER_S - performance.now();
    if (wait > 0) await sleep(wait);
    const [path, options] = interaction(firstUser + i);
    const user = { id: String(800_000_000_000_000_000n + BigInt(firstUser + i)), username: `user${i}` };
    const ctx = {
      applicationId: standIn.applicationId,
      guildId: standIn.guildId,
      channelId: standIn.channelId,
      user,
    };
    const payload = commandInteraction(ctx, path, options);
    sentAt.set(payload.token, performance.now());
    standIn.dispatch("INTERACTION_CREATE", payload);
  }
  await Promise.race([all, sleep(30_000)]);
  off();
  return { samples, deferred };
}

interface Contender {
  standIn: DiscordStandIn;
  stop(): Promise<void>;
}

/** vitabot as `npm start` builds it (createApp + the gateway adapter), on its own stand-in. */
async function startVitabot(): Promise<Contender> {
  const standIn = await startDiscordStandIn({ record: false });
  const config = parseConfig({
    DISCORD_TOKEN: TOKEN,
    DISCORD_APPLICATION_ID: standIn.applicationId,
    DISCORD_API_URL: standIn.apiUrl,
    DATABASE_URL: "file::memory:",
  });
  const app = await createApp(config, createLogger({ level: "warn" }));
  const adapter = createDiscordAdapter(app, { mode: "gateway" });
  await adapter.start();
  return {
    standIn,
    async stop() {
      await adapter.stop();
      await app.close();
      await standIn.close();
    },
  };
}

const CONSTANT_EMBED = {
  title: "Vitamin D",
  description: "A constant answer, the same every time.",
  fields: [{ name: "Test", value: "25(OH)D blood test" }],
  footer: { text: "General information, not medical advice." },
};

/** The ceiling: the same client options, answering every command with one constant embed. */
async function startCeiling(): Promise<Contender> {
  const standIn = await startDiscordStandIn({ record: false });
  const client: Client = createGatewayClient({ token: TOKEN, apiUrl: standIn.apiUrl });
  client.on(Events.InteractionCreate, (interaction) => {
    if (!interaction.isChatInputCommand()) return;
    void interaction
      .reply({ embeds: [CONSTANT_EMBED], flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } })
      .catch(() => {});
  });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(TOKEN);
  await ready;
  return {
    standIn,
    async stop() {
      await client.destroy();
      await standIn.close();
    },
  };
}

/** Alternating blocks, so both handlers see the same machine load over the run. */
async function measure(vitabot: Contender, ceiling: Contender): Promise<{ vitabot: Run; ceiling: Run }> {
  const runs = {
    vitabot: { samples: [] as number[], deferred: 0 },
    ceiling: { samples: [] as number[], deferred: 0 },
  };
  await drive(vitabot.standIn, WARMUP, 0);
  await drive(ceiling.standIn, WARMUP, 0);
  const block = MEASURED / BLOCKS;
  // One full collection before measuring, none between blocks: a forced full GC flushes
  // cold bytecode, and the recompilation afterwards would be measured as latency.
  globalThis.gc?.();
  for (let b = 0; b < BLOCKS; b++) {
    for (const [name, contender] of [
      ["ceiling", ceiling],
      ["vitabot", vitabot],
    ] as const) {
      const run = await drive(contender.standIn, block, WARMUP + b * block);
      runs[name].samples.push(...run.samples);
      runs[name].deferred += run.deferred;
    }
  }
  return runs;
}

function row(name: string, run: Run): string[] {
  return [
    name,
    String(run.samples.length),
    fmt(percentile(run.samples, 50)),
    fmt(percentile(run.samples, 99)),
    fmt(Math.max(...run.samples)),
    String(run.deferred),
  ];
}

/** Prints the Discord latency table (vitabot vs the constant-embed ceiling) and the ratios. */
export async function benchDiscord(): Promise<void> {
  const contenders = { vitabot: await startVitabot(), ceiling: await startCeiling() };
  try {
    const { vitabot, ceiling } = await measure(contenders.vitabot, contenders.ceiling);
    const p99 = percentile(vitabot.samples, 99);
    const ratio50 = percentile(vitabot.samples, 50) / percentile(ceiling.samples, 50);
    const ratio99 = p99 / percentile(ceiling.samples, 99);
    printTable(
      `Discord: INTERACTION_CREATE -> final content at the stand-in, ${RATE_PER_S}/s, ${MEASURED} interactions`,
      ["handler", "n", "p50 ms", "p99 ms", "max ms", "deferred"],
      [row("vitabot (real commands)", vitabot), row("ceiling (constant embed)", ceiling)],
    );
    printTable(
      "Discord: vitabot / ceiling",
      ["p50 ratio", "p99 ratio", "p99 < 50 ms", "p99 within 1.5x"],
      [[`${fmt(ratio50)}x`, `${fmt(ratio99)}x`, p99 < 50 ? "yes" : "NO", ratio99 <= 1.5 ? "yes" : "NO"]],
    );
  } finally {
    await contenders.vitabot.stop();
    await contenders.ceiling.stop();
  }
}
