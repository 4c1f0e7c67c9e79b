/**
 * SqlServerVm's arguments: the WindowsVm's, minus the image and the data disks the preset decides, plus `sql`.
 */
import type { DiskSku, DiskSourceArgs } from "../../disk/disk-args";
import type { WindowsVmArgs } from "../../vm/vm-args";

export const SQL_EDITIONS = ["developer", "standard", "enterprise"] as const;
export type SqlEdition = (typeof SQL_EDITIONS)[number];
export const SQL_LICENSE_TYPES = ["PAYG", "AHUB", "DR"] as const;
export type SqlLicenseType = (typeof SQL_LICENSE_TYPES)[number];
export const SQL_TEMPDB_PLACEMENTS = ["local", "disk"] as const;
export type SqlTempDbPlacement = (typeof SQL_TEMPDB_PLACEMENTS)[number];
export const SQL_STORAGE_WORKLOADS = ["GENERAL", "OLTP", "DW"] as const;
export type SqlStorageWorkload = (typeof SQL_STORAGE_WORKLOADS)[number];
export const SQL_ASSESSMENT_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;
export type SqlAssessmentDay = (typeof SQL_ASSESSMENT_DAYS)[number];

/**
 * SQL Server's instance settings, which the SQL IaaS agent applies (`sqlInstanceSettings`, Microsoft.SqlVirtualMachine
 * API 2023-10-01), with the defaults of Microsoft's "Checklist: Best practices for SQL Server on Azure VMs". A default
 * computed from the size is fixed when the registration is created: a deployed registration keeps the value it was
 * created with (the default is in its `ignoreChanges`), also after a resize, and a registration deployed before these
 * settings existed gets none of the defaults. A value you set is sent, and changes in place.
 */
export interface SqlInstanceSettingsArgs {
    /**
     * The max degree of parallelism (0-32767; 0 lets SQL Server use every processor). SharePoint Server needs 1.
     * @default the size's vCPUs, at most 8: Microsoft's MAXDOP guidance for SQL Server 2016 and later ("Configure the
     * max degree of parallelism": at most the logical processors up to 8 on a NUMA node; never more than 8 here). Not
     * sent for a size the library's size table does not know (a warning; state the size's `vcpus` in
     * `preflightFacts.size`)
     */
    readonly maxDop?: number;
    /**
     * The min server memory, in MB.
     * @default not sent: SQL Server's own, 0
     */
    readonly minServerMemoryMb?: number;
    /**
     * The max server memory, in MB (at least 128).
     * @default the size's memory less what SQL Server allocates outside it, as Microsoft's "Server memory
     * configuration options" computes it for one instance: (memory in MB - max worker threads x 2 MB of thread stack)
     * x 0.75, where the max worker threads are 512 for up to 4 vCPUs, 512 + (vCPUs - 4) x 16 up to 64 vCPUs and
     * 512 + (vCPUs - 4) x 32 above ("Configure the max worker threads"); e.g. 23,808 MB on Standard_E4ds_v5 (4 vCPUs,
     * 32 GiB) and 48,288 MB on Standard_E8ds_v5. Not sent for a size the table does not know (a warning; state its
     * `vcpus` and `memoryGb` in `preflightFacts.size`)
     */
    readonly maxServerMemoryMb?: number;
    /**
     * Lock pages in memory (`isLpimEnabled`): SQL Server's buffer pool is not paged out. Microsoft strongly recommends
     * a max server memory with it.
     * @default true when a max server memory is sent (given or computed), otherwise not sent
     */
    readonly lockPagesInMemory?: boolean;
    /**
     * Instant file initialization for data files (`isIfiEnabled`): data files grow without being zeroed first.
     * @default true
     */
    readonly instantFileInitialization?: boolean;
    /**
     * Optimize for ad hoc workloads, which the checklist advises for OLTP-heavy servers.
     * @default not sent: SQL Server's own, off
     */
    readonly optimizeForAdHocWorkloads?: boolean;
    /**
     * The server collation, e.g. "Latin1_General_100_CI_AS_SC_UTF8". Taken only when the registration is created:
     * changing an installed instance's collation means rebuilding its system databases, so a change on a deployed VM
     * is predicted refused (`npm run plan -- --changes-from`, rule `azure-sql-create-only`).
     * @default not sent: the image's, SQL_Latin1_General_CP1_CI_AS
     */
    readonly collation?: string;
}

