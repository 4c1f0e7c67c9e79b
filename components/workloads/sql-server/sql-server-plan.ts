/**
 * Pure planning for SqlServerVm: the edition's image, the SQL disks the WindowsVm attaches, and what the SQL IaaS
 * agent is told (licence, connectivity, instance settings, storage configuration, patching, assessment), as plain
 * data. No Azure SDK here.
 */
import { checkChoice, type PlanResult, type Problem } from "../../core/problems";
import type { DataDiskArgs } from "../../disk/disk-args";
import { sourceKind } from "../../disk/disk-rules";
import type { ImageKey } from "../../image/image-facts";
import { defaultDiskSku, type PreflightFacts } from "../../vm/placement-rules";
import { knownSizeFacts } from "../../vm/size-facts";
import type { WindowsVmArgs } from "../../vm/vm-args";
import { planVm, type VmPlan } from "../../vm/vm-plan";
import { instanceSettingsIgnoreChanges, planInstanceSettings, type SqlInstanceSettingsPlan } from "./sql-instance-plan";
import {
    SQL_EDITIONS, SQL_LICENSE_TYPES, SQL_STORAGE_WORKLOADS, SQL_TEMPDB_PLACEMENTS,
    type SqlEdition, type SqlLicenseType, type SqlServerArgs, type SqlServerVmArgs, type SqlStorageWorkload, type SqlTempDbPlacement,
} from "./sql-server-args";
import {
    checkSqlGuestAgent, planAssessment, sendsStorageConfiguration, sqlRegistrationOptions, type SqlAssessmentPlan, type SqlRegistrationOptions,
} from "./sql-registration-plan";
import { SQL_DISKS, planSqlRole, sqlDiskLayout, sqlDiskRole } from "./sql-storage-plan";

export { SQL_DISKS } from "./sql-storage-plan";
export {
    SQL_REGISTRATION_REPLACE_ON_CHANGES, SQL_SYSTEM_DB_PATH, sendsStorageConfiguration, sqlRegistrationOptions, type SqlAssessmentPlan,
    type SqlRegistrationOptions,
} from "./sql-registration-plan";

/** SQL Server's own port when none is given. */
export const SQL_DEFAULT_PORT = 1433;

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
    /** The system databases on the data pool (`sqlSystemDbOnDataDisk`). */
    readonly sqlSystemDbOnDataDisk: boolean;
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
    /** Undefined when no storage configuration is sent: see `sendsStorageConfiguration`. */
    readonly storage: SqlStoragePlan | undefined;
    /** What `serverConfigurationsManagementSettings.sqlInstanceSettings` sends. */
    readonly instanceSettings: SqlInstanceSettingsPlan;
    /** The registration's `ignoreChanges` for the instance settings that are defaults. */
    readonly instanceSettingsIgnoreChanges: readonly string[];
    /** Undefined when `sql.assessment` is not given: nothing is sent. */
    readonly assessment: SqlAssessmentPlan | undefined;
    /** False while the OS disk awaits its upload: there is no VM to register. */
    readonly registered: boolean;
    /** What the SQL rules could not check; SqlServerVm logs each as a warning. */
    readonly warnings: readonly Problem[];
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

/** What the SQL plan needs of the VM's arguments, beyond the size. */
export interface SqlVmContext {
    readonly facts?: PreflightFacts;
    readonly osDisk?: WindowsVmArgs["osDisk"];
}

