/**
 * SqlServerVm under the SDK's runtime mocks: its children (a WindowsVm and a SqlVirtualMachine), the SQL disks, the
 * SqlVirtualMachine's exact inputs and options in both storage modes (tied to the VM with replaceWith, the defaults it
 * takes only at creation in ignoreChanges), tempdb placement by size, existing storage, a rebuild from the kept OS
 * disk, striped and Premium SSD v2 pools, the assessment, and refusals before registration; and what the engine would
 * decide for the registration between two declarations, by the model of its rules in test/support/fixtures.ts
 * (`stepFor`).
 * Not proved here: that the SQL IaaS agent accepts this configuration (pools, drive letters, tempdb on D:, instance
 * settings), what it does on a VM rebuilt or lifted with disks that already hold storage pools, the engine itself (its
 * replacement of the registration with a rebuilt VM, and its refusal of it while the registration is protected, are
 * read from its source), or what Azure does with a storage configuration sent again in place.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { InvalidArgumentsError, SqlServerVm, type SqlServerVmArgs } from "../../components";
import { SQL_INSTANCE_SETTINGS_PATH, SQL_REGISTRATION_REPLACE_ON_CHANGES, SQL_SYSTEM_DB_PATH, hasLocalTempDisk } from "../../components/internal";
import { allRegistered, installRecorder, valueOf, type Recorder, type Registration } from "../../tools/recorder/recorder";
import { childrenOf, named } from "../support/components";
import { DISK_ID_PREFIX, NOT_A_ZONE, stepFor, SUBNET_ID } from "../support/fixtures";

let recorder: Recorder;
beforeAll(async () => {
    recorder = await installRecorder();
});

const SQL_VM = "azure-native:sqlvirtualmachine:SqlVirtualMachine";
const VM = "azure-native:compute:VirtualMachine";
/** A VM built from its kept OS disk takes no administrator password: the disk brings its accounts. */
const withoutPassword = { resourceGroupName: "rg", location: "westeurope", subnetId: SUBNET_ID };
const base = { ...withoutPassword, adminPassword: "Given-Passw0rd-For-Test" };

async function settledSql(sql: SqlServerVm): Promise<void> {
    await Promise.all([valueOf(sql.sqlVirtualMachineId), valueOf(sql.vm.dataDiskIds), valueOf(sql.privateIpAddress), valueOf(sql.urn)]);
    await allRegistered();
}

function dataDisksOf(vmName: string): unknown {
    const storage = recorder.get(VM, `${vmName}-vm`).inputs["storageProfile"] as { dataDisks: { lun: number; caching: string; managedDisk: { id: string } }[] };
    return storage.dataDisks.map((d) => ({ lun: d.lun, caching: d.caching, disk: d.managedDisk.id.replace(DISK_ID_PREFIX, "") }));
}

