/**
 * Pure planning for SqlServerVm: the edition's image, the SQL disks the WindowsVm attaches, and what the SQL IaaS
 * agent is told (licence, connectivity, storage configuration, patching), as plain data. No Azure SDK here.
 */
import { checkChoice, type PlanResult, type Problem } from "../../core/problems";
import type { DataDiskArgs } from "../../disk/disk-args";
import type { ImageKey } from "../../image/image-facts";
import {
    SQL_EDITIONS, SQL_LICENSE_TYPES, SQL_STORAGE_WORKLOADS, SQL_TEMPDB_PLACEMENTS,
    type SqlEdition, type SqlLicenseType, type SqlServerArgs, type SqlServerVmArgs, type SqlStorageWorkload, type SqlTempDbPlacement,
} from "./sql-server-args";
import type { WindowsVmArgs } from "../../vm/vm-args";
import { planVm, type VmPlan } from "../../vm/vm-plan";

/** SQL Server's own port when none is given. */
export const SQL_DEFAULT_PORT = 1433;

/** Where each SQL disk is attached, its key (`<vm>-disk-<key>`), its host caching and the folder the agent makes on it. */
export const SQL_DISKS = {
    data: { key: "sql-data", lun: 0, caching: "ReadOnly", path: "F:\\data" },
    log: { key: "sql-log", lun: 1, caching: "None", path: "G:\\log" },
    tempDb: { key: "sql-tempdb", lun: 2, caching: "ReadOnly", path: "H:\\tempDb" },
} as const;
/** tempdb on the size's local temporary disk, which Azure mounts as D: on Windows. */
export const SQL_LOCAL_TEMPDB_PATH = "D:\\tempDb";

const IMAGES: Readonly<Record<SqlEdition, { key: ImageKey; sku: "Developer" | "Standard" | "Enterprise" }>> = {
    developer: { key: "sql-server-2022-developer", sku: "Developer" },
    standard: { key: "sql-server-2022-standard", sku: "Standard" },
    enterprise: { key: "sql-server-2022-enterprise", sku: "Enterprise" },
};
/** The SQL IaaS agent's name for the catalogue images' offer. */
export const SQL_IMAGE_OFFER = "SQL2022-WS2022";

/** One storage pool setting for the agent: the LUNs it pools and the folder it creates. */
export interface SqlStorageSettingsPlan {
    readonly luns?: readonly number[];
    readonly defaultFilePath: string;
    readonly useStoragePool?: false;
}

/** The agent's storage configuration for new, empty disks. */
export interface SqlStoragePlan {
    readonly diskConfigurationType: "NEW";
    readonly storageWorkloadType: SqlStorageWorkload;
    readonly sqlDataSettings: SqlStorageSettingsPlan;
    readonly sqlLogSettings: SqlStorageSettingsPlan;
    readonly sqlTempDbSettings: SqlStorageSettingsPlan;
}

export interface SqlServerPlan {
    readonly edition: SqlEdition;
    readonly image: ImageKey;
    readonly imageSku: "Developer" | "Standard" | "Enterprise";
    readonly licenseType: SqlLicenseType;
    readonly port: number;
    readonly tempDb: SqlTempDbPlacement;
    /** The WindowsVm's data disks, in LUN order. */
    readonly dataDisks: readonly DataDiskArgs[];
    /** Undefined with `existingStorage`: nothing is sent. */
    readonly storage: SqlStoragePlan | undefined;
}

/**
 * Whether a size has a local temporary disk, by Azure's naming: on v4 and v5 sizes a "d" among the features says so
 * (Standard_E4ds_v5 has one, Standard_E4s_v5 has none). Undefined where the name does not tell: v6 sizes (NVMe local
 * disks, not a ready D: drive) and older generations, which named no "d".
 */
export function hasLocalTempDisk(size: string): boolean | undefined {
    const match = /^Standard_[A-Z]+\d+(?:-\d+)?([a-z]*)(?:_[A-Za-z0-9]+)*?_v(\d+)$/.exec(size);
    if (!match) {
        return undefined;
    }
    const version = Number(match[2]);
    return version === 4 || version === 5 ? (match[1] ?? "").includes("d") : undefined;
}

