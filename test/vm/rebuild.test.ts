/**
 * Rebuilding a VM from an existing OS disk (its kept disk, a snapshot copy in another zone, an imported VHD or an
 * adopted disk), under the SDK's runtime mocks, and the rules that keep such a VM free of fresh-OS settings.
 * Not proved here: that Azure boots the disk (no Azure), or that the disk's security type matches the VM's when the
 * stack cannot see it (a disk attached by id, a copy): that is the user's to state with securityType.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { LinuxVm, WindowsVm } from "../../components";
import { DISK_REPLACE_ON_CHANGES, planVm } from "../../components/internal";
import { installRecorder, valueOf, type Recorder } from "../../tools/recorder/recorder";
import { named, settled } from "../support/components";
import { ED25519_KEY, SUBNET_ID } from "../support/fixtures";

let recorder: Recorder;
beforeAll(async () => {
    recorder = await installRecorder();
});

const base = { resourceGroupName: "rg", location: "westeurope", subnetId: SUBNET_ID, size: "Standard_D4s_v5" };
const KEPT = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/disks/web01_OsDisk_1_0f1e2d3c4b5a69788796a5b4c3d2e1f0";
const SNAPSHOT = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/snapshots/app01-os-2026-11-20";
const STORAGE = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-migrate/providers/Microsoft.Storage/storageAccounts/migratevhds";
const VHD = "https://migratevhds.blob.core.windows.net/vhds/legacy-os.vhd";
/** The warning for a Trusted Launch VM on a disk whose generation nobody stated. */
const ATTACHED_GENERATION_UNKNOWN = { path: "osDisk.source", message: "the attached OS disk may be Gen1 or Gen2; Trusted Launch needs Gen2, which is not checked (set preflightFacts.imageGeneration)." };
const ORPHAN = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/disks/old-app-osdisk";
const SECURE = { networkAccessPolicy: "DenyAll", publicNetworkAccess: "Disabled", encryption: { type: "EncryptionAtRestWithPlatformKey" } };

function vmInputs(name: string): Record<string, unknown> {
    return recorder.get("azure-native:compute:VirtualMachine", `${name}-vm`).inputs;
}

describe("GIVEN a Linux VM brought back from the OS disk its previous incarnation left behind", () => {
    let vm: LinuxVm;
    beforeAll(async () => {
        vm = new LinuxVm("web01", { ...base, zone: "1", osDisk: { source: { existingId: KEPT } }, dataDisks: [{ name: "data", lun: 0, sizeGb: 128 }] });
        await settled(vm);
    });

    it("THEN the VM attaches that disk and sends no image and no OS profile", () => {
        const inputs = vmInputs("web01");
        expect((inputs["storageProfile"] as { osDisk: unknown }).osDisk).toEqual({
            createOption: "Attach", osType: "Linux", deleteOption: "Detach", caching: "ReadWrite", managedDisk: { id: KEPT },
        });
        expect((inputs["storageProfile"] as { imageReference?: unknown }).imageReference).toBeUndefined();
        expect(inputs["osProfile"]).toBeUndefined();
        expect(inputs["securityProfile"]).toEqual({ securityType: "TrustedLaunch", uefiSettings: { secureBootEnabled: true, vTpmEnabled: true } });
    });

    it("THEN the stack declares no OS disk and generates no key, and the VM reports the kept disk's name", async () => {
        expect(named(recorder, "web01").map((r) => r.name).sort()).toEqual(["web01", "web01-disk-data", "web01-nic", "web01-vm"]);
        expect(vm.generatedPrivateKey).toBeUndefined();
        expect(await valueOf(vm.osDiskName)).toBe("web01_OsDisk_1_0f1e2d3c4b5a69788796a5b4c3d2e1f0");
    });

    it("THEN the VM still replaces, delete-first, when the OS disk changes", () => {
        const options = recorder.get("azure-native:compute:VirtualMachine", "web01-vm").options;
        expect(options.deleteBeforeReplace).toBe(true);
        expect(options.replaceOnChanges).toEqual(expect.arrayContaining(["storageProfile.osDisk.createOption", "storageProfile.osDisk.managedDisk.id"]));
    });
});

describe("GIVEN a Windows VM moved to zone 2 from a snapshot of its OS disk", () => {
    it("THEN a protected OS disk is copied from the snapshot into zone 2 and attached", async () => {
        const vm = new WindowsVm("app01", { ...base, zone: "2", osDisk: { source: { copyFrom: SNAPSHOT } } });
        await settled(vm);
        const disk = recorder.get("azure-native:compute:Disk", "app01-os-disk");
        expect(disk.inputs).toEqual({
            resourceGroupName: "rg", location: "westeurope", diskName: "app01-os-disk",
            creationData: { createOption: "Copy", sourceResourceId: SNAPSHOT },
            sku: { name: "Premium_LRS" }, zones: ["2"], osType: "Windows", ...SECURE,
        });
        expect([disk.options.protect, disk.options.replaceOnChanges]).toEqual([true, DISK_REPLACE_ON_CHANGES]);
        expect((vmInputs("app01")["storageProfile"] as { osDisk: { managedDisk: { id: string } } }).osDisk.managedDisk.id).toBe(disk.id);
        expect(disk.id).toBe("/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/disks/app01-os-disk");
        expect(vm.generatedAdminPassword).toBeUndefined();
        expect(named(recorder, "app01").some((r) => r.type.startsWith("random:"))).toBe(false);
    });
});

