/**
 * Text helpers for Discord: truncation that respects surrogate pairs, mention
 * neutralising for every message, and markdown escaping for text people wrote.
 */

const ZERO_WIDTH_SPACE = "\u200b";

/**
 * Shortens text to at most `max` UTF-16 units (Discord's count), ending with "…".
 * @example truncate("abcdef", 4) // "abc…"
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  // Never split a surrogate pair: a lone half is invalid UTF-16 and Discord rejects it.
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${text.slice(0, end).trimEnd()}…`;
}

/**
 * Makes @everyone, @here and <@…> mentions inert (a zero-width space after the @ or <).
 * `allowed_mentions` already stops pings; this also stops them rendering as mentions.
 * @example neutralizeMentions("@everyone look") // "@\u200beveryone look"
 */
export function neutralizeMentions(text: string): string {
  return text
    .replace(/@(everyone|here)/gi, `@${ZERO_WIDTH_SPACE}$1`)
    .replace(/<(@[!&]?|#)(?=\d)/g, `<${ZERO_WIDTH_SPACE}$1`);
}

/**
 * Escapes Discord markdown in text people wrote, so it shows literally. Discord treats a
 * backslash before any ASCII punctuation as an escape, so over-escaping is harmless.
 * @example escapeMarkdown("**hi**") // "\\*\\*hi\\*\\*"
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\*_~`|>#[\]()<-]/g, "\\$&");
}

/** Keeps text inside a code block from closing it early. */
export function escapeCodeBlock(text: string): string {
  return text.replace(/```/g, `\`${ZERO_WIDTH_SPACE}\`\``);
}
