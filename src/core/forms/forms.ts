/**
 * Set-up forms as data: each field says what it holds (its kind), its label, its default
 * and its options, and the form names the typed command it submits to. Adapters render a
 * form with pure functions (Slack modals, Discord modals and selects); a submitted form
 * becomes that command's arguments (`formArguments`) and goes through the same dispatcher
 * as the typed command, so admin checks, validation and cooldowns apply once.
 */

import { UserFacingError } from "../../errors.js";
import { NUTRIENT_IDS, TIP_THEMES } from "../content/content-ids.js";
import type { Knowledge } from "../knowledge/knowledge.js";
import { isValidZone } from "../time/local-time.js";
import { parseTime, parseZone } from "../time/schedule.js";
import { suggestZones } from "../time/zone-suggestions.js";

/** The forms vitabot has. Button action ids are `form:<id>` on every platform. */
export const FORM_IDS = ["tips-setup", "challenge-new"] as const;
export type FormId = (typeof FORM_IDS)[number];

/** The action id (Slack) and custom id prefix (Discord) of the button that opens a form. */
export const FORM_ACTION_PREFIX = "form:";

/** `form:tips-setup` → `tips-setup`; undefined for anything else. */
export function formIdOf(actionId: string): FormId | undefined {
  if (!actionId.startsWith(FORM_ACTION_PREFIX)) return undefined;
  const id = actionId.slice(FORM_ACTION_PREFIX.length).split("|")[0];
  return FORM_IDS.find((known) => known === id);
}

/**
 * What a field holds, which decides its widget: `channel` (a channel picker), `time`
 * (HH:MM), `zone` (an IANA zone), `days` (a set of weekdays), `date` (YYYY-MM-DD),
 * `choice` (one of `options`), `text` (free text), `number` (a whole number, typed).
 */
type FieldKind = "channel" | "time" | "zone" | "days" | "date" | "choice" | "text" | "number";

export interface FieldOption {
  value: string;
  label: string;
  /** A line under the option (a challenge template's length and description). */
  description?: string;
}

export interface FormField {
  /** The argument of the typed command this field fills; also the block id (Slack) and custom id (Discord). */
  name: string;
  kind: FieldKind;
  label: string;
  /** A hint shown inside an empty field. */
  placeholder?: string;
  required: boolean;
  /** The longest text the command takes (its option's max). */
  max?: number;
  options?: readonly FieldOption[];
}

export interface FormSpec {
  id: FormId;
  title: string;
  submit: string;
  /** The typed command the form submits to. */
  path: string;
  /** The typed command that opens the form (it fills the defaults). */
  opener: string;
  fields: readonly FormField[];
}

/** What a form is opened with: a value per field (days as `mon,tue,…`), from the opener. */
export type FormValues = Record<string, string>;

/** Asks an adapter to show a form, filled in with `values`. */
export interface FormRequest {
  id: FormId;
  values: FormValues;
}

/** Weekday ids in the order `parseDays` reads them. */
export const WEEKDAYS: readonly FieldOption[] = [
  { value: "mon", label: "Monday" },
  { value: "tue", label: "Tuesday" },
  { value: "wed", label: "Wednesday" },
  { value: "thu", label: "Thursday" },
  { value: "fri", label: "Friday" },
  { value: "sat", label: "Saturday" },
  { value: "sun", label: "Sunday" },
];

/** The value that means "no focus" in the theme select; it maps to no argument. */
export const ANY_THEME = "any";

function themeOptions(): FieldOption[] {
  return [
    { value: ANY_THEME, label: "Any topic" },
    ...[...NUTRIENT_IDS, ...TIP_THEMES].map((id) => ({ value: id, label: id.replace(/-/g, " ") })),
  ];
}

function templateOptions(kb: Knowledge): FieldOption[] {
  return kb.content.challenges.map((t) => ({
    value: t.id,
    label: t.title,
    description: `${t.days} days: ${t.description}`,
  }));
}

/**
 * The form, with the options it offers from the knowledge base.
 * @example formSpec("tips-setup", kb).path === "tips subscribe"
 */
export function formSpec(id: FormId, kb: Knowledge): FormSpec {
  if (id === "tips-setup")
    return {
      id,
      title: "Set up daily tips",
      submit: "Save",
      path: "tips subscribe",
      opener: "tips setup",
      fields: [
        { name: "channel", kind: "channel", label: "Channel", required: true },
        { name: "time", kind: "time", label: "Time (HH:MM)", placeholder: "09:00", required: true, max: 5 },
        {
          name: "zone",
          kind: "zone",
          label: "Time zone",
          placeholder: "Europe/Berlin",
          required: true,
          max: 64,
        },
        { name: "days", kind: "days", label: "Days", required: true, options: WEEKDAYS },
        { name: "theme", kind: "choice", label: "Focus", required: false, options: themeOptions() },
      ],
    };
  return {
    id,
    title: "Start a challenge",
    submit: "Start",
    path: "challenge start",
    opener: "challenge new",
    fields: [
      { name: "template", kind: "choice", label: "Challenge", required: true, options: templateOptions(kb) },
      {
        name: "name",
        kind: "text",
        label: "Name",
        placeholder: "default: the challenge's title",
        required: false,
        max: 200,
      },
      {
        name: "start",
        kind: "date",
        label: "First day",
        placeholder: "YYYY-MM-DD",
        required: false,
        max: 10,
      },
      {
        name: "days",
        kind: "number",
        label: "How many days",
        placeholder: "default: the challenge's length",
        required: false,
        max: 5,
      },
      {
        name: "zone",
        kind: "zone",
        label: "Time zone its days follow",
        placeholder: "Europe/Berlin",
        required: true,
        max: 64,
      },
      {
        name: "reminder",
        kind: "time",
        label: "Daily reminder (HH:MM)",
        placeholder: "none",
        required: false,
        max: 5,
      },
    ],
  };
}

