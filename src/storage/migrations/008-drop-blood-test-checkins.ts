/**
 * 008: the `b12-check-for-vegans` challenge used to give points for booking a B12
 * blood test, so its check-ins told teammates (and an admin's export) who was being
 * tested, and its id and title named a diet. The template is now `b12-every-day`, with
 * food-and-habit tasks only. This deletes every check-in of the retired task, recomputes
 * the affected members' totals from what is left (with the same scoring rule the store
 * uses), and moves running challenges to the new id, so they keep running; those still
 * named after the old title ("… for plant-based eaters") take the new one.
 *
 * Not reversible: `down` cannot bring deleted check-ins back, so it leaves the data as is.
 */
import type { Kysely } from "kysely";
import type { Migration } from "kysely/migration";
import { type ChallengesDatabase, encodeDays } from "../kysely/challenge-tables.js";
import { buildActivity } from "../member-activity.js";

/** The template and the task whose check-ins disclose a health test. */
export const RETIRED_TASK = {
  templateId: "b12-check-for-vegans",
  taskId: "book-b12-check",
  newTemplateId: "b12-every-day",
} as const;
/** The template's old default name, which disclosed a diet, and its neutral replacement. */
export const RENAMED_TITLE = { from: "B12 covered (for plant-based eaters)", to: "B12 every day" } as const;

async function up(untyped: Kysely<unknown>): Promise<void> {
  const db = untyped as unknown as Kysely<ChallengesDatabase>;
  await db
    .updateTable("challenges")
    .set({ name: RENAMED_TITLE.to })
    .where("template_id", "=", RETIRED_TASK.templateId)
    .where("name", "=", RENAMED_TITLE.from)
    .execute();
  const challenges = await db
    .selectFrom("challenges")
    .select(["id", "start_date", "days"])
    .where("template_id", "=", RETIRED_TASK.templateId)
    .execute();
  await db
    .updateTable("challenges")
    .set({ template_id: RETIRED_TASK.newTemplateId })
    .where("template_id", "=", RETIRED_TASK.templateId)
    .execute();
  for (const challenge of challenges) {
    const affected = await db
      .selectFrom("challenge_checkins")
      .select("user_id")
      .distinct()
      .where("challenge_id", "=", challenge.id)
      .where("task_id", "=", RETIRED_TASK.taskId)
      .execute();
    if (affected.length === 0) continue;
    await db
      .deleteFrom("challenge_checkins")
      .where("challenge_id", "=", challenge.id)
      .where("task_id", "=", RETIRED_TASK.taskId)
      .execute();
    const timing = { startDate: challenge.start_date, days: Number(challenge.days) };
    for (const { user_id: userId } of affected) {
      const member = await db
        .selectFrom("challenge_members")
        .select("join_date")
        .where("challenge_id", "=", challenge.id)
        .where("user_id", "=", userId)
        .executeTakeFirst();
      if (!member) continue;
      const rows = await db
        .selectFrom("challenge_checkins")
        .select(["local_date", "at", "points"])
        .where("challenge_id", "=", challenge.id)
        .where("user_id", "=", userId)
        .execute();
      const facts = rows.map((r) => ({
        localDate: r.local_date,
        at: Number(r.at),
        points: Number(r.points),
      }));
      const activity = buildActivity(timing, member.join_date, facts);
      await db
        .updateTable("challenge_members")
        .set((eb) => ({
          points: activity.points,
          check_ins: activity.checkIns,
          last_checkin_at: activity.lastCheckInAt,
          day_points: encodeDays(activity.dayPoints),
          day_checkins: encodeDays(activity.dayCheckIns),
          revision: eb("revision", "+", 1),
        }))
        .where("challenge_id", "=", challenge.id)
        .where("user_id", "=", userId)
        .execute();
    }
  }
}

async function down(): Promise<void> {
  // Deleted check-ins cannot be restored; nothing to undo in the schema.
}

/** Deletes the blood-test task's check-ins and recomputes the totals they counted in. */
export const dropBloodTestCheckIns: Migration = { up, down };
