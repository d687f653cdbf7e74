/**
 * Who is asking: workspace admins and owners (users.info), anyone in ADMIN_USER_IDS,
 * and the person's time zone, which scheduling uses as a default. users.info answers
 * are cached briefly so a busy channel does not spend its rate limit on them.
 * @see https://docs.slack.dev/reference/methods/users.info
 */
import type { webApi } from "@slack/bolt";
import type { Logger } from "../../logger.js";
import { isListedAdmin } from "../chat-adapter.js";
import { toPlatformError } from "./errors.js";

/** What vitabot needs to know about a person. */
export interface SlackPerson {
  isAdmin: boolean;
  timeZone?: string;
  name?: string;
}

/** The one Web API method the directory calls. */
export type UsersInfoClient = Pick<webApi.WebClient, "users">;

/** What the directory needs: who is listed as admin, a logger, and cache tuning. */
export interface UserDirectoryOptions {
  adminUserIds: ReadonlySet<string>;
  logger: Logger;
  /** How long a users.info answer is reused. */
  ttlMs?: number;
  /** Most people kept; the oldest entry goes first. */
  maxEntries?: number;
  now?: () => number;
}

/** How long a users.info answer is reused: admin changes show up within five minutes. */
const USER_CACHE_TTL_MS = 5 * 60_000;
const MAX_ENTRIES = 10_000;

interface Fetched {
  ok: boolean;
  person: SlackPerson;
}

interface Entry {
  at: number;
  /** Shared by concurrent look-ups of the same person. */
  fetched: Promise<Fetched>;
}

/**
 * @example const people = createUserDirectory({ adminUserIds, logger }); await people.lookup(client, "T1", "U1")
 */
export function createUserDirectory(options: UserDirectoryOptions) {
  const ttl = options.ttlMs ?? USER_CACHE_TTL_MS;
  const max = options.maxEntries ?? MAX_ENTRIES;
  const now = options.now ?? Date.now;
  const cache = new Map<string, Entry>();

  /** Never rejects: without users.info the person is still served, as a non-admin unless listed. */
  async function fetchPerson(client: UsersInfoClient, userId: string): Promise<Fetched> {
    const listed = isListedAdmin(options.adminUserIds, "slack", userId);
    try {
      const { user } = await client.users.info({ user: userId });
      const isAdmin =
        listed || user?.is_admin === true || user?.is_owner === true || user?.is_primary_owner === true;
      const name = user?.real_name || user?.name;
      return {
        ok: true,
        person: { isAdmin, ...(user?.tz ? { timeZone: user.tz } : {}), ...(name ? { name } : {}) },
      };
    } catch (error) {
      const failure = toPlatformError(error, "look up the user");
      options.logger.warn(
        { code: failure.code, userId },
        "users.info failed; treating the user as a non-admin",
      );
      return { ok: false, person: { isAdmin: listed } };
    }
  }

  /** The person, from the cache when fresh; failed look-ups are not cached. */
  async function lookup(client: UsersInfoClient, teamId: string, userId: string): Promise<SlackPerson> {
    const key = `${teamId}:${userId}`;
    const hit = cache.get(key);
    if (hit && now() - hit.at < ttl) return (await hit.fetched).person;
    const fetched = fetchPerson(client, userId);
    cache.delete(key);
    cache.set(key, { at: now(), fetched });
    if (cache.size > max) cache.delete(cache.keys().next().value as string);
    const result = await fetched;
    if (!result.ok && cache.get(key)?.fetched === fetched) cache.delete(key);
    return result.person;
  }

  /** Forgets everyone in a workspace (uninstall) or everyone (no argument). */
  function forget(teamId?: string): void {
    if (teamId === undefined) cache.clear();
    else for (const key of cache.keys()) if (key.startsWith(`${teamId}:`)) cache.delete(key);
  }

  /** Forgets one person, so their next look-up asks users.info again (their profile changed). */
  function forgetPerson(teamId: string, userId: string): void {
    cache.delete(`${teamId}:${userId}`);
  }

  return { lookup, forget, forgetPerson };
}

/** The people look-up the handlers use. */
export type UserDirectory = ReturnType<typeof createUserDirectory>;
