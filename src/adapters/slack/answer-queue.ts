/**
 * Runs answers in small batches between event-loop turns, after acks. Every Slack
 * request is acked at once, but its answer (the engine, storage, rendering, the
 * response_url POST) is CPU work; run back to back, a burst of answers would hold new
 * requests' acks for tens of milliseconds. Each turn takes a share of the queue (one job
 * when it is short, a quarter of it when it is long), so acks stay fast under normal
 * load, and under overload answers still keep pace with acks instead of piling up.
 * At most MAX_RUNNING answers are under way at once: an answer's later steps (after its
 * users.info look-up, its queries, its upload) run outside the queue's turns, so without
 * a bound a burst of 500 would start 500 answers whose continuations crowd out the
 * acks of the requests still arriving; the others wait here, costing nothing.
 * While requests keep arriving (the adapter calls `arrived()` for each signed one,
 * before its ack), at most MAX_RUNNING_WHILE_ARRIVING answers are under way: a burst's acks go out
 * first, and its answers, which have 30 seconds, take the full MAX_RUNNING once ARRIVAL_QUIET_MS
 * pass with no new request. (A single turn without one is not enough: a burst's requests
 * come in waves, and answers ramped up in a gap between two waves held the next wave's acks.)
 */

/** Work that starts an answer; its synchronous part runs in one turn. */
export type AnswerJob = () => Promise<void>;

/** Each turn runs ceil(queued / this) jobs, at least one. */
const SHARE_DIVISOR = 4;
/** Answers under way at once; the rest wait for one to finish. */
const MAX_RUNNING = 24;
/** Answers under way at once while requests are still arriving. */
const MAX_RUNNING_WHILE_ARRIVING = 2;
/** Requests are still arriving until this long has passed without one. */
const ARRIVAL_QUIET_MS = 50;

/**
 * @example const answers = createAnswerQueue(); await answers.run(async () => { … });
 */
export function createAnswerQueue(
  maxRunning = MAX_RUNNING,
  whileArriving = MAX_RUNNING_WHILE_ARRIVING,
  quietMs = ARRIVAL_QUIET_MS,
  now: () => number = performance.now.bind(performance),
) {
  const jobs: (() => void)[] = [];
  let scheduled = false;
  let running = 0;
  /** Requests that arrived since the last turn. */
  let arrivals = 0;
  /** When the last request arrived. */
  let lastArrival = Number.NEGATIVE_INFINITY;
  /** A timer that looks again once requests have stopped for quietMs. */
  let recheck: NodeJS.Timeout | undefined;

  function pump(): void {
    scheduled = false;
    const quietFor = now() - lastArrival;
    const arriving = arrivals > 0 || quietFor < quietMs;
    arrivals = 0;
    const limit = arriving ? Math.min(whileArriving, maxRunning) : maxRunning;
    const share = Math.max(1, Math.ceil(jobs.length / SHARE_DIVISOR));
    const batch = jobs.splice(0, Math.max(0, Math.min(share, limit - running)));
    for (const job of batch) job();
    if (jobs.length === 0) return;
    // Immediates queued while immediates run wait for the next turn, after I/O polling.
    if (running < limit) schedule();
    else if (arriving) lookAgainAfter(quietMs - quietFor);
  }

  /** Held back by arrivals: look again when they may have stopped (next turn, or after `ms`). */
  function lookAgainAfter(ms: number): void {
    if (ms <= 0) {
      schedule();
      return;
    }
    if (recheck) return;
    recheck = setTimeout(() => {
      recheck = undefined;
      schedule();
    }, ms);
  }

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    setImmediate(pump);
  }

  function finished(): void {
    running--;
    if (jobs.length > 0) schedule();
  }

  return {
    /** Queues a job; resolves or rejects with it. */
    run(job: AnswerJob): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        jobs.push(() => {
          running++;
          void job().finally(finished).then(resolve, reject);
        });
        schedule();
      });
    },
    /** A request has arrived: answers hold back to MAX_RUNNING_WHILE_ARRIVING until quietMs pass without one. */
    arrived(): void {
      arrivals++;
      lastArrival = now();
    },
    /** Jobs waiting for their turn (for health and logs). */
    pending: () => jobs.length,
    /** Jobs under way. */
    running: () => running,
  };
}

/** The queue the handlers run answers through. */
export type AnswerQueue = ReturnType<typeof createAnswerQueue>;
