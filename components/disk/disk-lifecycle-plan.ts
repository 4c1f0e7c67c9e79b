/**
 * What happens to a disk when it leaves the stack, in one place: the protection modes, the resource options each
 * mode sets, the OS disk's delete option, the create-only properties that make a disk change a replacement (which
 * `protect` then refuses at preview), and the way back from a registration's options to its mode, which the offline
 * plan uses to show each disk's protection. Pure.
 */
import type { DiskProtection } from "./disk-args";

/** The mode of a data disk that sets none, and of a VM that sets no `diskProtection`. */
export const DEFAULT_DISK_PROTECTION: DiskProtection = "protect";

/** The resource options a disk the stack owns carries in each mode; "delete" sets neither. */
export function protectionOptions(mode: DiskProtection): { readonly protect: boolean; readonly retainOnDelete: boolean } {
    return { protect: mode === "protect", retainOnDelete: mode === "retain" };
}

/**
 * A disk's mode, read back from the options it was registered with (the inverse of `protectionOptions`): what the
 * offline plan prints for each disk.
 */
export function protectionOf(options: { readonly protect: boolean; readonly retainOnDelete: boolean }): DiskProtection {
    return options.protect ? "protect" : options.retainOnDelete ? "retain" : "delete";
}

/** What Azure does with a VM's OS disk when the VM is deleted: kept (detached) unless the mode is "delete". */
export function osDiskDeleteOption(mode: DiskProtection): "Detach" | "Delete" {
    return mode === "delete" ? "Delete" : "Detach";
}

/**
 * Create-only properties of `Microsoft.Compute/disks` (API 2024-03-02, the version azure-native 3.x uses), as
 * azure-native input paths. A change to one becomes a planned replacement, which `protect` refuses at preview,
 * instead of an update Azure rejects at deploy. Sources: the ForceNew fields of azurerm's managed_disk_resource.go
 * (zone, create_option, source_uri, source_resource_id, storage_account_id, image_reference_id, hyper_v_generation,
 * security_type, edge_zone, logical_sector_size, location) and the disk API ("creationData: cannot be changed after
 * the disk has been created"). Size, SKU, tier, caching and encryption are updatable and left out.
 */
export const DISK_REPLACE_ON_CHANGES: readonly string[] = [
    "location",
    "zones",
    "extendedLocation",
    "creationData",
    "hyperVGeneration",
    "securityProfile",
];

/** The lifecycle of a disk the stack owns, as its plan holds it. */
export interface OwnedDiskLifecycle {
    readonly protect: boolean;
    readonly retainOnDelete: boolean;
    /** The id given to the `import` resource option, for an adopted disk. */
    readonly importId: string | undefined;
}

/**
 * The resource options of a disk the stack owns: its protection, replaceOnChanges for its create-only properties,
 * and, for an adopted disk, the import id with its creation data ignored (so adoption never rewrites it).
 */
export function diskResourceOptions(disk: OwnedDiskLifecycle) {
    const adopted = disk.importId !== undefined;
    return {
        protect: disk.protect,
        retainOnDelete: disk.retainOnDelete,
        replaceOnChanges: DISK_REPLACE_ON_CHANGES.filter((p) => !adopted || p !== "creationData"),
        ignoreChanges: adopted ? ["creationData"] : undefined,
        import: disk.importId,
    };
}
