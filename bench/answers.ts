/**
 * Answer engine benchmark (issue 1/7): content load + validate time, `ask` latency
 * p50/p99 in-process over the labelled set, RSS after load, accuracy; and the same
 * figures for the keyword baseline, measured in the same run. The engine is measured
 * twice: as it runs (its term cache warm after the first round) and with the cache off.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { createAnswerEngine } from "../src/core/answers/engine.js";
import { loadContent } from "../src/core/content/load-content.js";
import { DEFAULT_CONTENT_DIR, PACKAGE_ROOT } from "../src/paths.js";
import { judge, loadQuestionSet, score } from "../tests/helpers/question-set.js";
import { createKeywordBaseline } from "./baseline-keyword.js";
import { fmt, median, percentile, printTable, since } from "./stats.js";

const LOAD_RUNS = 20;
const ASK_ROUNDS = 20;

function probe(which: string): { loadMs: number; readyMs: number; rss: number } {
  const out = execFileSync(
    process.execPath,
    ["--expose-gc", "--import", "tsx", join(PACKAGE_ROOT, "bench/probe-load.ts"), which],
    {
      encoding: "utf8",
    },
  );
  return JSON.parse(out.trim());
}

export function benchAnswers(): void {
  const loadTimes: number[] = [];
  for (let i = 0; i < LOAD_RUNS; i++) {
    const start = performance.now();
    loadContent(DEFAULT_CONTENT_DIR);
    loadTimes.push(since(start));
  }
  const content = loadContent(DEFAULT_CONTENT_DIR);
  const set = loadQuestionSet();
  const answerers = {
    engine: createAnswerEngine(content, { emergencyNumber: "911" }).ask,
    // Every word looked up in the index afresh: the cost of questions in new words.
    "engine, term cache off": createAnswerEngine(content, { emergencyNumber: "911", termCacheSize: 0 }).ask,
    baseline: createKeywordBaseline(content),
  };
  const bare = probe("bare");
  const rows: string[][] = [];
  const accuracy: Record<string, number> = {};
  for (const [name, ask] of Object.entries(answerers)) {
    for (const item of set) ask(item.q); // one warm-up round, so the JIT is not measured
    const latencies: number[] = [];
    for (let round = 0; round < ASK_ROUNDS; round++) {
      for (const item of set) {
        const start = performance.now();
        ask(item.q);
        latencies.push(since(start));
      }
    }
    const result = score(set.map((item) => judge(item, ask(item.q))));
    accuracy[name] = result.accuracy;
    const cold = probe(name === "baseline" ? "baseline" : "engine");
    rows.push([
      name,
      `${fmt(median(loadTimes))} (cold ${fmt(cold.loadMs, 0)}; ready ${fmt(cold.readyMs, 0)})`,
      fmt(percentile(latencies, 50), 3),
      fmt(percentile(latencies, 99), 3),
      `${fmt(cold.rss / 2 ** 20, 0)} (+${fmt((cold.rss - bare.rss) / 2 ** 20, 0)})`,
      `${fmt(result.accuracy * 100, 1)}% (${result.right}/${result.total})`,
      `${result.urgentFound}/${result.urgentTotal}`,
      String(result.falseAlarms),
    ]);
  }
  printTable(
    `Answers: ${set.length} labelled questions x ${ASK_ROUNDS} rounds; load median of ${LOAD_RUNS}`,
    [
      "answerer",
      "load+validate ms: warm median (cold; cold until first answer)",
      "ask p50 ms",
      "ask p99 ms",
      "RSS MB (+ over bare tsx process)",
      "accuracy",
      "urgent found",
      "false alarms",
    ],
    rows,
  );
  const gain = ((accuracy.engine ?? 0) - (accuracy.baseline ?? 0)) * 100;
  console.log(
    `\nengine vs baseline: +${fmt(gain, 1)} accuracy points (target >= 15); targets: load <= 300 ms, p99 <= 2 ms, RSS <= 120 MB`,
  );
}
