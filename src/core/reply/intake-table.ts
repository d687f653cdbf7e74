/**
 * A nutrient's reference intakes as the card's table (pure): every adult group on its own
 * row (by age and sex where the content splits them), pregnancy and breastfeeding one row
 * per stage with its age bands side by side, then children and teens on one row. When the
 * limits count supplements only, the limit column says so, and every platform shows that
 * column's name with each row's limit (Slack fields, Discord field lines, console lines).
 */
import type { Nutrient } from "../content/schema.js";
import { formatAmount } from "../text/format-number.js";
import type { ReplyTable } from "./reply.js";

type Intakes = Nutrient["intakes"];
type IntakeRow = Intakes["rows"][number];

/** The limit column's name when limits count supplements (and medicines, fortified foods) only. */
const SUPPLEMENTS_ONLY_LIMIT = "Upper limit (supplements only)";
/** The row that gathers every group under 19. */
const CHILDREN_LABEL = "Children and teens";
const NO_LIMIT = "none set";
const SEPARATOR = " · ";

/**
 * A group label split into who and which ages: "Pregnancy 19–30" -> ["Pregnancy", "19–30"],
 * "Infants 0–6 months" -> ["Infants", "0–6 months"], "Breastfeeding" -> ["Breastfeeding", ""].
 */
function splitGroup(group: string): { who: string; ages: string } {
  const match = /^(.*?)\s+(\d+(?:[–-]\d+|\+)?(?:\s+months?)?)$/.exec(group);
  return match ? { who: match[1] ?? group, ages: match[2] ?? "" } : { who: group, ages: "" };
}

function isPregnancy(row: IntakeRow): boolean {
  return /pregnan|breastfeed|lactat/i.test(row.group);
}

/** An adult group: its age band starts at 19 or later (never a band given in months). */
function isAdult(row: IntakeRow): boolean {
  const { ages } = splitGroup(row.group);
  return !isPregnancy(row) && !/month/.test(ages) && Number(/\d+/.exec(ages)?.[0]) >= 19;
}

function dailyAmount(intakes: Intakes, row: IntakeRow): string {
  return `${row.kind} ${formatAmount(row.amount, intakes.unit, row.amountIU)}`;
}

function upperLimit(intakes: Intakes, row: IntakeRow): string {
  return row.ul === null ? NO_LIMIT : formatAmount(row.ul, intakes.unit, row.ulIU);
}

/** Several rows in one cell, each named by `name`; one value when they all agree. */
function combined(
  rows: readonly IntakeRow[],
  value: (row: IntakeRow) => string,
  name: (row: IntakeRow) => string,
) {
  const values = rows.map(value);
  if (new Set(values).size === 1) return values[0] ?? "";
  return rows.map((row, i) => `${name(row)}: ${values[i]}`).join(SEPARATOR);
}

/** Rows of one stage ("Pregnancy 14–18", "Pregnancy 19–30") as one table row with their age bands. */
function stageRow(intakes: Intakes, who: string, rows: readonly IntakeRow[]): string[] {
  const [only] = rows;
  if (rows.length === 1 && only) return [only.group, dailyAmount(intakes, only), upperLimit(intakes, only)];
  const ages = (row: IntakeRow) => splitGroup(row.group).ages;
  const daily = rows.map((row) => `${ages(row)}: ${dailyAmount(intakes, row)}`).join(SEPARATOR);
  const limit = combined(rows, (row) => upperLimit(intakes, row), ages);
  return [who, daily, limit];
}

function childrenRow(intakes: Intakes, rows: readonly IntakeRow[]): string[] {
  const daily = rows.map((row) => `${row.group}: ${dailyAmount(intakes, row)}`).join(SEPARATOR);
  const limit = combined(
    rows,
    (row) => upperLimit(intakes, row),
    (row) => row.group,
  );
  return [CHILDREN_LABEL, daily, limit];
}

/**
 * Every intake row the content holds, as the card's table.
 * @example intakeTable(magnesium.intakes).rows[0] // ["Men 19–30", "RDA 400 mg", "350 mg"]
 */
export function intakeTable(intakes: Intakes): ReplyTable {
  const adults = intakes.rows.filter(isAdult);
  const stages = new Map<string, IntakeRow[]>();
  for (const row of intakes.rows.filter(isPregnancy)) {
    const { who } = splitGroup(row.group);
    stages.set(who, [...(stages.get(who) ?? []), row]);
  }
  const children = intakes.rows.filter((row) => !isAdult(row) && !isPregnancy(row));
  const rows = [
    ...adults.map((row) => stageRow(intakes, row.group, [row])),
    ...[...stages].map(([who, group]) => stageRow(intakes, who, group)),
    ...(children.length > 0 ? [childrenRow(intakes, children)] : []),
  ];
  const limit = intakes.ulCounts === "supplements-only" ? SUPPLEMENTS_ONLY_LIMIT : "Upper limit";
  return { columns: ["Group", "Each day", limit], rows };
}

/**
 * What the table's numbers mean: what the amounts measure, what the upper limit counts,
 * and each row's own note, named by its group.
 */
export function intakeNotes(intakes: Intakes): string {
  const measure = intakes.measure ? `Amounts are ${intakes.unit} of ${intakes.measure}. ` : "";
  const notes = intakes.rows.filter((row) => row.note).map((row) => `${row.group}: ${row.note}`);
  return [`${measure}${intakes.ulNote}`, ...notes].join("\n");
}
