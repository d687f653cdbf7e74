/**
 * Full Discord payloads for the stand-in: users, guilds, messages and interactions with
 * every field discord.js needs. Missing ones (entitlements, authorizing_integration_owners,
 * member.user, the channel object) make discord.js throw inside its packet handler,
 * which surfaces as an unhandled rejection, so tests build payloads only through here.
 *
 * Interactions follow Discord's documented shapes exactly: optional fields are absent,
 * never empty. `data.options` only when something was typed (a subcommand's own
 * `options` only when it has values), `data.guild_id` only for a command registered to
 * that guild, `data.resolved` never (vitabot has no user, role, channel or attachment
 * options), and in DMs `user` instead of `member`, with no `guild_id`, `guild` or
 * `guild_locale`.
 * @see https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object
 */

let counter = 0n;
/** A fresh, increasing snowflake-shaped id. */
export function snowflake(): string {
  counter += 1n;
  return ((BigInt(Date.now() - 1_420_070_400_000) << 22n) + counter).toString();
}

/** A guild id that Discord's formula `(id >> 22) % count` places on `shard`. */
export function guildIdForShard(shard: number, count: number): string {
  return ((BigInt(shard) + BigInt(count) * 1000n) << 22n).toString();
}

export interface UserSpec {
  id: string;
  username: string;
  bot?: boolean;
}

export function userObject(user: UserSpec) {
  return {
    id: user.id,
    username: user.username,
    discriminator: "0",
    global_name: user.bot ? null : user.username,
    avatar: null,
    bot: user.bot === true,
    system: false,
    public_flags: 0,
  };
}

function channelObject(id: string, guildId: string) {
  return {
    id,
    type: 0,
    guild_id: guildId,
    name: "general",
    position: 0,
    permission_overwrites: [],
    nsfw: false,
    parent_id: null,
    topic: null,
    last_message_id: null,
    rate_limit_per_user: 0,
  };
}

function memberObject(user: UserSpec, permissions?: string) {
  return {
    user: userObject(user),
    roles: [],
    nick: null,
    avatar: null,
    premium_since: null,
    joined_at: "2026-01-01T00:00:00.000Z",
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    ...(permissions !== undefined ? { permissions } : {}),
  };
}

/** The id of the bot's managed role in a stand-in guild. */
export function botRoleIdFor(guildId: string): string {
  return (BigInt(guildId) + 1n).toString();
}

function roleObject(id: string, name: string, position: number, botId?: string) {
  return {
    id,
    name,
    color: 0,
    hoist: false,
    position,
    permissions: "1071698660929",
    managed: botId !== undefined,
    mentionable: false,
    flags: 0,
    ...(botId ? { tags: { bot_id: botId } } : {}),
  };
}

/** GUILD_CREATE with one text channel, @everyone and the bot's managed role, and the bot as a member. */
export function guildCreate(guildId: string, channelId: string, bot: UserSpec) {
  return {
    id: guildId,
    name: "Wellness club",
    icon: null,
    owner_id: "1",
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    preferred_locale: "en-US",
    premium_tier: 0,
    nsfw_level: 0,
    roles: [roleObject(guildId, "@everyone", 0), roleObject(botRoleIdFor(guildId), bot.username, 1, bot.id)],
    emojis: [],
    stickers: [],
    features: [],
    channels: [channelObject(channelId, guildId)],
    members: [memberObject(bot)],
    threads: [],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    member_count: 2,
    large: false,
    unavailable: false,
    joined_at: "2026-01-01T00:00:00.000Z",
  };
}

export interface MessageSpec {
  channelId: string;
  author: UserSpec;
  content?: string;
  guildId?: string;
  mentions?: UserSpec[];
  mentionRoles?: string[];
  embeds?: unknown[];
  components?: unknown[];
  flags?: number;
  applicationId?: string;
}

/** A message object as REST returns it and MESSAGE_CREATE carries it. */
export function messageObject(spec: MessageSpec) {
  return {
    id: snowflake(),
    channel_id: spec.channelId,
    ...(spec.guildId ? { guild_id: spec.guildId } : {}),
    author: userObject(spec.author),
    content: spec.content ?? "",
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: (spec.mentions ?? []).map(userObject),
    mention_roles: spec.mentionRoles ?? [],
    attachments: [],
    embeds: spec.embeds ?? [],
    components: spec.components ?? [],
    pinned: false,
    type: 0,
    flags: spec.flags ?? 0,
    ...(spec.applicationId ? { application_id: spec.applicationId, webhook_id: spec.applicationId } : {}),
  };
}

/**
 * MESSAGE_CREATE for a guild message (with the partial member Discord sends) or a DM.
 * `channel_type` matters: without it discord.js cannot build the uncached DM channel
 * and drops the message silently.
 */
export function messageCreate(spec: MessageSpec) {
  const message = messageObject(spec);
  if (!spec.guildId) return { ...message, channel_type: 1 };
  const { user: _user, ...member } = memberObject(spec.author);
  return { ...message, channel_type: 0, member };
}

export interface InteractionContext {
  applicationId: string;
  guildId?: string;
  channelId: string;
  user: UserSpec;
  /** The member's permission bits as Discord's decimal string (guild only). */
  permissions?: string;
  /** The guild the command is registered to; absent for global commands (vitabot's default). */
  commandGuildId?: string;
}

