/**
 * Autocomplete suggestions (pure): nutrients by id, name or alias (and the same fuzzy
 * matching the commands use, so "magnesum" still finds magnesium), IANA time zones,
 * and challenge templates. Values are what the command receives: content ids and zone
 * names.
 */
import type { AutocompleteSource } from "../../core/commands/define-command.js";
import type { Knowledge } from "../../core/knowledge/knowledge.js";
import { DISCORD_LIMITS as L } from "./limits.js";
import { truncate } from "./text.js";

/** One autocomplete suggestion: what Discord shows, and the value the command receives. */
export interface Choice {
  name: string;
  value: string;
}

interface Candidate extends Choice {
  /** Lower-case names that rank first when they start with the typed text. */
  names: readonly string[];
  /** Lower-case aliases and words, ranked after names. */
  aliases?: readonly string[];
}

/** A name starting with the text, then an alias starting with it, then either containing it. */
function score(c: Candidate, q: string): number {
  const aliases = c.aliases ?? [];
  if (q === "" || c.names.some((t) => t.startsWith(q))) return 0;
  if (aliases.some((t) => t.startsWith(q))) return 1;
  if ([...c.names, ...aliases].some((t) => t.includes(q))) return 2;
  return 3;
}

/** Best matches first, in candidate order within a rank; non-matches left out. */
function rank(candidates: readonly Candidate[], typed: string): Choice[] {
  const q = typed.trim().toLowerCase();
  return candidates
    .map((c, index) => ({ c, index, score: score(c, q) }))
    .filter((x) => x.score < 3)
    .sort((a, b) => a.score - b.score || a.index - b.index)
    .map(({ c }) => ({ name: c.name, value: c.value }));
}

function nutrientChoices(kb: Knowledge, typed: string): Choice[] {
  const candidates = kb.content.nutrients.map((n) => ({
    name: n.name,
    value: n.id,
    names: [n.id, n.name, n.shortName].map((t) => t.toLowerCase()),
    aliases: n.aliases.map((t) => t.toLowerCase()),
  }));
  const ranked = rank(candidates, typed);
  const fuzzy = typed.trim() === "" ? [] : kb.findNutrients(typed);
  for (const id of fuzzy) {
    if (!ranked.some((c) => c.value === id)) ranked.push({ name: kb.nutrient(id).name, value: id });
  }
  return ranked;
}

let zones: readonly string[] | undefined;

/** Every IANA zone Node knows, plus UTC (which some ICU builds leave out of the list). */
function allZones(): readonly string[] {
  zones ??= [...new Set(["UTC", ...Intl.supportedValuesOf("timeZone")])];
  return zones;
}

function zoneChoices(typed: string): Choice[] {
  const q = typed.trim().replace(/\s+/g, "_");
  const candidates = allZones().map((z) => ({
    name: z,
    value: z,
    names: [z.toLowerCase()],
    aliases: z.toLowerCase().split("/"),
  }));
  return rank(candidates, q);
}

function templateChoices(kb: Knowledge, typed: string): Choice[] {
  const candidates = kb.content.challenges.map((t) => ({
    name: `${t.title} (${t.days} days)`,
    value: t.id,
    names: [t.id, t.title.toLowerCase()],
    aliases: t.title.toLowerCase().split(/\s+/),
  }));
  return rank(candidates, typed);
}

/**
 * Suggestions for what someone has typed so far, within Discord's limits.
 * @example suggest(kb, "nutrient", "b1") // [{ name: "Vitamin B12", value: "vitamin-b12" }]
 */
export function suggest(kb: Knowledge, source: AutocompleteSource, typed: string): Choice[] {
  const text = typed.slice(0, 100);
  const choices =
    source === "nutrient"
      ? nutrientChoices(kb, text)
      : source === "zone"
        ? zoneChoices(text)
        : templateChoices(kb, text);
  return choices.slice(0, L.autocompleteChoices).map((c) => ({
    name: truncate(c.name, L.choiceName),
    value: c.value.slice(0, L.choiceValue),
  }));
}
