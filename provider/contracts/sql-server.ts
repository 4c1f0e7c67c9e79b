/**
 * The contract of SqlServerVm: the TypeScript `SqlServerVmArgs` spelled for the schema analyzer (drift.ts says how
 * they are kept equal), and the class the analyzer reads the outputs from.
 *
 * Not offered across languages: `vm`, the WindowsVm child, is a resource handle, which a schema cannot carry. Its
 * outputs are offered on the SqlServerVm itself instead: `vmName`, `nicId`, `osDiskName`, `dataDiskIds` and
 * `principalId` beside the `vmId`, `privateIpAddress` and `generatedAdminPassword` it already has, and
 * `lastGuestStepUrn` for its `lastGuestStep`. Its `virtualMachine` handle has no substitute beyond `vmId`.
 */
import * as pulumi from "@pulumi/pulumi";
import type {
    SqlAssessmentArgs as TsSqlAssessmentArgs, SqlAssessmentDay as TsSqlAssessmentDay, SqlAssessmentScheduleArgs as TsSqlAssessmentScheduleArgs,
    SqlDiskSetArgs as TsSqlDiskSetArgs, SqlEdition as TsSqlEdition, SqlInstanceSettingsArgs as TsSqlInstanceSettingsArgs, SqlLicenseType as TsSqlLicenseType,
    SqlServerArgs as TsSqlServerArgs, SqlServerVm as TsSqlServerVm, SqlServerVmArgs as TsSqlServerVmArgs, SqlStorageWorkload as TsSqlStorageWorkload,
    SqlTempDbPlacement as TsSqlTempDbPlacement, WindowsVm as TsWindowsVm,
} from "../../components";
import { assertSame, type Equal, type Same } from "./drift";
import type { DiskSku, DiskSource, DomainJoin } from "./shared";
import type { OutputsOf, VmAccessArgs, VmCoreArgs, VmPrivateIpArgs } from "./vm";

/** The type token: the same as the TypeScript component's own. */
export const SQL_SERVER_VM = "azure-persistent-vm:index:SqlServerVm";

export const SqlEdition = { developer: "developer", standard: "standard", enterprise: "enterprise" } as const;
export type SqlEdition = (typeof SqlEdition)[keyof typeof SqlEdition];

export const SqlLicenseType = { PAYG: "PAYG", AHUB: "AHUB", DR: "DR" } as const;
export type SqlLicenseType = (typeof SqlLicenseType)[keyof typeof SqlLicenseType];

export const SqlTempDbPlacement = { local: "local", disk: "disk" } as const;
export type SqlTempDbPlacement = (typeof SqlTempDbPlacement)[keyof typeof SqlTempDbPlacement];

export const SqlStorageWorkload = { GENERAL: "GENERAL", OLTP: "OLTP", DW: "DW" } as const;
export type SqlStorageWorkload = (typeof SqlStorageWorkload)[keyof typeof SqlStorageWorkload];

export const SqlAssessmentDay = {
    Monday: "Monday", Tuesday: "Tuesday", Wednesday: "Wednesday", Thursday: "Thursday", Friday: "Friday", Saturday: "Saturday", Sunday: "Sunday",
} as const;
export type SqlAssessmentDay = (typeof SqlAssessmentDay)[keyof typeof SqlAssessmentDay];

export interface SqlInstanceSettings {
    maxDop?: number;
    minServerMemoryMb?: number;
    maxServerMemoryMb?: number;
    lockPagesInMemory?: boolean;
    instantFileInitialization?: boolean;
    optimizeForAdHocWorkloads?: boolean;
    collation?: string;
}

export interface SqlDiskSet {
    count?: number;
    sku?: DiskSku;
    iops?: number;
    throughputMBps?: number;
}

export interface SqlAssessmentSchedule {
    dayOfWeek: SqlAssessmentDay;
    startTime: string;
    weeklyInterval?: number;
}

export interface SqlAssessment {
    enabled?: boolean;
    schedule?: SqlAssessmentSchedule;
    runImmediately?: boolean;
}

export interface SqlServer {
    edition?: SqlEdition;
    licenseType?: SqlLicenseType;
    dataDiskSizeGb: number;
    logDiskSizeGb: number;
    tempDb?: SqlTempDbPlacement;
    tempDbDiskSizeGb?: number;
    port?: number;
    storageWorkload?: SqlStorageWorkload;
    existingStorage?: boolean;
    dataDiskSource?: DiskSource;
    logDiskSource?: DiskSource;
    dataDisks?: SqlDiskSet;
    logDisks?: SqlDiskSet;
    systemDatabasesOnDataDisk?: boolean;
    instanceSettings?: SqlInstanceSettings;
    assessment?: SqlAssessment;
}