describe("GIVEN a Developer SQL Server on a size with a local temporary disk", () => {
    let sql: SqlServerVm;
    let sqlVm: Registration;
    beforeAll(async () => {
        sql = new SqlServerVm("sql01", { ...base, size: "Standard_E4ds_v5", sql: { dataDiskSizeGb: 256, logDiskSizeGb: 128 } });
        await settledSql(sql);
        sqlVm = recorder.get(SQL_VM, "sql01-sql");
    });

    it("THEN the component's children are a WindowsVm of the same name and the SqlVirtualMachine", () => {
        const component = recorder.get("azure-persistent-vm:index:SqlServerVm", "sql01");
        expect(childrenOf(recorder, component.urn)).toStrictEqual([
            `${SQL_VM}::sql01-sql`,
            "azure-persistent-vm:index:WindowsVm::sql01",
        ]);
        expect(recorder.get(VM, "sql01-vm").parent).toBe(recorder.get("azure-persistent-vm:index:WindowsVm", "sql01").urn);
    });

    it("THEN the VM boots the Developer image with platform patching, and attaches the data disk (LUN 0, ReadOnly) and the log disk (LUN 1, None)", () => {
        const vm = recorder.get(VM, "sql01-vm").inputs;
        expect((vm["storageProfile"] as { imageReference: unknown }).imageReference).toStrictEqual({
            publisher: "MicrosoftSQLServer", offer: "sql2022-ws2022", sku: "sqldev-gen2", version: "latest",
        });
        expect(dataDisksOf("sql01")).toStrictEqual([
            { lun: 0, caching: "ReadOnly", disk: "sql01-disk-sql-data" },
            { lun: 1, caching: "None", disk: "sql01-disk-sql-log" },
        ]);
        expect(recorder.get("azure-native:compute:Disk", "sql01-disk-sql-data").inputs["sku"]).toStrictEqual({ name: "Premium_LRS" });
    });

    it("THEN no disk is formatted by a Run Command: the agent pools raw disks", () => {
        expect(named(recorder, "sql01").filter((r) => r.type.includes("RunCommand"))).toStrictEqual([]);
    });

    it("THEN the SqlVirtualMachine gets exactly these inputs, tempdb on the local disk", async () => {
        expect(sqlVm.inputs).toStrictEqual({
            resourceGroupName: "rg",
            location: "westeurope",
            sqlVirtualMachineName: "sql01",
            virtualMachineResourceId: await valueOf(sql.vmId),
            sqlServerLicenseType: "PAYG",
            sqlImageOffer: "SQL2022-WS2022",
            sqlImageSku: "Developer",
            leastPrivilegeMode: "Enabled",
            enableAutomaticUpgrade: true,
            autoPatchingSettings: { enable: false, additionalVmPatch: "NotSet" },
            serverConfigurationsManagementSettings: {
                sqlConnectivityUpdateSettings: { connectivityType: "PRIVATE", port: 1433 },
                // Standard_E4ds_v5: 4 vCPUs, 32 GiB: (32,768 - 512 x 2) x 0.75 MB.
                sqlInstanceSettings: { maxDop: 4, maxServerMemoryMB: 23_808, isLpimEnabled: true, isIfiEnabled: true },
            },
            storageConfigurationSettings: {
                diskConfigurationType: "NEW",
                storageWorkloadType: "GENERAL",
                sqlDataSettings: { luns: [0], defaultFilePath: "F:\\data" },
                sqlLogSettings: { luns: [1], defaultFilePath: "G:\\log" },
                sqlTempDbSettings: { useStoragePool: false, defaultFilePath: "D:\\tempDb" },
                sqlSystemDbOnDataDisk: true,
                // azure-native's own default, sent by its constructor
                enableStorageConfigBlade: false,
            },
        });
    });

    it("THEN the storage configuration's LUNs are the data and log disks' LUNs", () => {
        const storage = sqlVm.inputs["storageConfigurationSettings"] as { sqlDataSettings: { luns: number[] }; sqlLogSettings: { luns: number[] } };
        const disks = (recorder.get(VM, "sql01-vm").inputs["storageProfile"] as { dataDisks: { lun: number; managedDisk: { id: string } }[] }).dataDisks;
        const lunOf = (key: string): number | undefined => disks.find((d) => d.managedDisk.id.endsWith(`/sql01-disk-${key}`))?.lun;
        expect([storage.sqlDataSettings.luns, storage.sqlLogSettings.luns]).toStrictEqual([[lunOf("sql-data")], [lunOf("sql-log")]]);
    });

    it("THEN exactly one patch orchestration is on: Windows Update (SQL Server images are not on the platform-patching list), not the agent's", () => {
        const os = recorder.get(VM, "sql01-vm").inputs["osProfile"] as { windowsConfiguration: { enableAutomaticUpdates: boolean; patchSettings: unknown } };
        expect([os.windowsConfiguration.enableAutomaticUpdates, os.windowsConfiguration.patchSettings, (sqlVm.inputs["autoPatchingSettings"] as { enable: boolean }).enable])
            .toStrictEqual([true, { patchMode: "AutomaticByOS", assessmentMode: "ImageDefault" }, false]);
    });

    it("THEN it comes after the VM and its last guest step, is tied to the VM, ignores the defaults it takes at creation, and while it sends a storage configuration it is protected, deleted before it is replaced, and replaced by a change to a create-time setting", () => {
        const { aliases, ...options } = sqlVm.options;
        expect(options).toStrictEqual({
            protect: true, retainOnDelete: false, deleteBeforeReplace: true,
            ignoreChanges: ["storageConfigurationSettings.sqlSystemDbOnDataDisk", "serverConfigurationsManagementSettings.sqlInstanceSettings"],
            replaceOnChanges: [
                "virtualMachineResourceId",
                "sqlImageOffer",
                "storageConfigurationSettings.diskConfigurationType",
                "storageConfigurationSettings.storageWorkloadType",
                "storageConfigurationSettings.sqlDataSettings",
                "storageConfigurationSettings.sqlLogSettings",
                "storageConfigurationSettings.sqlTempDbSettings",
            ],
            dependencies: [recorder.get("azure-native:compute:VirtualMachineExtension", "sql01-access").urn, recorder.get(VM, "sql01-vm").urn],
            import: null, replaceWith: [recorder.get(VM, "sql01-vm").urn], replacementTrigger: undefined, deletedWith: null,
        });
        // The only aliases are azure-native's own, from the type's earlier API versions.
        expect(aliases.filter((a) => !("type" in a) || a.type?.startsWith("azure-native:sqlvirtualmachine/v") !== true)).toStrictEqual([]);
    });

    it("THEN a VM rebuilt delete-first takes the registration with it twice over, which its protection refuses: it is tied to the VM, and its VM id comes from the VM and replaces it", () => {
        // replaceWith (step_generator.go:3366 findResourcesReplacedWith) and the dependent replacement, which reads the
        // property dependencies and replaceOnChanges from the state (step_generator.go:3220), each re-create it.
        expect(sqlVm.options.replaceWith).toStrictEqual([recorder.get(VM, "sql01-vm").urn]);
        expect(sqlVm.propertyDependencies["virtualMachineResourceId"]).toStrictEqual([recorder.get(VM, "sql01-vm").urn]);
        expect(sqlVm.options.replaceOnChanges).toContain("virtualMachineResourceId");
    });

    it("THEN the component passes through the VM's outputs and registers them", async () => {
        const component = recorder.get("azure-persistent-vm:index:SqlServerVm", "sql01");
        expect(await valueOf(sql.sqlVirtualMachineId)).toBe(sqlVm.id);
        expect(Object.keys(recorder.outputs.get(component.urn) ?? {}).sort()).toStrictEqual(["privateIpAddress", "sqlVirtualMachineId", "vmId"]);
        expect(sql.generatedAdminPassword).toBeUndefined();
    });
});

