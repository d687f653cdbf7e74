/**
 * Extra commands for the Discord tests, next to the real ones: a slow command (to force
 * a defer), a command made only of admin subcommands, and a mixed one whose admin
 * subcommand takes autocompleted time-zone and template options.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { commands } from "../../commands/index.js";
import {
  type CommandDefinition,
  defineCommand,
  defineCommandGroup,
  defineRunnable,
  option,
} from "../../src/core/commands/define-command.js";
import { textReply } from "../../src/core/reply/reply.js";
import { UserFacingError } from "../../src/errors.js";

/** How long `/slow` takes. */
export const SLOW_MS = 500;

const slow = defineCommand({
  name: "slow",
  description: "Takes a while to answer",
  options: {},
  async run() {
    await sleep(SLOW_MS);
    return textReply("Done at last", "That took a while.");
  },
});

/** Fails after `SLOW_MS`: a slow answer that turns out to be an error (Share must not post it). */
const slowfail = defineCommand({
  name: "slowfail",
  description: "Takes a while, then fails",
  options: {},
  async run() {
    await sleep(SLOW_MS);
    throw new UserFacingError("That took a while and failed.", "slow_failure");
  },
});

const setup = defineCommandGroup({
  name: "setup",
  description: "Admin-only settings",
  subcommands: {
    reset: defineRunnable({
      description: "Reset everything",
      adminOnly: true,
      options: {},
      run: () => textReply("Reset", "Everything is reset.", "success"),
    }),
  },
});

const plan = defineCommandGroup({
  name: "plan",
  description: "A plan anyone can see and admins can set",
  subcommands: {
    show: defineRunnable({
      description: "Show the plan",
      options: {},
      run: () => textReply("The plan", "No plan yet."),
    }),
    set: defineRunnable({
      description: "Set the plan",
      adminOnly: true,
      options: {
        zone: { ...option.text("IANA time zone", { required: true }), autocomplete: "zone" },
        template: { ...option.text("Challenge template"), autocomplete: "template" },
      },
      run: (_ctx, args) =>
        textReply("Plan set", `Zone ${String(args.zone)}, template ${String(args.template)}.`, "success"),
    }),
  },
});

/** The real commands plus the test-only ones. */
export const discordTestCommands: readonly CommandDefinition[] = [...commands, slow, slowfail, setup, plan];
