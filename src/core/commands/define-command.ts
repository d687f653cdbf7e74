/**
 * How a command is defined: typed options (zod), optional subcommands, an admin flag,
 * and `run(ctx, args) -> Reply`. The definition is the single source for the text
 * grammar, Discord's registration payload, Slack's manifest and the help text.
 */
import { z } from "zod";
import type { Reply } from "../reply/reply.js";
import type { CommandContext } from "./context.js";

/** What an option holds, for platforms that type options (Discord) and for autocomplete. */
type OptionKind = "text" | "nutrient" | "choice";
/** Where suggestions for an option come from (Discord autocomplete). */
export type AutocompleteSource = "nutrient" | "zone" | "template";

export interface OptionDef<T = unknown> {
  description: string;
  kind: OptionKind;
  /** Validates the raw value (always given as text by the grammar; typed by Discord). */
  schema: z.ZodType<T>;
  required: boolean;
  /** Takes every remaining word of a text command ("why are my legs weak"). */
  rest?: boolean;
  autocomplete?: AutocompleteSource;
  choices?: readonly string[];
  /** Kept out of help and platform registration (set by buttons only). */
  hidden?: boolean;
  /**
   * Holds an internal id a button pins (a challenge, an answer): a person never types it,
   * so text hints (the console's "Next:") leave it out.
   */
  pin?: boolean;
  /** Typed text fills it only as `name:value`, never by position (so a free-text option can come last). */
  named?: boolean;
}

type OptionMap = Record<string, OptionDef>;
/** The parsed argument object a command's `run` receives. */
type ArgsOf<O extends OptionMap> = { [K in keyof O]: O[K] extends OptionDef<infer T> ? T : never };

export interface Runnable<O extends OptionMap = OptionMap> {
  description: string;
  /** Options in the order the text grammar fills them. */
  options: O;
  adminOnly?: boolean;
  /** No per-person cooldown: a read-only view the platform refreshes on its own (Slack's Home). */
  noCooldown?: boolean;
  /** Usage examples shown by `help`: "vitamin b12". */
  examples?: readonly string[];
  run(ctx: CommandContext, args: ArgsOf<O>): Reply | Promise<Reply>;
}

export interface CommandDefinition {
  name: string;
  description: string;
  /** A command either runs itself… */
  runnable?: Runnable;
  /** …or has named subcommands (`tips subscribe`). */
  subcommands?: Readonly<Record<string, Runnable>>;
}

const MAX_TEXT = 500;

/** Option builders: `option.text("What to ask", { required: true, rest: true })`. */
export const option = {
  text<R extends boolean = false>(
    description: string,
    opts: {
      required?: R;
      rest?: boolean;
      max?: number;
      hidden?: boolean;
      named?: boolean;
      pin?: boolean;
    } = {},
  ): OptionDef<R extends true ? string : string | undefined> {
    const base = z
      .string()
      .trim()
      .min(1, "must not be empty")
      .max(opts.max ?? MAX_TEXT, `is too long (at most ${opts.max ?? MAX_TEXT} characters)`);
    return {
      description,
      kind: "text",
      schema: (opts.required ? base : base.optional()) as unknown as z.ZodType<
        R extends true ? string : string | undefined
      >,
      required: opts.required === true,
      ...(opts.rest ? { rest: true } : {}),
      ...(opts.hidden ? { hidden: true } : {}),
      ...(opts.named ? { named: true } : {}),
      ...(opts.pin ? { pin: true } : {}),
    };
  },
  nutrient<R extends boolean = false>(
    description: string,
    opts: { required?: R; rest?: boolean } = {},
  ): OptionDef<R extends true ? string : string | undefined> {
    return { ...option.text<R>(description, opts), kind: "nutrient", autocomplete: "nutrient" };
  },
  choice<const C extends readonly [string, ...string[]], R extends boolean = false>(
    description: string,
    choices: C,
    opts: { required?: R; named?: boolean } = {},
  ): OptionDef<R extends true ? C[number] : C[number] | undefined> {
    const base = z.enum(choices, { error: `must be one of: ${choices.join(", ")}` });
    return {
      description,
      kind: "choice",
      choices,
      schema: (opts.required ? base : base.optional()) as unknown as z.ZodType<
        R extends true ? C[number] : C[number] | undefined
      >,
      required: opts.required === true,
      ...(opts.named ? { named: true } : {}),
    };
  },
};

/** Defines a runnable (command body or subcommand) with its options' types checked. */
export function defineRunnable<O extends OptionMap>(runnable: Runnable<O>): Runnable {
  return runnable as unknown as Runnable;
}

/**
 * Defines a command that runs itself.
 * @example export default defineCommand({ name: "tip", description: "Today's tip", options: {}, run: (ctx) => … });
 */
export function defineCommand<O extends OptionMap>(
  definition: { name: string } & Runnable<O>,
): CommandDefinition {
  const { name, ...runnable } = definition;
  return { name, description: runnable.description, runnable: defineRunnable(runnable) };
}

/** Defines a command made of subcommands (`tips subscribe`, `privacy forget`). */
export function defineCommandGroup(definition: {
  name: string;
  description: string;
  subcommands: Record<string, Runnable>;
}): CommandDefinition {
  return { name: definition.name, description: definition.description, subcommands: definition.subcommands };
}

/**
 * The command's own subcommand of that name, if any. Never an inherited property: a
 * typed `tips constructor` must be an unknown subcommand, not `Object`.
 */
export function subcommandOf(command: CommandDefinition | undefined, name: string): Runnable | undefined {
  const subs = command?.subcommands;
  return subs && Object.hasOwn(subs, name) ? subs[name] : undefined;
}

/** Every runnable of a command, with its full name (`tips subscribe`). */
export function runnablesOf(command: CommandDefinition): { path: string; runnable: Runnable }[] {
  if (command.runnable) return [{ path: command.name, runnable: command.runnable }];
  return Object.entries(command.subcommands ?? {}).map(([sub, runnable]) => ({
    path: `${command.name} ${sub}`,
    runnable,
  }));
}
