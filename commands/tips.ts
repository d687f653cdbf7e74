import { defineCommandGroup } from "../src/core/commands/define-command.js";
import { personalSubcommands } from "./tips/personal.js";
import { scheduleSubcommands } from "./tips/schedule.js";
import { setupSubcommands } from "./tips/setup.js";
import { teamTipSubcommands } from "./tips/team-tips.js";

/** `/tips …`: the channel's daily tip schedule, its own team tips, and a person's own tip (`tips me`). */
export default defineCommandGroup({
  name: "tips",
  description: "Daily muscle-health tips in this channel",
  subcommands: { ...setupSubcommands, ...scheduleSubcommands, ...teamTipSubcommands, ...personalSubcommands },
});
