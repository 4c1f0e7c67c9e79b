/**
 * SqlServerVm's pure planning: the instance settings' defaults from the size (MAXDOP, max server memory, lock pages in
 * memory, instant file initialization) and what the registration ignores; the disk layout of each role (one disk by
 * default, striped pools by count or by an IOPS and throughput target, Premium SSD v2 with provisioned performance),
 * its LUNs and the storage configuration; the rebuild from a kept OS disk; the assessment; and every refusal, each
 * with its exact message, all at once.
 * Not proved here: that SQL Server or the SQL IaaS agent accepts these values (there is no Azure here), that the
 * memory and MAXDOP formulas suit a given workload (they are Microsoft's starting points), or what the agent does with
 * a storage configuration over disks that already hold pools (the plan never sends one there, see
 * `sendsStorageConfiguration`).
 */
import { describe, expect, it } from "vitest";
import type { SqlServerVmArgs } from "../../components";
import {
    PREMIUM_SSD_TIERS, SQL_INSTANCE_SETTINGS_PATH, SQL_SYSTEM_DB_PATH, defaultMaxDop, defaultMaxServerMemoryMb, instanceSettingsIgnoreChanges,
    maxWorkerThreads, premiumSsdTier, sendsStorageConfiguration,
} from "../../components/internal";
import { planSqlServerVm } from "../../components/preflight";
import { DISK_ID_PREFIX, SUBNET_ID } from "../support/fixtures";

/** A VM built from its kept OS disk takes no administrator password: the disk brings its accounts. */
const noPassword = { resourceGroupName: "rg", location: "westeurope", subnetId: SUBNET_ID };
const base = { ...noPassword, adminPassword: "Given-Passw0rd-For-Test" };
const sqlArgs = (sql: Partial<SqlServerVmArgs["sql"]>, more: Partial<SqlServerVmArgs> = {}): SqlServerVmArgs =>
    ({ ...base, size: "Standard_E4ds_v5", ...more, sql: { dataDiskSizeGb: 256, logDiskSizeGb: 128, ...sql } });

function planned(args: SqlServerVmArgs) {
    const result = planSqlServerVm("sql01", args);
    if (!result.ok) {
        throw new Error(`refused: ${JSON.stringify(result.problems)}`);
    }
    return result.plan;
}

function refused(args: SqlServerVmArgs) {
    const result = planSqlServerVm("sql01", args);
    if (result.ok) {
        throw new Error("accepted");
    }
    return result.problems;
}

describe("GIVEN SQL Server's own formulas WHEN the checklist's defaults are computed from a size", () => {
    it.each([[2, 512], [4, 512], [8, 576], [16, 704], [32, 960], [64, 1472], [96, 3456]])("THEN %i vCPUs have %i max worker threads", (vcpus, threads) => {
        expect(maxWorkerThreads(vcpus)).toBe(threads);
    });

    it.each([
        // (memory in MB - max worker threads x 2 MB) x 0.75, rounded down; MAXDOP the vCPUs, at most 8.
        ["Standard_E2ds_v5", 16, 2, 11_520, 2],
        ["Standard_E4ds_v5", 32, 4, 23_808, 4],
        ["Standard_D4s_v5", 16, 4, 11_520, 4],
        ["Standard_E8ds_v5", 64, 8, 48_288, 8],
        ["Standard_E16ds_v5", 128, 16, 97_248, 8],
        ["Standard_E64ds_v5", 512, 64, 391_008, 8],
        ["Standard_E96ds_v5", 672, 96, 510_912, 8],
    ])("THEN %s (%i GiB, %i vCPUs) gets max server memory %i MB and MAXDOP %i", (size, memoryGb, vcpus, memoryMb, maxDop) => {
        expect([defaultMaxServerMemoryMb(memoryGb, vcpus), defaultMaxDop(vcpus)]).toStrictEqual([memoryMb, maxDop]);
        const tempDb = size.includes("ds_") ? {} : { tempDbDiskSizeGb: 64 };
        expect(planned({ ...base, size, sql: { dataDiskSizeGb: 256, logDiskSizeGb: 128, ...tempDb } }).sql.instanceSettings)
            .toStrictEqual({ maxDop, maxServerMemoryMB: memoryMb, isLpimEnabled: true, isIfiEnabled: true });
    });
});

