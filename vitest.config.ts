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
          // One module graph per worker instead of one per file: the content, the engine
          // and the SDKs load once, not once per file. A unit test file must therefore leave
          // nothing behind (restore timers and globals, close servers and stores), and the
          // set-up file checks the built-ins, globals and process.env after every file.
          isolate: false,
          setupFiles: ["tests/helpers/global-state-guard.ts"],
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