describe("GIVEN an Enterprise SQL Server with Azure Hybrid Benefit on a size without a local temporary disk", () => {
    it("THEN tempdb gets its own disk at LUN 2 (ReadOnly), pooled by the agent, and the edition and licence are sent", async () => {
        const sql = new SqlServerVm("sql02", {
            ...base, size: "Standard_E4s_v5",
            sql: { edition: "enterprise", licenseType: "AHUB", dataDiskSizeGb: 512, logDiskSizeGb: 128, tempDbDiskSizeGb: 64, port: 14330, storageWorkload: "OLTP" },
        });
        await settledSql(sql);
        expect(dataDisksOf("sql02")).toStrictEqual([
            { lun: 0, caching: "ReadOnly", disk: "sql02-disk-sql-data" },
            { lun: 1, caching: "None", disk: "sql02-disk-sql-log" },
            { lun: 2, caching: "ReadOnly", disk: "sql02-disk-sql-tempdb" },
        ]);
        const inputs = recorder.get(SQL_VM, "sql02-sql").inputs;
        expect([inputs["sqlServerLicenseType"], inputs["sqlImageSku"], inputs["serverConfigurationsManagementSettings"]]).toStrictEqual([
            "AHUB", "Enterprise", {
                sqlConnectivityUpdateSettings: { connectivityType: "PRIVATE", port: 14330 },
                sqlInstanceSettings: { maxDop: 4, maxServerMemoryMB: 23_808, isLpimEnabled: true, isIfiEnabled: true },
            },
        ]);
        const storage = inputs["storageConfigurationSettings"] as Record<string, unknown>;
        expect([storage["storageWorkloadType"], storage["sqlTempDbSettings"]]).toStrictEqual(["OLTP", { luns: [2], defaultFilePath: "H:\\tempDb" }]);
        expect((recorder.get(VM, "sql02-vm").inputs["storageProfile"] as { imageReference: { sku: string } }).imageReference.sku).toBe("enterprise-gen2");
    });
});

