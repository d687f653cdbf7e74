import { describe, expect, it } from "vitest";
import { duePosts, summaryLedgerDate } from "../../../src/challenges/due.js";
import type { Challenge } from "../../../src/core/storage-ports/challenge-store.js";

const challenge = (overrides: Partial<Challenge> = {}): Challenge => ({
  id: "c1",
  channel: { platform: "slack", workspaceId: "T1", channelId: "C1" },
  templateId: "daylight-walks",
  name: "Walks",
  startDate: "2026-03-05", // a Thursday
  days: 14,
  zone: "Asia/Kolkata",
  reminderTime: "08:30",
  createdBy: "U1",
  createdAt: 0,
  endedAt: null,
  endedBy: null,
  ...overrides,
});
const kinds = (c: Challenge, iso: string) => duePosts(c, new Date(iso)).map((p) => [p.kind, p.localDate]);

describe("when challenge posts are due", () => {
  it("reminds each challenge day from the reminder time in the challenge's zone", () => {
    expect(kinds(challenge(), "2026-03-05T02:59:00Z")).toEqual([]); // 08:29 in Kolkata
    expect(kinds(challenge(), "2026-03-05T03:00:00Z")).toEqual([["reminder", "2026-03-05"]]);
    expect(duePosts(challenge(), new Date("2026-03-05T03:00:00Z"))[0]?.plannedAt.toISOString()).toBe(
      "2026-03-05T03:00:00.000Z",
    );
    expect(kinds(challenge({ reminderTime: null }), "2026-03-06T10:00:00Z")).toEqual([]);
    expect(kinds(challenge(), "2026-03-04T10:00:00Z")).toEqual([]); // before the start
  });

  it("recaps on Mondays after the start, at the reminder time or 09:00", () => {
    expect(kinds(challenge(), "2026-03-09T03:00:00Z")).toEqual([
      ["reminder", "2026-03-09"],
      ["recap", "2026-03-09"],
    ]);
    expect(kinds(challenge({ reminderTime: null }), "2026-03-09T03:00:00Z")).toEqual([]);
    expect(kinds(challenge({ reminderTime: null }), "2026-03-09T03:30:00Z")).toEqual([
      ["recap", "2026-03-09"],
    ]);
    expect(kinds(challenge({ startDate: "2026-03-09" }), "2026-03-09T05:00:00Z")).toEqual([
      ["reminder", "2026-03-09"],
    ]);
  });

  it("summarises from noon the day after the last day, keyed on the last day, and not once ended", () => {
    // Last day: Wed 18 March; the summary waits for 12:00 on the 19th (late check-ins close).
    expect(kinds(challenge(), "2026-03-19T06:29:00Z")).toEqual([]);
    expect(kinds(challenge(), "2026-03-19T06:30:00Z")).toEqual([["summary", "2026-03-18"]]);
    expect(summaryLedgerDate(challenge())).toBe("2026-03-18");
    expect(kinds(challenge({ endedAt: Date.parse("2026-03-19T07:00:00Z") }), "2026-03-19T08:00:00Z")).toEqual(
      [],
    );
  });
});