/**
 * Where a test's interactions come from: the stand-in's application, guild and channel.
 * @example commandInteraction(interactionContext(standIn, ana), "vitamin", { nutrient: "d" })
 */
export function interactionContext(
  standIn: { applicationId: string; guildId: string; channelId: string },
  user: UserSpec,
  overrides: Partial<InteractionContext> = {},
): InteractionContext {
  const { applicationId, guildId, channelId } = standIn;
  return { applicationId, guildId, channelId, user, ...overrides };
}

/** Everything but `type` and `data`, for a guild or a DM interaction. */
function interactionBase(ctx: InteractionContext) {
  const id = snowflake();
  const common = {
    id,
    application_id: ctx.applicationId,
    token: `itoken-${id}`,
    version: 1,
    channel_id: ctx.channelId,
    app_permissions: "2248473465835073",
    locale: "en-US",
    entitlements: [],
    attachment_size_limit: 8_388_608,
  };
  if (!ctx.guildId) {
    const dm = { id: ctx.channelId, type: 1, recipients: [userObject(ctx.user)], last_message_id: null };
    return {
      ...common,
      channel: dm,
      user: userObject(ctx.user),
      authorizing_integration_owners: { "0": "0" },
      context: 1,
    };
  }
  return {
    ...common,
    guild_id: ctx.guildId,
    guild: { id: ctx.guildId, locale: "en-US", features: [] },
    guild_locale: "en-US",
    channel: channelObject(ctx.channelId, ctx.guildId),
    member: memberObject(ctx.user, ctx.permissions ?? "1071698660929"),
    authorizing_integration_owners: { "0": ctx.guildId },
    context: 0,
  };
}

export type OptionValues = Record<string, string | number>;

function optionList(values: OptionValues, focused?: string) {
  return Object.entries(values).map(([name, value]) => ({
    name,
    type: typeof value === "number" ? 4 : 3,
    value,
    ...(name === focused ? { focused: true } : {}),
  }));
}

/** `options` only when there are some: Discord omits the field rather than sending `[]`. */
const someOptions = <T>(options: T[]) => (options.length > 0 ? { options } : {});

function commandData(ctx: InteractionContext, path: string, values: OptionValues, focused?: string) {
  const [name = "", sub] = path.split(" ");
  const options = optionList(values, focused);
  return {
    id: snowflake(),
    name,
    type: 1,
    ...(sub ? { options: [{ name: sub, type: 1, ...someOptions(options) }] } : someOptions(options)),
    ...(ctx.commandGuildId ? { guild_id: ctx.commandGuildId } : {}),
  };
}

/** The PING Discord sends to check the endpoint (no `data`, no user, no locale). */
export function pingInteraction(applicationId: string) {
  const id = snowflake();
  return {
    id,
    application_id: applicationId,
    type: 1,
    token: `itoken-${id}`,
    version: 1,
    entitlements: [],
    authorizing_integration_owners: {},
    attachment_size_limit: 8_388_608,
  };
}

/** A slash command: `commandInteraction(ctx, "vitamin", { nutrient: "vitamin-d" })`. */
export function commandInteraction(ctx: InteractionContext, path: string, values: OptionValues = {}) {
  return { ...interactionBase(ctx), type: 2, data: commandData(ctx, path, values) };
}

/** Autocomplete while typing into `focused`. */
export function autocompleteInteraction(
  ctx: InteractionContext,
  path: string,
  values: OptionValues,
  focused: string,
) {
  return { ...interactionBase(ctx), type: 4, data: commandData(ctx, path, values, focused) };
}

/** A click on a button with `customId`, on an earlier ephemeral bot message. */
export function buttonInteraction(ctx: InteractionContext, customId: string, bot: UserSpec) {
  const message = messageObject({
    channelId: ctx.channelId,
    author: bot,
    flags: 64,
    applicationId: ctx.applicationId,
    ...(ctx.guildId ? { guildId: ctx.guildId } : {}),
  });
  return { ...interactionBase(ctx), type: 3, message, data: { custom_id: customId, component_type: 2 } };
}

/** A choice in a string select (component type 3) on an earlier ephemeral bot message. */
export function selectInteraction(
  ctx: InteractionContext,
  customId: string,
  values: string[],
  bot: UserSpec,
) {
  const message = messageObject({
    channelId: ctx.channelId,
    author: bot,
    flags: 64,
    applicationId: ctx.applicationId,
    ...(ctx.guildId ? { guildId: ctx.guildId } : {}),
  });
  return {
    ...interactionBase(ctx),
    type: 3,
    message,
    data: { custom_id: customId, component_type: 3, values },
  };
}

/** What a person left in one modal input: text for a text input, chosen values for a select. */
export type ModalInput = string | string[];

/**
 * A modal submit (type 5): each input inside its Label (type 18), as Discord sends it
 * (a text input's `value`, a string select's `values`; components carry numeric ids).
 * @see https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object-modal-submit-data-structure
 */
export function modalSubmitInteraction(
  ctx: InteractionContext,
  customId: string,
  inputs: Record<string, ModalInput>,
) {
  let id = 0;
  const components = Object.entries(inputs).map(([name, input]) => {
    id += 2;
    const component = Array.isArray(input)
      ? { type: 3, id: id + 1, custom_id: name, values: input }
      : { type: 4, id: id + 1, custom_id: name, value: input };
    return { type: 18, id, component };
  });
  return { ...interactionBase(ctx), type: 5, data: { custom_id: customId, components } };
}
