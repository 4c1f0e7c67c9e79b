/**
 * A VHD uploaded straight into a managed disk (`source.upload`, `createOption: Upload`), in its two phases: the rules
 * that check what is knowable offline (the size with its footer, the 1 MiB alignment, Azure's range, an OS disk's
 * generation and size), and what the components register in each phase under the SDK's runtime mocks: in "upload" a
 * disk open to the upload and not attached (for an OS disk, no VM at all), in "attach" the same creation data, the
 * stack's closed network defaults again, and the disk attached.
 * Not proved here: that Azure accepts the upload, that `azcopy` and `az disk revoke-access` were run between the phases
 * (the stack cannot see the disk's state), or the engine's diff of the switch (test/tools/change-table.test.ts
 * predicts it for the lift-and-shift example).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { LinuxVm, WindowsVm, type DiskUploadArgs } from "../../components";
import { checkUpload, MAX_UPLOAD_BYTES, MIN_UPLOAD_BYTES, uploadSizeGb } from "../../components/internal";
import { installRecorder, type Recorder } from "../../tools/recorder/recorder";
import { named, settled } from "../support/components";
import { DISK_ID_PREFIX, ED25519_KEY, SUBNET_ID, type Rejected } from "../support/fixtures";
import { expectAccepted, expectRefused } from "../support/plan-tables";

let recorder: Recorder;
beforeAll(async () => {
    recorder = await installRecorder();
});

const GIB = 1_073_741_824;
/** Microsoft's example: a fixed VHD of 32 GiB, whose file is 512 bytes longer. */
const VHD_32_GIB = 32 * GIB + 512;
const DISK = "azure-native:compute:Disk";
const VM = "azure-native:compute:VirtualMachine";
const OPEN = { networkAccessPolicy: "AllowAll", publicNetworkAccess: "Enabled", encryption: { type: "EncryptionAtRestWithPlatformKey" } };
const CLOSED = { networkAccessPolicy: "DenyAll", publicNetworkAccess: "Disabled", encryption: { type: "EncryptionAtRestWithPlatformKey" } };
const base = { resourceGroupName: "rg", location: "westeurope", subnetId: SUBNET_ID, size: "Standard_D4s_v5", zone: "1" };
const upload = (phase: DiskUploadArgs["phase"], sizeBytes = VHD_32_GIB) => ({ upload: { sizeBytes, phase } });
const FIX = "give the VHD file's size in bytes, as `wc -c <file>.vhd` or `(Get-Item <file>.vhd).Length` shows it";

describe("GIVEN an upload's size WHEN it is checked", () => {
    it("THEN a fixed VHD's file size (a whole number of MiB and the 512-byte footer) is accepted, at both ends of Azure's range", () => {
        expect([VHD_32_GIB, MIN_UPLOAD_BYTES, MAX_UPLOAD_BYTES].map((sizeBytes) => checkUpload("source.upload", { sizeBytes, phase: "upload" })))
            .toStrictEqual([[], [], []]);
        expect([MIN_UPLOAD_BYTES, MAX_UPLOAD_BYTES]).toStrictEqual([20_972_032, 35_183_298_347_520]);
    });

    it("THEN the virtual size without the footer is refused, saying the file's size", () => {
        expect(checkUpload("source.upload", { sizeBytes: 32 * GIB, phase: "upload" })).toStrictEqual([{
            path: "source.upload.sizeBytes",
            message: `34359738368 is a whole number of MiB, so it lacks the VHD's 512-byte footer, which the upload includes: a fixed VHD of that virtual size is 34359738880 bytes (${FIX}).`,
        }]);
    });

    it("THEN a virtual size that is not a whole number of MiB is refused, with the size to resize to and the file's size after", () => {
        expect(checkUpload("source.upload", { sizeBytes: VHD_32_GIB + 1000, phase: "attach" })).toStrictEqual([{
            path: "source.upload.sizeBytes",
            message: "34359739880 is not a whole number of MiB plus the VHD's 512-byte footer (its virtual size, 34359739368 bytes, is 1000 bytes past 32768 MiB), and Azure takes only VHDs whose virtual size is a whole number of MiB: resize the VHD to 34360786944 bytes (`Resize-VHD -SizeBytes 34360786944` on Hyper-V, or `qemu-img resize -f raw <file>.raw 32769M` before `qemu-img convert -f raw -o subformat=fixed,force_size -O vpc`), then give the new file's size, 34360787456.",
        }]);
    });

    it("THEN sizes outside Azure's range, a fraction and an unknown phase are refused", () => {
        expect([
            checkUpload("u", { sizeBytes: MIN_UPLOAD_BYTES - 1_048_576, phase: "upload" }),
            checkUpload("u", { sizeBytes: MAX_UPLOAD_BYTES + 1_048_576, phase: "upload" }),
            checkUpload("u", { sizeBytes: 1.5, phase: "upload" }),
            checkUpload("u", { sizeBytes: VHD_32_GIB, phase: "attached" as DiskUploadArgs["phase"] }),
        ]).toStrictEqual([
            [{ path: "u.sizeBytes", message: `19923456 is outside 20972032-35183298347520 bytes, the uploads Azure takes (20 MiB to 32,767 GiB, plus the VHD's 512-byte footer); ${FIX}.` }],
            [{ path: "u.sizeBytes", message: `35183299396096 is outside 20972032-35183298347520 bytes, the uploads Azure takes (20 MiB to 32,767 GiB, plus the VHD's 512-byte footer); ${FIX}.` }],
            [{ path: "u.sizeBytes", message: `1.5 is not a whole number of bytes (${FIX}).` }],
            [{ path: "u.phase", message: `"attached" is not an upload phase; use "upload" or "attach".` }],
        ]);
    });

    it("THEN the GiB an upload fills are its virtual size, rounded up", () => {
        expect([uploadSizeGb(VHD_32_GIB), uploadSizeGb(MIN_UPLOAD_BYTES), uploadSizeGb(VHD_32_GIB + 1_048_576)]).toStrictEqual([32, 1, 33]);
    });
});

