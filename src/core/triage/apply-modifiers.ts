/**
 * Applying ConText-style modifiers (NegEx/ConText) to each concept mention of a read
 * message: negated, hypothetical or general, historical, figure of speech; someone else
 * living it is noted but still counts. What is left counts, with where it sits, and the
 * near-concepts built from it ("weak" near "legs" near "both").
 */
import type { Concept, TriageModel } from "../content/triage-schema.js";
import type { Trigger, Value } from "../content/triage-triggers.js";
import type { PhraseMatch } from "../text/phrases.js";
import type { Token } from "../text/tokens.js";
import { addOccurrence, findNear, nearOrder, type Occurrence } from "./near.js";
import type { ReadSentence } from "./read-concepts.js";
import {
  clauseScopes,
  clauses,
  hasPunctBetween,
  historyScope,
  inBrackets,
  negationScopes,
  words,
} from "./scopes.js";
import { conceptOf } from "./triggers.js";

type Modifier = "negated" | "hypothetical" | "historical" | "figurative" | "ambient" | "activity";

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

/** A modifier's trigger found in the message ("no", "years ago", "lol"), for explanations. */
export interface TriggerFound {
  kind: string;
  text: string;
  sentence: number;
}

/** Where a counted mention sits: its sentence and clause, and whether it is a sign (not a setting). */
export interface Spot {
  sentence: number;
  clause: number;
  sign: boolean;
}

/** Counted concepts of a message, each with where its mentions sit. */
export type Active = Map<string, Spot[]>;

function addSpot(active: Active, id: string, spot: Spot): void {
  const list = active.get(id);
  if (list) list.push(spot);
  else active.set(id, [spot]);
}

/** How many words before a trigger such as "warning signs" it makes hypothetical. */
const AFTER_REACH = 6;

const NONE: PhraseMatch<Value>[] = [];

/** Units of time, as typed: what makes a number a duration. */
const TIME_UNITS = new Set(
  "h hr hrs hour hours min mins minute minutes day days week weeks month months".split(" "),
);

/** A word between a duration and an activity that makes it a symptom's time ("3 hours after the run"). */
const PLACE_OR_TIME = new Set([
  "after",
  "before",
  "since",
  "at",
  "in",
  "during",
  "from",
  "on",
  "into",
  "post",
  "and",
]);

/**
 * Compiles the near-concepts once; the result then applies the modifiers to a read message.
 * @throws Error when near-concepts refer to each other in a loop.
 */
