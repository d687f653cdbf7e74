/**
 * One neutral shape for an incoming interaction, read either from a discord.js
 * `Interaction` (gateway) or from Discord's raw JSON (HTTP interactions, already
 * checked by interaction-schema.ts), so both modes share the same handling.
 */
import { ApplicationCommandOptionType, ComponentType, type Interaction, InteractionType } from "discord.js";
import type { Config } from "../../config.js";
import type { Invocation } from "../../core/commands/dispatch.js";
import { isDiscordAdmin, parsePermissions } from "./admin.js";
import type { InteractionJson } from "./interaction-schema.js";

/** Who and where, common to every interaction. */
export interface InteractionBase {
  id: string;
  userId: string;
  userName?: string;
  guildId?: string;
  channelId: string;
  /** The member's permissions in the channel; null in DMs. */
  permissions: bigint | null;
}

/** A command, one of our buttons, or an autocomplete request, whichever mode it came from. */
export type InteractionInput = InteractionBase &
  (
    | { kind: "command"; path: string; options: Record<string, unknown> }
    | { kind: "button"; customId: string }
    | { kind: "autocomplete"; path: string; focused: { name: string; value: string } }
    | { kind: "select"; customId: string; values: string[] }
    | { kind: "modal"; customId: string; values: ModalValues }
  );

/** A submitted modal's inputs by custom_id: a text input's text, a select's chosen values. */
export type ModalValues = Record<string, string | string[]>;

/** One input as both discord.js (`customId`) and the raw API (`custom_id`) carry it. */
interface ModalInputData {
  type: number;
  customId?: string;
  custom_id?: string;
  value?: unknown;
  values?: readonly string[];
}

/** Every input of a submitted modal, whether in Labels (`component`) or action rows (`components`). */
function modalValues(
  components: readonly { component?: ModalInputData; components?: readonly ModalInputData[] }[] = [],
): ModalValues {
  const out: ModalValues = {};
  for (const holder of components) {
    for (const input of [holder.component, ...(holder.components ?? [])]) {
      const id = input?.customId ?? input?.custom_id;
      if (!input || !id) continue;
      if (input.values) out[id] = [...input.values];
      else if (typeof input.value === "string") out[id] = input.value;
    }
  }
  return out;
}

/** The option shape shared by discord.js (`options.data`) and the raw API. */
interface OptionData {
  name: string;
  type: number;
  value?: unknown;
  focused?: boolean;
  options?: readonly OptionData[];
}

/** `vitamin` or `tips subscribe`, and the options of the command or subcommand. */
function flattenOptions(
  name: string,
  data: readonly OptionData[] = [],
): { path: string; options: readonly OptionData[] } {
  const [first] = data;
  if (first?.type === ApplicationCommandOptionType.Subcommand) {
    return { path: `${name} ${first.name}`, options: first.options ?? [] };
  }
  return { path: name, options: data };
}

function valuesOf(options: readonly OptionData[]): Record<string, unknown> {
  return Object.fromEntries(options.filter((o) => o.value !== undefined).map((o) => [o.name, o.value]));
}

function focusedOf(options: readonly OptionData[]): { name: string; value: string } {
  const focused = options.find((o) => o.focused) ?? options[0];
  return { name: focused?.name ?? "", value: String(focused?.value ?? "") };
}

/** Reads a discord.js interaction; undefined for kinds vitabot does not handle. */
export function inputFromDiscordJs(interaction: Interaction): InteractionInput | undefined {
  const base: InteractionBase = {
    id: interaction.id,
    userId: interaction.user.id,
    userName: interaction.user.globalName ?? interaction.user.username,
    ...(interaction.guildId ? { guildId: interaction.guildId } : {}),
    channelId: interaction.channelId ?? "unknown",
    permissions: interaction.memberPermissions?.bitfield ?? null,
  };
  if (interaction.isChatInputCommand()) {
    const { path, options } = flattenOptions(interaction.commandName, interaction.options.data);
    return { ...base, kind: "command", path, options: valuesOf(options) };
  }
  if (interaction.isAutocomplete()) {
    const { path, options } = flattenOptions(interaction.commandName, interaction.options.data);
    return { ...base, kind: "autocomplete", path, focused: focusedOf(options) };
  }
  if (interaction.isButton()) return { ...base, kind: "button", customId: interaction.customId };
  if (interaction.isStringSelectMenu())
    return { ...base, kind: "select", customId: interaction.customId, values: [...interaction.values] };
  if (interaction.isModalSubmit()) {
    const components = interaction.components as unknown as Parameters<typeof modalValues>[0];
    return { ...base, kind: "modal", customId: interaction.customId, values: modalValues(components) };
  }
  return undefined;
}

/** Every interaction but PING: they all say who and where. */
type UserInteractionJson = Exclude<InteractionJson, { type: 1 }>;

function baseFromApi(payload: UserInteractionJson): InteractionBase {
  const user = payload.member?.user ?? payload.user;
  return {
    id: payload.id,
    userId: user?.id ?? "unknown",
    ...(user ? { userName: user.global_name ?? user.username } : {}),
    ...(payload.guild_id ? { guildId: payload.guild_id } : {}),
    channelId: payload.channel?.id ?? payload.channel_id ?? "unknown",
    permissions: parsePermissions(payload.member?.permissions),
  };
}

/**
 * Reads Discord's raw interaction JSON; undefined for kinds vitabot does not handle.
 * `data.options` is absent when nothing was typed (`/help`): that is still a command.
 */
export function inputFromApi(payload: InteractionJson): InteractionInput | undefined {
  if (payload.type === InteractionType.Ping) return undefined;
  const base = baseFromApi(payload);
  if (payload.type === InteractionType.ApplicationCommand) {
    const { path, options } = flattenOptions(payload.data.name, payload.data.options);
    return { ...base, kind: "command", path, options: valuesOf(options) };
  }
  if (payload.type === InteractionType.ApplicationCommandAutocomplete) {
    const { path, options } = flattenOptions(payload.data.name, payload.data.options);
    return { ...base, kind: "autocomplete", path, focused: focusedOf(options) };
  }
  if (
    payload.type === InteractionType.MessageComponent &&
    payload.data.component_type === ComponentType.Button
  ) {
    return { ...base, kind: "button", customId: payload.data.custom_id };
  }
  if (
    payload.type === InteractionType.MessageComponent &&
    payload.data.component_type === ComponentType.StringSelect
  ) {
    return { ...base, kind: "select", customId: payload.data.custom_id, values: payload.data.values ?? [] };
  }
  if (payload.type === InteractionType.ModalSubmit) {
    return {
      ...base,
      kind: "modal",
      customId: payload.data.custom_id,
      values: modalValues(payload.data.components),
    };
  }
  return undefined;
}

/** The dispatcher's view of who asked, where, and whether they are an admin. */
export function invocationOf(config: Pick<Config, "adminUserIds">, base: InteractionBase): Invocation {
  return {
    platform: "discord",
    user: { id: base.userId, ...(base.userName ? { name: base.userName } : {}) },
    channel: { platform: "discord", workspaceId: base.guildId ?? "dm", channelId: base.channelId },
    isAdmin: isDiscordAdmin(config.adminUserIds, base.userId, base.permissions),
    eventId: base.id,
  };
}
