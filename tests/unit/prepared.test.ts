import type { Kysely } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../src/storage/kysely/database.js";
import { prepare, type QueryRunner, viaKysely } from "../../src/storage/kysely/prepared.js";
import { openSqliteConnection } from "../../src/storage/kysely/sqlite-storage.js";
import { migrateToLatest } from "../../src/storage/migrations/index.js";

let db: Kysely<Database>;
let direct: QueryRunner;

beforeEach(async () => {
  ({ db, run: direct } = openSqliteConnection(":memory:"));
  await migrateToLatest(db);
});
afterEach(async () => {
  await db.destroy();
});

type Key = { platform: "slack"; user_id: string; command: string };

const insertCooldown = (run: QueryRunner) =>
  prepare<Key & { until: number }, never>(run, (param) =>
    db.insertInto("cooldowns").values({
      platform: param("platform"),
      user_id: param("user_id"),
      command: param("command"),
      until_ms: param("until"),
    }),
  );

const untilOf = (run: QueryRunner) =>
  prepare<Key, { until_ms: number }>(run, (param) =>
    db
      .selectFrom("cooldowns")
      .select("until_ms")
      .where("platform", "=", param("platform"))
      .where("user_id", "=", param("user_id"))
      .where("command", "=", param("command")),
  );

describe.each([
  ["the direct SQLite runner", () => direct],
  ["Kysely's runner", () => viaKysely(db)],
])("prepared queries through %s", (_name, runner) => {
  it("builds once and runs with each call's own values", async () => {
    let builds = 0;
    const insert = insertCooldown(runner());
    const counted = prepare<Key, { until_ms: number }>(runner(), (param) => {
      builds++;
      return db
        .selectFrom("cooldowns")
        .select("until_ms")
        .where("platform", "=", param("platform"))
        .where("user_id", "=", param("user_id"))
        .where("command", "=", param("command"));
    });
    await insert({ platform: "slack", user_id: "U1", command: "ask", until: 100 });
    await insert({ platform: "slack", user_id: "U2", command: "ask", until: 200 });
    expect(await counted({ platform: "slack", user_id: "U1", command: "ask" })).toEqual([{ until_ms: 100 }]);
    expect(await counted({ platform: "slack", user_id: "U2", command: "ask" })).toEqual([{ until_ms: 200 }]);
    expect(await counted({ platform: "slack", user_id: "U3", command: "ask" })).toEqual([]);
    expect(builds).toBe(1);
  });

  it("keeps values written into the query as they are", async () => {
    await insertCooldown(runner())({ platform: "slack", user_id: "U1", command: "tip", until: 5 });
    const tipOnly = prepare<{ user: string }, { until_ms: number }>(runner(), (param) =>
      db
        .selectFrom("cooldowns")
        .select("until_ms")
        .where("command", "=", "tip")
        .where("user_id", "=", param("user")),
    );
    expect(await tipOnly({ user: "U1" })).toEqual([{ until_ms: 5 }]);
  });

  it("refuses to run with a placeholder left without a value", async () => {
    const read = untilOf(runner());
    await expect(read({ platform: "slack", user_id: "U1" } as Key)).rejects.toThrow(/no value for "command"/);
  });

  it("reports a failing statement as a rejection, not a throw", async () => {
    const insert = insertCooldown(runner());
    const row = { platform: "slack", user_id: "U1", command: "ask", until: 1 } as const;
    await insert(row);
    const second = insert(row);
    expect(second).toBeInstanceOf(Promise);
    await expect(second).rejects.toThrow(/UNIQUE constraint failed/);
  });
});

describe("the direct SQLite runner and transactions", () => {
  it("waits for an open transaction instead of writing inside it", async () => {
    const insert = insertCooldown(direct);
    const read = untilOf(direct);
    let insideSaw: unknown[] = ["not run"];
    let outside: Promise<unknown> | undefined;
    await db
      .transaction()
      .execute(async (trx) => {
        await trx
          .insertInto("cooldowns")
          .values({ platform: "slack", user_id: "T", command: "ask", until_ms: 1 })
          .execute();
        outside = insert({ platform: "slack", user_id: "U1", command: "ask", until: 7 });
        // The direct write must not land inside this transaction (it is rolled back below).
        insideSaw = await trx.selectFrom("cooldowns").select("user_id").where("user_id", "=", "U1").execute();
        throw new Error("roll back");
      })
      .catch((error: Error) => expect(error.message).toBe("roll back"));
    await outside;
    expect(insideSaw).toEqual([]);
    expect(await read({ platform: "slack", user_id: "T", command: "ask" })).toEqual([]);
    expect(await read({ platform: "slack", user_id: "U1", command: "ask" })).toEqual([{ until_ms: 7 }]);
  });
});
