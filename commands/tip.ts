import { defineCommand } from "../src/core/commands/define-command.js";

/** `/tip`: today's muscle-health tip, the same for everyone all day. */
export default defineCommand({
  name: "tip",
  description: "Today's muscle-health tip",
  options: {},
  examples: ["tip"],
  run(ctx) {
    const kb = ctx.knowledge;
    const today = ctx.clock.now().toISOString().slice(0, 10);
    const tip = kb.tipForDate(today);
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
