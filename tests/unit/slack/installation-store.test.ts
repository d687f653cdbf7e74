import type { Installation } from "@slack/bolt";
import { afterEach, describe, expect, it } from "vitest";
import {
  createInstallationStore,
  createSealer,
  installationKey,
} from "../../../src/adapters/slack/installation-store.js";
import { workspaceRemoved } from "../../../src/core/privacy/workspace-removal.js";
import type { Storage } from "../../../src/core/storage-ports/storage.js";
import { createSqliteStorage } from "../../../src/storage/kysely/sqlite-storage.js";
import { createMemoryLogger } from "../../helpers/app.js";

const opened: Storage[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((storage) => storage.close()));
});

async function storage(): Promise<Storage> {
  const store = createSqliteStorage({ path: ":memory:" });
  await store.migrate();
  opened.push(store);
  return store;
}

const installation = (teamId: string, token: string): Installation<"v2", false> => ({
  team: { id: teamId, name: "Team" },
  enterprise: undefined,
  user: { id: "U_INSTALLER", token: undefined, scopes: undefined },
  bot: { token, id: "B1", userId: "U_BOT", scopes: ["commands"] },
  isEnterpriseInstall: false,
  authVersion: "v2",
});

describe("sealing installations", () => {
  it("round-trips, uses a fresh IV each time, and refuses another secret or altered data", () => {
    const sealer = createSealer("state-secret-one");
    const a = sealer.seal("xoxb-secret");
    expect(a).not.toContain("xoxb");
    expect(sealer.seal("xoxb-secret")).not.toBe(a);
    expect(sealer.open(a)).toBe("xoxb-secret");
    expect(() => createSealer("state-secret-two").open(a)).toThrow();
    expect(() => sealer.open(`${a.slice(0, -4)}AAAA`)).toThrow();
  });
});

describe("installationKey", () => {
  it("keys org installs by enterprise and workspace installs by team (and enterprise on Grid)", () => {
    expect(installationKey({ enterpriseId: "E1", teamId: undefined, isEnterpriseInstall: true })).toEqual({
      enterpriseId: "E1",
      teamId: "",
    });
    expect(installationKey({ enterpriseId: "E1", teamId: "T1", isEnterpriseInstall: false })).toEqual({
      enterpriseId: "E1",
      teamId: "T1",
    });
    expect(installationKey({ teamId: "T1", isEnterpriseInstall: false })).toEqual({
      enterpriseId: "",
      teamId: "T1",
    });
  });
});

describe("the installation store over Storage", () => {
  it("stores sealed, fetches per workspace, and deletes", async () => {
    const db = await storage();
    const { logger } = createMemoryLogger();
    const store = createInstallationStore({ storage: db, secret: "state-secret-one", logger });
    await store.storeInstallation(installation("T1", "xoxb-one"));
    await store.storeInstallation(installation("T2", "xoxb-two"));
    const query = (teamId: string) =>
      ({ teamId, enterpriseId: undefined, isEnterpriseInstall: false }) as const;
    await expect(store.fetchInstallation(query("T2"))).resolves.toMatchObject({ bot: { token: "xoxb-two" } });
    expect((await db.findSlackInstallation({ enterpriseId: "", teamId: "T1" }))?.data).not.toContain(
      "xoxb-one",
    );
    await store.deleteInstallation?.(query("T2"));
    await expect(store.fetchInstallation(query("T2"))).rejects.toThrow(/not installed/);
    await expect(store.fetchInstallation(query("T1"))).resolves.toMatchObject({ bot: { token: "xoxb-one" } });
  });

  it("cancels a pending workspace removal when the workspace installs again (OAuth), and only that one", async () => {
    const db = await storage();
    const { logger } = createMemoryLogger();
    const store = createInstallationStore({ storage: db, secret: "state-secret-one", logger });
    const day = 24 * 3600_000;
    await workspaceRemoved(db, "slack", "T_BACK", new Date(0));
    await workspaceRemoved(db, "slack", "T_GONE", new Date(0));
    await store.storeInstallation(installation("T_BACK", "xoxb-back"));
    const purged = await db.purgeRemovedWorkspaces(8 * day);
    expect(purged.map((p) => p.workspaceId)).toEqual(["T_GONE"]);
  });

  it("says to reinstall when the secret changed, without logging the data", async () => {
    const db = await storage();
    const { logger, lines } = createMemoryLogger();
    await createInstallationStore({ storage: db, secret: "old-secret-123", logger }).storeInstallation(
      installation("T1", "xoxb-one"),
    );
    const store = createInstallationStore({ storage: db, secret: "new-secret-456", logger });
    await expect(
      store.fetchInstallation({ teamId: "T1", enterpriseId: undefined, isEnterpriseInstall: false }),
    ).rejects.toThrow(/reinstall/);
    expect(JSON.stringify(lines)).toContain("SLACK_STATE_SECRET");
    expect(JSON.stringify(lines)).not.toContain("xoxb-one");
  });
});