/** WindowsVmArgs without the image and data disks, which the component chooses (see vm.ts for the parts). */
export interface SqlServerVmArgs extends VmCoreArgs, VmPrivateIpArgs, VmAccessArgs {
    adminPassword?: pulumi.Input<string>;
    sql: SqlServer;
}

/** SQL Server in a durable Windows VM, registered with the SQL IaaS agent. */
export class SqlServerVm extends pulumi.ComponentResource {
    public readonly sqlVirtualMachineId!: pulumi.Output<string>;
    public readonly vmId!: pulumi.Output<string>;
    public readonly privateIpAddress!: pulumi.Output<string>;
    public readonly generatedAdminPassword!: pulumi.Output<string> | undefined;
    /** The VM's name in Azure (TypeScript's `vm.vmName`). */
    public readonly vmName!: pulumi.Output<string>;
    /** The NIC's resource id (TypeScript's `vm.nicId`). */
    public readonly nicId!: pulumi.Output<string>;
    /** The name Azure gave the OS disk, which is kept when the VM is deleted (TypeScript's `vm.osDiskName`). */
    public readonly osDiskName!: pulumi.Output<string>;
    /**
     * Data disk resource ids by disk name: `sql-data`, `sql-log` (`sql-data-2`, `sql-log-2`, ... for striped pools) and,
     * when tempdb has a disk, `sql-tempdb` (TypeScript's `vm.dataDiskIds`).
     */
    public readonly dataDiskIds!: pulumi.Output<Record<string, string>>;
    /** The principal id of the VM's system-assigned managed identity (TypeScript's `vm.principalId`). */
    public readonly principalId!: pulumi.Output<string>;
    /**
     * The URN of the last step of the VM's guest chain (TypeScript's `vm.lastGuestStep`): pass it where something must
     * run in the guest after everything the VM set up there, e.g. a `DomainJoin.waitFor`. The SQL IaaS agent's
     * registration comes after that step, not before it: to wait for the registration too, wait for
     * `sqlVirtualMachineId` as well.
     */
    public readonly lastGuestStepUrn!: pulumi.Output<string>;

    constructor(name: string, args: SqlServerVmArgs, opts?: pulumi.ComponentResourceOptions) {
        super(SQL_SERVER_VM, name, {}, opts);
    }
}

/** Fields whose contract type differs from the TypeScript one by design: the substitute, and the one-member enum. */
type SqlServerVmSubstituted = "domainJoin" | "dataAccessAuthMode";
assertSame<Same<Omit<SqlServerVmArgs, SqlServerVmSubstituted>, Omit<TsSqlServerVmArgs, SqlServerVmSubstituted>>>();
// The substitutes' own shapes are checked in shared.ts (DomainJoin, DATA_ACCESS_AUTH_MODES); here, that they are there.
assertSame<Equal<SqlServerVmArgs["domainJoin"], DomainJoin | undefined>>();
assertSame<Equal<SqlServerVmArgs["dataAccessAuthMode"], string | undefined>>();
assertSame<Same<SqlServer, TsSqlServerArgs>>();
assertSame<Equal<SqlEdition, TsSqlEdition>>();
assertSame<Equal<SqlLicenseType, TsSqlLicenseType>>();
assertSame<Equal<SqlTempDbPlacement, TsSqlTempDbPlacement>>();
assertSame<Equal<SqlStorageWorkload, TsSqlStorageWorkload>>();
assertSame<Equal<SqlAssessmentDay, TsSqlAssessmentDay>>();
assertSame<Same<SqlInstanceSettings, TsSqlInstanceSettingsArgs>>();
assertSame<Same<SqlDiskSet, TsSqlDiskSetArgs>>();
assertSame<Same<SqlAssessmentSchedule, TsSqlAssessmentScheduleArgs>>();
assertSame<Same<SqlAssessment, TsSqlAssessmentArgs>>();
/** The WindowsVm child's outputs the contract offers in place of the `vm` handle, beside those the class has. */
type FlattenedVm = Pick<TsWindowsVm, "vmName" | "nicId" | "osDiskName" | "dataDiskIds" | "principalId">;
assertSame<Same<OutputsOf<SqlServerVm>, OutputsOf<Omit<TsSqlServerVm, "vm">> & FlattenedVm & { lastGuestStepUrn: pulumi.Output<string> }>>();
