/**
 * Pure planning for the SQL IaaS agent's registration of a SqlServerVm: when it sends a storage configuration, its
 * resource options (protection, create-time paths, the defaults it ignores after creation), the best practices
 * assessment, and whether the VM built from a disk has the VM agent the registration's extension needs. No Azure SDK
 * here.
 */
import { checkChoice, type Problem } from "../../core/problems";
import type { DiskSourceKind } from "../../disk/disk-rules";
import { SQL_ASSESSMENT_DAYS, type SqlAssessmentArgs, type SqlAssessmentDay, type SqlServerArgs } from "./sql-server-args";

/**
 * The rule for the storage configuration: it is sent only over new, empty disks, that is when `existingStorage` is
 * not set, which the plan requires for every disk that could hold pools it can see: a data or log disk brought with a
 * source, and a VM rebuilt from its kept OS disk (`osDisk.source`), whose SQL Server already has its storage. No
 * `diskConfigurationType` of the API (2023-10-01) takes pools as they are: NEW builds them from the LUNs, EXTEND grows
 * a pool by a disk, and Microsoft documents NEW for new VMs only (Microsoft Learn, "Storage configuration for SQL
 * Server VMs"); so over existing pools nothing is sent. The case the plan cannot see is a registration re-created
 * over the stack's own disks, after their first deployment built the pools (the VM replaced: the registration is tied
 * to it). A registration that sends a configuration is therefore protected (`sqlRegistrationOptions`), which makes
 * Pulumi refuse that re-creation at preview, until `existingStorage` is set in an update of its own.
 */
export function sendsStorageConfiguration(sql: Pick<SqlServerArgs, "existingStorage">): boolean {
    return sql.existingStorage !== true;
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

/**
 * `sqlSystemDbOnDataDisk`, in the registration's `ignoreChanges` while it sends a storage configuration: the setting
 * is taken when the registration is created (a replacement, and a re-creation after a dependent's delete, create it
 * from the program's own inputs, ignoreChanges or not: step_generator.go:1318-1331 and 2004-2021 check the goal's
 * properties, not the ones ignoreChanges reset). A registration deployed before the setting
 * existed has none, and an update that added it would send the storage configuration again over its pools (the API
 * takes the whole resource): ignored, it keeps its system databases where they are. Not listed without a storage
 * configuration: the path would then have nothing under it.
 */
export const SQL_SYSTEM_DB_PATH = "storageConfigurationSettings.sqlSystemDbOnDataDisk";

/** The resource options of the SQL IaaS agent registration. */
export interface SqlRegistrationOptions {
    readonly protect: boolean;
    readonly deleteBeforeReplace: true;
    readonly replaceOnChanges: readonly string[];
    readonly ignoreChanges: readonly string[];
}

/**
 * The registration's options. `deleteBeforeReplace`: Azure allows one SqlVirtualMachine per VM, under the VM's name.
 * `protect` exactly while it sends a storage configuration: re-created, it would send it again, and the agent would
 * build storage pools over disks that already hold them. A VM rebuilt delete-first replaces the registration with it
 * (it is tied to the VM with `replaceWith`, and its VM id is in `replaceOnChanges`), and the engine refuses that whole
 * replacement, at preview, while the registration is protected in the state (step_generator.go:2111-2122); as it
 * refuses a replacement of the registration's own (step_generator.go:1958). With `existingStorage` it sends none, is
 * not protected, and is re-created with a rebuilt VM, which registers the new VM with the agent again. `ignoreChanges`:
 * the settings that are defaults, taken at creation only (`SQL_SYSTEM_DB_PATH`, `instanceSettingsIgnoreChanges`).
 * Not caught: turning `existingStorage` back off on a deployed VM, an in-place update from an unprotected state that
 * sends the configuration again (the change prediction flags it).
 */
export function sqlRegistrationOptions(sendsStorage: boolean, instanceIgnoreChanges: readonly string[] = []): SqlRegistrationOptions {
    return {
        protect: sendsStorage,
        deleteBeforeReplace: true,
        replaceOnChanges: SQL_REGISTRATION_REPLACE_ON_CHANGES,
        ignoreChanges: [...(sendsStorage ? [SQL_SYSTEM_DB_PATH] : []), ...instanceIgnoreChanges],
    };
}

/** The SQL best practices assessment, as the API takes it (`assessmentSettings`). */
export interface SqlAssessmentPlan {
    readonly enable: boolean;
    readonly runImmediately: boolean;
    readonly schedule?: { readonly enable: true; readonly dayOfWeek: SqlAssessmentDay; readonly startTime: string; readonly weeklyInterval: number };
}

/** The assessment as the API takes it, or undefined when not asked for; its problems go to `problems`. */
export function planAssessment(assessment: SqlAssessmentArgs | undefined, problems: Problem[]): SqlAssessmentPlan | undefined {
    if (assessment === undefined) {
        return undefined;
    }
    const enable = assessment.enabled ?? true;
    const schedule = assessment.schedule;
    if (schedule !== undefined) {
        problems.push(...checkChoice("sql.assessment.schedule.dayOfWeek", schedule.dayOfWeek, SQL_ASSESSMENT_DAYS, "day of the week"));
        if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(schedule.startTime)) {
            problems.push({ path: "sql.assessment.schedule.startTime", message: `${JSON.stringify(schedule.startTime)} is not a time of day; use "HH:mm" (24-hour, the VM's time zone), e.g. "23:00".` });
        }
        const weeks = schedule.weeklyInterval ?? 1;
        if (!Number.isInteger(weeks) || weeks < 1 || weeks > 6) {
            problems.push({ path: "sql.assessment.schedule.weeklyInterval", message: `${weeks} is not a number of weeks the assessment takes; use a whole number from 1 to 6.` });
        }
        if (!enable) {
            problems.push({ path: "sql.assessment.schedule", message: `is set, but enabled is false, which turns the assessment off with its schedule (remove schedule, or set enabled: true).` });
        }
    }
    return {
        enable,
        runImmediately: assessment.runImmediately ?? false,
        ...(enable && schedule !== undefined
            ? { schedule: { enable: true, dayOfWeek: schedule.dayOfWeek, startTime: schedule.startTime, weeklyInterval: schedule.weeklyInterval ?? 1 } }
            : {}),
    };
}

