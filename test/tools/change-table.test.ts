/**
 * The table of edits (tools/docs/durability-edits.ts): for each row, the stack's program runs before and after the
 * edit (in process, as pulumi preview runs it), and the change prediction must give exactly the row's steps (every
 * resource the row does not name: same) and exit code. Each row names the source of its deciding rule.
 * Not proved here: that the engine decides as predicted (read from its source; test/tools/changes.test.ts pins the
 * rules one by one), or anything Azure does at deployment.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { EDITS, type ConfigOverrides, type EditRow, type Project } from "../../tools/docs/durability-edits";
import { changeReport } from "../../tools/plan/change-report";
import { predictChanges, type ResourceChange } from "../../tools/plan/changes";
import type { ResourceState } from "../../tools/plan/resource-state";
import { loadSavedPlan } from "../../tools/plan/saved-plan";
import { statesOfRun } from "../../tools/plan/state-of-run";
import type { ProgramRun } from "../../tools/recorder/program";
import { EXAMPLES_DIR, runInProcess } from "../support/programs";
import { REPO } from "../support/project-copy";

const runs = new Map<string, Promise<ProgramRun>>();

/** One run per project and config, shared by the rows that start from the same stack. */
function run(project: Project, overrides: ConfigOverrides | undefined): Promise<ProgramRun> {
    const key = `${project}:${JSON.stringify(overrides ?? {})}`;
    let found = runs.get(key);
    if (found === undefined) {
        found = runInProcess({ projectDir: project === "dev" ? REPO : path.join(EXAMPLES_DIR, project), stack: "dev", ...(overrides !== undefined ? { configOverrides: overrides } : {}) });
        runs.set(key, found);
    }
    return found;
}

function failed(r: ProgramRun): string | undefined {
    const errors = r.logs.filter((l) => l.severity === "error").map((l) => l.message);
    return r.exitCode !== 0 || errors.length > 0 ? `the program failed: ${errors.join("\n") || r.stderr}` : undefined;
}

/** The row's resources before and after: two runs of the program, or a release's saved plan and a run. */
async function sides(row: EditRow): Promise<{ olds: readonly ResourceState[]; goals: readonly ResourceState[] }> {
    if (row.before !== undefined && "release" in row.before) {
        // An upgrade: the released library's saved plan, its secrets as digests under its salt.
        const saved = loadSavedPlan(JSON.parse(fs.readFileSync(path.join(REPO, "goldens", String(row.before.release), `${row.project}.json`), "utf8")));
        if (!saved.ok) {
            throw new Error(saved.message);
        }
        const after = await run(row.project, row.after);
        expect(failed(after)).toBeUndefined();
        return { olds: saved.resources, goals: statesOfRun(after, { mode: "digest", salt: saved.salt }) };
    }
    const config = row.before as ConfigOverrides | undefined;
    const before = await run(row.project, config);
    const after = await run(row.project, { ...config, ...row.after });
    expect(failed(before)).toBeUndefined();
    expect(failed(after)).toBeUndefined();
    return { olds: statesOfRun(before, { mode: "plain" }), goals: statesOfRun(after, { mode: "plain" }) };
}

function stepOf(c: ResourceChange): string {
    return c.order !== undefined ? `${c.step} (${c.order})` : c.step;
}

describe("the table of edits", () => {
    it("has at least 40 rows, each naming the source of its rule", () => {
        expect(EDITS.length).toBeGreaterThanOrEqual(40);
        for (const row of EDITS) {
            expect(row.source, row.edit).toMatch(/\.go|_test\.go|\.ts|learn\.microsoft\.com|api/);
        }
    });
});

describe.each(EDITS.map((row) => [row.edit, row] as const))("GIVEN the %s edit", (_, row) => {
    it(`THEN pulumi up would ${Object.entries(row.expect).map(([n, s]) => `${s} ${n}`).join(", ") || "change nothing"}, and the plan exits ${String(row.exit)}`, async () => {
        const { olds, goals } = await sides(row);
        const changes = predictChanges(olds, goals);
        // The row names some resources; "*" stands for every other one that is not the same.
        const actual = Object.fromEntries(changes.map((c) => [c.name, stepOf(c)]).filter(([, s]) => s !== "same"));
        const wanted = Object.fromEntries(changes.map((c) => [c.name, row.expect[c.name] ?? (c.step === "same" ? "same" : row.expect["*"]) ?? "same"])
            .filter(([, s]) => s !== "same"));
        expect(actual).toEqual(wanted);
        expect(Object.keys(row.expect).filter((name) => name !== "*" && !changes.some((c) => c.name === name))).toEqual([]);
        expect(changeReport({ kind: "test", description: row.edit }, changes, []).exitCode).toBe(row.exit);
        // No edit deletes or replaces a disk holding data unless that disk's protection is "delete" (neither protect
        // nor retainOnDelete in the state; for a VM's own disks, deleteOption Delete).
        const lost = changes.filter((c) => c.risk === "data-loss").map((c) => ({ change: c, old: olds.find((o) => o.urn === c.urn) }));
        expect(lost.filter(({ change, old }) => change.vmDisks !== "deleted" && (old === undefined || old.protect || old.retainOnDelete)).map(({ change }) => change.name)).toEqual([]);
    }, 120_000);
});
