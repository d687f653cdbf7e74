/**
 * Tip schedule fixes: skipping a past date, zones stored by their canonical
 * IANA name (tips and challenges), and re-subscribing with the same settings. Through the
 * real dispatcher, commands and storage, with a fake clock.
 */
import { describe, expect, it } from "vitest";
import { fallbackText } from "../../src/core/reply/reply.js";
import { canonicalZone } from "../../src/core/time/local-time.js";
import { createTestApp, slackInvocation } from "../helpers/app.js";

const CHANNEL = { platform: "slack" as const, workspaceId: "T1", channelId: "C1" };
const admin = slackInvocation({ isAdmin: true, user: { id: "U_ADMIN", name: "Ada" } });
const bo = slackInvocation({ user: { id: "U_BO", name: "Bo" } });

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

async function run(t: TestApp, who: typeof admin, line: string) {
  const result = await t.dispatcher.runLine(who, line);
  return { ...result, text: fallbackText(result.reply) };
}

describe("tips skip", () => {
  // 23:30 UTC on 30 Nov is already 1 Dec in Berlin and still 30 Nov in New York.
  const now = "2026-11-30T23:30:00Z";

  it("refuses a date already past in the channel's zone, saying which day it is there", async () => {
    const t = await createTestApp({ now });
    expect((await run(t, admin, "tips subscribe 09:00 Europe/Berlin")).outcome).toBe("ok");
    const past = await run(t, admin, "tips skip 2026-11-30");
    expect(past.outcome).toBe("user_error");
    expect(past.text).toContain("2026-11-30 is in the past");
    expect(past.text).toContain("today is 2026-12-01 in Europe/Berlin");
    expect((await t.storage.getSubscription(CHANNEL))?.skip).toEqual([]);
  });

  it("accepts today and later dates in the channel's zone", async () => {
    const t = await createTestApp({ now });
    await run(t, admin, "tips subscribe 09:00 America/New_York");
    expect((await run(t, admin, "tips skip 2026-11-30")).outcome).toBe("ok");
    expect((await run(t, admin, "tips skip 2026-12-24")).outcome).toBe("ok");
    expect((await t.storage.getSubscription(CHANNEL))?.skip).toEqual(["2026-11-30", "2026-12-24"]);
  });
});

describe("zones are stored by their canonical IANA name", () => {
  it.each([
    ["europe/berlin", "Europe/Berlin"],
    ["EUROPE/BERLIN", "Europe/Berlin"],
    ["america/port-au-prince", "America/Port-au-Prince"],
    ["etc/gmt+5", "Etc/GMT+5"],
    ["utc", "UTC"],
    ["Asia/Kolkata", "Asia/Kolkata"],
    ["US/Eastern", "US/Eastern"],
    ["us/eastern", "America/New_York"],
  ])("%s is stored as %s", (typed, stored) => {
    expect(canonicalZone(typed)).toBe(stored);
  });

  it("tips subscribe stores Europe/Berlin for europe/berlin, and shows it so", async () => {
    const t = await createTestApp();
    const result = await run(t, admin, "tips subscribe 09:00 europe/berlin");
    expect(result.text).toContain("09:00 Europe/Berlin");
    expect((await t.storage.getSubscription(CHANNEL))?.zone).toBe("Europe/Berlin");
  });

  it("tips subscribe canonicalises the zone from the person's profile too", async () => {
    const t = await createTestApp();
    await run(
      t,
      slackInvocation({ isAdmin: true, userTimeZone: "AMERICA/NEW_YORK" }),
      "tips subscribe 08:00",
    );
    expect((await t.storage.getSubscription(CHANNEL))?.zone).toBe("America/New_York");
  });

  it("challenge start stores the canonical name", async () => {
    const t = await createTestApp();
    const started = await run(t, admin, "challenge start daylight-walks zone:europe/berlin");
    expect(started.outcome).toBe("ok");
    const [challenge] = await t.storage.listActiveChallenges(CHANNEL);
    expect(challenge?.zone).toBe("Europe/Berlin");
  });

  it("tips plan shows the canonical name", async () => {
    const t = await createTestApp();
    const plan = await run(t, bo, "tips plan 09:00 utc");
    expect(plan.reply.title).toBe("Next posts: 09:00 UTC, every day");
  });
});

describe("tips subscribe again", () => {
  it("with the same settings: no second announcement, and says so privately", async () => {
    const t = await createTestApp();
    await run(t, admin, "tips subscribe 09:00 Europe/Berlin weekdays");
    expect(t.slack.posts).toHaveLength(1);
    const again = await run(t, admin, "tips subscribe 09:00 europe/berlin weekdays");
    expect(again.outcome).toBe("ok");
    expect(again.reply.visibility).toBe("ephemeral");
    expect(again.text).toContain("already subscribed with these settings");
    expect(again.text).toContain("09:00 Europe/Berlin, weekdays");
    expect(t.slack.posts).toHaveLength(1);
  });

  it("with new settings: announces the change", async () => {
    const t = await createTestApp();
    await run(t, admin, "tips subscribe 09:00 Europe/Berlin");
    await run(t, admin, "tips subscribe 10:00 Europe/Berlin");
    expect(t.slack.posts).toHaveLength(2);
    expect((await t.storage.getSubscription(CHANNEL))?.time).toBe("10:00");
  });

  it("while paused: resumes and announces, as before", async () => {
    const t = await createTestApp();
    await run(t, admin, "tips subscribe 09:00 Europe/Berlin");
    await run(t, admin, "tips pause");
    await run(t, admin, "tips subscribe 09:00 Europe/Berlin");
    expect(t.slack.posts).toHaveLength(2);
    expect((await t.storage.getSubscription(CHANNEL))?.pausedReason).toBeNull();
  });
});
