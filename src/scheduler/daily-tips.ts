/**
 * Daily tips, the pure part: which tips a channel may get (content tips, filtered by
 * its focus, plus the channel's own team tips), which one is next in its rotation, and how a
 * tip looks as a reply.
 */
import type { Knowledge } from "../core/knowledge/knowledge.js";
import type { Reply } from "../core/reply/reply.js";
import type { Subscription, TeamTip } from "../core/storage-ports/tips-store.js";
import { nextTip } from "./rotation.js";

/** Prefix of team-tip ids in the rotation, so they never collide with content ids. */
const TEAM_TIP_PREFIX = "team:";

export interface TipItem {
  id: string;
  text: string;
  /** Title and URL of the source, when there is one. */
  source?: { title: string; url: string };
  team: boolean;
}

/** Content tips matching the channel's focus (a nutrient id or a theme), plus its team tips. */
export function eligibleTips(kb: Knowledge, teamTips: readonly TeamTip[], theme: string | null): TipItem[] {
  const content = kb.content.tips
    .filter(
      (tip) =>
        theme === null ||
        (tip.nutrients as string[]).includes(theme) ||
        (tip.themes as string[]).includes(theme),
    )
    .map((tip): TipItem => {
      const source = kb.content.sources.get(tip.source);
      return { id: tip.id, text: tip.text, team: false, ...(source ? { source } : {}) };
    });
  const team = teamTips.map(
    (tip): TipItem => ({
      id: `${TEAM_TIP_PREFIX}${tip.id}`,
      text: tip.text,
      team: true,
      ...(tip.sourceUrl ? { source: { title: "Source given by the team", url: tip.sourceUrl } } : {}),
    }),
  );
  return [...content, ...team];
}

/** The next tip of a subscription's rotation, without recording anything. */
export function chooseTip(
  subscription: Subscription,
  items: readonly TipItem[],
): { item: TipItem; newCycle: boolean } | undefined {
  const next = nextTip(
    subscription.rotationSeed,
    items.map((i) => i.id),
    new Set(subscription.cyclePosted),
  );
  const item = next ? items.find((i) => i.id === next.tipId) : undefined;
  return next && item ? { item, newCycle: next.newCycle } : undefined;
}

/** A tip as a reply for everyone in the channel. Team tips are labelled and treated as untrusted text. */
export function tipReply(kb: Knowledge, item: TipItem): Reply {
  return {
    title: item.team ? "Team tip (not reviewed by vitabot)" : "Today's muscle-health tip",
    tone: "info",
    sections: [{ text: item.text }],
    sources: item.source ? [item.source] : [],
    disclaimer: kb.content.safety.disclaimer,
    visibility: "channel",
    ...(item.team ? { untrusted: true } : {}),
  };
}
