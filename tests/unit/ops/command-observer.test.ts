import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { createApp } from "../../../src/app.js";
import { parseConfig } from "../../../src/config.js";
import { defineCommand } from "../../../src/core/commands/define-command.js";
import type { CommandObservation } from "../../../src/core/commands/dispatch.js";
import { textReply } from "../../../src/core/reply/reply.js";
import { UserFacingError } from "../../../src/errors.js";
import { createMetrics } from "../../../src/ops/metrics.js";
import { slackInvocation } from "../../helpers/app.js";

const commands = [
  defineCommand({ name: "help", description: "Help", options: {}, run: () => textReply("help", "ok") }),
  defineCommand({
    name: "slow",
    description: "Slow",
    options: {},
    run: async () => {
      await new Promise((resolve) => setTimeout(resolve, 60));
      return textReply("slow", "ok");
    },
  }),
  defineCommand({
    name: "boom",
    description: "Fails",
    options: {},
    run: () => {
      throw new Error("kaput");
    },
  }),
  defineCommand({
    name: "oops",
    description: "User error",
    options: {},
    run: () => {
      throw new UserFacingError("no");
    },
  }),
];

async function appObservedBy(onCommand: (o: CommandObservation) => void) {
  const config = { ...parseConfig({ DATABASE_URL: "file::memory:" }), cooldownMs: 0 };
  return createApp(config, pino({ level: "silent" }), { commands, onCommand });
}

describe("the dispatcher's observer hook", () => {
  it("reports each command once with its outcome, platform and duration", async () => {
    const seen: CommandObservation[] = [];
    const app = await appObservedBy((o) => seen.push(o));
    try {
      await app.dispatcher.runLine(slackInvocation(), "slow");
      await app.dispatcher.runLine(slackInvocation(), "boom");
      await app.dispatcher.runPath({ ...slackInvocation(), platform: "discord" }, "oops", {});
      await app.dispatcher.runLine(slackInvocation(), "");
      await app.dispatcher.runPath(slackInvocation(), "nosuch", {});
      expect(seen.map(({ command, platform, outcome }) => [command, platform, outcome])).toEqual([
        ["slow", "slack", "ok"],
        ["boom", "slack", "fault"],
        ["oops", "discord", "user_error"],
        ["help", "slack", "ok"],
        ["unknown", "slack", "user_error"],
      ]);
      expect(seen[0]?.durationMs).toBeGreaterThanOrEqual(50);
    } finally {
      await app.close();
    }
  });

  it("never lets a failing observer break a command", async () => {
    const app = await appObservedBy(() => {
      throw new Error("observer down");
    });
    try {
      const result = await app.dispatcher.runLine(slackInvocation(), "help");
      expect(result.outcome).toBe("ok");
    } finally {
      await app.close();
    }
  });

  it("feeds vitabot_commands_total through createApp's onCommand", async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    const app = await appObservedBy(metrics.observeCommand);
    try {
      await app.dispatcher.runLine(slackInvocation(), "help");
      expect((await metrics.render()).body).toContain(
        'vitabot_commands_total{command="help",platform="slack",outcome="ok"} 1',
      );
    } finally {
      await app.close();
    }
  });
});
