/**
 * Reply -> Discord message (pure): one embed (title, description, fields, footer with
 * sources and the disclaimer), buttons in rows whose custom_ids route back to commands,
 * the ephemeral flag for private answers, and `allowed_mentions: { parse: [] }` always.
 * A chart becomes an attached PNG shown in the embed (`attachment://<name>`) with its text
 * version in the description; exports become attached files. Every Discord limit is
 * enforced here (see limits.ts).
 */
import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  type APIEmbedField,
  type APIStringSelectComponent,
  ButtonStyle,
  ComponentType,
} from "discord.js";
import type {
  Reply,
  ReplyButton,
  ReplyFile,
  ReplyImage,
  ReplyTable,
  ReplyTone,
} from "../../core/reply/reply.js";
import { tableToText } from "../../core/reply/reply.js";
import { forChannel } from "../../core/reply/share.js";
import { encodeAction } from "../chat-adapter.js";
import { EPHEMERAL_FLAG, DISCORD_LIMITS as L } from "./limits.js";
import { escapeCodeBlock, escapeMarkdown, neutralizeMentions, truncate } from "./text.js";

/** A file uploaded with a message (multipart `files[i]`). */
interface DiscordFile {
  /** A name `attachment://` can refer to. */
  name: string;
  data: Buffer;
  contentType: string;
  /** The attachment's description: a picture's alt text, a file's title. */
  description: string;
}

/**
 * A message body Discord accepts for interaction responses, webhook edits and channel
 * posts. `files` are uploads, never JSON: senders split them off (attachments.ts).
 */
export interface DiscordMessage {
  embeds: APIEmbed[];
  /** Rows of buttons, or a row with one string select (a form's template). */
  components: APIActionRowComponent<APIButtonComponentWithCustomId | APIStringSelectComponent>[];
  flags?: number;
  allowed_mentions: { parse: [] };
  files?: DiscordFile[];
}

/** A rendered reply: a message whose rows hold only buttons. */
type RenderedReply = Omit<DiscordMessage, "components"> & {
  components: APIActionRowComponent<APIButtonComponentWithCustomId>[];
};

/** Who the rendered message is for. */
export interface RenderOptions {
  /** For everyone in the channel (Share, scheduled posts): no ephemeral flag, no Share button. */
  forChannel?: boolean;
}

const COLORS: Record<ReplyTone, number> = {
  info: 0x2f80ed,
  success: 0x27ae60,
  error: 0xe67e22,
  urgent: 0xc0392b,
};

const EMPTY = "—";

/** Prepares one piece of text: mentions always made inert, markdown escaped when untrusted. */
function cleaner(untrusted: boolean): (text: string) => string {
  return (text) => neutralizeMentions(untrusted ? escapeMarkdown(text) : text);
}

function describe(reply: Reply, clean: (text: string) => string): string {
  return reply.sections
    .filter((s) => s.text.trim() !== "" || s.heading)
    .map((s) => (s.heading ? `**${clean(s.heading)}**\n${clean(s.text)}` : clean(s.text)))
    .join("\n\n");
}

function field(name: string, value: string, inline = false): APIEmbedField {
  return {
    name: truncate(name.trim() || EMPTY, L.fieldName),
    value: truncate(value.trim() || EMPTY, L.fieldValue),
    inline,
  };
}

/** Each table row becomes a field: the first cell names it, the other cells are labelled lines. */
function tableFields(table: ReplyTable, clean: (text: string) => string): APIEmbedField[] {
  const labels = table.columns.slice(1);
  return table.rows.map(([name = "", ...cells]) => {
    const value =
      labels.length === 1
        ? clean(cells[0] ?? "")
        : cells.map((cell, i) => `**${clean(labels[i] || EMPTY)}**: ${clean(cell) || EMPTY}`).join("\n");
    return field(clean(name), value);
  });
}

/** Code blocks show markdown literally, so only mentions and fences need care. */
function tableBlock(table: ReplyTable): string {
  return `\`\`\`\n${escapeCodeBlock(neutralizeMentions(tableToText(table)))}\n\`\`\``;
}

