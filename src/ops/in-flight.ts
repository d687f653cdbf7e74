/**
 * Work that outlives the request that started it (a Slack answer after the ack, a
 * Discord edit after a deferral), tracked so a graceful stop can wait for it.
 */

/**
 * @example const inFlight = createInFlight(); inFlight.track(answer()); … await inFlight.settled();
 */
export function createInFlight() {
  const pending = new Set<Promise<unknown>>();
  return {
    /** Tracks `work` until it settles; returns it unchanged. */
    track<T>(work: Promise<T>): Promise<T> {
      pending.add(work);
      const forget = () => pending.delete(work);
      work.then(forget, forget);
      return work;
    },
    /** How many tracked pieces of work are still running. */
    size: () => pending.size,
    /** Resolves once everything tracked so far (and anything it starts meanwhile) has settled. */
    async settled(): Promise<void> {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
}

export type InFlight = ReturnType<typeof createInFlight>;