describe("GIVEN a SQL Server rebuilt with disks that already hold its storage pools", () => {
    const DATA = `${DISK_ID_PREFIX}old-sql-data`;
    const LOG = `${DISK_ID_PREFIX}old-sql-log`;
    it("THEN the sourced disks are attached and no storage configuration is sent", async () => {
        const sql = new SqlServerVm("sql03", {
            ...base, size: "Standard_E4ds_v5",
            sql: { dataDiskSizeGb: 256, logDiskSizeGb: 128, existingStorage: true, dataDiskSource: { existingId: DATA }, logDiskSource: { existingId: LOG } },
        });
        await settledSql(sql);
        const disks = (recorder.get(VM, "sql03-vm").inputs["storageProfile"] as { dataDisks: { lun: number; managedDisk: { id: string } }[] }).dataDisks;
        expect(disks.map((d) => [d.lun, d.managedDisk.id])).toStrictEqual([[0, DATA], [1, LOG]]);
        expect(Object.keys(recorder.get(SQL_VM, "sql03-sql").inputs)).not.toContain("storageConfigurationSettings");
    });
});

describe("GIVEN the stack's own SQL Server VM after its first deployment, with existingStorage set", () => {
    beforeAll(async () => {
        await settledSql(new SqlServerVm("sql04", { ...base, size: "Standard_E4ds_v5", sql: { dataDiskSizeGb: 256, logDiskSizeGb: 128, existingStorage: true } }));
    });

    it("THEN its disks stay the same empty-created disks, and no storage configuration is sent again", () => {
        expect(recorder.get("azure-native:compute:Disk", "sql04-disk-sql-data").inputs["creationData"]).toEqual({ createOption: "Empty" });
        expect(Object.keys(recorder.get(SQL_VM, "sql04-sql").inputs)).not.toContain("storageConfigurationSettings");
    });

    it("THEN the registration is not protected, so a rebuilt VM re-creates it (without a storage configuration), and it keeps the same replacement paths", () => {
        const { aliases, ...options } = recorder.get(SQL_VM, "sql04-sql").options;
        expect(aliases.filter((a) => !("type" in a) || a.type?.startsWith("azure-native:sqlvirtualmachine/v") !== true)).toStrictEqual([]);
        expect(options).toStrictEqual({
            protect: false, retainOnDelete: false, deleteBeforeReplace: true, ignoreChanges: [SQL_INSTANCE_SETTINGS_PATH],
            replaceOnChanges: [...SQL_REGISTRATION_REPLACE_ON_CHANGES],
            dependencies: [recorder.get("azure-native:compute:VirtualMachineExtension", "sql04-access").urn, recorder.get(VM, "sql04-vm").urn],
            import: null, replaceWith: [recorder.get(VM, "sql04-vm").urn], replacementTrigger: undefined, deletedWith: null,
        });
    });
});

