/**
 * When the app leaves a workspace (Slack `app_uninstalled` or `tokens_revoked`, Discord
 * `guildDelete`), its data stays for a grace period in case it comes back, then the
 * scheduler purges it. Adapters call these two functions; they hold no rule themselves.
 */
import type { Storage } from "../../storage/storage.js";
import type { Platform } from "../channel-ref.js";

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