describe("GIVEN a new SQL Server VM WHEN no instance setting is given", () => {
    it("THEN every setting sent is a default, and the registration ignores the whole object: a registration deployed without it gets none, and nothing is sent again", () => {
        const plan = planned(sqlArgs({}));
        expect(plan.sql.instanceSettingsIgnoreChanges).toStrictEqual([SQL_INSTANCE_SETTINGS_PATH]);
        expect(plan.registrationOptions.ignoreChanges).toStrictEqual([SQL_SYSTEM_DB_PATH, SQL_INSTANCE_SETTINGS_PATH]);
        expect([SQL_SYSTEM_DB_PATH, SQL_INSTANCE_SETTINGS_PATH]).toStrictEqual([
            "storageConfigurationSettings.sqlSystemDbOnDataDisk", "serverConfigurationsManagementSettings.sqlInstanceSettings",
        ]);
    });

    it("THEN the system databases go on the data pool, in the storage configuration the new registration sends", () => {
        expect(planned(sqlArgs({})).sql.storage?.sqlSystemDbOnDataDisk).toBe(true);
        expect(planned(sqlArgs({ systemDatabasesOnDataDisk: false })).sql.storage?.sqlSystemDbOnDataDisk).toBe(false);
    });
});

describe("GIVEN a SQL Server VM for SharePoint WHEN some instance settings are given", () => {
    it("THEN the given ones are sent as they are and changed in place; only the defaulted ones are ignored, one by one", () => {
        const plan = planned(sqlArgs({ instanceSettings: { maxDop: 1, collation: "Latin1_General_100_CI_AS_SC_UTF8", optimizeForAdHocWorkloads: true, minServerMemoryMb: 1024 } }));
        expect(plan.sql.instanceSettings).toStrictEqual({
            collation: "Latin1_General_100_CI_AS_SC_UTF8", maxDop: 1, minServerMemoryMB: 1024, maxServerMemoryMB: 23_808,
            isLpimEnabled: true, isIfiEnabled: true, isOptimizeForAdHocWorkloadsEnabled: true,
        });
        expect(plan.registrationOptions.ignoreChanges).toStrictEqual([
            SQL_SYSTEM_DB_PATH,
            `${SQL_INSTANCE_SETTINGS_PATH}.maxServerMemoryMB`, `${SQL_INSTANCE_SETTINGS_PATH}.isLpimEnabled`, `${SQL_INSTANCE_SETTINGS_PATH}.isIfiEnabled`,
        ]);
    });

    it("THEN every setting given leaves nothing to ignore, and lock pages in memory can be turned off", () => {
        const plan = planned(sqlArgs({ instanceSettings: { maxDop: 2, maxServerMemoryMb: 20_000, lockPagesInMemory: false, instantFileInitialization: false } }));
        expect(plan.sql.instanceSettings).toStrictEqual({ maxDop: 2, maxServerMemoryMB: 20_000, isLpimEnabled: false, isIfiEnabled: false });
        expect(instanceSettingsIgnoreChanges({ settings: plan.sql.instanceSettings, defaulted: [] })).toStrictEqual([]);
        expect(plan.registrationOptions.ignoreChanges).toStrictEqual([SQL_SYSTEM_DB_PATH]);
    });
});

