// Source checkouts only (tests, `npm run bench`, bin/vitabot.js with src/): a worker thread
// does not inherit tsx from its parent on Node 20, so this bootstrap registers tsx and loads
// the TypeScript worker module named in workerData. The built image runs dist's .js directly.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const worker = await import(workerData.module);

export default worker.default;