export function planSqlServer(size: string, sql: SqlServerArgs): PlanResult<SqlServerPlan> {
    const problems: Problem[] = [];
    const edition = sql.edition ?? "developer";
    const licenseType = sql.licenseType ?? "PAYG";
    problems.push(...checkChoice("sql.edition", edition, SQL_EDITIONS, "SQL Server edition"));
    problems.push(...checkChoice("sql.licenseType", licenseType, SQL_LICENSE_TYPES, "SQL Server licence type"));
    if (edition === "developer" && licenseType !== "PAYG") {
        problems.push({
            path: "sql.licenseType",
            message: `"${licenseType}" is not available for the Developer edition, which is free and always "PAYG"; remove licenseType, or choose edition "standard" or "enterprise".`,
        });
    }
    const port = sql.port ?? SQL_DEFAULT_PORT;
    if (!Number.isInteger(port) || (port !== SQL_DEFAULT_PORT && (port < 1024 || port > 65535))) {
        problems.push({ path: "sql.port", message: `${port} is not a SQL Server port; use 1433 or a whole number from 1024 to 65535.` });
    }
    if (sql.storageWorkload !== undefined) {
        problems.push(...checkChoice("sql.storageWorkload", sql.storageWorkload, SQL_STORAGE_WORKLOADS, "storage workload"));
    }

    const localDisk = hasLocalTempDisk(size);
    const tempDb = sql.tempDb ?? (localDisk === true ? "local" : "disk");
    problems.push(...checkChoice("sql.tempDb", tempDb, SQL_TEMPDB_PLACEMENTS, "tempdb placement"));
    if (tempDb === "local" && localDisk === false) {
        problems.push({
            path: "sql.tempDb",
            message: `"local" needs a local temporary disk, and ${size} has none (sizes with a "d" among their features, like Standard_E4ds_v5, have one); choose such a size or set tempDb: "disk".`,
        });
    }
    if (tempDb === "disk" && sql.tempDbDiskSizeGb === undefined) {
        const why = sql.tempDb === undefined ? `${size} is not known to have a local temporary disk, so tempdb gets its own disk at LUN 2` : `tempDb "disk" puts tempdb on its own disk at LUN 2`;
        problems.push({ path: "sql.tempDbDiskSizeGb", message: `is missing; ${why} (set its size, e.g. 128, or set tempDb: "local" on a size with a local disk).` });
    }
    if (tempDb === "local" && sql.tempDbDiskSizeGb !== undefined) {
        problems.push({ path: "sql.tempDbDiskSizeGb", message: `is set, but tempdb is on the local temporary disk; remove it, or set tempDb: "disk".` });
    }

    // existingStorage without sources is the stack's own disks once they hold their pools: allowed, and the safe
    // setting before anything could re-create the registration (a VM replacement).
    const existing = sql.existingStorage === true;
    if (!existing) {
        for (const field of ["dataDiskSource", "logDiskSource"] as const) {
            if (sql[field] !== undefined) {
                problems.push({
                    path: `sql.${field}`,
                    message: `is set, but existingStorage is not; the SQL IaaS agent would build a new storage pool over the disk's data (set existingStorage: true).`,
                });
            }
        }
    }
    if (problems.length > 0) {
        return { ok: false, problems };
    }

    const { data, log, tempDb: tempDbDisk } = SQL_DISKS;
    const dataDisks: DataDiskArgs[] = [
        { name: data.key, lun: data.lun, sizeGb: sql.dataDiskSizeGb, caching: data.caching, source: sql.dataDiskSource },
        { name: log.key, lun: log.lun, sizeGb: sql.logDiskSizeGb, caching: log.caching, source: sql.logDiskSource },
        ...(tempDb === "disk" ? [{ name: tempDbDisk.key, lun: tempDbDisk.lun, sizeGb: sql.tempDbDiskSizeGb, caching: tempDbDisk.caching }] : []),
    ];
    const storage: SqlStoragePlan | undefined = existing ? undefined : {
        diskConfigurationType: "NEW",
        storageWorkloadType: sql.storageWorkload ?? "GENERAL",
        sqlDataSettings: { luns: [data.lun], defaultFilePath: data.path },
        sqlLogSettings: { luns: [log.lun], defaultFilePath: log.path },
        sqlTempDbSettings: tempDb === "disk"
            ? { luns: [tempDbDisk.lun], defaultFilePath: tempDbDisk.path }
            : { useStoragePool: false, defaultFilePath: SQL_LOCAL_TEMPDB_PATH },
    };
    const image = IMAGES[edition];
    return { ok: true, plan: { edition, image: image.key, imageSku: image.sku, licenseType, port, tempDb, dataDisks, storage } };
}

/**
 * The registration's inputs that Azure takes only when it creates it, as azure-native input paths: a change to one
 * becomes a planned replacement, which the registration's `protect` refuses at preview while it sends a storage
 * configuration (`sqlRegistrationOptions`), instead of an update Azure would refuse or apply over the pools.
 *
 * Sources: the SqlVirtualMachine API 2023-10-01 marks `virtualMachineResourceId`, `sqlImageOffer` and
 * `storageConfigurationSettings.storageWorkloadType` create/read (x-ms-mutability); Microsoft Learn documents a storage
 * configuration of type NEW for a new VM only, an existing one being extended one disk per call (type EXTEND), so the
 * configuration type and the pools' LUNs and paths are create-time too. `virtualMachineResourceId` is the VM's id:
 * azure-native already replaces on it, and listing it makes a VM rebuilt delete-first replace the registration with it
 * (a dependent replacement, pulumi/pulumi v3.259.0 step_generator.go:3220 `calculateDependentReplacements`, which
 * reads these paths from the state) whatever the provider's metadata says.
 *
 * The engine matches a listed path against the changed paths by prefix (step_generator.go:3122
 * `applyReplaceOnChanges`, `PropertyPath.Contains`), so the storage settings are listed member by member, never as the
 * whole `storageConfigurationSettings`: a change inside it matches, but the whole object disappearing, when
 * `existingStorage` is turned on, is a change at `storageConfigurationSettings` itself, which no longer path matches.
 * That stays an in-place update, as intended: the registration stops sending the configuration, and its protection goes
 * off in the same step. Listing the whole object would make that a replacement, and would make the reverse (the object
 * appearing again) a replacement that nothing refuses, the old state being unprotected then.
 */
