/**
 * Disk protection modes, management locks and the disks' own replaceOnChanges, under the SDK's runtime mocks.
 * Not proved here: the engine's refusal to replace or delete a protected resource (it happens at preview in the
 * engine, which does not run offline), and Azure's enforcement of a CanNotDelete lock.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { LinuxVm, WindowsVm } from "../../components";
import { DISK_REPLACE_ON_CHANGES } from "../../components/internal";
import { installRecorder, valueOf, type Recorder } from "../../tools/recorder/recorder";
import { childrenOf, named, settled } from "../support/components";
import { DISK_ID_PREFIX, ED25519_KEY, SUBNET_ID } from "../support/fixtures";

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

    it("THEN protect sets protect, retain sets retainOnDelete, delete sets neither; all replace on their create-only properties", () => {
        expect(diskOptions("modes-disk-data")).toEqual({ protect: true, retainOnDelete: false, replaceOnChanges: DISK_REPLACE_ON_CHANGES });
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
        expect(diskOptions("throwaway-disk-keep")).toEqual({ protect: true, retainOnDelete: false, replaceOnChanges: DISK_REPLACE_ON_CHANGES });
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
