/**
 * Preloaded (NODE_OPTIONS=--require) into the benchmark's program process: at exit, writes the process's peak
 * resident set size and CPU time (process.resourceUsage(): maxRSS in KiB, userCPUTime and systemCPUTime in
 * microseconds), as JSON, to the file named by BENCH_MAX_RSS_FILE. The variable is removed at load, so a process
 * this one starts does not overwrite the figures with its own.
 */
const fs = require("node:fs");

const target = process.env.BENCH_MAX_RSS_FILE;
delete process.env.BENCH_MAX_RSS_FILE;
if (target !== undefined && target !== "") {
    process.on("exit", () => {
        const usage = process.resourceUsage();
        fs.writeFileSync(target, JSON.stringify({ maxRssKib: usage.maxRSS, userCpuMicros: usage.userCPUTime, systemCpuMicros: usage.systemCPUTime }));
    });
}
