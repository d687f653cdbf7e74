/**
 * The Reply model: what a command answers, as platform-neutral data. Adapters render
 * it (Slack Block Kit, Discord embeds, console text) and enforce their platform's limits;
 * `fallbackText` gives the plain text every rich message carries.
 */
import type { Source } from "../content/schema.js";
import type { FormId, FormRequest } from "../forms/forms.js";

/** Who sees a reply: only the person who asked, or everyone in the channel. */
type Visibility = "ephemeral" | "channel";

/** The tone of a reply, which renderers show with colour or an icon. */
export type ReplyTone = "info" | "success" | "error" | "urgent";

export interface ReplySection {
  heading?: string;
  text: string;
  /** Buttons that belong to this section (a challenge's Check in), shown right after it. */
  buttons?: ReplyButton[];
}

/** A button routes back to a command: `action` is a command line in the text grammar. */
export interface ReplyButton {
  label: string;
  /** A command line such as `foods vitamin-d` or `feedback up answer:faq:x`. */
  action: string;
  style?: "primary" | "danger";
  /** Re-post this reply for everyone instead of running `action` privately. */
  share?: boolean;
  /**
   * Opens this form where the platform has forms (a Slack modal: `ask` is Home's question
   * form, the others the set-up forms); elsewhere the button runs `action` like any other.
   */
  form?: FormId | "ask";
}

export interface ReplyTable {
  columns: string[];
  rows: string[][];
}

/**
 * A picture rendered on the server (charts), with alt text and a text version of the same
 * data. Renderers attach the PNG where the platform can (a channel post, a Discord reply,
 * a Slack DM) and show `text` wherever it cannot (Slack ephemeral messages, the console).
 */
export interface ReplyImage {
  /** File name with extension, e.g. `leaderboard.png`. */
  filename: string;
  png: Uint8Array;
  /** Pixel size. */
  width: number;
  height: number;
  /** One sentence for screen readers (Slack `alt_text`, Discord attachment description). */
  alt: string;
  /** The same data as text. */
  text: string;
}

/** A text file delivered with a reply (CSV export, JSON data export). */
export interface ReplyFile {
  /** File name with extension, e.g. `checkins.csv`. */
  filename: string;
  /** The file's UTF-8 text. */
  content: string;
  mimeType: "text/csv" | "application/json";
  title: string;
}

export interface Reply {
  title: string;
  tone: ReplyTone;
  sections: ReplySection[];
  fields?: { label: string; value: string }[];
  table?: ReplyTable;
  sources?: Source[];
  /** The medical disclaimer, on every health answer. */
  disclaimer?: string;
  buttons?: ReplyButton[];
  visibility: Visibility;
  /**
   * Only the asker may ever see it (a crisis answer): adapters deliver it ephemerally or
   * in a direct message, never as a channel post or thread reply, and never share it.
   */
  private?: boolean;
  /** Text written by users (team tips, notes): renderers neutralise mentions in it. */
  untrusted?: boolean;
  /** A chart; its `text` is part of `fallbackText`, so no reader ever misses the data. */
  image?: ReplyImage;
  /** Files for the person (ephemeral: DM on Slack) or the channel; the console prints them. */
  files?: ReplyFile[];
  /**
   * A form to show, filled in (Discord opens it at once as a modal; Slack offers it with a
   * button, since a modal needs a button's trigger; the console shows the text).
   */
  form?: FormRequest;
}

/** A reply with only a title and text. */
export function textReply(title: string, text: string, tone: ReplyTone = "info"): Reply {
  return { title, tone, sections: [{ text }], visibility: "ephemeral" };
}

/** Widest table drawn as a grid; wider ones are listed row by row instead. */
const MAX_GRID_WIDTH = 100;

/** A table as aligned plain-text lines (console, fallback text), or as a list when too wide. */
export function tableToText(table: ReplyTable): string {
  const widths = table.columns.map((c, i) =>
    Math.max(c.length, ...table.rows.map((r) => (r[i] ?? "").length)),
  );
  if (widths.reduce((sum, w) => sum + w + 2, 0) > MAX_GRID_WIDTH) {
    return table.rows
      .map((row) => {
        const [label, ...cells] = row;
        const lines = cells.map((cell, i) => `  ${table.columns[i + 1] || "•"}: ${cell}`);
        return [label, ...lines].join("\n");
      })
      .join("\n");
  }
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  return [line(table.columns), line(widths.map((w) => "-".repeat(w))), ...table.rows.map(line)].join("\n");
}

/**
 * The whole reply as plain text: notifications, screen readers, logs and the console
 * all read this, so it is never empty.
 * @example fallbackText(textReply("Hi", "Ask me about vitamin D")) // "Hi\nAsk me about vitamin D"
 */
export function fallbackText(reply: Reply): string {
  const parts: string[] = [reply.title];
  for (const section of reply.sections)
    parts.push(section.heading ? `${section.heading}\n${section.text}` : section.text);
  if (reply.fields?.length) parts.push(reply.fields.map((f) => `${f.label}: ${f.value}`).join("\n"));
  if (reply.table) parts.push(tableToText(reply.table));
  if (reply.image) parts.push(reply.image.text);
  if (reply.files?.length) parts.push(`Attached: ${reply.files.map((f) => f.filename).join(", ")}`);
  if (reply.sources?.length)
    parts.push(`Sources: ${reply.sources.map((s) => `${s.title} <${s.url}>`).join("; ")}`);
  if (reply.disclaimer) parts.push(reply.disclaimer);
  return parts.filter((p) => p.trim() !== "").join("\n\n");
}
