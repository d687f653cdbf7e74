import { defineCommandGroup } from "../src/core/commands/define-command.js";
import { scheduleSubcommands } from "./tips/schedule.js";
import { setupSubcommands } from "./tips/setup.js";
import { teamTipSubcommands } from "./tips/team-tips.js";

/** `/tips …`: the channel's daily tip schedule and its own team tips. */
export default defineCommandGroup({
  name: "tips",
  description: "Daily muscle-health tips in this channel",
  subcommands: { ...setupSubcommands, ...scheduleSubcommands, ...teamTipSubcommands },
});
