/**
 * Pure planning for SQL Server's disks: how many disks each role (data, log, tempdb) gets, their keys, LUNs, SKUs,
 * host caching and provisioned performance, as the WindowsVm's data disks and as the LUN lists of the SQL IaaS agent's
 * storage configuration (`sqlDataSettings.luns`, `sqlLogSettings.luns`, `sqlTempDbSettings.luns`). The agent stripes
 * each role's disks into one storage pool, one column per disk (Microsoft Learn, "Storage configuration for SQL Server
 * VMs": Storage Spaces, 64 KB interleave, simple resiliency, separate pools for data and log). No Azure SDK here.
 */
import type { Problem } from "../../core/problems";
import type { Caching, DataDiskArgs, DiskSku, DiskSourceArgs } from "../../disk/disk-args";
import { UNCACHED_SKUS, checkSku, defaultDataDiskCaching, provisionedPerformance, withinRange } from "../../disk/disk-rules";
import type { SqlDiskSetArgs } from "./sql-server-args";

/** Where each role's first disk is attached, its key (`<vm>-disk-<key>`), its host caching and the agent's folder on it. */
export const SQL_DISKS = {
    data: { key: "sql-data", lun: 0, caching: "ReadOnly", path: "F:\\data" },
    log: { key: "sql-log", lun: 1, caching: "None", path: "G:\\log" },
    tempDb: { key: "sql-tempdb", lun: 2, caching: "ReadOnly", path: "H:\\tempDb" },
} as const;

/**
 * Premium SSD's provisioned performance by size tier, P1 to P80: a disk performs as the smallest tier that holds it
 * (Microsoft Learn, "Azure managed disk types", Premium SSD sizes, 03/16/2023: base provisioned IOPS and MB/s per disk).
 */
export const PREMIUM_SSD_TIERS: readonly { readonly tier: string; readonly maxGb: number; readonly iops: number; readonly mbps: number }[] = [
    { tier: "P1", maxGb: 4, iops: 120, mbps: 25 }, { tier: "P2", maxGb: 8, iops: 120, mbps: 25 },
    { tier: "P3", maxGb: 16, iops: 120, mbps: 25 }, { tier: "P4", maxGb: 32, iops: 120, mbps: 25 },
    { tier: "P6", maxGb: 64, iops: 240, mbps: 50 }, { tier: "P10", maxGb: 128, iops: 500, mbps: 100 },
    { tier: "P15", maxGb: 256, iops: 1_100, mbps: 125 }, { tier: "P20", maxGb: 512, iops: 2_300, mbps: 150 },
    { tier: "P30", maxGb: 1_024, iops: 5_000, mbps: 200 }, { tier: "P40", maxGb: 2_048, iops: 7_500, mbps: 250 },
    { tier: "P50", maxGb: 4_096, iops: 7_500, mbps: 250 }, { tier: "P60", maxGb: 8_192, iops: 16_000, mbps: 500 },
    { tier: "P70", maxGb: 16_384, iops: 18_000, mbps: 750 }, { tier: "P80", maxGb: 32_767, iops: 20_000, mbps: 900 },
];

/** The Premium SSD tier a disk of this size performs as, or undefined above 32,767 GiB. */
export function premiumSsdTier(sizeGb: number): (typeof PREMIUM_SSD_TIERS)[number] | undefined {
    return PREMIUM_SSD_TIERS.find((t) => sizeGb <= t.maxGb);
}

const PREMIUM_SSD: readonly DiskSku[] = ["Premium_LRS", "Premium_ZRS"];

/** One role's disks, as planned. */
export interface SqlRolePlan {
    readonly count: number;
    /** Undefined: the VM's default data disk SKU, as before the SKU could be chosen. */
    readonly sku: DiskSku | undefined;
    readonly caching: Caching;
    /** Provisioned per disk (Premium SSD v2, Ultra): the role's target split evenly, rounded up. */
    readonly iops: number | undefined;
    readonly throughputMBps: number | undefined;
}