/**
 * One SQL role's disks (data or log), which the SQL IaaS agent stripes into one storage pool (Storage Spaces, simple
 * resiliency, one column per disk, 64 KB interleave): how many, of which SKU, and the performance to reach. Fixed at
 * creation: a pool's column count cannot change (Microsoft Learn, "Storage configuration for SQL Server VMs").
 */
export interface SqlDiskSetArgs {
    /**
     * How many disks of the role's size (`dataDiskSizeGb`, `logDiskSizeGb`) the pool stripes.
     * @default 1; with `iops` or `throughputMBps` on Premium SSD, the fewest disks whose sum reaches them
     */
    readonly count?: number;
    /**
     * The disks' SKU. Premium SSD v2 (`PremiumV2_LRS`) takes provisioned IOPS and throughput and no host caching, and
     * needs a zonal VM.
     * @default the VM's default data disk SKU: "Premium_LRS" on sizes with premium storage
     */
    readonly sku?: DiskSku;
    /**
     * The IOPS the role's pool must reach, the sum over its disks. On Premium SSD (`Premium_LRS`, `Premium_ZRS`) it
     * picks the count from each disk's provisioned IOPS at its size (e.g. 5,000 for a 1,024 GiB P30); on Premium SSD
     * v2 and Ultra Disk it is provisioned, split evenly over the disks.
     * @default none: the disks' own performance
     */
    readonly iops?: number;
    /**
     * The throughput in MB/s the role's pool must reach, as `iops` (e.g. 200 MB/s for a P30).
     * @default none: the disks' own performance
     */
    readonly throughputMBps?: number;
}

/** The SQL best practices assessment's weekly schedule. */
export interface SqlAssessmentScheduleArgs {
    /** The day it runs. */
    readonly dayOfWeek: SqlAssessmentDay;
    /** When it starts, "HH:mm" in the VM's time zone, e.g. "23:00". */
    readonly startTime: string;
    /**
     * Every how many weeks it runs, 1-6.
     * @default 1
     */
    readonly weeklyInterval?: number;
}

/**
 * The SQL best practices assessment (`assessmentSettings`): the agent checks the instance and its databases against
 * Microsoft's rules and uploads the results to a Log Analytics workspace in the VM's subscription.
 */
export interface SqlAssessmentArgs {
    /**
     * On or off; `false` turns a deployed assessment off.
     * @default true
     */
    readonly enabled?: boolean;
    /**
     * When it runs by itself, weekly.
     * @default none: on demand only, from the portal or `az sql vm start-assessment`
     */
    readonly schedule?: SqlAssessmentScheduleArgs;
    /**
     * Run one assessment as soon as the setting is applied.
     * @default false
     */
    readonly runImmediately?: boolean;
}

