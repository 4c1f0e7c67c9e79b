/**
 * examples/sql-server, its own Pulumi project on top of the library as a package, run as `pulumi preview` would run
 * it: the SQL IaaS agent's storage configuration names exactly the LUNs the data and log disks are attached at and puts
 * the system databases on the data pool, the instance settings follow the size, one tool patches the machine, SQL
 * Server's port opens to the configured clients only, the registration is protected exactly until the
 * `existingStorage` config key is set, and with `osDiskId` the VM is rebuilt from its kept OS disk.
 * Not proved here: what the SQL IaaS agent does with the configuration in Azure, or the engine's refusal to rebuild
 * the VM while the registration is protected.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { ProgramRun } from "../../tools/recorder/program";
import { SECRET, redact } from "../../tools/recorder/recorder";
import { programErrors, registered } from "../support/examples";
import { runExample } from "../support/programs";

const VM = "azure-native:compute:VirtualMachine";
const SQL_VM = "azure-native:sqlvirtualmachine:SqlVirtualMachine";

interface AttachedDisk { lun: number; caching: string; managedDisk: { id: string } }
interface StorageSettings { luns?: number[]; defaultFilePath: string }

/** The LUN each data disk resource is attached at, by the disk's resource name. */
function lunsByDisk(run: ProgramRun, vmResource: string): Record<string, number> {
    const disks = (registered(run, VM, vmResource).inputs["storageProfile"] as { dataDisks: AttachedDisk[] }).dataDisks;
    return Object.fromEntries(disks.map((d) => [d.managedDisk.id.split("/").pop() ?? "", d.lun]));
}

describe("GIVEN the SQL Server example's dev stack", () => {
    let run: ProgramRun;
    beforeAll(async () => {
        run = await runExample("sql-server");
        expect(run.exitCode, programErrors(run)).toBe(0);
    });

    it("THEN the SqlVirtualMachine's data and log LUNs are the LUNs its data and log disks are attached at", () => {
        const storage = registered(run, SQL_VM, "sql01-sql").inputs["storageConfigurationSettings"] as Record<string, StorageSettings>;
        const luns = lunsByDisk(run, "sql01-vm");
        expect(storage["sqlDataSettings"]?.luns).toStrictEqual([luns["sql01-disk-sql-data"]]);
        expect(storage["sqlLogSettings"]?.luns).toStrictEqual([luns["sql01-disk-sql-log"]]);
        expect(Object.keys(luns).sort()).toStrictEqual(["sql01-disk-sql-data", "sql01-disk-sql-log"]);
        // Standard_E4ds_v5 has a local temporary disk, so tempdb lives there and gets no LUN.
        expect(storage["sqlTempDbSettings"]).toStrictEqual({ defaultFilePath: "D:\\tempDb", useStoragePool: false });
    });

    it("THEN exactly one patch orchestration is on: Windows Update (the SQL image is not on the platform-patching list), with SQL Automated Patching off", () => {
        const windows = (registered(run, VM, "sql01-vm").inputs["osProfile"] as { windowsConfiguration: { enableAutomaticUpdates: boolean; patchSettings: { patchMode: string } } })
            .windowsConfiguration;
        const sqlPatching = (registered(run, SQL_VM, "sql01-sql").inputs["autoPatchingSettings"] as { enable: boolean }).enable;
        expect({ updates: windows.enableAutomaticUpdates, patchMode: windows.patchSettings.patchMode, sqlPatching })
            .toStrictEqual({ updates: true, patchMode: "AutomaticByOS", sqlPatching: false });
    });

    it("THEN SQL Server listens privately on 1433, and the NSG opens 1433 to the application subnet only", () => {
        expect(registered(run, SQL_VM, "sql01-sql").inputs["serverConfigurationsManagementSettings"]).toStrictEqual({
            sqlConnectivityUpdateSettings: { connectivityType: "PRIVATE", port: 1433 },
            sqlInstanceSettings: { maxDop: 4, maxServerMemoryMB: 23_808, isLpimEnabled: true, isIfiEnabled: true },
        });
        const rules = (registered(run, "azure-native:network:NetworkSecurityGroup", "net-nsg").inputs["securityRules"] as Record<string, unknown>[])
            .filter((rule) => rule["destinationPortRange"] === "1433");
        expect(rules).toStrictEqual([expect.objectContaining({
            direction: "Inbound", access: "Allow", protocol: "Tcp", sourceAddressPrefixes: ["10.60.3.0/24"],
        })]);
    });

    it("THEN the data and log disks outlive the VM (protected, detached on delete), and the resource group is protected", () => {
        for (const disk of ["sql01-disk-sql-data", "sql01-disk-sql-log"]) {
            expect(registered(run, "azure-native:compute:Disk", disk).options.protect).toBe(true);
        }
        const attached = (registered(run, VM, "sql01-vm").inputs["storageProfile"] as { dataDisks: { deleteOption: string }[] }).dataDisks;
        expect(attached.map((d) => d.deleteOption)).toStrictEqual(["Detach", "Detach"]);
        expect(registered(run, "azure-native:resources:ResourceGroup", "rg").options.protect).toBe(true);
    });

    it("THEN the generated administrator password leaves the stack only as a secret", () => {
        expect(redact(run.outputs["adminPassword"])).toBe(SECRET);
        expect(registered(run, VM, "sql01-vm").secretPaths).toContain("osProfile");
    });

    it("THEN the system databases go on the data pool, and the defaults taken at creation are ignored afterwards", () => {
        const sqlVm = registered(run, SQL_VM, "sql01-sql");
        expect((sqlVm.inputs["storageConfigurationSettings"] as { sqlSystemDbOnDataDisk: boolean }).sqlSystemDbOnDataDisk).toBe(true);
        expect(sqlVm.options.ignoreChanges).toStrictEqual(["storageConfigurationSettings.sqlSystemDbOnDataDisk", "serverConfigurationsManagementSettings.sqlInstanceSettings"]);
    });

    it("THEN the registration, which sends a storage configuration, is protected: a rebuild of the VM stops at preview", () => {
        expect([registered(run, SQL_VM, "sql01-sql").options.protect, registered(run, SQL_VM, "sql01-sql").options.deleteBeforeReplace]).toStrictEqual([true, true]);
    });
});

