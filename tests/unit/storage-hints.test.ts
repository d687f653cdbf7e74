import { describe, expect, it } from "vitest";
import { describeFailure } from "../../src/cli/main.js";
import { StorageError } from "../../src/errors.js";
import { driverReason, storageHint } from "../../src/storage/kysely/hints.js";

describe("storage hints: what to do about a database failure", () => {
  it.each([
    ["attempt to write a readonly database", /write access/],
    ["EACCES: permission denied, mkdir '/srv/data'", /write access/],
    ["unable to open database file [SQLITE_CANTOPEN]", /not a folder/],
    ["ENOTDIR: not a directory, mkdir '/srv/file/x'", /is a file, not a folder/],
    ["connect ECONNREFUSED 127.0.0.1:5432", /server is running/],
    ["getaddrinfo ENOTFOUND db.internal", /check DATABASE_URL/],
    ['password authentication failed for user "vitabot"', /check DATABASE_URL/],
    ["no such table: subscriptions", /run the migrations/],
  ])("%s", (reason, hint) => {
    expect(storageHint(reason)).toMatch(hint);
    expect(storageHint(reason)).toMatch(/^ \(.+\)$/);
  });

  it("has no hint for what nobody can act on", () => {
    expect(storageHint("UNIQUE constraint failed: feedback.id")).toBe("");
  });

  it("adds the driver's code to its message when the message lacks it", () => {
    const error = Object.assign(new Error("attempt to write a readonly database"), {
      code: "SQLITE_READONLY",
    });
    expect(driverReason(error)).toBe("attempt to write a readonly database [SQLITE_READONLY]");
    expect(driverReason("plain")).toBe("plain");
  });
});

describe("describeFailure (the launcher's one line)", () => {
  it("turns a StorageError into one line that starts with what failed", () => {
    const line = describeFailure(new StorageError("could not open the SQLite database at /x:\nEISDIR"));
    expect(line).toBe("vitabot cannot use its database: could not open the SQLite database at /x: EISDIR");
  });

  it("leaves bugs to be re-thrown", () => {
    expect(describeFailure(new TypeError("x is undefined"))).toBeUndefined();
  });
});
