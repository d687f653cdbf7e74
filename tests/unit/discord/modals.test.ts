/**
 * The Discord form renderers within Discord's limits (modal title 45, at most 5 Labels of
 * 45 with descriptions of 100, 25 select options of 100, custom_ids of 100), the form
 * custom_ids, the field-by-field check of typed values, and the edge schema for modal
 * submits and selects.
 */
import { describe, expect, it } from "vitest";
import { formCustomId, parseFormCustomId } from "../../../src/adapters/discord/form-ids.js";
import { inputFromApi } from "../../../src/adapters/discord/interaction-input.js";
import { parseInteraction } from "../../../src/adapters/discord/interaction-schema.js";
import { DISCORD_LIMITS as L } from "../../../src/adapters/discord/limits.js";
import {
  askModal,
  formErrors,
  formModal,
  modalFields,
  templateSelect,
} from "../../../src/adapters/discord/modals.js";
import { FORM_IDS, fieldProblems, formSpec } from "../../../src/core/forms/forms.js";
import type { Knowledge } from "../../../src/core/knowledge/knowledge.js";
import { realContent } from "../../helpers/content.js";
import {
  expectModalWithinLimits,
  expectWithinDiscordLimits,
  type ModalJson,
} from "../../helpers/discord-assert.js";
import { modalSubmitInteraction, selectInteraction } from "../../kit/discord-payloads.js";

const content = realContent();
const kb = { content } as unknown as Knowledge;
/** A knowledge base with 30 templates whose titles and descriptions are far too long. */
const crowded = {
  content: {
    ...content,
    challenges: Array.from({ length: 30 }, (_, i) => ({
      ...content.challenges[0],
      id: `template-${i}-${"x".repeat(40)}`,
      title: `A challenge with a very long title number ${i} ${"y".repeat(120)}`,
      description: "z".repeat(300),
    })),
  },
} as unknown as Knowledge;

const long = "ü".repeat(5000);

describe("Discord modals", () => {
  it.each(FORM_IDS)(
    "%s fits a modal: at most 5 Labels, each within its limits, with long values cut",
    (id) => {
      for (const knowledge of [kb, crowded]) {
        const spec = formSpec(id, knowledge);
        const template = knowledge.content.challenges[0]?.id ?? "";
        const values = Object.fromEntries(spec.fields.map((f) => [f.name, long]));
        const modal = formModal(spec, { ...values, template }, "abc123") as unknown as ModalJson;
        expectModalWithinLimits(modal, id);
        expect(modal.components.length).toBe(modalFields(spec).length);
        expect(parseFormCustomId(modal.custom_id)).toMatchObject({ form: id, part: "modal", key: "abc123" });
      }
    },
  );

  it("fills text inputs and preselects the chosen days and focus", () => {
    const spec = formSpec("tips-setup", kb);
    const modal = formModal(
      spec,
      { time: "25:00", zone: "Europe/Berln", days: "sat,sun", theme: "vitamin-d" },
      "k",
    );
    const [time, zone, days, theme] = modal.components as unknown as ModalJson["components"];
    expect(time?.component.value).toBe("25:00");
    expect(zone?.component.value).toBe("Europe/Berln");
    expect(days?.component.options?.filter((o) => o.default).map((o) => o.value)).toEqual(["sat", "sun"]);
    expect(theme?.component.options?.filter((o) => o.default).map((o) => o.value)).toEqual(["vitamin-d"]);
  });

  it("offers at most 25 templates in the select, each within 100 characters", () => {
    const message = templateSelect(formSpec("challenge-new", crowded), {}, "draft1");
    expectWithinDiscordLimits(message);
    const select = message.components[0]?.components[0] as unknown as {
      custom_id: string;
      options: { label: string; value: string; description?: string }[];
    };
    expect(select.options).toHaveLength(L.selectOptions);
    for (const o of select.options) {
      expect(o.label.length).toBeLessThanOrEqual(L.optionLabel);
      expect(o.value.length).toBeLessThanOrEqual(L.optionValue);
      expect(o.description?.length ?? 0).toBeLessThanOrEqual(L.optionDescription);
    }
    expect(parseFormCustomId(select.custom_id)).toMatchObject({ part: "select", key: "draft1" });
  });

  it("says what to fix within an embed's limits, with a Try again button that routes back", () => {
    const spec = formSpec("tips-setup", kb);
    const message = formErrors(spec, { time: long, zone: long, days: "@everyone pick a day" }, "draft2");
    expectWithinDiscordLimits(message);
    expect(message.embeds[0]?.description).not.toContain("@everyone");
    const button = message.components[0]?.components[0] as { label: string; custom_id: string };
    expect(button.label).toBe("Try again");
    expect(parseFormCustomId(button.custom_id)).toEqual({ form: "tips-setup", part: "retry", key: "draft2" });
  });

  it("asks a question in one paragraph input", () => {
    expectModalWithinLimits(askModal("n1") as unknown as ModalJson);
  });
});

