import { describe, expect, it } from "vitest";
import { type CheckInRequest, decideCheckIn, findUndoTarget } from "../../../src/challenges/checkin.js";
import { resolveTask } from "../../../src/challenges/scoring.js";
import {
  challengePhase,
  challengeWindow,
  dayNumber,
  daysLeft,
  formatDay,
  localClock,
} from "../../../src/challenges/window.js";
import { FakeClock } from "../../helpers/fake-clock.js";
import { fact, member, template, timing } from "./helpers.js";

const request = (clock: FakeClock, overrides: Partial<CheckInRequest> = {}): CheckInRequest => ({
  template: template(),
  challenge: timing(),
  member: member("U1"),
  existing: [],
  task: "outdoor-walk",
  now: clock.now(),
  ...overrides,
});

describe("the challenge window", () => {
  it("covers local midnight to local midnight in the challenge's zone, across a DST change", () => {
    // New York springs forward on Sunday 8 March 2026: the window spans EST and EDT.
    const window = challengeWindow(timing({ zone: "America/New_York" }));
    expect(window).toMatchObject({ startDate: "2026-03-02", endDate: "2026-03-15", days: 14 });
    expect(window.startsAt.toISOString()).toBe("2026-03-02T05:00:00.000Z");
    expect(window.endsAt.toISOString()).toBe("2026-03-16T04:00:00.000Z");
  });

  it("puts one instant on different local days in different zones", () => {
    const instant = new Date("2026-03-02T20:00:00Z");
    expect(localClock(instant, "Asia/Kolkata")).toMatchObject({ today: "2026-03-03", time: "01:30" });
    expect(localClock(instant, "Europe/Berlin")).toMatchObject({ today: "2026-03-02", time: "21:00" });
    expect(localClock(instant, "America/Los_Angeles")).toMatchObject({ today: "2026-03-02", time: "12:00" });
  });

  it("reports phase, day number and days left (today included)", () => {
    const t = timing();
    const clock = new FakeClock("2026-03-01T22:59:00Z"); // 23:59 in Berlin, the day before
    expect([challengePhase(t, clock.now()), dayNumber(t, clock.now()), daysLeft(t, clock.now())]).toEqual([
      "upcoming",
      0,
      14,
    ]);
    clock.set("2026-03-01T23:00:00Z"); // midnight in Berlin: day 1
    expect([challengePhase(t, clock.now()), dayNumber(t, clock.now()), daysLeft(t, clock.now())]).toEqual([
      "running",
      1,
      14,
    ]);
    clock.set("2026-03-15T22:59:00Z"); // 23:59 on the last day
    expect([challengePhase(t, clock.now()), daysLeft(t, clock.now())]).toEqual(["running", 1]);
    clock.set("2026-03-15T23:00:00Z");
    expect([challengePhase(t, clock.now()), daysLeft(t, clock.now())]).toEqual(["finished", 0]);
    expect(challengePhase({ ...t, endedAt: Date.parse("2026-03-05T12:00:00Z") }, clock.now())).toBe("ended");
  });

  it("formats days for replies", () => {
    expect(formatDay("2026-03-02")).toBe("Mon 2 Mar");
  });
});

