import { describe, expect, it } from "vitest";
import { toInstant } from "../../src/core/time/local-time.js";
import {
  describeDays,
  nextRun,
  parseDays,
  parseTime,
  parseZone,
  planRuns,
  type Schedule,
} from "../../src/core/time/schedule.js";

const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
const at = (
  time: string,
  zone: string,
  days: readonly number[] = EVERY_DAY,
  skip: string[] = [],
): Schedule => ({ time, zone, days, skip });
const utcOf = (date: string, time: string, zone: string) => toInstant({ date, time }, zone).toISOString();

describe("local time to instant, across DST", () => {
  it.each([
    // [zone, date, local time, expected UTC]
    ["America/New_York", "2026-03-08", "02:30", "2026-03-08T07:00:00.000Z"], // spring forward: first valid minute, 03:00 EDT
    ["America/New_York", "2026-11-01", "01:30", "2026-11-01T05:30:00.000Z"], // fall back: earlier instant (EDT)
    ["America/New_York", "2026-07-01", "09:00", "2026-07-01T13:00:00.000Z"],
    ["Europe/Berlin", "2026-03-29", "02:15", "2026-03-29T01:00:00.000Z"], // gap 02:00–03:00 -> 03:00 CEST
    ["Europe/Berlin", "2026-10-25", "02:30", "2026-10-25T00:30:00.000Z"], // twice: earlier, CEST
    ["Europe/Berlin", "2026-01-15", "09:00", "2026-01-15T08:00:00.000Z"],
    ["Australia/Sydney", "2026-10-04", "02:30", "2026-10-03T16:00:00.000Z"], // gap -> 03:00 AEDT
    ["Australia/Sydney", "2026-04-05", "02:30", "2026-04-04T15:30:00.000Z"], // twice: earlier, AEDT
    ["Asia/Kolkata", "2026-06-01", "09:00", "2026-06-01T03:30:00.000Z"], // +05:30, no DST
    ["Asia/Tokyo", "2026-03-08", "02:30", "2026-03-07T17:30:00.000Z"], // no DST at all
  ])("%s %s %s -> %s", (zone, date, time, expected) => {
    expect(utcOf(date, time, zone)).toBe(expected);
  });
});

describe("planning runs", () => {
  it("posts once per local day across a fall-back night, at the earlier instant", () => {
    const runs = planRuns(at("01:30", "America/New_York"), { from: "2026-10-31" }, 3);
    expect(runs.map((r) => [r.date, r.local, r.utc, r.offset])).toEqual([
      ["2026-10-31", "2026-10-31T01:30", "2026-10-31T05:30:00Z", "-04:00"],
      ["2026-11-01", "2026-11-01T01:30", "2026-11-01T05:30:00Z", "-04:00"],
      ["2026-11-02", "2026-11-02T01:30", "2026-11-02T06:30:00Z", "-05:00"],
    ]);
  });

  it("moves a spring-forward run to the first valid minute, keeping the date", () => {
    const [run] = planRuns(at("02:30", "Europe/Berlin"), { from: "2026-03-29" }, 1);
    expect(run).toEqual({
      date: "2026-03-29",
      local: "2026-03-29T03:00",
      utc: "2026-03-29T01:00:00Z",
      offset: "+02:00",
    });
  });

  it("keeps to weekdays and custom days, and skips skipped dates", () => {
    const weekdays = planRuns(at("09:00", "UTC", parseDays("weekdays")), { from: "2026-11-27" }, 3); // a Friday
    expect(weekdays.map((r) => r.date)).toEqual(["2026-11-27", "2026-11-30", "2026-12-01"]);
    const custom = planRuns(
      at("09:00", "UTC", parseDays("mon,wed,fri"), ["2026-12-02"]),
      { from: "2026-11-30" },
      3,
    );
    expect(custom.map((r) => r.date)).toEqual(["2026-11-30", "2026-12-04", "2026-12-07"]);
  });

  it("counts from the start of the local day with `from`, and strictly after an instant otherwise", () => {
    const schedule = at("09:00", "Asia/Kolkata");
    expect(planRuns(schedule, { from: "2026-06-01" }, 1)[0]?.utc).toBe("2026-06-01T03:30:00Z");
    expect(nextRun(schedule, new Date("2026-06-01T03:30:00Z"))?.date).toBe("2026-06-02");
    expect(nextRun(schedule, new Date("2026-06-01T03:29:00Z"))?.date).toBe("2026-06-01");
  });
});

describe("parsing schedule input", () => {
  it("accepts times, zones and day sets, and describes them", () => {
    expect(parseTime("9:05")).toBe("09:05");
    expect(parseZone(" Europe/Berlin ")).toBe("Europe/Berlin");
    expect(describeDays(parseDays("weekdays"))).toBe("weekdays");
    expect(describeDays(parseDays("fri,mon,wed"))).toBe("Mon, Wed, Fri");
  });

  it("rejects bad input with examples of what works", () => {
    expect(() => parseTime("25:00")).toThrow("must be a 24-hour time such as 09:00");
    expect(() => parseZone("Mars/Olympus")).toThrow(
      "Use an IANA name such as Europe/Berlin, America/New_York",
    );
    expect(() => parseDays("someday")).toThrow(
      "Use every-day, weekdays, weekends, or a list such as mon,wed,fri",
    );
  });
});