describe("form custom_ids", () => {
  it("round-trip within 100 characters, a 60-character template included", () => {
    const id = {
      form: "challenge-new" as const,
      part: "modal" as const,
      key: "0123456789",
      template: "t".repeat(60),
    };
    const text = formCustomId(id);
    expect(text.length).toBeLessThanOrEqual(L.customId);
    expect(parseFormCustomId(text)).toEqual(id);
  });

  it("read nothing else", () => {
    for (const other of ["vb|run|ask", "form:tips-setup", "form:other|m|k", "form:ask|x|k", "form:ask|m|K!"])
      expect(parseFormCustomId(other), other).toBeUndefined();
  });
});

describe("fieldProblems", () => {
  const tips = formSpec("tips-setup", kb);
  it("refuses 25:00 and a mistyped zone, with a did-you-mean, field by field", () => {
    const problems = fieldProblems(tips, { time: "25:00", zone: "Europe/Berln", days: "mon" });
    expect(Object.keys(problems)).toEqual(["time", "zone"]);
    expect(problems.time).toContain("25:00");
    expect(problems.zone).toMatch(/Did you mean Europe\/Berlin\?$/);
  });

  it("passes good values and leaves empty ones to the required check", () => {
    expect(fieldProblems(tips, { time: "08:30", zone: "America/New_York", days: "mon" })).toEqual({});
    expect(fieldProblems(tips, { time: "", zone: "" })).toEqual({});
  });
});

describe("the edge schema for forms", () => {
  const ctx = {
    applicationId: "1",
    guildId: "4194304000",
    channelId: "55",
    user: { id: "78", username: "fa" },
  };

  it("reads a modal submit's Labels (text inputs and selects) by custom_id", () => {
    const payload = modalSubmitInteraction(ctx, "form:tips-setup|m|k1", {
      time: "08:30",
      days: ["mon", "tue"],
    });
    const parsed = parseInteraction(payload);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(inputFromApi(parsed.interaction)).toMatchObject({
      kind: "modal",
      customId: "form:tips-setup|m|k1",
      values: { time: "08:30", days: ["mon", "tue"] },
    });
  });

  it("reads a string select's chosen values", () => {
    const payload = selectInteraction(ctx, "form:challenge-new|s|", ["daylight-walks"], {
      id: "1",
      username: "vitabot",
      bot: true,
    });
    const parsed = parseInteraction(payload);
    expect(parsed.ok && inputFromApi(parsed.interaction)).toMatchObject({
      kind: "select",
      values: ["daylight-walks"],
    });
  });

  it("refuses a modal submit whose shape Discord would never send", () => {
    const payload = modalSubmitInteraction(ctx, "form:tips-setup|m|k1", { time: "08:30" });
    const tooMany = {
      ...payload,
      data: { ...payload.data, components: Array(6).fill(payload.data.components[0]) },
    };
    const notText = {
      ...payload,
      data: {
        ...payload.data,
        components: [{ type: 18, component: { type: 4, custom_id: "time", value: 5 } }],
      },
    };
    const noData = { ...payload, data: undefined };
    for (const bad of [tooMany, notText, noData]) expect(parseInteraction(bad).ok).toBe(false);
  });
});
