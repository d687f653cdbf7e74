/**
 * Reply -> terminal text: the title underlined (bold when colours are on), sections,
 * fields, an aligned table, a chart's text version, sources, the disclaimer, buttons as
 * commands to type, and last each attached file's content under a line naming it.
 */
import { type Reply, type ReplyButton, type ReplyFile, tableToText } from "../../core/reply/reply.js";
import { forChannel } from "../../core/reply/share.js";

const ANSI = {
  bold: "\u001b[1m",
  dim: "\u001b[2m",
  red: "\u001b[31m",
  green: "\u001b[32m",
  reset: "\u001b[0m",
};

type Paint = (code: string, text: string) => string;

/** A file as a header line naming it, then its content verbatim (blank lines kept, for copying). */
function fileText(file: ReplyFile, paint: Paint): string {
  return `${paint(ANSI.bold, `── ${file.filename} (${file.mimeType}) ──`)}\n${file.content.trimEnd()}`;
}

export interface ConsoleRenderOptions {
  color: boolean;
  /** A button's action as a person types it (the dispatcher's `typed`: no internal ids); as is when absent. */
  typed?: (action: string) => string;
}

/** Pure: the same reply always renders to the same text. */
export function renderConsole(reply: Reply, options: ConsoleRenderOptions = { color: false }): string {
  const paint: Paint = (code, text) => (options.color ? `${code}${text}${ANSI.reset}` : text);
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
  const typed = (action: string) => `/${options.typed ? options.typed(action) : action}`;
  // The Ask button's command needs the question: the console says where it goes.
  const hint = (button: ReplyButton) =>
    button.form === "ask" ? "/ask <your question>" : typed(button.action);
  for (const section of reply.sections) {
    if (section.heading) out.push(paint(ANSI.bold, section.heading));
    out.push(section.text);
    const own = [...new Set((section.buttons ?? []).map(hint))];
    if (own.length > 0) out.push(paint(ANSI.dim, `  → ${own.join("  ·  ")}`));
    out.push("");
  }
  for (const field of reply.fields ?? []) out.push(`${paint(ANSI.bold, `${field.label}:`)} ${field.value}`);
  if (reply.fields?.length) out.push("");
  if (reply.table) out.push(tableToText(reply.table), "");
  // A terminal shows no pictures: the chart's text version carries the same data.
  if (reply.image) out.push(reply.image.text, "");
  if (reply.sources?.length) {
    out.push(paint(ANSI.dim, "Sources:"));
    for (const source of reply.sources) out.push(paint(ANSI.dim, `  • ${source.title} <${source.url}>`));
  }
  if (reply.disclaimer) out.push(paint(ANSI.dim, reply.disclaimer));
  // The terminal is the whole channel: every reply is already shared there (no Share button).
  const actions = forChannel(reply).buttons ?? [];
  const hints = [...new Set(actions.map(hint))];
  if (hints.length > 0) out.push(paint(ANSI.dim, `Next: ${hints.join("  ·  ")}`));
  const body = out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trimEnd();
  // Files come last, outside the blank-line squeeze above.
  return `${[body, ...(reply.files ?? []).map((file) => fileText(file, paint))].join("\n\n")}\n`;
}