const REFUSED: readonly Rejected[] = [
    {
        scenario: "a data disk given a size while it is being uploaded",
        os: "linux",
        args: { dataDisks: [{ name: "data", lun: 0, sizeGb: 64, source: upload("upload") }] },
        credentials: { sshPublicKeys: [ED25519_KEY] },
        problems: [{ path: "dataDisks[0].sizeGb", message: `is set, but source.upload.phase is "upload": the disk is created at the upload's size (sizeBytes); grow it once it is uploaded (set sizeGb with phase: "attach").` }],
    },
    {
        scenario: "an attached upload given a size below what the VHD fills",
        os: "linux",
        args: { dataDisks: [{ name: "data", lun: 0, sizeGb: 16, source: upload("attach") }] },
        credentials: { sshPublicKeys: [ED25519_KEY] },
        problems: [{ path: "dataDisks[0].sizeGb", message: "16 GiB is smaller than the uploaded VHD, which fills 32 GiB, and Azure cannot shrink a disk (set at least 32, or remove sizeGb)." }],
    },
    {
        scenario: "a data disk formatted while it is being uploaded",
        os: "linux",
        args: { dataDisks: [{ name: "data", lun: 0, format: true, source: upload("upload") }] },
        credentials: { sshPublicKeys: [ED25519_KEY] },
        problems: [{ path: "dataDisks[0].format", message: `is set, but source.upload.phase is "upload": the disk is not attached until phase "attach" (set format: true together with phase: "attach").` }],
    },
    {
        scenario: "an uploaded OS disk without its generation",
        os: "windows",
        args: { osDisk: { source: upload("upload") }, securityType: "Standard" },
        problems: [{ path: "osDisk.hyperVGeneration", message: `is required for an uploaded OS disk: "V2" for a UEFI (Generation 2) VHD, "V1" for a BIOS (Generation 1) one; Azure cannot change it once the disk exists (set the VHD's generation).` }],
    },
    {
        scenario: "a Generation 1 OS VHD for a Trusted Launch VM, as for an image",
        os: "windows",
        args: { osDisk: { source: upload("attach"), hyperVGeneration: "V1" } },
        problems: [{ path: "securityType", message: `"TrustedLaunch" needs a Gen2 image, and the attached OS disk is Gen1 (use a Gen2 image, or set securityType: "Standard").` }],
    },
    {
        scenario: "a Generation 1 OS VHD larger than 2 TiB",
        os: "windows",
        args: { osDisk: { source: upload("upload", 2_049 * GIB + 512), hyperVGeneration: "V1" }, securityType: "Standard" },
        problems: [{ path: "osDisk.source.upload.sizeBytes", message: "2200096997888 bytes fill 2049 GiB, and a Generation 1 OS disk boots from at most 2048 GiB (shrink the OS volume and the VHD before the upload, or move data to a data disk)." }],
    },
    {
        scenario: "a Generation 2 OS VHD larger than an OS disk can be",
        os: "linux",
        args: { osDisk: { source: upload("upload", 4_096 * GIB + 512), hyperVGeneration: "V2" } },
        problems: [{ path: "osDisk.source.upload.sizeBytes", message: "4398046511616 bytes fill 4096 GiB, and an OS disk is at most 4095 GiB (shrink the OS volume and the VHD before the upload, or move data to a data disk)." }],
    },
];

