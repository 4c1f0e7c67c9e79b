/**
 * What happens to a disk when it leaves the stack, in one place: the protection modes, the resource options each
 * mode sets, the OS disk's delete option, the create-only properties that make a disk change a replacement (which
 * `protect` then refuses at preview), the guard that makes a changed `adoptId` a refused change, and the way back from
 * a registration's options to its mode, which the offline plan uses to show each disk's protection. Pure.
 */
import type { DiskProtection } from "./disk-args";

/** The mode of a data disk that sets none, and of a VM that sets no `diskProtection`. */
export const DEFAULT_DISK_PROTECTION: DiskProtection = "protect";

/**
 * The resource options a disk the stack owns carries in each mode: "protect" sets `protect` and `retainOnDelete`,
 * "retain" sets `retainOnDelete`, "delete" sets neither.
 *
 * Why "protect" also retains: `protect` is checked only for a delete that is not part of a replacement. A delete that
 * is (an import-replacement, a dependent replacement, a pending delete left by a failed update and run by the next)
 * skips it, but honours the old state's `retainOnDelete` (pulumi/pulumi v3.259.0, pkg/resource/deploy/step.go:644-662).
 * So a protected disk that such a delete reaches (a changed `adoptId` in the same update as a move from "protect" to
 * another mode, an `adoptId` given to a key whose disk the stack created, a `--target` that passes the adoption guard
 * by) leaves the stack and stays in Azure, instead of being deleted. Adding the option to a deployed disk changes no
 * input: an options-only `same` step, which the engine records in the state. A consequence: `pulumi state unprotect`
 * of such a disk, then removing it, forgets it and leaves it in Azure; to delete it with Pulumi, move it to "delete"
 * first, in an update of its own.
 */
export function protectionOptions(mode: DiskProtection): { readonly protect: boolean; readonly retainOnDelete: boolean } {
    return { protect: mode === "protect", retainOnDelete: mode !== "delete" };
}

/**
 * A disk's mode, read back from the options it was registered with (the inverse of `protectionOptions`): what the
 * offline plan prints for each disk. `protect` decides, whatever `retainOnDelete` is.
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
 * and, for an adopted disk, the import id with its creation data ignored (so adoption never rewrites it). The import
 * id is the `adoptId` exactly as given, never normalised: the engine compares it as a string with the one in the
 * stack's state, and any other string, even in another letter case, is an import-replacement.
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

/**
 * The guard of an adopted disk: a `random.RandomUuid` whose `keepers` hold the `adoptId`, protected exactly when the
 * disk is, registered before the disk (the disk depends on it).
 *
 * Why: a registration whose `import` id differs from the one in the state is an import-replacement. The engine
 * imports the new id and deletes the old resource at the end, and that delete skips the `protect` check because it
 * is part of a replacement (pulumi/pulumi v3.259.0, pkg/resource/deploy/step_generator.go:1113 `isImport`, :1195
 * `NewImportReplacementStep`; step.go:647 `!s.replacing && s.old.Protect`). So `protect` alone would let a changed
 * `adoptId` delete the adopted disk. A changed `keepers` value replaces the guard (terraform-provider-random's
 * `RequiresReplaceIfValuesNotNull` on `keepers`), and the engine refuses to replace a resource protected before and
 * after while it generates that resource's steps (step_generator.go:1958), which `pulumi up` turns into a stop before
 * the disk, which waits for the guard, is registered. In mode "retain" the guard is not protected: the old disk is
 * kept in Azure, because a replacement's delete honours the old state's `retainOnDelete` (step.go:661). In mode
 * "delete" the old disk is deleted, as that mode says. Where the guard is passed by (the mode leaves "protect" in the
 * same update, or a `--target` names the disk and not its guard), a protected disk is kept in Azure all the same: it
 * also carries `retainOnDelete` (`protectionOptions`). The guard itself holds no data and has no Azure resource, so it
 * carries no `retainOnDelete`.
 */
export interface AdoptionGuardPlan {
    /** `<disk resource name>-adoption`. */
    readonly resourceName: string;
    readonly keepers: { readonly adoptId: string };
    readonly protect: boolean;
}

/** The guard of a disk adopted with `importId`, or none for a disk that is not adopted. */
export function planAdoptionGuard(diskResourceName: string, importId: string | undefined, protect: boolean): AdoptionGuardPlan | undefined {
    return importId === undefined ? undefined : { resourceName: `${diskResourceName}-adoption`, keepers: { adoptId: importId }, protect };
}
