/**
 * "Share to channel", decided once for every platform: a Share button re-runs its command
 * and the result is posted for everyone only when it is an answer worth sharing (the
 * command succeeded, the reply is not an error, and it is not private to the asker).
 * Anything else (a cooldown's "One moment", "That didn't work", an apology, a crisis
 * answer) goes back to the person who pressed Share alone, saying why nothing was posted.
 * Adapters only carry out the decision.
 */
import type { Outcome } from "./outcome.js";
import type { Reply } from "./reply.js";

/** Post `reply` for everyone, or tell the presser privately (`reply`) why nothing was posted. */
export type ShareDecision = { kind: "post"; reply: Reply } | { kind: "refuse"; reply: Reply };

/**
 * A reply as everyone in the channel sees it: channel visibility, and no "Share to
 * channel" button on what is already shared (scheduled posts, shared answers, the console).
 * @example forChannel(answer).buttons?.some((b) => b.share) // false
 */
export function forChannel(reply: Reply): Reply {
  return { ...reply, visibility: "channel", buttons: reply.buttons?.filter((button) => !button.share) };
}

/** Why a result is not shared, or undefined when it may be. */
function whyNotShared(outcome: Outcome, reply: Reply): string | undefined {
  if (outcome === "cooldown")
    return "Nothing was posted to the channel: wait a moment, then press Share again.";
  if (reply.private) return "Nothing was posted to the channel: this answer is for you alone.";
  if (outcome !== "ok" || reply.tone === "error")
    return "Nothing was posted to the channel: only answers are shared, not error messages.";
  return undefined;
}

/**
 * What Share to channel does with a command's result.
 * @example shareDecision({ outcome: "user_error", reply }).kind // "refuse"
 */
export function shareDecision(result: { outcome: Outcome; reply: Reply }): ShareDecision {
  const why = whyNotShared(result.outcome, result.reply);
  if (why === undefined) return { kind: "post", reply: forChannel(result.reply) };
  const { reply } = result;
  return {
    kind: "refuse",
    reply: {
      ...reply,
      visibility: "ephemeral",
      sections: [{ text: why }, ...reply.sections],
      buttons: reply.buttons?.filter((button) => !button.share),
    },
  };
}
