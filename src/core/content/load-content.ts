/**
 * Reads `content/`, validates every file with zod and checks the links between files
 * (source ids, nutrient coverage, unique ids). Collects every problem before failing,
 * each naming the file, the path inside it and what is wrong.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { load, YAMLException } from "js-yaml";
import type { z } from "zod";
import { ContentError, type ContentIssue } from "../../errors.js";
import { compileTerm } from "../triage/phrases.js";
import {
  ChallengeFileSchema,
  type ChallengeTemplate,
  type FaqEntry,
  FaqFileSchema,
  NUTRIENT_IDS,
  type Nutrient,
  type NutrientId,
  NutrientSchema,
  type Safety,
  SafetySchema,
  type Source,
  SourceFileSchema,
  type Tip,
  TipFileSchema,
} from "./schema.js";
import {
  type Category,
  CategoryFileSchema,
  type Concept,
  ConceptFileSchema,
  type Modifiers,
  ModifiersSchema,
  type TriageModel,
} from "./triage-schema.js";

/** Minimum sizes the product promises (three months of tips, a real FAQ). */
export const CONTENT_MINIMUMS = { faq: 30, tips: 90, challenges: 5 } as const;

/** Everything in `content/`, validated and linked. */
export interface Content {
  sources: ReadonlyMap<string, Source>;
  /** In the fixed order of NUTRIENT_IDS. */
  nutrients: readonly Nutrient[];
  faq: readonly FaqEntry[];
  tips: readonly Tip[];
  challenges: readonly ChallengeTemplate[];
  safety: Safety;
  /** The red-flag model in `safety/`: concepts, modifiers and categories. */
  triage: TriageModel;
}

/** Formats a zod issue path as `foods[2].amount`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === "number" ? `[${key}]` : `${i === 0 ? "" : "."}${String(key)}`))
    .join("");
}

class IssueCollector {
  readonly issues: ContentIssue[] = [];
  add(file: string, path: string, message: string): void {
    this.issues.push({ file, path, message });
  }
}

function yamlFiles(dir: string, sub: string, issues: IssueCollector): string[] {
  try {
    return readdirSync(join(dir, sub))
      .filter((name) => name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"))
      .sort()
      .map((name) => `${sub}/${name}`);
  } catch {
    issues.add(sub, "", "directory is missing");
    return [];
  }
}

/** Parses one file and validates it; returns undefined (with issues noted) when invalid. */
function readFile<T>(dir: string, file: string, schema: z.ZodType<T>, issues: IssueCollector): T | undefined {
  let raw: string;
  try {
    raw = readFileSync(join(dir, file), "utf8");
  } catch {
    issues.add(file, "", "file is missing or unreadable");
    return undefined;
  }
  let data: unknown;
  try {
    data = load(raw, { filename: file });
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    const line = error.mark ? `line ${error.mark.line + 1}` : "";
    issues.add(file, line, `YAML syntax error: ${error.reason}`);
    return undefined;
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues) issues.add(file, formatPath(issue.path), issue.message);
    return undefined;
  }
  return result.data;
}

function readList<T extends { id: string }>(
  dir: string,
  sub: string,
  schema: z.ZodType<T[]>,
  issues: IssueCollector,
): { items: T[]; files: Map<string, { item: T; location: string }> } {
  const items: T[] = [];
  const files = new Map<string, { item: T; location: string }>();
  const seen = new Map<string, string>();
  for (const file of yamlFiles(dir, sub, issues)) {
    const list = readFile(dir, file, schema, issues) ?? [];
    list.forEach((item, index) => {
      const earlier = seen.get(item.id);
      if (earlier) issues.add(file, `[${index}].id`, `duplicate id "${item.id}" (also in ${earlier})`);
      seen.set(item.id, file);
      items.push(item);
      files.set(`${file}#${index}`, { item, location: `${file}#${index}` });
    });
  }
  return { items, files };
}

function readSources(dir: string, issues: IssueCollector): Map<string, Source> {
  const sources = new Map<string, Source>();
  const origin = new Map<string, string>();
  for (const file of yamlFiles(dir, "sources", issues)) {
    const map = readFile(dir, file, SourceFileSchema, issues) ?? {};
    for (const [id, source] of Object.entries(map)) {
      const earlier = origin.get(id);
      if (earlier) issues.add(file, id, `duplicate source id (also in ${earlier})`);
      origin.set(id, file);
      sources.set(id, source);
    }
  }
  return sources;
}

function readNutrients(dir: string, issues: IssueCollector): Nutrient[] {
  const byId = new Map<NutrientId, Nutrient>();
  const files = yamlFiles(dir, "nutrients", issues);
  for (const file of files) {
    const nutrient = readFile(dir, file, NutrientSchema, issues);
    if (!nutrient) continue;
    if (file !== `nutrients/${nutrient.id}.yaml`) {
      issues.add(file, "id", `the file name must match the id: rename it to nutrients/${nutrient.id}.yaml`);
    }
    if (byId.has(nutrient.id)) issues.add(file, "id", `nutrient "${nutrient.id}" is defined twice`);
    if (nutrient.id === "vitamin-d") checkVitaminDUnits(file, nutrient, issues);
    byId.set(nutrient.id, nutrient);
  }
  const nutrients: Nutrient[] = [];
  for (const id of NUTRIENT_IDS) {
    const nutrient = byId.get(id);
    const file = `nutrients/${id}.yaml`;
    if (nutrient) nutrients.push(nutrient);
    // An invalid file has had its own issues reported; only a missing one is reported here.
    else if (!files.includes(file)) {
      issues.add(file, "", `nutrient "${id}" is missing (every covered nutrient needs a file)`);
    }
  }
  return nutrients;
}

