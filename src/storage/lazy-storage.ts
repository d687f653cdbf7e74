/**
 * A `Storage` that opens the database only when a command first uses it. A one-shot
 * `vitabot vitamin d` never touches the database, so it loads no driver, creates no file
 * and works whatever DATABASE_URL says; `vitabot tip` opens (and migrates) it on its
 * first query. `migrate` and `close` before that first use open nothing: opening migrates,
 * and there is nothing to close (later calls fail, as on a closed store).
 */

import type { Storage } from "../core/storage-ports/storage.js";
import { StorageError } from "../errors.js";

/** What every method but `kind`, `migrate` and `close` is: an async call on the open store. */
type Method = (...args: unknown[]) => Promise<unknown>;

/**
 * @param kind the backend `open` will give (known from the configuration without opening it)
 * @param open opens and migrates the store; called once, on first use. A failure is not
 * retried: every later call rejects with the same error.
 * @example const storage = createLazyStorage("sqlite", () => openStorage(config.storage, logger));
 */
export function createLazyStorage(kind: Storage["kind"], open: () => Promise<Storage>): Storage {
  let opened: Promise<Storage> | undefined;
  let closed = false;
  const store = () => {
    if (closed && !opened) return Promise.reject(new StorageError("the database is closed"));
    opened ??= open();
    return opened;
  };
  const lifecycle = {
    kind,
    migrate: async () => {
      if (opened) await (await opened).migrate();
    },
    close: async () => {
      closed = true;
      if (opened) await (await opened.catch(() => undefined))?.close();
    },
  };
  return new Proxy(lifecycle, {
    get(target, name) {
      if (Object.hasOwn(target, name)) return target[name as keyof typeof target];
      // Not a promise: `then` stays undefined, so returning the store from an async function works.
      if (typeof name !== "string" || name === "then") return undefined;
      return async (...args: unknown[]) => {
        const storage = (await store()) as unknown as Record<string, Method>;
        const method = storage[name];
        if (typeof method !== "function") throw new TypeError(`Storage has no method ${name}`);
        return method.apply(storage, args);
      };
    },
  }) as unknown as Storage;
}
