/**
 * Reads a message as the words the content uses, so the way a person writes a symptom
 * does not change what is found:
 *   - lay phrases and forms from `content/symptom-words.yaml` ("charley horse" -> "leg
 *     cramps", "calves" -> "calf"), matched on stems so "charley horses" counts too;
 *   - misspellings of the symptom words, by edit distance ("tinglling" -> "tingling"), for
 *     words of five letters or more that the content itself never uses (as triage does);
 *   - every word's lemma: its Porter2 stem (wink-porter2-stemmer, through triage's cached
 *     `stemOf`), so "cramping", "cramped" and "cramps" all read "cramp".
 * Punctuation and joining words ("and", "but") are kept as joiners: where a clause ends.
 */
import { distance } from "fastest-levenshtein";
import { stemOf } from "./tokens.js";

export interface Word {
  /** The word as the content writes it ("calf" for "carf", "tingling" for "tinglling"). */
  text: string;
  /** Its lemma, the Porter2 stem ("cramp" for "cramping"). */
  lemma: string;
  /** Punctuation or a joining word: a clause may end here. */
  joiner: boolean;
}

export interface ReadText {
  words: Word[];
  /** The text with lay phrases and misspellings replaced by the content's words; the rest as given. */
  text: string;
}

export interface WordReaderOptions {
  /** Lay phrase or form -> the content's words (`symptom-words.yaml`). */
  says: Readonly<Record<string, string>>;
  /** Words a misspelling may be read as (the symptom terms' words). */
  targets: readonly string[];
  /** Words never read as a misspelling (the content's own vocabulary). */
  known?: ReadonlySet<string>;
}

/** Words that join two clauses ("weak thighs and aching bones", "my legs ache but…"). */
const JOINERS: ReadonlySet<string> = new Set(
  "and but or nor plus also while whilst although though because cause so then yet".split(" "),
);

const TOKEN = /[a-z0-9]+|[,.;:!?()&+/]/g;
/** Shorter words are too often other words ("calm" is one edit from "calf", "score" from "sore"). */
const MIN_TYPO_LENGTH = 6;
/** From this length two edits are allowed, as in triage. */
const TWO_EDITS_FROM = 7;
const CACHE_MAX = 10_000;

/** Each letter's neighbours on a QWERTY keyboard. */
const QWERTY_ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];
const NEIGHBOURS: ReadonlyMap<string, string> = new Map(
  QWERTY_ROWS.flatMap((row, r) =>
    [...row].map((letter, c) => {
      const near = [
        row[c - 1],
        row[c + 1],
        QWERTY_ROWS[r - 1]?.[c],
        QWERTY_ROWS[r - 1]?.[c + 1],
        QWERTY_ROWS[r + 1]?.[c - 1],
        QWERTY_ROWS[r + 1]?.[c],
      ];
      return [letter, near.filter(Boolean).join("")];
    }),
  ),
);

/**
 * Whether `typed` may be a slip for `meant` one edit away. A dropped, doubled or swapped
 * letter always may; a changed letter only for a key next to the right one, since two
 * real words a far key apart are two words ("boxes" is not "bones").
 */
function plausibleSlip(typed: string, meant: string): boolean {
  if (typed.length !== meant.length) return true;
  const differ = [...typed].flatMap((letter, i) => (letter === meant[i] ? [] : [i]));
  if (differ.length !== 1) return true;
  const i = differ[0] as number;
  return NEIGHBOURS.get(meant[i] as string)?.includes(typed[i] as string) ?? false;
}

interface Saying {
  lemmas: string[];
  words: Word[];
}

interface Token {
  word: Word;
  start: number;
  end: number;
}

function wordOf(text: string): Word {
  return {
    text,
    lemma: /^[a-z]/.test(text) ? stemOf(text) : text,
    joiner: !/^[a-z0-9]/.test(text) || JOINERS.has(text),
  };
}

