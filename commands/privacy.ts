import { defineCommandGroup, defineRunnable, option } from "../src/core/commands/define-command.js";
import { textReply } from "../src/core/reply/reply.js";

const exportData = defineRunnable({
  description: "Everything vitabot keeps about you, as JSON (only you see it)",
  options: {},
  async run(ctx) {
    const data = await ctx.storage.exportUser(ctx.platform, ctx.user.id);
    const content = `${JSON.stringify({ platform: ctx.platform, userId: ctx.user.id, exportedAt: ctx.clock.now().toISOString(), ...data }, null, 2)}\n`;
    const counts = `${data.memberships.length} challenge memberships, ${data.checkIns.length} check-ins, ${data.feedback.length} feedback votes`;
    return {
      ...textReply("Your data", `Here is everything vitabot keeps about you on ${ctx.platform}: ${counts}.`),
      files: [
        {
          filename: "vitabot-my-data.json",
          content,
          mimeType: "application/json",
          title: "Your vitabot data",
        },
      ],
    };
  },
});

const forget = defineRunnable({
  description: "Delete your challenge memberships, check-ins and feedback everywhere",
  options: { confirm: option.text("Set by the confirmation button", { max: 10, hidden: true }) },
  async run(ctx, args) {
    if (args.confirm !== "yes") {
      return {
        ...textReply(
          "Delete your data?",
          `This deletes your challenge memberships, check-ins, feedback votes and personal daily tip on ${ctx.platform}, in every workspace, with what vitabot keeps about you for a short while (your last answer, cooldowns, unsent form drafts). Your points leave your teams' totals. It cannot be undone.`,
          "urgent",
        ),
        buttons: [{ label: "Yes, delete my data", action: "privacy forget confirm:yes", style: "danger" }],
      };
    }
    const counts = await ctx.storage.forgetUser(ctx.platform, ctx.user.id);
    return textReply(
      "Your data is deleted",
      `Deleted ${counts.memberships} challenge memberships, ${counts.checkIns} check-ins, ${counts.feedback} feedback votes, ${counts.personalTips} personal daily tips and ${counts.lastAnswers + counts.cooldowns + counts.formDrafts} short-lived records (last answers, cooldowns, form drafts). Things you set up for a channel (tips, challenges) stay, without your name.`,
      "success",
    );
  },
});

/** `/privacy export|forget`: a person's own data. */
export default defineCommandGroup({
  name: "privacy",
  description: "Your data: export it or delete it",
  subcommands: { export: exportData, forget },
});
