/**
 * Pure planning for one data disk of a VM: first its arguments are checked against the disk rules, then its names,
 * size, SKU, caching, zone, protection, lock, source (an empty disk, a copy, a VHD import or upload, an adopted disk or
 * a disk the stack only references) and formatting are decided.
 */
import type { LockArgs } from "../core/lock-args";
import { planLock, type LockPlan } from "../core/lock-plan";
import type { OsType } from "../core/os";
import type { Problem } from "../core/problems";
import type { Caching, DataDiskArgs, DiskProtection, DiskSku, UploadPhase } from "./disk-args";
import {
    MAX_DISK_NAME, ZONE_REDUNDANT_SKUS, checkCachingAllowed, checkDataDiskShape, checkDataDiskSource, checkDiskPerformance, checkFileSystem,
    checkProtection, defaultDataDiskCaching, type DiskSourceKind,
} from "./disk-rules";
import { planFormat, type DiskFormatPlan } from "./format-plan";
import { planAdoptionGuard, protectionOptions, type AdoptionGuardPlan } from "./disk-lifecycle-plan";
import { uploadSizeGb } from "./upload-rules";

export type { DiskFormatPlan } from "./format-plan";
export type { DiskSourceKind } from "./disk-rules";

/** A disk uploaded with `source.upload`: the upload's size (footer included) and the phase it is in. */
export interface UploadPlan {
    readonly sizeBytes: number;
    /** "upload": open to the upload and not attached; "attach": closed again and attached. */
    readonly phase: UploadPhase;
}

export interface DataDiskPlan {
    readonly key: string;
    /** Pulumi logical name. */
    readonly resourceName: string;
    /** Azure disk name (an adopted disk keeps its own). */
    readonly diskName: string;
    readonly lun: number;
    /** Undefined for a copy, an import or an upload (the source's size) and for a disk the stack does not own. */
    readonly sizeGb: number | undefined;
    /** Undefined for a disk the stack does not own (its SKU is whatever the disk has). */
    readonly sku: DiskSku | undefined;
    readonly caching: Caching;
    /** The disk's zone list: the VM's zone, none for zone-redundant SKUs and regional VMs. */
    readonly zones: readonly string[] | undefined;
    readonly source: DiskSourceKind;
    /** For a disk uploaded with `source.upload`: its size and phase; a disk in the "upload" phase is not attached. */
    readonly upload: UploadPlan | undefined;
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
    /** Provisioned IOPS and MB/s (Premium SSD v2 and Ultra only); absent for Azure's default. */
    readonly iops?: number;
    readonly throughputMBps?: number;
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
    // An upload's size decides its caching as a given size would: no caching from 4 TiB.
    const upload = source.kind === "upload" ? disk.source?.upload : undefined;
    const sizeGb = disk.sizeGb ?? (upload !== undefined && Number.isInteger(upload.sizeBytes) ? uploadSizeGb(upload.sizeBytes) : undefined);
    const caching = disk.caching ?? defaultDataDiskCaching(sku, sizeGb);
    const diskName = source.adoptedName ?? `${vmName}-disk-${disk.name}`;

    // Every rule, before anything is planned from the values.
    const problems: Problem[] = [
        ...checkDataDiskShape({ name: disk.name, lun: disk.lun, sku, caching, sizeGb: disk.sizeGb }),
        ...checkDiskPerformance({ sku, sizeGb, iops: disk.iops, throughputMBps: disk.throughputMBps }),
        ...(!owned || diskName.length <= MAX_DISK_NAME ? [] : [{
            path: "name",
            message: `makes the disk name "${diskName}", ${diskName.length} characters; Azure allows at most ${MAX_DISK_NAME} (shorten the disk name or vmName).`,
        }]),
        ...checkProtection("protection", protection),
        ...source.problems,
        ...checkFileSystem(defaults.os, disk),
    ];
    if (problems.length === 0 && sku !== undefined) {
        problems.push(...checkCachingAllowed("caching", caching, sku, sizeGb));
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
            upload: upload === undefined ? undefined : { sizeBytes: upload.sizeBytes, phase: upload.phase },
            importId,
            adoptionGuard: planAdoptionGuard(resourceName, importId, options.protect),
            protection: owned ? protection : "not owned",
            protect: options.protect,
            retainOnDelete: options.retainOnDelete,
            lock: owned ? planLock(defaults.lock, `${name}-disk-${disk.name}-lock`, diskName) : undefined,
            // Only a disk that passed the rules is formatted: the script is written with its LUN and file system.
            ...(owned && disk.iops !== undefined ? { iops: disk.iops } : {}),
            ...(owned && disk.throughputMBps !== undefined ? { throughputMBps: disk.throughputMBps } : {}),
            format: disk.format === true && problems.length === 0
                ? planFormat(name, defaults.os, { key: disk.name, lun: disk.lun, fileSystem: disk.fileSystem })
                : undefined,
        },
        problems,
    };
}
