/**
 * Red-flag triage, run before anything reads a person's words. It finds symptom and
 * setting concepts (phrases over stemmed tokens), applies ConText-style modifiers to each
 * mention (negated, hypothetical or general, historical, figure of speech; someone else
 * living it is noted but still counts), then fires the clinical categories whose rules
 * are met by what is left. The decision names the category, its tier and its action.
 */
import type { Category, Concept, Rule, Tier, TriageModel } from "../content/triage-schema.js";
import { addOccurrence, findNear, nearOrder, type Occurrence } from "./near.js";
import type { PhraseMatch } from "./phrases.js";
import {
  clauseScopes,
  clauses,
  hasPunctBetween,
  historyScope,
  inBrackets,
  negationScopes,
  overlaps,
  words,
} from "./scopes.js";
import { readSentences, type Token } from "./tokens.js";
import { BLOCKERS, buildIndex, conceptOf, SCOPED, spellingOf, type Trigger, type Value } from "./triggers.js";

type Modifier = "negated" | "hypothetical" | "historical" | "figurative";

/** One mention of a concept in the message. */
export interface Finding {
  concept: string;
  /** The words, as read. */
  text: string;
  sentence: number;
  /** Why it does not count; empty when it does. */
  cleared: Modifier[];
  /** Someone other than the writer is living it (it still counts). */
  otherPerson: boolean;
}

export interface Decision {
  category: Category;
  tier: Tier;
  /** The rule that set the tier, as its `all` list. */
  rule: Rule;
  /** The action template (with `{emergency}` etc. still in it). */
  action: string;
}

/** A modifier's trigger found in the message ("no", "years ago", "lol"), for explanations. */
export interface TriggerFound {
  kind: string;
  text: string;
  sentence: number;
}

export interface TriageResult {
  /** The category to answer with: emergency before same_day, then content order. */
  decision: Decision | undefined;
  /** Every category that fired, in the same order. */
  fired: Decision[];
  findings: Finding[];
  /** The modifier triggers that were read (empty from `check`). */
  triggers: TriggerFound[];
}
/** How many words before a trigger such as "warning signs" it makes hypothetical. */
const AFTER_REACH = 6;

const TIER_RANK: Record<Tier, number> = { emergency: 0, same_day: 1 };

/**
 * Compiles the model once; `triage(text)` then runs per message.
 * @throws Error when a term is malformed or near-concepts loop (the loader reports these).
 */
