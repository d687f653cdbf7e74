/**
 * Forms -> Discord (pure): a modal (interaction response type 9) of Labels (type 18), each
 * holding a text input (time, zone, date, numbers, names: Discord has no pickers) or a
 * string select (days, focus); the challenge template as a string select in a message
 * first, since a challenge has six fields and a modal holds five; the message that says
 * what to fix in a refused form, with Try again; and Ask a question. Every string stays
 * within DISCORD_LIMITS. A modal's input custom_ids are the form's field names, so a
 * submission maps back through the same core mapping as Slack's.
 * @see https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-response-object-modal
 * @see https://discord.com/developers/docs/components/reference#label
 */
import {
  type APIActionRowComponent,
  type APIComponentInLabel,
  type APILabelComponent,
  type APIModalInteractionResponseCallbackData,
  type APISelectMenuOption,
  type APIStringSelectComponent,
  ButtonStyle,
  ComponentType,
  TextInputStyle,
} from "discord.js";
import { type FormField, type FormSpec, type FormValues, WEEKDAYS } from "../../core/forms/forms.js";
import { formCustomId } from "./form-ids.js";
import { EPHEMERAL_FLAG, DISCORD_LIMITS as L } from "./limits.js";
import type { DiscordMessage } from "./render.js";
import { neutralizeMentions, truncate } from "./text.js";

/** The fields a Discord modal shows: no channel (a form runs where it was opened), no template (chosen first). */
export function modalFields(spec: FormSpec): FormField[] {
  return spec.fields.filter(
    (f) => f.kind !== "channel" && !(spec.id === "challenge-new" && f.name === "template"),
  );
}

function selectOption(value: string, label: string, description: string | undefined, chosen: boolean) {
  return {
    label: truncate(label, L.optionLabel),
    value: value.slice(0, L.optionValue),
    ...(description ? { description: truncate(description, L.optionDescription) } : {}),
    ...(chosen ? { default: true } : {}),
  } satisfies APISelectMenuOption;
}

/** A field's widget: a multi-select for days, a select for a choice, else a text input holding `value`. */
function widget(field: FormField, value: string | undefined): APIComponentInLabel {
  if (field.kind === "days" || field.kind === "choice") {
    const chosen = new Set((value ?? "").split(","));
    const source = field.kind === "days" ? WEEKDAYS : (field.options ?? []);
    const options = source
      .slice(0, L.selectOptions)
      .map((o) => selectOption(o.value, o.label, o.description, chosen.has(o.value)));
    return {
      type: ComponentType.StringSelect,
      custom_id: field.name,
      options,
      min_values: field.required ? 1 : 0,
      max_values: field.kind === "days" ? options.length : 1,
      required: field.required,
      ...(field.placeholder ? { placeholder: truncate(field.placeholder, L.selectPlaceholder) } : {}),
    };
  }
  const max = Math.min(field.max ?? L.textInputValue, L.textInputValue);
  return {
    type: ComponentType.TextInput,
    custom_id: field.name,
    style: TextInputStyle.Short,
    required: field.required,
    max_length: max,
    ...(value ? { value: value.slice(0, max) } : {}),
    ...(field.placeholder ? { placeholder: truncate(field.placeholder, L.textInputPlaceholder) } : {}),
  };
}

function label(text: string, component: APIComponentInLabel, description?: string): APILabelComponent {
  return {
    type: ComponentType.Label,
    label: truncate(text, L.label),
    ...(description ? { description: truncate(description, L.labelDescription) } : {}),
    component,
  };
}

/** A line under a field's label: what a typed field takes. */
function hintOf(field: FormField): string | undefined {
  if (field.kind === "zone") return "An IANA time zone, e.g. Europe/Berlin or America/New_York";
  if (field.kind === "date") return "YYYY-MM-DD; empty for today";
  return undefined;
}

/**
 * A set-up form's modal, filled in with `values` (what it was opened with, or what was
 * typed before Try again). `nonce` makes its submission act once.
 * @example await interaction.showModal({ toJSON: () => formModal(spec, values, "k1") })
 */
