import { challengeOptions, findChallenge } from "../src/challenges/command-support.js";
import { leaderboardReply } from "../src/challenges/replies.js";
import { defineCommand } from "../src/core/commands/define-command.js";

/** `/leaderboard`: individuals, and teams by average points per member, with a bar chart. */
export default defineCommand({
  name: "leaderboard",
  description: "The challenge's standings: people and teams",
  options: { ...challengeOptions },
  examples: ["leaderboard", 'leaderboard challenge:"Spring walks"'],
  async run(ctx, args) {
    const challenge = await findChallenge(ctx, args, { includeEnded: true });
    // Shared for everyone, the board has no "you are #N" line: only the asker's own view has one.
    const asker = ctx.shared ? undefined : ctx.user.id;
    const view = await ctx.services.challenges.leaderboard(challenge, asker);
    return leaderboardReply(challenge, view, ctx.services.drawChart);
  },
});