describe("GIVEN a deployed SQL Server VM WHEN its SQL settings change", () => {
    // Two components of different Pulumi names for one VM name: the registration's inputs are then comparable.
    const declare = (name: string, sql: Partial<SqlServerVmArgs["sql"]>) =>
        settledSql(new SqlServerVm(name, { ...base, vmName: "sqlx", size: "Standard_E4ds_v5", sql: { dataDiskSizeGb: 256, logDiskSizeGb: 128, ...sql } }));
    const registration = (name: string): Registration => recorder.get(SQL_VM, `${name}-sql`);
    beforeAll(async () => {
        await declare("sqlx-new", {});
        await declare("sqlx-existing", { existingStorage: true });
        await declare("sqlx-oltp", { storageWorkload: "OLTP" });
        await declare("sqlx-tempdb-disk", { tempDb: "disk", tempDbDiskSizeGb: 64 });
        await declare("sqlx-port", { port: 14330 });
    });

    it("THEN existingStorage turned on removes the whole storage configuration: an update in place, and the protection goes off in the same step", () => {
        const [before, after] = [registration("sqlx-new"), registration("sqlx-existing")];
        expect(stepFor(before, after)).toStrictEqual({ changed: ["storageConfigurationSettings"], step: "update" });
        expect([before.options.protect, after.options.protect]).toStrictEqual([true, false]);
    });

    it.each([
        ["the storage workload", "sqlx-oltp", ["storageConfigurationSettings.storageWorkloadType"]],
        ["tempdb's placement", "sqlx-tempdb-disk", ["storageConfigurationSettings.sqlTempDbSettings.defaultFilePath", "storageConfigurationSettings.sqlTempDbSettings.useStoragePool", "storageConfigurationSettings.sqlTempDbSettings.luns"]],
    ])("THEN a change of %s is a replacement of a registration protected before and after, which the engine refuses at preview", (_, name, changed) => {
        const [before, after] = [registration("sqlx-new"), registration(name)];
        expect(stepFor(before, after)).toStrictEqual({ changed, step: "replace" });
        expect([before.options.protect, after.options.protect]).toStrictEqual([true, true]);
    });

    it("THEN a setting Azure changes in place, the port, is an update", () => {
        expect(stepFor(registration("sqlx-new"), registration("sqlx-port"))).toStrictEqual({
            changed: ["serverConfigurationsManagementSettings.sqlConnectivityUpdateSettings.port"], step: "update",
        });
    });

    it("THEN existingStorage turned back off is an update in place from an unprotected registration: nothing refuses it (documented: never do it)", () => {
        const [before, after] = [registration("sqlx-existing"), registration("sqlx-new")];
        expect(stepFor(before, after)).toStrictEqual({ changed: ["storageConfigurationSettings"], step: "update" });
        expect(before.options.protect).toBe(false);
    });
});

describe("GIVEN a SQL Server VM rebuilt from its kept OS disk, with the storage its pools are on", () => {
    const OS_DISK = `${DISK_ID_PREFIX}sql05_OsDisk_1_0f1e`;
    let sql: SqlServerVm;
    beforeAll(async () => {
        sql = new SqlServerVm("sql05", {
            ...withoutPassword, size: "Standard_E4ds_v5",
            osDisk: { source: { existingId: OS_DISK }, vmAgentInstalled: true },
            sql: { dataDiskSizeGb: 256, logDiskSizeGb: 128, existingStorage: true },
        });
        await settledSql(sql);
    });

    it("THEN the VM attaches that disk (no image, no OS profile: the instance, its master database, logins and jobs come back with it) and its SQL disks at their LUNs", () => {
        const profile = recorder.get(VM, "sql05-vm").inputs["storageProfile"] as { imageReference?: unknown; osDisk: { createOption: string; managedDisk: { id: string } } };
        expect([profile.imageReference, profile.osDisk.createOption, profile.osDisk.managedDisk.id]).toStrictEqual([undefined, "Attach", OS_DISK]);
        expect(recorder.get(VM, "sql05-vm").inputs["osProfile"]).toBeUndefined();
        expect(dataDisksOf("sql05")).toStrictEqual([
            { lun: 0, caching: "ReadOnly", disk: "sql05-disk-sql-data" },
            { lun: 1, caching: "None", disk: "sql05-disk-sql-log" },
        ]);
        expect(sql.generatedAdminPassword).toBeUndefined();
    });

    it("THEN the registration sends no storage configuration, names the edition the disk holds, is not protected and is tied to the VM, so the next rebuild re-creates it too", () => {
        const registration = recorder.get(SQL_VM, "sql05-sql");
        expect(Object.keys(registration.inputs)).not.toContain("storageConfigurationSettings");
        expect([registration.inputs["sqlImageOffer"], registration.inputs["sqlImageSku"]]).toStrictEqual(["SQL2022-WS2022", "Developer"]);
        expect([registration.options.protect, registration.options.replaceWith, registration.options.ignoreChanges])
            .toStrictEqual([false, [recorder.get(VM, "sql05-vm").urn], [SQL_INSTANCE_SETTINGS_PATH]]);
        // No access extension: the disk brings its own administrator, so the registration follows the VM itself.
        expect(registration.options.dependencies).toStrictEqual([recorder.get(VM, "sql05-vm").urn]);
    });
});

