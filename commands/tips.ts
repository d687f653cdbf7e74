import { defineCommandGroup } from "../src/core/commands/define-command.js";
import { teamTipSubcommands } from "../src/scheduler/team-tip-commands.js";
import { scheduleSubcommands } from "../src/scheduler/tip-commands.js";

/** `/tips …`: the channel's daily tip schedule and its own team tips. */
export default defineCommandGroup({
  name: "tips",
  description: "Daily muscle-health tips in this channel",
  subcommands: { ...scheduleSubcommands, ...teamTipSubcommands },
});
