/**
 * A reply as the App Home tab (pure): the same Block Kit as a message, within the limits
 * of Home views (100 blocks, SLACK_LIMITS.viewBlocks), cut with a line pointing to
 * `/vitabot me` rather than failing when a panel is too long.
 * @see https://docs.slack.dev/surfaces/app-home
 */
import type { types } from "@slack/bolt";
import type { Reply } from "../../core/reply/reply.js";
import { SLACK_LIMITS as L } from "./limits.js";
import { SLASH_COMMAND } from "./manifest.js";
import { toBlockKit } from "./render.js";

/** What `views.publish` takes for the Home tab. */
export function toHomeView(reply: Reply): types.HomeView {
  const { blocks } = toBlockKit(reply, {
    blocks: L.viewBlocks,
    chars: L.viewChars,
    note: `_More in ${SLASH_COMMAND} me._`,
  });
  return { type: "home", blocks };
}
