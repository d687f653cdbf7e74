/**
 * The dispatcher: the single error boundary every command runs through, on every
 * platform. It parses (text grammar or typed options), applies cooldowns and the admin
 * check, validates arguments with zod, runs the command, and turns errors into replies:
 * a user error becomes a friendly message, a fault an apology with a reference id that
 * also appears in the log. Never a stack trace.
 */
import { randomBytes } from "node:crypto";
import type { Logger } from "pino";
import { UserFacingError } from "../../errors.js";
import type { ChannelRef, Platform } from "../channel-ref.js";
import type { Clock } from "../clock.js";
import type { Knowledge } from "../knowledge/knowledge.js";
import type { Outcome } from "../reply/outcome.js";
import { type Reply, textReply } from "../reply/reply.js";
import type { Storage } from "../storage-ports/storage.js";
import { stripInvisible } from "../text/user-text.js";
import type { BotServices, CommandContext } from "./context.js";
import type { Runnable } from "./define-command.js";
import { type ParsedLine, parseLine } from "./grammar.js";
import type { Registry } from "./registry.js";
import { typedForm } from "./typed-form.js";
import { didYouMeanReply, understandLine, unknownCommandReply } from "./understand-line.js";

/** Who invoked a command, where; filled in by each adapter. */
export interface Invocation {
  platform: Platform;
  user: { id: string; name?: string };
  channel: ChannelRef;
  isAdmin: boolean;
  userTimeZone?: string;
  /** The platform's id for the event, for logs. */
  eventId?: string;
  /**
   * Set when a "Share to channel" button re-runs a command: it is the same answer made
   * public, so it has its own cooldown key and isn't refused right after the original.
   */
  share?: boolean;
}

export type { Outcome };

export interface DispatchResult {
  reply: Reply;
  outcome: Outcome;
  /** The command that ran (`vitamin`, `tips subscribe`), when one was found. */
  path?: string;
  /** Set for faults: the id in the apology and in the log line. */
  referenceId?: string;
  /** Set for user errors: the error's code (`bad_zone`), so a form can show it on its field. */
  code?: string;
  /** Set when validation refused one argument: its name, so a form can show the error there. */
  field?: string;
}

/** What the dispatcher reports about each command it handled (for metrics). */
export interface CommandObservation {
  /** The command path (`vitamin`, `tips subscribe`), or `unknown` when none was found. */
  command: string;
  platform: Platform;
  outcome: Outcome;
  durationMs: number;
}

export interface DispatcherDeps {
  registry: Registry;
  knowledge: Knowledge;
  storage: Storage;
  clock: Clock;
  logger: Logger;
  /** Per-user, per-command cooldown; 0 turns it off. */
  cooldownMs: number;
  services: BotServices;
  /** Called once per handled command; it must not throw (errors are logged and ignored). */
  onCommand?: (observation: CommandObservation) => void;
}

/** Platforms with one trusted local user, where cooldowns would only get in the way. */
const NO_COOLDOWN: ReadonlySet<Platform> = new Set(["console"]);

function referenceId(): string {
  return randomBytes(4).toString("hex").toUpperCase().slice(0, 6);
}

/** `vitamin <nutrient>`, `compare [a] [b] [c]`, `checkin [task] [note] [day:…]`: how a command is typed. */
export function usage(path: string, runnable: Runnable): string {
  const shown = Object.entries(runnable.options).filter(([, def]) => !def.hidden);
  const positional = shown
    .filter(([, def]) => !def.named)
    .map(([name, def]) => (def.required ? `<${name}>` : `[${name}]`));
  const named = shown.filter(([, def]) => def.named).map(([name]) => `[${name}:…]`);
  return [path, ...positional, ...named].join(" ");
}

/** Arguments that failed validation; `field` names the first one (forms show the error there). */
class ArgumentsError extends UserFacingError {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message, "bad_arguments");
  }
}

function validate(path: string, runnable: Runnable, raw: Record<string, unknown>): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  const problems: string[] = [];
  let first: string | undefined;
  for (const [name, def] of Object.entries(runnable.options)) {
    const value = raw[name] === "" ? undefined : raw[name];
    if (value === undefined && def.required) {
      problems.push(`${name} is missing`);
      first ??= name;
      continue;
    }
    const result = def.schema.safeParse(typeof value === "number" ? String(value) : value);
    if (result.success) args[name] = result.data;
    else {
      problems.push(`${name} ${result.error.issues[0]?.message ?? "is not valid"}`);
      first ??= name;
    }
  }
  if (problems.length > 0) {
    throw new ArgumentsError(`${problems.join("; ")}. Usage: /${usage(path, runnable)}`, first ?? "");
  }
  return args;
}

/** Typed options with bidi and zero-width controls removed from every text (see stripInvisible). */
function visibleOptions(options: Record<string, unknown>): Record<string, unknown> {
  const entries = Object.entries(options).map(([name, value]) => [
    name,
    typeof value === "string" ? stripInvisible(value) : value,
  ]);
  return Object.fromEntries(entries);
}

