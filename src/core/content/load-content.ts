/**
 * Reads `content/`, validates every file with zod and checks the links between files
 * (source ids, nutrient coverage, unique ids). Collects every problem before failing,
 * each naming the file, the path inside it and what is wrong.
 */
import type { AsPlainObject } from "minisearch";
import { ContentError } from "../../errors.js";
import { disclosedBy } from "./challenge-privacy.js";
import { checkSymptomWords } from "./check-symptom-words.js";
import { readTriage } from "./load-triage.js";
import { checkSourceRefs, IssueCollector, readFile, readList, yamlFiles } from "./read-files.js";
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
  type SymptomWords,
  SymptomWordsSchema,
  type Tip,
  TipFileSchema,
} from "./schema.js";
import type { TriageModel } from "./triage-schema.js";

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
  /** How people write symptoms (`symptom-words.yaml`): lay phrases -> the symptom terms' words. */
  symptomWords: SymptomWords;
  /** The red-flag model in `safety/`: concepts, modifiers and categories. */
  triage: TriageModel;
  /**
   * What the answer engine builds from this content, when the content comes from the
   * snapshot (src/core/knowledge/content-snapshot.ts); the engine builds them itself when this is absent.
   */
  prebuilt?: {
    /** The search index over the answer documents, as MiniSearch's `toJSON()` gives it. */
    answerIndex: AsPlainObject;
    /** Every word of every answer, normalised (known-words.ts `contentWords`). */
    contentWords: string[];
  };
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

/** Challenge titles and tasks are shown to the team: food and habits only, no health facts. */
function checkChallengePrivacy(
  file: string,
  index: number,
  template: ChallengeTemplate,
  issues: IssueCollector,
) {
  const title = disclosedBy(template.title);
  if (title) issues.add(file, `[${index}].title`, `must not name ${title}: teammates and exports see it`);
  template.tasks.forEach((task, i) => {
    const what = disclosedBy(`${task.id.replaceAll("-", " ")} ${task.text}`);
    if (what) {
      issues.add(
        file,
        `[${index}].tasks[${i}]`,
        `task "${task.id}" must not name ${what}: check-ins are shown to teammates and exports (food and habit tasks only)`,
      );
    }
  });
}

function checkMinimum(file: string, what: string, count: number, min: number, issues: IssueCollector): void {
  if (count < min) issues.add(file, "", `needs at least ${min} ${what}, found ${count}`);
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
  const symptomWords = readFile(dir, "symptom-words.yaml", SymptomWordsSchema, issues);
  const triage = readTriage(dir, sources, issues);

  for (const nutrient of nutrients)
    checkSourceRefs(`nutrients/${nutrient.id}.yaml`, nutrient, sources, issues);
  for (const where of [...faq.files.values(), ...tips.files.values(), ...challenges.files.values()]) {
    const [file = "", index = "0"] = where.location.split("#");
    checkSourceRefs(file, where.item, sources, issues, [Number(index)]);
  }
  for (const where of challenges.files.values()) {
    const [file = "", index = "0"] = where.location.split("#");
    checkChallengePrivacy(file, Number(index), where.item, issues);
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

  if (symptomWords) checkSymptomWords(symptomWords, nutrients, issues);

  if (issues.issues.length > 0 || !safety || !triage || !symptomWords) throw new ContentError(issues.issues);
  return {
    sources,
    nutrients,
    faq: faq.items,
    tips: tips.items,
    challenges: challenges.items,
    safety,
    symptomWords,
    triage,
  };
}
