/**
 * A question whose subject sits in a place of the sentence that names what it is about, and is
 * a word the content never uses: a medicine started or changed ("since starting allopurinol",
 * "levo went up to 150"), a condition whose risk is asked ("at risk of DVT"), a remedy or gadget
 * whose worth is asked ("is lemon water any good for…", "red light therapy panels, worth the
 * money?"), and how long a product keeps ("best before was six months ago"). The content can't
 * answer for what it never names, so such a question is `unknown` unless it names one of the six.
 */

/** A medicine started, switched to or changed in dose: the word that names it. */
const STARTED =
  /\b(?:since (?:starting|i started|taking|going on|being (?:put )?on|switching to)|started (?:me )?(?:on|taking)|put (?:me )?on|switched (?:me )?to) ([a-z][a-z-]+)|\b([a-z][a-z-]+) (?:dose )?(?:went up|was (?:put |bumped )?up|went down|was (?:increased|upped|doubled|raised|lowered|reduced)|got (?:increased|upped|doubled))(?: to)? \d/g;

/** A condition whose risk or signs are asked: its first word. */
const RISK_OF = /\b(?:risk|chance|danger|odds) of (?:a |an |getting |developing |having )?([a-z][a-z-]+)/g;

/** A remedy whose worth is asked ("is X any good", "does X help", "X, worth the money"): its words. */
const WORTH_ASKED =
  /\b(?:is|are|does|do|will|would|can) ((?:[a-z][a-z'-]* ){1,4})(?:actually |really |even )?(?:any good|good for|help|work|worth)\b|^((?:[a-z][a-z'-]* ){1,4})(?:for [^,?]{1,40})?,? (?:is (?:it|that) |are (?:they|these) )?worth (?:the money|it|buying|trying)\b/g;

/** How long a product keeps and whether it is still safe past its date. */
const KEEPING =
  /\b(best before|use by|sell by|expir\w*|out of date|past (its|their) date|shelf life|go(es)? off)\b/;

/**
 * Whether a normalised question's subject, in one of those places, is a word the content never
 * uses, or it asks how long a product keeps (read only when no covered nutrient is named: a
 * nutrient's own tablets past their date keep it the subject).
 * @param known whether the content (or the list of stop words) holds a word
 * @example namesUnknownSubject("since starting allopurinol my legs ache", known) === true
 */
export function namesUnknownSubject(normalized: string, known: (word: string) => boolean): boolean {
  if (KEEPING.test(normalized)) return true;
  const slots = [
    ...[...normalized.matchAll(STARTED)].map((m) => m[1] ?? m[2] ?? ""),
    ...[...normalized.matchAll(RISK_OF)].map((m) => m[1] ?? ""),
    ...[...normalized.matchAll(WORTH_ASKED)].flatMap((m) => (m[1] ?? m[2] ?? "").trim().split(" ")),
  ];
  return slots.some((word) => word.length > 2 && !known(word));
}

/** Words that point back to something named elsewhere ("will topping it up help"). */
const POINTS_BACK = /\b(it|its|them|they|this|that|these|those|one)\b/;

/**
 * Whether a normalised question asks the worth of a remedy the content never names, even beside
 * a covered nutrient named as its setting ("had two calcium stones: is lemon water any good for
 * stopping the next?"), read by the remedy's first word. A remedy that names a covered nutrient or
 * points back to one is not it.
 * @param namesCovered whether a text names one of the six
 */
export function asksWorthOfUnknown(
  normalized: string,
  known: (word: string) => boolean,
  namesCovered: (text: string) => boolean,
): boolean {
  return [...normalized.matchAll(WORTH_ASKED)].some((m) => {
    const remedy = (m[1] ?? m[2] ?? "").trim();
    if (POINTS_BACK.test(remedy) || namesCovered(remedy)) return false;
    // Its first word, as "lemon" in "lemon water": "sardines on toast" is a food the content holds.
    const [first = ""] = remedy.split(" ");
    return first.length > 2 && !known(first);
  });
}
