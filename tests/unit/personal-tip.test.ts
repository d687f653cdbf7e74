/**
 * `/tips me`: parsing and validation of its arguments (friendly errors, did-you-mean for
 * a zone), and the personal tip's schedule through the same tick, rotation and ledger as
 * channel tips, on a FakeClock.
 */
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { DaysSchema, TimeOrOffSchema, ZoneOrDaysSchema } from "../../commands/tips/personal.js";
import { consoleInvocation, createConsoleAdapter } from "../../src/adapters/console/console-adapter.js";
import { followProfile, personalChannel, personalTipStatus } from "../../src/core/personal-tip.js";
import { suggestZones } from "../../src/core/time/zone-suggestions.js";
import { PlatformError } from "../../src/errors.js";
import { createTestApp, slackInvocation } from "../helpers/app.js";

const ME = { platform: "slack" as const, workspaceId: "T1", userId: "U1" };
const DM = personalChannel(ME);
const member = slackInvocation();
const text = (reply: unknown) => JSON.stringify(reply);

describe("tips me: its arguments", () => {
  it("takes a 24-hour time or off, and says what is wrong otherwise", () => {
    expect(TimeOrOffSchema.parse("8:05")).toBe("08:05");
    expect(TimeOrOffSchema.parse("OFF")).toBe("off");
    expect(TimeOrOffSchema.safeParse("25:00").error?.issues[0]?.message).toBe(
      "must be a 24-hour time such as 08:00, or off",
    );
  });

  it("suggests the zone meant for a near miss, by whole name or city", () => {
    expect(suggestZones("Europe/Berln")).toContain("Europe/Berlin");
    expect(suggestZones("berlin")).toEqual(["Europe/Berlin"]);
    expect(suggestZones("new york")).toContain("America/New_York");
    expect(suggestZones("qqqqqqqqqq")).toEqual([]);
    expect(ZoneOrDaysSchema.safeParse("Europe/Berln").error?.issues[0]?.message).toContain(
      "did you mean Europe/Berlin",
    );
    expect(ZoneOrDaysSchema.safeParse("Nowhere/Atall").error?.issues[0]?.message).toContain(
      "use an IANA name such as Europe/Berlin",
    );
    expect(ZoneOrDaysSchema.safeParse("weekdays").success).toBe(true);
  });

  it("takes the channel tips' days vocabulary", () => {
    for (const days of ["every-day", "weekdays", "weekends", "mon,wed,fri"])
      expect(DaysSchema.safeParse(days).success).toBe(true);
    expect(DaysSchema.safeParse("funday").error?.issues[0]?.message).toContain("is not a set of days");
  });

  it("is in /help with its usage", async () => {
    const t = await createTestApp();
    expect(text((await t.dispatcher.runLine(member, "help tips")).reply)).toContain(
      "/tips me [time] [zone] [days]",
    );
  });

  it("answers bad input with a friendly error and saves nothing", async () => {
    const t = await createTestApp();
    for (const [line, expected] of [
      ["tips me 25:00", "time must be a 24-hour time such as 08:00, or off"],
      ["tips me 08:00 Europe/Berln", "did you mean Europe/Berlin"],
      ["tips me 08:00 Europe/Berlin funday", "days is not a set of days"],
    ] as const) {
      const result = await t.dispatcher.runLine(member, line);
      expect(result.outcome).toBe("user_error");
      expect(text(result.reply)).toContain(expected);
    }
    // No profile zone (Discord, the console) and none given: asked once.
    const noZone = await t.dispatcher.runLine(member, "tips me 08:00");
    expect(noZone.outcome).toBe("user_error");
    expect(text(noZone.reply)).toContain("Which time zone?");
    expect(await t.storage.getSubscription(DM)).toBeUndefined();
  });
});

