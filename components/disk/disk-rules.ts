/**
 * Managed disk rules.
 * Sources: Microsoft Learn "Azure managed disk types" (virtual-machines/disks-types) for SKUs and size limits;
 * "Attach a data disk" (LUN 0-63); "Premium SSD v2" and "Ultra disks" (host caching must be None, and they cannot
 * be OS disks); "Disk caching" (caching is not supported on disks of 4 TiB and more). An upload's own rules are in
 * upload-rules.ts.
 */
import { checkCopySourceId, checkManagedDiskId, checkStorageAccountId } from "../core/arm-id-rules";
import type { OsType } from "../core/os";
import { choiceRule, type Problem } from "../core/problems";
import {
    CACHING_MODES, DATA_ACCESS_AUTH_MODES, DISK_PROTECTIONS, DISK_SKUS, HYPER_V_GENERATIONS, LINUX_FILE_SYSTEMS, WINDOWS_FILE_SYSTEMS, type Caching, type DataDiskArgs,
    type DiskSku, type DiskSourceArgs, type FileSystem, type OsDiskArgs,
} from "./disk-args";
import { checkUploadedDisk, checkUploadedOsDisk } from "./upload-rules";

/** SKUs that take no host caching and cannot be OS disks. */
export const UNCACHED_SKUS: readonly DiskSku[] = ["PremiumV2_LRS", "UltraSSD_LRS"];

/** Zone-redundant SKUs: they carry no zone of their own. */
export const ZONE_REDUNDANT_SKUS: readonly DiskSku[] = ["StandardSSD_ZRS", "Premium_ZRS"];

/** Largest size per SKU, in GiB. */
export const MAX_DISK_SIZE_GB: Readonly<Record<DiskSku, number>> = {
    Standard_LRS: 32_767, StandardSSD_LRS: 32_767, StandardSSD_ZRS: 32_767, Premium_LRS: 32_767, Premium_ZRS: 32_767,
    PremiumV2_LRS: 65_536, UltraSSD_LRS: 65_536,
};

/** Smallest size per SKU, in GiB: Ultra disks start at 4 GiB, the others at 1. */
export const MIN_DISK_SIZE_GB: Readonly<Record<DiskSku, number>> = {
    Standard_LRS: 1, StandardSSD_LRS: 1, StandardSSD_ZRS: 1, Premium_LRS: 1, Premium_ZRS: 1, PremiumV2_LRS: 1, UltraSSD_LRS: 4,
};

/** A managed disk's name: 1-80 characters (Microsoft.Compute/disks naming rules). */
export const MAX_DISK_NAME = 80;

/** An OS disk may be at most 4 TiB. */
export const MAX_OS_DISK_SIZE_GB = 4_095;

/** Disks of this size and more take no host caching. */
export const CACHING_LIMIT_GB = 4_096;

/** The largest LUN a VM accepts. */
export const MAX_LUN = 63;

/** How a disk's data comes to be: created empty, copied, imported or uploaded from a VHD, adopted, or an existing disk referenced. */
export type DiskSourceKind = "empty" | "copy" | "importVhd" | "upload" | "adopt" | "existing";



/** The file systems each OS's format script makes. */
export const FILE_SYSTEMS: Readonly<Record<OsType, readonly FileSystem[]>> = { linux: LINUX_FILE_SYSTEMS, windows: WINDOWS_FILE_SYSTEMS };

const DISK_KEY = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?$/;
const DISK_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Compute\/disks\/([^/]+)$/i;
const SOURCE_FIELDS = ["copyFrom", "importVhd", "upload", "adoptId", "existingId"] as const;
const KIND_OF: Readonly<Record<(typeof SOURCE_FIELDS)[number], DiskSourceKind>> = {
    copyFrom: "copy", importVhd: "importVhd", upload: "upload", adoptId: "adopt", existingId: "existing",
};

export const checkSku = choiceRule(DISK_SKUS, "disk SKU");

export const checkCaching = choiceRule(CACHING_MODES, "caching mode");

/** The Hyper-V generation of an imported or uploaded VHD. */
export const checkHyperVGeneration = choiceRule(HYPER_V_GENERATIONS, "Hyper-V generation");



export function checkSize(path: string, sizeGb: number, min: number, max: number, what: string): Problem[] {
    if (!Number.isInteger(sizeGb) || sizeGb < min || sizeGb > max) {
        return [{ path, message: `${sizeGb} is outside ${min}-${max} GiB, the range of ${what} (set a whole number of GiB in that range).` }];
    }
    return [];
}

