import { webApi } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { PERMANENT_SLACK_ERRORS, toPlatformError } from "../../../src/adapters/slack/errors.js";
import { PlatformError } from "../../../src/errors.js";

const platformError = (code: string) => new webApi.WebAPIPlatformError({ ok: false, error: code } as never);

describe("toPlatformError", () => {
  it.each([
    "channel_not_found",
    "not_in_channel",
    "is_archived",
    "account_inactive",
    "token_revoked",
    "invalid_auth",
    "missing_scope",
  ])("treats %s as permanent", (code) => {
    expect(PERMANENT_SLACK_ERRORS.has(code)).toBe(true);
    expect(toPlatformError(platformError(code), "post")).toMatchObject({
      platform: "slack",
      code,
      detail: { permanent: true },
    });
  });

  it("treats other Slack errors and network failures as retryable", () => {
    expect(toPlatformError(platformError("internal_error"), "post")).toMatchObject({
      detail: { permanent: false },
    });
    expect(toPlatformError(new Error("ECONNRESET"), "post")).toMatchObject({
      code: "request_failed",
      detail: { permanent: false },
    });
  });

  it("turns Retry-After seconds into retryAfterMs", () => {
    expect(toPlatformError(new webApi.WebAPIRateLimitedError(30), "post")).toMatchObject({
      code: "rate_limited",
      detail: { permanent: false, retryAfterMs: 30_000 },
    });
  });

  it("says how to fix the fixable ones and passes PlatformErrors through", () => {
    expect(toPlatformError(platformError("not_in_channel"), "post").message).toMatch(/\/invite/);
    const original = new PlatformError("slack", "x", "y", { permanent: true });
    expect(toPlatformError(original, "post")).toBe(original);
  });
});