describe("GIVEN a SQL Server VM whose OS disk is still waiting for its upload", () => {
    it("THEN there is no VM and no registration yet, and the registration's id is empty", async () => {
        const sql = new SqlServerVm("sql06", {
            ...withoutPassword, size: "Standard_E4ds_v5",
            osDisk: { source: { upload: { sizeBytes: 127 * 1_073_741_824 + 512, phase: "upload" } }, hyperVGeneration: "V2" },
            sql: { dataDiskSizeGb: 256, logDiskSizeGb: 128, existingStorage: true },
        });
        await settledSql(sql);
        expect(named(recorder, "sql06").filter((r) => r.type === VM || r.type === SQL_VM)).toStrictEqual([]);
        expect(await valueOf(sql.sqlVirtualMachineId)).toBe("");
    });
});

describe("GIVEN a SQL Server VM with striped Premium SSD v2 pools and the best practices assessment", () => {
    beforeAll(async () => {
        await settledSql(new SqlServerVm("sql07", {
            ...base, size: "Standard_E8ds_v5", zone: "1",
            sql: {
                dataDiskSizeGb: 512, logDiskSizeGb: 128,
                dataDisks: { sku: "PremiumV2_LRS", count: 2, iops: 20_000, throughputMBps: 500 },
                logDisks: { sku: "PremiumV2_LRS", iops: 6000 },
                instanceSettings: { maxDop: 1 },
                assessment: { schedule: { dayOfWeek: "Sunday", startTime: "23:00" } },
            },
        }));
    });

    it("THEN each data disk is a Premium SSD v2 with half the targets provisioned, attached without host caching, and the pools name their LUNs", () => {
        const disk = recorder.get("azure-native:compute:Disk", "sql07-disk-sql-data-2").inputs;
        expect([disk["sku"], disk["diskIOPSReadWrite"], disk["diskMBpsReadWrite"], disk["diskSizeGB"], disk["zones"]])
            .toStrictEqual([{ name: "PremiumV2_LRS" }, 10_000, 250, 512, ["1"]]);
        expect(recorder.get("azure-native:compute:Disk", "sql07-disk-sql-log").inputs["diskIOPSReadWrite"]).toBe(6000);
        expect(Object.keys(recorder.get("azure-native:compute:Disk", "sql07-disk-sql-log").inputs)).not.toContain("diskMBpsReadWrite");
        expect(dataDisksOf("sql07")).toStrictEqual([
            { lun: 0, caching: "None", disk: "sql07-disk-sql-data" },
            { lun: 1, caching: "None", disk: "sql07-disk-sql-data-2" },
            { lun: 2, caching: "None", disk: "sql07-disk-sql-log" },
        ]);
        const storage = recorder.get(SQL_VM, "sql07-sql").inputs["storageConfigurationSettings"] as Record<string, unknown>;
        expect([storage["sqlDataSettings"], storage["sqlLogSettings"]]).toStrictEqual([
            { luns: [0, 1], defaultFilePath: "F:\\data" }, { luns: [2], defaultFilePath: "G:\\log" },
        ]);
    });

    it("THEN the given MAXDOP is sent with the size's defaults, and the assessment with its weekly schedule", () => {
        const inputs = recorder.get(SQL_VM, "sql07-sql").inputs;
        expect((inputs["serverConfigurationsManagementSettings"] as { sqlInstanceSettings: unknown }).sqlInstanceSettings)
            .toStrictEqual({ maxDop: 1, maxServerMemoryMB: 48_288, isLpimEnabled: true, isIfiEnabled: true });
        expect(inputs["assessmentSettings"]).toStrictEqual({
            enable: true, runImmediately: false, schedule: { enable: true, dayOfWeek: "Sunday", startTime: "23:00", weeklyInterval: 1 },
        });
        expect(recorder.get(SQL_VM, "sql07-sql").options.ignoreChanges).toStrictEqual([
            SQL_SYSTEM_DB_PATH,
            `${SQL_INSTANCE_SETTINGS_PATH}.maxServerMemoryMB`, `${SQL_INSTANCE_SETTINGS_PATH}.isLpimEnabled`, `${SQL_INSTANCE_SETTINGS_PATH}.isIfiEnabled`,
        ]);
    });
});