describe("GIVEN VMs migrated from VHDs", () => {
    it("WHEN the VHD is Gen1 THEN the disk is imported as V1 and the VM, like the disk, is Standard security", async () => {
        await settled(new WindowsVm("legacy", {
            ...base, securityType: "Standard",
            osDisk: { hyperVGeneration: "V1", source: { importVhd: { uri: VHD, storageAccountId: STORAGE } } },
        }));
        const disk = recorder.get("azure-native:compute:Disk", "legacy-os-disk");
        expect([disk.inputs["creationData"], disk.inputs["hyperVGeneration"], disk.inputs["securityProfile"]])
            .toEqual([{ createOption: "Import", sourceUri: VHD, storageAccountId: STORAGE }, "V1", undefined]);
        expect(vmInputs("legacy")["securityProfile"]).toBeUndefined();
    });

    it("WHEN the VHD is Gen2 THEN the disk is imported as a Trusted Launch V2 disk for a Trusted Launch VM", async () => {
        await settled(new LinuxVm("modern", { ...base, osDisk: { source: { importVhd: { uri: VHD, storageAccountId: STORAGE } } } }));
        const disk = recorder.get("azure-native:compute:Disk", "modern-os-disk");
        expect([disk.inputs["osType"], disk.inputs["hyperVGeneration"], disk.inputs["securityProfile"]]).toEqual(["Linux", "V2", { securityType: "TrustedLaunch" }]);
    });
});

describe("GIVEN an orphaned OS disk adopted into the stack", () => {
    it("THEN it is imported by id under its own name, its creation data ignored, and attached", async () => {
        await settled(new LinuxVm("revived", { ...base, osDisk: { sku: "Premium_LRS", source: { adoptId: ORPHAN } } }));
        const disk = recorder.get("azure-native:compute:Disk", "revived-os-disk");
        expect(disk.inputs["diskName"]).toBe("old-app-osdisk");
        expect(disk.inputs["networkAccessPolicy"]).toBeUndefined();
        expect([disk.options.import, disk.options.ignoreChanges, disk.options.protect]).toEqual([ORPHAN, ["creationData"], true]);
    });

    it("THEN it waits for its guard, a protected RandomUuid keeping the adoptId, so a changed adoptId is refused rather than import-replaced", () => {
        const guard = recorder.get("random:index/randomUuid:RandomUuid", "revived-os-disk-adoption");
        expect([guard.inputs, guard.options.protect, guard.parent]).toEqual([
            { keepers: { adoptId: ORPHAN } }, true, recorder.get("azure-persistent-vm:index:LinuxVm", "revived").urn,
        ]);
        expect(recorder.get("azure-native:compute:Disk", "revived-os-disk").options.dependencies).toEqual([guard.urn]);
    });
});

describe("GIVEN a VM built from an existing OS disk with settings only a fresh OS takes", () => {
    it("THEN each such setting is refused, naming it", () => {
        const result = planVm("linux", "web01", {
            ...base, image: "ubuntu-24.04", computerName: "web", adminUsername: "ops",
            osDisk: { source: { existingId: KEPT } },
        }, { sshPublicKeys: [ED25519_KEY], customData: "#cloud-config" });
        const refused = (key: string) => ({ path: key, message: `is set, but the OS disk comes from osDisk.source, and a VM built from an existing disk takes its OS as it is on the disk (remove ${key}).` });
        expect(result).toStrictEqual({
            ok: false,
            problems: ["image", "computerName", "adminUsername", "sshPublicKeys", "customData"].map(refused),
            warnings: [ATTACHED_GENERATION_UNKNOWN],
        });
    });

    it("THEN a Gen1 VHD for a Trusted Launch VM, a generation on a non-import and two sources are refused", () => {
        expect(planVm("windows", "app01", { ...base, osDisk: { hyperVGeneration: "V1", source: { importVhd: { uri: VHD, storageAccountId: STORAGE } } } }, {}))
            .toStrictEqual({ ok: false, problems: [{ path: "securityType", message: `"TrustedLaunch" needs a Gen2 image, and the attached OS disk is Gen1 (use a Gen2 image, or set securityType: "Standard").` }] });
        expect(planVm("windows", "app01", { ...base, osDisk: { hyperVGeneration: "V2", source: { existingId: KEPT } } }, {}))
            .toStrictEqual({
                ok: false,
                problems: [{ path: "osDisk.hyperVGeneration", message: "is for an imported or uploaded VHD; a copied, adopted or attached disk keeps its own generation (remove it)." }],
                warnings: [ATTACHED_GENERATION_UNKNOWN],
            });
        expect(planVm("windows", "app01", { ...base, osDisk: { source: { existingId: KEPT, copyFrom: SNAPSHOT } } }, {}))
            .toStrictEqual({ ok: false, problems: [{ path: "osDisk.source", message: "sets copyFrom and existingId; a disk has one source (keep one)." }] });
    });

    it("THEN a Windows VM with a name too long for a computer name is fine: the disk brings its own computer name", () => {
        const result = planVm("windows", "application-server", { ...base, osDisk: { source: { existingId: KEPT } } }, {});
        expect(result.ok && [result.plan.credential, result.plan.osDisk.source, result.plan.warnings]).toEqual(["none", "existing", [
            ATTACHED_GENERATION_UNKNOWN,
        ]]);
    });
});