function footerOf(reply: Reply): string | undefined {
  const parts: string[] = [];
  if (reply.sources?.length) parts.push(`Sources: ${reply.sources.map((s) => s.title).join("; ")}`);
  if (reply.disclaimer) parts.push(reply.disclaimer);
  return parts.length > 0 ? truncate(parts.join("\n"), L.footer) : undefined;
}

/** Characters Discord counts toward the 6,000 total of a message's embeds. */
export function embedLength(embed: APIEmbed): number {
  const fields = (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0);
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    fields +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0)
  );
}

/** Shortens the description, then drops trailing fields, until the embed fits 6,000. */
function fitTotal(embed: APIEmbed): APIEmbed {
  const fitted = { ...embed, fields: [...(embed.fields ?? [])] };
  while (embedLength(fitted) > L.embedTotal) {
    const over = embedLength(fitted) - L.embedTotal;
    const description = fitted.description ?? "";
    // Fields carry the facts; give up description text first unless little of it is left.
    if (fitted.fields.length > 0 && description.length <= over + 200) fitted.fields.pop();
    else fitted.description = truncate(description, Math.max(1, description.length - over));
  }
  if (fitted.fields.length === 0) delete (fitted as { fields?: unknown }).fields;
  return fitted;
}

/**
 * Names Discord keeps as they are, so `attachment://<name>` finds the file.
 * @example attachmentName("my chart.png") // "my_chart.png"
 */
export function attachmentName(filename: string): string {
  return filename.replace(/[^A-Za-z0-9._-]/g, "_") || "file";
}

/** A chart's text version: the same data for screen readers, search and anyone without the picture. */
function chartBlock(image: ReplyImage): string {
  const text = truncate(neutralizeMentions(image.text), L.chartText - 8);
  return `\`\`\`\n${escapeCodeBlock(text)}\n\`\`\``;
}

function uploadOf(name: string, data: Buffer, contentType: string, description: string): DiscordFile {
  return {
    name: attachmentName(name),
    data,
    contentType,
    description: truncate(description, L.attachmentDescription),
  };
}

/** The picture, then the files, within Discord's count and size; what does not fit is named in `left`. */
function filesOf(reply: Reply): { files: DiscordFile[]; left: string[] } {
  const { image } = reply;
  const bytes = (png: Uint8Array) => Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  const all = [
    ...(image ? [uploadOf(image.filename, bytes(image.png), "image/png", image.alt)] : []),
    ...(reply.files ?? []).map((f: ReplyFile) =>
      uploadOf(f.filename, Buffer.from(f.content, "utf8"), `${f.mimeType}; charset=utf-8`, f.title),
    ),
  ];
  const files = all.filter((f) => f.data.byteLength <= L.attachmentBytes).slice(0, L.attachments);
  return { files, left: all.filter((f) => !files.includes(f)).map((f) => f.name) };
}

