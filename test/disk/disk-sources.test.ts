/**
 * Bringing existing data in: a data disk copied from a disk or snapshot, imported from a VHD, adopted into the stack
 * or only referenced, under the SDK's runtime mocks; and the rules that keep each source unambiguous.
 * Not proved here: that Azure finds the sources (no Azure), or the engine's import diff (it runs in the engine).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { InvalidArgumentsError, LinuxVm } from "../../components";
import { DISK_REPLACE_ON_CHANGES, planVm } from "../../components/internal";
import { installRecorder, valueOf, type Recorder } from "../../tools/recorder/recorder";
import { named, settled } from "../support/components";
import { DISK_ID_PREFIX, ED25519_KEY, SUBNET_ID } from "../support/fixtures";

let recorder: Recorder;
beforeAll(async () => {
    recorder = await installRecorder();
});

const base = { resourceGroupName: "rg", location: "westeurope", subnetId: SUBNET_ID, size: "Standard_D8s_v5", zone: "1", sshPublicKeys: [ED25519_KEY] };
const SNAPSHOT = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-backup/providers/Microsoft.Compute/snapshots/data-2026-11-01";
const STORAGE = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-migrate/providers/Microsoft.Storage/storageAccounts/migratevhds";
const VHD = "https://migratevhds.blob.core.windows.net/vhds/app-data.vhd";
const ADOPTED = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/disks/legacy-data";
const EXISTING = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-shared/providers/Microsoft.Compute/disks/shared-archive";
const GUARD = "random:index/randomUuid:RandomUuid";
const SECURE = { networkAccessPolicy: "DenyAll", publicNetworkAccess: "Disabled", encryption: { type: "EncryptionAtRestWithPlatformKey" } };

describe("GIVEN a VM whose data disks come from a snapshot, a VHD, an adopted disk and a disk it only references", () => {
    let vm: LinuxVm;
    beforeAll(async () => {
        vm = new LinuxVm("migrated", {
            ...base,
            lock: { kind: "CanNotDelete" },
            dataDisks: [
                { name: "copy", lun: 0, source: { copyFrom: SNAPSHOT } },
                { name: "vhd", lun: 1, source: { importVhd: { uri: VHD, storageAccountId: STORAGE } } },
                { name: "legacy", lun: 2, sizeGb: 512, sku: "Premium_LRS", source: { adoptId: ADOPTED } },
                { name: "archive", lun: 3, caching: "None", source: { existingId: EXISTING } },
            ],
        });
        await settled(vm);
    });

    it("THEN the copy is a new, protected, secure disk made from the snapshot, at the source's size", () => {
        const disk = recorder.get("azure-native:compute:Disk", "migrated-disk-copy");
        expect(disk.inputs).toEqual({
            resourceGroupName: "rg", location: "westeurope", diskName: "migrated-disk-copy",
            creationData: { createOption: "Copy", sourceResourceId: SNAPSHOT },
            sku: { name: "Premium_LRS" }, zones: ["1"], ...SECURE,
        });
        expect([disk.options.protect, disk.options.import, disk.options.ignoreChanges]).toEqual([true, null, []]);
    });

    it("THEN the VHD is imported into a new disk from its storage account", () => {
        expect(recorder.get("azure-native:compute:Disk", "migrated-disk-vhd").inputs["creationData"])
            .toEqual({ createOption: "Import", sourceUri: VHD, storageAccountId: STORAGE });
    });

    it("THEN the adopted disk keeps its own name, is imported by id, and neither its creation data nor security settings are sent as changes", () => {
        const disk = recorder.get("azure-native:compute:Disk", "migrated-disk-legacy");
        expect(disk.inputs).toEqual({
            resourceGroupName: "rg", location: "westeurope", diskName: "legacy-data",
            creationData: { createOption: "Empty" }, diskSizeGB: 512, sku: { name: "Premium_LRS" }, zones: ["1"],
        });
        const { aliases, ...options } = disk.options;
        expect(options).toEqual({
            protect: true, retainOnDelete: true, deleteBeforeReplace: false,
            ignoreChanges: ["creationData"],
            replaceOnChanges: DISK_REPLACE_ON_CHANGES.filter((p) => p !== "creationData"),
            dependencies: [recorder.get(GUARD, "migrated-disk-legacy-adoption").urn], import: ADOPTED,
            replaceWith: [], replacementTrigger: undefined, deletedWith: null,
        });
        // The only aliases are azure-native's own, from the type's earlier API versions.
        expect(aliases.filter((a) => !("type" in a) || a.type?.startsWith("azure-native:compute/v") !== true)).toEqual([]);
    });

    it("THEN the adopted disk waits for its guard: a protected RandomUuid keeping the adoptId, parented to the component", () => {
        const guard = recorder.get(GUARD, "migrated-disk-legacy-adoption");
        expect([guard.inputs, guard.options.protect, guard.options.retainOnDelete, guard.parent]).toEqual([
            { keepers: { adoptId: ADOPTED } }, true, false, recorder.get("azure-persistent-vm:index:LinuxVm", "migrated").urn,
        ]);
        expect(recorder.get("azure-native:compute:Disk", "migrated-disk-legacy").options.dependencies).toEqual([guard.urn]);
        // Only the adopted disk has one: a copy, an import or a referenced disk cannot be import-replaced.
        expect(recorder.ofType(GUARD).filter((r) => r.name.startsWith("migrated-")).map((r) => r.name)).toEqual(["migrated-disk-legacy-adoption"]);
    });

    it("THEN the referenced disk is attached by its id, and the stack declares no disk or lock for it", async () => {
        expect(named(recorder, "migrated").map((r) => r.name).sort()).toEqual([
            "migrated", "migrated-access", "migrated-disk-copy", "migrated-disk-copy-lock", "migrated-disk-legacy", "migrated-disk-legacy-adoption",
            "migrated-disk-legacy-lock", "migrated-disk-vhd", "migrated-disk-vhd-lock", "migrated-nic", "migrated-vm",
        ]);
        const storage = recorder.get("azure-native:compute:VirtualMachine", "migrated-vm").inputs["storageProfile"] as { dataDisks: unknown[] };
        expect(storage.dataDisks[3]).toEqual({ lun: 3, createOption: "Attach", deleteOption: "Detach", caching: "None", managedDisk: { id: EXISTING } });
        expect(await valueOf(vm.dataDiskIds)).toEqual({
            copy: `${DISK_ID_PREFIX}migrated-disk-copy`, vhd: `${DISK_ID_PREFIX}migrated-disk-vhd`,
            legacy: `${DISK_ID_PREFIX}legacy-data`, archive: EXISTING,
        });
    });
});

describe("GIVEN adopted disks in each protection mode", () => {
    const disks = [
        { name: "kept", lun: 0, sizeGb: 64, sku: "Premium_LRS" as const, source: { adoptId: `${DISK_ID_PREFIX}kept` } },
        { name: "released", lun: 1, sizeGb: 64, sku: "Premium_LRS" as const, protection: "retain" as const, source: { adoptId: `${DISK_ID_PREFIX}released` } },
        { name: "scratch", lun: 2, sizeGb: 64, sku: "Premium_LRS" as const, protection: "delete" as const, source: { adoptId: `${DISK_ID_PREFIX}scratch` } },
    ];
    beforeAll(async () => {
        await settled(new LinuxVm("modes", { ...base, dataDisks: disks }));
    });

    it("THEN each guard is protected exactly when its disk is, so only a protected disk's changed adoptId is refused", () => {
        // The engine refuses to replace a resource protected before and after (step_generator.go:1958); protect and
        // retain keep the old disk through an import-replacement that passes the guard by (step.go:661), and delete
        // deletes it, as that mode says.
        expect(disks.map((d) => {
            const disk = recorder.get("azure-native:compute:Disk", `modes-disk-${d.name}`);
            const guard = recorder.get(GUARD, `modes-disk-${d.name}-adoption`);
            return [d.name, disk.options.protect, disk.options.retainOnDelete, guard.options.protect, guard.inputs, disk.options.dependencies];
        })).toEqual(disks.map((d, i) => [
            d.name, i === 0, i !== 2, i === 0, { keepers: { adoptId: `${DISK_ID_PREFIX}${d.name}` } },
            [recorder.get(GUARD, `modes-disk-${d.name}-adoption`).urn],
        ]));
    });
});

describe("GIVEN an adopted disk whose id the user wrote in letter cases Azure would not use", () => {
    // Azure ids are case-insensitive, but the engine compares the import id with the state's as a plain string: any
    // rewriting of it by a later library version would turn every adopted disk into an import-replacement.
    const DATA = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/RG/providers/microsoft.compute/Disks/Legacy-DATA";
    const OS = "/SUBSCRIPTIONS/00000000-0000-0000-0000-000000000000/resourcegroups/Rg/providers/Microsoft.Compute/disks/Old-OS";

    it("THEN the import option and the guard's keepers are exactly the strings given, for a data disk and an OS disk", async () => {
        // No SSH key: a VM built from an existing OS disk takes its accounts from the disk.
        const placement = { resourceGroupName: "rg", location: "westeurope", subnetId: SUBNET_ID, size: "Standard_D8s_v5", zone: "1" };
        await settled(new LinuxVm("cased", { ...placement, osDisk: { sku: "Premium_LRS", source: { adoptId: OS } }, dataDisks: [{ name: "legacy", lun: 0, sizeGb: 512, sku: "Premium_LRS", source: { adoptId: DATA } }] }));
        const imports = ["cased-disk-legacy", "cased-os-disk"].map((name) => [
            recorder.get("azure-native:compute:Disk", name).options.import,
            recorder.get(GUARD, `${name}-adoption`).inputs["keepers"],
            recorder.get("azure-native:compute:Disk", name).inputs["diskName"],
        ]);
        expect(imports).toStrictEqual([
            ["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/RG/providers/microsoft.compute/Disks/Legacy-DATA", { adoptId: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/RG/providers/microsoft.compute/Disks/Legacy-DATA" }, "Legacy-DATA"],
            ["/SUBSCRIPTIONS/00000000-0000-0000-0000-000000000000/resourcegroups/Rg/providers/Microsoft.Compute/disks/Old-OS", { adoptId: "/SUBSCRIPTIONS/00000000-0000-0000-0000-000000000000/resourcegroups/Rg/providers/Microsoft.Compute/disks/Old-OS" }, "Old-OS"],
        ]);
    });
});

describe("GIVEN disk sources that are ambiguous or incomplete", () => {
    const plan = (dataDisks: Parameters<typeof planVm>[2]["dataDisks"]) => planVm("linux", "vm01", { ...base, dataDisks }, { sshPublicKeys: [ED25519_KEY] });

    it.each([
        {
            scenario: "two sources on one disk",
            disk: { name: "data", lun: 0, source: { copyFrom: SNAPSHOT, existingId: EXISTING } },
            problems: [{ path: "dataDisks[0].source", message: "sets copyFrom and existingId; a disk has one source (keep one)." }],
        },
        {
            scenario: "an empty disk without a size",
            disk: { name: "data", lun: 0 },
            problems: [{ path: "dataDisks[0].sizeGb", message: "is required for an empty disk (set sizeGb)." }],
        },
        {
            scenario: "an adopted disk without its size and SKU",
            disk: { name: "data", lun: 0, source: { adoptId: ADOPTED } },
            problems: [
                { path: "dataDisks[0].sizeGb", message: "is required for an adopted disk (give the disk's exact size)." },
                { path: "dataDisks[0].sku", message: "is required for an adopted disk (give the disk's exact SKU)." },
            ],
        },
        {
            scenario: "an adopted disk in another resource group",
            disk: { name: "data", lun: 0, sizeGb: 64, sku: "Premium_LRS" as const, source: { adoptId: EXISTING } },
            problems: [{ path: "dataDisks[0].source.adoptId", message: `is in resource group "rg-shared", not the VM's "rg"; an adopted disk stays where it is (move it first, or attach it with existingId).` }],
        },
        {
            scenario: "an adopted id that is not a disk",
            disk: { name: "data", lun: 0, sizeGb: 64, sku: "Premium_LRS" as const, source: { adoptId: SNAPSHOT } },
            problems: [{ path: "dataDisks[0].source.adoptId", message: `"${SNAPSHOT}" is not a managed disk id (/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Compute/disks/<name>).` }],
        },
        {
            scenario: "a protection mode on a disk the stack does not own",
            disk: { name: "data", lun: 0, protection: "retain" as const, source: { existingId: EXISTING } },
            problems: [{ path: "dataDisks[0].protection", message: "does not apply to a disk the stack does not own (remove it, or adopt the disk with adoptId)." }],
        },
    ])("THEN $scenario is refused with exactly its problems", ({ disk, problems }) => {
        expect(plan([disk])).toStrictEqual({ ok: false, problems });
    });

    it("THEN the component refuses them before registering anything", () => {
        const before = recorder.registrations.length;
        expect(() => new LinuxVm("ambiguous", { ...base, dataDisks: [{ name: "data", lun: 0, source: { copyFrom: SNAPSHOT, adoptId: ADOPTED } }] }))
            .toThrow(InvalidArgumentsError);
        expect(recorder.registrations.length).toBe(before);
    });
});