export const SQL_REGISTRATION_REPLACE_ON_CHANGES: readonly string[] = [
    "virtualMachineResourceId",
    "sqlImageOffer",
    "storageConfigurationSettings.diskConfigurationType",
    "storageConfigurationSettings.storageWorkloadType",
    "storageConfigurationSettings.sqlDataSettings",
    "storageConfigurationSettings.sqlLogSettings",
    "storageConfigurationSettings.sqlTempDbSettings",
];

/** The resource options of the SQL IaaS agent registration. */
export interface SqlRegistrationOptions {
    readonly protect: boolean;
    readonly deleteBeforeReplace: true;
    readonly replaceOnChanges: readonly string[];
}

/**
 * The registration's options. `deleteBeforeReplace`: Azure allows one SqlVirtualMachine per VM, under the VM's name.
 * `protect` exactly while it sends a storage configuration: re-created, it would send it again, and the agent would
 * build storage pools over disks that already hold them. A VM rebuilt delete-first replaces the registration with it,
 * and the engine refuses that whole replacement, at preview, while the registration is protected in the state
 * (step_generator.go:2111-2122); as it refuses a replacement of the registration's own (step_generator.go:1958).
 * With `existingStorage` it sends none, is not protected, and is re-created with a rebuilt VM, which registers the new
 * VM with the agent again. Not caught: turning `existingStorage` back off on a deployed VM, an in-place update from an
 * unprotected state that sends the configuration again.
 */
export function sqlRegistrationOptions(sendsStorageConfiguration: boolean): SqlRegistrationOptions {
    return { protect: sendsStorageConfiguration, deleteBeforeReplace: true, replaceOnChanges: SQL_REGISTRATION_REPLACE_ON_CHANGES };
}

/** The whole preset: the SQL plan, the WindowsVm's arguments and its plan (checked here, before anything registers). */
export interface SqlServerVmPlan {
    readonly sql: SqlServerPlan;
    readonly windowsArgs: WindowsVmArgs;
    readonly vm: VmPlan;
    /** Pulumi name of the SqlVirtualMachine child. */
    readonly resourceName: string;
    readonly registrationOptions: SqlRegistrationOptions;
}

/** A WindowsVm problem on a SQL disk, said in SqlServerVm's own argument names. */
function sqlDiskPath(path: string, disks: readonly DataDiskArgs[]): string {
    const match = /^dataDisks\[(\d+)\](.*)$/.exec(path);
    const role = { "sql-data": "dataDisk", "sql-log": "logDisk", "sql-tempdb": "tempDbDisk" }[disks[Number(match?.[1])]?.name ?? ""];
    if (!match || role === undefined) {
        return path;
    }
    const rest = match[2] ?? "";
    return rest === ".sizeGb" ? `sql.${role}SizeGb` : rest.startsWith(".source") ? `sql.${role}Source${rest.slice(".source".length)}` : `sql.${role}${rest}`;
}

/** Plans SqlServerVm: its SQL plan and its WindowsVm's, or every problem of both, said in SqlServerVm's arguments. */
export function planSqlServerVm(name: string, args: SqlServerVmArgs): PlanResult<SqlServerVmPlan> {
    const { sql, ...vmArgs } = args;
    const planned = planSqlServer(args.size, sql);
    // With SQL problems, the WindowsVm is still checked (without the SQL disks) so that every problem is said at once.
    const disks = planned.ok ? planned.plan.dataDisks : [];
    const windowsArgs: WindowsVmArgs = { ...vmArgs, image: planned.ok ? planned.plan.image : IMAGES.developer.key, dataDisks: disks };
    const vm = planVm("windows", name, windowsArgs, { adminPassword: args.adminPassword });
    if (!planned.ok || !vm.ok) {
        const problems = [
            ...(planned.ok ? [] : planned.problems),
            ...(vm.ok ? [] : vm.problems.map((p) => ({ path: sqlDiskPath(p.path, disks), message: p.message }))),
        ];
        return { ok: false, problems };
    }
    return {
        ok: true,
        plan: {
            sql: planned.plan, windowsArgs, vm: vm.plan, resourceName: `${name}-sql`,
            registrationOptions: sqlRegistrationOptions(planned.plan.storage !== undefined),
        },
    };
}
