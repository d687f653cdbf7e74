/**
 * A channel's own tips: `tips add`, `tips list`, `tips remove`. They join the channel's
 * rotation, are labelled "Team tip (not reviewed by vitabot)", are at most 280
 * characters with mentions neutralised, and never appear in `ask` answers.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { defineRunnable, option } from "../../src/core/commands/define-command.js";
import { requireManager } from "../../src/core/commands/guards.js";
import { TIP_MAX_CHARS } from "../../src/core/content/content-ids.js";
import { textReply } from "../../src/core/reply/reply.js";
import { cleanText } from "../../src/core/text/user-text.js";
import { UserFacingError } from "../../src/errors.js";

const HttpsUrl = z.url({ protocol: /^https$/ });
/** Cleaning never truncates a tip: the length check below says how long it is instead. */
const CLEAN_MAX = 10_000;

const add = defineRunnable({
  description: "Add your team's own tip to this channel's rotation (admins)",
  options: {
    text: option.text(`The tip, up to ${TIP_MAX_CHARS} characters`, { required: true, max: 1000 }),
    source: option.text("An https:// link to where the tip comes from", { max: 300 }),
  },
  examples: ['tips add "Take the stairs to the canteen today" https://example.org/stairs'],
  async run(ctx, { text, source }) {
    requireManager(ctx, await ctx.storage.getSubscription(ctx.channel), "add team tips");
    // Clean first (mentions and links made inert, invisible characters dropped), then check the length.
    const clean = cleanText(text, { max: CLEAN_MAX });
    if (clean.length > TIP_MAX_CHARS) {
      throw new UserFacingError(
        `That tip has ${clean.length} characters; keep it to ${TIP_MAX_CHARS}.`,
        "tip_too_long",
      );
    }
    if (source !== undefined && !HttpsUrl.safeParse(source).success) {
      throw new UserFacingError(
        `"${source}" is not an https:// link. Give a source such as https://example.org/page, or none.`,
        "bad_source",
      );
    }
    const id = randomUUID().slice(0, 8);
    await ctx.storage.addTeamTip({
      id,
      channel: ctx.channel,
      text: clean,
      sourceUrl: source ?? null,
      createdBy: ctx.user.id,
      createdAt: ctx.clock.now().getTime(),
    });
    return textReply(
      "Team tip added",
      `Added as ${id}. It joins this channel's rotation, marked "Team tip (not reviewed by vitabot)".`,
      "success",
    );
  },
});

const list = defineRunnable({
  description: "This channel's own team tips",
  options: {},
  async run(ctx) {
    const tips = await ctx.storage.listTeamTips(ctx.channel);
    if (tips.length === 0) return textReply("No team tips yet", 'Admins can add one with /tips add "…".');
    return {
      title: `Team tips in this channel (${tips.length})`,
      tone: "info",
      sections: [
        { text: tips.map((t) => `${t.id}: ${t.text}${t.sourceUrl ? ` (${t.sourceUrl})` : ""}`).join("\n") },
      ],
      visibility: "ephemeral",
      untrusted: true,
    };
  },
});

const remove = defineRunnable({
  description: "Remove one of this channel's team tips (admins)",
  options: { id: option.text("The tip's id, from /tips list", { required: true, max: 40 }) },
  async run(ctx, { id }) {
    requireManager(ctx, await ctx.storage.getSubscription(ctx.channel), "remove team tips");
    const removed = await ctx.storage.removeTeamTip(ctx.channel, id);
    if (!removed)
      throw new UserFacingError(`There's no team tip "${id}" here. See /tips list.`, "no_such_tip");
    return textReply("Team tip removed", `${id} is out of the rotation.`, "success");
  },
});

export const teamTipSubcommands = { add, list, remove };
