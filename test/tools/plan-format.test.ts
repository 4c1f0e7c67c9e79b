/**
 * What `npm run plan` prints for stacks beyond the dev stack's defaults: locked, retained, copied and referenced
 * disks; VMs rebuilt from their disks; a size the tables do not know; management from anywhere with the override; and
 * the dev stack's flowchart, which docs/plan-tool.md embeds. Each program runs in process and is rendered with the
 * CLI's own formatter (formatPlan); test/e2e/plan-cli.test.ts runs the CLI itself (exit codes, standard output and
 * error, --out, the network guard). Not proved here: the CLI's argument parsing.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { PlanDocument } from "../../tools/plan/document";
import { formatPlan, type PlanFormat } from "../../tools/plan/format";
import { planOfRun } from "../../tools/plan/plan";
import type { RunOptions } from "../../tools/recorder/program";
import { runInProcess } from "../support/programs";
import { REPO } from "../support/project-copy";

/** What the CLI prints: the plan on standard output, each warning on standard error. */
interface Printed {
    readonly ok: boolean;
    readonly stdout: string;
    readonly stderr: string;
}

async function printed(options: Omit<RunOptions, "projectDir" | "stack"> & { stack?: string }, format: PlanFormat = "text"): Promise<Printed> {
    const outcome = planOfRun(await runInProcess({ projectDir: REPO, stack: "dev", ...options }), { typeCheckMs: 0, programMs: 0 });
    if (!outcome.ok) {
        return { ok: false, stdout: "", stderr: `error: ${outcome.message}\n` };
    }
    return {
        ok: true,
        stdout: formatPlan(format, outcome.document, outcome.vms, outcome.fleets),
        stderr: outcome.warnings.map((w) => `warning: ${w}\n`).join(""),
    };
}

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "apvm-plan-format-"));
afterAll(() => {
    fs.rmSync(scratch, { recursive: true, force: true });
});

const devConfig = fs.readFileSync(path.join(REPO, "Pulumi.dev.yaml"), "utf8");
const unknownSizeConfig = path.join(scratch, "Pulumi.v6.yaml");
fs.writeFileSync(unknownSizeConfig, devConfig.replace("size: Standard_D2s_v5\n      zone: \"1\"\n      adminUsername: winadmin", "size: Standard_D2s_v6\n      zone: \"1\"\n      adminUsername: winadmin"));
const openConfig = path.join(scratch, "Pulumi.open.yaml");
fs.writeFileSync(openConfig, devConfig.replace(`managementSourcePrefixes: ["203.0.113.0/24"]`, `managementSourcePrefixes: ["*"]\n    allowManagementFromAnywhere: true`));
const durableConfig = path.join(scratch, "Pulumi.durable.yaml");
const SNAPSHOT_ID = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-backup/providers/Microsoft.Compute/snapshots/web01-logs";
const EXISTING_ID = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-shared/providers/Microsoft.Compute/disks/archive";
fs.writeFileSync(durableConfig, devConfig
    .replace("adminUsername: azureuser", "adminUsername: azureuser\n      lock: { kind: CanNotDelete }")
    .replace("caching: ReadOnly, format: true }", `caching: ReadOnly, format: true }\n        - { name: logs, lun: 1, source: { copyFrom: "${SNAPSHOT_ID}" }, format: true, fileSystem: xfs }`)
    .replace("{ name: data, lun: 0, sizeGb: 256, sku: Premium_LRS, format: true }", `{ name: data, lun: 0, sizeGb: 256, sku: Premium_LRS, format: true }\n        - { name: archive, lun: 1, source: { existingId: "${EXISTING_ID}" } }`)
    .replace("{ name: data, lun: 0, sizeGb: 256, sku: Premium_LRS, format: true }", "{ name: data, lun: 0, sizeGb: 256, sku: Premium_LRS, format: true, protection: retain }"));

