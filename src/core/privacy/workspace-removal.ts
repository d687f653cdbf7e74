/**
 * When the app leaves a workspace (Slack `app_uninstalled` or `tokens_revoked`, Discord
 * `guildDelete`), its data stays for a grace period in case it comes back, then the
 * scheduler purges it. Adapters call these two functions; they hold no rule themselves.
 */
import type { Logger } from "../../logger.js";
import type { Platform } from "../channel-ref.js";
import type { Storage } from "../storage-ports/storage.js";

/** How long a removed workspace's data is kept before it is deleted. */
export const WORKSPACE_GRACE_MS = 7 * 24 * 3600_000;

/**
 * Records that the app was removed from a workspace; its data goes after the grace period.
 * @example await workspaceRemoved(app.storage, "slack", teamId, app.clock.now())
 */
export async function workspaceRemoved(
  storage: Pick<Storage, "markWorkspaceRemoved">,
  platform: Platform,
  workspaceId: string,
  now: Date,
): Promise<void> {
  await storage.markWorkspaceRemoved(
    platform,
    workspaceId,
    now.getTime(),
    now.getTime() + WORKSPACE_GRACE_MS,
  );
}

/**
 * The app is back (reinstalled, re-added to the server): nothing will be purged.
 * @returns true when a removal was pending.
 */
export function workspaceReturned(
  storage: Pick<Storage, "cancelWorkspaceRemoval">,
  platform: Platform,
  workspaceId: string,
): Promise<boolean> {
  return storage.cancelWorkspaceRemoval(platform, workspaceId);
}

/**
 * Deletes the data of workspaces whose grace period has ended (a job of the scheduler's tick).
 * @returns how many workspaces were purged.
 */
export async function purgeRemovedWorkspaces(
  storage: Pick<Storage, "purgeRemovedWorkspaces">,
  now: Date,
  logger: Logger,
): Promise<number> {
  const purged = await storage.purgeRemovedWorkspaces(now.getTime());
  for (const gone of purged)
    logger.info({ ...gone }, "removed workspace's data deleted after the grace period");
  return purged.length;
}
