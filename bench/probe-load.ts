/**
 * Run in a fresh process by the answers benchmark: loads content and builds either the
 * engine or the baseline, then prints the load time and RSS as JSON.
 */
import { createAnswerEngine } from "../src/core/answers/engine.js";
import { loadContent } from "../src/core/content/load-content.js";
import { DEFAULT_CONTENT_DIR } from "../src/paths.js";
import { createKeywordBaseline } from "./baseline-keyword.js";

const which = process.argv[2] ?? "engine";
const rssBefore = process.memoryUsage().rss;
const start = performance.now();
let loadMs = 0;
if (which !== "bare") {
  const content = loadContent(DEFAULT_CONTENT_DIR);
  loadMs = performance.now() - start;
  const answerer =
    which === "engine"
      ? createAnswerEngine(content, { emergencyNumber: "911" }).ask
      : createKeywordBaseline(content);
  answerer("warm up: can low b12 cause muscle weakness");
}
const readyMs = performance.now() - start;
global.gc?.();
console.log(JSON.stringify({ loadMs, readyMs, rss: process.memoryUsage().rss, rssBefore }));
