import { defineCommand, option, runnablesOf } from "../src/core/commands/define-command.js";
import { usage } from "../src/core/commands/dispatch.js";
import type { Reply } from "../src/core/reply/reply.js";

/** `/help [command]`: every command, or one command's usage and examples. */
export default defineCommand({
  name: "help",
  description: "What vitabot can do",
  options: { command: option.text("A command to explain", { rest: true, max: 40 }) },
  examples: ["help", "help compare"],
  run(ctx, { command }): Reply {
    const wanted = ctx.commands.find((c) => c.name === command?.split(" ")[0]?.toLowerCase());
    const list = wanted ? [wanted] : ctx.commands;
    const lines = list.flatMap((c) =>
      runnablesOf(c)
        .filter(({ runnable }) => !runnable.adminOnly || ctx.isAdmin)
        .map(({ path, runnable }) => {
          const examples =
            wanted && runnable.examples?.length
              ? `\n   e.g. ${runnable.examples.map((e) => `/${e}`).join(", ")}`
              : "";
          return `/${usage(path, runnable)}: ${runnable.description}${examples}`;
        }),
    );
    return {
      title: wanted ? `/${wanted.name}` : "vitabot: muscle health, vitamins and minerals",
      tone: "info",
      sections: [
        ...(wanted
          ? []
          : [{ text: `Ask me anything about ${ctx.knowledge.covered} and your muscles, or use a command:` }]),
        { text: lines.join("\n") },
      ],
      disclaimer: ctx.knowledge.content.safety.disclaimer,
      visibility: "ephemeral",
    };
  },
});
