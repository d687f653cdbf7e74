/**
 * Forms -> Slack modals (pure), and a submitted modal's state back to field values. Block
 * ids are the form's field names (the typed command's argument names), so an error from
 * the dispatcher lands on its field with `response_action: "errors"`. Every string stays
 * within SLACK_LIMITS.
 * @see https://docs.slack.dev/surfaces/modals
 */
import type { types } from "@slack/bolt";
import {
  FORM_ACTION_PREFIX,
  type FormField,
  type FormSpec,
  type FormValues,
  WEEKDAYS,
} from "../../core/forms/forms.js";
import { isValidZone } from "../../core/time/local-time.js";
import { SLACK_LIMITS as L } from "./limits.js";
import { truncate } from "./text.js";

type Block = types.KnownBlock;
type Option = types.PlainTextOption;
/** A labelled group of a static select's options. */
interface OptionGroup {
  label: types.PlainTextElement;
  options: Option[];
}

/** Every input's action id; the block id says which field it is. */
export const FIELD_ACTION_ID = "value";

/** What a modal remembers between opening and submission. */
export interface FormMetadata {
  /** The channel the form was opened in: where a form without a channel field runs. */
  channelId: string;
}

const plain = (text: string, max: number) =>
  ({ type: "plain_text", text: truncate(text, max) || " ", emoji: true }) as const;

function option(value: string, label: string, description?: string): Option {
  return {
    text: plain(label, L.optionText),
    value: value.slice(0, L.optionValue),
    ...(description ? { description: plain(description, L.optionDescription) } : {}),
  };
}

let zoneGroups: OptionGroup[] | undefined;

/**
 * Every IANA zone, grouped by region (`America`, `Europe`, …) and cut into groups of at
 * most 100, so one static select offers them all; Slack filters them as the person types.
 */
