/**
 * Pure planning for one data disk: its names, size, SKU, caching, zone, protection, lock and source (an empty disk,
 * a copy, a VHD import, an adopted disk or a disk the stack only references).
 */
import {
    LINUX_FILE_SYSTEMS, WINDOWS_FILE_SYSTEMS, linuxFormatScript, linuxMountPoint, windowsFormatScript, windowsMountPoint, type FileSystem,
} from "./format-scripts";
import type { OsType } from "../image/image-facts";
import { checkChoice, type Problem } from "../core/problems";
import { planLock, type LockPlan } from "../core/lock-plan";
import {
    DISK_PROTECTIONS, MAX_DISK_NAME, MAX_DISK_SIZE_GB, MIN_DISK_SIZE_GB, ZONE_REDUNDANT_SKUS, checkCaching, checkCachingAllowed,
    checkLun, checkSize, checkSku, noCachingReason, type Caching, type DiskProtection, type DiskSku,
} from "./disk-rules";
import type { DataDiskArgs, DiskSourceArgs, VmArgs } from "../vm/vm-args";

/** How a disk's data comes to be. */
export type DiskSourceKind = "empty" | "copy" | "importVhd" | "adopt" | "existing";

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
    /** The id given to the `import` resource option, for an adopted disk. */
    readonly importId: string | undefined;
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

/** The Run Command that formats a blank disk and mounts it. */
export interface DiskFormatPlan {
    readonly resourceName: string;
    /** The Run Command's Azure name, unique on its VM. */
    readonly runCommandName: string;
    readonly fileSystem: FileSystem;
    readonly mountPoint: string;
    /** The script the command runs (bash on Linux, PowerShell on Windows). */
    readonly script: string;
}

export interface DataDiskDefaults {
    readonly os: OsType;
    readonly sku: DiskSku;
    readonly zones: readonly string[] | undefined;
    readonly protection: DiskProtection;
    readonly lock: VmArgs["lock"];
    /** The VM's resource group, when it is a plain value (an adopted disk must be in it). */
    readonly resourceGroupName: string | undefined;
}

const DISK_KEY = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?$/;
const DISK_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Compute\/disks\/([^/]+)$/i;
const SOURCE_FIELDS = ["copyFrom", "importVhd", "adoptId", "existingId"] as const;
const KIND_OF: Readonly<Record<(typeof SOURCE_FIELDS)[number], DiskSourceKind>> = {
    copyFrom: "copy", importVhd: "importVhd", adoptId: "adopt", existingId: "existing",
};

/** A data disk's key: 1-32 letters, digits and hyphens, starting and ending with a letter or digit. */
export function checkDiskKey(path: string, key: string): Problem[] {
    return DISK_KEY.test(key) ? [] : [{ path, message: `"${key}" must be 1-32 letters, digits and hyphens, starting and ending with a letter or digit.` }];
}

export function checkProtection(path: string, value: string): Problem[] {
    return checkChoice(path, value, DISK_PROTECTIONS, "protection mode");
}

/** Which source a disk names: "empty" when none; a problem at `path` when more than one. */
export function sourceKind(path: string, source: DiskSourceArgs | undefined): { kind: DiskSourceKind; problems: Problem[] } {
    const set = SOURCE_FIELDS.filter((f) => source?.[f] !== undefined);
    if (set.length > 1) {
        return { kind: "empty", problems: [{ path, message: `sets ${set.join(" and ")}; a disk has one source (keep one).` }] };
    }
    const field = set[0];
    return { kind: field === undefined ? "empty" : KIND_OF[field], problems: [] };
}

/** An adopted disk's id must name a managed disk in the VM's resource group; returns the disk's name. */
export function checkAdoptId(path: string, id: string, resourceGroupName: string | undefined): { name?: string; problems: Problem[] } {
    const match = DISK_ID.exec(id);
    if (!match) {
        return { problems: [{ path, message: `"${id}" is not a managed disk id (/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.Compute/disks/<name>).` }] };
    }
    const [, group = "", name = ""] = match;
    if (resourceGroupName !== undefined && group.toLowerCase() !== resourceGroupName.toLowerCase()) {
        return { name, problems: [{ path, message: `is in resource group "${group}", not the VM's "${resourceGroupName}"; an adopted disk stays where it is (move it first, or attach it with existingId).` }] };
    }
    return { name, problems: [] };
}

function planSource(source: DiskSourceArgs | undefined, defaults: DataDiskDefaults, disk: DataDiskArgs): { kind: DiskSourceKind; adoptedName?: string; problems: Problem[] } {
    const { kind, problems } = sourceKind("source", source);
    if (problems.length > 0) {
        return { kind, problems };
    }
    if ((kind === "empty" || kind === "adopt") && disk.sizeGb === undefined) {
        problems.push({ path: "sizeGb", message: kind === "empty" ? "is required for an empty disk (set sizeGb)." : "is required for an adopted disk (give the disk's exact size)." });
    }
    if (kind === "adopt" && disk.sku === undefined) {
        problems.push({ path: "sku", message: "is required for an adopted disk (give the disk's exact SKU)." });
    }
    if (kind === "existing" && disk.protection !== undefined) {
        problems.push({ path: "protection", message: "does not apply to a disk the stack does not own (remove it, or adopt the disk with adoptId)." });
    }
    if (kind !== "adopt" || source?.adoptId === undefined) {
        return { kind, problems };
    }
    const adopted = checkAdoptId("source.adoptId", source.adoptId, defaults.resourceGroupName);
    return { kind, adoptedName: adopted.name, problems: [...problems, ...adopted.problems] };
}

