/**
 * The personal panel (pure) and how each platform renders it: the sections a member and
 * an admin get, and a panel far too long for one screen staying within Slack's Home limit
 * (100 blocks, cut with a "More in /vitabot me" line), Slack's message limit and
 * Discord's 25 buttons, never failing.
 */
import { describe, expect, it } from "vitest";
import { renderConsole } from "../../src/adapters/console/render.js";
import { renderReply } from "../../src/adapters/discord/render.js";
import { toHomeView } from "../../src/adapters/slack/home-view.js";
import { toBlockKit } from "../../src/adapters/slack/render.js";
import {
  PANEL_HEADINGS,
  type PanelChallenge,
  type PanelData,
  personalPanel,
} from "../../src/core/reply/personal-panel.js";
import { expectWithinDiscordLimits } from "../helpers/discord-assert.js";

function challenge(i: number): PanelChallenge {
  return {
    name: `Challenge number ${i}`,
    channelId: `C${i}`,
    phase: "running",
    dayNumber: 3,
    days: 14,
    startDate: "2026-12-01",
    points: i,
    streak: 2,
    rank: 1,
    of: 5,
    checkIn: [
      { label: "Check in: walk", action: `checkin walk cid:c${i}`, style: "primary" },
      { label: "Check in: stretch", action: `checkin stretch cid:c${i}` },
    ],
  };
}

const member: PanelData = { tip: { text: "Walk in daylight at lunch." }, challenges: [challenge(1)] };
const admin: PanelData = {
  ...member,
  admin: {
    tipChannels: [
      {
        channelId: "C9",
        schedule: "09:00 UTC, weekdays",
        nextPost: "Mon",
        pausedReason: null,
        lostPosts: [],
      },
    ],
    challenges: [{ id: "x", name: "Walks", channelId: "C1", participants: 3, daysLeft: 4 }],
  },
};

const headings = (data: PanelData) => personalPanel(data).sections.map((s) => s.heading);

describe("your daily tip on the panel", () => {
  const section = (data: PanelData) =>
    personalPanel(data).sections.find((s) => s.heading === PANEL_HEADINGS.personalTip);

  it("sits between today's tip and the challenges, and offers to start one when off", () => {
    const data: PanelData = { ...member, personalTip: { on: false } };
    expect(headings(data).slice(0, 3)).toEqual([
      PANEL_HEADINGS.tip,
      PANEL_HEADINGS.personalTip,
      PANEL_HEADINGS.challenges,
    ]);
    expect(section(data)?.buttons?.map((b) => b.action)).toEqual(["tips me 08:00"]);
  });

  it("shows time, zone, days and the next tip when on, with Turn off and a days switch", () => {
    const on: PanelData = {
      ...member,
      personalTip: {
        on: true,
        time: "07:30",
        schedule: "07:30 Europe/Berlin, weekdays",
        next: "Tue 08 Dec, 07:30 (Europe/Berlin, UTC+01:00)",
        pausedReason: null,
        weekdays: true,
      },
    };
    expect(section(on)?.text).toContain("07:30 Europe/Berlin, weekdays");
    expect(section(on)?.text).toContain("Next tip: Tue 08 Dec");
    expect(section(on)?.buttons?.map((b) => b.action)).toEqual(["tips me off", "tips me 07:30 every-day"]);
  });

  it("says why a stopped tip stopped, and offers to turn it back on", () => {
    const stopped: PanelData = {
      ...member,
      personalTip: {
        on: true,
        time: "07:30",
        schedule: "07:30 Europe/Berlin, every day",
        next: "none while paused",
        pausedReason: "Discord refused the direct message",
        weekdays: false,
      },
    };
    expect(section(stopped)?.text).toContain("Stopped: Discord refused the direct message");
    expect(section(stopped)?.buttons?.map((b) => b.action)).toEqual([
      "tips me 07:30",
      "tips me 07:30 weekdays",
    ]);
  });

  it("is left out where there is no personal tip to show", () => {
    expect(headings(member)).not.toContain(PANEL_HEADINGS.personalTip);
  });
});

