import { Kysely, PostgresDialect } from "kysely";
import type { ChallengesDatabase } from "../../src/storage/kysely/challenge-store.js";
import { createPostgresPool } from "../../src/storage/kysely/postgres-storage.js";
import { createTestDatabase } from "../helpers/postgres.js";
import { challengeStoreContract } from "./challenge-store.contract.js";

// One fresh database per test on the run's single server, with the app's pool (int8 as number).
challengeStoreContract("postgres", async () => {
  const database = await createTestDatabase();
  const pool = createPostgresPool({ url: database.url, poolSize: 10 });
  return {
    db: new Kysely<ChallengesDatabase>({ dialect: new PostgresDialect({ pool }) }),
    cleanup: () => database.drop(),
  };
});
