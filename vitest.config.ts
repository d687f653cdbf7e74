import { defineConfig } from "vitest/config";

/**
 * Two projects. `unit` runs single modules in-process and needs no database, so it has no
 * global set-up and shares one module graph per worker: `npm run test:unit` (or
 * `vitest run --project unit`) is the fast loop.
 * `integration` holds whatever starts processes, servers over real HTTP or PostgreSQL,
 * including the storage contract suites; its global set-up starts one PostgreSQL server for
 * the run (or adopts TEST_DATABASE_URL; see tests/global-setup.ts). `vitest run` runs both.
 */
export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // The JSON report is what .ci/run reads for its closing "N passed, N failed" line.
    reporters: ["default", ["json", { outputFile: "reports/vitest.json" }]],
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          // Each file in its own module graph (vitest's default). Sharing one graph per
          // worker (isolate: false) cut CPU time by about a quarter, but on Node 20 a later
          // import("discord.js") then failed in 7 files ('string "Set()" is not iterable');
          // until that is understood, isolation stays on.
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts", "tests/contract/**/*.test.ts"],
          globalSetup: ["tests/global-setup.ts"],
        },
      },
    ],
  },
});
