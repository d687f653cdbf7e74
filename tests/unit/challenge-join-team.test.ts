/** Joining a challenge again with another team moves the member and says so. */
import { describe, expect, it } from "vitest";
import { fallbackText } from "../../src/core/reply/reply.js";
import { createTestApp, slackInvocation } from "../helpers/app.js";

const CHANNEL = { platform: "slack" as const, workspaceId: "T1", channelId: "C1" };
const admin = slackInvocation({ isAdmin: true, user: { id: "U_ADMIN", name: "Ada" } });
const bo = slackInvocation({ user: { id: "U_BO", name: "Bo" } });

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

async function run(t: TestApp, who: typeof admin, line: string) {
  const result = await t.dispatcher.runLine(who, line);
  return { ...result, text: fallbackText(result.reply) };
}

describe("challenge join with another team", () => {
  it("moves the member to the new team and says so, not 'Already in'", async () => {
    const t = await createTestApp();
    await run(t, admin, "challenge start daylight-walks zone:UTC");
    const first = await run(t, bo, "challenge join Blue");
    expect(first.reply.title).toBe("You're in");
    const moved = await run(t, bo, "challenge join Red");
    expect(moved.outcome).toBe("ok");
    expect(moved.reply.title).toBe("Team changed");
    expect(moved.text).toContain("You're now on team Red (was Blue)");
    const [challenge] = await t.storage.listActiveChallenges(CHANNEL);
    expect((await t.storage.getMember(challenge?.id ?? "", "U_BO"))?.team).toBe("Red");
  });

  it("still answers 'Already in' for the same team, whatever its case, or none given", async () => {
    const t = await createTestApp();
    await run(t, admin, "challenge start daylight-walks zone:UTC");
    await run(t, bo, "challenge join Blue");
    expect((await run(t, bo, "challenge join blue")).reply.title).toBe("Already in");
    const again = await run(t, bo, "challenge join");
    expect(again.reply.title).toBe("Already in");
    expect(again.text).toContain("on team Blue");
  });

  it("joining a team after joining without one says the team was set", async () => {
    const t = await createTestApp();
    await run(t, admin, "challenge start daylight-walks zone:UTC");
    await run(t, bo, "challenge join");
    const set = await run(t, bo, "challenge join Green");
    expect(set.reply.title).toBe("Team changed");
    expect(set.text).toContain("You're now on team Green");
    expect(set.text).not.toContain("(was");
  });
});
