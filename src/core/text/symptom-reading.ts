/**
 * How a description of symptoms is read: lay words (`symptom-words.yaml`) and misspellings
 * read as the words the symptom terms use, and which words of a reading count (not joining
 * words, not fillers). One reading for the answer engine's symptom matcher
 * (src/core/answers/symptom-match.ts) and for the content check that every lay word leads
 * to a symptom term (src/core/content/check-symptom-words.ts).
 */
import { normalize, tokenize } from "./normalize.js";
import { createWordReader, type Word, type WordReader } from "./words.js";

/** Words a term may leave out or a message may add ("hard to get up from a chair"). */
const FILLERS = new Set(
  "a an the of in on at to from up into around about with for my your his her our their me i it its is are am was were be been being".split(
    " ",
  ),
);

/** The words of a reading that a symptom term must match: not joining words, not fillers. */
export function tellingWords(words: readonly Word[]): Word[] {
  return words.filter((w) => !w.joiner && !FILLERS.has(w.text));
}

/**
 * The reader of symptom descriptions for these symptom terms and lay words: misspellings
 * read as the terms' words, and never a word in `known` (the words the content itself uses).
 */
export function symptomReader(
  terms: readonly string[],
  says: Readonly<Record<string, string>>,
  known?: ReadonlySet<string>,
): WordReader {
  const targets = [...terms, ...Object.values(says)].flatMap((t) => tokenize(normalize(t)));
  return createWordReader({ says, targets, ...(known ? { known } : {}) });
}
