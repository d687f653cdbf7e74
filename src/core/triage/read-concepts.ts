/**
 * Reading a message's concepts: sentences of stemmed tokens, every concept term and
 * modifier trigger found in them, and which of those matches stand (an idiom hides the
 * symptom words inside it, a trigger inside a longer concept is part of it).
 */
import type { Concept, TriageModel } from "../content/triage-schema.js";
import type { Trigger, Value } from "../content/triage-triggers.js";
import type { PhraseMatch } from "../text/phrases.js";
import { readSentences, type Token } from "../text/tokens.js";
import { overlaps } from "./scopes.js";
import { BLOCKERS, buildIndex, conceptOf, SCOPED, spellingOf } from "./triggers.js";

/** One sentence's matches, split by what they are. */
export interface ReadSentence {
  tokens: readonly Token[];
  concepts: PhraseMatch<Value>[];
  /** Trigger matches by kind. */
  triggers: Map<Trigger, PhraseMatch<Value>[]>;
}

/**
 * Compiles the model's terms once; the reader then turns a message into its sentences' matches.
 * @throws Error when a term is malformed.
 */
export function createConceptReader(model: TriageModel) {
  const m = model.modifiers;
  const spelling = spellingOf(m);
  const index = buildIndex(model);
  const followers = new Set(m.standalone.followers);
  // Rewrites by their first word, so each token looks up only its own.
  const rewrites = new Map<string, { from: string[]; to: string[] }[]>();
  for (const [from, to] of Object.entries(m.rewrite)) {
    const words = from.split(" ");
    const list = rewrites.get(words[0] as string) ?? [];
    list.push({ from: words, to: to.split(" ") });
    rewrites.set(words[0] as string, list);
  }

  /**
   * Which matches stand. An idiom or a harmless phrase hides the concept words inside
   * it ("gave me a heart attack"); a pseudo-negation hides only triggers ("not sure").
   * A concept hides the concepts it names in `hides`; a trigger inside a longer concept
   * is part of it ("can not breathe"); of two overlapping scoped triggers the longer
   * stands ("fully recovered" over "recovered").
   */
  function resolve(tokens: readonly Token[], all: readonly PhraseMatch<Value>[]): ReadSentence {
    const n = tokens.length;
    // The longest blocker (idiom or harmless phrase), any blocker, and scoped trigger over each word.
    const idiomOver = new Array<number>(n).fill(0);
    const blockerOver = new Array<number>(n).fill(0);
    const scopedOver = new Array<number>(n).fill(0);
    // The furthest end of a concept starting at each word.
    const conceptEndAt = new Array<number>(n).fill(-1);
    const hiders: PhraseMatch<Value>[] = [];
    let longestConcept = 0;
    for (const x of all) {
      const len = x.end - x.start;
      if ("concept" in x.phrase.value) {
        conceptEndAt[x.start] = Math.max(conceptEndAt[x.start] as number, x.end);
        longestConcept = Math.max(longestConcept, len);
        if ((model.concepts.get(x.phrase.value.concept) as Concept).hides.length > 0) hiders.push(x);
        continue;
      }
      const kind = x.phrase.value.trigger;
      for (let i = x.start; i < x.end; i++) {
        if (BLOCKERS.has(kind)) blockerOver[i] = Math.max(blockerOver[i] as number, len);
        if (BLOCKERS.has(kind) && kind !== "pseudo") idiomOver[i] = Math.max(idiomOver[i] as number, len);
        if (SCOPED.has(kind)) scopedOver[i] = Math.max(scopedOver[i] as number, len);
      }
    }
    // A standalone phrase followed by what someone came to do ("came to stay") is not the sign.
    const arriving = new Set<PhraseMatch<Value>>();
    // A concept that ends with such a phrase ("feel like I'm going to go") is not the sign either.
    const arrivingEnds = new Set<number>();
    for (const x of all) {
      if ("concept" in x.phrase.value || x.phrase.value.trigger !== "standalone") continue;
      const next = tokens[x.end];
      const alone =
        next === undefined ||
        next.kind !== "word" ||
        followers.has(next.text) ||
        next.text.endsWith("ly") ||
        (conceptEndAt[x.end] as number) >= 0;
      if (alone) continue;
      arriving.add(x);
      arrivingEnds.add(x.end);
      for (let i = x.start; i < x.end; i++) idiomOver[i] = Math.max(idiomOver[i] as number, x.end - x.start);
    }
    const maxOver = (over: readonly number[], x: PhraseMatch<Value>) => {
      let max = 0;
      for (let i = x.start; i < x.end; i++) max = Math.max(max, over[i] as number);
      return max;
    };
    const insideLongerConcept = (x: PhraseMatch<Value>) => {
      for (let start = x.start; start >= 0 && start > x.start - longestConcept; start--) {
        const end = conceptEndAt[start] as number;
        if (end >= x.end && (start < x.start || end > x.end)) return true;
      }
      return false;
    };
    const concepts: PhraseMatch<Value>[] = [];
    const triggers = new Map<Trigger, PhraseMatch<Value>[]>();
    for (const x of all) {
      const len = x.end - x.start;
      if ("concept" in x.phrase.value) {
        const id = x.phrase.value.concept;
        if (maxOver(idiomOver, x) >= len) continue;
        if (arrivingEnds.has(x.end) && [...arriving].some((a) => a.end === x.end && a.start >= x.start))
          continue;
        if (
          hiders.some(
            (h) => overlaps(h, x) && (model.concepts.get(conceptOf(h)) as Concept).hides.includes(id),
          )
        )
          continue;
        concepts.push(x);
        continue;
      }
      const kind = x.phrase.value.trigger;
      if (kind === "standalone" && !arriving.has(x)) continue;
      if (!BLOCKERS.has(kind) && kind !== "standalone") {
        if (maxOver(blockerOver, x) >= len) continue;
        if (SCOPED.has(kind) && maxOver(scopedOver, x) > len) continue;
        // A question's subject stays when a concept starts with it ("can *low* magnesium…").
        if (insideLongerConcept(x) && !(kind === "subject" && (conceptEndAt[x.start] as number) > x.end))
          continue;
      }
      const list = triggers.get(kind);
      if (list) list.push(x);
      else triggers.set(kind, [x]);
    }
    return { tokens, concepts, triggers };
  }

  return {
    read: (message: string): ReadSentence[] =>
      readSentences(message, spelling, rewrites).map((sentence) =>
        resolve(sentence.tokens, index.matchAll(sentence.tokens)),
      ),
    /** Whether the model's terms use this word. */
    knows: (token: Token) => index.knows(token),
  };
}