const nth = (key: string, index: number): string => (index === 0 ? key : `${key}-${index + 1}`);

function checkWholeAtLeast(path: string, value: number | undefined, min: number, what: string): Problem[] {
    return value === undefined || (Number.isInteger(value) && value >= min) ? [] : [{ path, message: `${value} is not ${what}; use a whole number of at least ${min}.` }];
}

/**
 * One role's disks: the count (given, or on Premium SSD the fewest disks of `sizeGb` that reach the targets), the
 * SKU, the caching the role takes (read-only for data, none for the log, none where the SKU or size allows no caching)
 * and, on Premium SSD v2 and Ultra Disk, the targets split over the disks.
 * @param path the role's argument, e.g. `sql.dataDisks`
 */
export function planSqlRole(path: string, role: "data" | "log", sizeGb: number, vmDefaultSku: DiskSku, set: SqlDiskSetArgs | undefined): { plan: SqlRolePlan; problems: Problem[] } {
    const args = set ?? {};
    const sku = args.sku ?? vmDefaultSku;
    const problems: Problem[] = [
        ...checkWholeAtLeast(`${path}.count`, args.count, 1, "a disk count"),
        ...checkWholeAtLeast(`${path}.iops`, args.iops, 1, "an IOPS target"),
        ...checkWholeAtLeast(`${path}.throughputMBps`, args.throughputMBps, 1, "a throughput target in MB/s"),
        ...(args.sku !== undefined ? checkSku(`${path}.sku`, args.sku) : []),
    ];
    const caching: Caching = role === "log" ? "None" : defaultDataDiskCaching(sku, sizeGb);
    const targets = args.iops !== undefined || args.throughputMBps !== undefined;
    const fallback = { count: args.count ?? 1, sku: args.sku, caching, iops: undefined, throughputMBps: undefined };
    // Targets that are not whole numbers size nothing; a bad count is reported and the targets still checked.
    if (!targets || problems.some((p) => p.path !== `${path}.count`)) {
        return { plan: fallback, problems };
    }
    const givenCount = problems.length === 0 ? args.count : undefined;
    if (PREMIUM_SSD.includes(sku)) {
        const tier = premiumSsdTier(sizeGb);
        if (tier === undefined) {
            return { plan: fallback, problems };
        }
        const needed = Math.max(Math.ceil((args.iops ?? 0) / tier.iops), Math.ceil((args.throughputMBps ?? 0) / tier.mbps), 1);
        const count = givenCount ?? needed;
        if (count < needed) {
            problems.push({
                path: `${path}.count`,
                message: `${count} ${sku} disks of ${sizeGb} GiB (${tier.tier}: ${tier.iops} IOPS and ${tier.mbps} MB/s each) reach ${count * tier.iops} IOPS and ${count * tier.mbps} MB/s, short of the targets (${describeTargets(args)}); the pool needs ${needed} (set count to ${needed} or more, or remove count to have it computed).`,
            });
        }
        return { plan: { ...fallback, count }, problems };
    }
    if (UNCACHED_SKUS.includes(sku)) {
        const count = givenCount ?? 1;
        const iops = args.iops === undefined ? undefined : Math.ceil(args.iops / count);
        const throughputMBps = args.throughputMBps === undefined ? undefined : Math.ceil(args.throughputMBps / count);
        // The disk's own ranges, said of the role's targets.
        const ranges = provisionedPerformance(sku, sizeGb, iops);
        const perDisk = [["iops", args.iops, iops, "IOPS"], ["throughputMBps", args.throughputMBps, throughputMBps, "MB/s"]] as const;
        for (const [field, target, value, unit] of perDisk) {
            const range = ranges?.[field];
            if (target !== undefined && value !== undefined && range !== undefined && !withinRange(value, range)) {
                problems.push({
                    path: `${path}.${field}`,
                    message: `${target} ${unit} over ${count} disk${count === 1 ? "" : "s"} is ${value} ${unit} a disk; a ${sku} disk of ${sizeGb} GiB${field === "throughputMBps" ? ` with ${iops ?? 3_000} IOPS` : ""} takes ${range.max === undefined ? `at least ${range.min}` : `${range.min}-${range.max}`} ${unit} (change count, the disks' size or the target).`,
                });
            }
        }
        return { plan: { ...fallback, count, iops, throughputMBps }, problems };
    }
    problems.push({
        path: `${path}.sku`,
        message: `is "${sku}", whose performance targets the plan cannot size; iops and throughputMBps need Premium SSD ("Premium_LRS", "Premium_ZRS"), Premium SSD v2 ("PremiumV2_LRS") or Ultra Disk ("UltraSSD_LRS") (choose one, or remove the targets).`,
    });
    return { plan: fallback, problems };
}

