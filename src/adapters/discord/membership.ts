/**
 * Joining and leaving servers (gateway): when vitabot is removed from a server (kicked,
 * or the server deleted) the removal is recorded and the server's data is purged after the
 * grace period; being added again cancels that. A server that becomes unavailable is an
 * outage on Discord's side, not a removal, and changes nothing.
 * @see https://discord.com/developers/docs/events/gateway-events#guild-delete
 */
import { type Client, Events, type Guild } from "discord.js";
import type { Logger } from "pino";
import type { Clock } from "../../core/clock.js";
import { workspaceRemoved, workspaceReturned } from "../../core/privacy/workspace-removal.js";
import type { Storage } from "../../core/storage-ports/storage.js";
import { errorInfo } from "./discord-errors.js";

/** What tracking needs: where removals are recorded, and the time. */
export interface MembershipDeps {
  storage: Pick<Storage, "markWorkspaceRemoved" | "cancelWorkspaceRemoval">;
  clock: Clock;
  log: Logger;
}

async function onRemoved(deps: MembershipDeps, guild: Guild): Promise<void> {
  // discord.js reports outages as guildUnavailable; a guild marked unavailable is never a removal.
  if (guild.available === false) return;
  await workspaceRemoved(deps.storage, "discord", guild.id, deps.clock.now());
  deps.log.warn({ guild: guild.id }, "removed from a server: its data goes after the grace period");
}

async function onAdded(deps: MembershipDeps, guild: Guild): Promise<void> {
  if (await workspaceReturned(deps.storage, "discord", guild.id))
    deps.log.info({ guild: guild.id }, "added to a server again: its pending removal is cancelled");
}

/**
 * Records removals (guildDelete) and returns (guildCreate) of servers.
 * @example trackGuildMembership(client, { storage: app.storage, clock: app.clock, log })
 */
export function trackGuildMembership(client: Client, deps: MembershipDeps): void {
  const safely = (what: string, guild: Guild, work: Promise<void>) =>
    void work.catch((error: unknown) => deps.log.error({ guild: guild.id, ...errorInfo(error) }, what));
  client.on(Events.GuildDelete, (guild) =>
    safely("could not record the removal from a server", guild, onRemoved(deps, guild)),
  );
  client.on(Events.GuildCreate, (guild) =>
    safely("could not cancel a server's pending removal", guild, onAdded(deps, guild)),
  );
  client.on(Events.GuildUnavailable, (guild) =>
    deps.log.warn({ guild: guild.id }, "a server is unavailable (Discord outage); nothing is removed"),
  );
}
