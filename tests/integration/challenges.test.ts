/**
 * Team challenges end to end through the real dispatcher, commands, storage (SQLite) and
 * scheduler, with a fake clock: start, join, check in, undo, status, leaderboard (with
 * hidden names), export, end, the scheduled reminder/recap/summary posts (once, across a
 * restart), privacy, and bad input.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { decodeAction } from "../../src/adapters/chat-adapter.js";
import type { Invocation } from "../../src/core/commands/dispatch.js";
import { fallbackText, type Reply } from "../../src/core/reply/reply.js";
import { createSqliteStorage } from "../../src/storage/kysely/sqlite-storage.js";
import { createTestApp, slackInvocation } from "../helpers/app.js";

const dir = mkdtempSync(join(tmpdir(), "vitabot-challenges-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const admin = slackInvocation({ isAdmin: true, user: { id: "U_ADMIN", name: "Ada" } });
const bo = slackInvocation({ user: { id: "U_BO", name: "Bo" } });
const cy = slackInvocation({ user: { id: "U_CY", name: "Cy" } });

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

async function run(t: TestApp, who: Invocation, line: string) {
  const result = await t.dispatcher.runLine(who, line);
  return { ...result, text: fallbackText(result.reply) };
}

async function ok(t: TestApp, who: Invocation, line: string) {
  const result = await run(t, who, line);
  expect(result.outcome, `${line}: ${result.text}`).toBe("ok");
  return result;
}

/** Presses a reply's button as `who` would: the action line goes back through the dispatcher. */
function press(t: TestApp, who: Invocation, reply: Reply, label: RegExp) {
  const button = reply.buttons?.find((b) => label.test(b.label));
  if (!button) throw new Error(`no button ${label} on "${reply.title}"`);
  return t.dispatcher.runLine(who, button.action);
}

