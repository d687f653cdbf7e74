/**
 * The load of the burst benchmark, in a process of its own (bench/burst.ts starts it):
 * on `fire`, it sends every prepared signed `/vitabot` command at once, each on its own
 * connection, and reports each ack's latency from the common start. 127.0.0.1 only.
 * Arguments: the app's port, then a JSON file of the signed requests.
 */
import { readFileSync } from "node:fs";
import { Agent, request } from "node:http";
import type autocannon from "autocannon";

const [port = "", requestsFile = ""] = process.argv.slice(3);
const requests = JSON.parse(readFileSync(requestsFile, "utf8")) as autocannon.Request[];
const send = (message: Record<string, unknown>) => process.send?.(message);

/** One POST on a fresh connection; resolves with its status. */
function post(agent: Agent, req: autocannon.Request): Promise<number> {
  return new Promise((resolve, reject) => {
    const body = String(req.body ?? "");
    const headers = { ...req.headers, "content-length": String(Buffer.byteLength(body)) };
    const outgoing = request(
      { host: "127.0.0.1", port: Number(port), path: req.path, method: "POST", agent, headers },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

async function fire(): Promise<void> {
  const agent = new Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });
  const latencies: number[] = [];
  const failures: string[] = [];
  const startedAt = Date.now();
  const start = performance.now();
  await Promise.all(
    requests.map((req) =>
      post(agent, req).then(
        (status) =>
          void (status === 200 ? latencies.push(performance.now() - start) : failures.push(`HTTP ${status}`)),
        (error: Error) => void failures.push(error.message),
      ),
    ),
  );
  agent.destroy();
  send({ type: "fire", startedAt, latencies, failures });
}

process.on("message", (message: { type?: string }) => {
  if (message.type === "fire") void fire();
});
process.on("disconnect", () => process.exit(0));
send({ type: "ready" });