describe("GIVEN a VM with uploaded disks WHEN what the preflight knows of the VHDs does not fit", () => {
    it.each(REFUSED)("THEN $scenario is refused", (row) => expectRefused(row));

    it("THEN a Generation 1 OS VHD of exactly 2 TiB on a Standard VM is accepted, with the reminder to upload it", () => {
        expectAccepted({
            scenario: "2 TiB Gen1", os: "windows",
            args: { osDisk: { source: upload("upload", 2_048 * GIB + 512), hyperVGeneration: "V1" }, securityType: "Standard" },
            resolved: (plan) => [plan.osDisk.source, plan.osDisk.upload, plan.osDisk.hyperVGeneration],
            value: ["upload", { sizeBytes: 2_048 * GIB + 512, phase: "upload" }, "V1"],
            warnings: [{
                path: "osDisk.source.upload.phase",
                message: `is "upload": the OS disk "vm01-os-disk" accepts an upload from any network and the VM is not created yet; upload the VHD (az disk grant-access -n vm01-os-disk --access-level Write, then azcopy copy <file>.vhd <sas> --blob-type PageBlob), run az disk revoke-access -n vm01-os-disk, then set phase: "attach", which creates the VM.`,
            }],
        });
    });

    it("THEN an uploaded data disk of 5 TiB takes no host caching by default, as a disk given that size", () => {
        expectAccepted({
            scenario: "5 TiB upload", os: "linux", credentials: { sshPublicKeys: [ED25519_KEY] },
            args: { dataDisks: [{ name: "archive", lun: 0, source: upload("attach", 5_120 * GIB + 512) }] },
            resolved: (plan) => [plan.dataDisks[0]?.caching, plan.dataDisks[0]?.sizeGb],
            value: ["None", undefined],
        });
    });
});

describe("GIVEN a Linux VM on an image whose data disk is being uploaded", () => {
    let vm: LinuxVm;
    beforeAll(async () => {
        vm = new LinuxVm("upd", {
            ...base, sshPublicKeys: [ED25519_KEY],
            dataDisks: [{ name: "data", lun: 0, source: upload("upload") }, { name: "fast", lun: 1, sku: "PremiumV2_LRS", source: upload("upload") }],
        });
        await settled(vm);
    });

    it("THEN the disk is created for the upload: createOption Upload with the file's size, open to a SAS from any network, encrypted", () => {
        expect(recorder.get(DISK, "upd-disk-data").inputs).toStrictEqual({
            resourceGroupName: "rg", location: "westeurope", diskName: "upd-disk-data",
            creationData: { createOption: "Upload", uploadSizeBytes: VHD_32_GIB }, sku: { name: "Premium_LRS" }, zones: ["1"], ...OPEN,
        });
    });

    it("THEN a Premium SSD v2 upload takes the VHD's 512-byte sectors", () => {
        expect(recorder.get(DISK, "upd-disk-fast").inputs["creationData"]).toStrictEqual({ createOption: "Upload", uploadSizeBytes: VHD_32_GIB, logicalSectorSize: 512 });
    });

    it("THEN the disk is protected like any disk the stack owns, and the VM is created without it", () => {
        expect(recorder.get(DISK, "upd-disk-data").options.protect).toBe(true);
        expect((recorder.get(VM, "upd-vm").inputs["storageProfile"] as { dataDisks: unknown[] }).dataDisks).toStrictEqual([]);
    });
});

describe("GIVEN the same VM once the upload is done and access revoked (phase attach)", () => {
    let vm: LinuxVm;
    beforeAll(async () => {
        vm = new LinuxVm("att", {
            ...base, sshPublicKeys: [ED25519_KEY],
            dataDisks: [{ name: "data", lun: 0, format: true, source: upload("attach") }],
        });
        await settled(vm);
    });

    it("THEN the disk keeps its creation data, so the switch replaces nothing, and is closed to the network again", () => {
        expect(recorder.get(DISK, "att-disk-data").inputs).toStrictEqual({
            resourceGroupName: "rg", location: "westeurope", diskName: "att-disk-data",
            creationData: { createOption: "Upload", uploadSizeBytes: VHD_32_GIB }, sku: { name: "Premium_LRS" }, zones: ["1"], ...CLOSED,
        });
    });

    it("THEN the VM attaches it at its LUN, and its format command (which only mounts a disk that holds a file system) follows", () => {
        expect((recorder.get(VM, "att-vm").inputs["storageProfile"] as { dataDisks: unknown[] }).dataDisks).toStrictEqual([
            { lun: 0, createOption: "Attach", deleteOption: "Detach", caching: "ReadOnly", managedDisk: { id: `${DISK_ID_PREFIX}att-disk-data` } },
        ]);
        expect(named(recorder, "att").map((r) => r.name).sort()).toStrictEqual(["att", "att-access", "att-disk-data", "att-format-data", "att-nic", "att-vm"]);
    });
});

