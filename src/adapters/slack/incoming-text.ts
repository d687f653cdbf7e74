/**
 * Text as Slack sends it (a message's or a slash command's `text`) → the text the core
 * sees. Slack escapes the three characters it uses for its own markup in everything a
 * person types: `&` arrives as `&amp;`, `<` as `&lt;`, `>` as `&gt;`, and nothing else is
 * entity-encoded. They are decoded here, once, at the edge; the Slack renderer escapes
 * them again, once, on the way out (text.ts `escapeMrkdwn`), so "R&D" and "<3" read as
 * typed instead of coming back as `R&amp;amp;D`.
 *
 * What the core sees of Slack's own tokens: they are left as Slack wrote them, `<@U123>`,
 * `<@U123|bob>`, `<#C123|general>`, `<!here>`, `<!subteam^S1|@devs>`, `<https://…|label>`
 * (only a token can put a raw `<` in Slack's text). The core's user-text.ts knows these
 * shapes and makes them inert in anything it stores or echoes, and every `<` is escaped on
 * the way out, so neither a real `<!here>` nor a typed "<!here>" (which decodes to the same
 * characters) ever pings. The core cannot tell those two apart, and need not: both are
 * text that must not ping. Entities inside tokens are decoded too (`<https://a.example/?x=1&amp;y=2>`
 * is that URL with a plain `&`).
 * @see https://docs.slack.dev/messaging/formatting-message-text#escaping
 */

const ENTITY = /&(amp|lt|gt);/g;
const DECODED: Record<string, string> = { amp: "&", lt: "<", gt: ">" };

/**
 * Decodes Slack's three entities in one pass, so `&amp;lt;` (a typed "&lt;") stays "&lt;".
 * @example fromSlackText("R&amp;D &lt;3") // "R&D <3"
 */
export function fromSlackText(text: string): string {
  return text.replace(ENTITY, (_all, name: string) => DECODED[name] ?? "");
}
