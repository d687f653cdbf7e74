/**
 * What a command's `run` receives: who and where, plus the services it may use. The
 * same shape on every platform, so commands never branch on the platform.
 */
import type { Logger } from "pino";
import type { ChannelRef, Platform } from "../channel-ref.js";
import type { Clock } from "../clock.js";
import type { Knowledge } from "../knowledge/knowledge.js";
import type { Reply } from "../reply/reply.js";
import type { Storage } from "../storage-ports/storage.js";
import type { Subscription } from "../storage-ports/tips-store.js";
import type { CommandDefinition } from "./define-command.js";

/**
 * What commands may ask of the running bot beyond storage: posting to a channel through
 * its platform adapter, and the tip scheduler. Provided by the composition root. A feature
 * folder that core may not import adds its own members by declaration merging (team
 * challenges: src/challenges/command-services.ts), so core stays below it.
 */
export interface BotServices {
  /**
   * Posts a reply for everyone in a channel.
   * @throws PlatformError whose message says how to fix access problems.
   */
  post(channel: ChannelRef, reply: Reply): Promise<void>;
  tips: {
    /** Posts a subscription's next tip at once and advances its rotation. */
    postNext(subscription: Subscription): Promise<{ id: string; text: string }>;
    /** The tip a subscription would post next, without advancing anything. */
    pickTip(
      subscription: Subscription,
    ): Promise<{ item: { id: string; text: string; team: boolean } } | undefined>;
  };
}

export interface CommandContext {
  platform: Platform;
  user: { id: string; name?: string };
  channel: ChannelRef;
  /** Decided by the adapter (workspace admin, Manage Channels, ADMIN_USER_IDS, console). */
  isAdmin: boolean;
  /** The person's own IANA time zone when the platform tells us (Slack's users.info). */
  userTimeZone?: string;
  /** Set when "Share to channel" re-runs the command for everyone: leave out what is only the asker's. */
  shared?: boolean;
  knowledge: Knowledge;
  storage: Storage;
  clock: Clock;
  logger: Logger;
  services: BotServices;
  /** Every registered command, for `help`. */
  commands: readonly CommandDefinition[];
}
