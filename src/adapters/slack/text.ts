/**
 * Text helpers for Slack mrkdwn: escaping that stops user text from pinging or
 * linking, and truncation that never cuts an escape sequence or a surrogate pair.
 * @see https://docs.slack.dev/messaging/formatting-message-text#escaping
 */

const ELLIPSIS = "…";

/**
 * Escapes `&`, `<` and `>` (and only those), so `<!everyone>`, `<!here>`, `<@U…>`,
 * `<#C…>` and `<url|label>` in user text show as typed instead of pinging or linking.
 * @example escapeMrkdwn("<!here> hi") // "&lt;!here&gt; hi"
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Where `text` may be cut at or before `max` without splitting `&amp;` or a surrogate pair. */
function safeCut(text: string, max: number): number {
  let cut = max;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  const amp = text.lastIndexOf("&", cut - 1);
  if (amp !== -1 && amp > cut - 6 && !text.slice(amp, cut).includes(";")) {
    const end = text.indexOf(";", amp);
    if (end !== -1 && end - amp <= 5 && end >= cut) cut = amp;
  }
  return cut;
}

/**
 * Shortens text to at most `max` characters (UTF-16 units, as Slack counts), ending in
 * "…" when cut, preferring a word boundary near the end.
 * @example truncate("a long sentence", 8) // "a long…"
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, max);
  let cut = safeCut(text, max - ELLIPSIS.length);
  const space = text.lastIndexOf(" ", cut);
  if (space > cut * 0.8) cut = space;
  return `${text.slice(0, cut).trimEnd()}${ELLIPSIS}`;
}

/**
 * Splits text into pieces of at most `max` characters, at line breaks where possible,
 * then at spaces, and only as a last resort mid-word.
 * @example chunk("one\ntwo", 4) // ["one", "two"]
 */
export function chunk(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    let cut = window.lastIndexOf("\n");
    if (cut < max * 0.5) cut = window.lastIndexOf(" ");
    if (cut < max * 0.5) cut = safeCut(rest, max);
    if (cut <= 0) cut = max;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^[\n ]+/, "");
  }
  if (rest.trim() !== "" || pieces.length === 0) pieces.push(rest);
  return pieces;
}
