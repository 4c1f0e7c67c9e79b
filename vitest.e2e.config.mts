import { defineConfig } from "vitest/config";

/**
 * `npm run test:e2e`: the tests that start child processes (the SDK's program runner, the plan CLI, the policy pack's
 * server, the benchmark's programs, tsc). One test file at a time: each starts at most one heavy process per core
 * itself (docs/testing.md).
 */
export default defineConfig({
    test: {
        include: ["test/e2e/**/*.test.ts"],
        globalSetup: ["test/support/build-library.ts"],
        // Records each file's CPU time for npm run test:budget; does nothing otherwise.
        setupFiles: ["test/support/budget.ts"],
        pool: "forks",
        fileParallelism: false,
        // Ten times the slowest run measured on 2 loaded cores.
        testTimeout: 600_000,
        hookTimeout: 900_000,
    },
});
