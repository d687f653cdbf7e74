/**
 * Short, friendly replies to messages that are not questions (a greeting, thanks, a
 * goodbye), in place of the generic introduction. The engine recognises them
 * (vocabulary.ts SMALL_TALK) after triage, so "hi, I can't breathe" is never small talk.
 */

const THANKS = /^(thanks?|thank you|thx|ty)\b/;
const GOODBYE = /^(bye|good ?night|gn|see you|cya)\b/;
const GREETING = /^(hi|hello|hey|hiya|yo|sup|gm|good (morning|afternoon|evening))\b/;

/**
 * The title and body for a small-talk message (already normalised: lower case).
 * @param covered what vitabot covers, for the invitation to ask ("vitamin D, B12, …")
 * @example smallTalkReply("thanks!", "vitamin D").title === "You're welcome"
 */
export function smallTalkReply(normalized: string, covered: string): { title: string; body: string } {
  const invitation = `Ask me about ${covered} and your muscles, for example "why are my legs weak".`;
  if (THANKS.test(normalized)) {
    return { title: "You're welcome", body: `Glad to help. ${invitation}` };
  }
  if (GOODBYE.test(normalized)) {
    return { title: "Take care", body: `Come back any time. ${invitation}` };
  }
  if (GREETING.test(normalized)) return { title: "Hi!", body: invitation };
  return { title: "I'm here", body: invitation };
}
