/**
 * `dataAccessAuthMode`, the opt-in that makes a disk's export and upload demand a Microsoft Entra ID token: sent on
 * every disk the stack creates (data disks and an OS disk made from a source), never on an adopted disk or the OS
 * disk Azure makes from an image, and refused with Azure Backup, which does not support such disks.
 * Not proved here: that Azure enforces the token on an export (no Azure), or Azure Backup's refusal itself (read in
 * Microsoft Learn, "Secure downloads and uploads with Microsoft Entra ID").
 */
import { beforeAll, describe, expect, it } from "vitest";
import { InvalidArgumentsError, LinuxVm, type DataAccessAuthMode } from "../../components";
import { installRecorder, type Recorder } from "../../tools/recorder/recorder";
import { named, settled } from "../support/components";
import { ED25519_KEY, SUBNET_ID } from "../support/fixtures";

let recorder: Recorder;
beforeAll(async () => {
    recorder = await installRecorder();
});

const base = { resourceGroupName: "rg", location: "westeurope", subnetId: SUBNET_ID, size: "Standard_D4s_v5", zone: "1", sshPublicKeys: [ED25519_KEY] };
const POLICY = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/rsv/backupPolicies/daily";
const SNAPSHOT = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/snapshots/os-2026-12-01";
const ADOPTED = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/disks/legacy-data";

describe("GIVEN a VM that opts in to Entra ID for disk exports", () => {
    beforeAll(async () => {
        await settled(new LinuxVm("vault01", {
            ...base,
            dataAccessAuthMode: "AzureActiveDirectory",
            dataDisks: [{ name: "data", lun: 0, sizeGb: 64 }, { name: "legacy", lun: 1, sizeGb: 128, sku: "Premium_LRS", source: { adoptId: ADOPTED } }],
        }));
        await settled(new LinuxVm("vault02", {
            ...base,
            sshPublicKeys: undefined,
            dataAccessAuthMode: "AzureActiveDirectory",
            osDisk: { source: { copyFrom: SNAPSHOT } },
            preflightFacts: { imageGeneration: 2 },
        }));
    });

    it("THEN each disk it creates carries the mode, and the disk it adopts is left as it is", () => {
        const mode = (name: string): unknown => recorder.get("azure-native:compute:Disk", name).inputs["dataAccessAuthMode"];
        expect([mode("vault01-disk-data"), mode("vault01-disk-legacy"), mode("vault02-os-disk")]).toStrictEqual(["AzureActiveDirectory", undefined, "AzureActiveDirectory"]);
    });

    it("THEN without the opt-in no disk sends the setting (Azure's default, a SAS alone)", async () => {
        await settled(new LinuxVm("plain01", { ...base, dataDisks: [{ name: "data", lun: 0, sizeGb: 64 }] }));
        expect(Object.keys(recorder.get("azure-native:compute:Disk", "plain01-disk-data").inputs)).not.toContain("dataAccessAuthMode");
    });
});

describe("GIVEN the opt-in with Azure Backup, or a value that is not offered", () => {
    it.each<[string, DataAccessAuthMode | "None", boolean, string]>([
        ["with backup", "AzureActiveDirectory", true, `"AzureActiveDirectory" cannot go with backup: Azure Backup does not support disks that demand Microsoft Entra ID for export (remove dataAccessAuthMode, or back the VM up another way).`],
        ["the value None", "None", false, `"None" is not a data access authentication mode; use "AzureActiveDirectory".`],
    ])("THEN %s is refused before anything registers", (_, mode, backedUp, message) => {
        const name = backedUp ? "backed01" : "none01";
        expect(() => new LinuxVm(name, { ...base, dataAccessAuthMode: mode as DataAccessAuthMode, backup: backedUp ? { policyId: POLICY } : undefined }))
            .toThrow(new InvalidArgumentsError("LinuxVm", name, [{ path: "dataAccessAuthMode", message }]));
        expect(named(recorder, name)).toStrictEqual([]);
    });
});
