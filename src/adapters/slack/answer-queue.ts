/**
 * Runs answers in small batches between event-loop turns, after acks. Every Slack
 * request is acked at once, but its answer (the engine, storage, rendering, the
 * response_url POST) is CPU work; run back to back, a burst of answers would hold new
 * requests' acks for tens of milliseconds. Each turn takes a share of the queue (one job
 * when it is short, a quarter of it when it is long), so acks stay fast under normal
 * load, and under overload answers still keep pace with acks instead of piling up.
 */

/** Work that starts an answer; its synchronous part runs in one turn. */
export type AnswerJob = () => Promise<void>;

/** Each turn runs ceil(queued / this) jobs, at least one. */
const SHARE_DIVISOR = 4;

/**
 * @example const answers = createAnswerQueue(); await answers.run(async () => { … });
 */
export function createAnswerQueue() {
  const jobs: (() => void)[] = [];
  let scheduled = false;

  function pump(): void {
    scheduled = false;
    const batch = jobs.splice(0, Math.max(1, Math.ceil(jobs.length / SHARE_DIVISOR)));
    for (const job of batch) job();
    // Immediates queued while immediates run wait for the next turn, after I/O polling.
    if (jobs.length > 0) schedule();
  }

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    setImmediate(pump);
  }

  return {
    /** Queues a job; resolves or rejects with it. */
    run(job: AnswerJob): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        jobs.push(() => void job().then(resolve, reject));
        schedule();
      });
    },
    /** Jobs waiting for their turn (for health and logs). */
    pending: () => jobs.length,
  };
}

/** The queue the handlers run answers through. */
export type AnswerQueue = ReturnType<typeof createAnswerQueue>;
