/**
 * The fast suite runs programs in its own process (tools/recorder/in-process.ts). This proves that is the same thing:
 * for the dev stack, the rebuild stack, every example and the fleets fixture, the SDK's program runner in a child
 * process (`@pulumi/pulumi/cmd/run`, as `pulumi preview` starts it) and the in-process run record the same
 * registrations (type, name, parent, inputs with their secrets, every resource option, every dependency) and the same
 * registered outputs, compared as canonical JSON. It also covers what only the runner shows: the program's standard
 * output and error, in which no secret may appear.
 * Not proved here: the Pulumi CLI itself (there is none here), or what Azure does with the registrations.
 */
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { runProgram, type ProgramRun, type RunOptions } from "../../tools/recorder/program";
import type { Registration } from "../../tools/recorder/recorder";
import { EXAMPLES_DIR, runInProcess } from "../support/programs";
import { REPO } from "../support/project-copy";

/** Objects with their keys sorted, at every depth, so that two equal values print the same. */
function canonical(value: unknown): unknown {
    if (Array.isArray(value)) {
        return value.map(canonical);
    }
    if (value !== null && typeof value === "object") {
        return Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical((value as Record<string, unknown>)[key])]));
    }
    return value;
}

/** One line per registration and per registered output, sorted: what the engine would receive, order aside. */
function recorded(run: ProgramRun): string[] {
    const registration = (r: Registration) => JSON.stringify(canonical({
        urn: r.urn, type: r.type, name: r.name, parent: r.parent, custom: r.custom, inputs: r.rawInputs, options: r.options,
        propertyDependencies: r.propertyDependencies,
    }));
    const outputs = [...run.resourceOutputs].map(([urn, values]) => JSON.stringify(canonical({ urn, outputs: values })));
    return [...run.registrations.map(registration), ...outputs].sort();
}

const PROGRAMS: readonly (RunOptions & { readonly label: string })[] = [
    { label: "the dev stack", projectDir: REPO, stack: "dev" },
    { label: "the rebuild stack", projectDir: REPO, stack: "rebuild" },
    { label: "the SQL Server example", projectDir: path.join(EXAMPLES_DIR, "sql-server"), stack: "dev" },
    { label: "the SharePoint farm example", projectDir: path.join(EXAMPLES_DIR, "sharepoint-farm"), stack: "dev" },
    { label: "the lift-and-shift example", projectDir: path.join(EXAMPLES_DIR, "lift-and-shift"), stack: "dev" },
    { label: "the fleets fixture", projectDir: path.join(REPO, "test", "fixtures", "fleets"), stack: "dev" },
];

describe.each(PROGRAMS)("GIVEN $label", ({ label, ...options }) => {
    it("WHEN it runs through the SDK's runner and in process THEN both record the same registrations, options, dependencies and outputs", async () => {
        const runner = await runProgram(options);
        const inProcess = await runInProcess(options);
        expect([runner.exitCode, inProcess.exitCode], `${label}: ${runner.stderr}`).toEqual([0, 0]);
        expect(runner.registrations.length).toBeGreaterThan(5);
        expect(recorded(inProcess)).toEqual(recorded(runner));
    });
});

describe("GIVEN secrets the programs hold WHEN they run through the SDK's runner", () => {
    it("THEN the dev stack's given, generated and refused passwords appear in no output, error or log a user sees", async () => {
        const given = "Given-Passw0rd-For-Test";
        const weak = "alllowercaseletters";
        const runs = [
            await runProgram({ projectDir: REPO, stack: "dev" }),
            await runProgram({ projectDir: REPO, stack: "dev", secretConfig: { "azure-persistent-vm:adminPasswords": { app01: given } } }),
            await runProgram({ projectDir: REPO, stack: "dev", secretConfig: { "azure-persistent-vm:adminPasswords": { app01: weak } } }),
        ];
        expect(runs.map((r) => r.exitCode === 0)).toEqual([true, true, false]);
        for (const run of runs) {
            // The SDK's own debug messages print RPC responses with secrets inside their wrappers; the CLI shows them only with --debug.
            const visible = run.stdout + run.stderr + JSON.stringify(run.logs.filter((l) => l.severity !== "debug"));
            expect(visible).not.toContain("placeholder-password-of");
            expect(visible).not.toContain(given);
            expect(visible).not.toContain(weak);
        }
    });

    it("THEN the SharePoint farm's domain password given as secret config appears in no output, error or log", async () => {
        const password = "Farm-Admin-Passw0rd-17";
        const run = await runProgram({
            projectDir: path.join(EXAMPLES_DIR, "sharepoint-farm"), stack: "dev",
            secretConfig: { "apvm-sharepoint-farm:domainAdminPassword": password },
        });
        expect(run.exitCode).toBe(0);
        expect(run.stdout + run.stderr + JSON.stringify(run.logs.filter((l) => l.severity !== "debug"))).not.toContain(password);
    });
});
