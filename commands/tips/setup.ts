/**
 * `tips setup`: the "Set up daily tips" form, filled in with the channel's schedule (or
 * sensible defaults). Submitting it runs `tips subscribe` through the dispatcher.
 */
import type { CommandContext } from "../../src/core/commands/context.js";
import { defineRunnable } from "../../src/core/commands/define-command.js";
import { defaultFormZone } from "../../src/core/forms/default-zone.js";
import { ANY_THEME, type FormValues, WEEKDAYS } from "../../src/core/forms/forms.js";
import type { Reply } from "../../src/core/reply/reply.js";
import { DEFAULT_TIME } from "../../src/core/time/schedule.js";

/** The form's values: the running schedule's, else 09:00 on weekdays in the person's zone. */
async function tipsFormValues(ctx: CommandContext): Promise<FormValues> {
  const sub = await ctx.storage.getSubscription(ctx.channel);
  const days = sub ? sub.days : [1, 2, 3, 4, 5];
  return {
    channel: ctx.channel.channelId,
    time: sub?.time ?? DEFAULT_TIME,
    zone: sub?.zone ?? (await defaultFormZone(ctx)),
    days: days.map((d) => WEEKDAYS[d - 1]?.value ?? "").join(","),
    theme: sub?.theme ?? ANY_THEME,
  };
}

const setup = defineRunnable({
  description: "Set up the daily tips with a form",
  options: {},
  async run(ctx): Promise<Reply> {
    return {
      title: "Set up daily tips",
      tone: "info",
      sections: [
        {
          text: "Choose the time, time zone, days and focus in the form. Or type it: /tips subscribe 09:00 Europe/Berlin weekdays",
        },
      ],
      buttons: [{ label: "Set up daily tips", action: "tips setup", form: "tips-setup", style: "primary" }],
      form: { id: "tips-setup", values: await tipsFormValues(ctx) },
      visibility: "ephemeral",
    };
  },
});

export const setupSubcommands = { setup };
