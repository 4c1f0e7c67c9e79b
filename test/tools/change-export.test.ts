/**
 * `--changes-from state.json` (tools/plan/change-command.ts) with a stack export as the base: the deployed dev stack's
 * export, written here from a recorded run of the stack as the Pulumi CLI writes one (version 3), with a real-looking
 * subscription, ids spelt as Azure returns them (the resource group in capitals), made-up outputs replaced by real-
 * looking values, and secrets as ciphertext or, as `--show-secrets` writes them, plaintext.
 * Not proved here: that a real deployment's export holds exactly these inputs (there is no Azure here), or anything
 * the Pulumi CLI itself prints.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { isRpcSecret, unwrapRpcSecret } from "@pulumi/pulumi/runtime/rpc";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changesFrom } from "../../tools/plan/change-command";
import type { ChangeReport } from "../../tools/plan/change-report";
import type { ProgramRun } from "../../tools/recorder/program";
import { PLACEHOLDER_SUBSCRIPTION } from "../../tools/recorder/recorder";
import { devVm } from "../support/dev-stack";
import { devRun } from "../support/programs";
import { REPO } from "../support/project-copy";

const SUBSCRIPTION = "0b1f6471-1bf0-4dda-aec3-cb9272f09590";
const SIGNATURE = "4dabf18193072939515e22adb298388d";
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "apvm-export-"));

/** A value as the deployed state holds it: the real subscription, the group as Azure capitalises it, real outputs. */
function deployed(value: unknown, shown: boolean): unknown {
    if (isRpcSecret(value)) {
        const plain = deployed(unwrapRpcSecret(value), shown);
        return { [SIGNATURE]: "1b47061264138c4ac30d75fd1eb44270", ...(shown ? { plaintext: JSON.stringify(plain) } : { ciphertext: "v1:bm9uY2U=:bm90IGEgcmVhbCBjaXBoZXJ0ZXh0" }) };
    }
    if (typeof value === "string") {
        return value.split(`/subscriptions/${PLACEHOLDER_SUBSCRIPTION}/resourceGroups/rg-persistent-vm-dev`).join(`/subscriptions/${SUBSCRIPTION}/resourceGroups/RG-PERSISTENT-VM-DEV`)
            .replace(/private-ip-of-[\w-]+/g, "10.42.1.4").replace(/principal-id-of-[\w-]+/g, "6f1c2a7e-0d1b-4c55-9a1f-3e8b2d7c9a10");
    }
    if (Array.isArray(value)) {
        return value.map((v) => deployed(v, shown));
    }
    if (value !== null && typeof value === "object") {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deployed(v, shown)]));
    }
    return value;
}

/** The export `pulumi stack export [--show-secrets]` would write after `pulumi up` of this run, with extra resources. */
function exportOf(run: ProgramRun, shown: boolean, extra: readonly object[] = []): string {
    return JSON.stringify({
        version: 3,
        deployment: {
            manifest: { time: "2026-12-01T10:00:00.000Z", magic: "0", version: "v3.259.0" },
            resources: [...run.registrations.map((r): object => ({
                urn: r.urn, custom: r.custom, ...(r.custom ? { id: deployed(r.id, shown) } : {}), type: r.type,
                inputs: deployed(r.rawInputs, shown), outputs: {}, ...(r.parent !== null ? { parent: r.parent } : {}),
                ...(r.options.protect ? { protect: true } : {}), ...(r.options.retainOnDelete ? { retainOnDelete: true } : {}),
                dependencies: r.options.dependencies, propertyDependencies: r.propertyDependencies,
                ...(r.options.import !== null ? { importID: r.options.import } : {}),
            })), ...extra],
        },
    });
}

