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

/** The Hyper-V generations an imported OS disk VHD can have. */
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
     * Build the VM from an existing OS disk instead of an image: copy a disk or snapshot, import a VHD, adopt a disk
     * (e.g. the one a deleted VM left behind) or attach one by id. The VM then takes no image and no OS settings
     * (computer name, administrator, credentials, custom data): the disk brings them.
     * @default none: the OS disk is created from the image
     */
    readonly source?: DiskSourceArgs;
    /**
     * The Hyper-V generation of an imported VHD: "V2" (UEFI, can be Trusted Launch) or "V1" (BIOS, needs
     * `securityType: "Standard"`).
     * @default "V2"
     */
    readonly hyperVGeneration?: HyperVGeneration;
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
     * Size in GiB. Required for an empty or adopted disk.
     * @default for a copy or an import, the source's size
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