/** The `osDisk.source` field of each kind of OS disk, for messages. */
const OS_SOURCE_FIELD = { copy: "copyFrom", importVhd: "importVhd", upload: "upload", adopt: "adoptId", existing: "existingId" } as const;

/**
 * The registration installs the SQL IaaS agent extension, which runs through the Azure VM agent: a VM made from an
 * image has it, a VM built from a disk has what its disk has (the WindowsVm's own rule, for its guest steps, in
 * vm-rules.ts `checkGuestAgent`). Refused for a VHD from outside Azure unless `osDisk.vmAgentInstalled` says so, and
 * whenever it says false; a warning for a copied, adopted or attached disk, most often an Azure VM's.
 */
export function checkSqlGuestAgent(kind: DiskSourceKind, vmAgentInstalled: boolean | undefined): { problems: Problem[]; warnings: Problem[] } {
    if (kind === "empty" || vmAgentInstalled === true) {
        return { problems: [], warnings: [] };
    }
    const field = `osDisk.source.${OS_SOURCE_FIELD[kind]}`;
    const extension = "a SqlServerVm registers its VM with the SQL IaaS agent, whose extension runs through the Azure VM agent";
    if (vmAgentInstalled === false) {
        return { problems: [{ path: "osDisk.vmAgentInstalled", message: `is false, but ${extension} (install the agent in the disk's OS and set vmAgentInstalled: true, or build the VM as a WindowsVm).` }], warnings: [] };
    }
    if (kind === "importVhd" || kind === "upload") {
        return {
            problems: [{ path: "osDisk.vmAgentInstalled", message: `is not set, and the OS disk is a VHD from outside Azure (${field}), which has the Azure VM agent only if it was installed before the VHD was made; ${extension} (install the agent, then set vmAgentInstalled: true).` }],
            warnings: [],
        };
    }
    return {
        problems: [],
        warnings: [{ path: "osDisk.vmAgentInstalled", message: `is not set; ${extension}, which the OS disk (${field}) has if it comes from an Azure VM: without it the registration fails after Azure's timeouts (set vmAgentInstalled: true once the disk's OS has the agent).` }],
    };
}