function embedOf(reply: Reply, attached: { files: DiscordFile[]; left: string[] }): APIEmbed {
  const clean = cleaner(reply.untrusted === true);
  const fields = (reply.fields ?? []).map((f) => field(clean(f.label), clean(f.value), f.value.length <= 40));
  let description = describe(reply, clean);
  if (reply.table) {
    const rows = tableFields(reply.table, clean);
    if (fields.length + rows.length <= L.fields) fields.push(...rows);
    else description = [description, tableBlock(reply.table)].filter(Boolean).join("\n\n");
  }
  const picture = reply.image ? attachmentName(reply.image.filename) : undefined;
  const shown = attached.files.some((f) => f.name === picture) ? picture : undefined;
  const left = attached.left.length > 0 ? `Too large to attach here: ${attached.left.join(", ")}.` : "";
  const chart = reply.image ? chartBlock(reply.image) : "";
  description = [description, left, chart].filter(Boolean).join("\n\n");
  const footer = footerOf(reply);
  const url = reply.sources?.[0]?.url;
  const embed: APIEmbed = {
    title: truncate(clean(reply.title).trim() || EMPTY, L.title),
    color: COLORS[reply.tone],
    ...(description ? { description: truncate(description, L.description) } : {}),
    ...(fields.length > 0 ? { fields: fields.slice(0, L.fields) } : {}),
    ...(footer ? { footer: { text: footer } } : {}),
    ...(url && /^https?:\/\//.test(url) ? { url } : {}),
    ...(shown ? { image: { url: `attachment://${shown}` } } : {}),
  };
  return fitTotal(embed);
}

const STYLES: Record<NonNullable<ReplyButton["style"]> | "default", APIButtonComponentWithCustomId["style"]> =
  {
    primary: ButtonStyle.Primary,
    danger: ButtonStyle.Danger,
    default: ButtonStyle.Secondary,
  };

/**
 * One button as Discord JSON.
 * @throws Error when the custom_id would pass Discord's 100-character limit.
 */
function buttonOf(button: ReplyButton): APIButtonComponentWithCustomId {
  const customId = encodeAction(button);
  if (customId.length > L.customId) {
    throw new Error(
      `Button "${button.label}" has a ${customId.length}-character custom_id; Discord allows ${L.customId}. ` +
        "Shorten the button's action (use ids, not text).",
    );
  }
  return {
    type: ComponentType.Button,
    style: STYLES[button.style ?? "default"],
    label: truncate(button.label, L.buttonLabel),
    custom_id: customId,
  };
}

/**
 * A section's buttons (a challenge's Check in) named after their section, since Discord
 * shows them all below the embed.
 */
function sectionButtons(reply: Reply): ReplyButton[] {
  return reply.sections.flatMap((section) =>
    (section.buttons ?? []).map((button) =>
      section.heading ? { ...button, label: `${section.heading}: ${button.label}` } : button,
    ),
  );
}

/**
 * The reply's own buttons (all of them, or an error: more is a bug), then its sections'
 * buttons in order while rows are left; a panel with more keeps the first ones.
 */
function rowsOf(
  buttons: readonly ReplyButton[],
  more: readonly ReplyButton[] = [],
): APIActionRowComponent<APIButtonComponentWithCustomId>[] {
  const max = L.buttonsPerRow * L.rows;
  const own = [...new Map(buttons.map((b) => [encodeAction(b), b])).values()];
  if (own.length > max) {
    throw new Error(`A reply has ${own.length} buttons; Discord shows at most ${max}.`);
  }
  const fits = (b: ReplyButton) => encodeAction(b).length <= L.customId;
  const extra = [...new Map(more.filter(fits).map((b) => [encodeAction(b), b])).values()];
  const unique = [...new Map([...own, ...extra].map((b) => [encodeAction(b), b])).values()].slice(0, max);
  const rows: APIActionRowComponent<APIButtonComponentWithCustomId>[] = [];
  for (let i = 0; i < unique.length; i += L.buttonsPerRow) {
    const components = unique.slice(i, i + L.buttonsPerRow).map(buttonOf);
    rows.push({ type: ComponentType.ActionRow, components });
  }
  return rows;
}

/**
 * Renders a reply as a Discord message body. Pure: the same reply gives the same JSON.
 * @example renderReply(textReply("Hi", "Ask me about vitamin D")).embeds[0]?.title // "Hi"
 */
export function renderReply(reply: Reply, options: RenderOptions = {}): RenderedReply {
  const shown = options.forChannel === true || reply.visibility === "channel" ? forChannel(reply) : reply;
  const attached = filesOf(shown);
  return {
    embeds: [embedOf(shown, attached)],
    // A form opens as a modal (form-flow.ts); this reply is its fallback when a modal came too
    // late, and says how to type it, so it must not offer the same form button again.
    components: rowsOf(
      (shown.buttons ?? []).filter((b) => !(b.form && b.form === shown.form?.id)),
      sectionButtons(shown),
    ),
    ...(shown.visibility === "channel" ? {} : { flags: EPHEMERAL_FLAG }),
    allowed_mentions: { parse: [] },
    ...(attached.files.length > 0 ? { files: attached.files } : {}),
  };
}
