/**
 * The request id of the inbound request being handled, carried through async work with
 * AsyncLocalStorage. The logger reads it on every line (a pino mixin), so what Bolt, the
 * dispatcher and the adapters log while handling a request carries its `requestId`
 * without threading a child logger through every layer.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

/** An incoming `X-Request-Id` (from a proxy) is kept only when it looks like an id. */
const INCOMING_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * @example const requests = createRequestContext(); requests.run(id, () => handle(req, res));
 */
export function createRequestContext() {
  const storage = new AsyncLocalStorage<{ requestId: string }>();
  return {
    /** Runs `fn` with `requestId` as the current request's id. */
    run<T>(requestId: string, fn: () => T): T {
      return storage.run({ requestId }, fn);
    },
    /** The current request's id, if any. */
    current(): string | undefined {
      return storage.getStore()?.requestId;
    },
    /** Fields for the log line being written (pino `mixin`). */
    logFields(): Record<string, unknown> {
      const store = storage.getStore();
      return store ? { requestId: store.requestId } : {};
    },
  };
}

export type RequestContext = ReturnType<typeof createRequestContext>;

/** The proxy's `X-Request-Id` when it is a sane id, otherwise a new UUID. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const incoming = Array.isArray(header) ? header[0] : header;
  return incoming && INCOMING_ID.test(incoming) ? incoming : randomUUID();
}
