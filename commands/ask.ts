import { answerWithNumbers, workspaceNumbers } from "../src/core/commands/answer-with-numbers.js";
import { defineCommand, option } from "../src/core/commands/define-command.js";
import { answerReply } from "../src/core/reply/build.js";

/** `/ask <question>`: a short, sourced answer (red flags get the urgent answer only). */
export default defineCommand({
  name: "ask",
  description: "Ask a question about vitamins, minerals and muscle weakness",
  options: {
    question: option.text("Your question", { rest: true }),
    answer: option.text("Show a given answer again (used by Share)", { hidden: true, max: 120, pin: true }),
  },
  examples: ["ask can low b12 cause muscle weakness", "why are my legs weak"],
  async run(ctx, { question, answer: answerId }) {
    const kb = ctx.knowledge;
    const own = answerId?.startsWith("urgent:") ? await workspaceNumbers(ctx) : undefined;
    const shown = answerId ? kb.engine.answerById(answerId, question, own) : undefined;
    if (!question && !shown) {
      return answerReply(kb, kb.engine.ask(""), "ask");
    }
    const answer = shown ?? (await answerWithNumbers(ctx, question ?? ""));
    if (answer.kind === "answer") {
      const who = { ...ctx.channel, userId: ctx.user.id };
      await ctx.storage.setLastAnswer(who, {
        answerId: answer.id,
        question: answer.question,
        at: ctx.clock.now().getTime(),
      });
    }
    return answerReply(kb, answer, `ask answer:${answer.id}`);
  },
});
