import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { commands } from "../../../commands/index.js";
import {
  buildManifest,
  SLACK_BOT_EVENTS,
  SLACK_BOT_SCOPES,
  SLASH_COMMAND,
  usageHint,
} from "../../../src/adapters/slack/manifest.js";
import { MANIFEST_PATH, manifestText, runSlackCli } from "../../../src/cli/slack.js";

function capture() {
  let text = "";
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
}

describe("the Slack manifest", () => {
  it("declares /vitabot, interactivity, the events and exactly the six base scopes, the two for onboarding and the two for pictures and files", () => {
    const manifest = buildManifest(commands, { baseUrl: "https://bot.example.org/" });
    expect(manifest.features.slash_commands).toEqual([
      expect.objectContaining({
        command: SLASH_COMMAND,
        url: "https://bot.example.org/slack/events",
        should_escape: false,
      }),
    ]);
    expect(manifest.oauth_config.scopes.bot).toEqual([
      "commands",
      "chat:write",
      "chat:write.public",
      "users:read",
      "app_mentions:read",
      "im:history",
      "channels:read",
      "groups:read",
      "files:write",
      "im:write",
    ]);
    expect(manifest.settings.event_subscriptions).toEqual({
      request_url: "https://bot.example.org/slack/events",
      bot_events: [
        "app_mention",
        "message.im",
        "member_joined_channel",
        // A personal tip follows the person's time zone and stops when they are deactivated.
        "user_change",
        "app_uninstalled",
        "tokens_revoked",
        "app_home_opened",
      ],
    });
    // The Home tab is each person's panel; its event needs no scope beyond the bot token's.
    expect(manifest.features.app_home).toEqual({
      home_tab_enabled: true,
      messages_tab_enabled: true,
      messages_tab_read_only_enabled: false,
    });
    expect(manifest.settings.interactivity).toEqual({
      is_enabled: true,
      request_url: "https://bot.example.org/slack/events",
    });
    expect(manifest.oauth_config.redirect_urls).toEqual(["https://bot.example.org/slack/oauth_redirect"]);
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    expect(SLACK_BOT_SCOPES).toHaveLength(10);
    expect(SLACK_BOT_EVENTS).toContain("message.im");
  });

  it("has no request URLs in Socket Mode", () => {
    const manifest = buildManifest(commands, { socketMode: true });
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(JSON.stringify(manifest)).not.toContain("request_url");
    expect(manifest.features.slash_commands[0]?.url).toBeUndefined();
  });

  it("lists the commands in the usage hint, staying short", () => {
    const hint = usageHint(commands);
    expect(hint.length).toBeLessThanOrEqual(100);
    expect(hint).toContain("ask|vitamin");
    const many = Array.from({ length: 40 }, (_, i) => ({ name: `command-${i}`, description: "x" }));
    expect(usageHint(many).length).toBeLessThanOrEqual(100);
    expect(usageHint(many)).toContain("|…]");
  });

  it("manifest.json is in sync with commands/ (regenerate with npx vitabot slack manifest)", () => {
    expect(readFileSync(MANIFEST_PATH, "utf8")).toBe(manifestText());
  });
});

describe("vitabot slack manifest", () => {
  it("--check reports an up-to-date file with exit code 0", async () => {
    const out = capture();
    const err = capture();
    await expect(
      runSlackCli(["manifest", "--check"], { stdout: out.stream, stderr: err.stream }),
    ).resolves.toBe(0);
    expect(out.text()).toContain("up to date");
  });

  it("rejects unknown sub-commands and bad URLs with usage and exit code 2", async () => {
    const err = capture();
    const io = { stdout: capture().stream, stderr: err.stream };
    await expect(runSlackCli(["deploy"], io)).resolves.toBe(2);
    await expect(runSlackCli(["manifest", "--url", "http://insecure"], io)).resolves.toBe(2);
    expect(err.text()).toContain("Usage:");
    expect(err.text()).toContain("https");
  });

  it("writes the manifest file and says where; --check then finds it current, and stale after an edit", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "vitabot-manifest-")), "manifest.json");
    const out = capture();
    const io = { stdout: out.stream, stderr: capture().stream };
    const url = ["--url", "https://bot.example.org"];
    await expect(runSlackCli(["manifest", ...url, "--out", path], io)).resolves.toBe(0);
    expect(out.text()).toContain(path);
    expect(readFileSync(path, "utf8")).toBe(manifestText({ baseUrl: "https://bot.example.org" }));
    await expect(runSlackCli(["manifest", ...url, "--out", path, "--check"], io)).resolves.toBe(0);
    writeFileSync(path, "{}");
    await expect(runSlackCli(["manifest", "--out", path, "--check"], io)).resolves.toBe(1);
  });
});
