/**
 * The Bolt listeners for what happens to a workspace rather than a request: the app removed
 * or its token revoked, the bot added to a channel (the welcome message), and a person's
 * profile changing (their own daily tip follows). No product logic lives here.
 */
import type { App as BoltApp } from "@slack/bolt";
import { followProfile } from "../../core/personal-tip.js";
import { workspaceRemoved } from "../../core/privacy/workspace-removal.js";
import { toPlatformError } from "./errors.js";
import type { HandlerDeps } from "./handlers.js";
import { toBlockKit } from "./render.js";

/**
 * Forget a workspace when the app is removed or its bot token revoked: its removal is
 * recorded (data purged after the grace period unless it comes back) and, with OAuth, its
 * installation deleted, as Bolt expects.
 */
function onUninstall(bolt: BoltApp, deps: HandlerDeps): void {
  const forget = async (teamId: string | undefined, enterpriseId: string | undefined, why: string) => {
    deps.people.forget(teamId);
    deps.logger.warn({ teamId, enterpriseId }, `vitabot was removed from a workspace (${why})`);
    if (!teamId) return;
    await workspaceRemoved(deps.storage, "slack", teamId, deps.clock.now());
    if (!deps.installationStore?.deleteInstallation) return;
    await deps.installationStore.deleteInstallation({ teamId, enterpriseId, isEnterpriseInstall: false });
  };
  bolt.event("app_uninstalled", async ({ body }) =>
    forget(body.team_id, body.enterprise_id, "app_uninstalled"),
  );
  bolt.event("tokens_revoked", async ({ event, body }) => {
    if ((event.tokens.bot ?? []).length > 0) await forget(body.team_id, body.enterprise_id, "tokens_revoked");
  });
}

/** When vitabot itself joins a channel, it says hello there with a "Set up daily tips" button. */
function onJoin(bolt: BoltApp, deps: HandlerDeps): void {
  bolt.event("member_joined_channel", async ({ event, context, client }) => {
    if (!context.botUserId || event.user !== context.botUserId) return;
    try {
      await client.chat.postMessage({ channel: event.channel, ...toBlockKit(deps.welcome) });
    } catch (error) {
      deps.logger.warn(
        { code: toPlatformError(error, "post the welcome").code, channel: event.channel },
        "welcome not posted",
      );
    }
  });
}

/**
 * A person's profile changed (`user_change`): their own daily tip follows a new time zone,
 * and stops when the account is deactivated (`deleted: true`).
 * @see https://docs.slack.dev/reference/events/user_change
 */
function onProfileChange(bolt: BoltApp, deps: HandlerDeps): void {
  bolt.event("user_change", async ({ event }) => {
    const user = event.user as { id: string; team_id?: string; deleted?: boolean; tz?: string };
    // Cached users.info answers hold the old zone: the next command looks them up again.
    if (user.team_id) deps.people.forgetPerson(user.team_id, user.id);
    const change = { platform: "slack" as const, userId: user.id, deleted: user.deleted === true };
    const result = await followProfile(
      deps.storage,
      { ...change, ...(user.tz ? { zone: user.tz } : {}) },
      deps.clock.now(),
    );
    if (result.stopped || result.moved)
      deps.logger.info({ userId: user.id, ...result }, "personal tip follows a profile change");
  });
}

/** Registers the workspace listeners. */
export function onWorkspaceEvents(bolt: BoltApp, deps: HandlerDeps): void {
  onUninstall(bolt, deps);
  onJoin(bolt, deps);
  onProfileChange(bolt, deps);
}
