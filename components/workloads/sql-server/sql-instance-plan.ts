/**
 * Pure planning for SQL Server's instance settings, which the SQL IaaS agent applies
 * (`serverConfigurationsManagementSettings.sqlInstanceSettings`, Microsoft.SqlVirtualMachine API 2023-10-01), with
 * the defaults of Microsoft's "Checklist: Best practices for SQL Server on Azure VMs" computed from the VM size: set a
 * max server memory that leaves the OS its share, lock pages in memory, instant file initialization, and a MAXDOP by
 * Microsoft's guidance. No Azure SDK here.
 */
import type { Problem } from "../../core/problems";
import type { SizeFacts } from "../../vm/size-facts";
import type { SqlInstanceSettingsArgs } from "./sql-server-args";

/** The settings as the API names them; a setting that is absent is not sent. */
export interface SqlInstanceSettingsPlan {
    readonly collation?: string;
    readonly maxDop?: number;
    readonly minServerMemoryMB?: number;
    readonly maxServerMemoryMB?: number;
    readonly isLpimEnabled?: boolean;
    readonly isIfiEnabled?: boolean;
    readonly isOptimizeForAdHocWorkloadsEnabled?: boolean;
}
export type SqlInstanceSetting = keyof SqlInstanceSettingsPlan;

/** Where the settings are in the registration's inputs. */
export const SQL_INSTANCE_SETTINGS_PATH = "serverConfigurationsManagementSettings.sqlInstanceSettings";

/** SQL Server's smallest max server memory, in MB ("Server memory configuration options"). */
export const MIN_MAX_SERVER_MEMORY_MB = 128;
/** SQL Server's largest max degree of parallelism ("Configure the max degree of parallelism"). */
export const MAX_MAXDOP = 32_767;
/** The MAXDOP default's ceiling: Microsoft's guidance never goes above 8 for a NUMA node of more than 8 processors. */
export const DEFAULT_MAXDOP_CEILING = 8;
/** The thread stack of a SQL Server worker on x64, in MB ("Memory management architecture guide"). */
export const WORKER_STACK_MB = 2;
/** A collation name: letters, digits and underscores (sys.fn_helpcollations), at most 128 characters (a sysname). */
const COLLATION = /^[A-Za-z0-9_]{1,128}$/;

/**
 * SQL Server's default max worker threads on a 64-bit machine ("Configure the max worker threads server configuration
 * option"): 512 for up to 4 processors, 512 + (processors - 4) x 16 up to 64, 512 + (processors - 4) x 32 above.
 */
export function maxWorkerThreads(vcpus: number): number {
    if (vcpus <= 4) {
        return 512;
    }
    return 512 + (vcpus - 4) * (vcpus <= 64 ? 16 : 32);
}

/**
 * The max server memory default, in MB: from the size's memory, less the worker threads' stacks (max worker threads x
 * 2 MB), then less 25% for SQL Server's other allocations outside it, as "Server memory configuration options" computes
 * it for a single instance; rounded down.
 */
export function defaultMaxServerMemoryMb(memoryGb: number, vcpus: number): number {
    return Math.floor((memoryGb * 1024 - maxWorkerThreads(vcpus) * WORKER_STACK_MB) * 0.75);
}

/**
 * The MAXDOP default: the size's vCPUs, at most 8. Microsoft's guidance for SQL Server 2016 and later: on one NUMA node,
 * at most the logical processors up to 8; with several nodes, at most the processors of a node and never above 16, so
 * 8 stays within it on every Azure size.
 */
export function defaultMaxDop(vcpus: number): number {
    return Math.min(vcpus, DEFAULT_MAXDOP_CEILING);
}

export interface PlannedInstanceSettings {
    readonly settings: SqlInstanceSettingsPlan;
    /** The settings whose value is a default (not given): fixed at creation, see SqlInstanceSettingsArgs. */
    readonly defaulted: readonly SqlInstanceSetting[];
    readonly problems: readonly Problem[];
    readonly warnings: readonly Problem[];
}

function checkWhole(path: string, value: number, min: number, max: number | undefined, what: string): Problem[] {
    if (Number.isInteger(value) && value >= min && (max === undefined || value <= max)) {
        return [];
    }
    const range = max === undefined ? `a whole number of at least ${min}` : `a whole number from ${min} to ${max}`;
    return [{ path, message: `${value} is not ${what}; use ${range}.` }];
}

/**
 * The instance settings: the given ones, checked, and the checklist's defaults from the size's facts (its vCPUs and
 * memory, from the size table or `preflightFacts.size`). A size whose facts are unknown gets no computed default and a
 * warning.
 * @param path where the settings are in the component's arguments, for messages
 */