describe("deciding a check-in", () => {
  it("logs for today's local date in the challenge's zone", () => {
    const clock = new FakeClock("2026-03-02T20:00:00Z");
    const kolkata = decideCheckIn(request(clock, { challenge: timing({ zone: "Asia/Kolkata" }) }));
    const la = decideCheckIn(request(clock, { challenge: timing({ zone: "America/Los_Angeles" }) }));
    expect(kolkata).toMatchObject({ ok: true, localDate: "2026-03-03", points: 3, late: false });
    expect(la).toMatchObject({ ok: true, localDate: "2026-03-02", late: false });
  });

  it("allows one per task per local day, and another task the same day", () => {
    const clock = new FakeClock("2026-03-03T09:00:00Z");
    const existing = [fact("U1", "outdoor-walk", "2026-03-03")];
    expect(decideCheckIn(request(clock, { existing }))).toMatchObject({
      ok: false,
      reason: "already_checked_in",
    });
    expect(decideCheckIn(request(clock, { existing, task: "sun-smart" }))).toMatchObject({
      ok: true,
      points: 1,
    });
  });

  it("lets yesterday be logged until 12:00 local, says so, and refuses at 12:00 (across New York's DST change)", () => {
    const t = timing({ zone: "America/New_York" });
    const clock = new FakeClock("2026-03-09T15:59:00Z"); // 11:59 EDT, the day after the change
    const late = decideCheckIn(request(clock, { challenge: t, day: "yesterday" }));
    expect(late).toMatchObject({ ok: true, localDate: "2026-03-08", late: true });
    expect(late.ok && late.lateNote).toBe(
      "Logged for yesterday, Sun 8 Mar (yesterday can be logged until 12:00).",
    );
    clock.set("2026-03-09T16:00:00Z"); // 12:00 EDT
    expect(decideCheckIn(request(clock, { challenge: t, day: "yesterday" }))).toMatchObject({
      ok: false,
      reason: "too_late",
      message: "Yesterday can only be logged until 12:00 today.",
    });
  });

  it("tells a morning check-in that yesterday is still open, until noon", () => {
    const clock = new FakeClock("2026-03-04T08:00:00Z"); // 09:00 Berlin
    expect(decideCheckIn(request(clock))).toMatchObject({ ok: true, yesterdayOpenUntil: "12:00" });
    const loggedYesterday = [fact("U1", "outdoor-walk", "2026-03-03")];
    expect(decideCheckIn(request(clock, { existing: loggedYesterday }))).toMatchObject({
      yesterdayOpenUntil: null,
    });
    clock.set("2026-03-04T11:00:00Z"); // 12:00 Berlin
    expect(decideCheckIn(request(clock))).toMatchObject({ ok: true, yesterdayOpenUntil: null });
  });

  it("refuses before the start and after the end, but takes the last day's late check-in the next morning", () => {
    const clock = new FakeClock("2026-03-01T12:00:00Z");
    expect(decideCheckIn(request(clock))).toMatchObject({ ok: false, reason: "not_started" });
    clock.set("2026-03-02T08:00:00Z"); // day 1, 09:00: yesterday is before the start
    expect(decideCheckIn(request(clock, { day: "yesterday" }))).toMatchObject({
      ok: false,
      reason: "not_started",
    });
    clock.set("2026-03-16T08:00:00Z"); // the morning after the last day
    expect(decideCheckIn(request(clock))).toMatchObject({ ok: false, reason: "finished" });
    expect(decideCheckIn(request(clock, { day: "yesterday" }))).toMatchObject({
      ok: true,
      localDate: "2026-03-15",
    });
    clock.set("2026-03-16T12:00:00Z");
    expect(decideCheckIn(request(clock, { day: "yesterday" }))).toMatchObject({
      ok: false,
      reason: "too_late",
    });
  });

  it("refuses once an admin ended the challenge, and for people who never joined or left", () => {
    const clock = new FakeClock("2026-03-05T10:00:00Z");
    const ended = timing({ endedAt: Date.parse("2026-03-05T09:00:00Z") });
    expect(decideCheckIn(request(clock, { challenge: ended }))).toMatchObject({ ok: false, reason: "ended" });
    expect(decideCheckIn(request(clock, { member: undefined }))).toMatchObject({
      ok: false,
      reason: "not_member",
    });
    const left = member("U1", { leftAt: Date.parse("2026-03-04T10:00:00Z") });
    expect(decideCheckIn(request(clock, { member: left }))).toMatchObject({ ok: false, reason: "left" });
  });

  it("scores late joiners from their join date: the day before joining can't be logged", () => {
    const clock = new FakeClock("2026-03-05T08:00:00Z"); // 09:00 Berlin on 5 March
    const joiner = member("U1", { joinDate: "2026-03-05" });
    expect(decideCheckIn(request(clock, { member: joiner }))).toMatchObject({
      ok: true,
      yesterdayOpenUntil: null,
    });
    expect(decideCheckIn(request(clock, { member: joiner, day: "yesterday" }))).toMatchObject({
      ok: false,
      reason: "before_join",
      message: "You joined on Thu 5 Mar; check-ins count from that day.",
    });
  });

  it("asks which task when a template has several and none is named, and lists them for an unknown one", () => {
    const clock = new FakeClock("2026-03-03T09:00:00Z");
    const ask = decideCheckIn(request(clock, { task: undefined }));
    expect(ask).toMatchObject({ ok: false, reason: "choose_task" });
    expect(!ask.ok && ask.message).toContain(
      "1) outdoor-walk: Walk outdoors for at least 15 minutes (3 pts)",
    );
    expect(decideCheckIn(request(clock, { task: "swim" }))).toMatchObject({
      ok: false,
      reason: "unknown_task",
    });
  });
});