export function createModifiers(model: TriageModel) {
  const m = model.modifiers;
  const places = new Set(m.readings.places);
  const composed = nearOrder(model.concepts).map((id) => {
    const near = model.concepts.get(id)?.near as NonNullable<Concept["near"]>;
    const concept = model.concepts.get(id) as Concept;
    return {
      id,
      window: near.window,
      groups: near.all.map((g) => g.split("|")),
      idiom: concept.idiom && !concept.literal,
      sign: !concept.context,
    };
  });

  function analyse(
    s: ReadSentence,
    n: number,
    findings: Finding[] | undefined,
    active: Active,
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
    const generalSentence = !now && has("hypo-sentence");
    // Negation reads on across a comma into a list of symptoms, not into a setting.
    const conceptStarts = new Set(
      s.concepts.filter((x) => !(model.concepts.get(conceptOf(x)) as Concept).context).map((x) => x.start),
    );
    const negatedAt = negationScopes(tokens, triggers("neg-before"), terminators, m.window, conceptStarts);
    const negAfter = triggers("neg-after");
    const notTheBody = readingsOf(tokens, clauseOf, triggers);

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
      const reading = notTheBody?.(x, places.has(id));
      const counts = !negated && !hypothetical && !historical && !figurative && reading === undefined;
      if (counts) addOccurrence(byConcept, { concept: id, start: x.start, end: x.end });
      if (findings) {
        const cleared: Modifier[] = [];
        if (negated) cleared.push("negated");
        if (hypothetical) cleared.push("hypothetical");
        if (historical) cleared.push("historical");
        if (figurative) cleared.push("figurative");
        if (reading) cleared.push(reading);
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
      // A sign made of settings ("infected" near "blisters") is still a sign: a general
      // question or a past event that reaches all of it clears it like a sign's own words.
      const first = clauseOf[hit.start] as number;
      const last = clauseOf[hit.end - 1] as number;
      const hypothetical =
        near.sign &&
        (generalSentence ||
          (generalClauses.has(first) && generalClauses.has(last)) ||
          (hypoAt[hit.start] === true && hypoAt[hit.end - 1] === true));
      const historical =
        near.sign && [first, last].every((c) => historyClauses.has(c) && !presentClauses.has(c));
      if (!hypothetical && !historical) addOccurrence(byConcept, { concept: near.id, ...hit });
      const cleared: Modifier[] = [];
      if (hypothetical) cleared.push("hypothetical");
      if (historical) cleared.push("historical");
      findings?.push({
        concept: near.id,
        text: words(tokens, hit.start, hit.end),
        sentence: n,
        cleared,
        otherPerson,
      });
    }
    for (const [id, list] of byConcept) {
      const sign = !(model.concepts.get(id) as Concept).context;
      for (const o of list) addSpot(active, id, { sentence: n, clause: clauseOf[o.start] as number, sign });
    }
  }

  /**
   * Whether a mention is a reading of something else: a temperature near a place or thing
   * ("a room at 40C"; not for `readings.places`: a hot place is still `heat`), or a duration just
   * before an activity ("12hr shifts"). Undefined when the sentence names neither.
   */
  function readingsOf(
    tokens: readonly Token[],
    clauseOf: readonly number[],
    triggers: (kind: Trigger) => PhraseMatch<Value>[],
  ): ((x: PhraseMatch<Value>, place: boolean) => Modifier | undefined) | undefined {
    const ambient = triggers("ambient");
    const activity = triggers("activity");
    if (ambient.length === 0 && activity.length === 0) return undefined;
    const guards = [...triggers("body"), ...triggers("personal")];
    /** A number straight followed by a unit of time ("12 hr", "3 hours"): a duration, not a reading. */
    const isDuration = (x: PhraseMatch<Value>) => {
      for (let i = x.start; i < x.end - 1; i++)
        if (tokens[i]?.kind === "number" && TIME_UNITS.has((tokens[i + 1] as Token).text)) return true;
      return false;
    };
    const hasNumber = (x: PhraseMatch<Value>) => {
      for (let i = x.start; i < x.end; i++) if (tokens[i]?.kind === "number") return true;
      return false;
    };
    return (x, place) => {
      if (!hasNumber(x)) return undefined;
      const clause = clauseOf[x.start];
      if (
        !place &&
        ambient.some((a) => {
          if (clauseOf[a.start] !== clause) return false;
          const [from, to] = a.end <= x.start ? [a.end, x.end] : [x.start, a.start];
          return (
            to - from <= m.readings.reach + (x.end - x.start) &&
            !guards.some((g) => g.start >= from && g.start < to)
          );
        })
      )
        return "ambient";
      const next = tokens[x.end];
      if (
        isDuration(x) &&
        activity.some(
          (a) =>
            a.start === x.end ||
            (a.start === x.end + 1 && next?.kind === "word" && !PLACE_OR_TIME.has(next.text)),
        )
      )
        return "activity";
      return undefined;
    };
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

  /**
   * The concepts that count in a read message, with where they sit; fills `findings` and
   * `found` for explanations when given.
   */
  return function countedConcepts(
    sentences: readonly ReadSentence[],
    findings: Finding[] | undefined,
    found?: TriggerFound[],
  ): Active {
    const active: Active = new Map();
    for (let n = 0; n < sentences.length; n++) {
      const sentence = sentences[n] as ReadSentence;
      // A sentence with no concept in it adds nothing to decide on; only explanations read it.
      if (sentence.concepts.length === 0 && !findings && !found) continue;
      analyse(sentence, n, findings, active, found);
    }
    return active;
  };
}
