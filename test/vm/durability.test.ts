/**
 * Disk protection modes, management locks and the disks' own replaceOnChanges, under the SDK's runtime mocks; and
 * what the engine would decide for a VM between two declarations (a resize, a security type change), by the model of
 * its rules in test/support/fixtures.ts (`stepFor`: ignoreChanges put back before the diff, replaceOnChanges matched by
 * prefix against the detailed diff's paths, the replacement trigger).
 * Not proved here: the engine itself (it does not run offline; the model is a reading of its source, and azure-native's
 * detailed diff is assumed to report a change at the outermost member that appears, disappears or changes value), its
 * refusal to replace or delete a protected resource, and Azure's enforcement of a CanNotDelete lock.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { LinuxVm, WindowsVm } from "../../components";
import { DISK_REPLACE_ON_CHANGES } from "../../components/internal";
import { installRecorder, valueOf, type Recorder, type Registration } from "../../tools/recorder/recorder";
import { childrenOf, named, settled } from "../support/components";
import { changedPaths, DISK_ID_PREFIX, ED25519_KEY, stepFor, SUBNET_ID } from "../support/fixtures";

let recorder: Recorder;
beforeAll(async () => {
    recorder = await installRecorder();
});

const base = { resourceGroupName: "rg", location: "westeurope", subnetId: SUBNET_ID, size: "Standard_D8s_v5", sshPublicKeys: [ED25519_KEY] };

function diskOptions(name: string) {
    const disk = recorder.get("azure-native:compute:Disk", name);
    return { protect: disk.options.protect, retainOnDelete: disk.options.retainOnDelete, replaceOnChanges: disk.options.replaceOnChanges };
}

function osDiskOf(vm: string): { deleteOption: string } {
    return (recorder.get("azure-native:compute:VirtualMachine", `${vm}-vm`).inputs["storageProfile"] as { osDisk: { deleteOption: string } }).osDisk;
}

describe("GIVEN a VM with one disk in each protection mode (the VM default is protect)", () => {
    beforeAll(async () => {
        await settled(new LinuxVm("modes", {
            ...base,
            dataDisks: [
                { name: "data", lun: 0, sizeGb: 64 },
                { name: "kept", lun: 1, sizeGb: 64, protection: "retain" },
                { name: "scratch", lun: 2, sizeGb: 64, protection: "delete" },
            ],
        }));
    });

    it("THEN protect sets protect and retainOnDelete, retain sets retainOnDelete, delete sets neither; all replace on their create-only properties", () => {
        expect(diskOptions("modes-disk-data")).toEqual({ protect: true, retainOnDelete: true, replaceOnChanges: DISK_REPLACE_ON_CHANGES });
        expect(diskOptions("modes-disk-kept")).toEqual({ protect: false, retainOnDelete: true, replaceOnChanges: DISK_REPLACE_ON_CHANGES });
        expect(diskOptions("modes-disk-scratch")).toEqual({ protect: false, retainOnDelete: false, replaceOnChanges: DISK_REPLACE_ON_CHANGES });
    });

    it("THEN the VM detaches every data disk on delete and keeps its OS disk, whatever each disk's mode", () => {
        const storage = recorder.get("azure-native:compute:VirtualMachine", "modes-vm").inputs["storageProfile"] as { dataDisks: { deleteOption: string }[] };
        expect(storage.dataDisks.map((d) => d.deleteOption)).toEqual(["Detach", "Detach", "Detach"]);
        expect(osDiskOf("modes").deleteOption).toBe("Detach");
    });
});

describe("GIVEN a VM whose diskProtection is delete (a throwaway machine)", () => {
    it("THEN its OS disk goes with the VM and its data disks default to delete, unless one says otherwise", async () => {
        await settled(new LinuxVm("throwaway", {
            ...base,
            diskProtection: "delete",
            dataDisks: [{ name: "tmp", lun: 0, sizeGb: 32 }, { name: "keep", lun: 1, sizeGb: 32, protection: "protect" }],
        }));
        expect(osDiskOf("throwaway").deleteOption).toBe("Delete");
        expect(diskOptions("throwaway-disk-tmp")).toEqual({ protect: false, retainOnDelete: false, replaceOnChanges: DISK_REPLACE_ON_CHANGES });
        expect(diskOptions("throwaway-disk-keep")).toEqual({ protect: true, retainOnDelete: true, replaceOnChanges: DISK_REPLACE_ON_CHANGES });
    });

    it("WHEN diskProtection is retain THEN the OS disk is still kept", async () => {
        await settled(new LinuxVm("retained", { ...base, diskProtection: "retain", dataDisks: [{ name: "data", lun: 0, sizeGb: 32 }] }));
        expect(osDiskOf("retained").deleteOption).toBe("Detach");
        expect(diskOptions("retained-disk-data")).toEqual({ protect: false, retainOnDelete: true, replaceOnChanges: DISK_REPLACE_ON_CHANGES });
    });
});

describe("GIVEN a VM with a CanNotDelete lock", () => {
    beforeAll(async () => {
        await settled(new WindowsVm("locked", {
            ...base,
            adminPassword: "Correct-Horse-42-Battery",
            lock: { kind: "CanNotDelete" },
            dataDisks: [{ name: "data", lun: 0, sizeGb: 64 }, { name: "logs", lun: 1, sizeGb: 64 }],
        }));
    });

    it("THEN each data disk gets its own lock, scoped to that disk, parented to the component", async () => {
        const component = recorder.get("azure-persistent-vm:index:WindowsVm", "locked");
        const locks = recorder.ofType("azure-native:authorization:ManagementLockByScope").filter((r) => r.name.startsWith("locked-"));
        expect(locks.map((l) => [l.name, l.parent === component.urn, l.inputs])).toEqual([
            ["locked-disk-data-lock", true, { scope: `${DISK_ID_PREFIX}locked-disk-data`, lockName: "lock-locked-disk-data", level: "CanNotDelete", notes: "Persistent data disk: remove this lock before deleting it." }],
            ["locked-disk-logs-lock", true, { scope: `${DISK_ID_PREFIX}locked-disk-logs`, lockName: "lock-locked-disk-logs", level: "CanNotDelete", notes: "Persistent data disk: remove this lock before deleting it." }],
        ]);
        expect(locks.map((l) => l.options.dependencies)).toEqual([
            [recorder.get("azure-native:compute:Disk", "locked-disk-data").urn],
            [recorder.get("azure-native:compute:Disk", "locked-disk-logs").urn],
        ]);
        expect(childrenOf(recorder, component.urn)).toContain("azure-native:authorization:ManagementLockByScope::locked-disk-data-lock");
    });

    it("WHEN the lock is named or its kind is None THEN the name is used, or no lock is made", async () => {
        await settled(new LinuxVm("named", { ...base, lock: { kind: "CanNotDelete", name: "keep-me" }, dataDisks: [{ name: "data", lun: 0, sizeGb: 32 }] }));
        await settled(new LinuxVm("unlocked", { ...base, lock: { kind: "None" }, dataDisks: [{ name: "data", lun: 0, sizeGb: 32 }] }));
        expect(recorder.get("azure-native:authorization:ManagementLockByScope", "named-disk-data-lock").inputs["lockName"]).toBe("keep-me");
        expect(named(recorder, "unlocked").map((r) => r.type)).not.toContain("azure-native:authorization:ManagementLockByScope");
    });
});

describe("GIVEN the same VM planned in zone 1 and then in zone 2", () => {
    it("THEN its disks' zones differ, and each disk is protected and declares zones as replace-on-change, so the engine refuses at preview", async () => {
        const first = new LinuxVm("zonal-a", { ...base, vmName: "zonal", zone: "1", dataDisks: [{ name: "data", lun: 0, sizeGb: 64 }] });
        const second = new LinuxVm("zonal-b", { ...base, vmName: "zonal", zone: "2", dataDisks: [{ name: "data", lun: 0, sizeGb: 64 }] });
        await Promise.all([settled(first), settled(second)]);
        const [a, b] = [recorder.get("azure-native:compute:Disk", "zonal-a-disk-data"), recorder.get("azure-native:compute:Disk", "zonal-b-disk-data")];
        expect([a.inputs["zones"], b.inputs["zones"]]).toEqual([["1"], ["2"]]);
        for (const disk of [a, b]) {
            expect(disk.options.protect).toBe(true);
            expect(disk.options.replaceOnChanges).toContain("zones");
        }
        expect(await valueOf(first.dataDiskIds)).toEqual(await valueOf(second.dataDiskIds));
    });
});

const vmOf = (name: string) => recorder.get("azure-native:compute:VirtualMachine", `${name}-vm`);

describe("GIVEN a VM whose OS disk SKU follows its size WHEN it is resized from Standard_D2s_v5 to Standard_D2_v5", () => {
    beforeAll(async () => {
        await Promise.all([
            settled(new LinuxVm("resize-a", { ...base, vmName: "resized", size: "Standard_D2s_v5" })),
            settled(new LinuxVm("resize-b", { ...base, vmName: "resized", size: "Standard_D2_v5" })),
            settled(new LinuxVm("sku-a", { ...base, vmName: "pinned", osDisk: { sku: "Premium_LRS" } })),
            settled(new LinuxVm("sku-b", { ...base, vmName: "pinned", osDisk: { sku: "StandardSSD_LRS" } })),
        ]);
    });

    it("THEN the default SKU it would send changes too, but the VM ignores it, so the resize is an update in place", () => {
        expect(changedPaths(vmOf("resize-a").inputs, vmOf("resize-b").inputs)).toEqual(["hardwareProfile.vmSize", "storageProfile.osDisk.managedDisk.storageAccountType"]);
        expect(stepFor(vmOf("resize-a"), vmOf("resize-b"))).toEqual({ changed: ["hardwareProfile.vmSize"], step: "update" });
    });

    it("WHEN osDisk.sku itself changes THEN the VM is still replaced, delete-first", () => {
        expect(stepFor(vmOf("sku-a"), vmOf("sku-b"))).toEqual({ changed: ["storageProfile.osDisk.managedDisk.storageAccountType"], step: "replace" });
        expect(vmOf("sku-b").options.deleteBeforeReplace).toBe(true);
    });
});

describe("GIVEN a Trusted Launch VM WHEN its security type becomes Standard", () => {
    beforeAll(async () => {
        await Promise.all([
            settled(new LinuxVm("secure-a", { ...base, vmName: "secure" })),
            settled(new LinuxVm("secure-b", { ...base, vmName: "secure", securityType: "Standard" })),
            settled(new LinuxVm("host-a", { ...base, vmName: "host", encryptionAtHost: true })),
            settled(new LinuxVm("host-b", { ...base, vmName: "host", encryptionAtHost: true, securityType: "Standard" })),
        ]);
    });

    it("THEN the whole security profile disappears, which no replaceOnChanges path covers, and the trigger replaces the VM", () => {
        const [before, after] = [vmOf("secure-a"), vmOf("secure-b")];
        expect([before.inputs["securityProfile"], after.inputs["securityProfile"]]).toEqual([
            { securityType: "TrustedLaunch", uefiSettings: { secureBootEnabled: true, vTpmEnabled: true } }, undefined,
        ]);
        expect([before.options.replacementTrigger, after.options.replacementTrigger]).toEqual(["TrustedLaunch", "Standard"]);
        expect(stepFor(before, after)).toEqual({ changed: ["securityProfile"], step: "replace" });
        // Without the trigger, the same change would be an update in place, which Azure refuses at deploy.
        const untriggered = (r: Registration): Registration => ({ ...r, options: { ...r.options, replacementTrigger: undefined } });
        expect(stepFor(untriggered(before), untriggered(after)).step).toBe("update");
    });

    it("WHEN encryption at host keeps the profile THEN the security type's own path changes, and both the path and the trigger replace", () => {
        const [before, after] = [vmOf("host-a"), vmOf("host-b")];
        expect(stepFor(before, after)).toEqual({ changed: ["securityProfile.securityType", "securityProfile.uefiSettings"], step: "replace" });
    });

    it("WHEN the trigger first appears on a VM deployed without one THEN it replaces nothing (a null trigger never does)", () => {
        const [before, after] = [vmOf("secure-a"), vmOf("secure-a")];
        expect(stepFor({ ...before, options: { ...before.options, replacementTrigger: undefined } }, after).step).toBe("same");
    });
});