describe("tips me: the personal tip", () => {
  it("lets anyone set it; the tick at their local 08:00 sends one DM, recorded in the ledger under their DM", async () => {
    const t = await createTestApp({ now: "2026-11-25T06:00:00Z" });
    const set = await t.dispatcher.runLine(member, "tips me 08:00 Europe/Berlin weekdays");
    expect(set.outcome).toBe("ok");
    expect(text(set.reply)).toContain("08:00 Europe/Berlin, weekdays");
    await t.scheduler.tick();
    expect(t.slack.posts).toHaveLength(0);
    t.clock.set("2026-11-25T07:00:30Z"); // 08:00:30 in Berlin
    await t.scheduler.tick();
    await t.scheduler.tick();
    expect(t.slack.posts.map((p) => p.channel)).toEqual([DM]);
    expect(t.slack.posts[0]?.reply.title).toBe("Today's muscle-health tip");
    expect(await t.storage.getDelivery({ channel: DM, kind: "tip", localDate: "2026-11-25" })).toMatchObject({
      status: "sent",
    });
    // The rotation is the person's own.
    expect((await t.storage.getSubscription(DM))?.cyclePosted).toHaveLength(1);
    // The next one is Thursday's; Saturday is no weekday, so after Friday's comes Monday's.
    expect(await personalTipStatus(t.storage, ME)).toMatchObject({
      nextAt: Date.parse("2026-11-26T07:00:00Z"),
    });
    for (const iso of ["2026-11-26T07:00:30Z", "2026-11-27T07:00:30Z", "2026-11-28T07:00:30Z"]) {
      t.clock.set(iso);
      await t.scheduler.tick();
    }
    expect(t.slack.posts).toHaveLength(3);
    expect(await personalTipStatus(t.storage, ME)).toMatchObject({
      nextAt: Date.parse("2026-11-30T07:00:00Z"),
    });
  });

  it("defaults to the Slack profile zone, reads `08:00 weekdays` as days, and shows the status", async () => {
    const t = await createTestApp({ now: "2026-11-25T06:00:00Z" });
    const asker = slackInvocation({ userTimeZone: "America/New_York" });
    expect((await t.dispatcher.runLine(asker, "tips me 08:00 weekdays")).outcome).toBe("ok");
    const status = await personalTipStatus(t.storage, ME);
    expect(status).toMatchObject({
      on: true,
      time: "08:00",
      zone: "America/New_York",
      zoneFromProfile: true,
      days: [1, 2, 3, 4, 5],
      daysText: "weekdays",
      nextAt: Date.parse("2026-11-25T13:00:00Z"),
      pausedReason: null,
    });
    expect(text((await t.dispatcher.runLine(asker, "tips me")).reply)).toContain(
      "your profile's; follows it",
    );
  });

  it("follows a new profile zone, keeps a typed one, and stops for a deactivated account", async () => {
    const t = await createTestApp({ now: "2026-11-25T06:00:00Z" });
    await t.dispatcher.runLine(slackInvocation({ userTimeZone: "America/New_York" }), "tips me 08:00");
    const typed = slackInvocation({ user: { id: "U2" } });
    await t.dispatcher.runLine(typed, "tips me 08:00 Europe/Berlin");
    const now = t.clock.now();
    expect(
      await followProfile(
        t.storage,
        { platform: "slack", userId: "U1", deleted: false, zone: "Asia/Tokyo" },
        now,
      ),
    ).toEqual({ stopped: 0, moved: 1 });
    expect(await personalTipStatus(t.storage, ME)).toMatchObject({
      zone: "Asia/Tokyo",
      nextAt: Date.parse("2026-11-25T23:00:00Z"),
    });
    expect(
      await followProfile(
        t.storage,
        { platform: "slack", userId: "U2", deleted: false, zone: "Asia/Tokyo" },
        now,
      ),
    ).toEqual({ stopped: 0, moved: 0 });
    expect(await followProfile(t.storage, { platform: "slack", userId: "U1", deleted: true }, now)).toEqual({
      stopped: 1,
      moved: 0,
    });
    expect(await personalTipStatus(t.storage, ME)).toEqual({ on: false });
  });

  it("stops with `tips me off`", async () => {
    const t = await createTestApp({ now: "2026-11-25T06:00:00Z" });
    await t.dispatcher.runLine(member, "tips me 08:00 UTC");
    expect(text((await t.dispatcher.runLine(member, "tips me off")).reply)).toContain(
      "Your daily tip is off",
    );
    t.clock.set("2026-11-25T08:00:30Z");
    await t.scheduler.tick();
    expect(t.slack.posts).toHaveLength(0);
  });

  it("stops when the platform refuses the DM for good, the loss kept in the ledger and shown in its status", async () => {
    const t = await createTestApp({ now: "2026-11-25T06:00:00Z" });
    await t.dispatcher.runLine(member, "tips me 08:00 UTC");
    t.slack.failWhen(
      () =>
        new PlatformError("slack", "user_not_found", "Slack refused to post: user_not_found", {
          permanent: true,
        }),
    );
    t.clock.set("2026-11-25T08:00:30Z");
    const report = await t.scheduler.tick();
    expect(report).toMatchObject({ failed: 1, paused: 1 });
    expect(await t.storage.getDelivery({ channel: DM, kind: "tip", localDate: "2026-11-25" })).toMatchObject({
      status: "failed",
    });
    expect(text((await t.dispatcher.runLine(member, "tips me")).reply)).toContain("user_not_found");
    t.slack.failWhen(undefined);
    t.clock.set("2026-11-26T08:00:30Z");
    await t.scheduler.tick();
    expect(t.slack.posts).toHaveLength(0);
    // Setting it again turns it back on.
    await t.dispatcher.runLine(member, "tips me 09:00");
    expect(await personalTipStatus(t.storage, ME)).toMatchObject({
      on: true,
      time: "09:00",
      pausedReason: null,
    });
  });

  it("is in `privacy export`, and `privacy forget` stops it", async () => {
    const t = await createTestApp({ now: "2026-11-25T06:00:00Z" });
    await t.dispatcher.runLine(member, "tips me 08:00 UTC");
    const exported = await t.dispatcher.runLine(member, "privacy export");
    expect(exported.reply.files?.[0]?.content).toContain('"personalTips"');
    expect(exported.reply.files?.[0]?.content).toContain('"channelId": "@U1"');
    await t.dispatcher.runLine(member, "privacy forget confirm:yes");
    t.clock.set("2026-11-25T08:00:30Z");
    await t.scheduler.tick();
    expect(t.slack.posts).toHaveLength(0);
    expect(await personalTipStatus(t.storage, ME)).toEqual({ on: false });
  });
});

describe("tips me in the console", () => {
  it("prints the personal tip in the console (the console is the DM) at its local time", async () => {
    const t = await createTestApp({ now: "2026-11-25T06:00:00Z" });
    const output = new PassThrough();
    let printed = "";
    output.on("data", (chunk) => {
      printed += String(chunk);
    });
    const adapter = createConsoleAdapter({
      dispatcher: t.dispatcher,
      input: new PassThrough(),
      output,
      interactive: false,
    });
    t.registerAdapter(adapter);
    const result = await t.dispatcher.runLine(consoleInvocation(), "tips me 08:00 UTC");
    expect(result.outcome).toBe("ok");
    t.clock.set("2026-11-25T08:00:30Z");
    await t.scheduler.tick();
    expect(printed).toContain("[to you]");
    expect(printed).toContain("Today's muscle-health tip");
    expect(
      await t.storage.getDelivery({
        channel: personalChannel({ platform: "console", workspaceId: "console", userId: "console-user" }),
        kind: "tip",
        localDate: "2026-11-25",
      }),
    ).toMatchObject({ status: "sent" });
  });
});
