/**
 * Fix-it hints for database failures people can act on: a DATABASE_URL that names a
 * folder, a file or folder vitabot may not write, a server that is down or refuses the
 * login. Shared by every place that wraps a driver error in a `StorageError`.
 */

/** Patterns of driver messages and codes, each with what to do about it. */
const HINTS: readonly [RegExp, string][] = [
  [/no such table|relation .* does not exist/i, "run the migrations first"],
  [
    /readonly|read-only|SQLITE_READONLY|EACCES|EPERM|permission denied/i,
    "vitabot needs write access to the database file and its folder: fix the permissions or point DATABASE_URL elsewhere",
  ],
  [/ENOTDIR|not a directory|EEXIST/i, "part of the DATABASE_URL path is a file, not a folder"],
  [
    /unable to open database file|SQLITE_CANTOPEN|EISDIR|ENOENT/i,
    "DATABASE_URL must name a database file (not a folder) in a folder vitabot can create or write",
  ],
  [
    /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|password authentication failed|database .* does not exist|role .* does not exist|timeout/i,
    "check DATABASE_URL and that the database server is running",
  ],
];

/**
 * The hint for a driver failure, as ` (…)` to append to a message; "" when none applies.
 * @example storageHint("connect ECONNREFUSED 127.0.0.1:5432") // " (check DATABASE_URL and …)"
 */
export function storageHint(reason: string): string {
  const hint = HINTS.find(([pattern]) => pattern.test(reason))?.[1];
  return hint ? ` (${hint})` : "";
}

/** The driver's message with its error code (`SQLITE_READONLY`, `EACCES`) when it has one. */
export function driverReason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && !error.message.includes(code)
    ? `${error.message} [${code}]`
    : error.message;
}
