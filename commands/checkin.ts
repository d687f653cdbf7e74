import { challengeOptions, findChallenge } from "../src/challenges/command-support.js";
import { checkInReply } from "../src/challenges/replies.js";
import { resolveTask } from "../src/challenges/scoring.js";
import { defineCommand, option } from "../src/core/commands/define-command.js";
import { textReply } from "../src/core/reply/reply.js";
import { UserFacingError } from "../src/errors.js";

/**
 * `/checkin [task] [note]`: log today's task (or yesterday's, until noon); `checkin undo`
 * takes back today's latest check-in. With one active challenge in the channel it is implied.
 */
export default defineCommand({
  name: "checkin",
  description: "Check in for today's challenge task, or undo today's check-in",
  options: {
    task: option.text("Task id or number (optional with one task), or undo", { max: 60 }),
    day: option.choice("Which day it counts for (yesterday until noon)", ["today", "yesterday"] as const, {
      named: true,
    }),
    ...challengeOptions,
    note: option.text("A short note", { rest: true, max: 500 }),
  },
  examples: [
    "checkin",
    "checkin outdoor-walk lunch loop by the river",
    "checkin 2 day:yesterday",
    "checkin undo",
  ],
  async run(ctx, args) {
    const challenge = await findChallenge(ctx, args);
    const service = ctx.services.challenges;
    const template = service.templateOf(challenge);
    if (args.task?.toLowerCase() === "undo") {
      const named = args.note ? resolveTask(template, args.note) : undefined;
      if (named && !named.ok) throw new UserFacingError(named.message, named.reason);
      const undone = await service.undo(challenge, ctx.user.id, named?.task.id);
      if (!undone.ok) throw new UserFacingError(undone.message, "nothing_to_undo");
      return textReply(
        "Check-in undone",
        `Removed ${undone.removed.taskId} for ${undone.removed.localDate} (${undone.removed.points} points).`,
        "success",
      );
    }
    // With one task, a first word that is no task is the start of the note ("checkin felt great").
    const taskIsNote =
      args.task !== undefined && template.tasks.length === 1 && !resolveTask(template, args.task).ok;
    const task = taskIsNote ? undefined : args.task;
    const note = taskIsNote ? [args.task, args.note].filter(Boolean).join(" ") : args.note;
    const result = await service.checkIn({
      challenge,
      userId: ctx.user.id,
      task,
      note,
      ...(args.day ? { day: args.day } : {}),
    });
    if (!result.ok) throw new UserFacingError(result.message, result.reason);
    return checkInReply(challenge, template, result);
  },
});
