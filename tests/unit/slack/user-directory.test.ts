import { webApi } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUserDirectory } from "../../../src/adapters/slack/user-directory.js";
import { createMemoryLogger } from "../../helpers/app.js";
import { type SlackStandIn, startSlackStandIn, TEAM_ONE } from "../../kit/slack-stand-in.js";

let slack: SlackStandIn;
let client: webApi.WebClient;

beforeAll(async () => {
  slack = await startSlackStandIn();
  client = new webApi.WebClient(TEAM_ONE.token, {
    slackApiUrl: `${slack.apiUrl}/`,
    retryConfig: { retries: 0 },
  });
  slack.users.set("U_ADMIN", { is_admin: true, tz: "Europe/Berlin", real_name: "Ada Admin" });
  slack.users.set("U_OWNER", { is_owner: true, tz: "America/New_York" });
  slack.users.set("U_MEMBER", { tz: "Asia/Tokyo" });
  slack.users.set("U_BROKEN", { error: "user_not_found" });
});
afterAll(() => slack?.close());

function directory(now: () => number = Date.now) {
  const { logger, lines } = createMemoryLogger();
  return {
    people: createUserDirectory({
      adminUserIds: new Set(["slack:U_LISTED", "discord:U_MEMBER"]),
      logger,
      now,
    }),
    lines,
  };
}

const lookups = (user: string) =>
  slack.callsTo("users.info").filter((call) => call.params.user === user).length;

describe("Slack people: admins and time zones", () => {
  it("counts workspace admins and owners as admins and passes their time zone on", async () => {
    const { people } = directory();
    await expect(people.lookup(client, "T0001", "U_ADMIN")).resolves.toEqual({
      isAdmin: true,
      timeZone: "Europe/Berlin",
      name: "Ada Admin",
    });
    await expect(people.lookup(client, "T0001", "U_OWNER")).resolves.toMatchObject({
      isAdmin: true,
      timeZone: "America/New_York",
    });
    await expect(people.lookup(client, "T0001", "U_MEMBER")).resolves.toMatchObject({
      isAdmin: false,
      timeZone: "Asia/Tokyo",
    });
  });

  it("counts ADMIN_USER_IDS entries for Slack only", async () => {
    const { people } = directory();
    await expect(people.lookup(client, "T0001", "U_LISTED")).resolves.toMatchObject({ isAdmin: true });
    // "discord:U_MEMBER" does not make the Slack user U_MEMBER an admin.
    await expect(people.lookup(client, "T0002", "U_MEMBER")).resolves.toMatchObject({ isAdmin: false });
  });

  it("caches a person for the TTL, then asks users.info again", async () => {
    let now = 1_000_000;
    const { people } = directory(() => now);
    const before = lookups("U_OWNER");
    await Promise.all([people.lookup(client, "T9", "U_OWNER"), people.lookup(client, "T9", "U_OWNER")]);
    now += 4 * 60_000;
    await people.lookup(client, "T9", "U_OWNER");
    expect(lookups("U_OWNER") - before).toBe(1);
    now += 2 * 60_000;
    await people.lookup(client, "T9", "U_OWNER");
    expect(lookups("U_OWNER") - before).toBe(2);
  });

  it("serves a person users.info cannot describe as a non-admin, logs why, and does not cache the failure", async () => {
    const { people, lines } = directory();
    const before = lookups("U_BROKEN");
    await expect(people.lookup(client, "T0001", "U_BROKEN")).resolves.toEqual({ isAdmin: false });
    await people.lookup(client, "T0001", "U_BROKEN");
    expect(lookups("U_BROKEN") - before).toBe(2);
    expect(lines.find((line) => line.code === "user_not_found")).toMatchObject({ level: 40 });
  });

  it("forget() drops a workspace's people", async () => {
    const { people } = directory();
    const before = lookups("U_MEMBER");
    await people.lookup(client, "T7", "U_MEMBER");
    people.forget("T7");
    await people.lookup(client, "T7", "U_MEMBER");
    expect(lookups("U_MEMBER") - before).toBe(2);
  });
});
