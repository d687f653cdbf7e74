import { z } from "zod";
import { workspaceNumbers } from "../src/core/commands/answer-with-numbers.js";
import { defineCommandGroup, defineRunnable, type OptionDef } from "../src/core/commands/define-command.js";
import type { Reply } from "../src/core/reply/reply.js";
import { NO_CRISIS_LINE, NUMBER_KINDS, SafetyNumberSchema } from "../src/core/triage/numbers.js";
import { UserFacingError } from "../src/errors.js";

/** Puts a number back to the deployment's setting. */
const DEFAULT = "default";

function numberOption(description: string): OptionDef<string | undefined> {
  return {
    description: `${description}, or "${DEFAULT}"`,
    kind: "text",
    schema: z.union([z.literal(DEFAULT), SafetyNumberSchema]).optional(),
    required: false,
    named: true,
  };
}

const LABELS = { emergency: "Emergency", crisis: "Crisis line", poison: "Poison control" } as const;

const numbers = defineRunnable({
  description: "The emergency, crisis and poison numbers urgent answers give here (admins set them)",
  options: {
    emergency: numberOption("The emergency number, e.g. 112 or 911"),
    crisis: numberOption("A crisis line, e.g. 988 or Samaritans 116 123"),
    poison: numberOption("Poison control, e.g. 1-800-222-1222"),
  },
  examples: ["safety numbers", "safety numbers emergency:112 crisis:116123"],
  async run(ctx, args): Promise<Reply> {
    const change = Object.fromEntries(
      NUMBER_KINDS.filter((kind) => args[kind] !== undefined).map((kind) => [
        kind,
        args[kind] === DEFAULT ? null : args[kind],
      ]),
    );
    const changing = Object.keys(change).length > 0;
    if (changing && !ctx.isAdmin)
      throw new UserFacingError(
        "Only admins can change the safety numbers. Anyone can see them with /safety numbers.",
        "not_admin",
      );
    if (changing && ctx.channel.workspaceId === "dm")
      throw new UserFacingError(
        "Set the safety numbers in a channel of your workspace or server, not in a direct message.",
        "not_in_dm",
      );
    const own = changing
      ? await ctx.storage.setSafetyNumbers(
          ctx.channel.platform,
          ctx.channel.workspaceId,
          change,
          ctx.clock.now().getTime(),
        )
      : await workspaceNumbers(ctx);
    const defaults = ctx.knowledge.engine.numbers;
    const fields = NUMBER_KINDS.map((kind) => {
      const mine = own?.[kind];
      const fallback =
        defaults[kind] ??
        (kind === "crisis" ? `not set: answers say "${NO_CRISIS_LINE}"` : `not set: the emergency number`);
      return { label: LABELS[kind], value: mine ? `${mine} (set here)` : `${fallback} (default)` };
    });
    return {
      title: changing ? "Safety numbers saved" : "Safety numbers",
      tone: changing ? "success" : "info",
      sections: [
        {
          text: 'Urgent answers here tell people to call these. Admins can change them, for example /safety numbers emergency:112 crisis:116123; "default" puts one back.',
        },
      ],
      fields,
      untrusted: true,
      visibility: "ephemeral",
    };
  },
});

/** `/safety numbers`: the numbers urgent answers give in this workspace or server. */
export default defineCommandGroup({
  name: "safety",
  description: "Emergency, crisis and poison numbers for urgent answers here",
  subcommands: { numbers },
});