describe("GIVEN the SQL Server example's dev stack WHEN existingStorage is set, once the pools are built", () => {
    let run: ProgramRun;
    beforeAll(async () => {
        run = await runExample("sql-server", { configOverrides: { "apvm-sql-server:existingStorage": true } });
        expect(run.exitCode, programErrors(run)).toBe(0);
    });

    it("THEN the registration sends no storage configuration and is not protected, so a rebuilt VM re-creates it without one", () => {
        const sqlVm = registered(run, SQL_VM, "sql01-sql");
        expect(Object.keys(sqlVm.inputs)).not.toContain("storageConfigurationSettings");
        expect(sqlVm.options.protect).toBe(false);
    });

    it("THEN the SQL disks are still protected", () => {
        expect(["sql01-disk-sql-data", "sql01-disk-sql-log"].map((d) => registered(run, "azure-native:compute:Disk", d).options.protect)).toStrictEqual([true, true]);
    });
});

describe("GIVEN the SQL Server example with existingStorage WHEN it is rebuilt from its kept OS disk (osDiskId)", () => {
    const OS_DISK = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-apvm-sql-dev/providers/Microsoft.Compute/disks/sql01_OsDisk_1_0f1e";
    let run: ProgramRun;
    beforeAll(async () => {
        run = await runExample("sql-server", { configOverrides: { "apvm-sql-server:existingStorage": true, "apvm-sql-server:osDiskId": OS_DISK } });
        expect(run.exitCode, programErrors(run)).toBe(0);
    });

    it("THEN the VM attaches that disk, with no image and no OS profile, and no password is generated", () => {
        const vm = registered(run, VM, "sql01-vm").inputs;
        const profile = vm["storageProfile"] as { imageReference?: unknown; osDisk: { createOption: string; managedDisk: { id: string } } };
        expect([profile.imageReference, profile.osDisk.createOption, profile.osDisk.managedDisk.id, vm["osProfile"]]).toStrictEqual([undefined, "Attach", OS_DISK, undefined]);
        expect(run.outputs["adminPassword"]).toBeUndefined();
    });

    it("THEN the registration is tied to the new VM and sends no storage configuration", () => {
        const sqlVm = registered(run, SQL_VM, "sql01-sql");
        expect(Object.keys(sqlVm.inputs)).not.toContain("storageConfigurationSettings");
        expect([sqlVm.options.protect, sqlVm.options.replaceWith]).toStrictEqual([false, [registered(run, VM, "sql01-vm").urn]]);
    });
});