describe("GIVEN a size the library's table does not know WHEN the instance settings are planned", () => {
    it("THEN no MAXDOP or memory limit is computed, lock pages in memory is not turned on without one, and a warning says what to state", () => {
        const plan = planned(sqlArgs({ tempDb: "local" }, { size: "Standard_E4ds_v6" }));
        expect(plan.sql.instanceSettings).toStrictEqual({ isIfiEnabled: true });
        expect(plan.sql.warnings).toStrictEqual([{
            path: "sql.instanceSettings",
            message: `has no computed maxDop or maxServerMemoryMb: "Standard_E4ds_v6" is not in the library's size table, so its vCPUs and memory are unknown and SQL Server keeps what its image set (state them in preflightFacts.size, or set maxDop and maxServerMemoryMb).`,
        }]);
    });

    it("THEN facts stated in preflightFacts.size compute them, with no warning", () => {
        const size = { premiumStorage: true, maxDataDisks: 8, generations: [2 as const], trustedLaunch: true, vcpus: 4, memoryGb: 32, acceleratedNetworking: "supported" as const };
        const plan = planned(sqlArgs({ tempDb: "local" }, { size: "Standard_E4ds_v6", preflightFacts: { size } }));
        expect([plan.sql.instanceSettings, plan.sql.warnings]).toStrictEqual([{ maxDop: 4, maxServerMemoryMB: 23_808, isLpimEnabled: true, isIfiEnabled: true }, []]);
    });

    it("THEN lock pages in memory asked for without a memory limit is warned about", () => {
        expect(planned(sqlArgs({ tempDb: "local", instanceSettings: { lockPagesInMemory: true, maxDop: 4 } }, { size: "Standard_E4ds_v6" })).sql.warnings).toStrictEqual([
            {
                path: "sql.instanceSettings",
                message: `has no computed maxServerMemoryMb: "Standard_E4ds_v6" is not in the library's size table, so its vCPUs and memory are unknown and SQL Server keeps what its image set (state them in preflightFacts.size, or set maxServerMemoryMb).`,
            },
            {
                path: "sql.instanceSettings.lockPagesInMemory",
                message: "is true with no max server memory: SQL Server may then take memory the OS needs, and cannot give it back (Microsoft strongly recommends a max server memory with it; set maxServerMemoryMb).",
            },
        ]);
    });

    it("THEN a max server memory above the size's memory is warned about", () => {
        expect(planned(sqlArgs({ instanceSettings: { maxServerMemoryMb: 40_000 } })).sql.warnings).toStrictEqual([{
            path: "sql.instanceSettings.maxServerMemoryMb",
            message: "is 40000 MB, more than the 32 GiB (32768 MB) of Standard_E4ds_v5: it leaves the OS nothing (the checklist: leave enough memory for the operating system).",
        }]);
    });
});

describe("GIVEN the default layout WHEN a SQL Server VM is planned", () => {
    it("THEN it is today's: one data disk at LUN 0, one log disk at LUN 1, tempdb's disk at LUN 2, none with a SKU of its own", () => {
        const plan = planned(sqlArgs({ tempDbDiskSizeGb: 64 }, { size: "Standard_E4s_v5" }));
        expect(plan.sql.dataDisks).toStrictEqual([
            { name: "sql-data", lun: 0, sizeGb: 256, caching: "ReadOnly", source: undefined },
            { name: "sql-log", lun: 1, sizeGb: 128, caching: "None", source: undefined },
            { name: "sql-tempdb", lun: 2, sizeGb: 64, caching: "ReadOnly" },
        ]);
        expect(plan.sql.storage).toStrictEqual({
            diskConfigurationType: "NEW", storageWorkloadType: "GENERAL",
            sqlDataSettings: { luns: [0], defaultFilePath: "F:\\data" },
            sqlLogSettings: { luns: [1], defaultFilePath: "G:\\log" },
            sqlTempDbSettings: { luns: [2], defaultFilePath: "H:\\tempDb" },
            sqlSystemDbOnDataDisk: true,
        });
    });
});