/** A submitted form, turned into the typed command's arguments, or what to fix first. */
export type FormArguments =
  | { ok: true; channelId?: string; args: Record<string, string> }
  | { ok: false; errors: Record<string, string> };

/**
 * The typed command's arguments from a submitted form: days as `mon,wed,fri`, the "any"
 * focus left out, the channel apart (it says where the command runs). Only emptiness of a
 * required field is checked here; everything else is the command's own validation.
 * @example formArguments(spec, { channel: "C1", time: "08:30", zone: "UTC", days: ["mon"] })
 */
export function formArguments(
  spec: FormSpec,
  submitted: Readonly<Record<string, string | readonly string[] | undefined>>,
): FormArguments {
  const args: Record<string, string> = {};
  const errors: Record<string, string> = {};
  let channelId: string | undefined;
  for (const field of spec.fields) {
    const raw = submitted[field.name];
    const value = (Array.isArray(raw) ? raw.join(",") : typeof raw === "string" ? raw : "").trim();
    if (value === "") {
      if (field.required)
        errors[field.name] = field.kind === "days" ? "Pick at least one day." : `${field.label} is required.`;
      continue;
    }
    if (field.kind === "channel") channelId = value;
    else if (field.kind === "choice" && field.name === "theme" && value === ANY_THEME) continue;
    else args[field.name] = value;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, args, ...(channelId ? { channelId } : {}) };
}

/** Which field a command's user error is about, by its code (per form: `bad_time` is the reminder of a challenge). */
const FIELD_OF_CODE: Record<FormId, Record<string, string>> = {
  "tips-setup": {
    bad_time: "time",
    bad_zone: "zone",
    zone_required: "zone",
    bad_days: "days",
    bad_theme: "theme",
    not_admin: "channel",
  },
  "challenge-new": {
    unknown_template: "template",
    bad_date: "start",
    past_date: "start",
    bad_days: "days",
    bad_zone: "zone",
    zone_required: "zone",
    bad_time: "reminder",
    not_admin: "template",
  },
};

/**
 * The field a refused submission should show its error on: the argument the dispatcher
 * named, else the one the error's code is about, else the first field.
 */
export function fieldForError(spec: FormSpec, error: { code?: string; field?: string }): string {
  const names = spec.fields.map((f) => f.name);
  if (error.field && names.includes(error.field)) return error.field;
  const byCode = error.code ? FIELD_OF_CODE[spec.id][error.code] : undefined;
  return byCode ?? names[0] ?? "form";
}

/**
 * The IANA zone closest to what was typed ("Europe/Berln", "berlin", "new york"), for a
 * did-you-mean; undefined when nothing is close or the zone is already valid. The one
 * zone did-you-mean is src/core/time/zone-suggestions.ts; this is its first answer.
 * @example suggestZone("Europe/Berln") === "Europe/Berlin"
 */
export function suggestZone(typed: string): string | undefined {
  if (typed.trim() === "" || isValidZone(typed.trim())) return undefined;
  return suggestZones(typed)[0];
}

/** The error to show on a field, with a did-you-mean for a zone close to a real one. */
export function fieldError(
  field: string,
  message: string,
  submitted: Readonly<Record<string, unknown>>,
): string {
  const typed = submitted[field];
  if (field !== "zone" || typeof typed !== "string") return message;
  const hint = suggestZone(typed);
  return hint ? `${message} Did you mean ${hint}?` : message;
}

/**
 * What is wrong with the typed fields of a submitted form, field by field, before any
 * command runs: a time that is not HH:MM (`25:00`), a zone that is not an IANA name (with
 * a did-you-mean). For platforms where these are text inputs (Discord); pickers (Slack)
 * cannot send them. The command still validates everything again.
 * @example fieldProblems(spec, { time: "25:00" }) // { time: "\"25:00\" is not …" }
 */
export function fieldProblems(
  spec: FormSpec,
  submitted: Readonly<Record<string, string | readonly string[] | undefined>>,
): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const field of spec.fields) {
    const typed = submitted[field.name];
    if (typeof typed !== "string" || typed.trim() === "") continue;
    const check = field.kind === "time" ? parseTime : field.kind === "zone" ? parseZone : undefined;
    if (!check) continue;
    try {
      check(typed.trim());
    } catch (error) {
      if (!(error instanceof UserFacingError)) throw error;
      problems[field.name] = fieldError(field.name, error.message, submitted);
    }
  }
  return problems;
}