export function checkLun(path: string, lun: number): Problem[] {
    if (!Number.isInteger(lun)) {
        return [{ path, message: `${lun} is not a whole number (set a LUN from 0 to ${MAX_LUN}).` }];
    }
    if (lun < 0 || lun > MAX_LUN) {
        return [{ path, message: `${lun} is outside 0-${MAX_LUN} (set a LUN from 0 to ${MAX_LUN}).` }];
    }
    return [];
}

/** The host caching a data disk gets when none is given: "ReadOnly", or "None" where Azure allows no caching. */
export function defaultDataDiskCaching(sku: DiskSku | undefined, sizeGb: number | undefined): Caching {
    return noCachingReason(sku, sizeGb) !== undefined ? "None" : "ReadOnly";
}

/** Why a disk takes no host caching: its SKU (Premium SSD v2, Ultra), its size (4 TiB and more), or undefined. */
export function noCachingReason(sku: DiskSku | undefined, sizeGb: number | undefined): "sku" | "size" | undefined {
    if (sku !== undefined && UNCACHED_SKUS.includes(sku)) {
        return "sku";
    }
    return sizeGb !== undefined && sizeGb >= CACHING_LIMIT_GB ? "size" : undefined;
}

/** Caching Azure refuses: every mode but None on Premium SSD v2 and Ultra disks, and on disks of 4 TiB and more. */
export function checkCachingAllowed(path: string, caching: Caching, sku: DiskSku, sizeGb: number | undefined): Problem[] {
    if (caching === "None") {
        return [];
    }
    const reason = noCachingReason(sku, sizeGb);
    if (reason === "sku") {
        return [{ path, message: `"${caching}" is not allowed on ${sku} disks; they take no host caching (set caching: "None").` }];
    }
    if (reason === "size") {
        return [{ path, message: `"${caching}" is not allowed on a disk of ${sizeGb} GiB; disks of ${CACHING_LIMIT_GB} GiB and more take no host caching (set caching: "None").` }];
    }
    return [];
}

/** A data disk's key: 1-32 letters, digits and hyphens, starting and ending with a letter or digit. */
export function checkDiskKey(path: string, key: string): Problem[] {
    return DISK_KEY.test(key) ? [] : [{ path, message: `"${key}" must be 1-32 letters, digits and hyphens, starting and ending with a letter or digit.` }];
}

export const checkProtection = choiceRule(DISK_PROTECTIONS, "protection mode");

export const checkDataAccessAuthModeValue = choiceRule(DATA_ACCESS_AUTH_MODES, "data access authentication mode");

/**
 * `dataAccessAuthMode`, if given: the one value offered, and never with Azure Backup, which does not support disks
 * that demand Entra ID for export (Microsoft Learn, "Secure downloads and uploads with Microsoft Entra ID").
 */
