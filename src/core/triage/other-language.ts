/**
 * Messages mostly in another language. The model reads English; a message whose words it
 * mostly does not know, and that franc does not read as English, cannot be triaged. Such
 * a message fires the model's `otherLanguage.category` (when it carries a health cue),
 * since in doubt between urgent and not we choose urgent. The count is one set lookup per
 * word; franc runs only on the few messages the English reading mostly missed.
 */
import type { TriageModel } from "../content/triage-schema.js";
import { loadFranc } from "../text/franc.js";
import type { Token } from "../text/tokens.js";
import type { ReadSentence } from "./read-concepts.js";

/**
 * The languages franc weighs English against: Latin-script languages of the places vitabot
 * serves and of the messages the blind sets hold. Scoring 20 instead of franc's ~190 keeps
 * the check inside triage's budget (p99 0.44 -> 0.24 ms per message in `npm run bench
 * answers`); a message in another script comes back "und", which is not English too.
 */
const WEIGHED_LANGUAGES = [
  "eng",
  "sco",
  "spa",
  "fra",
  "por",
  "ita",
  "deu",
  "nld",
  "tgl",
  "ind",
  "zlm",
  "swh",
  "tur",
  "pol",
  "ron",
  "vie",
  "hau",
  "yor",
  "som",
  "afr",
];

/**
 * Compiles the check once; it then returns the language franc reads a message as (ISO
 * 639-3, "und" when unsure) when the message is mostly not English, else undefined.
 * Undefined when the model has no `otherLanguage` section.
 */
export function createLanguageCheck(
  model: TriageModel,
  knows: (token: Token) => boolean,
): ((message: string, sentences: readonly ReadSentence[]) => string | undefined) | undefined {
  const o = model.modifiers.otherLanguage;
  if (!o) return undefined;
  const english = new Set(o.english);
  return (message, sentences) => {
    let words = 0;
    let known = 0;
    for (const s of sentences)
      for (const token of s.tokens) {
        if (token.kind !== "word") continue;
        words++;
        if (english.has(token.text) || knows(token)) known++;
      }
    if (words < o.minWords || known >= o.maxEnglish * words) return undefined;
    const language = loadFranc().franc(message, { minLength: 10, only: WEIGHED_LANGUAGES });
    return language === "eng" ? undefined : language;
  };
}
