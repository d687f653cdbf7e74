/**
 * Recognises the covered nutrients in free text, by id, name, alias or a near
 * misspelling of one ("magnesum", "calcuim", "colecalciferol").
 */
import { distance } from "fastest-levenshtein";
import type { Nutrient, NutrientId } from "../content/schema.js";
import { normalize, tokenize } from "../text/normalize.js";

/** A mention found in text: which nutrient, and where (for "most relevant first"). */
export interface NutrientMention {
  id: NutrientId;
  index: number;
}

interface AliasPattern {
  id: NutrientId;
  /** The name as the regex needs it literally: a cheap test before the regex. */
  needle: string;
  regex: RegExp;
}

interface FuzzyTerm {
  id: NutrientId;
  term: string;
}

/** Aliases this short, without a digit, only count as the whole input ("d", "mg"); "d3" counts anywhere. */
const SHORT_ALIAS_MAX = 2;
const MIN_FUZZY_LENGTH = 5;
/**
 * Words of multi-word aliases that say what form a nutrient comes in or are everyday words
 * ("calcium supplements", "cod liver oil", "omega-3 fatty acids"): alone they name no
 * nutrient, so "a supplement for muscle" or "liver disease" must not read as one.
 */
const FORM_WORDS = new Set(
  "supplement supplements dietary tablets capsules liver fatty acids oxide chloride sulfate sulphate acetate citrate carbonate malate".split(
    " ",
  ),
);
const AMBIGUOUS = Symbol("ambiguous");
/**
 * Least length of a nutrient's one-word name clipped in a product name ("Magne B6", "Calci-D"):
 * shorter cuts ("mag", "cal") are everyday words or aliases of their own.
 */
const MIN_CLIPPED_NAME = 5;
/** Least length of a name of several words read with a slip ("fish oil"). */
const MIN_FUZZY_PHRASE_LENGTH = 7;

/**
 * Whether a name of several words may be read with a slip: not one with "vitamin" (one letter
 * turns "vitamin d" into "vitamin a"), nor one with a digit, and long enough.
 */
function isFuzzyPhrase(tokens: readonly string[]): boolean {
  const phrase = tokens.join(" ");
  return (
    tokens.length > 1 &&
    phrase.length >= MIN_FUZZY_PHRASE_LENGTH &&
    !/\d/.test(phrase) &&
    !tokens.includes("vitamin")
  );
}

/**
 * A one- or two-letter alias ("d", "mg") counts inside a sentence only next to a word
 * that makes it a nutrient ("low d", "mg upper limit"), and never right after a number
 * ("400 mg" is a unit).
 */