/** @example const dispatcher = createDispatcher(deps); await dispatcher.runLine(invocation, "vitamin d") */
export function createDispatcher(deps: DispatcherDeps) {
  const { registry, logger } = deps;

  function context(invocation: Invocation): CommandContext {
    return {
      platform: invocation.platform,
      user: invocation.user,
      channel: invocation.channel,
      isAdmin: invocation.isAdmin,
      ...(invocation.userTimeZone ? { userTimeZone: invocation.userTimeZone } : {}),
      ...(invocation.share ? { shared: true } : {}),
      knowledge: deps.knowledge,
      storage: deps.storage,
      clock: deps.clock,
      logger,
      services: deps.services,
      commands: registry.commands,
    };
  }

  async function checkCooldown(invocation: Invocation, path: string): Promise<Reply | undefined> {
    if (deps.cooldownMs <= 0 || NO_COOLDOWN.has(invocation.platform)) return undefined;
    const key = {
      platform: invocation.platform,
      userId: invocation.user.id,
      command: invocation.share ? `${path}#share` : path,
    };
    const result = await deps.storage.hitCooldown(key, deps.clock.now().getTime(), deps.cooldownMs);
    if (result.allowed) return undefined;
    const seconds = Math.max(1, Math.ceil(result.retryAfterMs / 1000));
    return textReply("One moment", `You just used /${path}. Try again in ${seconds} s.`, "error");
  }

  /** Runs a resolved command inside the error boundary. */
  async function run(
    invocation: Invocation,
    path: string,
    runnable: Runnable,
    raw: Record<string, unknown>,
  ): Promise<DispatchResult> {
    // A pino child serialises and redacts its bindings when made (tens of µs): make it only to log.
    let child: Logger | undefined;
    const log = () =>
      (child ??= logger.child({ command: path, platform: invocation.platform, eventId: invocation.eventId }));
    try {
      const cooling = runnable.noCooldown ? undefined : await checkCooldown(invocation, path);
      if (cooling) return { reply: cooling, outcome: "cooldown", path };
      if (runnable.adminOnly && !invocation.isAdmin) {
        throw new UserFacingError(`Only channel admins can use /${path}.`, "not_admin");
      }
      const args = validate(path, runnable, raw);
      const reply = await runnable.run(context(invocation), args as never);
      if (logger.isLevelEnabled("debug")) log().debug("command handled");
      return { reply, outcome: "ok", path };
    } catch (error) {
      if (error instanceof UserFacingError) {
        log().info({ code: error.code }, "user error");
        return {
          reply: textReply("That didn't work", error.message, "error"),
          outcome: "user_error",
          path,
          code: error.code,
          ...(error instanceof ArgumentsError ? { field: error.field } : {}),
        };
      }
      const ref = referenceId();
      log().error({ err: error, referenceId: ref }, "command failed");
      const reply = textReply(
        "Sorry, something went wrong on my side",
        `Please try again in a moment. If it keeps happening, tell your admin the reference ${ref}.`,
        "error",
      );
      return { reply, outcome: "fault", path, referenceId: ref };
    }
  }

  function fromParsed(invocation: Invocation, parsed: ParsedLine): Promise<DispatchResult> {
    switch (parsed.type) {
      case "command":
        return run(invocation, parsed.path, parsed.runnable, parsed.args);
      case "empty":
        return resolvePath(invocation, "help", {});
      case "did_you_mean": {
        const reply = didYouMeanReply(parsed.input, parsed.suggestions);
        return Promise.resolve({ reply, outcome: "user_error" });
      }
      case "unknown_command":
        return Promise.resolve({ reply: unknownCommandReply(parsed.input), outcome: "user_error" });
      case "error":
        return Promise.resolve({
          reply: textReply(
            "That didn't work",
            `${parsed.message} Type /help for the list of commands.`,
            "error",
          ),
          outcome: "user_error",
          ...(parsed.path ? { path: parsed.path } : {}),
        });
    }
  }

  /** Reports a handled command to the observer hook, if any. */
  async function observed(
    invocation: Invocation,
    work: () => Promise<DispatchResult>,
  ): Promise<DispatchResult> {
    if (!deps.onCommand) return work();
    const started = performance.now();
    const result = await work();
    try {
      deps.onCommand({
        command: result.path ?? "unknown",
        platform: invocation.platform,
        outcome: result.outcome,
        durationMs: performance.now() - started,
      });
    } catch (error) {
      logger.warn({ err: error }, "command observer failed");
    }
    return result;
  }

  /** Runs a line in the text grammar (console, Slack's /vitabot, button actions). */
  function runLine(invocation: Invocation, line: string): Promise<DispatchResult> {
    return observed(invocation, () =>
      fromParsed(
        invocation,
        understandLine(parseLine(stripInvisible(line), registry), registry, deps.knowledge.engine),
      ),
    );
  }

  /** Runs a command by path with already-typed options (Discord slash commands). */
  function runPath(
    invocation: Invocation,
    path: string,
    options: Record<string, unknown>,
  ): Promise<DispatchResult> {
    return observed(invocation, () => resolvePath(invocation, path, visibleOptions(options)));
  }

  function resolvePath(
    invocation: Invocation,
    path: string,
    options: Record<string, unknown>,
  ): Promise<DispatchResult> {
    const runnable = registry.resolve(path);
    if (!runnable) return fromParsed(invocation, { type: "error", message: `Unknown command "${path}".` });
    return run(invocation, path, runnable, options);
  }

  /** A button's action as a person types it (no pinned ids), for text hints. */
  const typed = (action: string) => typedForm(action, registry);

  return { runLine, runPath, typed };
}

export type Dispatcher = ReturnType<typeof createDispatcher>;
