import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildSubscription } from "../../commands/tips/subscription.js";
import { personalChannel } from "../../src/core/personal-tip.js";
import type { ChannelRef, Storage } from "../../src/core/storage-ports/storage.js";
import { STALE_CLAIMS_LIMIT, type Subscription } from "../../src/core/storage-ports/tips-store.js";
import { createPostgresStorage } from "../../src/storage/kysely/postgres-storage.js";
import { createSqliteStorage } from "../../src/storage/kysely/sqlite-storage.js";
import { createTestDatabase, type TestDatabase } from "../helpers/postgres.js";

const channel = (id: string): ChannelRef => ({ platform: "slack", workspaceId: "T1", channelId: id });
const NOW = new Date("2026-11-25T06:00:00Z");

function subscription(id: string, time = "08:00", zone = "UTC") {
  return buildSubscription({
    channel: channel(id),
    schedule: { time, zone, days: [1, 2, 3, 4, 5, 6, 7], skip: [] },
    theme: null,
    createdBy: "U1",
    now: NOW,
  });
}

function tipsStoreContract(
  name: string,
  open: () => Promise<{ storage: Storage; cleanup(): Promise<void> }>,
) {
  describe(`the tips store on ${name}`, () => {
    let storage: Storage;
    let cleanup: () => Promise<void>;
    beforeEach(async () => {
      ({ storage, cleanup } = await open());
      await storage.migrate();
    });
    afterEach(async () => {
      await storage.close();
      await cleanup();
    });

    it("round-trips a subscription and finds due ones through next_run_at, oldest first, skipping paused ones", async () => {
      await storage.saveSubscription(subscription("C1", "08:00"));
      await storage.saveSubscription(subscription("C2", "07:00"));
      await storage.saveSubscription(subscription("C3", "09:00"));
      await storage.pauseSubscription(channel("C2"), "paused by test");
      expect(await storage.getSubscription(channel("C1"))).toEqual(subscription("C1", "08:00"));
      const due = await storage.dueSubscriptions(Date.parse("2026-11-25T08:30:00Z"), 10);
      expect(due.map((s) => s.channel.channelId)).toEqual(["C1"]);
      expect(
        (await storage.dueSubscriptions(Date.parse("2026-11-25T09:30:00Z"), 1)).map(
          (s) => s.channel.channelId,
        ),
      ).toEqual(["C1"]);
    });

    it("finds one platform's due subscriptions when asked", async () => {
      await storage.saveSubscription(subscription("C1", "08:00"));
      const onDiscord = {
        ...subscription("C2", "07:00"),
        channel: { platform: "discord" as const, workspaceId: "G1", channelId: "42" },
      };
      await storage.saveSubscription(onDiscord);
      const at = Date.parse("2026-11-25T08:30:00Z");
      const ids = async (platform?: "slack" | "discord") =>
        (await storage.dueSubscriptions(at, 10, platform)).map((s) => s.channel.channelId);
      expect(await ids()).toEqual(["42", "C1"]);
      expect(await ids("discord")).toEqual(["42"]);
      expect(await ids("slack")).toEqual(["C1"]);
    });

    it("lists one workspace's subscriptions, paused ones too, by channel id", async () => {
      await storage.saveSubscription(subscription("C2", "07:00"));
      await storage.saveSubscription(subscription("C1", "08:00"));
      await storage.pauseSubscription(channel("C2"), "paused by test");
      await storage.saveSubscription({
        ...subscription("C3"),
        channel: { platform: "slack", workspaceId: "T2", channelId: "C3" },
      });
      const listed = await storage.listWorkspaceSubscriptions("slack", "T1");
      expect(listed.map((s) => [s.channel.channelId, s.pausedReason])).toEqual([
        ["C1", null],
        ["C2", "paused by test"],
      ]);
      expect(await storage.listWorkspaceSubscriptions("discord", "T1")).toEqual([]);
    });

    it("claims a ledger key for exactly one of many concurrent claimers", async () => {
      const key = { channel: channel("C1"), kind: "tip" as const, localDate: "2026-11-25" };
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => storage.claimDelivery(key, `p${i}`, 1)),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      await storage.finishDelivery(key, "sent", 2, { item: "tip-x" });
      expect(await storage.getDelivery(key)).toMatchObject({ status: "sent", item: "tip-x", finishedAt: 2 });
      expect(await storage.claimDelivery({ ...key, kind: "reminder" }, "p", 3)).toBe(true);
    });

    it("claims many keys in one call, returning only the ones this caller won", async () => {
      const keys = Array.from({ length: 1500 }, (_, i) => ({
        channel: channel(`C${i}`),
        kind: "tip" as const,
        localDate: "2026-11-25",
      }));
      expect(
        await storage.claimDelivery(
          { channel: channel("C7"), kind: "tip", localDate: "2026-11-25" },
          "other",
          1,
        ),
      ).toBe(true);
      const won = await storage.claimDeliveries(keys, "me", 2);
      expect(won).toHaveLength(1499);
      expect(won.some((k) => k.channel.channelId === "C7")).toBe(false);
      expect(await storage.claimDeliveries(keys, "again", 3)).toEqual([]);
    });

    it("moves a next run only from the expected value (compare-and-set)", async () => {
      const sub = subscription("C1");
      await storage.saveSubscription(sub);
      const at = sub.nextRunAt ?? 0;
      expect(
        await storage.advanceSubscription(sub.channel, at, { at: at + 86_400_000, date: "2026-11-26" }),
      ).toBe(true);
      expect(
        await storage.advanceSubscription(sub.channel, at, { at: at + 2 * 86_400_000, date: "2026-11-27" }),
      ).toBe(false);
      expect((await storage.getSubscription(sub.channel))?.nextRunDate).toBe("2026-11-26");
    });

    it("reports claims never finished once older than the lease", async () => {
      await storage.claimDelivery({ channel: channel("C1"), kind: "tip", localDate: "2026-11-24" }, "p", 100);
      await storage.claimDelivery({ channel: channel("C2"), kind: "tip", localDate: "2026-11-24" }, "p", 500);
      expect((await storage.staleClaims(200)).map((d) => d.channel.channelId)).toEqual(["C1"]);
      expect(await storage.staleClaims(1000, channel("C2"))).toHaveLength(1);
    });

    it("reports the newest stale claims, as many as a crashed replica can leave, oldest first", async () => {
      const old = { channel: channel("C-old"), kind: "tip" as const, localDate: "2026-11-20" };
      await storage.claimDelivery(old, "crashed-long-ago", 1);
      const keys = Array.from({ length: STALE_CLAIMS_LIMIT }, (_, i) => ({
        channel: channel(`C${i}`),
        kind: "tip" as const,
        localDate: "2026-11-25",
      }));
      await storage.claimDeliveries(keys.slice(0, 500), "crashed", 2);
      await storage.claimDeliveries(keys.slice(500), "crashed", 3);
      const stale = await storage.staleClaims(10);
      expect(stale).toHaveLength(STALE_CLAIMS_LIMIT);
      expect(stale.map((d) => d.claimedAt).filter((at, i, all) => i > 0 && at < (all[i - 1] ?? 0))).toEqual(
        [],
      );
      expect(new Set(stale.map((d) => d.channel.channelId))).toEqual(
        new Set(keys.map((k) => k.channel.channelId)),
      );
    });

    it("records the rotation and starts a new cycle when asked", async () => {
      await storage.saveSubscription(subscription("C1"));
      await storage.recordRotation(channel("C1"), "a", false);
      await storage.recordRotation(channel("C1"), "b", false);
      expect((await storage.getSubscription(channel("C1")))?.cyclePosted).toEqual(["a", "b"]);
      await storage.recordRotation(channel("C1"), "c", true);
      expect((await storage.getSubscription(channel("C1")))?.cyclePosted).toEqual(["c"]);
    });

    it("adds, lists per channel and removes team tips, and deletes subscriptions", async () => {
      await storage.addTeamTip({
        id: "t1",
        channel: channel("C1"),
        text: "Stairs",
        sourceUrl: null,
        createdBy: "U1",
        createdAt: 1,
      });
      await storage.addTeamTip({
        id: "t2",
        channel: channel("C2"),
        text: "Walk",
        sourceUrl: "https://example.org",
        createdBy: "U1",
        createdAt: 2,
      });
      expect((await storage.listTeamTips(channel("C1"))).map((t) => t.text)).toEqual(["Stairs"]);
      expect(await storage.removeTeamTip(channel("C1"), "t2")).toBe(false);
      expect(await storage.removeTeamTip(channel("C2"), "t2")).toBe(true);
      await storage.saveSubscription(subscription("C1"));
      expect(await storage.deleteSubscription(channel("C1"))).toBe(true);
      expect(await storage.getSubscription(channel("C1"))).toBeUndefined();
    });

    it("keeps a personal tip's owner, finds a person's tips in every workspace, and forget deletes them with their ledger rows", async () => {
      const dm = (workspaceId: string) => personalChannel({ platform: "slack", workspaceId, userId: "U7" });
      const personal = (workspaceId: string): Subscription => ({
        ...buildSubscription({
          channel: dm(workspaceId),
          schedule: { time: "08:00", zone: "Europe/Berlin", days: [1, 2, 3, 4, 5], skip: [] },
          theme: null,
          createdBy: "U7",
          now: NOW,
        }),
        person: { userId: "U7", zoneFromProfile: true },
      });
      await storage.saveSubscription(personal("T1"));
      await storage.saveSubscription(personal("T2"));
      await storage.saveSubscription(subscription("C1"));
      expect(await storage.getSubscription(dm("T1"))).toEqual(personal("T1"));
      // A channel's tips have no owner: the record has no `person` at all.
      expect(await storage.getSubscription(channel("C1"))).not.toHaveProperty("person");
      const mine = await storage.personalTips("slack", "U7");
      expect(mine.map((s) => s.channel.workspaceId).sort()).toEqual(["T1", "T2"]);
      expect(await storage.personalTips("discord", "U7")).toEqual([]);
      const key = { channel: dm("T1"), kind: "tip" as const, localDate: "2026-11-25" };
      expect(await storage.claimDelivery(key, "p1", 1)).toBe(true);
      const exported = await storage.exportUser("slack", "U7");
      expect(exported.personalTips).toHaveLength(2);
      expect(exported.personalTips[0]).toMatchObject({
        time: "08:00",
        zone: "Europe/Berlin",
        days: [1, 2, 3, 4, 5],
      });
      expect(exported.subscriptionsCreated).toEqual([]);
      const counts = await storage.forgetUser("slack", "U7");
      expect(counts.personalTips).toBe(2);
      expect(await storage.personalTips("slack", "U7")).toEqual([]);
      expect(await storage.getDelivery(key)).toBeUndefined();
      expect(await storage.getSubscription(channel("C1"))).toBeDefined();
    });
  });
}

tipsStoreContract("SQLite", async () => ({
  storage: createSqliteStorage({ path: ":memory:" }),
  cleanup: async () => {},
}));
tipsStoreContract("PostgreSQL", async () => {
  const db: TestDatabase = await createTestDatabase();
  return { storage: createPostgresStorage({ url: db.url }), cleanup: () => db.drop() };
});
