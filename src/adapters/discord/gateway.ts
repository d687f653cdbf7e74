/**
 * The gateway side: a discord.js client with only non-privileged intents, and the
 * listeners that answer interactions (reply at once, or defer and edit when the work
 * is slow), mentions and DMs. Listeners never throw: a failed response is logged, and
 * 10062/40060 are expected and logged as warnings.
 */
import {
  type AutocompleteInteraction,
  Client,
  Events,
  GatewayIntentBits,
  type Interaction,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  type JSONEncodable,
  type Message,
  MessageFlags,
  Options,
  Partials,
  type RepliableInteraction,
} from "discord.js";
import type { DiscordConfig } from "../../config.js";
import { attachmentBuilders, hasFiles } from "./attachments.js";
import { errorInfo, isStaleInteraction } from "./discord-errors.js";
import { type DiscordAnswer, messageOf } from "./form-flow.js";
import type { InteractionHandler } from "./interaction-handler.js";
import { within } from "./interaction-handler.js";
import { inputFromDiscordJs } from "./interaction-input.js";
import type { DiscordMessage } from "./render.js";
import { restOptions } from "./rest.js";

/**
 * Guilds (guild and channel caches), plus GuildMessages and DirectMessages so mentions
 * and DMs arrive. Never MessageContent, GuildMembers or GuildPresences: those are
 * privileged, and Discord still sends the content of messages that mention the bot.
 */
const GATEWAY_INTENTS = [
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.DirectMessages,
] as const;

/** Client settings beyond the configuration. */
export interface GatewayOptions {
  /** How long to wait for guilds listed in READY (discord.js defaults to 15 s). */
  waitGuildTimeoutMs?: number;
}

/**
 * What discord.js keeps in memory. By default it caches every user and member an
 * interaction or message mentions, for ever, and 200 messages per channel; vitabot reads
 * none of them from the cache (each event carries what it needs), so a busy server would
 * only grow the heap and lengthen garbage collections. Only the bot's own user and member
 * stay; guilds, channels and roles keep discord.js's defaults.
 */
function cacheSettings() {
  const self = (entry: { id: string; client: Client }) => entry.id === entry.client.user?.id;
  return Options.cacheWithLimits({
    ...Options.DefaultMakeCacheSettings,
    MessageManager: 0,
    UserManager: { maxSize: 0, keepOverLimit: self },
    GuildMemberManager: { maxSize: 0, keepOverLimit: self },
  });
}

/** A discord.js client for the configured API; `allowedMentions` parses nothing by default. */
export function createGatewayClient(config: DiscordConfig, options: GatewayOptions = {}): Client {
  return new Client({
    intents: [...GATEWAY_INTENTS],
    makeCache: cacheSettings(),
    // DM channels are not cached without a privileged intent; the partial lets DMs through.
    partials: [Partials.Channel],
    rest: restOptions(config.apiUrl, config.requestsPerSecond),
    allowedMentions: { parse: [], repliedUser: false },
    ...(options.waitGuildTimeoutMs !== undefined ? { waitGuildTimeout: options.waitGuildTimeoutMs } : {}),
  });
}

/** Attachments only when there are files: an empty list would still be sent (and clear attachments on edits). */
const filesOf = (message: DiscordMessage) =>
  hasFiles(message) ? { files: attachmentBuilders(message) } : {};

/**
 * Embeds and buttons exactly as rendered: render.ts builds Discord's wire format (typed
 * against discord-api-types, with every limit enforced), so discord.js is handed them as
 * ready JSON. Handed plain objects, it would re-key every property through its
 * snake_case transformer on each reply.
 */
function wireContent(message: DiscordMessage) {
  const ready = <T>(data: T): JSONEncodable<T> => ({ toJSON: () => data });
  return { embeds: message.embeds.map(ready), components: message.components.map(ready) };
}

/** Files ride along as attachments, ephemeral replies included (Discord allows that). */
function replyOptions(message: DiscordMessage): InteractionReplyOptions {
  return {
    ...wireContent(message),
    allowedMentions: message.allowed_mentions,
    ...filesOf(message),
    ...(message.flags ? { flags: MessageFlags.Ephemeral } : {}),
  };
}

function editOptions(message: DiscordMessage): InteractionEditReplyOptions {
  return {
    ...wireContent(message),
    allowedMentions: message.allowed_mentions,
    ...filesOf(message),
  };
}

/** Runs one response step; 10062/40060 and other failures are logged, never thrown. */
async function guarded(handler: InteractionHandler, eventId: string, step: () => Promise<unknown>) {
  try {
    await step();
  } catch (error) {
    const info = { eventId, ...errorInfo(error) };
    if (isStaleInteraction(error)) handler.log.warn(info, "interaction expired or already answered");
    else handler.log.error(info, "could not answer a Discord interaction");
  }
}

/** The modal as ready JSON (render and modals.ts build Discord's wire format), if this interaction can show one. */
async function showModal(interaction: RepliableInteraction, answer: DiscordAnswer & { kind: "modal" }) {
  if (!("showModal" in interaction)) return false;
  await interaction.showModal({ toJSON: () => answer.modal });
  return true;
}

