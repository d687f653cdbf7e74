/**
 * `vitabot ask "question" [--json]` and `vitabot ask --json < questions.txt`: the
 * answer contract on the command line. No port, no database: content and engine only.
 */
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { AnswerEngine } from "../core/answers/engine.js";

/** The answer contract: urgent answers add `urgency` and `flag`; other kinds never carry them. */
function toJson(answer: ReturnType<AnswerEngine["ask"]>): string {
  const { question, kind, nutrients, title, text, sources, id, urgency, flag } = answer;
  return JSON.stringify({
    question,
    kind,
    nutrients,
    title,
    text,
    sources,
    id,
    ...(flag ? { urgency, flag } : {}),
  });
}

/** Answers the question given, or every non-blank stdin line in order; returns the exit code. */
export async function runAsk(
  engine: AnswerEngine,
  question: string,
  json: boolean,
  io: { stdin: Readable; stdout: Writable },
): Promise<number> {
  const print = (q: string) => {
    const answer = engine.ask(q);
    io.stdout.write(json ? `${toJson(answer)}\n` : `${answer.text}\n`);
  };
  if (question.trim() !== "") {
    print(question);
    return 0;
  }
  const lines = createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    if (line.trim() !== "") print(line.trim());
  }
  return 0;
}