let base: ProgramRun;
beforeAll(async () => {
    base = await devRun();
    fs.writeFileSync(path.join(scratch, "state.json"), exportOf(base, false));
    fs.writeFileSync(path.join(scratch, "state-shown.json"), exportOf(base, true));
    // An earlier update replaced web01's data disk create-first and failed before deleting the old one.
    const disk = base.registrations.find((r) => r.name === "web01-disk-data");
    fs.writeFileSync(path.join(scratch, "state-pending.json"), exportOf(base, true, disk === undefined ? [] : [{
        urn: disk.urn, custom: true, delete: true, id: `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-persistent-vm-dev/providers/Microsoft.Compute/disks/web01-data-old`,
        type: disk.type, inputs: deployed(disk.rawInputs, true), outputs: {}, parent: disk.parent, protect: true,
    }]));
});

afterAll(() => {
    fs.rmSync(scratch, { recursive: true, force: true });
});

async function report(file: string, run: ProgramRun): Promise<ChangeReport> {
    const outcome = await changesFrom(path.join(scratch, file), run, { projectDir: REPO, stack: "dev", failOn: [] });
    if (!outcome.ok) {
        throw new Error(outcome.message);
    }
    return outcome.report;
}

const notSame = (r: ChangeReport) => Object.fromEntries(r.changes.filter((c) => c.step !== "same").map((c) => [c.name, c.step]));

describe("GIVEN the deployed dev stack's export with --show-secrets WHEN the unchanged stack is compared with it", () => {
    it("THEN every resource is the same: ids Azure spells differently and made-up outputs are taken from the state", async () => {
        const r = await report("state-shown.json", base);
        expect(notSame(r)).toEqual({});
        expect(r.exitCode).toBe(0);
        expect(r.notes).toEqual([]);
    });
});

describe("GIVEN the export without --show-secrets WHEN the unchanged stack is compared with it", () => {
    it("THEN what lies under a secret cannot be told, which the report says, and no disk is at risk (exit 0)", async () => {
        const r = await report("state.json", base);
        expect(notSame(r)).toEqual({ "app01-vm": "cannot-tell", "app01-access": "update", "web01-access": "update" });
        expect(r.changes.find((c) => c.name === "web01-access")).toMatchObject({ paths: ["protectedSettings"], rules: ["opaque-secret"] });
        expect(r.changes.find((c) => c.name === "app01-vm")).toMatchObject({
            // The ignored credential paths cannot be followed into a ciphertext either.
            paths: ["osProfile", "osProfile.adminPassword", "osProfile.linuxConfiguration.ssh.publicKeys"],
            rules: ["opaque-secret", "replace-on-changes", "ignore-changes"],
            vmDisks: "detached",
        });
        expect(r.notes).toEqual(["the export does not show secrets (pulumi stack export without --show-secrets): a change under a secret is \"cannot tell\""]);
        expect(r.exitCode).toBe(0);
        // Nothing of a secret's value is in the report.
        expect(JSON.stringify(r)).not.toContain("placeholder-password");
    });
});

describe("GIVEN the export WHEN web01's data disk key is renamed", () => {
    it("THEN the old, protected disk's delete is refused: exit 4", async () => {
        const web01 = devVm("web01");
        const renamed = await devRun({
            configOverrides: { "azure-persistent-vm:vms": [{ ...web01, dataDisks: (web01["dataDisks"] as object[]).map((d) => ({ ...d, name: "logs" })) }, devVm("app01")] },
        });
        const r = await report("state-shown.json", renamed);
        expect(notSame(r)).toMatchObject({ "web01-disk-data": "delete-refused", "web01-disk-logs": "create" });
        expect(r.exitCode).toBe(4);
    });
});

describe("GIVEN an export that holds web01's old data disk pending deletion WHEN the unchanged stack is compared with it", () => {
    it("THEN pulumi up would delete it first, without checking protect: exit 3", async () => {
        const r = await report("state-pending.json", base);
        expect(r.changes.filter((c) => c.step !== "same").map((c) => [c.name, c.step, c.rules, c.risk])).toEqual([["web01-disk-data", "delete", ["pending-delete"], "data-loss"]]);
        expect(r.exitCode).toBe(3);
    });
});
