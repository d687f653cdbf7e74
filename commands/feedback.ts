import { defineCommand, option } from "../src/core/commands/define-command.js";
import { textReply } from "../src/core/reply/reply.js";
import { UserFacingError } from "../src/errors.js";

/** `/feedback <up|down> [note]`: rate the last answer (the 👍/👎 buttons run this too). */
export default defineCommand({
  name: "feedback",
  description: "Rate my last answer: up or down, with an optional note",
  options: {
    vote: option.choice("up or down", ["up", "down"], { required: true }),
    note: option.text("What was good or missing (optional)", { rest: true, max: 500 }),
    answer: option.text("The answer being rated (set by the buttons)", { hidden: true, max: 120, pin: true }),
  },
  examples: ["feedback up", "feedback down it didn't mention vegans"],
  async run(ctx, { vote, note, answer }) {
    const where = { ...ctx.channel, userId: ctx.user.id };
    const last = await ctx.storage.getLastAnswer(where);
    const answerId = answer ?? last?.answerId;
    if (!answerId)
      throw new UserFacingError("There's no answer to rate yet: ask me something first.", "nothing_to_rate");
    const question = last && last.answerId === answerId ? last.question : "";
    await ctx.storage.recordFeedback({
      where,
      answerId,
      question,
      vote,
      note: note ?? null,
      at: ctx.clock.now().getTime(),
    });
    const thanks =
      vote === "up" ? "Glad it helped." : "Thanks: this goes to the people who review the content.";
    return textReply("Thanks for the feedback", thanks, "success");
  },
});
