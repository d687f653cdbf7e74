/**
 * Near-concepts: a concept made of others found within a few words of each other
 * ("weak" near "legs" near "both"), and the order to compose them in.
 */
import type { Concept } from "../content/triage-schema.js";
import { overlaps } from "./scopes.js";

/** One counted mention of a concept, as a span of tokens. */
export interface Occurrence {
  concept: string;
  start: number;
  end: number;
}

/** Orders concept ids so that each `near` concept comes after the concepts it is built from. */
export function nearOrder(concepts: ReadonlyMap<string, Concept>): string[] {
  const order: string[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (id: string, path: string[]) => {
    if (state.get(id) === "done") return;
    if (state.get(id) === "visiting")
      throw new Error(`concepts refer to each other in a loop: ${path.join(" -> ")}`);
    state.set(id, "visiting");
    for (const group of concepts.get(id)?.near?.all ?? [])
      for (const part of group.split("|")) visit(part, [...path, part]);
    state.set(id, "done");
    if (concepts.get(id)?.near) order.push(id);
  };
  for (const id of concepts.keys()) visit(id, [id]);
  return order;
}

export function addOccurrence(byConcept: Map<string, Occurrence[]>, occurrence: Occurrence): void {
  const list = byConcept.get(occurrence.concept);
  if (list) list.push(occurrence);
  else byConcept.set(occurrence.concept, [occurrence]);
}

/**
 * The span of one occurrence from each group, each within `window` words of the first
 * and not sharing its words ("getting weaker" is not both weakness and its spreading).
 */
export function findNear(
  byConcept: ReadonlyMap<string, readonly Occurrence[]>,
  groups: readonly (readonly string[])[],
  window: number,
): { start: number; end: number } | undefined {
  // Most messages hold none of most groups: leave before allocating anything.
  for (const group of groups) if (!group.some((id) => byConcept.has(id))) return undefined;
  const head = groups[0] as readonly string[];
  for (const id of head) {
    for (const anchor of byConcept.get(id) ?? NO_OCCURRENCES) {
      let start = anchor.start;
      let end = anchor.end;
      let ok = true;
      for (let g = 1; g < groups.length && ok; g++) {
        const partner = partnerOf(byConcept, groups[g] as readonly string[], anchor, window);
        if (partner) {
          start = Math.min(start, partner.start);
          end = Math.max(end, partner.end);
        } else ok = false;
      }
      if (ok) return { start, end };
    }
  }
  return undefined;
}

const NO_OCCURRENCES: readonly Occurrence[] = [];

/** The first occurrence of any of `group`'s concepts within `window` words of `anchor`, not overlapping it. */
function partnerOf(
  byConcept: ReadonlyMap<string, readonly Occurrence[]>,
  group: readonly string[],
  anchor: Occurrence,
  window: number,
): Occurrence | undefined {
  for (const other of group)
    for (const o of byConcept.get(other) ?? NO_OCCURRENCES)
      if (!overlaps(o, anchor) && Math.abs(o.start - anchor.start) <= window) return o;
  return undefined;
}
