/**
 * The burst benchmark's app as the image runs it: the compiled build (dist/, `npm run
 * build`) in plain Node.js, no tsx (BENCH_BURST_DIST=1; bench/burst.ts). Otherwise the
 * `vitabot` role of bench/slack-child.ts: the real app and Slack adapter against the
 * stand-in's Web API, reporting its port, peak RSS and chart counts over IPC. 127.0.0.1 only.
 * Arguments: the role (`vitabot`), the stand-in's API URL, the DATABASE_URL.
 */
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";

const dist = new URL("../dist/src/", import.meta.url);
const load = (path) => import(new URL(path, dist).href);
const [
  { createSlackAdapter },
  { createApp },
  { parseConfig },
  { createLogger },
  { warmAnswersInBackground },
] = await Promise.all([
  load("adapters/slack/slack-adapter.js"),
  load("app.js"),
  load("config.js"),
  load("logger.js"),
  load("ops/warm-answers.js"),
]);

const [, apiUrl = "", databaseUrl = ""] = process.argv.slice(2);
const send = (message) => process.send?.(message);
// The stand-in's single-token workspace (tests/kit/slack-stand-in.ts, TEAM_ONE).
const BOT_TOKEN = "xoxb-test-t0001-secret";

const config = parseConfig({
  SLACK_SIGNING_SECRET: process.env.BENCH_SIGNING_SECRET ?? "",
  SLACK_BOT_TOKEN: BOT_TOKEN,
  SLACK_API_URL: apiUrl,
  PORT: "0",
  DATABASE_URL: databaseUrl,
  COOLDOWN_SECONDS: "0",
  LOG_LEVEL: "warn",
  CHART_THREADS: process.env.CHART_THREADS ?? "",
});
const app = await createApp(config, createLogger({ level: "warn" }));
const adapter = createSlackAdapter(app, { host: "127.0.0.1", retries: false });
app.registerAdapter(adapter);
await adapter.start();
warmAnswersInBackground(app.knowledge.engine);
process.on("message", (message) => {
  if (message.type === "cpu") send({ type: "cpu", usage: process.cpuUsage() });
  if (message.type === "burst-stats")
    send({
      type: "burst-stats",
      maxRssBytes: process.resourceUsage().maxRSS * 1024,
      charts: app.charts.stats(),
    });
});
// `profile-start` / `profile-stop {path}` (BENCH_PROFILE): the main thread's CPU profile of one burst,
// as bench/slack-child.ts writes it for the tsx-run app.
const inspector = new Session();
process.on("message", async (message) => {
  if (message.type === "profile-start") {
    inspector.connect();
    await inspector.post("Profiler.enable");
    await inspector.post("Profiler.setSamplingInterval", { interval: 250 });
    await inspector.post("Profiler.start");
    send({ type: "profile-start" });
  } else if (message.type === "profile-stop") {
    const { profile } = await inspector.post("Profiler.stop");
    if (message.path) writeFileSync(message.path, JSON.stringify(profile));
    inspector.disconnect();
    send({ type: "profile-stop" });
  }
});
process.on("disconnect", () => process.exit(0));
send({ type: "ready", port: adapter.port });
