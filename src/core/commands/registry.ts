/**
 * The command registry: built once from the explicit list in commands/index.ts. It
 * refuses duplicate names and malformed definitions loudly, at start-up.
 */
import { AppError } from "../../errors.js";
import { type CommandDefinition, type Runnable, subcommandOf } from "./define-command.js";

/** Names as platforms accept them: lower case, digits and hyphens, 1–32 characters (Discord's rule). */
const NAME = /^[a-z][a-z0-9-]{0,31}$/;
const MAX_DESCRIPTION = 100;

class CommandDefinitionError extends AppError {
  constructor(message: string) {
    super("command_definition", message);
  }
}

function checkRunnable(path: string, runnable: Runnable): void {
  if (!runnable.description || runnable.description.length > MAX_DESCRIPTION) {
    throw new CommandDefinitionError(`"${path}": description must be 1–${MAX_DESCRIPTION} characters`);
  }
  if (typeof runnable.run !== "function")
    throw new CommandDefinitionError(`"${path}": run must be a function`);
  // Hidden options (set by buttons) sit after the typed ones and don't take positions.
  const entries = Object.entries(runnable.options).filter(([, def]) => !def.hidden);
  const positional = entries.filter(([, def]) => !def.named);
  let optionalSeen = false;
  entries.forEach(([name, def]) => {
    if (!NAME.test(name)) throw new CommandDefinitionError(`"${path}": option name "${name}" is not valid`);
    if (!def.description || def.description.length > MAX_DESCRIPTION) {
      throw new CommandDefinitionError(
        `"${path}": option "${name}" needs a description of 1–${MAX_DESCRIPTION} characters`,
      );
    }
    if (def.required && optionalSeen && !def.named) {
      throw new CommandDefinitionError(`"${path}": required option "${name}" must come before optional ones`);
    }
    if (def.rest && positional.at(-1)?.[0] !== name) {
      throw new CommandDefinitionError(
        `"${path}": only the last option can take the rest of the line ("${name}")`,
      );
    }
    optionalSeen ||= !def.required;
  });
}

function checkCommand(command: CommandDefinition): void {
  if (!NAME.test(command.name))
    throw new CommandDefinitionError(`command name "${command.name}" is not valid`);
  const hasRun = command.runnable !== undefined;
  const subs = Object.entries(command.subcommands ?? {});
  if (hasRun === subs.length > 0) {
    throw new CommandDefinitionError(
      `"${command.name}": define either run or subcommands, not both or neither`,
    );
  }
  if (command.runnable) checkRunnable(command.name, command.runnable);
  for (const [sub, runnable] of subs) {
    if (!NAME.test(sub))
      throw new CommandDefinitionError(`"${command.name}": subcommand name "${sub}" is not valid`);
    checkRunnable(`${command.name} ${sub}`, runnable);
  }
}

/**
 * @throws CommandDefinitionError on a duplicate name or a malformed definition.
 * @example const registry = createRegistry(commands); registry.resolve("tips subscribe")
 */
export function createRegistry(commands: readonly CommandDefinition[]) {
  const byName = new Map<string, CommandDefinition>();
  for (const command of commands) {
    checkCommand(command);
    if (byName.has(command.name)) {
      throw new CommandDefinitionError(`command "${command.name}" is registered twice`);
    }
    byName.set(command.name, command);
  }
  return {
    commands: [...byName.values()] as readonly CommandDefinition[],
    get: (name: string) => byName.get(name),
    names: () => [...byName.keys()],
    /**
     * What a command path names: a command's `run` (`vitamin`) or one of its subcommands
     * (`tips subscribe`); undefined for an unknown name, a group without its subcommand,
     * or a subcommand of a command that has none.
     */
    resolve(path: string): Runnable | undefined {
      const space = path.indexOf(" ");
      const command = byName.get(space < 0 ? path : path.slice(0, space));
      const sub = space < 0 ? "" : path.slice(space + 1);
      return sub ? subcommandOf(command, sub) : command?.runnable;
    },
  };
}

export type Registry = ReturnType<typeof createRegistry>;
