/**
 * "Did you mean …?" for a mistyped time zone: the IANA names nearest to what was typed,
 * by the whole name or its city part (`Berlin`, `europe/berln`, `new york`).
 */
import { distance } from "fastest-levenshtein";

/** Suggestions offered at most. */
const MAX_SUGGESTIONS = 3;

let zones: readonly string[] | undefined;

/** Every IANA zone Intl lists, plus UTC (which some ICU builds leave out). */
function allZones(): readonly string[] {
  zones ??= [...new Set(["UTC", ...Intl.supportedValuesOf("timeZone")])];
  return zones;
}

/** Edits allowed: 1 for short input, 2 up to 10 characters, then a fifth of its length. */
function allowedEdits(typed: string): number {
  if (typed.length <= 4) return 1;
  if (typed.length <= 10) return 2;
  return Math.floor(typed.length / 5);
}

/**
 * The zone names nearest to `typed` (nearest first), or none when nothing is close.
 * @example suggestZones("Berlin") // ["Europe/Berlin"]
 * @example suggestZones("europe/berln") // ["Europe/Berlin"]
 */
export function suggestZones(typed: string): string[] {
  const q = typed.trim().replace(/\s+/g, "_").toLowerCase();
  if (q.length === 0 || q.length > 64) return [];
  const limit = allowedEdits(q);
  const scored: { zone: string; d: number }[] = [];
  for (const zone of allZones()) {
    const lower = zone.toLowerCase();
    const city = lower.slice(lower.lastIndexOf("/") + 1);
    const d = Math.min(distance(q, lower), distance(q, city));
    if (d <= limit) scored.push({ zone, d });
  }
  return scored
    .sort((a, b) => a.d - b.d || a.zone.localeCompare(b.zone))
    .slice(0, MAX_SUGGESTIONS)
    .map((s) => s.zone);
}
