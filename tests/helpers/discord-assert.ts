/**
 * One check for every Discord limit, used by the renderer tests and the end-to-end
 * tests alike: embed sizes, field counts, the 6,000 total, button rows, custom_ids.
 */
import { expect } from "vitest";
import { decodeAction } from "../../src/adapters/chat-adapter.js";
import { parseFormCustomId } from "../../src/adapters/discord/form-ids.js";
import { DISCORD_LIMITS as L } from "../../src/adapters/discord/limits.js";
import { embedLength } from "../../src/adapters/discord/render.js";
import type { MessageJson } from "../kit/discord-json.js";
import { commandInteraction } from "../kit/discord-payloads.js";
import type { DiscordStandIn } from "../kit/discord-stand-in.js";

type MessageLike = MessageJson | undefined;

/** Fails with the offending part when a message body breaks any Discord limit. */
export function expectWithinDiscordLimits(message: MessageLike, label = "message"): void {
  expect(message?.allowed_mentions, label).toEqual({ parse: [] });
  const embeds = message?.embeds ?? [];
  expect(embeds.length, label).toBeGreaterThanOrEqual(1);
  let total = 0;
  for (const embed of embeds) {
    expect(embed.title?.length ?? 0, `${label}: title`).toBeLessThanOrEqual(L.title);
    expect(embed.title?.trim().length ?? 0, `${label}: title`).toBeGreaterThan(0);
    expect(embed.description?.length ?? 0, `${label}: description`).toBeLessThanOrEqual(L.description);
    expect(embed.fields?.length ?? 0, `${label}: fields`).toBeLessThanOrEqual(L.fields);
    for (const field of embed.fields ?? []) {
      expect(field.name.length, `${label}: field name`).toBeGreaterThan(0);
      expect(field.name.length, `${label}: field name`).toBeLessThanOrEqual(L.fieldName);
      expect(field.value.length, `${label}: field value`).toBeGreaterThan(0);
      expect(field.value.length, `${label}: field value ${field.name}`).toBeLessThanOrEqual(L.fieldValue);
    }
    expect(embed.footer?.text.length ?? 0, `${label}: footer`).toBeLessThanOrEqual(L.footer);
    total += embedLength(embed);
  }
  expect(total, `${label}: embed total`).toBeLessThanOrEqual(L.embedTotal);
  const rows = message?.components ?? [];
  expect(rows.length, `${label}: rows`).toBeLessThanOrEqual(L.rows);
  const ids = new Set<string>();
  for (const row of rows) {
    expect(row.type, label).toBe(1);
    expect(row.components.length, `${label}: buttons in a row`).toBeGreaterThan(0);
    expect(row.components.length, `${label}: buttons in a row`).toBeLessThanOrEqual(L.buttonsPerRow);
    for (const button of row.components) {
      expect(button.custom_id.length, `${label}: custom_id ${button.custom_id}`).toBeLessThanOrEqual(
        L.customId,
      );
      const routes = decodeAction(button.custom_id) ?? parseFormCustomId(button.custom_id);
      expect(routes, `${label}: custom_id routes back`).toBeDefined();
      expect(ids.has(button.custom_id), `${label}: duplicate custom_id`).toBe(false);
      expect(button.label?.length ?? 0, `${label}: button label`).toBeLessThanOrEqual(L.buttonLabel);
      ids.add(button.custom_id);
    }
  }
}

/**
 * Sends `/vitamin nutrient:e` in every guild of the stand-in and checks each gets its embed
 * back: proof that whichever shard (or replica) holds a guild answers in it.
 */
export async function expectVitaminAnswerInEachGuild(standIn: DiscordStandIn): Promise<void> {
  for (const guild of standIn.guilds) {
    const payload = commandInteraction(
      {
        applicationId: standIn.applicationId,
        guildId: guild.id,
        channelId: guild.channelId,
        user: { id: "740000000000000001", username: "cy" },
      },
      "vitamin",
      { nutrient: "e" },
    );
    standIn.dispatch("INTERACTION_CREATE", payload);
    const path = `/interactions/${payload.id}/${payload.token}/callback`;
    const call = await standIn.waitForCall((c) => c.path === path);
    expect(call.body.data?.embeds?.[0]?.title, `guild ${guild.id}`).toBe("Vitamin E");
  }
}

/** A modal (interaction response type 9) as the stand-in received it. */
export interface ModalJson {
  custom_id: string;
  title: string;
  components: {
    type: number;
    label: string;
    description?: string;
    component: {
      type: number;
      custom_id: string;
      value?: string;
      max_length?: number;
      placeholder?: string;
      options?: { label: string; value: string; description?: string; default?: boolean }[];
    };
  }[];
}

/** Fails when a modal breaks a Discord limit: title 45, 1–5 Labels of 45 (descriptions 100), 25 options of 100. */
export function expectModalWithinLimits(modal: ModalJson | undefined, label = "modal"): void {
  expect(modal, label).toBeDefined();
  if (!modal) return;
  expect(modal.custom_id.length, `${label}: custom_id`).toBeLessThanOrEqual(L.customId);
  expect(parseFormCustomId(modal.custom_id), `${label}: custom_id routes back`).toBeDefined();
  expect(modal.title.length, `${label}: title`).toBeGreaterThan(0);
  expect(modal.title.length, `${label}: title`).toBeLessThanOrEqual(L.modalTitle);
  expect(modal.components.length, `${label}: components`).toBeGreaterThan(0);
  expect(modal.components.length, `${label}: components`).toBeLessThanOrEqual(L.modalComponents);
  for (const item of modal.components) {
    expect(item.type, `${label}: a Label`).toBe(18);
    expect(item.label.length, `${label}: label`).toBeLessThanOrEqual(L.label);
    expect(item.description?.length ?? 0, `${label}: description`).toBeLessThanOrEqual(L.labelDescription);
    const input = item.component;
    expect(input.custom_id.length, `${label}: input custom_id`).toBeLessThanOrEqual(L.customId);
    expect(input.value?.length ?? 0, `${label}: value`).toBeLessThanOrEqual(
      input.max_length ?? L.textInputValue,
    );
    expect(input.placeholder?.length ?? 0, `${label}: placeholder`).toBeLessThanOrEqual(
      L.textInputPlaceholder,
    );
    expect(input.options?.length ?? 0, `${label}: options`).toBeLessThanOrEqual(L.selectOptions);
    for (const o of input.options ?? []) {
      expect(o.label.length, `${label}: option label`).toBeLessThanOrEqual(L.optionLabel);
      expect(o.value.length, `${label}: option value`).toBeLessThanOrEqual(L.optionValue);
      expect(o.description?.length ?? 0, `${label}: option description`).toBeLessThanOrEqual(
        L.optionDescription,
      );
    }
  }
}
