/**
 * The Storage contract: behaviour every backend must show. Run it with
 * `storageContract("sqlite (file)", () => …)`; `makeStorage` must return a fresh, empty,
 * not yet migrated storage on every call. The suite closes what it creates.
 */
import { afterEach, describe, expect, it } from "vitest";
import { buildSubscription } from "../../commands/tips/subscription.js";
import { personalChannel } from "../../src/core/personal-tip.js";
import { MAX_FORM_DRAFTS_PER_PERSON } from "../../src/core/storage-ports/form-draft-store.js";
import type {
  ChannelRef,
  FeedbackInput,
  FormDraft,
  Storage,
  UserRef,
} from "../../src/core/storage-ports/storage.js";
import { StorageError } from "../../src/errors.js";

/** Builds a fresh, empty, unmigrated storage. */
export type MakeStorage = () => Promise<Storage>;

/** A realistic epoch-ms instant, well above 2^31, so int8 parsing is exercised. */
const T0 = Date.UTC(2025, 5, 1, 9, 30);

const alice: UserRef = { platform: "slack", workspaceId: "T01", channelId: "C01", userId: "U_ALICE" };

function feedback(overrides: Partial<FeedbackInput> = {}): FeedbackInput {
  return {
    where: alice,
    answerId: "faq:vitd-muscle-loss",
    question: "Can low vitamin D make my legs feel weak? “quotes” & ünïcode 💪",
    vote: "up",
    note: null,
    at: T0,
    ...overrides,
  };
}

/**
 * Registers the shared behaviour tests for one backend. `migratesWhenOpened`: a store that
 * opens on first use migrates then (src/storage/lazy-storage.ts), so it has no "before
 * migrating" state to test.
 */
export function storageContract(
  name: string,
  makeStorage: MakeStorage,
  options: { migratesWhenOpened?: boolean } = {},
): void {
  describe(`Storage contract: ${name}`, () => {
    const opened: Storage[] = [];
    const fresh = async () => {
      const storage = await makeStorage();
      opened.push(storage);
      return storage;
    };
    const migrated = async () => {
      const storage = await fresh();
      await storage.migrate();
      return storage;
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((storage) => storage.close()));
    });

    describeMigrations(fresh, options.migratesWhenOpened === true);
    describeFeedback(migrated);
    describeLastAnswers(migrated);
    describeCooldowns(migrated);
    describeEventClaims(migrated);
    describeSlackInstallations(migrated);
    describeSafetyNumbers(migrated);
    describeWorkspaceZone(migrated);
    describeFormDrafts(migrated);
    describeLifecycle(fresh, migrated);
  });
}

function describeMigrations(fresh: MakeStorage, migratesWhenOpened: boolean): void {
  if (!migratesWhenOpened) {
    it("fails with a StorageError before migrating, because no table exists yet", async () => {
      const storage = await fresh();
      const failure = await storage.recordFeedback(feedback()).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(StorageError);
      expect(failure).toMatchObject({ code: "storage_error", message: /run the migrations/ });
      expect((failure as StorageError).cause).toBeDefined();
    });
  }

  it("migrate from empty creates every table", async () => {
    const storage = await fresh();
    await storage.migrate();
    await expect(storage.recordFeedback(feedback())).resolves.toMatchObject({
      answerId: "faq:vitd-muscle-loss",
    });
    await storage.setLastAnswer(alice, { answerId: "a", question: "q", at: T0 });
    await expect(storage.getLastAnswer(alice)).resolves.toEqual({ answerId: "a", question: "q", at: T0 });
    await expect(
      storage.hitCooldown({ platform: "slack", userId: "U1", command: "ask" }, T0, 1000),
    ).resolves.toEqual({ allowed: true, retryAfterMs: 0 });
  });

  it("migrate is idempotent: running it twice keeps the schema and the data", async () => {
    const storage = await fresh();
    await storage.migrate();
    const record = await storage.recordFeedback(feedback());
    await storage.migrate();
    await expect(storage.listFeedback()).resolves.toEqual([record]);
  });
}