export function planSqlServer(size: string, sql: SqlServerArgs, vm: SqlVmContext = {}): PlanResult<SqlServerPlan> {
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

    // Each role's disks: count, SKU and performance; tempdb's disk, if any, comes after them.
    const facts = knownSizeFacts(size, vm.facts?.size);
    const vmSku = defaultDiskSku(size, vm.facts ?? {});
    const data = planSqlRole("sql.dataDisks", "data", sql.dataDiskSizeGb, vmSku, sql.dataDisks);
    const log = planSqlRole("sql.logDisks", "log", sql.logDiskSizeGb, vmSku, sql.logDisks);
    problems.push(...data.problems, ...log.problems);
    const tempDbLun = data.plan.count + log.plan.count;

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
        const why = sql.tempDb === undefined ? `${size} is not known to have a local temporary disk, so tempdb gets its own disk at LUN ${tempDbLun}` : `tempDb "disk" puts tempdb on its own disk at LUN ${tempDbLun}`;
        problems.push({ path: "sql.tempDbDiskSizeGb", message: `is missing; ${why} (set its size, e.g. 128, or set tempDb: "local" on a size with a local disk).` });
    }
    if (tempDb === "local" && sql.tempDbDiskSizeGb !== undefined) {
        problems.push({ path: "sql.tempDbDiskSizeGb", message: `is set, but tempdb is on the local temporary disk; remove it, or set tempDb: "disk".` });
    }

    // existingStorage without sources is the stack's own disks once they hold their pools: allowed, and the safe
    // setting before anything could re-create the registration (a VM replacement).
    const existing = !sendsStorageConfiguration(sql);
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
    const osDiskKind = sourceKind("osDisk.source", vm.osDisk?.source).kind;
    if (osDiskKind !== "empty" && !existing) {
        problems.push({
            path: "sql.existingStorage",
            message: `is not set, but the VM is built from an existing OS disk (osDisk.source), a SQL Server that already has its storage: the agent's storage configuration, for a new VM's empty disks, would build new pools over the SQL disks (set existingStorage: true; bring the data and log disks with dataDiskSource and logDiskSource unless they are this stack's own).`,
        });
    }

    // The disks: each role's count, SKU and performance (planned above), then what the size attaches.
    for (const [field, role] of [["dataDiskSource", data.plan], ["logDiskSource", log.plan]] as const) {
        if (sql[field] !== undefined && role.count > 1) {
            problems.push({
                path: `sql.${field}`,
                message: `is set, but its role has ${role.count} disks, and one source cannot bring a striped pool's disks (bring a single-disk pool, or build the striped VM new and restore the databases into it).`,
            });
        }
    }
    const total = data.plan.count + log.plan.count + (tempDb === "disk" ? 1 : 0);
    if (facts.maxDataDisks !== undefined && total > facts.maxDataDisks) {
        const path = data.plan.count > 1 ? "sql.dataDisks.count" : log.plan.count > 1 ? "sql.logDisks.count" : "size";
        problems.push({
            path,
            message: `makes ${total} SQL disks (${data.plan.count} data, ${log.plan.count} log${tempDb === "disk" ? ", 1 tempdb" : ""}), and ${size} attaches at most ${facts.maxDataDisks} (choose a larger size or fewer disks).`,
        });
    }

    const instance = planInstanceSettings("sql.instanceSettings", size, facts, sql.instanceSettings);
    problems.push(...instance.problems);
    const assessment = planAssessment(sql.assessment, problems);

    // A VM built from a disk may lack the VM agent the registration's extension runs through; in the upload phase
    // there is no VM, and so no registration, yet.
    const upload = vm.osDisk?.source?.upload;
    const registered = !(osDiskKind === "upload" && upload?.phase === "upload");
    const agent = registered ? checkSqlGuestAgent(osDiskKind, vm.osDisk?.vmAgentInstalled) : { problems: [], warnings: [] };
    problems.push(...agent.problems);
    const warnings = [...instance.warnings, ...agent.warnings];
    if (problems.length > 0) {
        return { ok: false, problems, ...(warnings.length > 0 ? { warnings } : {}) };
    }

    const layout = sqlDiskLayout({
        data: data.plan, log: log.plan, dataSizeGb: sql.dataDiskSizeGb, logSizeGb: sql.logDiskSizeGb,
        tempDbSizeGb: tempDb === "disk" ? sql.tempDbDiskSizeGb : undefined, dataSource: sql.dataDiskSource, logSource: sql.logDiskSource,
    });
    const storage: SqlStoragePlan | undefined = existing ? undefined : {
        diskConfigurationType: "NEW",
        storageWorkloadType: sql.storageWorkload ?? "GENERAL",
        sqlDataSettings: { luns: layout.dataLuns, defaultFilePath: SQL_DISKS.data.path },
        sqlLogSettings: { luns: layout.logLuns, defaultFilePath: SQL_DISKS.log.path },
        sqlTempDbSettings: layout.tempDbLun !== undefined
            ? { luns: [layout.tempDbLun], defaultFilePath: SQL_DISKS.tempDb.path }
            : { useStoragePool: false, defaultFilePath: SQL_LOCAL_TEMPDB_PATH },
        sqlSystemDbOnDataDisk: sql.systemDatabasesOnDataDisk ?? true,
    };
    const image = IMAGES[edition];
    return {
        ok: true,
        plan: {
            edition, image: image.key, imageSku: image.sku, licenseType, port, tempDb, dataDisks: layout.dataDisks, storage,
            instanceSettings: instance.settings, instanceSettingsIgnoreChanges: instanceSettingsIgnoreChanges(instance),
            assessment, registered, warnings,
        },
    };
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
    const key = disks[Number(match?.[1])]?.name ?? "";
    const role = sqlDiskRole(key);
    if (!match || role === undefined) {
        return path;
    }
    const rest = match[2] ?? "";
    if (rest === ".sizeGb") {
        return `sql.${role}DiskSizeGb`;
    }
    if (rest.startsWith(".source")) {
        return `sql.${role}DiskSource${rest.slice(".source".length)}`;
    }
    // A role's shared settings (SKU, performance, caching) are its disk set's; tempdb's disk has none of its own.
    return role === "tempDb" ? `sql.tempDbDisk${rest}` : `sql.${role}Disks${rest}`;
}

