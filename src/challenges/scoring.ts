/**
 * Points and per-day activity: which task a person means, what it is worth (from the
 * template), and sums of a member's points and check-ins per challenge day (the store
 * keeps those per-day totals beside each member, built by src/storage/member-activity.ts).
 */
import type { ChallengeTask, ChallengeTemplate } from "./model.js";

/** A task chosen, or why none could be. */
export type TaskChoice =
  | { ok: true; task: ChallengeTask }
  | { ok: false; reason: "choose_task" | "unknown_task"; message: string };

/** "1) outdoor-walk: Walk outdoors… (3 pts)" lines, for replies listing a template's tasks. */
export function describeTasks(template: ChallengeTemplate): string {
  return template.tasks
    .map((task, i) => `${i + 1}) ${task.id}: ${task.text} (${task.points} pt${task.points === 1 ? "" : "s"})`)
    .join("\n");
}

/**
 * The task a person named: its id, its number in the list, or a unique prefix of its id.
 * With nothing named, a one-task template implies its task.
 * @example resolveTask(template, "2") // the template's second task
 */
export function resolveTask(template: ChallengeTemplate, input: string | undefined): TaskChoice {
  const wanted = input?.trim().toLowerCase() ?? "";
  const [only] = template.tasks;
  if (wanted === "") {
    if (template.tasks.length === 1 && only) return { ok: true, task: only };
    return { ok: false, reason: "choose_task", message: `Which task?\n${describeTasks(template)}` };
  }
  const byNumber = /^\d+$/.test(wanted) ? template.tasks[Number(wanted) - 1] : undefined;
  const exact = template.tasks.find((task) => task.id === wanted);
  const prefixed = template.tasks.filter((task) => task.id.startsWith(wanted));
  const task = byNumber ?? exact ?? (prefixed.length === 1 ? prefixed[0] : undefined);
  if (task) return { ok: true, task };
  return {
    ok: false,
    reason: "unknown_task",
    message: `"${input?.trim()}" is not a task of this challenge. Tasks:\n${describeTasks(template)}`,
  };
}

/** Sum of a per-day array over days 0…`throughIndex` (all days by default). */
export function sumThrough(perDay: readonly number[], throughIndex = perDay.length - 1): number {
  let total = 0;
  for (let i = 0; i <= throughIndex && i < perDay.length; i++) total += perDay[i] ?? 0;
  return total;
}

/** Sum of a per-day array over days `from`…`to` (inclusive, clipped to the array). */
export function sumBetween(perDay: readonly number[], from: number, to: number): number {
  let total = 0;
  for (let i = Math.max(0, from); i <= to && i < perDay.length; i++) total += perDay[i] ?? 0;
  return total;
}
