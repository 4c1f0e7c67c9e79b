import { defineConfig } from "vitest/config";

/**
 * `npm test`: the fast suite, in process. The tests that start the SDK's runner, the plan CLI, the policy pack's
 * server or the benchmark's programs in child processes are in test/e2e/, run by `npm run test:e2e`
 * (vitest.e2e.config.mts) and by .ci/run. docs/testing.md has the budget.
 */
export default defineConfig({
    test: {
        include: ["test/**/*.test.ts"],
        exclude: ["test/e2e/**", "**/node_modules/**"],
        // The examples import the library as a package, from its build, and the Construct tests start the component
        // provider from its compiled JavaScript: build both once, before any test.
        globalSetup: ["test/support/build-library.ts", "test/support/build-provider.ts"],
        // Records each file's CPU time for npm run test:budget; does nothing otherwise.
        setupFiles: ["test/support/budget.ts"],
        // Each test file in its own process: the Pulumi runtime's mock settings are process-global.
        pool: "forks",
        // Ten times the slowest test measured on 2 loaded cores, so a slow machine never fails a test.
        testTimeout: 120_000,
        hookTimeout: 300_000,
    },
});