const FILE_SYSTEMS: Readonly<Record<OsType, readonly FileSystem[]>> = { linux: LINUX_FILE_SYSTEMS, windows: WINDOWS_FILE_SYSTEMS };

/** Whether and how the disk is formatted and mounted in the guest: its file system (the OS's first by default). */
function planFormat(name: string, os: OsType, disk: DataDiskArgs): { plan: DiskFormatPlan | undefined; problems: Problem[] } {
    const allowed = FILE_SYSTEMS[os];
    if (disk.format !== true) {
        return {
            plan: undefined,
            problems: disk.fileSystem !== undefined ? [{ path: "fileSystem", message: "is set but format is not; set format: true, or remove fileSystem." }] : [],
        };
    }
    const fileSystem = disk.fileSystem ?? allowed[0] ?? "ext4";
    const problems = allowed.includes(fileSystem) ? [] : [{
        path: "fileSystem",
        message: `"${fileSystem}" is not a ${os === "linux" ? "Linux" : "Windows"} file system here; use ${allowed.map((f) => `"${f}"`).join(" or ")}.`,
    }];
    // The script finds the disk by its LUN; an invalid LUN is the LUN rule's to report.
    if (problems.length > 0 || checkLun("lun", disk.lun).length > 0) {
        return { plan: undefined, problems };
    }
    const target = { key: disk.name, lun: disk.lun };
    return {
        plan: {
            resourceName: `${name}-format-${disk.name}`,
            runCommandName: `format-${disk.name}`,
            fileSystem,
            mountPoint: os === "linux" ? linuxMountPoint(disk.name) : windowsMountPoint(disk.name),
            script: fileSystem === "ext4" || fileSystem === "xfs"
                ? linuxFormatScript({ ...target, fileSystem })
                : windowsFormatScript({ ...target, fileSystem }),
        },
        problems: [],
    };
}

export function planDataDisk(name: string, vmName: string, defaults: DataDiskDefaults, disk: DataDiskArgs): { plan: DataDiskPlan; problems: Problem[] } {
    const source = planSource(disk.source, defaults, disk);
    const owned = source.kind !== "existing";
    const sku = owned ? (disk.sku ?? defaults.sku) : disk.sku;
    const protection = disk.protection ?? defaults.protection;
    const caching = disk.caching ?? (noCachingReason(sku, disk.sizeGb) !== undefined ? "None" : "ReadOnly");
    const diskName = source.adoptedName ?? `${vmName}-disk-${disk.name}`;
    const format = planFormat(name, defaults.os, disk);
    const problems: Problem[] = [
        ...checkDiskKey("name", disk.name),
        ...(!owned || diskName.length <= MAX_DISK_NAME ? [] : [{
            path: "name",
            message: `makes the disk name "${diskName}", ${diskName.length} characters; Azure allows at most ${MAX_DISK_NAME} (shorten the disk name or vmName).`,
        }]),
        ...checkLun("lun", disk.lun),
        ...(sku !== undefined ? checkSku("sku", sku) : []),
        ...checkCaching("caching", caching),
        ...(disk.sizeGb !== undefined && sku !== undefined
            ? checkSize("sizeGb", disk.sizeGb, MIN_DISK_SIZE_GB[sku] ?? 1, MAX_DISK_SIZE_GB[sku] ?? MAX_DISK_SIZE_GB.Premium_LRS, `a ${sku} data disk`)
            : []),
        ...checkProtection("protection", protection),
        ...source.problems,
        ...format.problems,
    ];
    if (problems.length === 0 && sku !== undefined) {
        problems.push(...checkCachingAllowed("caching", caching, sku, disk.sizeGb));
    }
    return {
        plan: {
            key: disk.name,
            resourceName: `${name}-disk-${disk.name}`,
            diskName,
            lun: disk.lun,
            sizeGb: owned ? disk.sizeGb : undefined,
            sku,
            caching,
            zones: sku !== undefined && ZONE_REDUNDANT_SKUS.includes(sku) ? undefined : defaults.zones,
            source: source.kind,
            importId: source.kind === "adopt" ? disk.source?.adoptId : undefined,
            protection: owned ? protection : "not owned",
            protect: owned && protection === "protect",
            retainOnDelete: owned && protection === "retain",
            lock: owned ? planLock(defaults.lock, `${name}-disk-${disk.name}-lock`, diskName) : undefined,
            format: format.plan,
        },
        problems,
    };
}
