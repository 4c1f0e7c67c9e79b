/**
 * SqlServerVm's arguments: the WindowsVm's, minus the image and the data disks the preset decides, plus `sql`.
 */
import type { DiskSourceArgs } from "../../disk/disk-args";
import type { WindowsVmArgs } from "../../vm/vm-args";

export const SQL_EDITIONS = ["developer", "standard", "enterprise"] as const;
export type SqlEdition = (typeof SQL_EDITIONS)[number];
export const SQL_LICENSE_TYPES = ["PAYG", "AHUB", "DR"] as const;
export type SqlLicenseType = (typeof SQL_LICENSE_TYPES)[number];
export const SQL_TEMPDB_PLACEMENTS = ["local", "disk"] as const;
export type SqlTempDbPlacement = (typeof SQL_TEMPDB_PLACEMENTS)[number];
export const SQL_STORAGE_WORKLOADS = ["GENERAL", "OLTP", "DW"] as const;
export type SqlStorageWorkload = (typeof SQL_STORAGE_WORKLOADS)[number];

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
     * agent never builds a pool over them. Set it for a VM rebuilt or lifted with its disks (with `dataDiskSource` and
     * `logDiskSource`), and on this stack's own SQL VM once its first deployment has built the pools, so that a later
     * replacement of the VM or of its registration never sends a storage configuration again. Until it is set, the
     * registration is protected, so a replacement of the VM (which re-creates the registration) or of the registration
     * is refused at preview: set it in an update of its own first. Once it is set on a deployed VM, never set it back:
     * that update would send the storage configuration again, and nothing refuses it.
     * @default false: new, empty disks that the agent turns into storage pools
     */
    readonly existingStorage?: boolean;
    /** The existing data disk, with `existingStorage` (copy, import, adopt or reference it). */
    readonly dataDiskSource?: DiskSourceArgs;
    /** The existing log disk, with `existingStorage`. */
    readonly logDiskSource?: DiskSourceArgs;
}

/** SqlServerVm's arguments: a WindowsVm's, without the image and data disks the edition and `sql` decide. */
export interface SqlServerVmArgs extends Omit<WindowsVmArgs, "image" | "imageReference" | "galleryImageId" | "plan" | "dataDisks"> {
    /** SQL Server: edition, licence, disks, tempdb placement and port. */
    readonly sql: SqlServerArgs;
}