export function zoneOptionGroups(): OptionGroup[] {
  if (zoneGroups) return zoneGroups;
  const byRegion = new Map<string, string[]>();
  for (const zone of ["UTC", ...Intl.supportedValuesOf("timeZone").filter((z) => z !== "UTC")]) {
    const region = zone.includes("/") ? (zone.split("/")[0] ?? "Other") : "Other";
    byRegion.set(region, [...(byRegion.get(region) ?? []), zone]);
  }
  const groups: OptionGroup[] = [];
  for (const [region, zones] of byRegion) {
    for (let i = 0; i < zones.length; i += L.selectOptions) {
      const part = zones.length > L.selectOptions ? ` ${i / L.selectOptions + 1}` : "";
      groups.push({
        label: plain(`${region}${part}`, L.optionText),
        options: zones.slice(i, i + L.selectOptions).map((z) => option(z, z.replace(/_/g, " "))),
      });
    }
  }
  zoneGroups = groups.slice(0, L.optionGroups);
  return zoneGroups;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function element(field: FormField, value: string | undefined, metadata: FormMetadata) {
  const action_id = FIELD_ACTION_ID;
  const placeholder = field.placeholder ? { placeholder: plain(field.placeholder, L.placeholder) } : {};
  switch (field.kind) {
    case "channel":
      return {
        type: "conversations_select",
        action_id,
        initial_conversation: value || metadata.channelId,
        filter: { include: ["public", "private"], exclude_bot_users: true },
      } as types.ConversationsSelect;
    case "time":
      return {
        type: "timepicker",
        action_id,
        ...(value && TIME.test(value) ? { initial_time: value } : {}),
        ...placeholder,
      } as types.Timepicker;
    case "date":
      return {
        type: "datepicker",
        action_id,
        ...(value && DATE.test(value) ? { initial_date: value } : {}),
        ...placeholder,
      } as types.Datepicker;
    case "zone": {
      const groups = zoneOptionGroups();
      const initial =
        value && isValidZone(value)
          ? groups.flatMap((g) => g.options).find((o) => o.value === value)
          : undefined;
      return {
        type: "static_select",
        action_id,
        option_groups: groups,
        ...(initial ? { initial_option: initial } : {}),
        ...placeholder,
      } as types.StaticSelect;
    }
    case "days": {
      const options = WEEKDAYS.slice(0, L.checkboxOptions).map((d) => option(d.value, d.label));
      const chosen = new Set((value ?? "").split(","));
      const initial = options.filter((o) => o.value !== undefined && chosen.has(o.value));
      return {
        type: "checkboxes",
        action_id,
        options,
        ...(initial.length > 0 ? { initial_options: initial } : {}),
      } as types.Checkboxes;
    }
    case "choice": {
      const options = (field.options ?? [])
        .slice(0, L.selectOptions)
        .map((o) => option(o.value, o.label, o.description));
      const initial = options.find((o) => o.value === value);
      return {
        type: "static_select",
        action_id,
        options,
        ...(initial ? { initial_option: initial } : {}),
        ...placeholder,
      } as types.StaticSelect;
    }
    case "number":
      return {
        type: "number_input",
        action_id,
        is_decimal_allowed: false,
        ...(value && /^\d+$/.test(value) ? { initial_value: value } : {}),
        ...placeholder,
      } as types.NumberInput;
    case "text":
      return {
        type: "plain_text_input",
        action_id,
        ...(value ? { initial_value: value.slice(0, field.max ?? 3000) } : {}),
        ...(field.max ? { max_length: field.max } : {}),
        ...placeholder,
      } as types.PlainTextInput;
  }
}

/**
 * The modal for a form, filled in with `values`.
 * @example await client.views.open({ trigger_id, view: toSlackModal(spec, values, { channelId }) })
 */
export function toSlackModal(spec: FormSpec, values: FormValues, metadata: FormMetadata): types.ModalView {
  const blocks: Block[] = spec.fields.slice(0, L.viewBlocks).map(
    (field): Block =>
      ({
        type: "input",
        block_id: field.name.slice(0, L.blockId),
        label: plain(field.label, L.inputLabel),
        optional: !field.required,
        element: element(field, values[field.name], metadata),
      }) as types.InputBlock,
  );
  return {
    type: "modal",
    callback_id: `${FORM_ACTION_PREFIX}${spec.id}`.slice(0, L.callbackId),
    title: plain(spec.title, L.viewTitle),
    submit: plain(spec.submit, L.viewButton),
    close: plain("Cancel", L.viewButton),
    private_metadata: JSON.stringify(metadata).slice(0, L.privateMetadata),
    blocks,
  };
}

/** One input's state as Slack sends it in `view.state.values[block][action]`. */
interface InputState {
  value?: string | null;
  selected_conversation?: string | null;
  selected_time?: string | null;
  selected_date?: string | null;
  selected_option?: { value?: string } | null;
  selected_options?: { value?: string }[] | null;
}

/**
 * A submitted modal's values by field name: selections as their values, checkboxes as a
 * list, anything left empty as undefined.
 */
export function valuesFromSlackState(
  spec: FormSpec,
  state: Readonly<Record<string, Readonly<Record<string, unknown>>>>,
): Record<string, string | string[] | undefined> {
  const out: Record<string, string | string[] | undefined> = {};
  for (const field of spec.fields) {
    const input = (state[field.name]?.[FIELD_ACTION_ID] ?? {}) as InputState;
    if (field.kind === "days") {
      out[field.name] = (input.selected_options ?? []).flatMap((o) => (o.value ? [o.value] : []));
      continue;
    }
    const value =
      input.selected_conversation ??
      input.selected_time ??
      input.selected_date ??
      input.selected_option?.value ??
      input.value;
    out[field.name] = typeof value === "string" ? value : undefined;
  }
  return out;
}

/** The metadata a modal was opened with; an empty channel when it is missing or not ours. */
export function metadataOf(privateMetadata: string | undefined): FormMetadata {
  try {
    const parsed = JSON.parse(privateMetadata ?? "") as { channelId?: unknown };
    return { channelId: typeof parsed.channelId === "string" ? parsed.channelId : "" };
  } catch {
    return { channelId: "" };
  }
}
