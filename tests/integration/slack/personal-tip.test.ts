/**
 * A personal daily tip over real Slack requests: a signed `/vitabot tips me 08:00` sets
 * it in the person's profile zone (users.info `tz`), the tick at their local 08:00 sends
 * one DM (chat.postMessage to their user id) against the stand-in, a signed `user_change`
 * moves it to their new zone, and it stops when Slack reports them deactivated
 * (`user_change` with `deleted: true`, or a post refused with `user_not_found`).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { personalChannel, personalTipStatus } from "../../../src/core/personal-tip.js";
import { FakeClock } from "../../helpers/fake-clock.js";
import { type SlackTestApp, startSlackTestApp } from "../../helpers/slack-app.js";
import { eventEnvelope, postSigned, slashCommand } from "../../kit/slack-requests.js";
import { type SlackStandIn, startSlackStandIn, TEAM_ONE } from "../../kit/slack-stand-in.js";

let slack: SlackStandIn;
let bot: SlackTestApp;
// Wednesday 25 November 2026, 06:00 UTC: 01:00 in New York.
const clock = new FakeClock("2026-11-25T06:00:00Z");
const person = (userId: string) => ({ platform: "slack" as const, workspaceId: TEAM_ONE.teamId, userId });

beforeAll(async () => {
  slack = await startSlackStandIn();
  slack.users.set("U_ANNA", { tz: "America/New_York", real_name: "Anna" });
  slack.users.set("U_BEN", { tz: "America/New_York", real_name: "Ben" });
  slack.users.set("U_CARA", { tz: "Europe/Berlin", real_name: "Cara" });
  bot = await startSlackTestApp(slack, { clock });
});
afterAll(async () => {
  await bot?.close();
  await slack?.close();
});

/** Runs `/vitabot <text>` as a person and returns what came back on its response_url. */
async function command(userId: string, text: string): Promise<string> {
  const target = slack.responseUrl();
  const ack = await postSigned(
    bot.endpoint,
    slashCommand({ text, user_id: userId, team_id: TEAM_ONE.teamId, response_url: target.url }),
  );
  expect(ack.status).toBe(200);
  const response = await slack.waitFor(() => slack.responses.find((r) => r.id === target.id));
  return JSON.stringify(response.body);
}

/** A signed user_change event for a person, as Slack sends it. */
async function userChange(userId: string, user: Record<string, unknown>, eventId: string): Promise<void> {
  const fixture = eventEnvelope("user-change");
  const base = JSON.parse(fixture.body) as { event: { user: Record<string, unknown> } };
  const request = eventEnvelope("user-change", {
    envelope: { event_id: eventId },
    event: { user: { ...base.event.user, id: userId, ...user } },
  });
  expect((await postSigned(bot.endpoint, request)).status).toBe(200);
}

const dmsTo = (userId: string) =>
  slack.callsTo("chat.postMessage").filter((c) => c.params.channel === userId);

describe("a personal daily tip on Slack", () => {
  it("is set by any member in their Slack time zone, and the tick at their local 08:00 sends one DM", async () => {
    const answer = await command("U_ANNA", "tips me 08:00 weekdays");
    expect(answer).toContain("Your daily tip is on");
    expect(answer).toContain("08:00 America/New_York, weekdays");
    clock.set("2026-11-25T12:59:30Z"); // 07:59:30 in New York
    await bot.app.scheduler.tick();
    expect(dmsTo("U_ANNA")).toHaveLength(0);
    clock.set("2026-11-25T13:00:30Z"); // 08:00:30 in New York
    await bot.app.scheduler.tick();
    await bot.app.scheduler.tick();
    const dms = dmsTo("U_ANNA");
    expect(dms).toHaveLength(1);
    expect(dms[0]?.token).toBe(TEAM_ONE.token);
    expect(JSON.stringify(dms[0]?.params.blocks)).toContain("Today's muscle-health tip");
    const ledger = await bot.app.storage.getDelivery({
      channel: personalChannel(person("U_ANNA")),
      kind: "tip",
      localDate: "2026-11-25",
    });
    expect(ledger).toMatchObject({ status: "sent" });
  });

  it("follows the person's new zone when Slack sends user_change", async () => {
    await userChange("U_ANNA", { tz: "Asia/Tokyo" }, "EvZoneAnna");
    const status = await vi.waitFor(async () => {
      const found = await personalTipStatus(bot.app.storage, person("U_ANNA"));
      if (!found.on || found.zone !== "Asia/Tokyo") throw new Error("not moved yet");
      return found;
    });
    // Thursday 26 November, 08:00 in Tokyo.
    expect(status).toMatchObject({
      time: "08:00",
      zoneFromProfile: true,
      nextAt: Date.parse("2026-11-25T23:00:00Z"),
    });
    clock.set("2026-11-25T23:00:30Z");
    await bot.app.scheduler.tick();
    expect(dmsTo("U_ANNA")).toHaveLength(2);
  });

  it("stops when Slack reports the person deactivated (user_change with deleted: true)", async () => {
    clock.set("2026-11-26T06:00:00Z");
    expect(await command("U_BEN", "tips me 08:00")).toContain("Your daily tip is on");
    await userChange("U_BEN", { deleted: true }, "EvDeletedBen");
    await vi.waitFor(async () => {
      if ((await personalTipStatus(bot.app.storage, person("U_BEN"))).on) throw new Error("still on");
    });
    clock.set("2026-11-26T13:00:30Z");
    await bot.app.scheduler.tick();
    expect(dmsTo("U_BEN")).toHaveLength(0);
  });

  it("stops when Slack refuses the DM with user_not_found, the loss recorded in the ledger", async () => {
    clock.set("2026-11-26T06:00:00Z");
    expect(await command("U_CARA", "tips me 08:00")).toContain("08:00 Europe/Berlin");
    slack.postFailures.set("U_CARA", { error: "user_not_found" });
    clock.set("2026-11-26T07:00:30Z"); // 08:00:30 in Berlin
    const report = await bot.app.scheduler.tick();
    expect(report).toMatchObject({ failed: 1, paused: 1 });
    const ledger = await bot.app.storage.getDelivery({
      channel: personalChannel(person("U_CARA")),
      kind: "tip",
      localDate: "2026-11-26",
    });
    expect(ledger).toMatchObject({ status: "failed" });
    expect(ledger?.reason).toContain("user_not_found");
    expect(await personalTipStatus(bot.app.storage, person("U_CARA"))).toMatchObject({
      on: true,
      nextAt: null,
      pausedReason: expect.stringContaining("user_not_found"),
    });
    clock.set("2026-11-27T07:00:30Z");
    await bot.app.scheduler.tick();
    expect(dmsTo("U_CARA")).toHaveLength(1); // the refused attempt only
  });
});
