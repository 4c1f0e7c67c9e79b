/**
 * Pure planning for a VM's OS disk: created from the image (the default), or brought from an existing disk (a copy,
 * a VHD import, an adopted disk or one attached by id), which rebuilds a VM from its disk.
 */
import { checkAdoptId, sourceKind, type DiskSourceKind } from "./data-disk-plan";
import type { OsType } from "../image/image-facts";
import type { Problem } from "../core/problems";
import { MAX_OS_DISK_SIZE_GB, UNCACHED_SKUS, ZONE_REDUNDANT_SKUS, checkCaching, checkSize, checkSku, type Caching, type DiskProtection, type DiskSku } from "./disk-rules";
import type { VmArgs } from "../vm/vm-args";

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
    /** For a disk the stack declares (copy, import, adopt). */
    readonly resourceName: string;
    readonly diskName: string;
    readonly importId: string | undefined;
    readonly hyperVGeneration: "V1" | "V2" | undefined;
    readonly protect: boolean;
    readonly retainOnDelete: boolean;
}

/** What the VM arguments and the OS-specific inputs say that only a VM created from an image can use. */
export interface FreshOsInputs {
    readonly sshPublicKeys?: readonly unknown[];
    readonly adminPassword?: unknown;
    readonly customData?: unknown;
}

const FRESH_OS_ONLY = ["image", "imageReference", "galleryImageId", "plan", "computerName", "adminUsername"] as const;

export function planOsDisk(
    os: OsType,
    name: string,
    vmName: string,
    args: VmArgs,
    fresh: FreshOsInputs,
    protection: DiskProtection,
    defaultSku: DiskSku,
): { plan: OsDiskPlan; problems: Problem[] } {
    const osDisk = args.osDisk;
    const { kind, problems } = sourceKind("osDisk.source", osDisk?.source);
    const source = kind === "empty" ? "image" : kind;
    const owned = source !== "existing";
    const sku = owned ? (osDisk?.sku ?? defaultSku) : osDisk?.sku;
    const caching = osDisk?.caching ?? "ReadWrite";
    if (sku !== undefined) {
        problems.push(...checkSku("osDisk.sku", sku));
        if (UNCACHED_SKUS.includes(sku)) {
            problems.push({ path: "osDisk.sku", message: `"${sku}" cannot be an OS disk; use Premium_LRS, StandardSSD_LRS or a ZRS SKU.` });
        }
    }
    problems.push(...checkCaching("osDisk.caching", caching));
    if (osDisk?.sizeGb !== undefined) {
        problems.push(...checkSize("osDisk.sizeGb", osDisk.sizeGb, 1, MAX_OS_DISK_SIZE_GB, "an OS disk"));
    }

    let diskName = `${vmName}-os-disk`;
    if (source !== "image") {
        const given = [
            ...FRESH_OS_ONLY.filter((k) => args[k] !== undefined),
            ...((fresh.sshPublicKeys ?? []).length > 0 ? ["sshPublicKeys"] : []),
            ...(fresh.adminPassword !== undefined ? ["adminPassword"] : []),
            ...(fresh.customData !== undefined ? ["customData"] : []),
        ];
        problems.push(...given.map((key) => ({
            path: key,
            message: `is set, but the OS disk comes from osDisk.source, and a VM built from an existing disk takes its OS as it is on the disk (remove ${key}).`,
        })));
        if (source === "adopt" && sku === undefined) {
            problems.push({ path: "osDisk.sku", message: "is required for an adopted disk (give the disk's exact SKU)." });
        }
        if (source === "adopt" && osDisk?.source?.adoptId !== undefined) {
            const adopted = checkAdoptId("osDisk.source.adoptId", osDisk.source.adoptId, typeof args.resourceGroupName === "string" ? args.resourceGroupName : undefined);
            problems.push(...adopted.problems);
            diskName = adopted.name ?? diskName;
        }
    }
    if (osDisk?.hyperVGeneration !== undefined && source !== "importVhd") {
        problems.push({ path: "osDisk.hyperVGeneration", message: `is for an imported VHD; a ${source === "image" ? "disk made from an image" : "copied, adopted or attached disk"} keeps its own generation (remove it).` });
    }
    return {
        plan: {
            source,
            sizeGb: osDisk?.sizeGb,
            sku,
            caching,
            zones: args.zone === undefined || (sku !== undefined && ZONE_REDUNDANT_SKUS.includes(sku)) ? undefined : [args.zone],
            deleteOption: protection === "delete" ? "Delete" : "Detach",
            resourceName: `${name}-os-disk`,
            diskName,
            importId: source === "adopt" ? osDisk?.source?.adoptId : undefined,
            hyperVGeneration: source === "importVhd" ? (osDisk?.hyperVGeneration ?? "V2") : undefined,
            protect: owned && source !== "image" && protection === "protect",
            retainOnDelete: owned && source !== "image" && protection === "retain",
        },
        problems,
    };
}

/** The OS type azure-native names on an attached OS disk. */
export function azureOsType(os: OsType): "Linux" | "Windows" {
    return os === "linux" ? "Linux" : "Windows";
}
