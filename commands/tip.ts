import { defineCommand } from "../src/core/commands/define-command.js";
import type { Reply } from "../src/core/reply/reply.js";
import { localDate } from "../src/core/time/local-time.js";

/**
 * `/tip`: today's muscle-health tip. In a channel with a schedule it is the channel's
 * tip for today (the one posted, or the one due), without advancing the rotation;
 * elsewhere the tip of the day, the same for everyone all day.
 */
export default defineCommand({
  name: "tip",
  description: "Today's muscle-health tip",
  options: {},
  examples: ["tip"],
  async run(ctx): Promise<Reply> {
    const kb = ctx.knowledge;
    const sub = await ctx.storage.getSubscription(ctx.channel);
    if (sub) {
      const today = localDate(ctx.clock.now(), sub.zone);
      const posted = await ctx.storage.getDelivery({ channel: ctx.channel, kind: "tip", localDate: today });
      const postedTip =
        posted?.status === "sent" ? kb.content.tips.find((t) => t.id === posted.item) : undefined;
      const next = postedTip ? undefined : await ctx.services.tips.pickTip(sub);
      const text = postedTip?.text ?? next?.item.text;
      if (text) {
        const title = next?.item.team
          ? "Today's team tip (not reviewed by vitabot)"
          : "Today's tip for this channel";
        return {
          title,
          tone: "info",
          sections: [{ text }],
          disclaimer: kb.content.safety.disclaimer,
          visibility: "ephemeral",
          ...(next?.item.team ? { untrusted: true } : {}),
        };
      }
    }
    const tip = kb.tipForDate(ctx.clock.now().toISOString().slice(0, 10));
    const source = kb.content.sources.get(tip.source);
    return {
      title: "Today's muscle-health tip",
      tone: "info",
      sections: [{ text: tip.text }],
      sources: source ? [source] : [],
      disclaimer: kb.content.safety.disclaimer,
      buttons: tip.nutrients[0] ? [{ label: "Learn more", action: `vitamin ${tip.nutrients[0]}` }] : [],
      visibility: "ephemeral",
    };
  },
});