export function formModal(
  spec: FormSpec,
  values: FormValues,
  nonce: string,
): APIModalInteractionResponseCallbackData {
  const fields = modalFields(spec);
  if (fields.length > L.modalComponents)
    throw new Error(
      `The ${spec.id} form has ${fields.length} fields; a Discord modal holds ${L.modalComponents}.`,
    );
  const template = spec.id === "challenge-new" ? values.template : undefined;
  const chosen = template ? spec.fields[0]?.options?.find((o) => o.value === template) : undefined;
  return {
    custom_id: formCustomId({ form: spec.id, part: "modal", key: nonce, ...(template ? { template } : {}) }),
    title: truncate(chosen ? `${spec.title}: ${chosen.label}` : spec.title, L.modalTitle),
    components: fields.map((field) => label(field.label, widget(field, values[field.name]), hintOf(field))),
  };
}

/** An ephemeral message with one action row: at most the 5 rows Discord allows. */
function ephemeral(
  title: string,
  description: string,
  color: number,
  components: DiscordMessage["components"],
): DiscordMessage {
  return {
    embeds: [{ title: truncate(title, L.title), description: truncate(description, L.description), color }],
    components: components.slice(0, L.rows),
    flags: EPHEMERAL_FLAG,
    allowed_mentions: { parse: [] },
  };
}

/**
 * The challenge template as a string select in a message (its choice opens the modal):
 * each template with its length and description, the chosen one preselected. `draft`
 * keys values typed before (Try again), so they survive the choice.
 */
export function templateSelect(spec: FormSpec, values: FormValues, draft: string): DiscordMessage {
  const field = spec.fields.find((f) => f.name === "template");
  const options = (field?.options ?? [])
    .slice(0, L.selectOptions)
    .map((o) => selectOption(o.value, o.label, o.description, o.value === values.template));
  const select: APIStringSelectComponent = {
    type: ComponentType.StringSelect,
    custom_id: formCustomId({ form: spec.id, part: "select", key: draft }),
    options,
    min_values: 1,
    max_values: 1,
    placeholder: truncate("Pick a challenge", L.selectPlaceholder),
  };
  const row: APIActionRowComponent<APIStringSelectComponent> = {
    type: ComponentType.ActionRow,
    components: [select],
  };
  return ephemeral(
    spec.title,
    "Pick a challenge: the form for its name, first day, length, time zone and reminder opens next.",
    0x2f80ed,
    [row],
  );
}

/**
 * What to fix in a refused form, field by field (with a zone's did-you-mean), and a Try
 * again button that reopens the form filled in with what was typed (kept under `draft`).
 */
export function formErrors(spec: FormSpec, errors: Record<string, string>, draft: string): DiscordMessage {
  const lines = Object.entries(errors).map(([name, message]) => {
    const field = spec.fields.find((f) => f.name === name);
    return `**${field?.label ?? name}**: ${neutralizeMentions(message)}`;
  });
  const message = ephemeral(
    "Please fix the form",
    `${lines.join("\n")}\n\nNothing was saved. Press Try again: the form opens with what you typed.`,
    0xe67e22,
    [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.Button,
            style: ButtonStyle.Primary,
            label: "Try again",
            custom_id: formCustomId({ form: spec.id, part: "retry", key: draft }),
          },
        ],
      },
    ],
  );
  return message;
}

/** The Ask a question modal: one paragraph input, answered like `/ask`. */
export function askModal(nonce: string): APIModalInteractionResponseCallbackData {
  return {
    custom_id: formCustomId({ form: "ask", part: "modal", key: nonce }),
    title: truncate("Ask a question", L.modalTitle),
    components: [
      label(
        "Your question",
        {
          type: ComponentType.TextInput,
          custom_id: "question",
          style: TextInputStyle.Paragraph,
          required: true,
          min_length: 1,
          max_length: 500,
          placeholder: truncate("Can low vitamin D make my legs feel weak?", L.textInputPlaceholder),
        },
        "About vitamins, minerals or muscle weakness",
      ),
    ],
  };
}