export function createTriage(model: TriageModel) {
  const m = model.modifiers;
  const spelling = spellingOf(m);
  const index = buildIndex(model);
  // Rewrites by their first word, so each token looks up only its own.
  const rewrites = new Map<string, { from: string[]; to: string[] }[]>();
  for (const [from, to] of Object.entries(m.rewrite)) {
    const words = from.split(" ");
    const list = rewrites.get(words[0] as string) ?? [];
    list.push({ from: words, to: to.split(" ") });
    rewrites.set(words[0] as string, list);
  }
  const composed = nearOrder(model.concepts).map((id) => {
    const near = model.concepts.get(id)?.near as NonNullable<Concept["near"]>;
    const concept = model.concepts.get(id) as Concept;
    return {
      id,
      window: near.window,
      groups: near.all.map((g) => g.split("|")),
      idiom: concept.idiom && !concept.literal,
    };
  });

  /** One sentence's matches, split by what they are. */
  interface Sentence_ {
    tokens: readonly Token[];
    concepts: PhraseMatch<Value>[];
    /** Trigger matches by kind. */
    triggers: Map<Trigger, PhraseMatch<Value>[]>;
  }
  const NONE: PhraseMatch<Value>[] = [];

  function analyse(
    s: Sentence_,
    n: number,
    findings: Finding[] | undefined,
    active: Set<string>,
    messageGeneral: boolean,
    found?: TriggerFound[],
  ): void {
    const { tokens } = s;
    if (found)
      for (const [kind, list] of s.triggers)
        for (const x of list) found.push({ kind, text: words(tokens, x.start, x.end), sentence: n });
    const triggers = (kind: Trigger) => s.triggers.get(kind) ?? NONE;
    const has = (kind: Trigger) => s.triggers.has(kind);

    const terminators = triggers("terminator");
    const clauseOf = clauses(tokens, terminators);
    const presentClauses = new Set(triggers("present").map((x) => clauseOf[x.start] as number));
    const now = has("now");
    const presentTenseClauses = new Set(triggers("present-tense").map((x) => clauseOf[x.start] as number));
    const historyClauses = historyScope(
      s.concepts,
      clauseOf,
      triggers("history"),
      presentClauses,
      presentTenseClauses,
    );
    // A joke ("lol", "😂") marks its own clause and its neighbours ("couldn't breathe, lol"),
    // or only its own when it sits in brackets ("after my 21st (big weekend lol) my heart…").
    const jokeClauses = new Set(
      triggers("joke").flatMap((x) => {
        const c = clauseOf[x.start] as number;
        return inBrackets(tokens, clauseOf, c) ? [c] : [c - 1, c, c + 1];
      }),
    );
    const otherPerson = has("other-person");
    const hypoAt = clauseScopes(tokens, triggers("hypo-clause"), terminators);
    for (const a of triggers("hypo-after"))
      for (let i = Math.max(0, a.start - AFTER_REACH); i < a.start; i++)
        if (clauseOf[i] === clauseOf[a.start]) hypoAt[i] = true;
    const generalClauses = now
      ? new Set<number>()
      : generalQuestionClauses(tokens, clauseOf, hypoAt, triggers);
    const generalSentence = messageGeneral || (!now && has("hypo-sentence"));
    // Negation reads on across a comma into a list of symptoms, not into a setting.
    const conceptStarts = new Set(
      s.concepts.filter((x) => !(model.concepts.get(conceptOf(x)) as Concept).context).map((x) => x.start),
    );
    const negatedAt = negationScopes(tokens, triggers("neg-before"), terminators, m.window, conceptStarts);
    const negAfter = triggers("neg-after");

    const byConcept = new Map<string, Occurrence[]>();
    const seen = new Set<string>();
    for (const x of s.concepts) {
      const id = conceptOf(x);
      const key = `${id}@${x.start}-${x.end}`;
      if (seen.has(key)) continue; // several terms of one concept on the same words
      seen.add(key);
      const concept = model.concepts.get(id) as Concept;
      const clause = clauseOf[x.start] as number;
      let negated = negatedAt[x.start] === true;
      for (const a of negAfter)
        if (!negated && a.start >= x.end && a.start - x.end <= 2 && !hasPunctBetween(tokens, x.end, a.start))
          negated = true;
      const hypothetical =
        !concept.context && (generalSentence || generalClauses.has(clause) || hypoAt[x.start] === true);
      const historical = !concept.context && historyClauses.has(clause) && !presentClauses.has(clause);
      const figurative = !concept.context && jokeClauses.has(clause) && concept.idiom && !concept.literal;
      const counts = !negated && !hypothetical && !historical && !figurative;
      if (counts) addOccurrence(byConcept, { concept: id, start: x.start, end: x.end });
      if (findings) {
        const cleared: Modifier[] = [];
        if (negated) cleared.push("negated");
        if (hypothetical) cleared.push("hypothetical");
        if (historical) cleared.push("historical");
        if (figurative) cleared.push("figurative");
        findings.push({
          concept: id,
          text: words(tokens, x.start, x.end),
          sentence: n,
          cleared,
          otherPerson,
        });
      }
    }
    for (const near of composed) {
      if (jokeClauses.size > 0 && near.idiom) continue; // "my heart's at 174bpm all day lmao"
      const hit = findNear(byConcept, near.groups, near.window);
      if (!hit) continue;
      addOccurrence(byConcept, { concept: near.id, ...hit });
      findings?.push({
        concept: near.id,
        text: words(tokens, hit.start, hit.end),
        sentence: n,
        cleared: [],
        otherPerson,
      });
    }
    for (const id of byConcept.keys()) active.add(id);
  }

  /**
   * Which matches stand. An idiom or a harmless phrase hides the concept words inside
   * it ("gave me a heart attack"); a pseudo-negation hides only triggers ("not sure").
   * A concept hides the concepts it names in `hides`; a trigger inside a longer concept
   * is part of it ("can not breathe"); of two overlapping scoped triggers the longer
   * stands ("fully recovered" over "recovered").
   */
  function resolve(tokens: readonly Token[], all: readonly PhraseMatch<Value>[]): Sentence_ {
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
      if (!BLOCKERS.has(kind)) {
        if (maxOver(blockerOver, x) >= len) continue;
        if (SCOPED.has(kind) && maxOver(scopedOver, x) > len) continue;
        if (insideLongerConcept(x)) continue;
      }
      const list = triggers.get(kind);
      if (list) list.push(x);
      else triggers.set(kind, [x]);
    }
    return { tokens, concepts, triggers };
  }

  /**
   * Clauses that ask a general question ("can low magnesium cause palpitations"): they
   * start with a question word and put no person in them, apart from impersonal phrases
   * ("should i") and people inside a hypothetical ("if my dad…"). A question word later
   * in the sentence counts only when the sentence ends with "?" ("…, what is rhabdo?"),
   * and an auxiliary ("did", "can") only before a subject or with a "?" ("did a spin
   * class" is a statement).
   */
  function generalQuestionClauses(
    tokens: readonly Token[],
    clauseOf: readonly number[],
    hypoAt: readonly boolean[],
    triggers: (kind: Trigger) => PhraseMatch<Value>[],
  ): Set<number> {
    const openers = triggers("opener");
    const questions = triggers("question");
    const auxiliaries = triggers("auxiliary");
    const subjects = triggers("subject");
    const impersonal = triggers("impersonal");
    const personal = triggers("personal").filter(
      (p) => !hypoAt[p.start] && !impersonal.some((i) => i.start <= p.start && i.end >= p.end),
    );
    const asks = tokens[tokens.length - 1]?.text === "?";
    const general = new Set<number>();
    for (let i = 0; i < tokens.length; i++) {
      if (i > 0 && clauseOf[i] === clauseOf[i - 1]) continue;
      let first = i;
      for (;;) {
        const at = first;
        const opener = openers.find((o) => o.start === at);
        if (opener) first = opener.end;
        else if (tokens[first]?.kind === "punct") first++;
        else break;
      }
      const clause = clauseOf[i] as number;
      if (clause > 0 && !asks) continue;
      const wh = questions.find((q) => q.start === first);
      const aux = auxiliaries.find((q) => q.start === first);
      const isQuestion =
        wh !== undefined || (aux !== undefined && (asks || subjects.some((x) => x.start === aux.end)));
      if (!isQuestion) continue;
      if (personal.some((p) => clauseOf[p.start] === clause)) continue;
      general.add(clause);
    }
    // A question that opens the sentence and puts no person anywhere in it covers all of it
    // ("can a tummy bug lead to that paralysis condition, GBS?").
    if (asks && general.has(0) && personal.length === 0) for (const clause of clauseOf) general.add(clause);
    return general;
  }

  /** A rule with its entries split once: all of `all` (each any of its ids), none of `unless`. */
  const compiled = model.categories.map((category) => ({
    category,
    rules: category.rules.map((rule) => ({
      rule,
      all: rule.all.map((entry) => entry.split("|")),
      unless: rule.unless.map((u) => (Array.isArray(u) ? u : [u]).map((entry) => entry.split("|"))),
    })),
  }));

  function decide(active: ReadonlySet<string>): Decision[] {
    const any = (ids: readonly string[]) => ids.some((id) => active.has(id));
    const fired: Decision[] = [];
    for (const { category, rules } of compiled) {
      let best: Rule | undefined;
      for (const { rule, all, unless } of rules) {
        if (best && TIER_RANK[rule.tier] >= TIER_RANK[best.tier]) continue;
        if (all.every(any) && !unless.some((conjunction) => conjunction.every(any))) best = rule;
      }
      if (best) {
        const action = best.action ?? category.actions[best.tier] ?? "";
        fired.push({ category, tier: best.tier, rule: best, action });
      }
    }
    fired.sort((a, b) => TIER_RANK[a.tier] - TIER_RANK[b.tier]); // stable: content order within a tier
    return fired;
  }

  function activeConcepts(
    message: string,
    findings: Finding[] | undefined,
    found?: TriggerFound[],
  ): Set<string> {
    const active = new Set<string>();
    const sentences = readSentences(message, spelling, rewrites).map((sentence) =>
      resolve(sentence.tokens, index.matchAll(sentence.tokens)),
    );
    // A crossword clue, a quiz or homework makes the whole message general, unless
    // something is happening right now ("…and now all of a sudden he can't lift his arm").
    const messageGeneral =
      sentences.some((s) => s.triggers.has("hypo-message")) && !sentences.some((s) => s.triggers.has("now"));
    for (let n = 0; n < sentences.length; n++) {
      const sentence = sentences[n] as Sentence_;
      // A sentence with no concept in it adds nothing to decide on; only explanations read it.
      if (sentence.concepts.length === 0 && !findings && !found) continue;
      analyse(sentence, n, findings, active, messageGeneral, found);
    }
    return active;
  }

  /** Triage of one message: what was found, what was cleared and why, and the decision. */
  function triage(message: string): TriageResult {
    const findings: Finding[] = [];
    const triggers: TriggerFound[] = [];
    const fired = decide(activeConcepts(message, findings, triggers));
    return { decision: fired[0], fired, findings, triggers };
  }

  /** The decision alone, without the findings (the answer engine's path). */
  function check(message: string): Decision | undefined {
    return decide(activeConcepts(message, undefined))[0];
  }

  return { triage, check };
}
