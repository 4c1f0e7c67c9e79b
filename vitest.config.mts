import { defineConfig } from "vitest/config";

export default defineConfig({
    test: {
        include: ["test/**/*.test.ts"],
        // The examples import the library as a package, from its build: build it once, before any test.
        globalSetup: ["test/support/build-library.ts"],
        // Each test file in its own process: the Pulumi runtime's mock settings are process-global.
        pool: "forks",
        testTimeout: 60_000,
        hookTimeout: 180_000,
    },
});
