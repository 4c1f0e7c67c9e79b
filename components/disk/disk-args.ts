/**
 * The disk arguments of a VM: its OS disk, its persistent data disks, where an existing disk's data comes from, and
 * the value lists their enums take. Structure (keys, LUNs, SKUs) is plain values; only values flow as `pulumi.Input`.
 */
import type * as pulumi from "@pulumi/pulumi";

/** Managed disk SKUs. */
export const DISK_SKUS = [
    "Standard_LRS", "StandardSSD_LRS", "StandardSSD_ZRS", "Premium_LRS", "Premium_ZRS", "PremiumV2_LRS", "UltraSSD_LRS",
] as const;
export type DiskSku = (typeof DISK_SKUS)[number];

/** Host caching modes. */
export const CACHING_MODES = ["None", "ReadOnly", "ReadWrite"] as const;
export type Caching = (typeof CACHING_MODES)[number];

/**
 * What happens to a disk when it leaves the stack: `protect` (Pulumi refuses to delete it; the disk also carries
 * `retainOnDelete`, so a delete that skips the protection, as one that is part of a replacement does, or removing the
 * disk after `pulumi state unprotect`, forgets it and Azure keeps it), `retain` (Pulumi forgets it and Azure keeps it),
 * `delete` (Pulumi deletes it; for scratch disks). To delete a protected disk with Pulumi, set `delete` in one update,
 * then remove it. For the OS disk: kept when the VM is deleted, except with `delete`.
 */
export const DISK_PROTECTIONS = ["protect", "retain", "delete"] as const;
export type DiskProtection = (typeof DISK_PROTECTIONS)[number];

/** The Hyper-V generations an imported or uploaded OS disk VHD can have. */
export const HYPER_V_GENERATIONS = ["V1", "V2"] as const;
export type HyperVGeneration = (typeof HYPER_V_GENERATIONS)[number];

/** The file systems a blank data disk can get, by OS. */
export const LINUX_FILE_SYSTEMS = ["ext4", "xfs"] as const;
export type LinuxFileSystem = (typeof LINUX_FILE_SYSTEMS)[number];
export const WINDOWS_FILE_SYSTEMS = ["NTFS", "ReFS"] as const;
export type WindowsFileSystem = (typeof WINDOWS_FILE_SYSTEMS)[number];
export type FileSystem = LinuxFileSystem | WindowsFileSystem;

/** The VM's OS disk, created from the image. */
export interface OsDiskArgs {
    /**
     * Size in GiB.
     * @default the image's own size (about 30 GiB for Linux images, 127 GiB for Windows Server)
     */
    readonly sizeGb?: number;
    /**
     * Disk SKU. Premium SSD v2 and Ultra disks cannot be OS disks. Changing a given SKU replaces the VM (delete-first;
     * the new VM gets a fresh OS disk from its image).
     * @default "Premium_LRS" when the size supports premium storage, otherwise "StandardSSD_LRS", chosen when the VM is
     * created and kept: a later resize leaves the OS disk's SKU as it is and never replaces the VM
     */
    readonly sku?: DiskSku;
    /**
     * Host caching.
     * @default "ReadWrite"
     */
    readonly caching?: Caching;
    /**
     * Build the VM from an existing OS disk instead of an image: copy a disk or snapshot, import or upload a VHD, adopt
     * a disk (e.g. the one a deleted VM left behind) or attach one by id. The VM then takes no image and no OS settings
     * (computer name, administrator, credentials, custom data): the disk brings them.
     * @default none: the OS disk is created from the image
     */
    readonly source?: DiskSourceArgs;
    /**
     * The Hyper-V generation of an imported or uploaded VHD: "V2" (UEFI, can be Trusted Launch) or "V1" (BIOS, needs
     * `securityType: "Standard"`). Required for an upload (`source.upload`): Azure cannot change a disk's generation
     * later, and a wrong one does not boot.
     * @default "V2" for an imported VHD
     */
    readonly hyperVGeneration?: HyperVGeneration;
    /**
     * Whether the OS on a disk brought with `source` has the Azure VM agent (waagent on Linux, the Windows Guest Agent
     * on Windows) installed and running. Data disk `format`, `azureMonitor`, `backup`, `domainJoin` and `entraIdLogin`
     * run through it (Run Commands and VM extensions); without the agent they wait until Azure gives up and the update
     * fails. A VM made from an image has it, so the field is only for `source`.
     * @default unknown: for an imported or uploaded VHD those features are refused; for a copied, adopted or attached
     * disk (most often an Azure VM's, which has the agent) they are accepted with a warning
     */
    readonly vmAgentInstalled?: boolean;
}

