/**
 * Reads `content/safety/`, the red-flag model: shared concepts, modifiers and categories,
 * linked into one concept map, with every term, concept reference and source checked.
 */
import { compileTerm } from "../text/phrases.js";
import { checkSourceRefs, type IssueCollector, readFile } from "./read-files.js";
import type { Source } from "./schema.js";
import {
  type Category,
  CategoryFileSchema,
  type Concept,
  ConceptFileSchema,
  type Modifiers,
  ModifiersSchema,
  type TriageModel,
} from "./triage-schema.js";
import { modifierLists } from "./triage-triggers.js";

/** Reads `safety/`: the shared concepts, the modifiers and the categories, and links them. */
export function readTriage(
  dir: string,
  sources: ReadonlyMap<string, Source>,
  issues: IssueCollector,
): TriageModel | undefined {
  const shared = readFile(dir, "safety/concepts.yaml", ConceptFileSchema, issues);
  const modifiers = readFile(dir, "safety/modifiers.yaml", ModifiersSchema, issues);
  const categories = readFile(dir, "safety/categories.yaml", CategoryFileSchema, issues);
  if (!shared || !modifiers || !categories) return undefined;
  const concepts = new Map<string, Concept>(Object.entries(shared.concepts));
  const seen = new Set<string>();
  categories.forEach((category, i) => {
    const at = (path: string) => `[${i}].${path}`;
    if (seen.has(category.id))
      issues.add("safety/categories.yaml", at("id"), `duplicate id "${category.id}"`);
    seen.add(category.id);
    for (const [id, concept] of Object.entries(category.concepts)) {
      if (concepts.has(id))
        issues.add("safety/categories.yaml", at(`concepts.${id}`), `concept "${id}" is defined twice`);
      concepts.set(id, concept);
    }
  });
  checkConceptRefs(concepts, categories, issues);
  modifiers.readings.places.forEach((id, i) => {
    if (!concepts.has(id))
      issues.add("safety/modifiers.yaml", `readings.places[${i}]`, `unknown concept "${id}"`);
  });
  checkTerms(shared.concepts, modifiers, categories, issues);
  categories.forEach((category, i) => {
    checkSourceRefs("safety/categories.yaml", { sources: category.sources }, sources, issues, [i]);
  });
  return { modifiers, fuzzy: shared.fuzzy, concepts, categories };
}

/** Every term compiles (a gap may not open or close a term, `#N` needs a number…). */
function checkTerms(
  shared: Record<string, Concept>,
  modifiers: Modifiers,
  categories: readonly Category[],
  issues: IssueCollector,
): void {
  const check = (file: string, path: string, terms: readonly string[]) => {
    terms.forEach((term, i) => {
      try {
        compileTerm(term, null);
      } catch (error) {
        issues.add(file, `${path}[${i}]`, error instanceof Error ? error.message : String(error));
      }
    });
  };
  for (const [id, concept] of Object.entries(shared))
    check("safety/concepts.yaml", `concepts.${id}.terms`, concept.terms);
  categories.forEach((category, i) => {
    for (const [id, concept] of Object.entries(category.concepts))
      check("safety/categories.yaml", `[${i}].concepts.${id}.terms`, concept.terms);
  });
  for (const { path, terms } of modifierLists(modifiers)) check("safety/modifiers.yaml", path, terms);
}

/** Every concept id a `near`, a `hides`, a rule or an `unless` names must exist. */
function checkConceptRefs(
  concepts: ReadonlyMap<string, Concept>,
  categories: readonly Category[],
  issues: IssueCollector,
): void {
  const check = (file: string, path: string, entry: string) => {
    for (const id of entry.split("|"))
      if (!concepts.has(id))
        issues.add(file, path, `unknown concept "${id}" (define it in concepts.yaml or the category)`);
  };
  for (const [id, concept] of concepts) {
    concept.near?.all.forEach((entry, j) => {
      check("safety", `concepts.${id}.near.all[${j}]`, entry);
    });
    concept.hides.forEach((entry, j) => {
      check("safety", `concepts.${id}.hides[${j}]`, entry);
    });
  }
  categories.forEach((category, i) => {
    category.rules.forEach((rule, r) => {
      const at = `[${i}].rules[${r}]`;
      rule.all.forEach((entry, j) => {
        check("safety/categories.yaml", `${at}.all[${j}]`, entry);
      });
      rule.unless.forEach((entry, j) => {
        for (const part of Array.isArray(entry) ? entry : [entry])
          check("safety/categories.yaml", `${at}.unless[${j}]`, part);
      });
    });
  });
}