/** Vitamin D intakes are quoted in both µg and IU, since people meet both on labels. */
function checkVitaminDUnits(file: string, nutrient: Nutrient, issues: IssueCollector): void {
  if (nutrient.intakes.unit !== "µg") issues.add(file, "intakes.unit", 'vitamin D intakes must be in "µg"');
  nutrient.intakes.rows.forEach((row, i) => {
    if (row.amountIU === undefined)
      issues.add(file, `intakes.rows[${i}].amountIU`, "vitamin D rows need IU too");
    if (row.ul !== null && row.ulIU === undefined) {
      issues.add(file, `intakes.rows[${i}].ulIU`, "vitamin D upper limits need IU too");
    }
  });
}

/** Walks a value and reports every `source`/`sources` id that is not in the registry. */
function checkSourceRefs(
  file: string,
  value: unknown,
  sources: ReadonlyMap<string, Source>,
  issues: IssueCollector,
  path: PropertyKey[] = [],
): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      checkSourceRefs(file, item, sources, issues, [...path, i]);
    });
    return;
  }
  if (value === null || typeof value !== "object") return;
  for (const [key, child] of Object.entries(value)) {
    const refs = key === "source" ? [child] : key === "sources" ? (child as unknown[]) : [];
    refs.forEach((ref, i) => {
      if (typeof ref === "string" && !sources.has(ref)) {
        const at = key === "sources" ? [...path, key, i] : [...path, key];
        issues.add(file, formatPath(at), `unknown source "${ref}" (add it to content/sources/)`);
      }
    });
    checkSourceRefs(file, child, sources, issues, [...path, key]);
  }
}

function checkMinimum(file: string, what: string, count: number, min: number, issues: IssueCollector): void {
  if (count < min) issues.add(file, "", `needs at least ${min} ${what}, found ${count}`);
}

/** Reads `safety/`: the shared concepts, the modifiers and the categories, and links them. */
function readTriage(
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
  const lists: [string, readonly string[]][] = [
    ["negation.before", modifiers.negation.before],
    ["negation.after", modifiers.negation.after],
    ["negation.pseudo", modifiers.negation.pseudo],
    ["terminators", modifiers.terminators],
    ["hypothetical.clause", modifiers.hypothetical.clause],
    ["hypothetical.sentence", modifiers.hypothetical.sentence],
    ["hypothetical.message", modifiers.hypothetical.message],
    ["hypothetical.after", modifiers.hypothetical.after],
    ["hypothetical.pseudo", modifiers.hypothetical.pseudo],
    ["history", modifiers.history],
    ["present", modifiers.present],
    ["presentTense", modifiers.presentTense],
    ["now", modifiers.now],
    ["figurative.phrases", modifiers.figurative.phrases],
    ["figurative.sentence", modifiers.figurative.sentence],
    ["benign", modifiers.benign],
  ];
  for (const [path, terms] of lists) check("safety/modifiers.yaml", path, terms);
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

/**
 * Loads and validates the whole content directory.
 * @throws ContentError listing every problem found.
 * @example const content = loadContent("content");
 */
export function loadContent(dir: string): Content {
  const issues = new IssueCollector();
  const sources = readSources(dir, issues);
  const nutrients = readNutrients(dir, issues);
  const faq = readList(dir, "faq", FaqFileSchema, issues);
  const tips = readList(dir, "tips", TipFileSchema, issues);
  const challenges = readList(dir, "challenges", ChallengeFileSchema, issues);
  const safety = readFile(dir, "safety.yaml", SafetySchema, issues);
  const triage = readTriage(dir, sources, issues);

  for (const nutrient of nutrients)
    checkSourceRefs(`nutrients/${nutrient.id}.yaml`, nutrient, sources, issues);
  for (const where of [...faq.files.values(), ...tips.files.values(), ...challenges.files.values()]) {
    const [file = "", index = "0"] = where.location.split("#");
    checkSourceRefs(file, where.item, sources, issues, [Number(index)]);
  }
  if (safety) checkSourceRefs("safety.yaml", safety, sources, issues);
  checkMinimum("faq", "FAQ entries", faq.items.length, CONTENT_MINIMUMS.faq, issues);
  checkMinimum("tips", "tips", tips.items.length, CONTENT_MINIMUMS.tips, issues);
  checkMinimum(
    "challenges",
    "challenge templates",
    challenges.items.length,
    CONTENT_MINIMUMS.challenges,
    issues,
  );

  if (issues.issues.length > 0 || !safety || !triage) throw new ContentError(issues.issues);
  return {
    sources,
    nutrients,
    faq: faq.items,
    tips: tips.items,
    challenges: challenges.items,
    safety,
    triage,
  };
}
