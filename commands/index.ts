/**
 * Every command vitabot has, listed explicitly (no globbing): this list feeds the text
 * grammar, Discord's registration, Slack's manifest and `help`. A new command is one
 * file in this folder plus one line here.
 */
import type { CommandDefinition } from "../src/core/commands/define-command.js";
import ask from "./ask.js";
import challenge from "./challenge.js";
import checkin from "./checkin.js";
import compare from "./compare.js";
import feedback from "./feedback.js";
import foods from "./foods.js";
import help from "./help.js";
import leaderboard from "./leaderboard.js";
import me from "./me.js";
import privacy from "./privacy.js";
import safety from "./safety.js";
import symptoms from "./symptoms.js";
import tip from "./tip.js";
import tips from "./tips.js";
import vitamin from "./vitamin.js";

export const commands: readonly CommandDefinition[] = [
  ask,
  vitamin,
  compare,
  foods,
  symptoms,
  tip,
  tips,
  challenge,
  checkin,
  leaderboard,
  me,
  privacy,
  safety,
  feedback,
  help,
];
