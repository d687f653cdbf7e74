/**
 * Phrase matching over stemmed tokens. A term is written as words, read by the same
 * tokenizer and stemmer as messages, with three extras:
 *   `*` or `*N`  any 0..3 (or 0..N) words in between ("can not * breathe")
 *   `#N`, `#N-M` a number of at least N (or between N and M) ("#5 pill")
 *   `=word`      this exact word, not stemmed ("=legs", so "leg" does not match)
 *   `==Word`     this exact spelling, case and all ("==MG", so "400 mg" is not myasthenia)
 * Typos of listed long words (`fuzzyWords`) are tolerated by edit distance.
 */
import { distance } from "fastest-levenshtein";
import { readSentences, stemOf, type Token } from "./tokens.js";

type Element =
  | { k: "stem"; v: string }
  | { k: "raw"; v: string }
  | { k: "surface"; v: string }
  | { k: "gap"; max: number }
  | { k: "num"; min: number; max: number };

export interface Phrase<T> {
  elements: readonly Element[];
  /** What the phrase stands for (a concept id, a modifier trigger…). */
  value: T;
  /** The term as written, for explanations. */
  term: string;
}

export interface PhraseMatch<T> {
  start: number;
  /** Exclusive. */
  end: number;
  phrase: Phrase<T>;
}

const DEFAULT_GAP = 3;
const NO_SPELLING: ReadonlyMap<string, readonly string[]> = new Map();

/** Compiles one term; throws with a readable message on a malformed one. */
export function compileTerm<T>(
  term: string,
  value: T,
  spelling: ReadonlyMap<string, readonly string[]> = NO_SPELLING,
): Phrase<T> {
  const elements: Element[] = [];
  for (const piece of term.trim().split(/\s+/)) {
    const gap = /^\*(\d+)?$/.exec(piece);
    const num = /^#(\d+)(?:-(\d+))?$/.exec(piece);
    if (gap) elements.push({ k: "gap", max: gap[1] ? Number(gap[1]) : DEFAULT_GAP });
    else if (num) {
      elements.push({
        k: "num",
        min: Number(num[1]),
        max: num[2] ? Number(num[2]) : Number.POSITIVE_INFINITY,
      });
    } else if (piece.startsWith("==") && piece.length > 2) elements.push({ k: "raw", v: piece.slice(2) });
    else if (piece.startsWith("=") && piece.length > 1) elements.push({ k: "surface", v: piece.slice(1) });
    else {
      for (const sentence of readSentences(piece, spelling))
        for (const token of sentence.tokens) {
          if (token.kind === "word") elements.push({ k: "stem", v: token.stem });
          else if (token.kind === "number") elements.push({ k: "num", min: token.value, max: token.value });
        }
    }
  }
  const [first] = elements;
  const last = elements[elements.length - 1];
  if (!first || first.k === "gap" || last?.k === "gap") {
    throw new Error(`term "${term}" must start and end with a word or number`);
  }
  return { elements, value, term };
}

function keyOf(element: Element): string {
  if (element.k === "stem") return `s:${element.v}`;
  if (element.k === "raw") return `r:${element.v}`;
  if (element.k === "surface") return `t:${element.v}`;
  return "#";
}

function tokenFits(element: Element, token: Token, alt: string | undefined): boolean {
  switch (element.k) {
    case "stem":
      return token.kind === "word" && (token.stem === element.v || alt === element.v);
    case "raw":
      return token.raw === element.v;
    case "surface":
      return token.text === element.v;
    case "num":
      return token.kind === "number" && token.value >= element.min && token.value <= element.max;
    case "gap":
      return false;
  }
}

/** A set of phrases, indexed by their first word, matched against sentences. */
export class PhraseIndex<T> {
  private readonly byFirst = new Map<string, Phrase<T>[]>();
  private readonly fuzzy: Map<string, { word: string; stem: string }[]>;
  private readonly fuzzyCache = new Map<string, string | null>();
  private static readonly FUZZY_CACHE_MAX = 10_000;

  private readonly stems = new Set<string>();
  private readonly fillers: ReadonlySet<string>;