/** Plans SqlServerVm: its SQL plan and its WindowsVm's, or every problem of both, said in SqlServerVm's arguments. */
export function planSqlServerVm(name: string, args: SqlServerVmArgs): PlanResult<SqlServerVmPlan> {
    const { sql, ...vmArgs } = args;
    const planned = planSqlServer(args.size, sql, { facts: args.preflightFacts, osDisk: args.osDisk });
    // With SQL problems, the WindowsVm is still checked (without the SQL disks) so that every problem is said at once.
    const disks = planned.ok ? planned.plan.dataDisks : [];
    // A VM rebuilt from its kept OS disk boots that disk, not the edition's image.
    const fromDisk = sourceKind("osDisk.source", args.osDisk?.source).kind !== "empty";
    const image = fromDisk ? {} : { image: planned.ok ? planned.plan.image : IMAGES.developer.key };
    const windowsArgs: WindowsVmArgs = { ...vmArgs, ...image, dataDisks: disks };
    const vm = planVm("windows", name, windowsArgs, { adminPassword: args.adminPassword });
    if (!planned.ok || !vm.ok) {
        // A role's disks share their arguments, so a problem of each of its disks is said once.
        const vmProblems = vm.ok ? [] : vm.problems.map((p) => ({ path: sqlDiskPath(p.path, disks), message: p.message }));
        const problems = [
            ...(planned.ok ? [] : planned.problems),
            ...vmProblems.filter((p, i) => vmProblems.findIndex((q) => q.path === p.path && q.message === p.message) === i),
        ];
        const warnings = [...(planned.ok ? planned.plan.warnings : planned.warnings ?? []), ...(vm.ok ? [] : vm.warnings ?? [])];
        return { ok: false, problems, ...(warnings.length > 0 ? { warnings } : {}) };
    }
    return {
        ok: true,
        plan: {
            sql: planned.plan, windowsArgs, vm: vm.plan, resourceName: `${name}-sql`,
            registrationOptions: sqlRegistrationOptions(planned.plan.storage !== undefined, planned.plan.instanceSettingsIgnoreChanges),
        },
    };
}
