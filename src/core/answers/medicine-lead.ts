/**
 * Medicines known to lower a covered nutrient, so that a symptom described by someone taking
 * one points first at what the medicine depletes: cramps on a diuretic or a long-term acid
 * reducer at magnesium (ODS magnesium fact sheet; FDA 2011 on PPIs), tingling on metformin at
 * B12 (ODS vitamin B12 fact sheet). The medicine is the setting; the nutrient is still one the
 * symptoms point at.
 */
import type { NutrientId } from "../content/schema.js";

/** Medicines by the nutrients they lower, most telling first, as regex alternatives. */
const LOWERS: readonly { medicines: RegExp; nutrients: readonly NutrientId[] }[] = [
  {
    // thiazide and loop diuretics, by name and by their usual word endings
    medicines:
      /\b(diuretics?|water (tablets?|pills?)|\w*thiazides?|indapamide|chlort(h)?alidone|metolazone|furosemide|frusemide|bumetanide|torsemide|torasemide)\b/,
    nutrients: ["magnesium"],
  },
  {
    medicines: /\b(ppis?|proton pump inhibitors?|\w+prazole|acid reducers?)\b/,
    nutrients: ["magnesium", "vitamin-b12"],
  },
  { medicines: /\b(metformin|glucophage)\b/, nutrients: ["vitamin-b12"] },
];

/**
 * `suggested` (nutrients read from symptoms) with the one a named medicine lowers moved to the
 * front, or undefined when no named medicine lowers any of them.
 * @example leadByMedicine("on indapamide and my hands cramp", ["calcium", "magnesium"]) -> ["magnesium", "calcium"]
 */
export function leadByMedicine(
  normalized: string,
  suggested: readonly NutrientId[],
): NutrientId[] | undefined {
  for (const { medicines, nutrients } of LOWERS) {
    if (!medicines.test(normalized)) continue;
    const lowered = nutrients.find((id) => suggested.includes(id));
    if (lowered) return [lowered, ...suggested.filter((id) => id !== lowered)];
  }
  return undefined;
}