describe("GIVEN the dev stack WHEN npm run plan -- --format mermaid runs", () => {
    it("THEN it prints a flowchart, and docs/plan-tool.md embeds exactly that diagram", async () => {
        const mermaid = await printed({}, "mermaid");
        expect(mermaid.ok).toBe(true);
        expect(mermaid.stdout.startsWith("flowchart LR\n")).toBe(true);
        expect(mermaid.stdout).toContain(`r2["compute:Disk web01-disk-data<br/>protected"]`);
        const page = fs.readFileSync(path.join(REPO, "docs", "plan-tool.md"), "utf8");
        const embedded = /```mermaid\n([\s\S]*?)```/.exec(page)?.[1];
        expect(embedded).toBe(mermaid.stdout);
    });
});

describe("GIVEN a stack whose Linux VM locks its disks and whose Windows VM retains its disk", () => {
    it("THEN the plan shows, per disk, its protection mode, source, lock and mount", async () => {
        const durable = await printed({ configFile: durableConfig });
        expect(durable.ok).toBe(true);
        const lines = durable.stdout.split("\n");
        expect(lines).toContain("        disk data  LUN 0  128 GiB  Premium_LRS  ReadOnly  protection protect  source Empty  lock CanNotDelete  mount /data/data ext4");
        expect(lines).toContain("        disk data  LUN 0  256 GiB  Premium_LRS  ReadOnly  protection retain  source Empty  lock none  mount C:\\data\\data NTFS");
        expect(lines).toContain("        disk logs  LUN 1  source size  Premium_LRS  ReadOnly  protection protect  source Copy  lock CanNotDelete  mount /data/logs xfs");
        expect(lines).toContain("        disk archive  LUN 1  source size  -  ReadOnly  protection not owned  source existing disk  lock none  mount none");
        expect(lines.filter((l) => /^ \+ {3}│ {2}├─ azure-native:authorization:ManagementLockByScope +web01-disk-data-lock +create$/.test(l))).toHaveLength(1);
    });
});

describe("GIVEN the rebuild template (Pulumi.rebuild.yaml) WHEN npm run plan -- --stack rebuild runs", () => {
    it("THEN both VMs are built from their disks, with each disk's source, and nothing to warn about", async () => {
        const run = await printed({ stack: "rebuild" });
        expect([run.ok, run.stderr]).toEqual([true, ""]);
        const lines = run.stdout.split("\n");
        expect(lines).toContain("    web01  linux  Standard_D2s_v5  (built from its OS disk)  zone 1");
        expect(lines).toContain("        OS disk  -  disk size  ReadWrite  deleteOption Detach  source existing disk");
        expect(lines).toContain("        disk data  LUN 0  128 GiB  Premium_LRS  ReadOnly  protection protect  source adopted  lock none  mount none");
        expect(lines).toContain("        OS disk  Premium_LRS  disk size  ReadWrite  deleteOption Detach  source Copy");
        expect(lines).toContain("        disk data-z2  LUN 0  source size  Premium_LRS  ReadOnly  protection protect  source Copy  lock none  mount none");
        expect(run.stdout).not.toContain("RandomPassword");
    });
});

describe("GIVEN a VM size the size table does not know WHEN the plan runs", () => {
    it("THEN it plans, and warns which rules it could not check, the nearest sizes of the table and how to supply the facts", async () => {
        const unknownSize = await printed({ configFile: unknownSizeConfig });
        expect(unknownSize.ok).toBe(true);
        expect(unknownSize.stderr).toBe(`warning: WindowsVm "app01": size "Standard_D2s_v6" is not in the size table of 2026-11, so maxDataDisks, trustedLaunch, generations are not checked (did you mean "Standard_D2s_v5", "Standard_D2s_v4" or "Standard_D2s_v3"? If "Standard_D2s_v6" is right, set preflightFacts.size).\n`);
    });
});

describe("GIVEN management from anywhere, with the documented override set", () => {
    it("THEN the plan accepts it and the NSG rule allows the source as given", async () => {
        const openToAll = await printed({ configFile: openConfig }, "json");
        expect(openToAll.ok).toBe(true);
        const nsg = (JSON.parse(openToAll.stdout) as PlanDocument).resources.find((r) => r.name === "network-nsg");
        expect((nsg?.inputs["securityRules"] as { sourceAddressPrefixes: string[] }[]).map((r) => r.sourceAddressPrefixes)).toEqual([["*"], ["*"]]);
    });
});

