/**
 * Plain-text formatting of content pieces that several places show (answers, cards,
 * the `compare` table): intakes with their units, nutrient lists.
 */
import type { Nutrient } from "../content/schema.js";
import { formatAmount } from "../text/format-number.js";

type Intakes = Nutrient["intakes"];
type IntakeRow = Intakes["rows"][number];

/**
 * One intake row as a line: `Adults 19–70: RDA 15 µg (600 IU); upper limit 100 µg (4,000 IU)`;
 * with `markSupplementsOnly`, a limit that counts supplements only says so after its number.
 * @example formatIntakeRow(vitaminD.intakes, vitaminD.intakes.rows[0])
 */
export function formatIntakeRow(
  intakes: Intakes,
  row: IntakeRow,
  options: { markSupplementsOnly?: boolean } = {},
): string {
  const measure = intakes.measure ? ` ${intakes.measure}` : "";
  const only = options.markSupplementsOnly && intakes.ulCounts === "supplements-only";
  const upper =
    row.ul === null
      ? "no upper limit set"
      : `upper limit ${formatAmount(row.ul, intakes.unit, row.ulIU)}${only ? " (supplements only)" : ""}`;
  const note = row.note ? ` (${row.note})` : "";
  return `${row.group}: ${row.kind} ${formatAmount(row.amount, intakes.unit, row.amountIU)}${measure}; ${upper}${note}`;
}

/** "vitamin D, B12, E, magnesium, omega-3 and calcium": the covered list as people say it. */
export function coveredList(nutrients: readonly Nutrient[]): string {
  const names = nutrients.map((n, i) =>
    i === 0 ? n.name.charAt(0).toLowerCase() + n.name.slice(1) : n.shortName,
  );
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/** The rows for younger adults ("Men and women 19–70", or "Men 19–30" and "Women 19–30"). */
export function adultRows(intakes: Intakes): IntakeRow[] {
  const rows = intakes.rows.filter((row) => {
    const start = Number(/\d+/.exec(row.group)?.[0]);
    return /^(men|women)/i.test(row.group) && start >= 14 && start <= 19;
  });
  return rows.length > 0 ? rows : intakes.rows.slice(-1);
}