/** The tokens of a normalised text, with where each one is in it. */
function tokensOf(text: string): Token[] {
  return [...text.matchAll(TOKEN)].map((m) => ({
    word: wordOf(m[0]),
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/**
 * Builds the reader once per content load.
 * @example createWordReader({ says: { carf: "calf" }, targets: ["cramps"] }).read("carf crampz").text // "calf cramps"
 */
export function createWordReader(options: WordReaderOptions) {
  const sayings = new Map<string, Saying[]>();
  const sayingWords = new Set<string>();
  for (const [phrase, means] of Object.entries(options.says)) {
    const lemmas = tokensOf(phrase).map((t) => t.word.lemma);
    const words = tokensOf(means).map((t) => t.word);
    const [first] = lemmas;
    if (!first || words.length === 0) continue;
    for (const t of tokensOf(phrase)) sayingWords.add(t.word.text);
    sayings.set(first, [...(sayings.get(first) ?? []), { lemmas, words }]);
  }
  for (const list of sayings.values()) list.sort((a, b) => b.lemmas.length - a.lemmas.length);

  const targets = new Map<string, { text: string; lemma: string }[]>();
  // Grouped by first letter: a misspelling rarely changes it, and it keeps the search short.
  for (const target of new Set(options.targets)) {
    if (target.length < MIN_TYPO_LENGTH - 1) continue;
    const list = targets.get(target[0] as string) ?? [];
    list.push({ text: target, lemma: stemOf(target) });
    targets.set(target[0] as string, list);
  }
  const targetLemmas = new Set([...targets.values()].flat().map((t) => t.lemma));
  const known = options.known ?? new Set<string>();
  const corrections = new Map<string, Word | null>();

  /** The symptom word a misspelling stands for, or undefined. */
  function correct(word: Word): Word | undefined {
    const { text } = word;
    if (word.joiner || text.length < MIN_TYPO_LENGTH || /\d/.test(text)) return undefined;
    if (known.has(text) || sayingWords.has(text) || targetLemmas.has(word.lemma)) return undefined;
    const cached = corrections.get(text);
    if (cached !== undefined) return cached ?? undefined;
    const limit = text.length >= TWO_EDITS_FROM ? 2 : 1;
    let found: Word | null = null;
    for (const target of targets.get(text[0] as string) ?? []) {
      if (Math.abs(target.text.length - text.length) > limit) continue;
      const edits = distance(target.text, text);
      if (edits <= limit && (edits > 1 || plausibleSlip(text, target.text))) {
        found = wordOf(target.text);
        break;
      }
    }
    if (corrections.size >= CACHE_MAX) corrections.clear();
    corrections.set(text, found);
    return found ?? undefined;
  }

  /** The longest saying that starts at token `i`, if any. */
  function sayingAt(tokens: readonly Token[], i: number): Saying | undefined {
    const first = tokens[i]?.word;
    if (!first || first.joiner) return undefined;
    return sayings
      .get(first.lemma)
      ?.find((s) => s.lemmas.every((lemma, k) => tokens[i + k]?.word.lemma === lemma));
  }

  /** Reads an already normalised text (lower case, see normalize.ts). */
  function read(normalized: string): ReadText {
    const tokens = tokensOf(normalized);
    const words: Word[] = [];
    let text = "";
    let copied = 0;
    const replace = (start: number, end: number, by: readonly Word[]) => {
      text += `${normalized.slice(copied, start)}${by.map((w) => w.text).join(" ")}`;
      copied = end;
      words.push(...by);
    };
    for (let i = 0; i < tokens.length; ) {
      const token = tokens[i] as Token;
      const saying = sayingAt(tokens, i);
      if (saying) {
        const last = tokens[i + saying.lemmas.length - 1] as Token;
        replace(token.start, last.end, saying.words);
        i += saying.lemmas.length;
        continue;
      }
      const fixed = correct(token.word);
      if (fixed) replace(token.start, token.end, [fixed]);
      else words.push(token.word);
      i++;
    }
    return { words, text: text + normalized.slice(copied) };
  }

  return { read };
}

export type WordReader = ReturnType<typeof createWordReader>;