describe("GIVEN a deployed SQL Server VM WHEN its library or its instance settings change", () => {
    const declare = (name: string, size: string, sql: Partial<SqlServerVmArgs["sql"]>) =>
        settledSql(new SqlServerVm(name, { ...base, vmName: "sqly", size, sql: { dataDiskSizeGb: 256, logDiskSizeGb: 128, ...sql } }));
    const registration = (name: string): Registration => recorder.get(SQL_VM, `${name}-sql`);
    beforeAll(async () => {
        await declare("sqly-now", "Standard_E4ds_v5", {});
        await declare("sqly-resized", "Standard_E8ds_v5", {});
        await declare("sqly-maxdop1", "Standard_E4ds_v5", { instanceSettings: { maxDop: 1 } });
        await declare("sqly-maxdop2", "Standard_E4ds_v5", { instanceSettings: { maxDop: 2 } });
    });

    /** The registration as a library without instance settings or system databases on the data pool declared it. */
    function deployedBefore(now: Registration): Registration {
        const without = (value: unknown, key: string) => Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([k]) => k !== key));
        return {
            ...now,
            inputs: {
                ...now.inputs,
                serverConfigurationsManagementSettings: without(now.inputs["serverConfigurationsManagementSettings"], "sqlInstanceSettings"),
                storageConfigurationSettings: without(now.inputs["storageConfigurationSettings"], "sqlSystemDbOnDataDisk"),
            },
        };
    }

    it("THEN a registration deployed before the defaults existed stays the same: nothing is sent again over its pools", () => {
        expect(stepFor(deployedBefore(registration("sqly-now")), registration("sqly-now"))).toStrictEqual({ changed: [], step: "same" });
    });

    it("THEN a resize keeps the defaults the registration was created with", () => {
        expect(stepFor(registration("sqly-now"), registration("sqly-resized"))).toStrictEqual({ changed: [], step: "same" });
    });

    it("THEN a MAXDOP the stack sets is an update in place, and so is setting one where it was a default", () => {
        expect(stepFor(registration("sqly-maxdop1"), registration("sqly-maxdop2"))).toStrictEqual({
            changed: ["serverConfigurationsManagementSettings.sqlInstanceSettings.maxDop"], step: "update",
        });
        expect(stepFor(registration("sqly-now"), registration("sqly-maxdop1"))).toStrictEqual({
            changed: ["serverConfigurationsManagementSettings.sqlInstanceSettings.maxDop"], step: "update",
        });
    });
});