describe("GIVEN a SQL Server VM WHEN its pools stripe several disks", () => {
    it("THEN a data IOPS target on Premium SSD picks the count from the disks' tier, and the LUNs follow: data, log, then tempdb", () => {
        // 1,024 GiB is a P30: 5,000 IOPS a disk, so 15,000 IOPS take 3 disks.
        expect(premiumSsdTier(1024)).toStrictEqual({ tier: "P30", maxGb: 1024, iops: 5000, mbps: 200 });
        const plan = planned(sqlArgs({ dataDiskSizeGb: 1024, logDiskSizeGb: 512, tempDbDiskSizeGb: 128, dataDisks: { iops: 15_000 }, logDisks: { count: 2 } }, { size: "Standard_E8s_v5" }));
        expect(plan.sql.dataDisks.map((d) => [d.name, d.lun, d.caching])).toStrictEqual([
            ["sql-data", 0, "ReadOnly"], ["sql-data-2", 1, "ReadOnly"], ["sql-data-3", 2, "ReadOnly"],
            ["sql-log", 3, "None"], ["sql-log-2", 4, "None"], ["sql-tempdb", 5, "ReadOnly"],
        ]);
        expect([plan.sql.storage?.sqlDataSettings, plan.sql.storage?.sqlLogSettings, plan.sql.storage?.sqlTempDbSettings]).toStrictEqual([
            { luns: [0, 1, 2], defaultFilePath: "F:\\data" }, { luns: [3, 4], defaultFilePath: "G:\\log" }, { luns: [5], defaultFilePath: "H:\\tempDb" },
        ]);
    });

    it("THEN a throughput target counts as well: 600 MB/s on P30 disks (200 MB/s each) takes 3", () => {
        expect(planned(sqlArgs({ dataDiskSizeGb: 1024, dataDisks: { iops: 5000, throughputMBps: 600 } })).sql.dataDisks.filter((d) => d.name.startsWith("sql-data")).length).toBe(3);
    });

    it("THEN Premium SSD v2 gets the targets split over its disks as provisioned IOPS and MB/s, and no host caching", () => {
        const plan = planned(sqlArgs(
            { dataDiskSizeGb: 512, logDiskSizeGb: 128, dataDisks: { sku: "PremiumV2_LRS", count: 2, iops: 20_000, throughputMBps: 500 }, logDisks: { sku: "PremiumV2_LRS", iops: 6000 } },
            { zone: "1" },
        ));
        expect(plan.sql.dataDisks).toStrictEqual([
            { name: "sql-data", lun: 0, sizeGb: 512, caching: "None", sku: "PremiumV2_LRS", iops: 10_000, throughputMBps: 250, source: undefined },
            { name: "sql-data-2", lun: 1, sizeGb: 512, caching: "None", sku: "PremiumV2_LRS", iops: 10_000, throughputMBps: 250, source: undefined },
            { name: "sql-log", lun: 2, sizeGb: 128, caching: "None", sku: "PremiumV2_LRS", iops: 6000, source: undefined },
        ]);
        expect(plan.vm.dataDisks.map((d) => [d.key, d.sku, d.iops, d.throughputMBps])).toStrictEqual([
            ["sql-data", "PremiumV2_LRS", 10_000, 250], ["sql-data-2", "PremiumV2_LRS", 10_000, 250], ["sql-log", "PremiumV2_LRS", 6000, undefined],
        ]);
    });

    it("THEN the Premium SSD tiers are Microsoft's table, P1 to P80", () => {
        expect(PREMIUM_SSD_TIERS.map((t) => `${t.tier}:${t.maxGb}:${t.iops}:${t.mbps}`)).toStrictEqual([
            "P1:4:120:25", "P2:8:120:25", "P3:16:120:25", "P4:32:120:25", "P6:64:240:50", "P10:128:500:100", "P15:256:1100:125",
            "P20:512:2300:150", "P30:1024:5000:200", "P40:2048:7500:250", "P50:4096:7500:250", "P60:8192:16000:500",
            "P70:16384:18000:750", "P80:32767:20000:900",
        ]);
    });
});

