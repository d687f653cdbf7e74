import { afterAll, describe, expect, it } from "vitest";
import { StorageError } from "../../src/errors.js";
import { createStorage } from "../../src/storage/create-storage.js";
import { createPostgresStorage } from "../../src/storage/kysely/postgres-storage.js";
import { createTestDatabase, type TestDatabase } from "../helpers/postgres.js";
import { findFreePort } from "../kit/embedded-postgres.js";
import { storageContract } from "./storage.contract.js";

// One fresh database per storage, on the run's single server; dropped when the file ends.
const databases: TestDatabase[] = [];
afterAll(async () => {
  await Promise.all(databases.splice(0).map((database) => database.drop()));
});

async function freshDatabaseUrl(): Promise<string> {
  const database = await createTestDatabase();
  databases.push(database);
  return database.url;
}

storageContract("postgres", async () =>
  createPostgresStorage({ url: await freshDatabaseUrl(), poolSize: 10 }),
);

describe("createPostgresStorage", () => {
  it("is what createStorage returns for a postgres config", async () => {
    const storage = createStorage({ kind: "postgres", url: await freshDatabaseUrl() });
    try {
      expect(storage.kind).toBe("postgres");
      await expect(storage.ping()).resolves.toBeUndefined();
    } finally {
      await storage.close();
    }
  });

  it("reports an unreachable server as a StorageError that points at DATABASE_URL", async () => {
    const port = await findFreePort();
    const storage = createPostgresStorage({ url: `postgres://nobody:secret@127.0.0.1:${port}/none` });
    try {
      const failure = await storage.ping().catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(StorageError);
      expect((failure as StorageError).message).toMatch(/check DATABASE_URL/);
    } finally {
      await storage.close();
    }
  });
});