/**
 * Replies within `deferAfterMs` if the work is done by then (a modal can only be the
 * first response); otherwise defers, then edits (a modal that came too late becomes its
 * fallback message, which says how to do it by typing).
 */
async function respond(
  interaction: RepliableInteraction,
  work: Promise<DiscordAnswer | undefined>,
  ephemeral: boolean,
  deferAfterMs: number,
): Promise<void> {
  const early = await within(work, deferAfterMs);
  if (early) {
    const answer = early.value;
    if (answer?.kind === "modal" && (await showModal(interaction, answer))) return;
    const message = answer && messageOf(answer);
    if (message) await interaction.reply(replyOptions(message));
    return;
  }
  await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
  const late = await work;
  const message = late && messageOf(late);
  if (!message) return void (await interaction.deleteReply());
  // A deferred reply keeps the visibility chosen at defer time; only its content changes. A
  // public one (Share) that ends in a private answer (Share refused) is deleted instead, and
  // the answer follows privately, so nothing of it shows in the channel.
  if (ephemeral || !message.flags) return void (await interaction.editReply(editOptions(message)));
  await interaction.deleteReply();
  await interaction.followUp(replyOptions(message));
}

async function onInteraction(handler: InteractionHandler, interaction: Interaction, deferAfterMs: number) {
  const input = inputFromDiscordJs(interaction);
  if (!input) return;
  if (input.kind === "autocomplete") {
    const choices = handler.choices(input);
    await guarded(handler, input.id, () => (interaction as AutocompleteInteraction).respond(choices));
    return;
  }
  if (!handler.isOurs(input) || !interaction.isRepliable()) return;
  const work = handler.answer(input);
  await guarded(handler, input.id, () => respond(interaction, work, !handler.isPublic(input), deferAfterMs));
}

/**
 * The text after removing mentions of the bot (as a user, or its managed role).
 * @example stripBotMention("<@123> why are my legs weak", "123") // "why are my legs weak"
 */
export function stripBotMention(content: string, botId: string, roleIds: readonly string[] = []): string {
  const ids = [`!?${botId}`, ...roleIds.map((id) => `&${id}`)].join("|");
  return content
    .replace(new RegExp(`<@(?:${ids})>[,:]?`, "g"), " ")
    .replace(/\s+/g, " ")
    .trim();
}

async function onMessage(handler: InteractionHandler, client: Client, message: Message) {
  const botId = client.user?.id;
  if (message.author.bot || !botId) return;
  const isDm = message.guildId === null;
  // People often pick the bot's own role from the @ list instead of the bot: count that too.
  const botRoles = message.mentions.roles.filter((role) => role.tags?.botId === botId).map((role) => role.id);
  if (!isDm && !message.mentions.users.has(botId) && botRoles.length === 0) return;
  const base = {
    id: message.id,
    userId: message.author.id,
    userName: message.author.globalName ?? message.author.username,
    ...(message.guildId ? { guildId: message.guildId } : {}),
    channelId: message.channelId,
    permissions: message.member?.permissions.bitfield ?? null,
  };
  const answer = await handler.ask(base, stripBotMention(message.content, botId, botRoles));
  const replyWith = (body: DiscordMessage) =>
    message.reply({
      ...wireContent(body),
      allowedMentions: { parse: [], repliedUser: false },
      ...filesOf(body),
    });
  if (answer.private && !isDm) {
    // A crisis answer is for the asker alone: a direct message, never a channel reply.
    const sent = await message.author
      .send({ ...wireContent(answer.message), allowedMentions: { parse: [] } })
      .then(() => true)
      .catch((error: unknown) => {
        handler.log.warn(
          { ...errorInfo(error), messageId: message.id },
          "private answer could not be sent by DM",
        );
        return false;
      });
    const unreachable = answer.unreachable;
    if (!sent && unreachable) await guarded(handler, message.id, () => replyWith(unreachable));
    return;
  }
  await guarded(handler, message.id, () => replyWith(answer.message));
}

/** Wires interaction, message and error listeners onto the client. */
export function listen(client: Client, handler: InteractionHandler, deferAfterMs: number): void {
  const safely = (what: string, fn: () => Promise<void>) =>
    void fn().catch((error: unknown) => handler.log.error(errorInfo(error), `${what} failed`));
  client.on(Events.InteractionCreate, (interaction) =>
    safely("interaction", () => onInteraction(handler, interaction, deferAfterMs)),
  );
  client.on(Events.MessageCreate, (message) => safely("message", () => onMessage(handler, client, message)));
  client.on(Events.Error, (error) => handler.log.error(errorInfo(error), "Discord client error"));
  client.on(Events.Warn, (warning) => handler.log.warn({ warning }, "Discord client warning"));
  client.on(Events.ShardDisconnect, (event, shardId) =>
    handler.log.warn({ code: event.code, shardId }, "Discord gateway disconnected"),
  );
}
