/**
 * Managed disk rules.
 * Sources: Microsoft Learn "Azure managed disk types" (virtual-machines/disks-types) for SKUs and size limits;
 * "Attach a data disk" (LUN 0-63); "Premium SSD v2" and "Ultra disks" (host caching must be None, and they cannot
 * be OS disks); "Disk caching" (caching is not supported on disks of 4 TiB and more).
 */
import type { Problem } from "../core/problems";

/**
 * What happens to a disk when it leaves the stack: `protect` (Pulumi refuses to delete it), `retain` (Pulumi forgets
 * it and Azure keeps it), `delete` (Pulumi deletes it; for scratch disks). For the OS disk: kept when the VM is
 * deleted, except with `delete`.
 */
export const DISK_PROTECTIONS = ["protect", "retain", "delete"] as const;
export type DiskProtection = (typeof DISK_PROTECTIONS)[number];


/** Managed disk SKUs. */
export const DISK_SKUS = [
    "Standard_LRS", "StandardSSD_LRS", "StandardSSD_ZRS", "Premium_LRS", "Premium_ZRS", "PremiumV2_LRS", "UltraSSD_LRS",
] as const;
export type DiskSku = (typeof DISK_SKUS)[number];

/** Host caching modes. */
export const CACHING_MODES = ["None", "ReadOnly", "ReadWrite"] as const;
export type Caching = (typeof CACHING_MODES)[number];

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

export function isDiskSku(value: string): value is DiskSku {
    return (DISK_SKUS as readonly string[]).includes(value);
}

export function isCaching(value: string): value is Caching {
    return (CACHING_MODES as readonly string[]).includes(value);
}

export function checkSku(path: string, value: string): Problem[] {
    return isDiskSku(value) ? [] : [{ path, message: `"${value}" is not a disk SKU; use one of ${DISK_SKUS.join(", ")}.` }];
}

export function checkCaching(path: string, value: string): Problem[] {
    return isCaching(value) ? [] : [{ path, message: `"${value}" is not a caching mode; use one of ${CACHING_MODES.join(", ")}.` }];
}

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
