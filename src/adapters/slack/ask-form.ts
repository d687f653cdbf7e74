/**
 * The "Ask a question" form (pure): a modal with one text input, opened with `views.open`
 * from the button's `trigger_id`, and the question read back from its `view_submission`.
 * The question then goes through the same dispatcher as `/vitabot ask`.
 * @see https://docs.slack.dev/surfaces/modals
 */
import type { types } from "@slack/bolt";
import { z } from "zod";
import { SLACK_LIMITS as L } from "./limits.js";

/** The Ask button's `action_id` (every other vitabot button is `vb-<n>`). */
export const ASK_ACTION_ID = "vb-form-ask";
/** The modal's `callback_id`, which routes its submission back here. */
export const ASK_CALLBACK_ID = "vb-ask";
const BLOCK_ID = "question";
const INPUT_ID = "question";
/** Longest question the form takes: the same cap the typed commands have. */
const MAX_QUESTION = 500;

/** The modal `views.open` shows. */
export function askModal(): types.ModalView {
  return {
    type: "modal",
    callback_id: ASK_CALLBACK_ID,
    title: { type: "plain_text", text: "Ask a question".slice(0, L.viewTitle) },
    submit: { type: "plain_text", text: "Ask" },
    close: { type: "plain_text", text: "Cancel" },
    blocks: [
      {
        type: "input",
        block_id: BLOCK_ID,
        label: { type: "plain_text", text: "Your question about vitamins, minerals or muscle weakness" },
        element: {
          type: "plain_text_input",
          action_id: INPUT_ID,
          multiline: true,
          max_length: Math.min(MAX_QUESTION, L.inputText),
          placeholder: { type: "plain_text", text: "Can low vitamin D make my legs feel weak?" },
        },
      },
    ],
  };
}

const submittedState = z.looseObject({
  values: z.looseObject({
    [BLOCK_ID]: z.looseObject({
      [INPUT_ID]: z.looseObject({ value: z.string().nullable().optional() }),
    }),
  }),
});

/** The question typed into a submitted form; undefined when the state has none. */
export function questionOf(state: unknown): string | undefined {
  const parsed = submittedState.safeParse(state);
  if (!parsed.success) return undefined;
  const value = parsed.data.values[BLOCK_ID][INPUT_ID].value?.trim();
  return value ? value.slice(0, MAX_QUESTION) : undefined;
}