/** The SQL part of SqlServerVm's arguments. */
export interface SqlServerArgs {
    /**
     * The SQL Server edition, which picks the image. "developer" has every Enterprise feature and no SQL Server licence
     * cost, but its licence forbids production use; "standard" and "enterprise" are billed per core (or brought with
     * `licenseType: "AHUB"`).
     * @default "developer"
     */
    readonly edition?: SqlEdition;
    /**
     * How SQL Server is licensed: "PAYG" (billed with the VM), "AHUB" (Azure Hybrid Benefit: your own licences with
     * Software Assurance) or "DR" (a free passive disaster-recovery replica). The Developer edition is always "PAYG".
     * @default "PAYG"
     */
    readonly licenseType?: SqlLicenseType;
    /** Size in GiB of the data disk (LUN 0, key `sql-data`, read-only caching, `F:\data`). */
    readonly dataDiskSizeGb: number;
    /** Size in GiB of the log disk (LUN 1, key `sql-log`, no caching, `G:\log`). */
    readonly logDiskSizeGb: number;
    /**
     * Where tempdb lives: "local" on the size's local temporary disk (`D:\tempDb`; fast, free and emptied on
     * redeployment, which tempdb tolerates) or "disk" on its own data disk (LUN 2, key `sql-tempdb`, `H:\tempDb`).
     * @default "local" when the size is known to have a local temporary disk (a "d" among its features on v4/v5
     * sizes, e.g. Standard_E4ds_v5), otherwise "disk": sizes without one (Standard_E4s_v5), and sizes the rule cannot
     * tell (v6 sizes, whose local disks are NVMe, and older generations), get a disk
     */
    readonly tempDb?: SqlTempDbPlacement;
    /** Size in GiB of the tempdb disk; required when tempdb gets a disk, refused otherwise. */
    readonly tempDbDiskSizeGb?: number;
    /**
     * The TCP port SQL Server listens on, reachable from the virtual network only (connectivity "PRIVATE"; open it
     * to the clients' subnet with VmNetwork's `inboundRules`).
     * @default 1433
     */
    readonly port?: number;
    /**
     * How the SQL IaaS agent stripes the new storage pools: "GENERAL", "OLTP" or "DW" (data warehouse).
     * @default "GENERAL"
     */
    readonly storageWorkload?: SqlStorageWorkload;
    /**
     * The SQL disks already hold the storage pools a SQL IaaS agent built: no storage configuration is sent, so the
     * agent never builds a pool over them. Required for a VM rebuilt or lifted with its disks (`dataDiskSource`,
     * `logDiskSource`) or from its kept OS disk (`osDisk.source`); set it on this stack's own SQL VM once its first
     * deployment has built the pools, so that a later replacement of the VM or of its registration never sends a
     * storage configuration again. Until it is set, the registration is protected, so a replacement of the VM (which
     * re-creates the registration) or of the registration is refused at preview: set it in an update of its own first.
     * Once it is set on a deployed VM, never set it back: that update would send the storage configuration again, and
     * only the change prediction flags it.
     * @default false: new, empty disks that the agent turns into storage pools
     */
    readonly existingStorage?: boolean;
    /** The existing data disk, with `existingStorage` (copy, import, adopt or reference it). */
    readonly dataDiskSource?: DiskSourceArgs;
    /** The existing log disk, with `existingStorage`. */
    readonly logDiskSource?: DiskSourceArgs;
    /**
     * The data pool's disks: one by default (LUN 0, key `sql-data`); more are keyed `sql-data-2`, `sql-data-3`, ...
     * Disks take LUNs in order: the data disks from 0, then the log disks, then tempdb's.
     * @default one disk of `dataDiskSizeGb`
     */
    readonly dataDisks?: SqlDiskSetArgs;
    /**
     * The log pool's disks (keys `sql-log`, `sql-log-2`, ...), as `dataDisks`. They get no host caching.
     * @default one disk of `logDiskSizeGb`
     */
    readonly logDisks?: SqlDiskSetArgs;
    /**
     * Put the system databases (master, model, msdb) on the data pool instead of the OS disk, as the checklist advises
     * (`storageConfigurationSettings.sqlSystemDbOnDataDisk`). Part of the storage configuration: taken only when the
     * registration is created with one (ignored afterwards, like the configuration itself), and with `existingStorage`
     * not sent at all.
     * @default true for a registration created with a storage configuration; a registration deployed before this
     * setting existed keeps its system databases where they are
     */
    readonly systemDatabasesOnDataDisk?: boolean;
    /** SQL Server's instance settings: MAXDOP, memory, lock pages in memory, instant file initialization, collation. */
    readonly instanceSettings?: SqlInstanceSettingsArgs;
    /**
     * The SQL best practices assessment, an opt-in.
     * @default not sent: the assessment stays as it is (off on a new registration)
     */
    readonly assessment?: SqlAssessmentArgs;
}

/**
 * SqlServerVm's arguments: a WindowsVm's, without the image and data disks the edition and `sql` decide. To rebuild
 * the VM from its kept OS disk (`osDisk.source`, which keeps the instance's master database), set
 * `sql.existingStorage` too, keep `sql.edition` as it was, and remove `adminPassword`, `computerName` and
 * `adminUsername`, which the disk brings.
 */
export interface SqlServerVmArgs extends Omit<WindowsVmArgs, "image" | "imageReference" | "galleryImageId" | "plan" | "dataDisks"> {
    /** SQL Server: edition, licence, disks, tempdb placement, port, instance settings and assessment. */
    readonly sql: SqlServerArgs;
}