export function planInstanceSettings(path: string, size: string, facts: Partial<SizeFacts>, given: SqlInstanceSettingsArgs | undefined): PlannedInstanceSettings {
    const args = given ?? {};
    const problems: Problem[] = [];
    const warnings: Problem[] = [];
    if (args.maxDop !== undefined) {
        problems.push(...checkWhole(`${path}.maxDop`, args.maxDop, 0, MAX_MAXDOP, "a max degree of parallelism"));
    }
    if (args.minServerMemoryMb !== undefined) {
        problems.push(...checkWhole(`${path}.minServerMemoryMb`, args.minServerMemoryMb, 0, undefined, "a min server memory in MB"));
    }
    if (args.maxServerMemoryMb !== undefined) {
        problems.push(...checkWhole(`${path}.maxServerMemoryMb`, args.maxServerMemoryMb, MIN_MAX_SERVER_MEMORY_MB, undefined, "a max server memory in MB"));
    }
    if (args.collation !== undefined && !COLLATION.test(args.collation)) {
        problems.push({
            path: `${path}.collation`,
            message: `${JSON.stringify(args.collation)} is not a SQL Server collation name; use letters, digits and underscores, e.g. "Latin1_General_100_CI_AS_SC_UTF8" (SELECT name FROM sys.fn_helpcollations() lists them).`,
        });
    }

    const defaults = {
        maxDop: facts.vcpus !== undefined ? defaultMaxDop(facts.vcpus) : undefined,
        maxServerMemoryMB: facts.vcpus !== undefined && facts.memoryGb !== undefined ? defaultMaxServerMemoryMb(facts.memoryGb, facts.vcpus) : undefined,
    };
    const unknown = [
        ...(args.maxDop === undefined && defaults.maxDop === undefined ? ["maxDop"] : []),
        ...(args.maxServerMemoryMb === undefined && defaults.maxServerMemoryMB === undefined ? ["maxServerMemoryMb"] : []),
    ];
    if (unknown.length > 0) {
        warnings.push({
            path,
            message: `has no computed ${unknown.join(" or ")}: ${JSON.stringify(size)} is not in the library's size table, so its vCPUs and memory are unknown and SQL Server keeps what its image set (state them in preflightFacts.size, or set ${unknown.join(" and ")}).`,
        });
    }
    const maxServerMemoryMB = args.maxServerMemoryMb ?? defaults.maxServerMemoryMB;
    if (problems.length === 0 && args.minServerMemoryMb !== undefined && maxServerMemoryMB !== undefined && args.minServerMemoryMb > maxServerMemoryMB) {
        problems.push({
            path: `${path}.minServerMemoryMb`,
            message: `${args.minServerMemoryMb} is more than the max server memory, ${maxServerMemoryMB} MB${args.maxServerMemoryMb === undefined ? " (computed from the size)" : ""}; SQL Server refuses it (lower minServerMemoryMb, or raise maxServerMemoryMb).`,
        });
    }
    if (args.maxServerMemoryMb !== undefined && facts.memoryGb !== undefined && args.maxServerMemoryMb > facts.memoryGb * 1024) {
        warnings.push({
            path: `${path}.maxServerMemoryMb`,
            message: `is ${args.maxServerMemoryMb} MB, more than the ${facts.memoryGb} GiB (${facts.memoryGb * 1024} MB) of ${size}: it leaves the OS nothing (the checklist: leave enough memory for the operating system).`,
        });
    }
    if (args.lockPagesInMemory === true && maxServerMemoryMB === undefined) {
        warnings.push({
            path: `${path}.lockPagesInMemory`,
            message: `is true with no max server memory: SQL Server may then take memory the OS needs, and cannot give it back (Microsoft strongly recommends a max server memory with it; set maxServerMemoryMb).`,
        });
    }

    const maxDop = args.maxDop ?? defaults.maxDop;
    // Lock pages in memory by default only under a memory limit: without one SQL Server could keep what the OS needs.
    const isLpimEnabled = args.lockPagesInMemory ?? (maxServerMemoryMB !== undefined ? true : undefined);
    const settings: SqlInstanceSettingsPlan = {
        ...(args.collation !== undefined ? { collation: args.collation } : {}),
        ...(maxDop !== undefined ? { maxDop } : {}),
        ...(args.minServerMemoryMb !== undefined ? { minServerMemoryMB: args.minServerMemoryMb } : {}),
        ...(maxServerMemoryMB !== undefined ? { maxServerMemoryMB } : {}),
        ...(isLpimEnabled !== undefined ? { isLpimEnabled } : {}),
        isIfiEnabled: args.instantFileInitialization ?? true,
        ...(args.optimizeForAdHocWorkloads !== undefined ? { isOptimizeForAdHocWorkloadsEnabled: args.optimizeForAdHocWorkloads } : {}),
    };
    const defaulted: SqlInstanceSetting[] = [];
    if (args.maxDop === undefined && settings.maxDop !== undefined) {
        defaulted.push("maxDop");
    }
    if (args.maxServerMemoryMb === undefined && settings.maxServerMemoryMB !== undefined) {
        defaulted.push("maxServerMemoryMB");
    }
    if (args.lockPagesInMemory === undefined && settings.isLpimEnabled !== undefined) {
        defaulted.push("isLpimEnabled");
    }
    if (args.instantFileInitialization === undefined) {
        defaulted.push("isIfiEnabled");
    }
    return { settings, defaulted, problems, warnings };
}

/**
 * The registration's `ignoreChanges` for the defaulted settings: each one's path, so that a registration deployed
 * before the defaults existed, or before a resize, keeps what it has (a default reaches new registrations only; an
 * update would also send the storage configuration again, the API taking the whole resource). When every sent setting
 * is a default, the whole object instead: a registration without it would otherwise get an empty object.
 */
export function instanceSettingsIgnoreChanges(planned: Pick<PlannedInstanceSettings, "settings" | "defaulted">): string[] {
    const sent = Object.keys(planned.settings);
    if (sent.length > 0 && sent.every((k) => planned.defaulted.includes(k as SqlInstanceSetting))) {
        return [SQL_INSTANCE_SETTINGS_PATH];
    }
    return planned.defaulted.map((k) => `${SQL_INSTANCE_SETTINGS_PATH}.${k}`);
}
