/**
 * A button's action as a person would type it: the same command without the internal
 * ids buttons pin (`challenge join cid:…` → `challenge join`), for text hints such as the
 * console's "Next:" line.
 */
import { tokenize } from "./grammar.js";
import type { Registry } from "./registry.js";

/**
 * @example typedForm("challenge join cid:4f2a", registry) === "challenge join"
 */
export function typedForm(action: string, registry: Registry): string {
  const tokens = tokenize(action);
  const [first, second] = tokens;
  const name = first?.text.toLowerCase() ?? "";
  const runnable =
    registry.resolve(name) ?? (second ? registry.resolve(`${name} ${second.text.toLowerCase()}`) : undefined);
  if (!runnable) return action;
  const pinned = (name: string | undefined) =>
    name !== undefined && Object.hasOwn(runnable.options, name) && runnable.options[name]?.pin === true;
  const kept = tokens.filter((token) => !pinned(token.name));
  if (kept.length === tokens.length) return action;
  return kept
    .map((token) => {
      const text = /\s/.test(token.text) ? `"${token.text}"` : token.text;
      return token.name ? `${token.name}:${text}` : text;
    })
    .join(" ");
}
