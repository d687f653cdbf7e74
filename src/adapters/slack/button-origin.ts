/** Where a Slack button was pressed, and by whom, as the listeners' request origin. */
import type { BlockAction } from "@slack/bolt";

/** Where a button was pressed, and by whom (a Home tab button has no channel: the DM). */
export function buttonOrigin(body: BlockAction) {
  return {
    teamId: body.team?.id ?? body.user.team_id ?? "",
    channelId: body.channel?.id ?? body.user.id,
    userId: body.user.id,
    userName: body.user.username,
    requestId: body.trigger_id,
  };
}
