/**
 * What a command's `run` receives: who and where, plus the services it may use. The
 * same shape on every platform, so commands never branch on the platform.
 */
import type { Logger } from "pino";
import type { ChannelRef, Platform, Storage } from "../../storage/storage.js";
import type { Knowledge } from "../knowledge/knowledge.js";
import type { CommandDefinition } from "./define-command.js";

/** Time, injected so tests and the scheduler can use a fake clock. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface CommandContext {
  platform: Platform;
  user: { id: string; name?: string };
  channel: ChannelRef;
  /** Decided by the adapter (workspace admin, Manage Channels, ADMIN_USER_IDS, console). */
  isAdmin: boolean;
  /** The person's own IANA time zone when the platform tells us (Slack's users.info). */
  userTimeZone?: string;
  knowledge: Knowledge;
  storage: Storage;
  clock: Clock;
  logger: Logger;
  /** Every registered command, for `help`. */
  commands: readonly CommandDefinition[];
}
