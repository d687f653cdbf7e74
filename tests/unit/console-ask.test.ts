/**
 * Ask a question in the console: `ask` with no question (what the Ask button runs) asks
 * for the question and answers the next line like `/ask`, never with an empty answer;
 * `/me`'s Ask button shows where the question goes.
 */
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { createConsoleAdapter, QUESTION_PROMPT } from "../../src/adapters/console/console-adapter.js";
import { createTestApp } from "../helpers/app.js";

/** Feeds `lines` to a console session and returns everything it printed once the input ends. */
async function session(lines: string[]): Promise<string> {
  const t = await createTestApp({ cooldownMs: 0 });
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = "";
  output.on("data", (chunk) => {
    printed += String(chunk);
  });
  const adapter = createConsoleAdapter({ dispatcher: t.dispatcher, input, output, interactive: false });
  await adapter.start();
  input.end(`${lines.join("\n")}\n`);
  await adapter.done;
  return printed;
}

describe("Ask in the console", () => {
  it("asks for the question after `ask` alone, then answers the next line like /ask", async () => {
    const printed = await session(["ask", "can low b12 cause muscle weakness"]);
    const [prompt = "", answer = ""] = printed.split(QUESTION_PROMPT);
    expect(prompt.trim()).toBe("");
    expect(answer).toMatch(/B12/);
    expect(answer).toMatch(/not medical advice/);
  });

  it("runs a command typed instead of the question", async () => {
    const printed = await session(["/ask", "/vitamin d"]);
    expect(printed).toContain(QUESTION_PROMPT);
    expect(printed).toContain("Vitamin D\n");
  });

  it("shows /me's Ask button as the command with the question's place", async () => {
    expect(await session(["/me"])).toContain("/ask <your question>");
  });
});
