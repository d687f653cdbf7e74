/**
 * `vitabot discord deploy [--guild ID]`: registers every command in commands/ as a
 * Discord slash command with one bulk overwrite (idempotent). With --guild the commands
 * appear in that server at once (development); without it they are global.
 * @see https://discord.com/developers/docs/interactions/application-commands#bulk-overwrite-global-application-commands
 */
import type { Writable } from "node:stream";
import { DiscordAPIError, Routes } from "discord.js";
import { commands } from "../../commands/index.js";
import { commandsJson } from "../adapters/discord/command-json.js";
import { createRest } from "../adapters/discord/rest.js";
import { parseConfig } from "../config.js";
import { UserFacingError } from "../errors.js";

const USAGE = `Usage:
  vitabot discord deploy               register the slash commands globally (all servers and DMs)
  vitabot discord deploy --guild ID    register them in one server, where they update at once (development)
Needs DISCORD_TOKEN and DISCORD_APPLICATION_ID; DISCORD_API_URL points at a REST proxy if you use one.
`;

interface Io {
  stdout: Pick<Writable, "write">;
  stderr: Pick<Writable, "write">;
}

/** `--guild 123` or `--guild=123`; undefined when absent. */
function parseDeployArgs(args: readonly string[]): { guildId?: string } {
  const rest = args.slice(1);
  let guildId: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] ?? "";
    if (arg === "--guild") guildId = rest[++i] ?? "";
    else if (arg.startsWith("--guild=")) guildId = arg.slice("--guild=".length);
    else throw new UserFacingError(`Unknown option "${arg}".\n${USAGE}`);
  }
  if (guildId !== undefined && !/^\d{5,25}$/.test(guildId)) {
    throw new UserFacingError(
      "--guild needs the numeric server id (Developer Mode > right-click the server > Copy Server ID).",
    );
  }
  return guildId === undefined ? {} : { guildId };
}

/** What went wrong, in words that say how to fix it. */
function explain(error: unknown, guildId: string | undefined): string {
  if (error instanceof DiscordAPIError) {
    if (error.status === 401)
      return "Discord rejected DISCORD_TOKEN (401). Reset the token under Bot in the Developer Portal.";
    if (error.code === 50001 && guildId) {
      return `The bot cannot register commands in server ${guildId} (Missing Access). Invite it with the applications.commands scope first.`;
    }
    if (error.code === 10002)
      return "Unknown application: check DISCORD_APPLICATION_ID (General Information > Application ID).";
    return `Discord refused the commands: ${error.message} (${error.code}).`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return `Could not reach the Discord API: ${message}. Check your network or DISCORD_API_URL.`;
}

async function deploy(args: readonly string[], io: Io, env: NodeJS.ProcessEnv | undefined): Promise<number> {
  const { guildId } = parseDeployArgs(args);
  const discord = parseConfig(env).discord;
  if (!discord?.token)
    throw new UserFacingError(
      "DISCORD_TOKEN is required to deploy commands (Developer Portal > Bot > Reset Token).",
    );
  if (!discord.applicationId) {
    throw new UserFacingError(
      "DISCORD_APPLICATION_ID is required to deploy commands (Developer Portal > General Information).",
    );
  }
  const body = commandsJson(commands);
  const route = guildId
    ? Routes.applicationGuildCommands(discord.applicationId, guildId)
    : Routes.applicationCommands(discord.applicationId);
  try {
    const saved = (await createRest(discord).put(route, { body })) as { name: string }[];
    const where = guildId
      ? `in server ${guildId} (available now)`
      : "globally (new commands can take a while to show)";
    io.stdout.write(
      `Registered ${saved.length} commands ${where}: ${saved.map((c) => `/${c.name}`).join(" ")}\n`,
    );
    return 0;
  } catch (error) {
    io.stderr.write(`${explain(error, guildId)}\n`);
    return 1;
  }
}

/**
 * Runs `vitabot discord …` (args without "discord"); returns the exit code.
 * @example await runDiscordCli(["deploy", "--guild", "123456789012345678"], process)
 */
export async function runDiscordCli(args: string[], io: Io, env?: NodeJS.ProcessEnv): Promise<number> {
  if (args[0] === "--help" || args[0] === "-h") {
    io.stdout.write(USAGE);
    return 0;
  }
  if (args[0] !== "deploy") {
    io.stderr.write(args[0] === undefined ? USAGE : `Unknown discord command "${args[0]}".\n${USAGE}`);
    return 2;
  }
  try {
    return await deploy(args, io, env);
  } catch (error) {
    if (!(error instanceof UserFacingError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return 1;
  }
}
