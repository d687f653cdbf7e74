/**
 * The content check for `symptom-words.yaml`: every lay word must lead to words the
 * nutrients' symptom terms use, or it would be read and then never found.
 */
import { symptomWordProblems } from "../answers/symptom-match.js";
import type { IssueCollector } from "./read-files.js";
import type { Nutrient, SymptomWords } from "./schema.js";

export function checkSymptomWords(
  words: SymptomWords,
  nutrients: readonly Nutrient[],
  issues: IssueCollector,
): void {
  for (const { key, message } of symptomWordProblems(nutrients, words.says)) {
    issues.add("symptom-words.yaml", `says.${key}`, message);
  }
}