function describeFeedback(migrated: MakeStorage): void {
  it("recordFeedback returns the stored record with a new id, and listFeedback reads it back unchanged", async () => {
    const storage = await migrated();
    const down = await storage.recordFeedback(feedback({ vote: "down", note: "too vague", at: T0 + 1 }));
    const up = await storage.recordFeedback(feedback());
    expect(down).toEqual({ ...feedback({ vote: "down", note: "too vague", at: T0 + 1 }), id: down.id });
    expect(down.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(up.id).not.toBe(down.id);
    await expect(storage.listFeedback()).resolves.toEqual([down, up]);
  });

  it("listFeedback returns the newest first and honours the limit", async () => {
    const storage = await migrated();
    for (const offset of [3, 0, 4, 1, 2]) {
      await storage.recordFeedback(feedback({ answerId: `faq:${offset}`, at: T0 + offset * 60_000 }));
    }
    const newest = await storage.listFeedback({ limit: 3 });
    expect(newest.map((record) => record.answerId)).toEqual(["faq:4", "faq:3", "faq:2"]);
    expect(newest.map((record) => record.at)).toEqual([T0 + 240_000, T0 + 180_000, T0 + 120_000]);
    await expect(storage.listFeedback()).resolves.toHaveLength(5);
    await expect(storage.listFeedback({ limit: 0 })).resolves.toEqual([]);
  });
}

function describeLastAnswers(migrated: MakeStorage): void {
  it("remembers the last answer per user and channel, and a newer answer replaces it", async () => {
    const storage = await migrated();
    await expect(storage.getLastAnswer(alice)).resolves.toBeUndefined();
    await storage.setLastAnswer(alice, { answerId: "faq:iron", question: "iron?", at: T0 });
    await storage.setLastAnswer(alice, { answerId: "faq:magnesium", question: "cramps?", at: T0 + 5 });
    await expect(storage.getLastAnswer(alice)).resolves.toEqual({
      answerId: "faq:magnesium",
      question: "cramps?",
      at: T0 + 5,
    });
  });

  it("keeps last answers apart by platform, workspace, channel and user", async () => {
    const storage = await migrated();
    await storage.setLastAnswer(alice, { answerId: "faq:iron", question: "iron?", at: T0 });
    const neighbours: UserRef[] = [
      { ...alice, userId: "U_BOB" },
      { ...alice, channelId: "C02" },
      { ...alice, workspaceId: "T02" },
      { ...alice, platform: "discord" },
    ];
    for (const who of neighbours) await expect(storage.getLastAnswer(who)).resolves.toBeUndefined();
    await storage.setLastAnswer(neighbours[0] as UserRef, { answerId: "faq:b12", question: "b12?", at: T0 });
    await expect(storage.getLastAnswer(alice)).resolves.toMatchObject({ answerId: "faq:iron" });
  });
}

function describeCooldowns(migrated: MakeStorage): void {
  const key = { platform: "discord", userId: "81234567890", command: "ask" } as const;

  it("allows a command, denies it with retryAfterMs during the window, and allows it again after", async () => {
    const storage = await migrated();
    await expect(storage.hitCooldown(key, T0, 3000)).resolves.toEqual({ allowed: true, retryAfterMs: 0 });
    await expect(storage.hitCooldown(key, T0 + 1000, 3000)).resolves.toEqual({
      allowed: false,
      retryAfterMs: 2000,
    });
    await expect(storage.hitCooldown(key, T0 + 2999, 3000)).resolves.toEqual({
      allowed: false,
      retryAfterMs: 1,
    });
    await expect(storage.hitCooldown(key, T0 + 3000, 3000)).resolves.toEqual({
      allowed: true,
      retryAfterMs: 0,
    });
    await expect(storage.hitCooldown(key, T0 + 3500, 3000)).resolves.toEqual({
      allowed: false,
      retryAfterMs: 2500,
    });
  });

  it("keeps cooldowns apart by platform, user and command", async () => {
    const storage = await migrated();
    await storage.hitCooldown(key, T0, 3000);
    for (const other of [
      { ...key, command: "tip" },
      { ...key, userId: "U2" },
      { ...key, platform: "slack" as const },
    ]) {
      await expect(storage.hitCooldown(other, T0, 3000)).resolves.toMatchObject({ allowed: true });
    }
  });

  it("is atomic: 20 concurrent hits for the same key allow exactly one", async () => {
    const storage = await migrated();
    const results = await Promise.all(Array.from({ length: 20 }, () => storage.hitCooldown(key, T0, 3000)));
    expect(results.filter((result) => result.allowed)).toHaveLength(1);
    for (const denied of results.filter((result) => !result.allowed)) expect(denied.retryAfterMs).toBe(3000);
  });
}

function describeEventClaims(migrated: MakeStorage): void {
  it("claimEvent is true for the first claim of an event id and false for every retry", async () => {
    const storage = await migrated();
    await expect(storage.claimEvent("slack", "Ev01", T0)).resolves.toBe(true);
    await expect(storage.claimEvent("slack", "Ev01", T0 + 60_000)).resolves.toBe(false);
    await expect(storage.claimEvent("slack", "Ev02", T0)).resolves.toBe(true);
    await expect(storage.claimEvent("discord", "Ev01", T0)).resolves.toBe(true);
  });

  it("claimEvent is atomic: 20 concurrent claims of one id succeed exactly once", async () => {
    const storage = await migrated();
    const claims = await Promise.all(
      Array.from({ length: 20 }, () => storage.claimEvent("slack", "Ev9", T0)),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it("pruneEvents forgets only claims older than the cut-off, which can then be claimed again", async () => {
    const storage = await migrated();
    await storage.claimEvent("slack", "old", T0);
    await storage.claimEvent("slack", "new", T0 + 10_000);
    await expect(storage.pruneEvents(T0 + 10_000)).resolves.toBe(1);
    await expect(storage.claimEvent("slack", "new", T0 + 20_000)).resolves.toBe(false);
    await expect(storage.claimEvent("slack", "old", T0 + 20_000)).resolves.toBe(true);
    await expect(storage.pruneEvents(T0)).resolves.toBe(0);
  });
}

function describeSlackInstallations(migrated: MakeStorage): void {
  const team = { enterpriseId: "", teamId: "T01" };
  const org = { enterpriseId: "E01", teamId: "" };

  it("saves, finds, replaces and deletes Slack installations by workspace or org", async () => {
    const storage = await migrated();
    await expect(storage.findSlackInstallation(team)).resolves.toBeUndefined();
    await storage.saveSlackInstallation({ ...team, data: "sealed-1 “ünïcode”", updatedAt: T0 });
    await storage.saveSlackInstallation({ ...org, data: "sealed-org", updatedAt: T0 });
    await storage.saveSlackInstallation({ ...team, data: "sealed-2", updatedAt: T0 + 1 });
    await expect(storage.findSlackInstallation(team)).resolves.toEqual({
      ...team,
      data: "sealed-2",
      updatedAt: T0 + 1,
    });
    await expect(storage.findSlackInstallation(org)).resolves.toMatchObject({ data: "sealed-org" });
    await expect(
      storage.findSlackInstallation({ enterpriseId: "E01", teamId: "T01" }),
    ).resolves.toBeUndefined();
    await expect(storage.deleteSlackInstallation(team)).resolves.toBe(true);
    await expect(storage.deleteSlackInstallation(team)).resolves.toBe(false);
    await expect(storage.findSlackInstallation(team)).resolves.toBeUndefined();
    await expect(storage.findSlackInstallation(org)).resolves.toBeDefined();
  });
}

function describeSafetyNumbers(migrated: MakeStorage): void {
  it("keeps a workspace's own safety numbers: set some, change one, put one back to the default", async () => {
    const storage = await migrated();
    await expect(storage.getSafetyNumbers("slack", "T01")).resolves.toBeUndefined();
    await expect(
      storage.setSafetyNumbers("slack", "T01", { emergency: "112", crisis: "Samaritans 116 123" }, T0),
    ).resolves.toEqual({ emergency: "112", crisis: "Samaritans 116 123" });
    await expect(
      storage.setSafetyNumbers("slack", "T01", { poison: "01 809 2166" }, T0 + 1),
    ).resolves.toEqual({
      emergency: "112",
      crisis: "Samaritans 116 123",
      poison: "01 809 2166",
    });
    await expect(storage.setSafetyNumbers("slack", "T01", { crisis: null }, T0 + 2)).resolves.toEqual({
      emergency: "112",
      poison: "01 809 2166",
    });
    await expect(storage.getSafetyNumbers("slack", "T01")).resolves.toEqual({
      emergency: "112",
      poison: "01 809 2166",
    });
    await expect(storage.getSafetyNumbers("discord", "T01")).resolves.toBeUndefined();
    await expect(storage.getSafetyNumbers("slack", "T02")).resolves.toBeUndefined();
  });

  it("two admins changing different numbers at once keep both changes", async () => {
    const storage = await migrated();
    await Promise.all([
      storage.setSafetyNumbers("discord", "G1", { emergency: "000" }, T0),
      storage.setSafetyNumbers("discord", "G1", { crisis: "13 11 14" }, T0),
    ]);
    await expect(storage.getSafetyNumbers("discord", "G1")).resolves.toEqual({
      emergency: "000",
      crisis: "13 11 14",
    });
  });
}

function describeLifecycle(fresh: MakeStorage, migrated: MakeStorage): void {
  it("ping resolves on a live database", async () => {
    const storage = await fresh();
    await expect(storage.ping()).resolves.toBeUndefined();
  });

  it("close() releases the database; later calls fail with a StorageError and closing again is harmless", async () => {
    const storage = await migrated();
    await storage.close();
    await expect(storage.ping()).rejects.toBeInstanceOf(StorageError);
    await expect(storage.getLastAnswer(alice)).rejects.toBeInstanceOf(StorageError);
    await expect(storage.close()).resolves.toBeUndefined();
  });
}

function describeWorkspaceZone(migrated: MakeStorage): void {
  const guild = (channelId: string): ChannelRef => ({ platform: "discord", workspaceId: "G1", channelId });
  const tips = (channel: ChannelRef, zone: string, at: number) =>
    buildSubscription({
      channel,
      schedule: { time: "09:00", zone, days: [1, 2, 3, 4, 5], skip: [] },
      theme: null,
      createdBy: "U1",
      now: new Date(at),
    });
  const challenge = (channel: ChannelRef, zone: string, at: number) => ({
    channel,
    templateId: "daylight-walks",
    name: "Walks",
    startDate: "2026-03-02",
    days: 14,
    zone,
    reminderTime: null,
    createdBy: "U1",
    createdAt: at,
  });

  it("finds a guild's most recently set-up zone across its tips and challenges, and none for another guild", async () => {
    const storage = await migrated();
    expect(await storage.lastZoneInWorkspace("discord", "G1")).toBeUndefined();
    await storage.saveSubscription(tips(guild("1"), "Asia/Tokyo", T0));
    expect(await storage.lastZoneInWorkspace("discord", "G1")).toBe("Asia/Tokyo");
    await storage.createChallenge(challenge(guild("2"), "Europe/Berlin", T0 + 1000));
    expect(await storage.lastZoneInWorkspace("discord", "G1")).toBe("Europe/Berlin");
    await storage.saveSubscription(tips(guild("3"), "America/Chicago", T0 + 2000));
    expect(await storage.lastZoneInWorkspace("discord", "G1")).toBe("America/Chicago");
    // Another guild, another platform and a person's own tip do not count.
    await storage.saveSubscription(tips({ ...guild("4"), workspaceId: "G2" }, "Africa/Cairo", T0 + 3000));
    await storage.saveSubscription(tips({ ...guild("5"), platform: "slack" }, "Asia/Kolkata", T0 + 4000));
    const mine = personalChannel({ platform: "discord", workspaceId: "G1", userId: "U9" });
    await storage.saveSubscription({
      ...tips(mine, "Pacific/Auckland", T0 + 5000),
      person: { userId: "U9", zoneFromProfile: false },
    });
    expect(await storage.lastZoneInWorkspace("discord", "G1")).toBe("America/Chicago");
    expect(await storage.lastZoneInWorkspace("discord", "G2")).toBe("Africa/Cairo");
  });
}

function describeFormDrafts(migrated: MakeStorage): void {
  const TTL = 15 * 60_000;
  const typed = { time: "25:00", zone: "Europe/Berln", days: "sat,sun", theme: "vitamin-d ✓ “quoted”" };
  const draft = (key: string, overrides: Partial<FormDraft> = {}): FormDraft => ({
    key,
    form: "tips-setup",
    platform: "discord",
    userId: "U_ALICE",
    values: typed,
    createdAt: T0,
    expiresAt: T0 + TTL,
    ...overrides,
  });
  const lookup = (key: string) => ({
    key,
    form: "tips-setup",
    platform: "discord" as const,
    userId: "U_ALICE",
  });

  it("keeps a refused form's typed values and gives them back to the same person for the same form", async () => {
    const storage = await migrated();
    await storage.keepFormDraft(draft("k1"));
    await expect(storage.findFormDraft(lookup("k1"), T0 + 1000)).resolves.toEqual(draft("k1"));
    await expect(storage.findFormDraft(lookup("nope"), T0 + 1000)).resolves.toBeUndefined();
  });

  it("gives a draft to no one else: not another person, platform or form", async () => {
    const storage = await migrated();
    await storage.keepFormDraft(draft("k1"));
    const at = T0 + 1000;
    await expect(storage.findFormDraft({ ...lookup("k1"), userId: "U_BOB" }, at)).resolves.toBeUndefined();
    await expect(storage.findFormDraft({ ...lookup("k1"), platform: "slack" }, at)).resolves.toBeUndefined();
    await expect(
      storage.findFormDraft({ ...lookup("k1"), form: "challenge-new" }, at),
    ).resolves.toBeUndefined();
    await expect(storage.findFormDraft(lookup("k1"), at)).resolves.toMatchObject({ values: typed });
  });

  it("a draft read at or after its expiry is gone", async () => {
    const storage = await migrated();
    await storage.keepFormDraft(draft("k1"));
    await expect(storage.findFormDraft(lookup("k1"), T0 + TTL - 1)).resolves.toMatchObject({ key: "k1" });
    await expect(storage.findFormDraft(lookup("k1"), T0 + TTL)).resolves.toBeUndefined();
  });

  it("keeps at most MAX_FORM_DRAFTS_PER_PERSON drafts per person: the oldest goes, no one else's", async () => {
    const storage = await migrated();
    await storage.keepFormDraft(draft("bob", { userId: "U_BOB" }));
    for (let i = 0; i <= MAX_FORM_DRAFTS_PER_PERSON; i++)
      await storage.keepFormDraft(draft(`k${i}`, { createdAt: T0 + i }));
    const kept = (await storage.exportUser("discord", "U_ALICE")).formDrafts;
    expect(kept.map((d) => d.createdAt)).toEqual(
      Array.from({ length: MAX_FORM_DRAFTS_PER_PERSON }, (_, i) => T0 + i + 1),
    );
    await expect(storage.findFormDraft(lookup("k0"), T0 + 1000)).resolves.toBeUndefined();
    await expect(
      storage.findFormDraft({ ...lookup("bob"), userId: "U_BOB" }, T0 + 1000),
    ).resolves.toMatchObject({ key: "bob" });
  });

  it("purgeFormDrafts deletes only expired drafts and says how many", async () => {
    const storage = await migrated();
    await storage.keepFormDraft(draft("old", { expiresAt: T0 + 1000 }));
    await storage.keepFormDraft(draft("new", { createdAt: T0 + 1000, expiresAt: T0 + 1000 + TTL }));
    await expect(storage.purgeFormDrafts(T0 + 1000)).resolves.toBe(1);
    await expect(storage.purgeFormDrafts(T0 + 1000)).resolves.toBe(0);
    await expect(storage.findFormDraft(lookup("new"), T0 + 2000)).resolves.toMatchObject({ key: "new" });
    await expect(storage.purgeFormDrafts(T0 + 1000 + TTL)).resolves.toBe(1);
  });

  it("privacy export lists a person's drafts and privacy forget deletes them, and only theirs", async () => {
    const storage = await migrated();
    await storage.keepFormDraft(draft("a1"));
    await storage.keepFormDraft(draft("a2", { form: "challenge-new", values: { name: "Walks" } }));
    await storage.keepFormDraft(draft("b1", { userId: "U_BOB" }));
    const exported = await storage.exportUser("discord", "U_ALICE");
    expect(exported.formDrafts).toEqual([
      { form: "tips-setup", values: typed, createdAt: T0, expiresAt: T0 + TTL },
      { form: "challenge-new", values: { name: "Walks" }, createdAt: T0, expiresAt: T0 + TTL },
    ]);
    expect((await storage.exportUser("slack", "U_ALICE")).formDrafts).toEqual([]);
    const counts = await storage.forgetUser("discord", "U_ALICE");
    expect(counts.formDrafts).toBe(2);
    await expect(storage.findFormDraft(lookup("a1"), T0 + 1000)).resolves.toBeUndefined();
    expect((await storage.exportUser("discord", "U_ALICE")).formDrafts).toEqual([]);
    await expect(
      storage.findFormDraft({ ...lookup("b1"), userId: "U_BOB" }, T0 + 1000),
    ).resolves.toMatchObject({ key: "b1" });
  });
}