function shortAliasInContext(alias: string): RegExp {
  const before = "(?:of|some|more|less|extra|low|high|enough|take|taking|my|your|and|or|with|vitamin)";
  const after =
    "(?:levels?|deficien\\w*|supplements?|pills?|drops?|tablets?|intake|doses?|tests?|upper|rda|ul|foods?)";
  const a = escapeRegex(alias);
  return new RegExp(`(?<![\\d.,]\\s?)(?:\\b${before}\\s+${a}\\b|\\b${a}\\s+${after}\\b)`, "g");
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Builds the matcher once per content load; `find` and `resolve` are then pure lookups. */
export function createNutrientMatcher(nutrients: readonly Nutrient[]) {
  const patterns: AliasPattern[] = [];
  const shortAliases = new Map<string, NutrientId>();
  /** Every id, name and alias as typed (normalised): a command argument is usually one of these. */
  const exact = new Map<string, NutrientId | typeof AMBIGUOUS>();
  const fuzzyTerms: FuzzyTerm[] = [];
  const fuzzyPhrases: FuzzyTerm[] = [];
  /** Each nutrient's name when it is one word ("magnesium", "calcium"), which products clip. */
  const oneWordNames: FuzzyTerm[] = [];
  for (const nutrient of nutrients) {
    const name = normalize(nutrient.name);
    if (/^[a-z]+$/.test(name)) oneWordNames.push({ id: nutrient.id, term: name });
    const names = new Set([nutrient.id, nutrient.name, ...nutrient.aliases].map(normalize));
    names.add(normalize(nutrient.id.replace(/-/g, " ")));
    for (const name of names) {
      // A name two nutrients share names neither on its own: `find` reports both.
      const other = exact.get(name);
      exact.set(name, other && other !== nutrient.id ? AMBIGUOUS : nutrient.id);
      if (name.length <= SHORT_ALIAS_MAX && !/\d/.test(name)) {
        shortAliases.set(name, nutrient.id);
        patterns.push({ id: nutrient.id, needle: name, regex: shortAliasInContext(name) });
        continue;
      }
      patterns.push({ id: nutrient.id, needle: name, regex: new RegExp(`\\b${escapeRegex(name)}\\b`, "g") });
      const tokens = tokenize(name);
      for (const token of tokens) {
        if (token.length >= MIN_FUZZY_LENGTH && token !== "vitamin" && !FORM_WORDS.has(token))
          fuzzyTerms.push({ id: nutrient.id, term: token });
      }
      if (isFuzzyPhrase(tokens)) fuzzyPhrases.push({ id: nutrient.id, term: tokens.join(" ") });
    }
  }
  // A word two nutrients' aliases share ("alpha" in alpha-tocopherol and alpha-linolenic) names neither.
  const owners = new Map<string, Set<NutrientId>>();
  for (const { id, term } of fuzzyTerms) owners.set(term, (owners.get(term) ?? new Set()).add(id));
  const sharedTerms = new Set([...owners].filter(([, ids]) => ids.size > 1).map(([term]) => term));
  fuzzyTerms.splice(0, fuzzyTerms.length, ...fuzzyTerms.filter((t) => !sharedTerms.has(t.term)));
  const phraseLengths = [...new Set(fuzzyPhrases.map((p) => p.term.split(" ").length))];

  const longestFirst = patterns
    .filter((p) => !shortAliases.has(p.needle))
    .sort((a, b) => b.needle.length - a.needle.length);

  /** Every covered nutrient mentioned in `text`, most relevant (earliest) first, without repeats. */
  function find(text: string): NutrientId[] {
    const normalized = normalize(text);
    const whole = shortAliases.get(normalized.replace(/[?!.]+$/, ""));
    if (whole) return [whole];
    const mentions: NutrientMention[] = [];
    for (const { id, needle, regex } of patterns) {
      if (!normalized.includes(needle)) continue;
      for (const match of normalized.matchAll(regex)) mentions.push({ id, index: match.index ?? 0 });
    }
    if (mentions.length === 0) mentions.push(...fuzzyMentions(normalized));
    mentions.sort((a, b) => a.index - b.index);
    return [...new Set(mentions.map((m) => m.id))];
  }

  function fuzzyMentions(normalized: string): NutrientMention[] {
    const mentions: NutrientMention[] = [];
    let offset = 0;
    for (const token of tokenize(normalized)) {
      const index = normalized.indexOf(token, offset);
      offset = index + token.length;
      if (token.length < MIN_FUZZY_LENGTH) continue;
      // A name clipped in a product sold abroad ("magne b6" is magnesium with vitamin B6).
      const clipped = oneWordNames.find((n) => n.term.length > token.length && n.term.startsWith(token));
      if (token.length >= MIN_CLIPPED_NAME && clipped) {
        mentions.push({ id: clipped.id, index });
        continue;
      }
      const allowed = token.length >= 7 ? 2 : 1;
      let best: FuzzyTerm | undefined;
      let bestDistance = allowed + 1;
      for (const candidate of fuzzyTerms) {
        if (Math.abs(candidate.term.length - token.length) > allowed) continue;
        const d = distance(token, candidate.term);
        if (d < bestDistance) {
          best = candidate;
          bestDistance = d;
        }
      }
      if (best) mentions.push({ id: best.id, index });
    }
    return mentions.length > 0 ? mentions : phraseSlips(normalized);
  }

  /**
   * Names of several words typed with one letter wrong, missing or extra ("fsh oil"), the
   * first letter right: a short word of such a name is too short to be matched alone.
   */
  function phraseSlips(normalized: string): NutrientMention[] {
    const tokens = tokenize(normalized);
    const mentions: NutrientMention[] = [];
    for (const size of phraseLengths) {
      for (let at = 0; at + size <= tokens.length; at++) {
        const window = tokens.slice(at, at + size).join(" ");
        const found = fuzzyPhrases.find(
          (p) =>
            p.term[0] === window[0] &&
            Math.abs(p.term.length - window.length) <= 1 &&
            distance(p.term, window) === 1,
        );
        if (found) mentions.push({ id: found.id, index: normalized.indexOf(window) });
      }
    }
    return mentions;
  }

  /**
   * `text` (normalised) with every name or alias of three letters or more replaced by
   * `placeholder`, longest first ("vitamin d3" before "vitamin d"), so what surrounds a
   * mention can be read apart from it. Short aliases and misspellings stay as they are.
   * @example mask("the b12 team", "§") === "the § team"
   */
  function mask(text: string, placeholder: string): string {
    let masked = text;
    for (const { needle, regex } of longestFirst) {
      if (masked.includes(needle)) masked = masked.replace(regex, placeholder);
    }
    return masked;
  }

  /** The single nutrient a command argument names, or undefined when none or several fit. */
  function resolve(argument: string): NutrientId | undefined {
    const named = exact.get(normalize(argument));
    if (named === AMBIGUOUS) return undefined;
    if (named) return named;
    const found = find(argument);
    return found.length === 1 ? found[0] : undefined;
  }

  return { find, resolve, mask };
}

export type NutrientMatcher = ReturnType<typeof createNutrientMatcher>;
