/**
 * `npm run bench`'s arithmetic (medians, slopes by medians and by round, ratios, the fleet line) on made-up
 * figures, and one real measurement of each program at one and two VMs: the generated projects run, and the preload
 * counts the SDK's promises (it wraps an SDK internal, so an SDK that drops it must fail here, not in a benchmark).
 * The benchmark itself is not run here: it takes minutes.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BASELINE, FLEET, LIBRARY, type BenchCase } from "../../bench/cases";
import { measureRun } from "../../bench/measure";
import { writeProject } from "../../bench/project";
import { fleetLine, marginalCosts, markdown, median, medianFigures, ratios, type CaseResult, type Results, type RunFigures } from "../../bench/report";

const run = (programMs: number, maxRssMb = 100): RunFigures => ({ programMs, programCpuMs: programMs, recorderCpuMs: 10, maxRssMb });

function result(program: string, vms: number, programMs: readonly number[], perVm: { resources: number; sdkPromises: number }): CaseResult {
    const runs = programMs.map((ms) => run(ms, 200 + vms * 8));
    return { program, vms, maxOldSpaceSizeMb: null, resources: 6 + vms * perVm.resources, sdkPromises: 900 + vms * perVm.sdkPromises, runs, median: medianFigures(runs) };
}

describe("GIVEN the benchmark's arithmetic", () => {
    it("THEN the median is the middle value, or the mean of the two middle ones", () => {
        expect(median([3, 1, 2])).toBe(2);
        expect(median([4, 1, 3, 2])).toBe(2.5);
        expect(median([])).toBeUndefined();
    });

    // Round 1: library 200 ms per VM, baseline 250; round 2: library 180, baseline 300.
    const cases = [
        result("library", 0, [2000, 2000], { resources: 5, sdkPromises: 640 }),
        result("library", 100, [22000, 20000], { resources: 5, sdkPromises: 640 }),
        result("baseline", 0, [2000, 2000], { resources: 5, sdkPromises: 720 }),
        result("baseline", 100, [27000, 32000], { resources: 5, sdkPromises: 720 }),
    ];

    it("THEN each program's marginal cost is the slope of its medians, and also of each round alone", () => {
        const [library, baseline] = marginalCosts(cases);
        expect(library?.programMsPerVm).toBeCloseTo(190);
        expect(library?.programMsPerVmByRound.map((v) => Math.round(v))).toStrictEqual([200, 180]);
        expect(baseline?.programMsPerVm).toBeCloseTo(275);
        expect(library?.sdkPromisesPerVm).toBeCloseTo(640);
        expect(library?.resourcesPerVm).toBeCloseTo(5);
        expect(library?.maxRssMbPerVm).toBeCloseTo(8);
    });

    it("THEN the ratio to the reference is given from the medians, round by round, and in SDK promises", () => {
        const [ratio] = ratios(marginalCosts(cases), "baseline");
        expect(ratio?.program).toBe("library");
        expect(ratio?.value).toBeCloseTo(190 / 275);
        expect(ratio?.byRound.map((v) => v.toFixed(2))).toStrictEqual([(200 / 250).toFixed(2), (180 / 300).toFixed(2)]);
        expect(ratio?.sdkPromises).toBeCloseTo(640 / 720);
    });

    it("THEN the report shows the medians, the rounds' range, the ratios and what the largest fleet adds to the empty stack", () => {
        const all = [...cases, result("fleet", 1, [1500, 1700], { resources: 0, sdkPromises: 0 }), result("fleet", 1000, [1800, 1900], { resources: 0, sdkPromises: 0 })];
        const marginal = marginalCosts(all);
        const results: Results = {
            date: "2026-12-03",
            machine: { cpuModel: "Test CPU", cores: 2, nodeVersion: "v22.0.0", platform: "linux", totalMemoryMb: 1024, defaultHeapLimitMb: 512, loadAverageAtStart: [0, 0, 0], loadAverageAtEnd: [0, 0, 0] },
            checkout: { commit: "abc1234", componentsModified: false },
            method: {},
            rounds: 2,
            programs: [{ name: "library", description: "LinuxVm", typeCheckMs: 3000 }],
            cases: all,
            marginal,
            ratios: ratios(marginal, "baseline"),
            wallTimeMs: 1000,
        };
        const text = markdown(results);
        expect(text).toContain("| library | 100 | 506 | 64900 | 21.00 | 20.00-22.00 |");
        expect(text).toContain("Per-VM program-run cost, library / baseline: **0.69** (round by round: 0.80, 0.60); per-VM SDK promises: 0.89");
        expect(fleetLine(results)).toBe("A fleet of 1000 instances adds **-0.15 s** to the empty stack's program run (1.85 s against 2.00 s; 6 resources against 6).");
    });
});

describe("GIVEN each benchmark program at one and two VMs, run as `pulumi preview` runs it", () => {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "apvm-bench-test-"));
    afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

    async function measure(benchCase: BenchCase) {
        const dir = writeProject(path.join(scratch, `${benchCase.program.name}-${String(benchCase.vms)}`), benchCase);
        return measureRun(dir, benchCase, path.join(scratch, "usage.json"));
    }

    it.each([
        { program: LIBRARY, resourcesPerVm: 5, fewestPromisesPerVm: 500 },
        { program: BASELINE, resourcesPerVm: 5, fewestPromisesPerVm: 500 },
        { program: FLEET, resourcesPerVm: 0, fewestPromisesPerVm: 0 },
    ])("THEN $program.name runs, and each VM adds $resourcesPerVm resources and the SDK promises they cost", async ({ program, resourcesPerVm, fewestPromisesPerVm }) => {
        const one = await measure({ program, vms: 1 });
        const two = await measure({ program, vms: 2 });
        expect(two.resources - one.resources).toBe(resourcesPerVm);
        expect(one.sdkPromises).toBeGreaterThan(0);
        // Four stack-capturing promises per property of each custom resource: a VM's resources cost hundreds; a
        // fleet's instances cost none.
        const promisesPerVm = two.sdkPromises - one.sdkPromises;
        expect(promisesPerVm).toBeGreaterThanOrEqual(fewestPromisesPerVm);
        expect(promisesPerVm).toBeLessThanOrEqual(fewestPromisesPerVm * 2);
        expect(one.maxRssMb).toBeGreaterThan(0);
        expect(one.programCpuMs).toBeGreaterThan(0);
    }, 120_000);
});
