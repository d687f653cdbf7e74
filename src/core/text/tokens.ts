/**
 * A message as sentences of tokens: wink-tokenizer splits the words, contractions are
 * spelled out ("can't" -> "can not"), chat spellings are mapped ("im" -> "i am"), and
 * every word carries its Porter2 stem (wink-porter2-stemmer), so "drooping", "drooped"
 * and "droop" meet on one form. The same function reads the content's terms, so a term
 * and a message always agree on how a word is stemmed.
 */

import stem from "wink-porter2-stemmer";
import createTokenizer from "wink-tokenizer";

type TokenKind = "word" | "number" | "punct" | "other";

export interface Token {
  /** Lower-cased surface form ("drooping"). */
  text: string;
  /** As typed, for case-sensitive terms such as `=MG`. */
  raw: string;
  /** Porter2 stem of `text` ("droop"); the text itself for numbers and punctuation. */
  stem: string;
  kind: TokenKind;
  /** Numeric value of a number token ("50,000" -> 50000); NaN otherwise. */
  value: number;
  /** The phrase index's lookup keys for this token: by stem (words), exact word, exact case. */
  keys: readonly string[];
}

export interface Sentence {
  tokens: Token[];
}

/** A word sequence read as another: "could not" -> "can not". */
export interface Rewrite {
  from: readonly string[];
  to: readonly string[];
}

/** Applies the rewrites, left to right, to the words' lower-case forms. */
function rewrite(tokens: Token[], rewrites: ReadonlyMap<string, readonly Rewrite[]>): Token[] {
  if (rewrites.size === 0) return tokens;
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; ) {
    const r = rewrites
      .get((tokens[i] as Token).text)
      ?.find((x) => x.from.every((word, k) => tokens[i + k]?.text === word));
    if (!r) {
      out.push(tokens[i] as Token);
      i++;
      continue;
    }
    const raw = [...new Set(tokens.slice(i, i + r.from.length).map((t) => t.raw))].join(" ");
    for (const word of r.to) out.push(makeToken(word, raw, "word"));
    i += r.from.length;
  }
  return out;
}

const tokenizer = createTokenizer();
/** A duration wink reads as one time token ("2 hours"); a time of day ("2pm") stays unread. */
const DURATION = /^(\d+(?:\.\d+)?)\s*(hours?|hrs?|h|minutes?|mins?|seconds?|secs?)$/;
// Hashtags and mentions are words here ("#help", "@dave" -> "help", "dave").
// Emoji are read as single characters below (wink's emoji pattern is the costliest part of it).
// A quoted phrase is read word by word: wink would keep `"chest feels tight"` as one token,
// and what someone texted or said, quoted, is often the very symptom.
tokenizer.defineConfig({
  hashtag: false,
  mention: false,
  email: false,
  url: true,
  emoji: false,
  quoted_phrase: false,
});

/** Contraction pieces wink-tokenizer leaves: "ca" + "n't". */
const PIECES: Record<string, string> = {
  "n't": "not",
  "'m": "am",
  "'re": "are",
  "'ve": "have",
  "'ll": "will",
  "'d": "would",
  ca: "can",
  wo: "will",
  sha: "shall",
};

const stems = new Map<string, string>();
const STEM_CACHE_MAX = 20_000;

/** The Porter2 stem of a lower-case word, cached (messages repeat their words). */
export function stemOf(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    s = stem(word);
    if (stems.size >= STEM_CACHE_MAX) stems.clear();
    stems.set(word, s);
  }
  return s;
}

function fold(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, "");
}

/** Words whose "'s" means "is" ("she's confused"); after other words it is a possessive. */
const IS_AFTER = new Set([
  "he",
  "she",
  "it",
  "that",
  "there",
  "what",
  "who",
  "where",
  "here",
  "how",
  "everything",
]);

/** Counting words read as numbers ("six minutes" is "6 minutes"); "one" stays a word ("one side"). */
const NUMBER_WORDS = new Map(
  [
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty",
  ]
    .flatMap((list) => list.split(" "))
    .map((word, i) => [word, i + 2] as const)
    .concat([
      ["thirty", 30],
      ["forty", 40],
      ["fifty", 50],
      ["sixty", 60],
    ]),
);

/** Whether a word is read as a number ("two" -> 2), so a term written with it matches either spelling. */
export function isNumberWord(word: string): boolean {
  return NUMBER_WORDS.has(word);
}

/** Splits on line breaks and on ., ! or ? followed by a space or the end. */
const SENTENCE_END = /\n+|(?<=[.!?])\s+|[;]+/;