describe("GIVEN a SQL Server VM rebuilt from its kept OS disk with its existing storage", () => {
    const args: SqlServerVmArgs = {
        ...noPassword, size: "Standard_E4ds_v5",
        osDisk: { source: { existingId: `${DISK_ID_PREFIX}sql01_OsDisk_1_0f1e` }, vmAgentInstalled: true },
        sql: { dataDiskSizeGb: 256, logDiskSizeGb: 128, existingStorage: true },
    };

    it("THEN the VM boots that disk, not the edition's image, and the registration sends no storage configuration and is not protected", () => {
        const plan = planned(args);
        expect([plan.windowsArgs.image, plan.vm.osDisk.source, plan.vm.credential]).toStrictEqual([undefined, "existing", "none"]);
        expect([plan.sql.storage, plan.sql.imageSku, plan.registrationOptions.protect]).toStrictEqual([undefined, "Developer", false]);
        expect(plan.registrationOptions.ignoreChanges).toStrictEqual([SQL_INSTANCE_SETTINGS_PATH]);
        expect(sendsStorageConfiguration(args.sql)).toBe(false);
    });

    it("THEN the agent left unstated is a warning, since the registration installs an extension through it", () => {
        expect(planned({ ...args, osDisk: { source: { existingId: `${DISK_ID_PREFIX}sql01_OsDisk_1_0f1e` } } }).sql.warnings).toStrictEqual([{
            path: "osDisk.vmAgentInstalled",
            message: `is not set; a SqlServerVm registers its VM with the SQL IaaS agent, whose extension runs through the Azure VM agent, which the OS disk (osDisk.source.existingId) has if it comes from an Azure VM: without it the registration fails after Azure's timeouts (set vmAgentInstalled: true once the disk's OS has the agent).`,
        }]);
    });

    it("THEN while an uploaded OS disk awaits its upload there is no VM, so nothing is registered", () => {
        const upload = { upload: { sizeBytes: 127 * 1_073_741_824 + 512, phase: "upload" as const } };
        const plan = planned({ ...args, osDisk: { source: upload, hyperVGeneration: "V2" } });
        expect([plan.sql.registered, plan.sql.warnings]).toStrictEqual([false, []]);
    });
});

describe("GIVEN the SQL best practices assessment WHEN it is asked for", () => {
    it("THEN it is sent on with its weekly schedule, and off when enabled is false", () => {
        expect(planned(sqlArgs({ assessment: { schedule: { dayOfWeek: "Sunday", startTime: "23:00", weeklyInterval: 2 }, runImmediately: true } })).sql.assessment).toStrictEqual({
            enable: true, runImmediately: true, schedule: { enable: true, dayOfWeek: "Sunday", startTime: "23:00", weeklyInterval: 2 },
        });
        expect(planned(sqlArgs({ assessment: { enabled: false } })).sql.assessment).toStrictEqual({ enable: false, runImmediately: false });
        expect(planned(sqlArgs({})).sql.assessment).toBeUndefined();
    });
});

