/**
 * Pure planning for one data disk of a VM: first its arguments are checked against the disk rules, then its names,
 * size, SKU, caching, zone, protection, lock, source (an empty disk, a copy, a VHD import, an adopted disk or a disk
 * the stack only references) and formatting are decided.
 */
import type { LockArgs } from "../core/lock-args";
import { planLock, type LockPlan } from "../core/lock-plan";
import type { OsType } from "../core/os";
import type { Problem } from "../core/problems";
import type { Caching, DataDiskArgs, DiskProtection, DiskSku } from "./disk-args";
import {
    MAX_DISK_NAME, ZONE_REDUNDANT_SKUS, checkCachingAllowed, checkDataDiskShape, checkDataDiskSource, checkFileSystem, checkProtection,
    defaultDataDiskCaching, type DiskSourceKind,
} from "./disk-rules";
import { planFormat, type DiskFormatPlan } from "./format-plan";
import { planAdoptionGuard, protectionOptions, type AdoptionGuardPlan } from "./disk-lifecycle-plan";

export type { DiskFormatPlan } from "./format-plan";
export type { DiskSourceKind } from "./disk-rules";

export interface DataDiskPlan {
    readonly key: string;
    /** Pulumi logical name. */
    readonly resourceName: string;
    /** Azure disk name (an adopted disk keeps its own). */
    readonly diskName: string;
    readonly lun: number;
    /** Undefined for a copy or an import (the source's size) and for a disk the stack does not own. */
    readonly sizeGb: number | undefined;
    /** Undefined for a disk the stack does not own (its SKU is whatever the disk has). */
    readonly sku: DiskSku | undefined;
    readonly caching: Caching;
    /** The disk's zone list: the VM's zone, none for zone-redundant SKUs and regional VMs. */
    readonly zones: readonly string[] | undefined;
    readonly source: DiskSourceKind;
    /** The id given to the `import` resource option, for an adopted disk: the `adoptId` exactly as given. */
    readonly importId: string | undefined;
    /** For an adopted disk, the guard that makes a changed `adoptId` a refused change (see `planAdoptionGuard`). */
    readonly adoptionGuard: AdoptionGuardPlan | undefined;
    /** "not owned" for a disk the stack only references. */
    readonly protection: DiskProtection | "not owned";
    /** The resource options the protection mode sets. */
    readonly protect: boolean;
    readonly retainOnDelete: boolean;
    /** The management lock on the disk, if any. */
    readonly lock: LockPlan | undefined;
    /** How the disk is made ready in the guest (formatted if blank, mounted), if asked. */
    readonly format: DiskFormatPlan | undefined;
}

/** What a data disk takes from its VM. */
export interface DataDiskDefaults {
    readonly os: OsType;
    readonly sku: DiskSku;
    readonly zones: readonly string[] | undefined;
    readonly protection: DiskProtection;
    readonly lock: LockArgs | undefined;
    /** The VM's resource group, when it is a plain value (an adopted disk must be in it). */
    readonly resourceGroupName: string | undefined;
}

/**
 * Plans one data disk. The plan is returned with the problems, so that the VM's own rules (placement, data disk
 * count) still see every disk and every problem is reported at once.
 * @param name the VM component's name
 * @param vmName the VM's Azure name, which the disk's Azure name starts with
 */
export function planDataDisk(name: string, vmName: string, defaults: DataDiskDefaults, disk: DataDiskArgs): { plan: DataDiskPlan; problems: Problem[] } {
    // What the disk takes when an argument is not given.
    const source = checkDataDiskSource(disk, defaults.resourceGroupName);
    const owned = source.kind !== "existing";
    const sku = owned ? (disk.sku ?? defaults.sku) : disk.sku;
    const protection = disk.protection ?? defaults.protection;
    const caching = disk.caching ?? defaultDataDiskCaching(sku, disk.sizeGb);
    const diskName = source.adoptedName ?? `${vmName}-disk-${disk.name}`;

    // Every rule, before anything is planned from the values.
    const problems: Problem[] = [
        ...checkDataDiskShape({ name: disk.name, lun: disk.lun, sku, caching, sizeGb: disk.sizeGb }),
        ...(!owned || diskName.length <= MAX_DISK_NAME ? [] : [{
            path: "name",
            message: `makes the disk name "${diskName}", ${diskName.length} characters; Azure allows at most ${MAX_DISK_NAME} (shorten the disk name or vmName).`,
        }]),
        ...checkProtection("protection", protection),
        ...source.problems,
        ...checkFileSystem(defaults.os, disk),
    ];
    if (problems.length === 0 && sku !== undefined) {
        problems.push(...checkCachingAllowed("caching", caching, sku, disk.sizeGb));
    }

    const options = owned ? protectionOptions(protection) : { protect: false, retainOnDelete: false };
    const resourceName = `${name}-disk-${disk.name}`;
    const importId = source.kind === "adopt" ? disk.source?.adoptId : undefined;
    return {
        plan: {
            key: disk.name,
            resourceName,
            diskName,
            lun: disk.lun,
            sizeGb: owned ? disk.sizeGb : undefined,
            sku,
            caching,
            zones: sku !== undefined && ZONE_REDUNDANT_SKUS.includes(sku) ? undefined : defaults.zones,
            source: source.kind,
            importId,
            adoptionGuard: planAdoptionGuard(resourceName, importId, options.protect),
            protection: owned ? protection : "not owned",
            protect: options.protect,
            retainOnDelete: options.retainOnDelete,
            lock: owned ? planLock(defaults.lock, `${name}-disk-${disk.name}-lock`, diskName) : undefined,
            // Only a disk that passed the rules is formatted: the script is written with its LUN and file system.
            format: disk.format === true && problems.length === 0
                ? planFormat(name, defaults.os, { key: disk.name, lun: disk.lun, fileSystem: disk.fileSystem })
                : undefined,
        },
        problems,
    };
}
