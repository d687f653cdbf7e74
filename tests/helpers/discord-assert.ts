/**
 * One check for every Discord limit, used by the renderer tests and the end-to-end
 * tests alike: embed sizes, field counts, the 6,000 total, button rows, custom_ids.
 */
import { expect } from "vitest";
import { decodeAction } from "../../src/adapters/chat-adapter.js";
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
      expect(decodeAction(button.custom_id), `${label}: custom_id routes back`).toBeDefined();
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
