/**
 * The content check for `symptom-words.yaml`: every lay word must lead to words the
 * nutrients' symptom terms use, or it would be read and then never found. It reads both
 * as the answer engine does (src/core/text/symptom-reading.ts).
 */
import { normalize } from "../text/normalize.js";
import { symptomReader, tellingWords } from "../text/symptom-reading.js";
import type { IssueCollector } from "./read-files.js";
import type { Nutrient, SymptomWords } from "./schema.js";

/** One issue for each lay word whose words are in no symptom term. */
export function checkSymptomWords(
  words: SymptomWords,
  nutrients: readonly Nutrient[],
  issues: IssueCollector,
): void {
  const terms = nutrients.flatMap((n) => n.symptomTerms);
  const reader = symptomReader(terms, words.says);
  const used = new Set(
    terms.flatMap((term) => tellingWords(reader.read(normalize(term)).words).map((w) => w.lemma)),
  );
  for (const [key, means] of Object.entries(words.says)) {
    const unused = tellingWords(reader.read(normalize(means)).words)
      .filter((w) => !used.has(w.lemma))
      .map((w) => w.text);
    if (unused.length > 0)
      issues.add(
        "symptom-words.yaml",
        `says.${key}`,
        `"${means}": ${unused.join(", ")} is in no symptom term (see nutrients/*.yaml symptomTerms)`,
      );
  }
}
