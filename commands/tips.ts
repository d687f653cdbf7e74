import { defineCommandGroup } from "../src/core/commands/define-command.js";
import { scheduleSubcommands } from "./tips/schedule.js";
import { teamTipSubcommands } from "./tips/team-tips.js";

/** `/tips …`: the channel's daily tip schedule and its own team tips. */
export default defineCommandGroup({
  name: "tips",
  description: "Daily muscle-health tips in this channel",
  subcommands: { ...scheduleSubcommands, ...teamTipSubcommands },
});
