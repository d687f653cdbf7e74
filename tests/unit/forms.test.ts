/**
 * Forms as data: the form -> typed-command arguments mapping, which field an error lands
 * on, the zone did-you-mean, and the Slack modal renderer within Slack's limits.
 */
import { describe, expect, it } from "vitest";
import {
  FIELD_ACTION_ID,
  toSlackModal,
  valuesFromSlackState,
  zoneOptionGroups,
} from "../../src/adapters/slack/forms.js";
import { SLACK_LIMITS as L } from "../../src/adapters/slack/limits.js";
import {
  FORM_IDS,
  fieldForError,
  formArguments,
  formIdOf,
  formSpec,
  suggestZone,
} from "../../src/core/forms/forms.js";
import type { Knowledge } from "../../src/core/knowledge/knowledge.js";
import { realContent } from "../helpers/content.js";

const kb = { content: realContent() } as unknown as Knowledge;
const tips = formSpec("tips-setup", kb);
const challenge = formSpec("challenge-new", kb);

describe("form -> arguments", () => {
  it("turns checked days into a list, leaves the 'any' focus out and keeps the channel apart", () => {
    const mapped = formArguments(tips, {
      channel: "C1",
      time: "08:30",
      zone: "UTC",
      days: ["mon", "wed"],
      theme: "any",
    });
    expect(mapped).toEqual({
      ok: true,
      channelId: "C1",
      args: { time: "08:30", zone: "UTC", days: "mon,wed" },
    });
  });

  it("refuses an empty required field on that field, before any command runs", () => {
    expect(formArguments(tips, { channel: "C1", time: "09:00", zone: "UTC", days: [] })).toEqual({
      ok: false,
      errors: { days: "Pick at least one day." },
    });
    const empty = formArguments(challenge, { template: undefined, zone: "UTC" });
    expect(empty.ok === false && Object.keys(empty.errors)).toEqual(["template"]);
  });

  it("leaves optional empty fields to the command's defaults", () => {
    expect(formArguments(challenge, { template: "daylight-walks", name: "", zone: "UTC" })).toEqual({
      ok: true,
      args: { template: "daylight-walks", zone: "UTC" },
    });
  });

  it("puts an error on the argument the dispatcher named, else on the field its code is about", () => {
    expect(fieldForError(tips, { code: "bad_arguments", field: "zone" })).toBe("zone");
    expect(fieldForError(tips, { code: "bad_time" })).toBe("time");
    expect(fieldForError(challenge, { code: "bad_time" })).toBe("reminder");
    expect(fieldForError(challenge, { code: "unknown_template" })).toBe("template");
    expect(fieldForError(tips, { code: "something_else" })).toBe("channel");
  });

  it("reads form ids from action ids, and nothing else", () => {
    expect(formIdOf("form:tips-setup")).toBe("tips-setup");
    expect(formIdOf("form:challenge-new|x")).toBe("challenge-new");
    expect(formIdOf("form:other")).toBeUndefined();
    expect(formIdOf("vb-0")).toBeUndefined();
  });

  it("suggests the nearest zone for a near miss, and nothing for a valid or far-off one", () => {
    expect(suggestZone("Europe/Berln")).toBe("Europe/Berlin");
    expect(suggestZone("new york")).toBe("America/New_York");
    expect(suggestZone("Europe/Berlin")).toBeUndefined();
    expect(suggestZone("qqqqqqqqqqqqqqqqqqqq")).toBeUndefined();
  });
});

describe("Slack modals", () => {
  it.each(FORM_IDS)("%s renders within Slack's modal limits, one input block per field", (id) => {
    const spec = formSpec(id, kb);
    const view = toSlackModal(
      spec,
      { zone: "Europe/Berlin", days: "mon,tue", time: "25:00" },
      { channelId: "C1" },
    );
    expect(view.blocks.length).toBeLessThanOrEqual(L.viewBlocks);
    expect(view.blocks.map((b) => b.block_id)).toEqual(spec.fields.map((f) => f.name));
    expect(view.title.text.length).toBeLessThanOrEqual(L.viewTitle);
    expect((view.private_metadata ?? "").length).toBeLessThanOrEqual(L.privateMetadata);
    // An invalid value (a retried 25:00) is never sent as a picker's initial value.
    expect(JSON.stringify(view)).not.toContain("25:00");
    const json = JSON.stringify(view.blocks);
    for (const match of json.matchAll(/"text":"((?:[^"\\]|\\.)*)"/g))
      expect((match[1] ?? "").length).toBeLessThanOrEqual(L.inputLabel);
  });

  it("offers every zone in option groups of at most 100, each option within 75/150 characters", () => {
    const groups = zoneOptionGroups();
    expect(groups.length).toBeLessThanOrEqual(L.optionGroups);
    const options = groups.flatMap((g) => g.options);
    expect(options.map((o) => o.value)).toContain("America/New_York");
    for (const group of groups) expect(group.options.length).toBeLessThanOrEqual(L.selectOptions);
    for (const o of options) {
      expect(o.text.text.length).toBeLessThanOrEqual(L.optionText);
      expect((o.value ?? "").length).toBeLessThanOrEqual(L.optionValue);
    }
  });

  it("keeps template descriptions within 75 characters", () => {
    const view = toSlackModal(challenge, {}, { channelId: "C1" });
    const template = view.blocks[0] as { element: { options: { description?: { text: string } }[] } };
    for (const o of template.element.options)
      expect(o.description?.text.length ?? 0).toBeLessThanOrEqual(L.optionDescription);
  });

  it("reads a submitted state back into field values", () => {
    const state = {
      channel: { [FIELD_ACTION_ID]: { type: "conversations_select", selected_conversation: "C9" } },
      time: { [FIELD_ACTION_ID]: { type: "timepicker", selected_time: "07:15" } },
      zone: { [FIELD_ACTION_ID]: { type: "static_select", selected_option: { value: "UTC" } } },
      days: {
        [FIELD_ACTION_ID]: { type: "checkboxes", selected_options: [{ value: "sat" }, { value: "sun" }] },
      },
      theme: { [FIELD_ACTION_ID]: { type: "static_select", selected_option: null } },
    };
    expect(valuesFromSlackState(tips, state)).toEqual({
      channel: "C9",
      time: "07:15",
      zone: "UTC",
      days: ["sat", "sun"],
      theme: undefined,
    });
  });
});

describe("Discord, when a form opens too late for a modal", () => {
  it("the form opener's own reply does not offer the same form button again (no loop)", async () => {
    const { renderReply } = await import("../../src/adapters/discord/render.js");
    const message = renderReply({
      title: "Set up daily tips",
      tone: "info",
      sections: [{ text: "Type /tips subscribe 09:00 Europe/Berlin weekdays" }],
      buttons: [
        { label: "Set up daily tips", action: "tips setup", form: "tips-setup" },
        { label: "Help", action: "help" },
      ],
      form: { id: "tips-setup", values: {} },
      visibility: "ephemeral",
    });
    expect(JSON.stringify(message.components)).not.toContain("tips setup");
    expect(JSON.stringify(message.components)).toContain("vb|run|help");
  });
});
