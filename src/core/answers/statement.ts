/**
 * Messages that ask nothing: thanks, news and celebrations posted to a group, notices, banter.
 * Decided from the shape of the message, not its subject: no question mark, no question word or
 * question order, no request, a mark of thanks, celebration or notice, and no symptom of the
 * writer's or someone else's described. Such a message is not a health question, whatever
 * health words it carries ("thanks all, GP agreed and I'm on the loading dose now").
 */

/**
 * A question word or an alternative offered ("legit or hype"), anywhere; "when" and "where" only
 * in question order ("when should I"), since a notice says "when you take one".
 */
const QUESTION_WORD =
  /\b(what|whats|wats|how|why|which|whether|who'?s|any1|or|(when|where) (is|are|do|does|did|can|could|should|will|would|to))\b/;

/**
 * A question word the writer reports rather than asks: "explained to three people what it is",
 * "showed him how to do it". Set aside before a message is read for a question word.
 */
const REPORTED =
  /\b(explained|told|showed|taught|learned|learnt|found out) (to )?(\w+ ){0,3}(what|how|why|which|whether)\b/g;

/** A clause that opens in question order ("is it…", "does anyone…", "…, should I…"). */
const QUESTION_ORDER =
  /(^|[.!;:,\n-]\s*|\b(and|but|so|also)\s+)(is|are|am|was|were|do|does|did|dont|doesnt|can|cant|could|should|shall|would|will|may|might|must|has|have|had|r|u|anyone|anybody|any|someone|somebody)\b/;

/** A request or a doubt put into words ("tell me", "not sure", "any tips"). */
const REQUEST =
  /\b(tell (me|us)|explain(?!ed)\w*|(please|pls|can|could|need|needs|any|some) help|help (me|us|please|pls|needed)|(any|some|need|needs|want|wants|your|seeking|asking for) advice|advice (please|pls|needed|wanted|welcome|appreciated)|advise|recommend\w*|suggest\w*|wonder\w*|want to know|need to know|looking for|(any|some|your|need|needs|want|wants) (tips?|info|information|thoughts|opinions?|ideas)|(tips?|info|ideas) (please|pls|on|for)|curious|not sure|unsure|confused|worried|eli5|compare|versus|vs|myth|true|legit)\b/;

/** Marks of thanks, celebration or a notice to a group. */
const POSTED_TO_A_GROUP =
  /\b(thanks?|thank you|thx|ty|cheers|shout ?outs?|legends?|congrat\w*|mubarak|reminder|psa|fyi|happy (world |national |international )?(\w+ ){0,3}(day|week|month)|awareness (day|week|month)|proud of (us|you|everyone|all|the team|yourselves)|please (sign|bring|drop|return|claim|join|leave|note|remember|make sure|use|put|keep))\b|!!|\u{1f389}|\u{1f64c}|\u{1f64f}|\u{1f37b}|\u{1f973}|\u{1f38a}|\u{1f942}/u;

/** A symptom or a state of being unwell. */
const SYMPTOM =
  /\b(weak\w*|tired\w*|exhausted|knackered|shattered|fatigue\w*|cramp\w*|pains?|painful|ach(e|es|ing|y)|hurts?|hurting|sore\w*|numb(?!er)\w*|tingl\w*|pins and needles|twitch\w*|spasm\w*|dizz\w*|sick|unwell|ill|stiff\w*|swell\w*|swollen|shak(y|ing)|trembl\w*|wobbl\w*|stumbl\w*|fell|falling|flare\w*|worse|struggl\w*)\b/;

/** Someone whose symptom it could be: the writer or a person they speak of (not "you" in a notice). */
const SOMEONE =
  /\b(i|i'm|im|i've|ive|me|my|we|our|us|he|she|his|her|him|they|their|them|mum|dad|mother|father|wife|husband|partner|son|daughter|gran\w*|nan|grandad|friend)\b/;

/**
 * Whether a normalised message asks nothing: no question in any form, a mark of thanks,
 * celebration or notice, and no symptom of someone's described.
 * @example asksNothing("passed my assessment, thanks all for the tips on protein!!") === true
 * @example asksNothing("thanks all, but my calves still cramp every night") === false
 */
export function asksNothing(normalized: string): boolean {
  if (normalized.includes("?")) return false;
  if (
    QUESTION_WORD.test(normalized.replace(REPORTED, " ")) ||
    QUESTION_ORDER.test(normalized) ||
    REQUEST.test(normalized)
  )
    return false;
  if (SYMPTOM.test(normalized) && SOMEONE.test(normalized)) return false;
  return POSTED_TO_A_GROUP.test(normalized);
}
