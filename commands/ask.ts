import { defineCommand, option } from "../src/core/commands/define-command.js";
import { answerReply } from "../src/core/reply/build.js";

/** `/ask <question>`: a short, sourced answer (red flags get the urgent message only). */
export default defineCommand({
  name: "ask",
  description: "Ask a question about vitamins, minerals and muscle weakness",
  options: {
    question: option.text("Your question", { rest: true }),
    answer: option.text("Show a given answer again (used by Share)", { hidden: true, max: 120 }),
  },
  examples: ["ask can low b12 cause muscle weakness", "why are my legs weak"],
  async run(ctx, { question, answer: answerId }) {
    const kb = ctx.knowledge;
    const shown = answerId ? kb.engine.answerById(answerId, question) : undefined;
    if (!question && !shown) {
      return answerReply(kb, kb.engine.ask(""), "ask");
    }
    const answer = shown ?? kb.engine.ask(question ?? "");
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
