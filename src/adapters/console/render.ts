/**
 * Reply -> terminal text: the title underlined (bold when colours are on), sections,
 * fields, an aligned table, sources, the disclaimer, and buttons as commands to type.
 */
import { type Reply, tableToText } from "../../core/reply/reply.js";

const ANSI = {
  bold: "\u001b[1m",
  dim: "\u001b[2m",
  red: "\u001b[31m",
  green: "\u001b[32m",
  reset: "\u001b[0m",
};

/** Pure: the same reply always renders to the same text. */
export function renderConsole(reply: Reply, options: { color: boolean } = { color: false }): string {
  const paint = (code: string, text: string) => (options.color ? `${code}${text}${ANSI.reset}` : text);
  const toneColor =
    reply.tone === "error" || reply.tone === "urgent"
      ? ANSI.red
      : reply.tone === "success"
        ? ANSI.green
        : ANSI.bold;
  const out: string[] = [
    paint(toneColor, reply.title),
    paint(ANSI.dim, "─".repeat(Math.min(60, reply.title.length))),
  ];
  for (const section of reply.sections) {
    if (section.heading) out.push(paint(ANSI.bold, section.heading));
    out.push(section.text, "");
  }
  for (const field of reply.fields ?? []) out.push(`${paint(ANSI.bold, `${field.label}:`)} ${field.value}`);
  if (reply.fields?.length) out.push("");
  if (reply.table) out.push(tableToText(reply.table), "");
  if (reply.sources?.length) {
    out.push(paint(ANSI.dim, "Sources:"));
    for (const source of reply.sources) out.push(paint(ANSI.dim, `  • ${source.title} <${source.url}>`));
  }
  if (reply.disclaimer) out.push(paint(ANSI.dim, reply.disclaimer));
  const actions = (reply.buttons ?? []).filter((b) => !b.share);
  if (actions.length > 0)
    out.push(paint(ANSI.dim, `Next: ${actions.map((b) => `/${b.action}`).join("  ·  ")}`));
  return `${out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trimEnd()}\n`;
}
