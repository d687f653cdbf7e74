/**
 * Phrase matching over stemmed tokens. A term is written as words, read by the same
 * tokenizer and stemmer as messages, with three extras:
 *   `*` or `*N`  any 0..3 (or 0..N) words in between ("can not * breathe")
 *   `#N`, `#N-M` a number of at least N (or between N and M; decimals allowed) ("#5 pill", "#39.5-46")
 *   `=word`      this exact word, not stemmed ("=legs", so "leg" does not match)
 *   `==Word`     this exact spelling, case and all ("==MG", so "400 mg" is not myasthenia)
 * Typos of listed long words (`fuzzyWords`) are tolerated by edit distance.
 */
import { distance } from "fastest-levenshtein";
import { isNumberWord, readSentences, stemOf, type Token } from "./tokens.js";

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

/** One message's walk through the trie: its tokens, their typo readings, and where phrases end. */
interface Walk<T> {
  tokens: readonly Token[];
  altKeys: readonly (string | undefined)[];
  ends: Map<Phrase<T>, number>;
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
    const num = /^#(\d+(?:\.\d+)?)(?:-(\d+(?:\.\d+)?))?$/.exec(piece);
    if (gap) elements.push({ k: "gap", max: gap[1] ? Number(gap[1]) : DEFAULT_GAP });
    else if (num) {
      elements.push({
        k: "num",
        min: Number(num[1]),
        max: num[2] ? Number(num[2]) : Number.POSITIVE_INFINITY,
      });
    } else if (piece.startsWith("#")) {
      // "#5-100x" would read as one number token worth NaN, which no message can match.
      throw new Error(
        `term "${term}" has a number "${piece}" that is not #N or #N-M (put a space before a unit)`,
      );
    } else if (piece.startsWith("==") && piece.length > 2) elements.push({ k: "raw", v: piece.slice(2) });
    else if (piece.startsWith("=") && piece.length > 1) elements.push({ k: "surface", v: piece.slice(1) });
    else if (/^[a-z]+$/.test(piece) && !spelling.has(piece) && !isNumberWord(piece))
      elements.push({ k: "stem", v: stemOf(piece) });
    else {
      // Contractions, digits and punctuation go through the message tokenizer, so they split alike.
      for (const sentence of readSentences(piece, spelling))
        for (const token of sentence.tokens) {
          if (token.kind === "word") elements.push({ k: "stem", v: token.stem });
          else if (token.kind === "number") {
            if (Number.isNaN(token.value))
              throw new Error(
                `term "${term}" has a number "${token.raw}" that reads as NaN and can never match`,
              );
            elements.push({ k: "num", min: token.value, max: token.value });
          }
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

/** A trie node; its edge lists are created only when it has edges (most nodes are leaves). */
interface TrieNode<T> {
  /** Word edges: `s:stem`, `t:surface` (exact word), `r:raw` (exact case). */
  next?: Map<string, TrieNode<T>>;
  nums?: { min: number; max: number; node: TrieNode<T> }[];
  gaps?: { max: number; node: TrieNode<T> }[];
  /** What the phrases that end here stand for, with their terms. */
  ends?: Phrase<T>[];
}

function gapEdge<T>(at: TrieNode<T>, max: number): TrieNode<T> {
  at.gaps ??= [];
  const found = at.gaps.find((g) => g.max === max);
  if (found) return found.node;
  const node: TrieNode<T> = {};
  at.gaps.push({ max, node });
  return node;
}

function numEdge<T>(at: TrieNode<T>, element: { min: number; max: number }): TrieNode<T> {
  at.nums ??= [];
  const found = at.nums.find((n) => n.min === element.min && n.max === element.max);
  if (found) return found.node;
  const node: TrieNode<T> = {};
  at.nums.push({ min: element.min, max: element.max, node });
  return node;
}

function wordEdge<T>(at: TrieNode<T>, element: { k: "stem" | "raw" | "surface"; v: string }): TrieNode<T> {
  const key = `${element.k === "stem" ? "s" : element.k === "raw" ? "r" : "t"}:${element.v}`;
  at.next ??= new Map();
  const found = at.next.get(key);
  if (found) return found;
  const node: TrieNode<T> = {};
  at.next.set(key, node);
  return node;
}

/** Fillers a phrase may skip between two of its words. */
const MAX_FILLERS = 2;

/**
 * A set of phrases in a trie over their elements, matched against sentences: phrases
 * that share a beginning ("can not breathe", "can not swallow") are walked once.
 */
export class PhraseIndex<T> {
  private readonly root: TrieNode<T> = {};
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
    for (const phrase of phrases) this.insert(phrase);
    this.fuzzy = new Map();
    for (const word of fuzzyWords) {
      const list = this.fuzzy.get(word[0] as string) ?? [];
      list.push({ word, stem: stemOf(word) });
      this.fuzzy.set(word[0] as string, list);
    }
  }

  private insert(phrase: Phrase<T>): void {
    let at = this.root;
    for (const element of phrase.elements) {
      if (element.k === "stem") this.stems.add(element.v);
      at =
        element.k === "gap"
          ? gapEdge(at, element.max)
          : element.k === "num"
            ? numEdge(at, element)
            : wordEdge(at, element);
    }
    // Only the value and the term are kept; the elements live on in the trie's shape.
    at.ends ??= [];
    at.ends.push({ elements: [], value: phrase.value, term: phrase.term });
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

  /** Whether the phrases use this word (by its stem): a word the model reads. */
  knows(token: Token): boolean {
    return this.stems.has(token.stem);
  }

  /** Every match of every phrase in the tokens (overlaps included), each at its shortest. */
  matchAll(tokens: readonly Token[]): PhraseMatch<T>[] {
    const altKeys: (string | undefined)[] = [];
    for (const token of tokens) {
      const alt = this.correct(token);
      altKeys.push(alt && alt !== token.stem ? `s:${alt}` : undefined);
    }
    const walk: Walk<T> = { tokens, altKeys, ends: new Map() };
    const matches: PhraseMatch<T>[] = [];
    for (let i = 0; i < tokens.length; i++) {
      walk.ends.clear();
      this.walk(walk, this.root, i, MAX_FILLERS);
      for (const [phrase, end] of walk.ends) matches.push({ start: i, end, phrase });
    }
    return matches;
  }

  /** Follows every edge the token at `pos` can take out of `at`, noting where phrases end. */
  private walk(w: Walk<T>, at: TrieNode<T>, pos: number, fillersLeft: number): void {
    if (at.ends)
      for (const phrase of at.ends) {
        const known = w.ends.get(phrase);
        if (known === undefined || pos < known) w.ends.set(phrase, pos);
      }
    const token = w.tokens[pos];
    if (!token) return;
    const next = at.next;
    if (next) {
      for (const key of token.keys) {
        const child = next.get(key);
        if (child) this.walk(w, child, pos + 1, MAX_FILLERS);
      }
      const alt = w.altKeys[pos];
      const byAlt = alt ? next.get(alt) : undefined;
      if (byAlt) this.walk(w, byAlt, pos + 1, MAX_FILLERS);
    }
    if (token.kind === "number" && at.nums)
      for (const num of at.nums)
        if (token.value >= num.min && token.value <= num.max) this.walk(w, num.node, pos + 1, MAX_FILLERS);
    if (at.gaps)
      for (const gap of at.gaps) {
        for (let skip = 0; skip <= gap.max && pos + skip < w.tokens.length; skip++) {
          if (skip > 0 && (w.tokens[pos + skip - 1] as Token).kind === "punct") break; // a gap stays inside a clause
          if (this.canStep(w, gap.node, pos + skip)) this.walk(w, gap.node, pos + skip, MAX_FILLERS);
        }
      }
    if (at !== this.root && fillersLeft > 0 && this.fillers.has(token.text) && this.canStep(w, at, pos + 1))
      this.walk(w, at, pos + 1, fillersLeft - 1);
  }

  /** Whether the token at `pos` can take any edge out of `at` (prunes gaps and fillers). */
  private canStep(w: Walk<T>, at: TrieNode<T>, pos: number): boolean {
    const token = w.tokens[pos];
    if (!token) return false;
    if (at.gaps || (at.nums && token.kind === "number")) return true;
    const next = at.next;
    if (!next) return false;
    for (const key of token.keys) if (next.has(key)) return true;
    const alt = w.altKeys[pos];
    return (alt !== undefined && next.has(alt)) || this.fillers.has(token.text);
  }
}
