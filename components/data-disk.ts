/**
 * Declares one data disk from its plan: a managed disk made from its source (empty, a copy, a VHD import or an
 * adopted disk) with the protection, replaceOnChanges and lock the plan chose, or nothing at all for a disk the stack
 * only references. Returns the id the VM attaches.
 */
import type * as pulumi from "@pulumi/pulumi";
import * as authorization from "@pulumi/azure-native/authorization";
import * as compute from "@pulumi/azure-native/compute";
import type * as azureInputs from "@pulumi/azure-native/types/input";
import type { DataDiskPlan } from "./disk-plan";
import type { DiskSourceArgs } from "./vm-args";
import { DISK_REPLACE_ON_CHANGES } from "./vm-options";

/** What every disk the stack creates carries: reached only through the VM, no public endpoint, explicit encryption. */
const SECURE_DISK_DEFAULTS = {
    networkAccessPolicy: "DenyAll",
    publicNetworkAccess: "Disabled",
    encryption: { type: "EncryptionAtRestWithPlatformKey" },
} as const;

export interface DiskCommon {
    readonly resourceGroupName: pulumi.Input<string>;
    readonly location: pulumi.Input<string>;
    readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

function creationData(disk: DataDiskPlan, source: DiskSourceArgs | undefined): azureInputs.compute.CreationDataArgs {
    switch (disk.source) {
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
    const adopted = disk.source === "adopt";
    const resource = new compute.Disk(disk.resourceName, {
        ...common,
        diskName: disk.diskName,
        creationData: creationData(disk, source),
        diskSizeGB: disk.sizeGb,
        sku: disk.sku !== undefined ? { name: disk.sku } : undefined,
        zones: disk.zones ? [...disk.zones] : undefined,
        // An adopted disk is imported as it is: sending defaults would make the import fail or rewrite it.
        ...(adopted ? {} : SECURE_DISK_DEFAULTS),
    }, {
        ...parent,
        protect: disk.protect,
        retainOnDelete: disk.retainOnDelete,
        replaceOnChanges: DISK_REPLACE_ON_CHANGES.filter((p) => !adopted || p !== "creationData"),
        ignoreChanges: adopted ? ["creationData"] : undefined,
        import: disk.importId,
    });
    if (disk.lock !== undefined) {
        new authorization.ManagementLockByScope(disk.lock.resourceName, {
            scope: resource.id,
            lockName: disk.lock.lockName,
            level: "CanNotDelete",
            notes: "Persistent data disk: remove this lock before deleting it.",
        }, parent);
    }
    return resource.id;
}
