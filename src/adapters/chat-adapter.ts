/**
 * The adapter contract: what every chat platform provides to the rest of vitabot.
 * Adapters translate platform events into dispatcher calls and render replies; they
 * hold no product logic.
 */
import type { Reply, ReplyButton } from "../core/reply/reply.js";
import type { ChannelRef, Platform } from "../storage/ports/storage.js";

export interface AdapterHealth {
  ok: boolean;
  detail?: string;
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