  constructor(
    phrases: readonly Phrase<T>[],
    fuzzyWords: readonly string[] = [],
    fillers: readonly string[] = [],
  ) {
    this.fillers = new Set(fillers);
    for (const phrase of phrases) {
      for (const element of phrase.elements) if (element.k === "stem") this.stems.add(element.v);
      const key = keyOf(phrase.elements[0] as Element);
      const list = this.byFirst.get(key);
      if (list) list.push(phrase);
      else this.byFirst.set(key, [phrase]);
    }
    this.fuzzy = new Map();
    for (const word of fuzzyWords) {
      const list = this.fuzzy.get(word[0] as string) ?? [];
      list.push({ word, stem: stemOf(word) });
      this.fuzzy.set(word[0] as string, list);
    }
  }

  /**
   * The listed word a typo stands for ("siezure" -> "seizur"), or undefined. Only words
   * of five letters or more that start with the same letter, within 1 edit (2 from 7
   * letters); never a word the phrases already use. A dropped g ("talkin", "goin") is
   * read as the -ing word when the phrases use that.
   */
  private correct(token: Token): string | undefined {
    if (token.kind !== "word" || token.text.length < 4 || this.stems.has(token.stem)) return undefined;
    const cached = this.fuzzyCache.get(token.text);
    if (cached !== undefined) return cached ?? undefined;
    let found: string | null = null;
    if (token.text.endsWith("in")) {
      const ing = stemOf(`${token.text}g`);
      if (this.stems.has(ing)) found = ing;
    }
    const limit = token.text.length >= 7 ? 2 : 1;
    const candidates = found || token.text.length < 5 ? [] : (this.fuzzy.get(token.text[0] as string) ?? []);
    for (const candidate of candidates) {
      if (Math.abs(candidate.word.length - token.text.length) > limit) continue;
      if (distance(candidate.word, token.text) <= limit) {
        found = candidate.stem;
        break;
      }
    }
    if (this.fuzzyCache.size >= PhraseIndex.FUZZY_CACHE_MAX) this.fuzzyCache.clear();
    this.fuzzyCache.set(token.text, found);
    return found ?? undefined;
  }

  /** Every match of every phrase in the tokens (overlaps included). */
  matchAll(tokens: readonly Token[]): PhraseMatch<T>[] {
    const alts = tokens.map((t) => this.correct(t));
    const matches: PhraseMatch<T>[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i] as Token;
      const candidates = [
        this.byFirst.get(`s:${token.stem}`),
        alts[i] ? this.byFirst.get(`s:${alts[i]}`) : undefined,
        this.byFirst.get(`r:${token.raw}`),
        this.byFirst.get(`t:${token.text}`),
        token.kind === "number" ? this.byFirst.get("#") : undefined,
      ];
      for (const list of candidates) {
        if (!list) continue;
        for (const phrase of list) {
          const end = matchFrom(phrase.elements, 0, tokens, alts, i, this.fillers);
          if (end > i) matches.push({ start: i, end, phrase });
        }
      }
    }
    return matches;
  }
}

/** Fillers a phrase may skip between two of its words. */
const MAX_FILLERS = 2;

/** The end of the shortest match of elements[e…] at tokens[pos…], or -1. */
function matchFrom(
  elements: readonly Element[],
  e: number,
  tokens: readonly Token[],
  alts: readonly (string | undefined)[],
  pos: number,
  fillers: ReadonlySet<string>,
): number {
  if (e === elements.length) return pos;
  const element = elements[e] as Element;
  if (element.k === "gap") {
    for (let skip = 0; skip <= element.max; skip++) {
      const at = pos + skip;
      if (at > tokens.length) break;
      if (skip > 0 && (tokens[at - 1] as Token).kind === "punct") break; // a gap stays inside a clause
      const end = matchFrom(elements, e + 1, tokens, alts, at, fillers);
      if (end >= 0) return end;
    }
    return -1;
  }
  for (let at = pos; at <= pos + (e > 0 ? MAX_FILLERS : 0); at++) {
    const token = tokens[at];
    if (!token) return -1;
    if (tokenFits(element, token, alts[at])) return matchFrom(elements, e + 1, tokens, alts, at + 1, fillers);
    if (!fillers.has(token.text)) return -1;
  }
  return -1;
}
