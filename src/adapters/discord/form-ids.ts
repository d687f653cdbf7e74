/**
 * The custom_ids of Discord's form pieces (each at most 100 characters), in one place:
 * `form:<form>|m|<nonce>[|<template>]` a modal (the nonce makes a submission act once;
 * the template is a challenge's, chosen before its modal), `form:challenge-new|s|<draft>`
 * the template select, `form:<form>|r|<draft>` the Try again button of a refused form
 * (`<draft>` keys the typed values kept in storage, form-drafts.ts).
 * `<form>` is a set-up form or `ask`.
 */
import { randomBytes } from "node:crypto";
import { FORM_ACTION_PREFIX, FORM_IDS, type FormId } from "../../core/forms/forms.js";
import { DISCORD_LIMITS as L } from "./limits.js";

/** The forms Discord shows: the set-up forms and Ask a question. */
type DiscordFormId = FormId | "ask";
/** What a form custom_id is on: a modal, the template select, or Try again. */
type Part = "modal" | "select" | "retry";

const PART_CODES: Record<Part, string> = { modal: "m", select: "s", retry: "r" };
const ID_PATTERN = new RegExp(
  `^${FORM_ACTION_PREFIX}(${[...FORM_IDS, "ask"].join("|")})\\|([msr])\\|([a-z0-9]{0,16})(?:\\|([a-z0-9-]{1,60}))?$`,
);

export interface FormCustomId {
  form: DiscordFormId;
  part: Part;
  /** The modal's nonce, or the draft's key (empty when there is none). */
  key: string;
  /** The challenge template a modal is for. */
  template?: string;
}

/** A short random key: 10 base-36 characters (about 51 bits). */
export function shortKey(): string {
  return BigInt(`0x${randomBytes(8).toString("hex")}`)
    .toString(36)
    .slice(0, 10);
}

/**
 * @example formCustomId({ form: "tips-setup", part: "modal", key: "k1" }) // "form:tips-setup|m|k1"
 * @throws Error past Discord's 100 characters (a bug: template ids are short).
 */
export function formCustomId(id: FormCustomId): string {
  const tail = id.template ? `|${id.template}` : "";
  const text = `${FORM_ACTION_PREFIX}${id.form}|${PART_CODES[id.part]}|${id.key}${tail}`;
  if (text.length > L.customId) throw new Error(`form custom_id too long (${text.length}): ${text}`);
  return text;
}

/** The inverse of formCustomId; undefined for anything else. */
export function parseFormCustomId(customId: string): FormCustomId | undefined {
  const match = ID_PATTERN.exec(customId);
  if (!match) return undefined;
  const part = (Object.keys(PART_CODES) as Part[]).find((p) => PART_CODES[p] === match[2]);
  if (!part) return undefined;
  return {
    form: match[1] as DiscordFormId,
    part,
    key: match[3] ?? "",
    ...(match[4] ? { template: match[4] } : {}),
  };
}
