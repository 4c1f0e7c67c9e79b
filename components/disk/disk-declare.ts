/**
 * Declares one data disk from its plan: a managed disk made from its source (empty, a copy, a VHD import or upload, or
 * an adopted disk) with the protection, replaceOnChanges and lock the plan chose, and for an adopted disk the guard it
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

/**
 * A disk in an upload's "upload" phase: writable with a SAS from any network, which is what an upload from outside
 * Azure needs ("AllowAll: the disk can be exported or uploaded to from any network"; with public network access
 * disabled, "you cannot access the underlying data of the disk publicly on the internet even when NetworkAccessPolicy
 * is set to AllowAll": Compute disks API 2024-03-02, NetworkAccessPolicy and PublicNetworkAccess). The "attach" phase
 * sets the defaults above again, an update in place.
 */
const UPLOAD_ACCESS = {
    networkAccessPolicy: "AllowAll",
    publicNetworkAccess: "Enabled",
} as const;

/** Premium SSD v2 and Ultra disks default to 4096-byte sectors; a VHD's are 512 bytes, which the disk must match. */
const VHD_SECTOR_SKUS: readonly string[] = ["PremiumV2_LRS", "UltraSSD_LRS"];

/** Encryption, always sent: platform-managed keys, or the customer-managed keys of a disk encryption set. */
function encryption(diskEncryptionSetId: pulumi.Input<string> | undefined): azureInputs.compute.EncryptionArgs {
    return diskEncryptionSetId === undefined
        ? { type: "EncryptionAtRestWithPlatformKey" }
        : { type: "EncryptionAtRestWithCustomerKey", diskEncryptionSetId };
}

type DiskSource = DataDiskPlan["source"] | OsDiskPlan["source"];
type OwnedDisk = Pick<DataDiskPlan, "diskName" | "sizeGb" | "sku" | "protect" | "retainOnDelete" | "importId" | "adoptionGuard" | "upload" | "iops" | "throughputMBps">
    & { readonly source: DiskSource };

/** The inputs every disk the stack owns shares; an adopted disk gets no security defaults. */
function diskInputs(disk: OwnedDisk, source: DiskSourceArgs | undefined, zones: readonly string[] | undefined, common: DiskCommon): compute.DiskArgs {
    const { diskEncryptionSetId, dataAccessAuthMode, ...placement } = common;
    return {
        ...placement,
        diskName: disk.diskName,
        creationData: creationData(disk, source),
        diskSizeGB: disk.sizeGb,
        // Provisioned performance (Premium SSD v2 and Ultra only), sent only when given: Azure's defaults otherwise.
        ...(disk.iops !== undefined ? { diskIOPSReadWrite: disk.iops } : {}),
        ...(disk.throughputMBps !== undefined ? { diskMBpsReadWrite: disk.throughputMBps } : {}),
        sku: disk.sku !== undefined ? { name: disk.sku } : undefined,
        zones: zones ? [...zones] : undefined,
        // An adopted disk is imported as it is: sending defaults would make the import fail or rewrite it.
        ...(disk.source === "adopt" ? {} : {
            ...(disk.upload?.phase === "upload" ? UPLOAD_ACCESS : SECURE_DISK_DEFAULTS),
            encryption: encryption(diskEncryptionSetId),
            dataAccessAuthMode,
        }),
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

/**
 * The disk's creation data. An upload's is the same in both phases (`creationData` is in the disk's replaceOnChanges),
 * so moving from "upload" to "attach" never replaces the disk.
 */
function creationData(disk: OwnedDisk, source: DiskSourceArgs | undefined): azureInputs.compute.CreationDataArgs {
    switch (disk.source) {
        case "copy":
            return { createOption: "Copy", sourceResourceId: source?.copyFrom };
        case "importVhd":
            return { createOption: "Import", sourceUri: source?.importVhd?.uri, storageAccountId: source?.importVhd?.storageAccountId };
        case "upload":
            return {
                createOption: "Upload",
                uploadSizeBytes: disk.upload?.sizeBytes,
                ...(disk.sku !== undefined && VHD_SECTOR_SKUS.includes(disk.sku) ? { logicalSectorSize: 512 } : {}),
            };
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
 * Declares the OS disk of a VM built from an existing disk and returns the id the VM attaches, with the disk resource
 * when the stack declares one: the copy, the imported or uploaded VHD (with its OS type, generation and, for a Trusted
 * Launch VM, a Trusted Launch security profile) or the adopted disk; for a disk attached by id, that id alone.
 */
export function declareOsDisk(
    plan: OsDiskPlan,
    source: DiskSourceArgs | undefined,
    os: OsType,
    trustedLaunch: boolean,
    zones: readonly string[] | undefined,
    common: DiskCommon,
    parent: pulumi.CustomResourceOptions,
): { readonly id: pulumi.Input<string>; readonly resource: compute.Disk | undefined } {
    if (plan.source === "existing" || plan.source === "image") {
        if (source?.existingId === undefined) {
            throw new Error("internal: the OS disk was planned as existing without an existingId");
        }
        return { id: source.existingId, resource: undefined };
    }
    // A VHD from outside Azure carries no security type of its own: the disk gets the VM's. Uploads with the VM guest
    // state (`UploadPreparedSecure`, az's `--upload-type UploadWithSecurityData`) are not offered.
    const fromVhd = plan.source === "importVhd" || plan.source === "upload";
    const resource = new compute.Disk(plan.resourceName, {
        ...diskInputs(plan, source, zones, common),
        osType: azureOsType(os),
        hyperVGeneration: fromVhd ? plan.hyperVGeneration : undefined,
        securityProfile: fromVhd && trustedLaunch ? { securityType: "TrustedLaunch" } : undefined,
    }, ownedDiskOptions(plan, parent));
    return { id: resource.id, resource };
}