describe("the personal panel", () => {
  it("gives a member the tip with Ask, their challenges with Check in, and their data; no admin lists", () => {
    const panel = personalPanel(member);
    expect(headings(member)).toEqual([
      PANEL_HEADINGS.tip,
      PANEL_HEADINGS.challenges,
      "Challenge number 1",
      PANEL_HEADINGS.data,
    ]);
    expect(panel.visibility).toBe("ephemeral");
    expect(panel.sections[0]?.buttons).toEqual([expect.objectContaining({ action: "ask", form: "ask" })]);
    expect(panel.sections[2]?.text).toBe("Day 3 of 14 in #C1 · 1 point · streak 2 days · rank 1 of 5");
    expect(panel.sections[2]?.buttons?.map((b) => b.action)).toEqual([
      "checkin walk cid:c1",
      "checkin stretch cid:c1",
    ]);
  });

  it("gives an admin the channels with tips and the running challenges, each with its buttons", () => {
    const panel = personalPanel(admin);
    expect(headings(admin)).toContain(PANEL_HEADINGS.tipChannels);
    expect(headings(admin)).toContain(PANEL_HEADINGS.workspaceChallenges);
    const actions = panel.sections.flatMap((s) => s.buttons ?? []).map((b) => b.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "tips pause ch:C9",
        "tips post-now ch:C9",
        "challenge end cid:x",
        "challenge export cid:x",
      ]),
    );
  });

  it("offers Resume, and says why, for a paused channel; lists lost posts", () => {
    const paused = personalPanel({
      ...admin,
      admin: {
        tipChannels: [
          {
            channelId: "C9",
            schedule: "09:00 UTC, weekdays",
            nextPost: "none while paused",
            pausedReason: "channel_not_found",
            lostPosts: ["2026-12-01"],
          },
        ],
        challenges: [],
      },
    });
    const section = paused.sections.find((s) => s.heading === "#C9");
    expect(section?.text).toContain("Paused: channel_not_found");
    expect(section?.text).toContain("Lost posts: 2026-12-01");
    expect(section?.buttons?.[0]).toMatchObject({ label: "Resume", action: "tips resume ch:C9" });
  });

  describe("with 60 challenges and 40 tip channels", () => {
    const huge = personalPanel({
      ...admin,
      challenges: Array.from({ length: 60 }, (_, i) => challenge(i)),
      admin: {
        tipChannels: Array.from({ length: 40 }, (_, i) => ({
          channelId: `C${i}`,
          schedule: "09:00 UTC, weekdays",
          nextPost: "Mon",
          pausedReason: null,
          lostPosts: [],
        })),
        challenges: [],
      },
    });

    it("stays within a Home view's 100 blocks, cut with a line pointing to /vitabot me", () => {
      const view = toHomeView(huge);
      expect(view.type).toBe("home");
      expect(view.blocks.length).toBeLessThanOrEqual(100);
      expect(view.blocks.length).toBeGreaterThan(50);
      expect(JSON.stringify(view.blocks.at(-1))).toContain("More in /vitabot me");
      const ids = view.blocks
        .flatMap((b) => (b.type === "actions" ? (b as { elements: { action_id?: string }[] }).elements : []))
        .map((e) => e.action_id);
      expect(new Set(ids).size).toBe(ids.length);
    });

    it("stays within a Slack message's 50 blocks for /vitabot me", () => {
      expect(toBlockKit(huge).blocks.length).toBeLessThanOrEqual(50);
    });

    it("keeps Discord's 25 buttons, each named after its section", () => {
      const message = renderReply(huge);
      expectWithinDiscordLimits(message);
      const buttons = message.components.flatMap((row) => row.components);
      expect(buttons).toHaveLength(25);
      expect(buttons[0]?.label).toBe(`${PANEL_HEADINGS.tip}: Ask a question`);
    });

    it("prints every section in the console with its commands to type", () => {
      const text = renderConsole(huge);
      expect(text).toContain("Challenge number 59");
      expect(text).toContain("→ /checkin walk cid:c59  ·  /checkin stretch cid:c59");
    });
  });
});
