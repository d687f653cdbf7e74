/**
 * Answer engine benchmark: content load + validate time, `ask` latency
 * p50/p99 in-process over the labelled set, RSS after load, accuracy on both labelled
 * sets (questions.yaml, and the blind sets 2 and 3 written for the content review); and the same figures for the
 * keyword baseline, measured in the same run. The engine is measured
 * twice: as it runs (its term cache warm after the first round) and with the cache off.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { createAnswerEngine } from "../src/core/answers/engine.js";
import { loadContent } from "../src/core/content/load-content.js";
import { createTriage } from "../src/core/triage/triage.js";
import { DEFAULT_CONTENT_DIR, PACKAGE_ROOT } from "../src/paths.js";
import { judge, loadQuestionSet, QUESTION_SETS, score } from "../tests/kit/question-set.js";
import { availableTriageSets, loadTriageSet, scoreTriage, type Verdict } from "../tests/kit/triage-set.js";
import { createKeywordBaseline } from "./baseline-keyword.js";
import { createRegexTriage } from "./baseline-regex-triage.js";
import { fmt, median, percentile, printTable, since } from "./stats.js";

const LOAD_RUNS = 20;
const ASK_ROUNDS = 20;

interface Probe {
  loadMs: number;
  readyMs: number;
  rss: number;
}

/** Loads content in a fresh process under tsx, as `npm start` runs from a checkout. */
function probe(which: string): Probe {
  const out = execFileSync(
    process.execPath,
    ["--expose-gc", "--import", "tsx", join(PACKAGE_ROOT, "bench/probe-load.ts"), which],
    { encoding: "utf8" },
  );
  return JSON.parse(out.trim());
}

/** Where the probe is compiled to, so it can run as plain JavaScript, as the image runs. */
const BUILT = join(PACKAGE_ROOT, "node_modules/.cache/vitabot-bench");

/** Compiles src/, commands/ and the probe once (the image's `tsc` step) for `probeBuilt`. */
function buildProbe(): void {
  const tsc = join(PACKAGE_ROOT, "node_modules/typescript/bin/tsc");
  execFileSync(process.execPath, [
    tsc,
    "-p",
    join(PACKAGE_ROOT, "bench/tsconfig.probe.json"),
    "--outDir",
    BUILT,
  ]);
}

/** The same probe in a fresh process running the compiled JavaScript, without tsx. */
function probeBuilt(which: string): Probe {
  const out = execFileSync(process.execPath, ["--expose-gc", join(BUILT, "bench/probe-load.js"), which], {
    encoding: "utf8",
  });
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
  // The blind sets, each scored beside the frozen first set (the first is the tuning set).
  const blindSets = QUESTION_SETS.slice(1).map((file, i) => ({
    name: `set ${i + 2}`,
    file,
    items: loadQuestionSet(file),
  }));
  const answerers = {
    engine: createAnswerEngine(content, { emergencyNumber: "911" }).ask,
    // Every word looked up in the index afresh: the cost of questions in new words.
    "engine, term cache off": createAnswerEngine(content, { emergencyNumber: "911", termCacheSize: 0 }).ask,
    baseline: createKeywordBaseline(content),
  };
  const bare = probe("bare");
  buildProbe();
  const bareBuilt = probeBuilt("bare");
  const rows: string[][] = [];
  const accuracy: Record<string, number> = {};
  const blindAccuracy = new Map<string, Record<string, number>>(blindSets.map((b) => [b.name, {}]));
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
    const blindCells = blindSets.flatMap((b) => {
      const r = score(b.items.map((item) => judge(item, ask(item.q))));
      (blindAccuracy.get(b.name) ?? {})[name] = r.accuracy;
      return [
        `${fmt(r.accuracy * 100, 1)}% (${r.right}/${r.total})`,
        `${r.urgentFound}/${r.urgentTotal}`,
        String(r.falseAlarms),
      ];
    });
    const cold = probe(name === "baseline" ? "baseline" : "engine");
    const built = probeBuilt(name === "baseline" ? "baseline" : "engine");
    rows.push([
      name,
      `${fmt(median(loadTimes))} (cold ${fmt(cold.loadMs, 0)}; ready ${fmt(cold.readyMs, 0)})`,
      fmt(percentile(latencies, 50), 3),
      fmt(percentile(latencies, 99), 3),
      `${fmt(cold.rss / 2 ** 20, 0)} (+${fmt((cold.rss - bare.rss) / 2 ** 20, 0)})`,
      `${fmt(built.rss / 2 ** 20, 0)} (+${fmt((built.rss - bareBuilt.rss) / 2 ** 20, 0)})`,
      `${fmt(result.accuracy * 100, 1)}% (${result.right}/${result.total})`,
      `${result.urgentFound}/${result.urgentTotal}`,
      String(result.falseAlarms),
      ...blindCells,
    ]);
  }
  printTable(
    `Answers: ${set.length} labelled questions x ${ASK_ROUNDS} rounds; load median of ${LOAD_RUNS}; accuracy also on the blind sets (${blindSets.map((b) => `${b.name}: ${b.items.length} in ${b.file}`).join("; ")})`,
    [
      "answerer",
      "load+validate ms: warm median (cold; cold until first answer)",
      "ask p50 ms",
      "ask p99 ms",
      "RSS MB under tsx (+ over bare process)",
      "RSS MB compiled, as the image runs (+ over bare)",
      "accuracy",
      "urgent found",
      "false alarms",
      ...blindSets.flatMap((b) => [`${b.name} accuracy`, `${b.name} urgent found`, `${b.name} false alarms`]),
    ],
    rows,
  );
  const gain = ((accuracy.engine ?? 0) - (accuracy.baseline ?? 0)) * 100;
  const blindGains = blindSets.map((b) => {
    const a = blindAccuracy.get(b.name) ?? {};
    return `on ${b.name}: +${fmt(((a.engine ?? 0) - (a.baseline ?? 0)) * 100, 1)}`;
  });
  console.log(
    `\nengine vs baseline: +${fmt(gain, 1)} accuracy points (target >= 15); ${blindGains.join("; ")}; targets: load <= 300 ms, p99 <= 2 ms, RSS <= 120 MB (compiled, as the image runs; tsx adds its own compiler to a checkout's process)`,
  );
  benchTriage(content);
}

