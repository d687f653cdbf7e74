/**
 * Challenge tasks end up on leaderboards, recaps and an admin's export, so a task must
 * never reveal someone's health: no tests or appointments, no diagnoses or deficiencies,
 * no medicines or supplements, and no diet label. A challenge's title is shown the same
 * way and follows the same rule. Food and habit tasks only.
 */

/** Words that would make a check-in a health fact, by what they disclose. */
const DISCLOSING: readonly { what: string; pattern: RegExp }[] = [
  {
    what: "a test or appointment",
    pattern:
      /\b(tests?|tested|testing|blood ?work|bloods|labs?|screen(ing|ed)?|check-?ups?|appointments?|doctor|gp|clinic|(b12|blood|levels?|health|vitamin [a-z0-9]+) checks?)\b/,
  },
  {
    what: "a diagnosis",
    pattern:
      /\b(diagnos\w*|deficien\w*|an(a)?emi\w*|pernicious|osteopor\w*|osteomalacia|diabet\w*|sarcopeni\w*|disease|disorder)\b/,
  },
  {
    what: "a medicine",
    pattern:
      /\b(medicines?|medications?|meds|drugs?|prescri\w*|pills?|tablets?|capsules?|injections?|jabs?|shots?|supplements?|statins?|metformin)\b/,
  },
  { what: "a diet", pattern: /\b(vegans?|vegetarians?|plant-based|plant based)\b/ },
];

/**
 * What a task text or title would disclose, or undefined when it is about food and habits only.
 * @example disclosedBy("Book a B12 check with your doctor") // "a test or appointment"
 */
export function disclosedBy(text: string): string | undefined {
  const plain = text.toLowerCase();
  return DISCLOSING.find(({ pattern }) => pattern.test(plain))?.what;
}
