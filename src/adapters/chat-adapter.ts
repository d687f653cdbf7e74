/**
 * The adapter contract: what every chat platform provides to the rest of vitabot.
 * Adapters translate platform events into dispatcher calls and render replies; they
 * hold no product logic.
 */
import type { Config } from "../config.js";
import type { Clock } from "../core/clock.js";
import type { Dispatcher } from "../core/commands/dispatch.js";
import type { Registry } from "../core/commands/registry.js";
import type { Knowledge } from "../core/knowledge/knowledge.js";
import type { Reply, ReplyButton } from "../core/reply/reply.js";
import type { ChannelRef, Platform, Storage } from "../core/storage-ports/storage.js";
import type { Logger } from "../logger.js";
import type { AdapterHealth } from "../ops/health.js";

/** Declared beside `/healthz`, which reads it; part of the contract every adapter keeps. */
export type { AdapterHealth } from "../ops/health.js";

/** What an adapter uses of the running app; the composition root's `App` (src/app.ts) has it all. */
export interface AdapterApp {
  config: Config;
  logger: Logger;
  knowledge: Knowledge;
  storage: Storage;
  registry: Registry;
  dispatcher: Dispatcher;
  clock: Clock;
}

export interface ChatAdapter {
  readonly platform: Platform;
  start(): Promise<void>;
  /** Stops taking new work and closes connections. */
  stop(): Promise<void>;
  /**
   * Posts a reply for everyone in a channel (scheduled posts, Share to channel).
   * @throws PlatformError with `permanent` set when retrying cannot help.
   */
  post(target: ChannelRef, reply: Reply): Promise<void>;
  health(): AdapterHealth;
}

/** Prefix of every button id vitabot creates, so foreign interactions are ignored. */
export const ACTION_PREFIX = "vb";

/**
 * A button as one string: `vb|run|<command line>` or `vb|share|<command line>`. The
 * command line goes back through the same dispatcher as typed commands.
 * @example encodeAction({ label: "Foods", action: "foods vitamin-d" }) // "vb|run|foods vitamin-d"
 */
export function encodeAction(button: ReplyButton): string {
  return `${ACTION_PREFIX}|${button.share ? "share" : "run"}|${button.action}`;
}

/** The inverse of encodeAction; undefined for ids vitabot did not make. */
export function decodeAction(id: string): { share: boolean; line: string } | undefined {
  const match = /^vb\|(run|share)\|(.*)$/s.exec(id);
  if (!match) return undefined;
  return { share: match[1] === "share", line: match[2] ?? "" };
}

/** True when ADMIN_USER_IDS names this person (`slack:U123`). */
export function isListedAdmin(
  adminUserIds: ReadonlySet<string>,
  platform: Platform,
  userId: string,
): boolean {
  return adminUserIds.has(`${platform}:${userId}`);
}
