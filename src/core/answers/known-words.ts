/**
 * How much of a message the engine recognises: the share of its words that occur in the
 * content (every answer's title, question, phrasings and body) or are common stop words.
 * An English question, even a misspelt or non-native one, shares most of its words with
 * the content; a question in another language shares a few names ("vitamina D").
 */

import { normalize, tokenize } from "../text/normalize.js";
import type { AnswerDoc } from "./documents.js";
import { processTerm } from "./retrieve.js";

/** Every word of every answer (title, question, phrasings, body), normalised. */
export function contentWords(docs: readonly AnswerDoc[]): Set<string> {
  const known = new Set<string>();
  for (const doc of docs) {
    for (const word of tokenize(normalize([doc.title, doc.question, doc.phrasings, doc.body].join(" ")))) {
      known.add(word);
    }
  }
  return known;
}

/**
 * Given the content's words (see `contentWords`), the returned function gives the recognised share (0-1) of an
 * already normalised text's words (numbers aside), in any script; a text with no word
 * recognises nothing: 0.
 * @example createKnownWords(contentWords(docs))("does iron deficiency cause muscle weakness") // 1
 */
export function createKnownWords(known: ReadonlySet<string>): (normalized: string) => number {
  return (normalized) => {
    // Words in any script, so "Какие продукты … витамина D" is not judged by its "d" alone.
    const words = (normalized.match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => /\p{L}/u.test(word));
    if (words.length === 0) return 0;
    return words.filter((word) => known.has(word) || processTerm(word) === null).length / words.length;
  };
}
