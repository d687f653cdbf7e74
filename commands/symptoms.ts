import { answerWithNumbers } from "../src/core/commands/answer-with-numbers.js";
import { defineCommand, option } from "../src/core/commands/define-command.js";
import { answerReply } from "../src/core/reply/build.js";

/** `/symptoms <words>`: which deficiencies fit, and what to ask a doctor. */
export default defineCommand({
  name: "symptoms",
  description: "Which deficiencies fit your symptoms, and what to ask a doctor",
  options: {
    words: option.text("Describe what you feel, e.g. weak thighs, tingling feet", {
      required: true,
      rest: true,
    }),
  },
  examples: ["symptoms weak thighs and aching bones", "symptoms tingling feet and poor balance"],
  async run(ctx, { words }) {
    const kb = ctx.knowledge;
    const answer = await answerWithNumbers(ctx, words);
    if (answer.kind === "urgent") return answerReply(kb, answer, "");
    const fits = kb.engine.symptomMatches(words);
    const doctor = kb.content.safety.doctorQuestions.map((q) => `• ${q}`).join("\n");
    const sections =
      fits.length === 0
        ? [
            {
              text: `I couldn't link "${words}" to ${kb.covered}. Try words such as cramps, tingling, weak thighs or bone pain.`,
            },
          ]
        : fits.map((fit) => {
            const n = kb.nutrient(fit.id);
            return {
              heading: `Low ${n.name}?`,
              text: `Fits: ${fit.terms.join(", ")}. Other signs: ${n.symptoms.slice(0, 3).join("; ")}. Test: ${n.labTest.name}.`,
            };
          });
    return {
      title: fits.length > 0 ? "Deficiencies that can cause this" : "No clear match",
      tone: "info",
      sections: [...sections, { heading: "Questions to ask your doctor", text: doctor }],
      sources: fits.flatMap((fit) => kb.content.sources.get(kb.nutrient(fit.id).labTest.source) ?? []),
      disclaimer: kb.content.safety.disclaimer,
      buttons: fits
        .slice(0, 3)
        .map((fit) => ({ label: `About ${kb.nutrient(fit.id).shortName}`, action: `vitamin ${fit.id}` })),
      visibility: "ephemeral",
    };
  },
});