/**
 * The phases of a disk uploaded with `source.upload`: "upload" (the disk is created empty, open to an upload, and not
 * attached), then "attach" once the VHD is uploaded and write access revoked (the disk is closed to exports again and
 * attached).
 */
export const UPLOAD_PHASES = ["upload", "attach"] as const;
export type UploadPhase = (typeof UPLOAD_PHASES)[number];

/**
 * A VHD uploaded straight into the managed disk (`createOption: Upload`), in two phases. With `phase: "upload"` the
 * stack creates the disk ready for an upload (network access `AllowAll`, public network access enabled, both
 * needed to write it with a SAS from outside Azure) and does not attach it; an OS disk in that phase means no VM yet.
 * Then: `az disk grant-access --access-level Write`, `azcopy copy <file>.vhd <sas> --blob-type PageBlob`,
 * `az disk revoke-access`, and set `phase: "attach"`: the disk gets the stack's `DenyAll` and disabled public access
 * again, in place, and the VM attaches it (or is created, for an OS disk). Neither phase changes the disk's creation
 * data, so the switch never replaces the disk. docs/durability.md has the walkthrough.
 */
export interface DiskUploadArgs {
    /**
     * The VHD file's size in bytes, as `wc -c <file>.vhd` or `(Get-Item <file>.vhd).Length` gives it: a fixed-size
     * VHD's virtual size, a whole number of MiB, plus its 512-byte footer; from 20 MiB + 512 to 32,767 GiB + 512 bytes
     * (`uploadSizeBytes`). Changing it would replace the disk, which the disk's protection refuses.
     */
    readonly sizeBytes: number;
    /** "upload" until the VHD is uploaded and access revoked, then "attach". */
    readonly phase: UploadPhase;
}

/** A VHD in a storage account, to import into a managed disk. */
export interface VhdArgs {
    /** The VHD's blob URI, e.g. `https://<account>.blob.core.windows.net/vhds/data.vhd`. */
    readonly uri: pulumi.Input<string>;
    /** The resource id of the storage account that holds it. */
    readonly storageAccountId: pulumi.Input<string>;
}

/**
 * Where an existing disk's data comes from: set at most one field. Without any, the disk is created empty.
 */
export interface DiskSourceArgs {
    /** Copy a managed disk or a snapshot, given by resource id (`createOption: Copy`). */
    readonly copyFrom?: pulumi.Input<string>;
    /** Import a VHD from a storage account (`createOption: Import`). */
    readonly importVhd?: VhdArgs;
    /**
     * Adopt an existing managed disk into the stack, by resource id (the `import` resource option). It must be in the
     * VM's resource group; give its exact `sizeGb` and `sku`. Its creation data is ignored, so adoption never
     * rewrites it, and no security default is sent, so the import matches the disk as it is. The id is sent exactly
     * as written, so keep it so, letter case included: once the disk is in the stack, a different string (even the
     * same id in other letters) would import a disk again and delete the one the stack holds. A guard
     * (`<disk>-adoption`, a protected `random.RandomUuid` holding the id) makes that change fail for a protected
     * disk; to adopt another disk, give it a new key.
     */
    readonly adoptId?: string;
    /** Attach an existing managed disk by resource id without owning it: the stack never changes or deletes it. */
    readonly existingId?: pulumi.Input<string>;
    /** Upload a local VHD straight into a new managed disk (`createOption: Upload`), in two phases. */
    readonly upload?: DiskUploadArgs;
}