describe("GIVEN SQL arguments Azure or SQL Server would refuse WHEN the VM is planned", () => {
    const OS_DISK = { source: { existingId: `${DISK_ID_PREFIX}sql01_OsDisk_1_0f1e` }, vmAgentInstalled: true };
    const STORAGE = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/vhds";
    it.each<[string, SqlServerVmArgs, { path: string; message: string }[]]>([
        ["a rebuild from the kept OS disk without existingStorage", { ...noPassword, size: "Standard_E4ds_v5", osDisk: OS_DISK, sql: { dataDiskSizeGb: 256, logDiskSizeGb: 128 } }, [{
            path: "sql.existingStorage",
            message: "is not set, but the VM is built from an existing OS disk (osDisk.source), a SQL Server that already has its storage: the agent's storage configuration, for a new VM's empty disks, would build new pools over the SQL disks (set existingStorage: true; bring the data and log disks with dataDiskSource and logDiskSource unless they are this stack's own).",
        }]],
        ["a rebuild from the kept OS disk that still gives the administrator password", { ...base, size: "Standard_E4ds_v5", osDisk: OS_DISK, sql: { dataDiskSizeGb: 256, logDiskSizeGb: 128, existingStorage: true } }, [{
            path: "adminPassword",
            message: "is set, but the OS disk comes from osDisk.source, and a VM built from an existing disk takes its OS as it is on the disk (remove adminPassword).",
        }]],
        ["an imported OS disk whose VM agent is not stated", {
            ...noPassword, size: "Standard_E4ds_v5", osDisk: { source: { importVhd: { uri: "https://vhds.blob.core.windows.net/vhds/sql01.vhd", storageAccountId: STORAGE } } },
            sql: { dataDiskSizeGb: 256, logDiskSizeGb: 128, existingStorage: true },
        }, [{
            path: "osDisk.vmAgentInstalled",
            message: "is not set, and the OS disk is a VHD from outside Azure (osDisk.source.importVhd), which has the Azure VM agent only if it was installed before the VHD was made; a SqlServerVm registers its VM with the SQL IaaS agent, whose extension runs through the Azure VM agent (install the agent, then set vmAgentInstalled: true).",
        }]],
        ["an OS disk whose VM agent is stated absent", { ...noPassword, size: "Standard_E4ds_v5", osDisk: { ...OS_DISK, vmAgentInstalled: false }, sql: { dataDiskSizeGb: 256, logDiskSizeGb: 128, existingStorage: true } }, [{
            path: "osDisk.vmAgentInstalled",
            message: "is false, but a SqlServerVm registers its VM with the SQL IaaS agent, whose extension runs through the Azure VM agent (install the agent in the disk's OS and set vmAgentInstalled: true, or build the VM as a WindowsVm).",
        }]],
        ["instance settings SQL Server refuses", sqlArgs({ instanceSettings: { maxDop: -1, maxServerMemoryMb: 64, collation: "bad name", minServerMemoryMb: 1.5 } }), [
            { path: "sql.instanceSettings.maxDop", message: "-1 is not a max degree of parallelism; use a whole number from 0 to 32767." },
            { path: "sql.instanceSettings.minServerMemoryMb", message: "1.5 is not a min server memory in MB; use a whole number of at least 0." },
            { path: "sql.instanceSettings.maxServerMemoryMb", message: "64 is not a max server memory in MB; use a whole number of at least 128." },
            { path: "sql.instanceSettings.collation", message: `"bad name" is not a SQL Server collation name; use letters, digits and underscores, e.g. "Latin1_General_100_CI_AS_SC_UTF8" (SELECT name FROM sys.fn_helpcollations() lists them).` },
        ]],
        ["a min server memory above the computed max", sqlArgs({ instanceSettings: { minServerMemoryMb: 30_000 } }), [
            { path: "sql.instanceSettings.minServerMemoryMb", message: "30000 is more than the max server memory, 23808 MB (computed from the size); SQL Server refuses it (lower minServerMemoryMb, or raise maxServerMemoryMb)." },
        ]],
        ["a striped pool short of its targets", sqlArgs({ dataDiskSizeGb: 1024, dataDisks: { iops: 15_000, throughputMBps: 700, count: 2 } }), [{
            path: "sql.dataDisks.count",
            message: "2 Premium_LRS disks of 1024 GiB (P30: 5000 IOPS and 200 MB/s each) reach 10000 IOPS and 400 MB/s, short of the targets (15000 IOPS and 700 MB/s); the pool needs 4 (set count to 4 or more, or remove count to have it computed).",
        }]],
        ["Premium SSD v2 targets beyond a disk's range", sqlArgs({ dataDiskSizeGb: 64, dataDisks: { sku: "PremiumV2_LRS", iops: 90_000, throughputMBps: 3000 } }, { zone: "1" }), [
            { path: "sql.dataDisks.iops", message: "90000 IOPS over 1 disk is 90000 IOPS a disk; a PremiumV2_LRS disk of 64 GiB takes 3000-32000 IOPS (change count, the disks' size or the target)." },
            { path: "sql.dataDisks.throughputMBps", message: "3000 MB/s over 1 disk is 3000 MB/s a disk; a PremiumV2_LRS disk of 64 GiB with 90000 IOPS takes 125-2000 MB/s (change count, the disks' size or the target)." },
        ]],
        ["more disks than the size attaches", { ...base, size: "Standard_E2s_v5", sql: { dataDiskSizeGb: 64, logDiskSizeGb: 64, tempDbDiskSizeGb: 64, dataDisks: { count: 3 } } }, [{
            path: "sql.dataDisks.count",
            message: "makes 5 SQL disks (3 data, 1 log, 1 tempdb), and Standard_E2s_v5 attaches at most 4 (choose a larger size or fewer disks).",
        }]],
        ["a bad count, a bad SKU and targets on a SKU they cannot size, together", sqlArgs({ dataDisks: { count: 0, sku: "StandardSSD_LRS", iops: 1000 }, logDisks: { sku: "Premium" as "Premium_LRS" } }), [
            { path: "sql.dataDisks.count", message: "0 is not a disk count; use a whole number of at least 1." },
            {
                path: "sql.dataDisks.sku",
                message: `is "StandardSSD_LRS", whose performance targets the plan cannot size; iops and throughputMBps need Premium SSD ("Premium_LRS", "Premium_ZRS"), Premium SSD v2 ("PremiumV2_LRS") or Ultra Disk ("UltraSSD_LRS") (choose one, or remove the targets).`,
            },
            { path: "sql.logDisks.sku", message: `"Premium" is not a disk SKU; use "Standard_LRS", "StandardSSD_LRS", "StandardSSD_ZRS", "Premium_LRS", "Premium_ZRS", "PremiumV2_LRS" or "UltraSSD_LRS".` },
        ]],
        ["one source for a striped pool", sqlArgs({ existingStorage: true, dataDisks: { count: 2 }, dataDiskSource: { existingId: `${DISK_ID_PREFIX}old-data` } }), [{
            path: "sql.dataDiskSource",
            message: "is set, but its role has 2 disks, and one source cannot bring a striped pool's disks (bring a single-disk pool, or build the striped VM new and restore the databases into it).",
        }]],
        ["an assessment schedule the API refuses", sqlArgs({ assessment: { enabled: false, schedule: { dayOfWeek: "Sun" as "Sunday", startTime: "24:00", weeklyInterval: 7 } } }), [
            { path: "sql.assessment.schedule.dayOfWeek", message: `"Sun" is not a day of the week; use "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday" or "Sunday".` },
            { path: "sql.assessment.schedule.startTime", message: `"24:00" is not a time of day; use "HH:mm" (24-hour, the VM's time zone), e.g. "23:00".` },
            { path: "sql.assessment.schedule.weeklyInterval", message: "7 is not a number of weeks the assessment takes; use a whole number from 1 to 6." },
            { path: "sql.assessment.schedule", message: "is set, but enabled is false, which turns the assessment off with its schedule (remove schedule, or set enabled: true)." },
        ]],
        ["a disk size Azure refuses on a striped pool, said once in SqlServerVm's own argument name", sqlArgs({ dataDiskSizeGb: 0, dataDisks: { count: 2 } }), [
            { path: "sql.dataDiskSizeGb", message: "0 is outside 1-32767 GiB, the range of a Premium_LRS data disk (set a whole number of GiB in that range)." },
        ]],
        ["a Premium SSD v2 log pool on a regional VM, by the VM's own placement rule", sqlArgs({ logDisks: { sku: "PremiumV2_LRS" } }), [
            { path: "zone", message: "is unset, but PremiumV2_LRS disks are zonal in westeurope, which has zones (set zone)." },
        ]],
    ])("THEN %s is refused with exact messages", (_, args, problems) => {
        expect(refused(args)).toStrictEqual(problems);
    });
});
