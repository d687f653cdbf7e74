/**
 * How far a modifier reaches within one sentence: clauses, negation windows, clause-long
 * triggers and history. Positions are token indexes; spans are [start, end).
 */
import type { Token } from "../text/tokens.js";

/** A run of tokens: [start, end). */
export interface Span {
  start: number;
  end: number;
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** The words as typed; a word read as several ("couldn't" -> "can not") shows once. */
export function words(tokens: readonly Token[], start: number, end: number): string {
  const raw: string[] = [];
  for (let i = start; i < end; i++) {
    const r = (tokens[i] as Token).raw;
    if (raw[raw.length - 1] !== r) raw.push(r);
  }
  return raw.join(" ");
}

export function hasPunctBetween(tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (tokens[i]?.kind === "punct") return true;
  return false;
}

/**
 * Which token positions a negation reaches: up to `window` words after each trigger,
 * stopping at a terminator. A trigger followed straight by punctuation ("no, it's…") is
 * an answer word, not a negation.
 */
export function negationScopes(
  tokens: readonly Token[],
  triggers: readonly Span[],
  terminators: readonly Span[],
  window: number,
  conceptStarts: ReadonlySet<number>,
): boolean[] {
  const scope: boolean[] = new Array(tokens.length).fill(false);
  for (const t of triggers) {
    if (tokens[t.end]?.kind === "punct") continue;
    for (let i = t.end; i < tokens.length && i < t.end + window; i++) {
      if (terminators.some((x) => x.start === i)) break;
      const token = tokens[i] as Token;
      if (token.text === "." || token.text === "!" || token.text === "?") break;
      // A list goes on after a comma ("no fever, chills or rash"); a new clause does not.
      if (token.kind === "punct" && !conceptStarts.has(i + 1)) break;
      scope[i] = true;
    }
  }
  return scope;
}

/**
 * The clauses a history trigger reaches: its own; when its own holds no concept, the one
 * before it ("I had a DVT, years ago"); and the clauses after it ("I had rhabdo in
 * 2021, CK over 40k, kidneys fine") until one is in the present ("…, my calf is swollen").
 */
export function historyScope(
  concepts: readonly Span[],
  clauseOf: readonly number[],
  history: readonly Span[],
  presentClauses: ReadonlySet<number>,
  presentTenseClauses: ReadonlySet<number>,
): Set<number> {
  const withConcept = new Set(concepts.map((x) => clauseOf[x.start]));
  const last = clauseOf[clauseOf.length - 1] ?? 0;
  const scope = new Set<number>();
  for (const h of history) {
    const clause = clauseOf[h.start] as number;
    scope.add(clause);
    if (!withConcept.has(clause)) scope.add(clause - 1);
    // A past setting told in a present clause ("home from rehab and it's been racing for
    // 40 mins, dizzy…") opens a present story: the clauses after it are now, not history.
    if (presentClauses.has(clause)) continue;
    for (let next = clause + 1; next <= last; next++) {
      if (presentClauses.has(next) || presentTenseClauses.has(next)) break;
      scope.add(next);
    }
  }
  return scope;
}

/** True when clause `c` is an aside in brackets: "(" just before it and ")" at its end. */
export function inBrackets(tokens: readonly Token[], clauseOf: readonly number[], c: number): boolean {
  const first = clauseOf.indexOf(c);
  const last = clauseOf.lastIndexOf(c);
  return tokens[first - 1]?.text === "(" && tokens[last]?.text === ")";
}

/** Clause number of each token: clauses end at punctuation and start at a terminator ("but"). */
export function clauses(tokens: readonly Token[], terminators: readonly Span[]): number[] {
  const out: number[] = [];
  let clause = 0;
  tokens.forEach((token, i) => {
    if (i > 0 && terminators.some((t) => t.start === i)) clause++;
    out.push(clause);
    if (token.kind === "punct") clause++;
  });
  return out;
}

/** Which positions a clause trigger ("if", "signs of") reaches: to the clause's end. */
export function clauseScopes(
  tokens: readonly Token[],
  triggers: readonly Span[],
  terminators: readonly Span[],
): boolean[] {
  const scope: boolean[] = new Array(tokens.length).fill(false);
  for (const t of triggers) {
    for (let i = t.end; i < tokens.length; i++) {
      if (tokens[i]?.kind === "punct" || terminators.some((x) => x.start === i)) break;
      scope[i] = true;
    }
  }
  return scope;
}
