/**
 * Process-level faults: an `unhandledRejection` or `uncaughtException` anywhere means
 * the process is in a state nobody planned for. It is never swallowed: the fault is
 * logged (with the request id when it happened while handling a request), the caller
 * drains as on SIGTERM, and the process exits non-zero so the supervisor restarts it.
 * @see https://nodejs.org/api/process.html#warning-using-uncaughtexception-correctly
 */
import type { Logger } from "../logger.js";
import type { RequestContext } from "./request-context.js";

type FaultKind = "unhandledRejection" | "uncaughtException";

/** The first fault seen; later ones are logged only. */
export interface Fault {
  kind: FaultKind;
  error: unknown;
  requestId?: string;
}

/** Where the fault events come from (the process; an EventEmitter in tests). */
export interface FaultSource {
  on(event: FaultKind, listener: (error: unknown) => void): unknown;
  off(event: FaultKind, listener: (error: unknown) => void): unknown;
}

export interface FaultWatch {
  /** Resolves with the first fault (never rejects). */
  readonly fault: Promise<Fault>;
  /** The first fault, once there was one. */
  current(): Fault | undefined;
  /** Removes the listeners. */
  dispose(): void;
}

const MESSAGES: Record<FaultKind, string> = {
  unhandledRejection: "unhandled rejection: draining and exiting non-zero so the supervisor restarts vitabot",
  uncaughtException: "uncaught exception: draining and exiting non-zero so the supervisor restarts vitabot",
};

/**
 * Starts watching for faults.
 * @example const faults = watchFaults({ logger, requests }); const reason = await Promise.race([signal, faults.fault]);
 */
export function watchFaults(deps: {
  logger: Logger;
  requests?: RequestContext;
  source?: FaultSource;
}): FaultWatch {
  const source = deps.source ?? process;
  let first: Fault | undefined;
  let settle: (fault: Fault) => void = () => {};
  const fault = new Promise<Fault>((resolve) => {
    settle = resolve;
  });
  const listeners = (["unhandledRejection", "uncaughtException"] as const).map((kind) => {
    const listener = (error: unknown) => {
      // Node runs these handlers in the async context of the failed work, so a fault while
      // handling a request still knows that request's id.
      const requestId = deps.requests?.current();
      const repeated = first !== undefined;
      deps.logger.fatal(
        { err: error, fault: kind, ...(requestId ? { requestId } : {}) },
        repeated ? `${kind} while already stopping after a fault` : MESSAGES[kind],
      );
      if (repeated) return;
      first = { kind, error, ...(requestId ? { requestId } : {}) };
      settle(first);
    };
    source.on(kind, listener);
    return [kind, listener] as const;
  });
  return {
    fault,
    current: () => first,
    dispose() {
      for (const [kind, listener] of listeners) source.off(kind, listener);
    },
  };
}
