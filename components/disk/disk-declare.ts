/**
 * Declares one data disk from its plan: a managed disk made from its source (empty, a copy, a VHD import or an
 * adopted disk) with the protection, replaceOnChanges and lock the plan chose, and for an adopted disk the guard it
 * waits for; or nothing at all for a disk the stack only references. Returns the id the VM attaches.
 */
import type * as pulumi from "@pulumi/pulumi";
import * as compute from "@pulumi/azure-native/compute";
import * as random from "@pulumi/random";
import type * as azureInputs from "@pulumi/azure-native/types/input";
import { declareDeleteLock } from "../core/lock-declare";
import { azureOsType, type OsType } from "../core/os";
import type { DataDiskPlan } from "./data-disk-plan";
import type { DataAccessAuthMode, DiskSourceArgs } from "./disk-args";
import type { OsDiskPlan } from "./os-disk-plan";
import { diskResourceOptions, type AdoptionGuardPlan } from "./disk-lifecycle-plan";

/** What every disk the stack creates carries: reached only through the VM, no public endpoint. */
const SECURE_DISK_DEFAULTS = {
    networkAccessPolicy: "DenyAll",
    publicNetworkAccess: "Disabled",
} as const;

/** Encryption, always sent: platform-managed keys, or the customer-managed keys of a disk encryption set. */
function encryption(diskEncryptionSetId: pulumi.Input<string> | undefined): azureInputs.compute.EncryptionArgs {
    return diskEncryptionSetId === undefined
        ? { type: "EncryptionAtRestWithPlatformKey" }
        : { type: "EncryptionAtRestWithCustomerKey", diskEncryptionSetId };
}

type DiskSource = DataDiskPlan["source"] | OsDiskPlan["source"];
type OwnedDisk = Pick<DataDiskPlan, "diskName" | "sizeGb" | "sku" | "protect" | "retainOnDelete" | "importId" | "adoptionGuard"> & { readonly source: DiskSource };

/** The inputs every disk the stack owns shares; an adopted disk gets no security defaults. */
function diskInputs(disk: OwnedDisk, source: DiskSourceArgs | undefined, zones: readonly string[] | undefined, common: DiskCommon): compute.DiskArgs {
    const { diskEncryptionSetId, dataAccessAuthMode, ...placement } = common;
    return {
        ...placement,
        diskName: disk.diskName,
        creationData: creationData(disk.source, source),
        diskSizeGB: disk.sizeGb,
        sku: disk.sku !== undefined ? { name: disk.sku } : undefined,
        zones: zones ? [...zones] : undefined,
        // An adopted disk is imported as it is: sending defaults would make the import fail or rewrite it.
        ...(disk.source === "adopt" ? {} : { ...SECURE_DISK_DEFAULTS, encryption: encryption(diskEncryptionSetId), dataAccessAuthMode }),
    };
}

export interface DiskCommon {
    readonly resourceGroupName: pulumi.Input<string>;
    readonly location: pulumi.Input<string>;
    readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
    /** The disk encryption set of customer-managed keys, if the VM has one. */
    readonly diskEncryptionSetId?: pulumi.Input<string>;
    /** "AzureActiveDirectory" when the VM opts in to Entra ID checks on disk exports and uploads; unsent otherwise. */
    readonly dataAccessAuthMode?: DataAccessAuthMode;
}

/**
 * The resource options of a disk the stack owns, with, for an adopted disk, a dependency on its guard: the disk is
 * registered only once the guard's step has run, so a refused guard stops `pulumi up` before the disk's
 * import-replacement (see `planAdoptionGuard`).
 */
function ownedDiskOptions(disk: OwnedDisk, parent: pulumi.CustomResourceOptions): pulumi.CustomResourceOptions {
    const guard = disk.adoptionGuard === undefined ? undefined : declareAdoptionGuard(disk.adoptionGuard, parent);
    return { ...parent, ...diskResourceOptions(disk), ...(guard === undefined ? {} : { dependsOn: [guard] }) };
}

function declareAdoptionGuard(guard: AdoptionGuardPlan, parent: pulumi.CustomResourceOptions): random.RandomUuid {
    return new random.RandomUuid(guard.resourceName, { keepers: { ...guard.keepers } }, { ...parent, protect: guard.protect });
}

function creationData(kind: DiskSource, source: DiskSourceArgs | undefined): azureInputs.compute.CreationDataArgs {
    switch (kind) {
        case "copy":
            return { createOption: "Copy", sourceResourceId: source?.copyFrom };
        case "importVhd":
            return { createOption: "Import", sourceUri: source?.importVhd?.uri, storageAccountId: source?.importVhd?.storageAccountId };
        default:
            // An adopted disk's creation data is ignored (ignoreChanges), so this placeholder never reaches it.
            return { createOption: "Empty" };
    }
}

export function declareDataDisk(
    disk: DataDiskPlan,
    source: DiskSourceArgs | undefined,
    common: DiskCommon,
    parent: pulumi.CustomResourceOptions,
): pulumi.Input<string> {
    if (disk.source === "existing") {
        if (source?.existingId === undefined) {
            throw new Error(`internal: data disk "${disk.key}" was planned as existing without an existingId`);
        }
        return source.existingId;
    }
    const resource = new compute.Disk(disk.resourceName, diskInputs(disk, source, disk.zones, common), ownedDiskOptions(disk, parent));
    if (disk.lock !== undefined) {
        declareDeleteLock(disk.lock, resource.id, "Persistent data disk: remove this lock before deleting it.", parent);
    }
    return resource.id;
}

/**
 * Declares the OS disk of a VM built from an existing disk and returns the id the VM attaches: the copy, the imported
 * VHD (with its OS type, generation and, for a Trusted Launch VM, a Trusted Launch security profile) or the adopted
 * disk; for a disk attached by id, that id.
 */
export function declareOsDisk(
    plan: OsDiskPlan,
    source: DiskSourceArgs | undefined,
    os: OsType,
    trustedLaunch: boolean,
    zones: readonly string[] | undefined,
    common: DiskCommon,
    parent: pulumi.CustomResourceOptions,
): pulumi.Input<string> {
    if (plan.source === "existing" || plan.source === "image") {
        if (source?.existingId === undefined) {
            throw new Error("internal: the OS disk was planned as existing without an existingId");
        }
        return source.existingId;
    }
    const imported = plan.source === "importVhd";
    const resource = new compute.Disk(plan.resourceName, {
        ...diskInputs(plan, source, zones, common),
        osType: azureOsType(os),
        hyperVGeneration: imported ? plan.hyperVGeneration : undefined,
        securityProfile: imported && trustedLaunch ? { securityType: "TrustedLaunch" } : undefined,
    }, ownedDiskOptions(plan, parent));
    return resource.id;
}
