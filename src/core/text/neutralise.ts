/**
 * Making text written by users safe to store and show: mass mentions, user, role and
 * channel mentions, and links are neutralised so they can never ping anyone or hide a
 * link behind a label, on Slack or Discord. Renderers still escape on output.
 */

const ZERO_WIDTH_SPACE = "\u200b";

/**
 * @example neutraliseMentions("hi @everyone <@U123> <!here>") // "hi @\u200beveryone @U123 @here" (inert)
 */
export function neutraliseMentions(text: string): string {
  return (
    text
      // Slack's <!everyone>, <!here>, <!channel>, <@U…>, <#C…|name>, <url|label>: drop the brackets.
      .replace(/<([!@#][^<>|]*)(?:\|([^<>]*))?>/g, (_m, target: string, label?: string) =>
        (label ?? target).replace(/^[!@#]+/, (p) => (p.startsWith("!") ? "@" : p)),
      )
      .replace(/<((?:https?|mailto):[^<>|]*)\|([^<>]*)>/g, "$2 ($1)")
      // Discord's <@123>, <@!123>, <@&123>, <#123>: keep the id visible, inert.
      .replace(/<(@[!&]?|#)(\d+)>/g, "$1$2")
      // @everyone / @here on both platforms: a zero-width space stops the ping.
      .replace(/@(everyone|here|channel)\b/gi, `@${ZERO_WIDTH_SPACE}$1`)
  );
}

/** Trims, collapses whitespace, neutralises mentions, and enforces a length limit. */
export function cleanUserText(text: string, maxLength: number): string {
  return neutraliseMentions(text.replace(/\s+/g, " ").trim()).slice(0, maxLength);
}