describe("challenge commands", () => {
  it("start, join (teams, any case), check in, undo, status, leaderboard, hide, export and end", async () => {
    // Monday 30 Nov 2026, 09:00 in Berlin.
    const t = await createTestApp({ now: "2026-11-30T08:00:00Z" });
    const started = await ok(
      t,
      admin,
      'challenge start daylight-walks "Walks <!everyone> @here" zone:Europe/Berlin reminder:09:30',
    );
    expect(started.text).toContain("14 days from Mon 30 Nov to Sun 13 Dec (Europe/Berlin)");
    expect(started.text).not.toMatch(/<!everyone>|(?<!\u200b)@here|@everyone(?!\u200b)/u);
    const announcement = t.slack.posts.at(-1)?.reply;
    expect(announcement?.visibility).toBe("channel");
    expect(announcement?.title).toMatch(/^New challenge: Walks/);

    // Bo joins through the announcement's Join button, with no team; then names a team.
    expect((await press(t, bo, announcement as Reply, /^Join$/)).outcome).toBe("ok");
    await ok(t, bo, "challenge join Blue");
    await ok(t, admin, "challenge join blue");
    await ok(t, cy, "challenge join Red");
    expect(
      (await t.storage.listMembers((await t.storage.listActiveChallenges(bo.channel))[0]?.id ?? "")).map(
        (m) => m.team,
      ),
    ).toEqual(["Blue", "Blue", "Red"]);

    const which = await run(t, bo, "checkin");
    expect(which.outcome).toBe("user_error");
    expect(which.text).toContain("1) outdoor-walk");
    const walked = await ok(t, bo, "checkin 1 lunch loop by the river");
    expect(walked.text).toContain("+3 points");
    expect(walked.text).toContain("lunch loop by the river");
    const twice = await run(t, bo, "checkin outdoor-walk");
    expect(twice.outcome).toBe("user_error");
    expect(twice.text).toContain("already checked in");
    t.clock.advance(60_000);
    await ok(t, bo, "checkin sun");
    const undone = await ok(t, bo, "checkin undo");
    expect(undone.text).toContain("Removed sun-smart");
    await ok(t, cy, "checkin 1");
    await ok(t, cy, "checkin 2");

    const status = await ok(t, bo, "challenge status");
    expect(status.reply.fields).toEqual(
      expect.arrayContaining([
        { label: "Points", value: "3" },
        { label: "Streak", value: "1 day (best 1)" },
      ]),
    );
    const heatmap = status.reply.image;
    expect(Buffer.from(heatmap?.png ?? []).subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(heatmap?.width).toBeGreaterThan(100);
    expect(status.text).toContain("Week of Mon 30 Nov: Mon 1");

    // Teams rank by average points per member: Red (Cy, 4) beats Blue (Bo 3 + Ada 0, average 1.5).
    const board = await ok(t, admin, "leaderboard");
    expect(board.reply.table?.rows.map((r) => r.slice(0, 3))).toEqual([
      ["1", "Cy", "4"],
      ["2", "Bo", "3"],
      ["3", "Ada", "0"],
    ]);
    expect(board.text).toContain("1. Red: 4.0 (1 member)\n2. Blue: 1.5 (2 members)");
    expect(Buffer.from(board.reply.image?.png ?? []).subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(board.reply.image?.text).toContain("1. Cy: 4 pts");

    await ok(t, cy, "challenge hide");
    const hidden = await ok(t, bo, "leaderboard");
    expect(hidden.text).not.toContain("Cy");
    expect(hidden.reply.table?.rows[0]?.[1]).toBe("anonymous member");
    await ok(t, cy, "challenge hide off");
    expect((await ok(t, bo, "leaderboard")).text).toContain("Cy");

    const refused = await run(t, bo, "challenge export");
    expect(refused.outcome).toBe("user_error");
    const exported = await ok(t, admin, "challenge export");
    const [participation, checkIns] = exported.reply.files ?? [];
    expect(participation?.mimeType).toBe("text/csv");
    expect(participation?.content.split("\n")[0]).toMatch(/user/i);
    expect(checkIns?.content).toContain("outdoor-walk");
    expect(checkIns?.content.trim().split("\n")).toHaveLength(4); // header + Bo 1 + Cy 2

    expect((await run(t, bo, "challenge end")).outcome).toBe("user_error");
    const ended = await ok(t, admin, "challenge end");
    expect(ended.text).toContain("summary is posted");
    const summary = t.slack.posts.at(-1)?.reply;
    expect(summary?.title).toBe("Challenge complete: Walks @\u200beveryone @\u200bhere");
    expect(fallbackText(summary as Reply)).toContain("Top team: Red (4.0 pts per member)");
    expect(Buffer.from(summary?.image?.png ?? []).subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect((await run(t, admin, "challenge status")).text).toContain("no challenge running");

    // The scheduler later finds nothing to post for it: the summary went out once.
    const posts = t.slack.posts.length;
    t.clock.set("2026-12-14T12:30:00Z");
    await t.scheduler.tick();
    expect(t.slack.posts).toHaveLength(posts);
  });

  it("shows the asker's own rank below the top 15, but not on the board shared for everyone", async () => {
    const t = await createTestApp({ now: "2026-11-30T08:00:00Z" });
    await ok(t, admin, "challenge start move-150 Moves zone:UTC");
    const people = Array.from({ length: 16 }, (_, i) =>
      slackInvocation({ user: { id: `U${String(i).padStart(2, "0")}`, name: `P${i}` } }),
    );
    for (const person of people) await ok(t, person, "challenge join");
    for (const person of people.slice(0, 15)) await ok(t, person, "checkin 1");
    const last = people[15] as Invocation;
    const mine = await ok(t, last, "leaderboard");
    expect(mine.text).toContain("You are #16 of 16 with 0 points.");
    const shared = await t.dispatcher.runLine({ ...last, share: true }, "leaderboard");
    expect(shared.outcome).toBe("ok");
    expect(fallbackText(shared.reply)).not.toContain("You are #");
    expect(shared.reply.table?.rows).toHaveLength(15);
  });

  it("refuses bad input with friendly messages and stores nothing", async () => {
    const t = await createTestApp({ now: "2026-11-30T08:00:00Z" });
    const unknown = await run(t, admin, "challenge start walkies zone:UTC");
    expect(unknown.outcome).toBe("user_error");
    expect(unknown.text).toContain("daylight-walks: Daylight walks (14 days)");
    const notAdmin = await run(t, bo, "challenge start daylight-walks zone:UTC");
    expect(notAdmin.outcome).toBe("user_error");
    for (const [line, message] of [
      ["challenge start daylight-walks x 2026-02-30 zone:UTC", "2026-02-30"],
      ["challenge start daylight-walks x 2026-11-01 zone:UTC", "has passed"],
      ["challenge start daylight-walks x 2026-12-01 500 zone:UTC", "whole number of days from 3 to 90"],
      ["challenge start daylight-walks x zone:Mars/Olympus", "Mars/Olympus"],
      ["challenge start daylight-walks x reminder:25:00 zone:UTC", "25:00"],
    ] as const) {
      const result = await run(t, admin, line);
      expect(result.outcome, line).toBe("user_error");
      expect(result.text, line).toContain(message);
    }
    expect(await t.storage.listUnendedChallenges()).toEqual([]);
    const none = await run(t, bo, "checkin");
    expect(none.text).toContain("no challenge running");
    const tooLong = await run(t, admin, `challenge start daylight-walks ${"n".repeat(201)} zone:UTC`);
    expect(tooLong.outcome).toBe("user_error");

    await ok(t, admin, "challenge start daylight-walks Walks zone:UTC");
    t.clock.advance(1000); // "oldest first" needs distinct start times
    await ok(t, admin, "challenge start move-150 Moves zone:UTC");
    const ambiguous = await run(t, bo, "challenge join");
    expect(ambiguous.text).toContain("challenge:Walks, challenge:Moves");
    await ok(t, bo, "challenge join challenge:moves");
    const note = await ok(
      t,
      bo,
      `checkin 1 @everyone see <https://evil.example|this> ${"x".repeat(300)} challenge:Moves`,
    );
    expect(note.reply.untrusted).toBe(true);
    const stored = await t.storage.listCheckIns(
      (await t.storage.listActiveChallenges(bo.channel))[1]?.id ?? "",
    );
    expect(stored[0]?.note).not.toMatch(/@everyone(?!\u200b)|<https/u);
    expect(stored[0]?.note?.length).toBeLessThanOrEqual(200);
  });

  it("privacy: export as a JSON file, forget only after the confirmation button", async () => {
    const t = await createTestApp({ now: "2026-11-30T08:00:00Z" });
    await ok(t, admin, "challenge start daylight-walks Walks zone:UTC");
    await ok(t, bo, "challenge join Blue");
    await ok(t, bo, "checkin 1");
    const exported = await ok(t, bo, "privacy export");
    const file = exported.reply.files?.[0];
    expect(file?.mimeType).toBe("application/json");
    const data = JSON.parse(file?.content ?? "{}");
    expect(data.userId).toBe("U_BO");
    expect(data.checkIns).toHaveLength(1);

    const asked = await ok(t, bo, "privacy forget");
    expect(fallbackText(asked.reply)).toMatch(/personal daily tip.*unsent form drafts/s);
    expect(await t.storage.getMember(data.memberships[0].challengeId, "U_BO")).toBeDefined();
    const done = await press(t, bo, asked.reply, /Yes, delete/);
    expect(fallbackText(done.reply)).toContain("Deleted 1 challenge memberships, 1 check-ins");
    expect(fallbackText(done.reply)).toMatch(/0 personal daily tips and \d+ short-lived records/);
    expect(await t.storage.exportUser("slack", "U_BO")).toMatchObject({ memberships: [], checkIns: [] });
  });
});

describe("challenge posts from the scheduler", () => {
  it("posts the reminder, Monday's recap and the summary once each, across a restart, and ends the challenge", async () => {
    const path = join(dir, "restart.db");
    const first = await createTestApp({
      now: "2026-12-04T08:00:00Z",
      storage: createSqliteStorage({ path }),
    });
    // Friday 4 Dec: a 5-day challenge (Fri to Tue) in New York with a 07:00 reminder.
    await ok(first, admin, "challenge start daylight-walks Walks 2026-12-04 5 America/New_York 07:00");
    await ok(first, bo, "challenge join");
    const afterStart = first.slack.posts.length;

    first.clock.set("2026-12-04T12:00:30Z"); // 07:00:30 in New York
    const report = await first.scheduler.tick();
    expect(report.challenges).toMatchObject({ due: 1, posted: 1 });
    const reminder = first.slack.posts.at(-1)?.reply as Reply;
    expect(reminder.title).toBe("Day 1 of 5: Walks");
    expect(fallbackText(reminder)).toContain("0 of 1 checked in today");
    expect(JSON.stringify(reminder)).not.toMatch(/<@|<!|@everyone|@here/);
    // Its Check in button works for a member.
    const pressed = await press(first, bo, reminder, /outdoor-walk/);
    expect(pressed.outcome).toBe("ok");
    expect(decodeAction(`vb|run|${reminder.buttons?.[0]?.action}`)?.line).toContain("cid:");
    expect((await first.scheduler.tick()).challenges.claimedElsewhere).toBe(1);
    await first.close();

    // A restart (a new process on the same file) neither repeats today's reminder…
    const second = await createTestApp({
      now: "2026-12-04T12:05:00Z",
      storage: createSqliteStorage({ path }),
    });
    expect((await second.scheduler.tick()).challenges).toMatchObject({ posted: 0, claimedElsewhere: 1 });
    // …nor posts a reminder hours late (the grace window is 3 hours).
    second.clock.set("2026-12-05T16:00:00Z");
    expect((await second.scheduler.tick()).challenges).toMatchObject({ posted: 0, skippedLate: 1 });
    // Monday 7 Dec at 07:00: the reminder and the weekly recap.
    second.clock.set("2026-12-07T12:00:30Z");
    const monday = await second.scheduler.tick();
    expect(monday.challenges).toMatchObject({ due: 2, posted: 2 });
    const recap = second.slack.posts.find((p) => p.reply.title === "Weekly recap: Walks")?.reply;
    expect(fallbackText(recap as Reply)).toContain("1. Bo: 3 pts");
    await second.close();

    // The summary is due at noon after the last day (Tue 8 Dec); two processes race for it.
    const a = await createTestApp({ now: "2026-12-09T17:00:30Z", storage: createSqliteStorage({ path }) });
    const b = await createTestApp({ now: "2026-12-09T17:00:30Z", storage: createSqliteStorage({ path }) });
    const [ra, rb] = await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
    expect(ra.challenges.posted + rb.challenges.posted).toBe(1);
    const summaries = [...a.slack.posts, ...b.slack.posts].filter(
      (p) => p.reply.title === "Challenge complete: Walks",
    );
    expect(summaries).toHaveLength(1);
    expect(await a.storage.listUnendedChallenges()).toEqual([]);
    a.clock.set("2026-12-10T17:00:00Z");
    expect((await a.scheduler.tick()).challenges.due).toBe(0);
    expect(first.slack.posts.length - afterStart).toBe(1);
    await a.close();
    await b.close();
  });
});
