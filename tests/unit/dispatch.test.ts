import { describe, expect, it } from "vitest";
import { defineCommand, option } from "../../src/core/commands/define-command.js";
import { fallbackText, textReply } from "../../src/core/reply/reply.js";
import { UserFacingError } from "../../src/errors.js";
import { createTestApp, slackInvocation } from "../helpers/app.js";

const testCommands = [
  defineCommand({
    name: "ask",
    description: "Ask",
    options: { question: option.text("Q", { rest: true }) },
    run: () => textReply("answer", "ok"),
  }),
  defineCommand({
    name: "boom",
    description: "Fails",
    options: {},
    run: () => {
      throw new Error("database exploded: secret detail");
    },
  }),
  defineCommand({
    name: "oops",
    description: "User error",
    options: {},
    run: () => {
      throw new UserFacingError("That date is in the past.");
    },
  }),
  defineCommand({
    name: "configure",
    description: "Admin only",
    adminOnly: true,
    options: {},
    run: () => textReply("done", "ok"),
  }),
];

describe("the dispatcher: one error boundary for every platform", () => {
  it("turns a user error into a friendly reply, logged as info, not error", async () => {
    const app = await createTestApp({ commands: testCommands });
    const result = await app.dispatcher.runLine(slackInvocation(), "oops");
    expect(result).toMatchObject({ outcome: "user_error", path: "oops" });
    expect(fallbackText(result.reply)).toContain("That date is in the past.");
    expect(app.logLines.some((l) => l.level === 50)).toBe(false);
  });

  it("turns a fault into an apology with a reference id that is also in the log, and no stack trace", async () => {
    const app = await createTestApp({ commands: testCommands });
    const result = await app.dispatcher.runLine(slackInvocation({ eventId: "Ev1" }), "boom");
    expect(result.outcome).toBe("fault");
    expect(result.referenceId).toMatch(/^[0-9A-F]{6}$/);
    const text = fallbackText(result.reply);
    expect(text).toContain(`reference ${result.referenceId}`);
    expect(text).not.toMatch(/exploded|Error|at .*\.ts/);
    const logged = app.logLines.find((l) => l.level === 50);
    expect(logged).toMatchObject({
      referenceId: result.referenceId,
      command: "boom",
      platform: "slack",
      eventId: "Ev1",
    });
    expect(JSON.stringify(logged)).toContain("database exploded");
  });

  it("refuses admin-only commands to non-admins, clearly", async () => {
    const app = await createTestApp({ commands: testCommands });
    const refused = await app.dispatcher.runLine(slackInvocation(), "configure");
    expect(fallbackText(refused.reply)).toContain("Only channel admins can use /configure.");
    expect((await app.dispatcher.runLine(slackInvocation({ isAdmin: true }), "configure")).outcome).toBe(
      "ok",
    );
  });

  it("applies a per-user, per-command cooldown and lifts it when the window passes", async () => {
    const app = await createTestApp({ commands: testCommands, cooldownMs: 3000 });
    expect((await app.dispatcher.runLine(slackInvocation(), "ask hi")).outcome).toBe("ok");
    const second = await app.dispatcher.runLine(slackInvocation(), "ask again");
    expect(second.outcome).toBe("cooldown");
    expect(fallbackText(second.reply)).toContain("Try again in 3 s");
    expect((await app.dispatcher.runLine(slackInvocation({ user: { id: "U2" } }), "ask hi")).outcome).toBe(
      "ok",
    );
    expect((await app.dispatcher.runLine(slackInvocation(), "configure")).outcome).toBe("user_error");
    app.clock.advance(3000);
    expect((await app.dispatcher.runLine(slackInvocation(), "ask again")).outcome).toBe("ok");
  });

  it("lets Share to channel re-run a command right after the original, once", async () => {
    const app = await createTestApp({ commands: testCommands, cooldownMs: 3000 });
    expect((await app.dispatcher.runLine(slackInvocation(), "ask hi")).outcome).toBe("ok");
    expect((await app.dispatcher.runLine(slackInvocation({ share: true }), "ask hi")).outcome).toBe("ok");
    expect((await app.dispatcher.runLine(slackInvocation({ share: true }), "ask hi")).outcome).toBe(
      "cooldown",
    );
  });

  it("does not apply cooldowns to the single local console user", async () => {
    const app = await createTestApp({ commands: testCommands, cooldownMs: 3000 });
    const invocation = slackInvocation({ platform: "console" });
    await app.dispatcher.runLine(invocation, "ask hi");
    expect((await app.dispatcher.runLine(invocation, "ask hi")).outcome).toBe("ok");
  });

  it("runs typed options by path (as Discord sends them) through the same checks", async () => {
    const app = await createTestApp();
    const result = await app.dispatcher.runPath(slackInvocation({ platform: "discord" }), "vitamin", {
      nutrient: "b12",
    });
    expect(result.reply.title).toBe("Vitamin B12");
    expect((await app.dispatcher.runPath(slackInvocation(), "nope", {})).outcome).toBe("user_error");
  });

  it("shows help for an empty line and did-you-mean for a near miss", async () => {
    const app = await createTestApp();
    expect((await app.dispatcher.runLine(slackInvocation(), "")).path).toBe("help");
    // Did-you-mean only for a line of one word ("compar d e" is asked as a question).
    const result = await app.dispatcher.runLine(slackInvocation(), "compar");
    expect(result.reply.title).toBe("Did you mean /compare?");
  });
});
