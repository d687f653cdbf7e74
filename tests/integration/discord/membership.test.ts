/**
 * Leaving and rejoining servers through the real discord.js client: a GUILD_DELETE from
 * the gateway stand-in records the removal (purged after the 7-day grace period), an
 * unavailable one (an outage) records nothing, and a GUILD_CREATE cancels a pending removal.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDiscordAdapter, type DiscordAdapter } from "../../../src/adapters/discord/discord-adapter.js";
import type { App } from "../../../src/app.js";
import { WORKSPACE_GRACE_MS } from "../../../src/core/privacy/workspace-removal.js";
import { createDiscordTestApp } from "../../helpers/discord-app.js";
import { guildCreate, snowflake } from "../../kit/discord-payloads.js";
import { type DiscordStandIn, startDiscordStandIn } from "../../kit/discord-stand-in.js";

let standIn: DiscordStandIn;
let adapter: DiscordAdapter;
let app: App;
let logLines: Record<string, unknown>[];

beforeAll(async () => {
  standIn = await startDiscordStandIn();
  const created = await createDiscordTestApp(standIn);
  app = created.app;
  logLines = created.logLines;
  adapter = createDiscordAdapter(app, { mode: "gateway" });
  await adapter.start();
});
afterAll(async () => {
  await adapter?.stop();
  await standIn?.close();
});

/** Waits for a log line about `guild` whose message matches. */
const logged = (guild: string, msg: RegExp) =>
  standIn.waitFor(
    () => logLines.find((line) => line.guild === guild && msg.test(String(line.msg))),
    5000,
    `a log line for ${guild}`,
  );

/** Adds the bot to a new server (cached by discord.js) and returns its id. */
async function joinedGuild(): Promise<string> {
  const id = snowflake();
  standIn.dispatch("GUILD_CREATE", guildCreate(id, snowflake(), standIn.bot));
  await standIn.waitFor(() => adapter.client?.guilds.cache.get(id), 5000, `guild ${id} cached`);
  return id;
}

describe("being removed from a server", () => {
  it("records a GUILD_DELETE, ignores an unavailable one, and a GUILD_CREATE cancels the removal", async () => {
    const [outage, rejoined, removed] = [await joinedGuild(), await joinedGuild(), await joinedGuild()];
    const now = app.clock.now().getTime();

    standIn.dispatch("GUILD_DELETE", { id: outage, unavailable: true });
    await logged(outage, /unavailable/);
    expect(adapter.client?.guilds.cache.get(outage)?.available).toBe(false);

    standIn.dispatch("GUILD_DELETE", { id: rejoined });
    await logged(rejoined, /removed from a server/);
    standIn.dispatch("GUILD_CREATE", guildCreate(rejoined, snowflake(), standIn.bot));
    await logged(rejoined, /pending removal is cancelled/);

    standIn.dispatch("GUILD_DELETE", { id: removed });
    await logged(removed, /removed from a server/);

    // Nothing goes before the grace period ends; then only the server that stayed removed.
    await expect(app.storage.purgeRemovedWorkspaces(now + WORKSPACE_GRACE_MS - 60_000)).resolves.toEqual([]);
    const purged = await app.storage.purgeRemovedWorkspaces(now + WORKSPACE_GRACE_MS);
    expect(purged.map((p) => [p.platform, p.workspaceId])).toEqual([["discord", removed]]);
    expect(WORKSPACE_GRACE_MS).toBe(7 * 24 * 3600_000);
  });
});
