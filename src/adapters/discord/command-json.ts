/**
 * commands/ -> Discord's registration payload (pure). Same names, options and
 * subcommands as everywhere else; hidden options (set by buttons) are left out;
 * nutrient, time-zone and template options autocomplete instead of listing choices
 * (Discord refuses choices together with autocomplete); a command whose every part is
 * admin-only requires Manage Channels by default and stays out of DMs.
 * @see https://discord.com/developers/docs/interactions/application-commands
 */
import {
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandSubcommandOption,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import {
  type CommandDefinition,
  type OptionDef,
  type Runnable,
  runnablesOf,
} from "../../core/commands/define-command.js";
import { DISCORD_LIMITS, MANAGE_CHANNELS } from "./limits.js";

/**
 * One option as Discord JSON.
 * @throws Error for a choice option with more choices than Discord shows.
 */
function optionJson(name: string, def: OptionDef): APIApplicationCommandBasicOption {
  const base = { name, description: def.description, required: def.required };
  if (def.kind === "choice") {
    const choices = def.choices ?? [];
    if (choices.length > DISCORD_LIMITS.autocompleteChoices) {
      throw new Error(`Option "${name}" has ${choices.length} choices; Discord allows 25. Use autocomplete.`);
    }
    return {
      ...base,
      type: ApplicationCommandOptionType.String,
      choices: choices.map((c) => ({ name: c, value: c })),
    };
  }
  const type = ApplicationCommandOptionType.String;
  if (def.autocomplete) return { ...base, type, autocomplete: true } as APIApplicationCommandBasicOption;
  return { ...base, type } as APIApplicationCommandBasicOption;
}

/** The options Discord should show: everything but hidden ones, in definition order. */
function visibleOptions(runnable: Runnable): APIApplicationCommandBasicOption[] {
  return Object.entries(runnable.options)
    .filter(([, def]) => !def.hidden)
    .map(([name, def]) => optionJson(name, def));
}

/** True when every runnable of the command is admin-only. */
function isAdminCommand(command: CommandDefinition): boolean {
  return runnablesOf(command).every(({ runnable }) => runnable.adminOnly === true);
}

function subcommandsOf(command: CommandDefinition): APIApplicationCommandSubcommandOption[] {
  return Object.entries(command.subcommands ?? {}).map(([name, runnable]) => ({
    type: ApplicationCommandOptionType.Subcommand,
    name,
    description: runnable.description,
    options: visibleOptions(runnable),
  }));
}

/** One command's registration JSON. */
export function commandJson(command: CommandDefinition): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const admin = isAdminCommand(command);
  return {
    type: ApplicationCommandType.ChatInput,
    name: command.name,
    description: command.description,
    options: command.runnable ? visibleOptions(command.runnable) : subcommandsOf(command),
    ...(admin ? { default_member_permissions: MANAGE_CHANNELS.toString() } : {}),
    integration_types: [ApplicationIntegrationType.GuildInstall],
    contexts: admin
      ? [InteractionContextType.Guild]
      : [InteractionContextType.Guild, InteractionContextType.BotDM],
  };
}

/**
 * The bulk-overwrite body for every command.
 * @example await rest.put(Routes.applicationCommands(appId), { body: commandsJson(commands) });
 */
export function commandsJson(
  commands: readonly CommandDefinition[],
): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return commands.map(commandJson);
}
