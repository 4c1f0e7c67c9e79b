/**
 * Preloaded (NODE_OPTIONS=--require) into the benchmark's program process. At exit it writes, as JSON, to the file
 * named by BENCH_USAGE_FILE:
 * - the process's peak resident set size and CPU time (process.resourceUsage(): maxRSS in KiB, userCPUTime and
 *   systemCPUTime in microseconds);
 * - how many promises the Pulumi SDK wrapped with its debuggablePromise: the SDK's per-resource work, counted.
 *   Each one captures and formats a stack trace (`new Error().stack`, through ts-node's source-map support when the
 *   program is TypeScript), four per property of every custom resource, and keeps it for its lifetime; so the count
 *   is what a program's CPU and memory grow with, and, unlike time, it is the same on every run.
 * The count wraps the SDK's own function (in @pulumi/pulumi/runtime/debuggable, resolved from the program's folder,
 * as the program resolves it); if the SDK no longer has it, the file says so and the benchmark stops.
 * The variable is removed at load, so a process this one starts does not overwrite the figures with its own.
 */
const fs = require("node:fs");

const target = process.env.BENCH_USAGE_FILE;
delete process.env.BENCH_USAGE_FILE;
if (target !== undefined && target !== "") {
    let sdkPromises = 0;
    let countError;
    try {
        const debuggable = require(require.resolve("@pulumi/pulumi/runtime/debuggable", { paths: [process.cwd()] }));
        const original = debuggable.debuggablePromise;
        if (typeof original !== "function") {
            throw new Error("@pulumi/pulumi/runtime/debuggable has no debuggablePromise function");
        }
        debuggable.debuggablePromise = function countedDebuggablePromise(...args) {
            sdkPromises++;
            return original.apply(this, args);
        };
    } catch (error) {
        countError = error instanceof Error ? error.message : String(error);
    }
    process.on("exit", () => {
        const usage = process.resourceUsage();
        fs.writeFileSync(target, JSON.stringify({
            maxRssKib: usage.maxRSS,
            userCpuMicros: usage.userCPUTime,
            systemCpuMicros: usage.systemCPUTime,
            sdkPromises,
            countError,
        }));
    });
}
