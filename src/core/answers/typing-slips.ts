/**
 * Typing slips that turn a listed word into a non-word: two neighbouring letters swapped
 * ("creatien" for "creatine") or a doubled letter typed once or twice ("chery" for
 * "cherry"). Narrower than an edit distance on purpose: one changed letter often makes
 * another real word ("creating" is not "creatine").
 */

/** Whether `typed` is `word` with two neighbouring letters swapped. */
function swapped(typed: string, word: string): boolean {
  if (typed.length !== word.length || typed === word) return false;
  let i = 0;
  while (typed[i] === word[i]) i++;
  return typed[i] === word[i + 1] && typed[i + 1] === word[i] && typed.slice(i + 2) === word.slice(i + 2);
}

/** Whether `shorter` is `longer` with one letter of a doubled pair left out. */
function undoubled(shorter: string, longer: string): boolean {
  if (longer.length !== shorter.length + 1) return false;
  let i = 0;
  while (i < shorter.length && shorter[i] === longer[i]) i++;
  return longer[i] === longer[i - 1] || longer[i] === longer[i + 1]
    ? shorter.slice(i) === longer.slice(i + 1)
    : false;
}

/**
 * Reads the words of `text` that are a typing slip of one of `words` as that word; other
 * words are kept as they are.
 * @example readSlips("creatien loading", ["creatine"]) === "creatine loading"
 */
export function readSlips(text: string, words: readonly string[]): string {
  const known = new Set(words);
  return text.replace(/[a-z]{5,}/g, (typed) => {
    if (known.has(typed)) return typed;
    const word = words.find(
      (w) => w[0] === typed[0] && (swapped(typed, w) || undoubled(typed, w) || undoubled(w, typed)),
    );
    return word ?? typed;
  });
}
