/**
 * Library upgrades: the plan of each release (goldens/<version>/: the dev stack and each example, saved with
 * `npm run plan -- --json --out`) against HEAD's plan of the same stack. Every disk, NIC and VM of the release keeps its
 * URN, `import`, `protect`, `replaceOnChanges` and `deleteBeforeReplace`, or the change prediction says what changes
 * is safe; and upgrading changes nothing risky: no resource is replaced, deleted or refused, and the prediction exits 0.
 * Not proved here: that a stack deployed with the release holds what its golden plan says (the golden is the release's
 * program under the recorder, as `npm run plan` plans it).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { changeReport } from "../../tools/plan/change-report";
import { predictChanges } from "../../tools/plan/changes";
import type { ResourceState } from "../../tools/plan/resource-state";
import { loadSavedPlan } from "../../tools/plan/saved-plan";
import { statesOfRun } from "../../tools/plan/state-of-run";
import { EXAMPLES_DIR, runInProcess, typeScriptExamples } from "../support/programs";
import { REPO } from "../support/project-copy";

const GOLDENS = path.join(REPO, "goldens");
const KEPT_TYPES = ["azure-native:compute:Disk", "azure-native:network:NetworkInterface", "azure-native:compute:VirtualMachine"];
const cases = fs.readdirSync(GOLDENS).flatMap((release) => fs.readdirSync(path.join(GOLDENS, release))
    .map((file) => [release, path.basename(file, ".json")] as const));

function lifecycle(r: ResourceState) {
    return { importId: r.importId, protect: r.protect, replaceOnChanges: [...r.replaceOnChanges].sort(), deleteBeforeReplace: r.deleteBeforeReplace };
}

describe("the golden plans", () => {
    it("cover the dev stack and every example for each release", () => {
        const examples = typeScriptExamples();
        for (const release of fs.readdirSync(GOLDENS)) {
            expect(fs.readdirSync(path.join(GOLDENS, release)).sort()).toEqual(["dev", ...examples].map((n) => `${n}.json`).sort());
        }
    });
});

describe.each(cases)("GIVEN a stack deployed with release %s (%s) WHEN it is upgraded to this library", (release, name) => {
    it("THEN disks, NICs and VMs keep their URNs and lifecycle, or change safely, and nothing risky happens", async () => {
        const saved = loadSavedPlan(JSON.parse(fs.readFileSync(path.join(GOLDENS, release, `${name}.json`), "utf8")));
        if (!saved.ok) {
            throw new Error(saved.message);
        }
        const run = await runInProcess({ projectDir: name === "dev" ? REPO : path.join(EXAMPLES_DIR, name), stack: "dev" });
        const head = statesOfRun(run, { mode: "digest", salt: saved.salt });
        const changes = predictChanges(saved.resources, head);
        const step = new Map(changes.map((c) => [c.urn, c.step]));
        for (const old of saved.resources.filter((r) => KEPT_TYPES.includes(r.type))) {
            const now = head.find((r) => r.urn === old.urn);
            expect(now, `${old.urn} is no longer in the plan`).toBeDefined();
            if (now !== undefined && JSON.stringify(lifecycle(now)) !== JSON.stringify(lifecycle(old))) {
                expect(["same", "update"], `${old.urn} changed its lifecycle options`).toContain(step.get(old.urn));
            }
        }
        expect(changes.filter((c) => !["same", "update", "create"].includes(c.step)).map((c) => `${c.name}: ${c.step}`)).toEqual([]);
        expect(changeReport({ kind: "saved-plan", description: `release ${release}` }, changes, []).exitCode).toBe(0);
    }, 120_000);
});