describe("GIVEN sizes WHEN tempdb's default is chosen", () => {
    it.each<[string, boolean | undefined]>([
        ["Standard_E4ds_v5", true], ["Standard_D4ads_v5", true], ["Standard_E4-2ds_v4", true],
        ["Standard_E4s_v5", false], ["Standard_D2as_v4", false],
        ["Standard_E4ds_v6", undefined], ["Standard_D2s_v3", undefined], ["Standard_B2s", undefined],
    ])("THEN %s has a local temporary disk: %s", (size, expected) => {
        expect(hasLocalTempDisk(size)).toBe(expected);
    });
});

describe("GIVEN bad SQL arguments", () => {
    const sqlArgs = (sql: Partial<SqlServerVmArgs["sql"]>, size = "Standard_E4ds_v5"): SqlServerVmArgs =>
        ({ ...base, size, sql: { dataDiskSizeGb: 256, logDiskSizeGb: 128, ...sql } });

    it.each<[string, SqlServerVmArgs, { path: string; message: string }[]]>([
        ["Developer with Azure Hybrid Benefit", sqlArgs({ licenseType: "AHUB" }), [
            { path: "sql.licenseType", message: `"AHUB" is not available for the Developer edition, which is free and always "PAYG"; remove licenseType, or choose edition "standard" or "enterprise".` },
        ]],
        ["a size without a local disk and no tempdb disk size", sqlArgs({}, "Standard_E4s_v5"), [
            { path: "sql.tempDbDiskSizeGb", message: `is missing; Standard_E4s_v5 is not known to have a local temporary disk, so tempdb gets its own disk at LUN 2 (set its size, e.g. 128, or set tempDb: "local" on a size with a local disk).` },
        ]],
        ["tempdb on a disk without a size", sqlArgs({ tempDb: "disk" }), [
            { path: "sql.tempDbDiskSizeGb", message: `is missing; tempDb "disk" puts tempdb on its own disk at LUN 2 (set its size, e.g. 128, or set tempDb: "local" on a size with a local disk).` },
        ]],
        ["tempdb local on a size without a local disk", sqlArgs({ tempDb: "local" }, "Standard_E4s_v5"), [
            { path: "sql.tempDb", message: `"local" needs a local temporary disk, and Standard_E4s_v5 has none (sizes with a "d" among their features, like Standard_E4ds_v5, have one); choose such a size or set tempDb: "disk".` },
        ]],
        ["a privileged port", sqlArgs({ port: 80 }), [
            { path: "sql.port", message: `80 is not a SQL Server port; use 1433 or a whole number from 1024 to 65535.` },
        ]],
        ["a source without existing storage", sqlArgs({ logDiskSource: { existingId: `${DISK_ID_PREFIX}old-log` } }), [
            { path: "sql.logDiskSource", message: `is set, but existingStorage is not; the SQL IaaS agent would build a new storage pool over the disk's data (set existingStorage: true).` },
        ]],
        ["a SQL problem and a VM problem together", { ...sqlArgs({ port: 80 }), zone: "4" }, [
            { path: "sql.port", message: `80 is not a SQL Server port; use 1433 or a whole number from 1024 to 65535.` },
            { path: "zone", message: NOT_A_ZONE("4") },
        ]],
        ["a data disk size Azure refuses, said in SqlServerVm's own argument name", sqlArgs({ dataDiskSizeGb: 0 }), [
            { path: "sql.dataDiskSizeGb", message: `0 is outside 1-32767 GiB, the range of a Premium_LRS data disk (set a whole number of GiB in that range).` },
        ]],
    ])("THEN %s is refused with exact messages and nothing is registered", async (_, args, problems) => {
        await allRegistered();
        const before = recorder.registrations.length;
        expect(() => new SqlServerVm("bad", args)).toThrow(new InvalidArgumentsError("SqlServerVm", "bad", problems));
        await allRegistered();
        expect(recorder.registrations.length).toBe(before);
    });
});
