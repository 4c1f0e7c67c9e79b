/**
 * Pure planning for a VM's OS disk: created from the image (the default), or brought from an existing disk (a copy,
 * a VHD import or upload, an adopted disk or one attached by id), which rebuilds a VM from its disk. The disk rules check the
 * arguments first; then the plan is decided from them.
 */
import type { Problem } from "../core/problems";
import type { Caching, DiskProtection, DiskSku, OsDiskArgs } from "./disk-args";
import { ZONE_REDUNDANT_SKUS, checkOsDisk, sourceKind, type DiskSourceKind } from "./disk-rules";
import { osDiskDeleteOption, planAdoptionGuard, protectionOptions, type AdoptionGuardPlan } from "./disk-lifecycle-plan";
import type { UploadPlan } from "./data-disk-plan";

export interface OsDiskPlan {
    /** "image": created with the VM; otherwise the VM attaches a disk made or named by `osDisk.source`. */
    readonly source: "image" | Exclude<DiskSourceKind, "empty">;
    readonly sizeGb: number | undefined;
    /** Undefined for a disk the stack does not own. */
    readonly sku: DiskSku | undefined;
    readonly caching: Caching;
    /** The zone list of a disk the stack declares: the VM's zone, none for zone-redundant SKUs and regional VMs. */
    readonly zones: readonly string[] | undefined;
    /** Detach (kept) unless the VM's diskProtection is "delete". */
    readonly deleteOption: "Detach" | "Delete";
    /** For an upload: its size and phase; in the "upload" phase the VM is not declared (it cannot exist without its OS disk). */
    readonly upload: UploadPlan | undefined;
    /** For a disk the stack declares (copy, import, upload, adopt). */
    readonly resourceName: string;
    readonly diskName: string;
    /** The id given to the `import` resource option, for an adopted disk: the `adoptId` exactly as given. */
    readonly importId: string | undefined;
    /** For an adopted disk, the guard that makes a changed `adoptId` a refused change (see `planAdoptionGuard`). */
    readonly adoptionGuard: AdoptionGuardPlan | undefined;
    readonly hyperVGeneration: "V1" | "V2" | undefined;
    readonly protect: boolean;
    readonly retainOnDelete: boolean;
}

/** What an OS disk takes from its VM. */
export interface OsDiskDefaults {
    /** The VM's zone, if it is zonal. */
    readonly zone: string | undefined;
    /** The VM's resource group, when it is a plain value (an adopted disk must be in it). */
    readonly resourceGroupName: string | undefined;
    /** The VM's `diskProtection`. */
    readonly protection: DiskProtection;
    /** The SKU for the VM's size (see `defaultDiskSku`). */
    readonly sku: DiskSku;
}

/**
 * @param name the VM component's name
 * @param vmName the VM's Azure name
 */
export function planOsDisk(name: string, vmName: string, osDisk: OsDiskArgs | undefined, defaults: OsDiskDefaults): { plan: OsDiskPlan; problems: Problem[] } {
    // What the disk takes when an argument is not given; a disk attached by id is not the stack's, so it has no SKU.
    const owned = sourceKind("osDisk.source", osDisk?.source).kind !== "existing";
    const sku = owned ? (osDisk?.sku ?? defaults.sku) : osDisk?.sku;
    const caching = osDisk?.caching ?? "ReadWrite";
    // Every rule, before anything is planned from the values.
    const checked = checkOsDisk(osDisk, { sku, caching }, defaults.resourceGroupName);
    const source = checked.kind === "empty" ? "image" : checked.kind;
    // A disk made with the VM is the VM's: its protection is the VM's delete option, not resource options.
    const options = owned && source !== "image" ? protectionOptions(defaults.protection) : { protect: false, retainOnDelete: false };
    const resourceName = `${name}-os-disk`;
    const importId = source === "adopt" ? osDisk?.source?.adoptId : undefined;
    return {
        plan: {
            source,
            sizeGb: osDisk?.sizeGb,
            sku,
            caching,
            zones: defaults.zone === undefined || (sku !== undefined && ZONE_REDUNDANT_SKUS.includes(sku)) ? undefined : [defaults.zone],
            deleteOption: osDiskDeleteOption(defaults.protection),
            resourceName,
            diskName: checked.adoptedName ?? `${vmName}-os-disk`,
            importId,
            adoptionGuard: planAdoptionGuard(resourceName, importId, options.protect),
            upload: source === "upload" && osDisk?.source?.upload !== undefined ? { sizeBytes: osDisk.source.upload.sizeBytes, phase: osDisk.source.upload.phase } : undefined,
            // An upload has no default: its rules require the generation.
            hyperVGeneration: source === "importVhd" ? (osDisk?.hyperVGeneration ?? "V2") : source === "upload" ? osDisk?.hyperVGeneration : undefined,
            protect: options.protect,
            retainOnDelete: options.retainOnDelete,
        },
        problems: checked.problems,
    };
}
