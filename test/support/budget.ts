/**
 * vitest setup file for `npm run test:budget` (tools/test-budget.ts): when APVM_TEST_BUDGET names a file, each test
 * file's process appends how long it has run (it runs that one file: start, imports, hooks and tests) and the CPU
 * time it and the child processes it waited for used (user + system, from /proc/self/stat). Otherwise it does
 * nothing.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import { afterAll, expect } from "vitest";

const out = process.env["APVM_TEST_BUDGET"];
if (out !== undefined && out !== "") {
    afterAll(() => {
        // /proc/self/stat: after "(comm) ", fields 14-17 of the whole line are utime, stime, cutime, cstime, in clock ticks.
        const fields = (fs.readFileSync("/proc/self/stat", "utf8").split(") ")[1] ?? "").split(" ");
        const ticks = [11, 12, 13, 14].reduce((sum, index) => sum + Number(fields[index] ?? 0), 0);
        const perSecond = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());
        fs.appendFileSync(out, `${JSON.stringify({ file: expect.getState().testPath, wallSeconds: process.uptime(), cpuSeconds: ticks / perSecond })}\n`);
    });
}