/** A persistent data disk: its own managed disk resource, attached to the VM, kept when the VM goes. */
export interface DataDiskArgs {
    /**
     * The disk's stable key: it names the disk (`<vm>-disk-<name>`) and identifies it across changes, so reordering
     * the list never touches a disk. Letters, digits and hyphens, up to 32 characters.
     */
    readonly name: string;
    /** Logical unit number the disk is attached at, 0-63, unique per VM. */
    readonly lun: number;
    /**
     * Size in GiB. Required for an empty or adopted disk. For an upload, only in its "attach" phase, to grow the disk.
     * @default for a copy, an import or an upload, the source's size
     */
    readonly sizeGb?: number;
    /**
     * Where the disk's data comes from.
     * @default an empty disk
     */
    readonly source?: DiskSourceArgs;
    /**
     * Disk SKU.
     * @default "Premium_LRS" when the size supports premium storage, otherwise "StandardSSD_LRS"
     */
    readonly sku?: DiskSku;
    /**
     * Host caching.
     * @default "ReadOnly"; "None" for Premium SSD v2, Ultra and disks of 4 TiB and more, which take no caching
     */
    readonly caching?: Caching;
    /**
     * Provisioned IOPS (`diskIOPSReadWrite`), for a Premium SSD v2 or Ultra disk only: other SKUs' performance follows
     * their size. Premium SSD v2: 3,000 up to 500 per GiB above 6 GiB, at most 80,000; Ultra Disk: 100 up to 1,000
     * per GiB, at most 400,000 (Microsoft Learn, "Azure managed disk types"). Changes in place.
     * @default Azure's: 3,000 on Premium SSD v2 (free of charge); by size on Ultra Disk
     */
    readonly iops?: number;
    /**
     * Provisioned throughput in MB/s (`diskMBpsReadWrite`), for a Premium SSD v2 or Ultra disk only. Premium SSD v2:
     * 125 up to 0.25 per provisioned IOPS, at most 2,000 (125 on a disk of 6 GiB or less); Ultra Disk: 1 up to 0.25
     * per provisioned IOPS, at most 10,000. Changes in place.
     * @default Azure's: 125 on Premium SSD v2 (free of charge); by IOPS on Ultra Disk
     */
    readonly throughputMBps?: number;
    /**
     * Make the disk ready to use in the guest. A Run Command finds it by LUN, gives it one GPT partition and a file
     * system only if it is blank, and mounts it at `/data/<name>` (Linux, by UUID in /etc/fstab, `nofail`) or at the
     * folder `C:\data\<name>` (Windows). A disk that already holds a partition table or a file system is never
     * formatted, only mounted, or refused with a message when it holds something else. The command runs again when it
     * changes and on a replaced VM, which mounts the kept disk on the new machine.
     * @default false: the disk is attached raw
     */
    readonly format?: boolean;
    /**
     * The file system a blank disk gets: "ext4" or "xfs" on Linux, "NTFS" or "ReFS" on Windows. Needs `format`.
     * @default "ext4" on Linux, "NTFS" on Windows
     */
    readonly fileSystem?: FileSystem;
    /**
     * What happens to this disk when it leaves the stack: "protect" (Pulumi refuses to delete it, and whatever gets
     * past that keeps it in Azure), "retain" (Pulumi forgets it, Azure keeps it) or "delete" (for scratch disks).
     * @default the VM's `diskProtection`
     */
    readonly protection?: DiskProtection;
}


/**
 * Entra ID checks on a disk's export and upload URLs (`dataAccessAuthMode`): the only value offered, as an opt-in.
 * Microsoft Learn, "Secure downloads and uploads with Microsoft Entra ID" (virtual-machines/windows/download-vhd).
 */
export const DATA_ACCESS_AUTH_MODES = ["AzureActiveDirectory"] as const;
export type DataAccessAuthMode = (typeof DATA_ACCESS_AUTH_MODES)[number];