/** Punctuation kept as a token: it ends a clause ("no fever, but my chest hurts"). */
const CLAUSE_PUNCT = new Set([",", ":", "…", ".", "!", "?", "(", ")"]);

/** Tokens tagged as words or numbers by wink; the rest is punctuation or other. */
function kindOf(tag: string): TokenKind {
  if (tag === "word") return "word";
  if (tag === "number" || tag === "ordinal") return "number";
  if (tag === "punctuation") return "punct";
  return "other";
}

const wordTokens = new Map<string, Token>();

/** A token; words are shared between messages (they never change), so a word is built once. */
function makeToken(text: string, raw: string, kind: TokenKind): Token {
  if (kind === "word") {
    const id = text === raw ? text : `${text}\u0000${raw}`;
    let token = wordTokens.get(id);
    if (!token) {
      const stem = stemOf(text);
      token = { text, raw, stem, kind, value: Number.NaN, keys: [`s:${stem}`, `t:${text}`, `r:${raw}`] };
      if (wordTokens.size >= STEM_CACHE_MAX) wordTokens.clear();
      wordTokens.set(id, token);
    }
    return token;
  }
  const value = kind === "number" ? Number(text.replace(/,/g, "")) : Number.NaN;
  return { text, raw, stem: text, kind, value, keys: [`t:${text}`, `r:${raw}`] };
}

/**
 * Reads a message into sentences of tokens.
 * @param spelling chat spellings to expand, word -> words ("im" -> ["i", "am"])
 */
export function readSentences(
  message: string,
  spelling: ReadonlyMap<string, readonly string[]>,
  rewrites: ReadonlyMap<string, readonly Rewrite[]> = new Map(),
): Sentence[] {
  const sentences: Sentence[] = [];
  for (const part of fold(message).split(SENTENCE_END)) {
    const trimmed = part.trim();
    if (trimmed === "") continue;
    const tokens: Token[] = [];
    for (const t of tokenizer.tokenize(trimmed)) {
      const kind = kindOf(t.tag);
      const lower = t.value.toLowerCase();
      if (kind === "word" || lower.startsWith("'")) {
        if (lower === "'s" && IS_AFTER.has(tokens[tokens.length - 1]?.text ?? "")) {
          tokens.push(makeToken("is", t.value, "word")); // "she's" is "she is"
          continue;
        }
        if (lower === "'s" || lower === "s'" || lower === "'") continue; // possessive or stray quote
        const piece = Object.hasOwn(PIECES, lower) ? PIECES[lower] : undefined;
        if (piece) {
          tokens.push(makeToken(piece, t.value, "word"));
          continue;
        }
        const word = lower.replace(/'/g, "");
        const expanded = spelling.get(word);
        if (expanded) {
          for (const part of expanded) tokens.push(makeToken(part, t.value, "word"));
          continue;
        }
        const count = NUMBER_WORDS.get(word);
        if (count !== undefined) {
          tokens.push({ ...makeToken(String(count), t.value, "number"), value: count });
          continue;
        }
        tokens.push(makeToken(word, t.value, "word"));
        continue;
      }
      // wink reads "2 hours" or "3 hrs" as one time token: a number and its unit, as words.
      if (t.tag === "time") {
        const duration = DURATION.exec(lower);
        if (duration) {
          // It splits "36 hours" as "3" and "6 hours": digits straight before are the same number.
          const before = tokens[tokens.length - 1];
          let digits = duration[1] as string;
          if (before?.kind === "number" && /^\d+$/.test(before.text)) {
            tokens.pop();
            digits = `${before.text}${digits}`;
          }
          tokens.push(makeToken(digits, t.value, "number"));
          tokens.push(makeToken(duration[2] as string, t.value, "word"));
        }
        continue;
      }
      if (lower === "&" || lower === "+") {
        tokens.push(makeToken("and", t.value, "word"));
        continue;
      }
      // Hyphens, slashes, brackets and quotes join or wrap words; they end no clause.
      if (t.tag === "alien") {
        // Emoji and other symbols, one character at a time ("😂😂" is two): jokes are read from them.
        for (const char of t.value)
          if (/\p{Extended_Pictographic}/u.test(char)) tokens.push(makeToken(char, char, "other"));
        continue;
      }
      if (kind === "other" && t.tag !== "emoticon") continue;
      if (kind === "punct" && !CLAUSE_PUNCT.has(lower)) continue;
      tokens.push(makeToken(lower === "…" ? "," : lower, t.value, kind));
    }
    if (tokens.length > 0) sentences.push({ tokens: rewrite(tokens, rewrites) });
  }
  return sentences;
}
