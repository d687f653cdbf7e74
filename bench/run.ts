/**
 * `npm run bench [suite…]`: runs the benchmarks and prints their tables. Everything
 * talks to 127.0.0.1 only. Suites: answers, storage, scheduler, slack, discord, challenges,
 * replicas, burst, startup.
 */
import { benchAnswers } from "./answers.js";
import { benchBurst } from "./burst.js";
import { benchChallenges } from "./challenges.js";
import { benchDiscord } from "./discord.js";
import { benchReplicas } from "./replicas.js";
import { benchScheduler } from "./scheduler.js";
import { benchSlack } from "./slack.js";
import { benchStartup } from "./startup.js";
import { benchStorage } from "./storage.js";

const SUITES: Record<string, () => void | Promise<void>> = {
  answers: benchAnswers,
  storage: benchStorage,
  scheduler: benchScheduler,
  slack: benchSlack,
  discord: benchDiscord,
  challenges: benchChallenges,
  replicas: benchReplicas,
  burst: benchBurst,
  startup: benchStartup,
};

const wanted = process.argv.slice(2);
for (const name of wanted.length > 0 ? wanted : Object.keys(SUITES)) {
  const suite = SUITES[name];
  if (!suite) {
    console.error(`Unknown suite "${name}". Suites: ${Object.keys(SUITES).join(", ")}`);
    process.exit(2);
  }
  await suite();
}
