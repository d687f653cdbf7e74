/**
 * Uninstalls through the real Bolt app: signed app_uninstalled and tokens_revoked (bot
 * token) envelopes record the workspace's removal in the database (read here with a raw
 * query on the same SQLite file); a revocation of user tokens only does not; the data is
 * purged only once the 7-day grace period has passed.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { WORKSPACE_GRACE_MS } from "../../../src/core/privacy/workspace-removal.js";
import { type SlackTestApp, startSlackTestApp } from "../../helpers/slack-app.js";
import { eventEnvelope, postSigned } from "../../kit/slack-requests.js";
import { type SlackStandIn, startSlackStandIn, TEAM_ONE } from "../../kit/slack-stand-in.js";

interface RemovalRow {
  platform: string;
  workspace_id: string;
  removed_at: number;
  purge_after: number;
}

let slack: SlackStandIn;
let bot: SlackTestApp;
let dir: string;
let raw: Database.Database;

beforeAll(async () => {
  slack = await startSlackStandIn();
  dir = mkdtempSync(join(tmpdir(), "vitabot-uninstall-"));
  const path = join(dir, "vitabot.db");
  bot = await startSlackTestApp(slack, { databaseUrl: `file:${path}` });
  raw = new Database(path, { readonly: true, fileMustExist: true });
});
afterAll(async () => {
  raw?.close();
  await bot?.close();
  await slack?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const removals = () =>
  raw
    .prepare("SELECT platform, workspace_id, removed_at, purge_after FROM workspace_removals")
    .all() as RemovalRow[];
const removalOf = (teamId: string) => removals().find((row) => row.workspace_id === teamId);

describe("Slack uninstall events", () => {
  it("records app_uninstalled as a removal whose data is purged only after the grace period", async () => {
    const before = Date.now();
    const ack = await postSigned(
      bot.endpoint,
      eventEnvelope("app-uninstalled", { envelope: { team_id: TEAM_ONE.teamId, event_id: "EvUninstall1" } }),
    );
    expect(ack.status).toBe(200);
    const row = await vi.waitFor(() => {
      const found = removalOf(TEAM_ONE.teamId);
      if (!found) throw new Error("no removal recorded yet");
      return found;
    });
    expect(row.platform).toBe("slack");
    expect(row.removed_at).toBeGreaterThanOrEqual(before);
    expect(row.purge_after - row.removed_at).toBe(WORKSPACE_GRACE_MS);
    await expect(bot.app.storage.purgeRemovedWorkspaces(row.purge_after - 1)).resolves.toEqual([]);
    const purged = await bot.app.storage.purgeRemovedWorkspaces(row.removed_at + 7 * 24 * 3600_000);
    expect(purged).toEqual([expect.objectContaining({ platform: "slack", workspaceId: TEAM_ONE.teamId })]);
    expect(removalOf(TEAM_ONE.teamId)).toBeUndefined();
  });

  it("ignores tokens_revoked for user tokens only, and records it when the bot token is revoked", async () => {
    const usersOnly = eventEnvelope("tokens-revoked", {
      envelope: { team_id: "T_USERS_ONLY", event_id: "EvRevokeUsers" },
      event: { tokens: { oauth: ["U2147483697"] } },
    });
    expect((await postSigned(bot.endpoint, usersOnly)).status).toBe(200);
    const botRevoked = eventEnvelope("tokens-revoked", {
      envelope: { team_id: "T_BOT_REVOKED", event_id: "EvRevokeBot" },
    });
    expect((await postSigned(bot.endpoint, botRevoked)).status).toBe(200);
    await vi.waitFor(() => expect(removalOf("T_BOT_REVOKED")).toBeDefined());
    // Both events were handled in order; the first left no trace.
    expect(removalOf("T_USERS_ONLY")).toBeUndefined();
    expect(bot.logLines.some((line) => line.teamId === "T_USERS_ONLY")).toBe(false);
  });
});
