/**
 * Load for the Slack benchmark: real signed `/vitabot ask …` requests, sent either
 * open-loop at an exact pace (each request at its own due time, latency measured from
 * that due time, so a stall is never hidden) or closed-loop by autocannon (throughput).
 * autocannon's own rate limiting sends each second's quota in a burst, which measures a
 * burst rather than a steady rate; hence the paced sender. The questions are the 199 of
 * tests/fixtures/questions.yaml (answers, urgent, unknown, out of scope), not one
 * repeated question; they do repeat every 199 requests, so bench/slack.ts prints the
 * answer engine's term cache hit rate with its results.
 */
import { Agent, request } from "node:http";
import type autocannon from "autocannon";
import { loadQuestionSet } from "../tests/kit/question-set.js";
import { slackSignature, slashCommand } from "../tests/kit/slack-requests.js";

/** Everyone's questions: the frozen, labelled set (199 questions of every kind), interleaved. */
const QUESTIONS = shuffled(loadQuestionSet().map((item) => item.q));

/** A fixed permutation (the set is grouped by category; a run should see them mixed). */
function shuffled<T>(items: T[]): T[] {
  const out = [...items];
  let state = 20_260_101;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** How many different questions the load cycles through. */
export const QUESTION_COUNT = QUESTIONS.length;

/** `/vitabot ask …` with the i-th question of tests/fixtures/questions.yaml (shuffled). */
export const askText = (i: number) => `ask ${QUESTIONS[i % QUESTIONS.length]}`;

/** Signed `/vitabot` requests (one per question by default) from 64 people, timestamped now (valid for 5 minutes). */
export function signedRequests(
  secret: string,
  standInUrl: string,
  text: (i: number) => string = askText,
  count = QUESTION_COUNT,
): autocannon.Request[] {
  const timestamp = Math.floor(Date.now() / 1000);
  return Array.from({ length: count }, (_, i) => {
    const { body, contentType } = slashCommand({
      text: text(i),
      user_id: `U_BENCH_${i % 64}`,
      trigger_id: `bench.${i}`,
      response_url: `${standInUrl}/respond/bench-${i}`,
    });
    const headers = {
      "content-type": contentType,
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": slackSignature(secret, timestamp, body),
    };
    return { method: "POST", path: "/slack/events", headers, body };
  });
}

/** One POST; a kept-alive socket the server had just closed is retried once on a new one. */
function send(agent: Agent, port: number, req: autocannon.Request, retry = true): Promise<number> {
  return new Promise((resolve, reject) => {
    const body = String(req.body ?? "");
    const headers = { ...req.headers, "content-length": String(Buffer.byteLength(body)) };
    const outgoing = request(
      { host: "127.0.0.1", port, path: req.path, method: "POST", agent, headers },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    outgoing.on("error", (error) => {
      if (retry && outgoing.reusedSocket) send(agent, port, req, false).then(resolve, reject);
      else reject(error);
    });
    outgoing.end(body);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends `rate` requests a second for `seconds`, evenly spaced; returns each ack latency (ms). */
export async function paced(
  port: number,
  requests: autocannon.Request[],
  rate: number,
  seconds: number,
): Promise<{ latencies: number[]; failures: string[] }> {
  const agent = new Agent({ keepAlive: true, maxSockets: 128 });
  const latencies: number[] = [];
  const failures: string[] = [];
  const inFlight: Promise<void>[] = [];
  const start = performance.now() + 5;
  for (let i = 0; i < rate * seconds; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0.5) await sleep(wait);
    const req = requests[i % requests.length] as autocannon.Request;
    inFlight.push(
      send(agent, port, req).then(
        (status) =>
          void (status === 200 ? latencies.push(performance.now() - due) : failures.push(`HTTP ${status}`)),
        (error: Error) => void failures.push(error.message),
      ),
    );
  }
  await Promise.all(inFlight);
  agent.destroy();
  return { latencies, failures };
}
