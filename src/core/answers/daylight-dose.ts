import type { Understanding } from "./understand.js";

/**
 * A dose in micrograms asked about by someone who sees little daylight: vitamin D, though it
 * is never named ("on permanent nights, is 10 micrograms enough?").
 */

/** An amount in micrograms, or a question of how many. */
const MICROGRAMS = /\b(\d[\d,.]*\s?(micrograms?|mcg|ug)|micrograms?|mcg)\b/;

/** Little daylight: night work, dark winters, indoor days, the sun named. */
const DAYLIGHT =
  /\b(daylight|sunlight|sunshine|sun|daytime|dark (all day|all winter|winters?|months|mornings)|(polar|long) nights?|(on|work(ing)?|permanent|perm) nights|night (shifts?|workers?|work)|indoors all day|inside all day)\b/;

/** Whether a normalised question asks about an amount in micrograms beside little daylight. */
function daylightDose(normalized: string): boolean {
  return MICROGRAMS.test(normalized) && DAYLIGHT.test(normalized);
}

/**
 * The understanding with vitamin D as its hint when it has none and asks about a microgram
 * dose beside little daylight, as a dose in IU is hinted (see `Understanding.hinted`).
 */
export function withDaylightHint(u: Understanding): Understanding {
  return u.hinted.length === 0 && daylightDose(u.normalized) ? { ...u, hinted: ["vitamin-d"] } : u;
}
