/**
 * Reply -> Block Kit (pure). A header, sections, fields, the table (one section per
 * row), a context line with sources and the disclaimer, and the buttons, plus the plain
 * `text` fallback Slack shows in notifications. Every string that goes into mrkdwn is
 * escaped, so user text never pings, and every block stays within SLACK_LIMITS.
 */
import type { types } from "@slack/bolt";
import { FORM_ACTION_PREFIX } from "../../core/forms/forms.js";
import {
  fallbackText,
  type Reply,
  type ReplyButton,
  type ReplyTone,
  tableToText,
} from "../../core/reply/reply.js";
import { ACTION_PREFIX, encodeAction } from "../chat-adapter.js";
import { ASK_ACTION_ID } from "./ask-form.js";
import { SLACK_LIMITS as L } from "./limits.js";
import { chunk, escapeMrkdwn as esc, truncate } from "./text.js";

type Block = types.KnownBlock;
type Button = types.Button;

/** A message ready for chat.postMessage or respond(). */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

const TONE_ICON: Record<ReplyTone, string> = { info: "", success: "✅ ", error: "⚠️ ", urgent: "🚨 " };
const SHORTENED = "_Shortened to fit Slack's message limits._";
/** Room kept for the "shortened" note when the body has to be cut. */
const NOTE_RESERVE = 120;
/** A cut section shorter than this is dropped instead. */
const MIN_USEFUL_TEXT = 200;
/**
 * Our shares of Slack's ~12k overall budget, so the context line and the buttons can
 * never crowd out the answer: sources and disclaimer at most 1,500 characters each, the
 * buttons at most 3,000 serialised. The body always keeps at least MIN_BODY.
 */
const SOURCES_MAX = 1500;
const DISCLAIMER_MAX = 1500;
const ACTIONS_MAX = 3000;
const MIN_BODY = 2000;

/** How much room a rendering has: a message's, or a Home view's (see SLACK_LIMITS). */
export interface BlockBudget {
  blocks: number;
  /** Serialised blocks plus the fallback text. */
  chars: number;
  /** The line that says something was cut. */
  note: string;
}

const MESSAGE_BUDGET: BlockBudget = {
  blocks: L.blocksPerMessage,
  chars: L.messageChars,
  note: SHORTENED,
};

/** Serialised size, the measure Slack's overall limit applies to. */
const sizeOf = (blocks: readonly Block[]) => JSON.stringify(blocks).length;

const mrkdwn = (text: string, max: number = L.sectionText) =>
  ({ type: "mrkdwn", text: truncate(text, max) }) as const;
const plain = (text: string, max: number) =>
  ({ type: "plain_text", text: truncate(text, max) || " ", emoji: true }) as const;

function header(reply: Reply): Block {
  return { type: "header", text: plain(`${TONE_ICON[reply.tone]}${reply.title}`, L.headerText) };
}

/**
 * One button. `action_id` only has to be unique in the message (`vb-<n>`); a button that
 * opens a form has the form's own id.
 */
function buttonElement(button: ReplyButton, index: number): Button {
  return {
    type: "button",
    // A form's button keeps the form's id (`form:tips-setup`): pressing it opens the modal.
    action_id:
      button.form === "ask"
        ? ASK_ACTION_ID
        : button.form
          ? `${FORM_ACTION_PREFIX}${button.form}`
          : `${ACTION_PREFIX}-${index}`,
    text: plain(button.label, L.buttonText),
    value: encodeAction(button),
    ...(button.style ? { style: button.style } : {}),
  };
}

/** Section buttons are numbered from here, after any reply-level buttons. */
const SECTION_BUTTON_BASE = 100;

function textSections(reply: Reply): Block[] {
  let index = SECTION_BUTTON_BASE;
  return reply.sections.flatMap((section) => {
    const body = esc(section.text);
    const full = section.heading ? `*${esc(section.heading)}*\n${body}` : body;
    const text = chunk(full, L.sectionText)
      .filter((piece) => piece.trim() !== "")
      .map((piece): Block => ({ type: "section", text: mrkdwn(piece) }));
    const buttons = (section.buttons ?? [])
      .filter((b) => encodeAction(b).length <= L.buttonValue)
      .slice(0, L.actionsElements)
      .map((b) => buttonElement(b, index++));
    return buttons.length > 0 ? [...text, { type: "actions", elements: buttons } as Block] : text;
  });
}

function fieldSections(reply: Reply): Block[] {
  const fields = (reply.fields ?? []).map((f) => mrkdwn(`*${esc(f.label)}*\n${esc(f.value)}`, L.fieldText));
  const blocks: Block[] = [];
  for (let i = 0; i < fields.length; i += L.sectionFields)
    blocks.push({ type: "section", fields: fields.slice(i, i + L.sectionFields) });
  return blocks;
}

/** One section per row: the first cell as the title, the other cells as labelled fields. */
function tableRows(reply: Reply): Block[] {
  const table = reply.table;
  if (!table) return [];
  return table.rows.map((row): Block => {
    const [label = "", ...cells] = row;
    const fields = cells.slice(0, L.sectionFields).map((cell, i) => {
      const column = table.columns[i + 1] ?? "";
      return mrkdwn(column ? `*${esc(column)}*\n${esc(cell || "—")}` : esc(cell || "—"), L.fieldText);
    });
    const title = mrkdwn(`*${esc(label || "—")}*`);
    return fields.length > 0 ? { type: "section", text: title, fields } : { type: "section", text: title };
  });
}