describe("resolving a task", () => {
  it("takes an id, a list number or a unique id prefix, and implies the only task", () => {
    const walks = template();
    const pick = (input: string | undefined) => {
      const choice = resolveTask(walks, input);
      return choice.ok ? choice.task.id : choice.reason;
    };
    expect([pick("sun-smart"), pick("2"), pick("out"), pick(" OUTDOOR-WALK "), pick("3")]).toEqual([
      "sun-smart",
      "sun-smart",
      "outdoor-walk",
      "outdoor-walk",
      "unknown_task",
    ]);
    const single = { ...walks, tasks: walks.tasks.slice(0, 1) };
    expect(resolveTask(single, undefined)).toMatchObject({ ok: true, task: { id: "outdoor-walk" } });
  });
});

describe("undo", () => {
  const zone = { zone: "Europe/Berlin" };

  it("removes the latest check-in for today, or of the named task", () => {
    const clock = new FakeClock("2026-03-03T18:00:00Z");
    const walk = fact("U1", "outdoor-walk", "2026-03-03", "2026-03-03T07:00:00Z");
    const hat = fact("U1", "sun-smart", "2026-03-03", "2026-03-03T12:00:00Z");
    const before = fact("U1", "outdoor-walk", "2026-03-02", "2026-03-02T12:00:00Z");
    expect(findUndoTarget([before, walk, hat], zone, clock.now())).toBe(hat);
    expect(findUndoTarget([before, walk, hat], zone, clock.now(), "outdoor-walk")).toBe(walk);
  });

  it("can undo this morning's late check-in for yesterday, but not yesterday's own", () => {
    const clock = new FakeClock("2026-03-04T10:00:00Z");
    const lateForYesterday = fact("U1", "outdoor-walk", "2026-03-03", "2026-03-04T08:30:00Z");
    const yesterdays = fact("U1", "sun-smart", "2026-03-03", "2026-03-03T15:00:00Z");
    expect(findUndoTarget([yesterdays, lateForYesterday], zone, clock.now())).toBe(lateForYesterday);
    expect(findUndoTarget([yesterdays], zone, clock.now())).toBeUndefined();
  });

  it("prefers today's check-in over a late one logged at the same instant", () => {
    const clock = new FakeClock("2026-03-04T10:00:00Z");
    const late = fact("U1", "sun-smart", "2026-03-03", "2026-03-04T09:00:00Z");
    const today = fact("U1", "outdoor-walk", "2026-03-04", "2026-03-04T09:00:00Z");
    expect(findUndoTarget([today, late], zone, clock.now())).toBe(today);
    expect(findUndoTarget([late, today], zone, clock.now())).toBe(today);
  });
});