const TRIAGE_ROUNDS = 20;

/**
 * Triage alone, in-process, after one warm-up round: the triage engine and the regex
 * triage it replaced, over every blind set and the question set, in the same run. Per
 * message latency (target p99 <= 0.3 ms) and, per set, recall and false alarms.
 */
function benchTriage(content: ReturnType<typeof loadContent>): void {
  const engine = createTriage(content.triage).check;
  const regex = createRegexTriage();
  const sets = availableTriageSets().map((n) => ({ name: `set ${n}`, items: loadTriageSet(n) }));
  const questions = loadQuestionSet().map((q) => q.q);
  const messages = [...sets.flatMap((s) => s.items.map((i) => i.text)), ...questions];
  const triagers = {
    "triage engine": (text: string): Verdict => {
      const d = engine(text);
      return d ? { urgent: true, tier: d.tier } : { urgent: false };
    },
    "regex triage (before)": (text: string): Verdict =>
      regex(text) ? { urgent: true, tier: "emergency" } : { urgent: false },
  };
  const rows: string[][] = [];
  for (const [name, judge] of Object.entries(triagers)) {
    global.gc?.(); // start each triager on a collected heap, not the answer rounds' garbage
    for (const text of messages) judge(text); // warm-up round
    const latencies: number[] = [];
    for (let round = 0; round < TRIAGE_ROUNDS; round++) {
      for (const text of messages) {
        const start = performance.now();
        judge(text);
        latencies.push(since(start));
      }
    }
    const perSet = sets.map((s) => {
      const score = scoreTriage(s.items, judge);
      return `${s.name}: ${score.found}/${score.urgent}, ${score.falseAlarms.length}/${score.lookalikes}`;
    });
    rows.push([
      name,
      fmt(percentile(latencies, 50), 4),
      fmt(percentile(latencies, 99), 4),
      fmt(Math.max(...latencies), 3),
      perSet.join("; "),
    ]);
  }
  printTable(
    `Triage: ${messages.length} messages (${sets.map((s) => `${s.name} ${s.items.length}`).join(", ")}, questions ${questions.length}) x ${TRIAGE_ROUNDS} rounds`,
    ["triage", "p50 ms", "p99 ms", "max ms", "urgent found, look-alikes flagged"],
    rows,
  );
  console.log("\ntarget: triage engine p99 <= 0.3 ms per message");
}
