import { describe, expect, it } from "vitest";
import { checkSlackBody } from "../../../src/adapters/slack/request-shape.js";
import { slackFixture } from "../../kit/slack-requests.js";

describe("the shapes of Slack requests vitabot takes", () => {
  it("takes every documented payload in tests/fixtures/slack", () => {
    for (const name of [
      "slash-command",
      "block-actions",
      "app-mention",
      "message-im",
      "app-uninstalled",
      "tokens-revoked",
    ])
      expect(checkSlackBody(slackFixture(name)), name).toMatchObject({ ok: true });
    expect(checkSlackBody({ type: "url_verification", challenge: "abc", token: "x" })).toMatchObject({
      ok: true,
    });
  });

  it("takes a slash command parsed by node:querystring (an object without a prototype)", () => {
    const fields = Object.assign(Object.create(null), slackFixture("slash-command"));
    expect(checkSlackBody(fields).ok).toBe(true);
  });

  it.each([
    ["null", null],
    ["a number", 1],
    ["a string", "text"],
    ["an array", []],
    ["an empty object", {}],
    ["an event that is null", { type: "event_callback", event: null }],
    ["an event without a type", { type: "event_callback", event: {} }],
    ["an item that is a string", { type: "event_callback", event: { type: "reaction_added", item: "x" } }],
    ["a user that is null", { type: "event_callback", event: { type: "app_mention", user: null } }],
    ["a channel that is a number", { type: "event_callback", event: { type: "x", channel: 5 } }],
    [
      "authorizations holding null",
      { type: "event_callback", authorizations: [null], event: { type: "app_mention" } },
    ],
    [
      "function_executed, which Bolt would not acknowledge",
      { type: "event_callback", event: { type: "function_executed" } },
    ],
    ["block_actions without actions", { ...slackFixture("block-actions"), actions: [] }],
    ["block_actions with a null action", { ...slackFixture("block-actions"), actions: [null] }],
    ["block_actions with a null channel", { ...slackFixture("block-actions"), channel: null }],
    ["a repeated command field", { ...slackFixture("slash-command"), command: ["/vitabot", "/vitabot"] }],
    ["a shortcut vitabot does not offer", { type: "shortcut", callback_id: "x", user: { id: "U1" } }],
    ["block_actions that Bolt would take for a command", { ...slackFixture("block-actions"), command: [1] }],
    ["a slash command vitabot does not have", { ...slackFixture("slash-command"), command: "/other" }],
    [
      "a button that is not ours",
      { ...slackFixture("block-actions"), actions: [{ type: "button", action_id: "other-1", value: "x" }] },
    ],
  ])("refuses %s, with a reason that does not quote the body", (_name, body) => {
    const checked = checkSlackBody(body);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.reason).not.toContain("legs are weak");
  });
});