/** Text as monospace sections: a table too long for one block per row, a chart's text version. */
function preformatted(text: string): Block[] {
  const fence = "```";
  return chunk(esc(text), L.sectionText - 2 * fence.length - 2).map(
    (piece): Block => ({ type: "section", text: mrkdwn(`${fence}\n${piece}\n${fence}`) }),
  );
}

/** The same table as monospace text, for tables with more rows than blocks to spare. */
function tablePreformatted(reply: Reply): Block[] {
  return reply.table ? preformatted(tableToText(reply.table)) : [];
}

/** Whole source links only, as many as fit, then "and N more". */
function sourcesLine(reply: Reply): string | undefined {
  if (!reply.sources?.length) return undefined;
  const links = reply.sources.map(
    (s) => `<${esc(s.url)}|${esc(truncate(s.title, 150)).replace(/\|/g, "¦")}>`,
  );
  const kept: string[] = [];
  for (const link of links) {
    if (`Sources: ${[...kept, link].join(" · ")} and 99 more`.length > SOURCES_MAX) break;
    kept.push(link);
  }
  const more = links.length - kept.length;
  return `Sources: ${kept.join(" · ")}${more > 0 ? ` and ${more} more` : ""}`;
}

function context(reply: Reply): Block[] {
  const elements: types.MrkdwnElement[] = [];
  const sources = sourcesLine(reply);
  if (sources) elements.push(mrkdwn(sources, L.contextText));
  if (reply.disclaimer) elements.push(mrkdwn(esc(reply.disclaimer), DISCLAIMER_MAX));
  return elements.length > 0 ? [{ type: "context", elements: elements.slice(0, L.contextElements) }] : [];
}

/** Buttons keep their command line in `value`; `action_id` only has to be unique in the message (one button per form). */
function actions(reply: Reply): Block[] {
  const buttons: Button[] = [];
  let size = 0;
  for (const button of reply.buttons ?? []) {
    const value = encodeAction(button);
    if (value.length > L.buttonValue || buttons.length === L.actionsElements) continue;
    const element = buttonElement(button, buttons.length);
    size += JSON.stringify(element).length + 1;
    if (size > ACTIONS_MAX) break;
    buttons.push(element);
  }
  return buttons.length > 0 ? [{ type: "actions", elements: buttons }] : [];
}

/** A section cut down to `room` serialised characters, or undefined when too little is left. */
function shorten(block: Block, room: number): Block | undefined {
  if (block.type !== "section" || !block.text || block.fields) return undefined;
  const overhead = sizeOf([{ ...block, text: { ...block.text, text: "" } }]) + 20;
  const max = Math.min(L.sectionText, room - overhead);
  if (max < MIN_USEFUL_TEXT) return undefined;
  // JSON escaping can grow text (quotes, newlines); shrink until it really fits.
  for (let limit = max; limit >= MIN_USEFUL_TEXT; limit -= 50) {
    const candidate: Block = { ...block, text: { ...block.text, text: truncate(block.text.text, limit) } };
    if (sizeOf([candidate]) <= room) return candidate;
  }
  return undefined;
}

/** Adds body blocks while the block count and character budget allow; notes any cut. */
function fitBudget(
  head: Block[],
  body: Block[],
  tail: Block[],
  textLength: number,
  budget: BlockBudget,
): Block[] {
  let room = budget.chars - textLength - sizeOf([...head, ...tail]) - NOTE_RESERVE;
  let slots = budget.blocks - head.length - tail.length - 1;
  const kept: Block[] = [];
  for (const block of body) {
    const size = sizeOf([block]) + 1;
    if (slots > 0 && size <= room) {
      kept.push(block);
      room -= size;
      slots -= 1;
      continue;
    }
    const cut = slots > 0 ? shorten(block, room) : undefined;
    if (cut) kept.push(cut);
    kept.push({ type: "context", elements: [mrkdwn(budget.note)] });
    break;
  }
  return [...head, ...kept, ...tail];
}

/** The fallback: the whole reply as escaped plain text, never empty. */
function toFallbackText(reply: Reply): string {
  const text = truncate(esc(fallbackText(reply)).trim(), L.fallbackText);
  return text === "" ? "vitabot" : text;
}

/**
 * Renders a reply for Slack; pure, and always within SLACK_LIMITS.
 * @example const { text, blocks } = toBlockKit(reply); await respond({ text, blocks });
 */
export function toBlockKit(reply: Reply, budget: BlockBudget = MESSAGE_BUDGET): SlackMessage {
  const head = reply.title.trim() ? [header(reply)] : [];
  const tail = [...context(reply), ...actions(reply)];
  const before = [...textSections(reply), ...fieldSections(reply)];
  // Ephemeral messages cannot carry the picture and a channel's picture follows as its own
  // message (deliver.ts), so the chart's data is always in the message as text.
  const chart = reply.image ? preformatted(reply.image.text) : [];
  const rows = tableRows(reply);
  const spare = budget.blocks - head.length - tail.length - before.length - chart.length - 1;
  const table = rows.length <= spare ? rows : tablePreformatted(reply);
  // The fallback gives way first when the fixed parts leave the body too little room.
  const fixed = sizeOf([...head, ...tail]) + NOTE_RESERVE;
  const full = toFallbackText(reply);
  const text = truncate(full, Math.max(MIN_USEFUL_TEXT, budget.chars - fixed - MIN_BODY));
  return { text, blocks: fitBudget(head, [...before, ...table, ...chart], tail, text.length, budget) };
}
