/**
 * The small error taxonomy. A `UserFacingError` is the person's mistake and becomes a
 * friendly reply; anything else is a fault, logged with a reference id.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Bad input from a person: shown to them as is, never logged as an error. */
export class UserFacingError extends AppError {
  constructor(message: string, code = "user_error") {
    super(code, message);
  }
}

/** One problem found in a content file. */
export interface ContentIssue {
  /** The file, relative to the content directory: `nutrients/vitamin-d.yaml`. */
  file: string;
  /** Where inside the file: `foods[2].amount`; empty for the whole file. */
  path: string;
  message: string;
}

/** Content failed validation; carries every problem found, not just the first. */
export class ContentError extends AppError {
  constructor(readonly issues: ContentIssue[]) {
    super("content_invalid", `content has ${issues.length} problem(s):\n${formatContentIssues(issues)}`);
  }
}

/** One line per issue: `file: path: message`. */
export function formatContentIssues(issues: ContentIssue[]): string {
  return issues
    .map((issue) => `  ${issue.file}${issue.path ? `: ${issue.path}` : ""}: ${issue.message}`)
    .join("\n");
}

/** A database operation failed; `cause` keeps the driver's error for the logs. */
export class StorageError extends AppError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("storage_error", message, options);
  }
}

/**
 * A chat platform refused or failed a call. `permanent` means retrying cannot help
 * (channel gone, no access, app removed); otherwise `retryAfterMs` may say when to retry.
 */
export class PlatformError extends AppError {
  constructor(
    readonly platform: string,
    code: string,
    message: string,
    readonly detail: { permanent: boolean; retryAfterMs?: number; cause?: unknown },
  ) {
    super(code, message, { cause: detail.cause });
  }
}