export function checkDataAccessAuthMode(value: string | undefined, backedUp: boolean): Problem[] {
    if (value === undefined) {
        return [];
    }
    const problems = checkDataAccessAuthModeValue("dataAccessAuthMode", value);
    if (problems.length === 0 && backedUp) {
        problems.push({
            path: "dataAccessAuthMode",
            message: `"${value}" cannot go with backup: Azure Backup does not support disks that demand Microsoft Entra ID for export (remove dataAccessAuthMode, or back the VM up another way).`,
        });
    }
    return problems;
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

/** The ids a disk source gives as plain strings have the shape of ids of their types (adoptId has its own rule). */
function checkSourceIds(path: string, source: DiskSourceArgs | undefined): Problem[] {
    return [
        ...checkCopySourceId(`${path}.copyFrom`, source?.copyFrom),
        ...checkManagedDiskId(`${path}.existingId`, source?.existingId),
        ...checkStorageAccountId(`${path}.importVhd.storageAccountId`, source?.importVhd?.storageAccountId),
    ];
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

/**
 * A data disk's source and what it needs: one source at most; a size for an empty or adopted disk and a SKU for an
 * adopted one; no protection for a disk the stack does not own; an adopted disk's id in the VM's resource group.
 * Returns the source's kind and, for an adopted disk, its Azure name.
 */
export function checkDataDiskSource(disk: DataDiskArgs, resourceGroupName: string | undefined): { kind: DiskSourceKind; adoptedName?: string; problems: Problem[] } {
    const { kind, problems } = sourceKind("source", disk.source);
    problems.push(...checkSourceIds("source", disk.source));
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
    if (kind === "upload" && disk.source?.upload !== undefined) {
        problems.push(...checkUploadedDisk("source.upload", "sizeGb", disk.source.upload, disk.sizeGb));
        if (disk.source.upload.phase === "upload" && disk.format === true) {
            problems.push({ path: "format", message: `is set, but source.upload.phase is "upload": the disk is not attached until phase "attach" (set format: true together with phase: "attach").` });
        }
    }
    if (kind !== "adopt" || disk.source?.adoptId === undefined) {
        return { kind, problems };
    }
    const adopted = checkAdoptId("source.adoptId", disk.source.adoptId, resourceGroupName);
    return { kind, adoptedName: adopted.name, problems: [...problems, ...adopted.problems] };
}



/** `fileSystem` needs `format`, and must be one the OS's format script makes. */
export function checkFileSystem(os: OsType, disk: Pick<DataDiskArgs, "format" | "fileSystem">): Problem[] {
    if (disk.format !== true) {
        return disk.fileSystem !== undefined ? [{ path: "fileSystem", message: "is set but format is not; set format: true, or remove fileSystem." }] : [];
    }
    const allowed = FILE_SYSTEMS[os];
    if (disk.fileSystem === undefined || allowed.includes(disk.fileSystem)) {
        return [];
    }
    return [{
        path: "fileSystem",
        message: `"${disk.fileSystem}" is not a ${os === "linux" ? "Linux" : "Windows"} file system here; use ${allowed.map((f) => `"${f}"`).join(" or ")}.`,
    }];
}

/**
 * What every data disk, a VM's or a fleet's, must be: a key, a LUN, a SKU, a caching mode and, where the SKU is known,
 * a size in its range; then caching the SKU and size allow.
 */
export function checkDataDiskShape(disk: { readonly name: string; readonly lun: number; readonly sku: DiskSku | undefined; readonly caching: Caching; readonly sizeGb: number | undefined }): Problem[] {
    const problems: Problem[] = [...checkDiskKey("name", disk.name), ...checkLun("lun", disk.lun)];
    const skuProblems = disk.sku !== undefined ? checkSku("sku", disk.sku) : [];
    problems.push(...skuProblems, ...checkCaching("caching", disk.caching));
    if (disk.sizeGb !== undefined && disk.sku !== undefined && skuProblems.length === 0) {
        problems.push(...checkSize("sizeGb", disk.sizeGb, MIN_DISK_SIZE_GB[disk.sku], MAX_DISK_SIZE_GB[disk.sku], `a ${disk.sku} data disk`));
    }
    return problems;
}

/**
 * Provisioned performance, by SKU: the least, and the most for a disk's size (IOPS) or IOPS (throughput). Microsoft
 * Learn, "Azure managed disk types" (08/11/2026): Premium SSD v2, 3,000 IOPS and 125 MB/s baseline, up to 500 IOPS per
 * GiB above 6 GiB (80,000 at most) and 0.25 MB/s per IOPS above 6 GiB (2,000 at most); Ultra Disk, 100 IOPS and 1
 * MB/s at least, 1,000 IOPS per GiB (400,000 at most) and 0.25 MB/s per IOPS (10,000 at most).
 */
const PROVISIONED_PERFORMANCE: Readonly<Partial<Record<DiskSku, {
    readonly minIops: number; readonly maxIops: (sizeGb: number) => number;
    readonly minMBps: number; readonly maxMBps: (sizeGb: number | undefined, iops: number | undefined) => number | undefined;
}>>> = {
    PremiumV2_LRS: {
        minIops: 3_000, maxIops: (gb) => Math.max(3_000, Math.min(80_000, 500 * gb)),
        minMBps: 125, maxMBps: (gb, iops) => gb !== undefined && gb <= 6 ? 125 : Math.max(125, Math.min(2_000, 0.25 * (iops ?? 3_000))),
    },
    UltraSSD_LRS: {
        minIops: 100, maxIops: (gb) => Math.min(400_000, 1_000 * gb),
        minMBps: 1, maxMBps: (_gb, iops) => iops === undefined ? undefined : Math.min(10_000, 0.25 * iops),
    },
};

/** The range a disk's provisioned value may take; `max` undefined where the size or IOPS it depends on is unknown. */
export interface PerformanceRange {
    readonly min: number;
    readonly max: number | undefined;
}

/**
 * The provisioned IOPS and MB/s a disk of this SKU and size takes (MB/s for the IOPS given, or the SKU's baseline), or
 * undefined for a SKU whose performance follows its size.
 */
export function provisionedPerformance(sku: DiskSku, sizeGb: number | undefined, iops: number | undefined): { readonly iops: PerformanceRange; readonly throughputMBps: PerformanceRange } | undefined {
    const limits = PROVISIONED_PERFORMANCE[sku];
    return limits === undefined ? undefined : {
        iops: { min: limits.minIops, max: sizeGb === undefined ? undefined : limits.maxIops(sizeGb) },
        throughputMBps: { min: limits.minMBps, max: limits.maxMBps(sizeGb, iops) },
    };
}

/** Whether a provisioned value is a whole number within its range. */
export function withinRange(value: number, range: PerformanceRange): boolean {
    return Number.isInteger(value) && value >= range.min && (range.max === undefined || value <= range.max);
}

/** A data disk's provisioned `iops` and `throughputMBps`: only Premium SSD v2 and Ultra take them, within their ranges. */
export function checkDiskPerformance(disk: { readonly sku: DiskSku | undefined; readonly sizeGb: number | undefined; readonly iops?: number; readonly throughputMBps?: number }): Problem[] {
    const given = (["iops", "throughputMBps"] as const).filter((field) => disk[field] !== undefined);
    if (given.length === 0 || disk.sku === undefined) {
        return [];
    }
    const sku = disk.sku;
    const ranges = provisionedPerformance(sku, disk.sizeGb, disk.iops);
    if (ranges === undefined) {
        return given.map((field) => ({
            path: field,
            message: `is set, but a ${sku} disk's performance follows its size; only Premium SSD v2 (PremiumV2_LRS) and Ultra Disk (UltraSSD_LRS) take provisioned IOPS and throughput (remove ${field}, or choose one of those SKUs).`,
        }));
    }
    const unit = { iops: "IOPS", throughputMBps: "MB/s" } as const;
    const of = { iops: disk.sizeGb === undefined ? "" : ` of ${disk.sizeGb} GiB`, throughputMBps: disk.iops === undefined ? "" : ` with ${disk.iops} IOPS` } as const;
    return given.flatMap((field) => {
        const value = disk[field];
        const range = ranges[field];
        if (value === undefined || withinRange(value, range)) {
            return [];
        }
        return [{
            path: field,
            message: range.max === undefined
                ? `${value} is not a whole number of at least ${range.min} ${unit[field]}, the least a ${sku} disk takes (set one).`
                : `${value} is outside ${range.min}-${range.max} ${unit[field]}, the range of a ${sku} disk${of[field]} (set a whole number in that range).`,
        }];
    });
}

/**
 * A VM's OS disk: a SKU that can be an OS disk, a caching mode, a size up to 4 TiB; for a disk brought with
 * `source`, one source, a SKU for an adopted disk and an adopted disk's id in the VM's resource group;
 * `hyperVGeneration` only for an imported VHD. Returns the source's kind and, for an adopted disk, its Azure name.
 */
export function checkOsDisk(
    osDisk: OsDiskArgs | undefined,
    resolved: { readonly sku: DiskSku | undefined; readonly caching: Caching },
    resourceGroupName: string | undefined,
): { kind: DiskSourceKind; adoptedName?: string; problems: Problem[] } {
    const { kind, problems } = sourceKind("osDisk.source", osDisk?.source);
    problems.push(...checkSourceIds("osDisk.source", osDisk?.source));
    const { sku, caching } = resolved;
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
    let adoptedName: string | undefined;
    if (kind === "adopt" && sku === undefined) {
        problems.push({ path: "osDisk.sku", message: "is required for an adopted disk (give the disk's exact SKU)." });
    }
    if (kind === "adopt" && osDisk?.source?.adoptId !== undefined) {
        const adopted = checkAdoptId("osDisk.source.adoptId", osDisk.source.adoptId, resourceGroupName);
        problems.push(...adopted.problems);
        adoptedName = adopted.name;
    }
    const generationProblems = osDisk?.hyperVGeneration !== undefined ? checkHyperVGeneration("osDisk.hyperVGeneration", osDisk.hyperVGeneration) : [];
    problems.push(...generationProblems);
    if (osDisk?.hyperVGeneration !== undefined && kind !== "importVhd" && kind !== "upload") {
        problems.push({ path: "osDisk.hyperVGeneration", message: `is for an imported or uploaded VHD; a ${kind === "empty" ? "disk made from an image" : "copied, adopted or attached disk"} keeps its own generation (remove it).` });
    }
    const upload = osDisk?.source?.upload;
    if (kind === "upload" && upload !== undefined) {
        problems.push(...checkUploadedOsDisk(upload, osDisk?.sizeGb, generationProblems.length === 0 ? osDisk?.hyperVGeneration : undefined, MAX_OS_DISK_SIZE_GB));
    }
    if (osDisk?.vmAgentInstalled !== undefined && kind === "empty") {
        problems.push({ path: "osDisk.vmAgentInstalled", message: "is for a VM built from osDisk.source; a VM made from an image has the Azure VM agent (remove it)." });
    }
    return { kind, adoptedName, problems };
}