describe("GIVEN a Windows server whose OS and data VHDs are being uploaded", () => {
    let vm: WindowsVm;
    beforeAll(async () => {
        vm = new WindowsVm("lifted", {
            ...base,
            osDisk: { source: upload("upload", 128 * GIB + 512), hyperVGeneration: "V2" },
            dataDisks: [{ name: "data", lun: 0, source: upload("upload") }, { name: "logs", lun: 1, sizeGb: 64 }],
        });
        await settled(vm);
    });

    it("THEN only the NIC and the disks exist: no VM can boot from a disk that holds no OS yet, and no credential is made", () => {
        expect(named(recorder, "lifted").map((r) => `${r.type}::${r.name}`).sort()).toStrictEqual([
            `${DISK}::lifted-disk-data`, `${DISK}::lifted-disk-logs`, `${DISK}::lifted-os-disk`,
            "azure-native:network:NetworkInterface::lifted-nic", "azure-persistent-vm:index:WindowsVm::lifted",
        ]);
    });

    it("THEN the OS disk is a Windows Gen2 Trusted Launch disk created for the upload, open to it", () => {
        expect(recorder.get(DISK, "lifted-os-disk").inputs).toStrictEqual({
            resourceGroupName: "rg", location: "westeurope", diskName: "lifted-os-disk",
            creationData: { createOption: "Upload", uploadSizeBytes: 128 * GIB + 512 }, sku: { name: "Premium_LRS" }, zones: ["1"], ...OPEN,
            osType: "Windows", hyperVGeneration: "V2", securityProfile: { securityType: "TrustedLaunch" },
        });
    });

    it("THEN the component's VM handles stand for the OS disk, and its VM outputs are empty", async () => {
        const disk = recorder.get(DISK, "lifted-os-disk");
        const [vmUrn, lastUrn] = await Promise.all([vm.virtualMachine.urn, vm.lastGuestStep.urn].map((o) => new Promise<string>((resolve) => o.apply(resolve))));
        const outputs = await Promise.all([vm.vmId, vm.vmName, vm.principalId, vm.osDiskName].map((o) => new Promise<string>((resolve) => o.apply(resolve))));
        expect([vmUrn, lastUrn, outputs]).toStrictEqual([disk.urn, disk.urn, ["", "", "", "lifted-os-disk"]]);
    });
});

describe("GIVEN that server once its VHDs are uploaded (phase attach, the agent stated)", () => {
    beforeAll(async () => {
        const vm = new WindowsVm("moved", {
            ...base,
            osDisk: { source: upload("attach", 128 * GIB + 512), hyperVGeneration: "V2", vmAgentInstalled: true },
            dataDisks: [{ name: "data", lun: 0, format: true, source: upload("attach") }],
        });
        await settled(vm);
    });

    it("THEN the VM is created on its own OS disk, which is closed to the network again with the same creation data", () => {
        expect(recorder.get(DISK, "moved-os-disk").inputs).toStrictEqual({
            resourceGroupName: "rg", location: "westeurope", diskName: "moved-os-disk",
            creationData: { createOption: "Upload", uploadSizeBytes: 128 * GIB + 512 }, sku: { name: "Premium_LRS" }, zones: ["1"], ...CLOSED,
            osType: "Windows", hyperVGeneration: "V2", securityProfile: { securityType: "TrustedLaunch" },
        });
        const storage = recorder.get(VM, "moved-vm").inputs["storageProfile"] as { osDisk: unknown; dataDisks: unknown[] };
        expect([storage.osDisk, storage.dataDisks.length, recorder.get(VM, "moved-vm").inputs["osProfile"]]).toStrictEqual([
            { createOption: "Attach", osType: "Windows", deleteOption: "Detach", caching: "ReadWrite", managedDisk: { id: `${DISK_ID_PREFIX}moved-os-disk` } }, 1, undefined,
        ]);
    });

    it("THEN the data disk's format command runs, the agent being stated", () => {
        expect(recorder.get("azure-native:compute:VirtualMachineRunCommandByVirtualMachine", "moved-format-data").inputs["runCommandName"]).toBe("format-data");
    });
});
