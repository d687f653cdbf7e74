/**
 * Turns content into answerable documents: every FAQ entry, and for each nutrient one
 * short document per section (foods, test, intakes, …). Retrieval picks among these.
 */
import type { Content } from "../content/load-content.js";
import type { FAQ_KINDS, FAQ_TOPICS, Nutrient, NutrientId } from "../content/schema.js";
import { formatIntakeRow } from "./format.js";

export type Topic = (typeof FAQ_TOPICS)[number] | "evidence";

/** One answer the engine can give, with what it is about and where it comes from. */
export interface AnswerDoc {
  /** Stable id, stored with feedback: `faq:vitd-muscle-loss`, `nutrient:vitamin-d:food`. */
  id: string;
  /** `unknown`: an uncovered topic's reply, given only when no covered nutrient is asked about. */
  kind: (typeof FAQ_KINDS)[number];
  topic: Topic;
  nutrients: NutrientId[];
  title: string;
  body: string;
  sources: string[];
  /** Text the search index reads (question wording, names), beyond title and body. */
  question: string;
  phrasings: string;
}

/** Longest list shown inside one answer; the `foods`/`vitamin` commands show all. */
const MAX_LIST_ITEMS = 6;

function list(items: readonly string[]): string {
  return items
    .slice(0, MAX_LIST_ITEMS)
    .map((item) => `• ${item}`)
    .join("\n");
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function nutrientDocs(n: Nutrient): AnswerDoc[] {
  const names = [n.name, ...n.aliases].join(" ");
  const doc = (
    section: Topic,
    title: string,
    body: string,
    sources: string[],
    question: string,
  ): AnswerDoc => ({
    id: `nutrient:${n.id}:${section}`,
    kind: "answer",
    topic: section,
    nutrients: [n.id],
    title,
    body,
    sources: unique(sources),
    question: `${question} ${n.name}`,
    phrasings: names,
  });
  const foods = n.foods.map((f) => `${f.food} (${f.serving}): ${f.amount}`);
  return [
    doc(
      "general",
      `${n.name} and your muscles`,
      `${n.summary}\n${n.muscleRole}`,
      n.sources.slice(0, 2),
      "what is",
    ),
    doc(
      "mechanism",
      `How low ${n.name} affects muscle`,
      `${n.mechanisms
        .slice(0, 3)
        .map((m) => `${m.title}: ${m.text}`)
        .join("\n")}`,
      n.mechanisms.slice(0, 3).map((m) => m.source),
      "how does deficiency cause muscle weakness loss why",
    ),
    doc(
      "symptoms",
      `Signs of low ${n.name}`,
      `${list(n.symptoms)}\nLinked conditions: ${n.conditions.join("; ")}.`,
      n.sources.slice(0, 1),
      "symptoms signs of deficiency",
    ),
    doc(
      "test",
      `Testing ${n.name}: ${n.labTest.name}`,
      n.labTest.text,
      [n.labTest.source],
      "blood test level check",
    ),
    doc(
      "food",
      `Foods with ${n.name}`,
      list(foods),
      n.foods.map((f) => f.source),
      "foods sources eat",
    ),
    doc(
      "dose",
      `How much ${n.name}: published reference intakes`,
      `${n.intakes.rows.map((row) => formatIntakeRow(n.intakes, row)).join("\n")}\n${n.intakes.ulNote}`,
      [n.intakes.source],
      "how much per day dose intake upper limit",
    ),
    doc("risk", `Who is at risk of low ${n.name}`, list(n.atRisk), n.sources.slice(0, 1), "who at risk"),
    doc(
      "safety",
      `${n.name}: cautions and interactions`,
      n.cautions.map((c) => `${c.title}: ${c.text}`).join("\n"),
      n.cautions.map((c) => c.source),
      "safe side effects interactions toxicity",
    ),
    doc(
      "reversibility",
      `Can the effects of low ${n.name} be reversed?`,
      `${n.reversibility.summary} ${n.reversibility.text}`,
      [n.reversibility.source],
      "reverse recover permanent",
    ),
    doc(
      "evidence",
      `${n.name}: what the evidence says`,
      n.evidence.map((e) => `${e.text}`).join("\n"),
      n.evidence.map((e) => e.source),
      "evidence does it help build muscle strength studies",
    ),
    doc(
      "lifestyle",
      `${n.name}: sun, exercise and protein`,
      n.lifestyle.map((l) => l.text).join("\n"),
      n.lifestyle.map((l) => l.source),
      "sun exercise protein lifestyle",
    ),
  ];
}

/** All answer documents, FAQ entries first. */
export function buildDocuments(content: Content): AnswerDoc[] {
  const faq: AnswerDoc[] = content.faq.map((entry) => ({
    id: `faq:${entry.id}`,
    kind: entry.kind,
    topic: entry.topic,
    nutrients: [...entry.nutrients],
    title: entry.question,
    body: entry.answer,
    sources: [...entry.sources],
    question: entry.question,
    phrasings: entry.phrasings.join(" "),
  }));
  return [...faq, ...content.nutrients.flatMap(nutrientDocs)];
}