function describeTargets(args: SqlDiskSetArgs): string {
    return [
        ...(args.iops !== undefined ? [`${args.iops} IOPS`] : []),
        ...(args.throughputMBps !== undefined ? [`${args.throughputMBps} MB/s`] : []),
    ].join(" and ");
}

/** The whole SQL disk layout: the WindowsVm's data disks and each role's LUNs. */
export interface SqlDiskLayout {
    readonly dataDisks: readonly DataDiskArgs[];
    readonly dataLuns: readonly number[];
    readonly logLuns: readonly number[];
    /** Undefined when tempdb is on the local temporary disk. */
    readonly tempDbLun: number | undefined;
}

export interface SqlLayoutInputs {
    readonly data: SqlRolePlan;
    readonly log: SqlRolePlan;
    readonly dataSizeGb: number;
    readonly logSizeGb: number;
    /** Undefined when tempdb is on the local temporary disk. */
    readonly tempDbSizeGb: number | undefined;
    readonly dataSource: DiskSourceArgs | undefined;
    readonly logSource: DiskSourceArgs | undefined;
}

/**
 * The disks in LUN order: the data disks from LUN 0, then the log disks, then tempdb's. With one disk a role, as by
 * default, that is data 0, log 1, tempdb 2, the layout of every SqlServerVm before roles could have several.
 */
export function sqlDiskLayout(l: SqlLayoutInputs): SqlDiskLayout {
    const { data, log, tempDb } = SQL_DISKS;
    const role = (plan: SqlRolePlan, key: string, sizeGb: number, first: number, source: DiskSourceArgs | undefined): DataDiskArgs[] =>
        Array.from({ length: plan.count }, (_, i) => ({
            name: nth(key, i), lun: first + i, sizeGb, caching: plan.caching,
            ...(plan.sku !== undefined ? { sku: plan.sku } : {}),
            ...(plan.iops !== undefined ? { iops: plan.iops } : {}),
            ...(plan.throughputMBps !== undefined ? { throughputMBps: plan.throughputMBps } : {}),
            source: i === 0 ? source : undefined,
        }));
    const dataDisks = role(l.data, data.key, l.dataSizeGb, 0, l.dataSource);
    const logDisks = role(l.log, log.key, l.logSizeGb, l.data.count, l.logSource);
    const tempDbLun = l.tempDbSizeGb === undefined ? undefined : l.data.count + l.log.count;
    return {
        dataDisks: [
            ...dataDisks, ...logDisks,
            // tempdb's disk takes the VM's default SKU, as it always has.
            ...(tempDbLun !== undefined ? [{ name: tempDb.key, lun: tempDbLun, sizeGb: l.tempDbSizeGb, caching: defaultDataDiskCaching(undefined, l.tempDbSizeGb) }] : []),
        ],
        dataLuns: dataDisks.map((d) => d.lun),
        logLuns: logDisks.map((d) => d.lun),
        tempDbLun,
    };
}

/** Which role a data disk of the layout belongs to, by its key. */
export function sqlDiskRole(key: string): "data" | "log" | "tempDb" | undefined {
    return /^sql-data(-\d+)?$/.test(key) ? "data" : /^sql-log(-\d+)?$/.test(key) ? "log" : key === SQL_DISKS.tempDb.key ? "tempDb" : undefined;
}
