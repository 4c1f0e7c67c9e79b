/**
 * SqlServerVm: SQL Server 2022 on a durable WindowsVm, registered with the SQL IaaS agent (a SqlVirtualMachine
 * resource, API 2023-10-01) that pools the SQL disks, places tempdb and sets the port.
 */
import * as pulumi from "@pulumi/pulumi";
import * as sqlvirtualmachine from "@pulumi/azure-native/sqlvirtualmachine";
import type * as azureInputs from "@pulumi/azure-native/types/input";
import { logWarnings } from "../../core/log-warnings";
import { requirePlan } from "../../core/problems";
import { WindowsVm } from "../../vm/windows-vm";
import type { SqlServerVmArgs } from "./sql-server-args";
import { SQL_IMAGE_OFFER, planSqlServerVm, type SqlAssessmentPlan, type SqlStoragePlan } from "./sql-server-plan";

export const SQL_SERVER_VM_TYPE = "azure-persistent-vm:index:SqlServerVm";

/**
 * SQL Server in a VM. Its children: a WindowsVm of the same name (so the VM, NIC and disks keep the WindowsVm's
 * names, `<name>-vm`, `<name>-disk-sql-data`, ...) built from the edition's catalogue image, or from its kept OS disk
 * (`osDisk.source`), with the SQL data, log and (optionally) tempdb disks, protected like every data disk and never
 * formatted by the component (the agent builds storage pools on raw disks); and a SqlVirtualMachine named after the VM,
 * which also applies SQL Server's instance settings (MAXDOP, memory, lock pages in memory, instant file
 * initialization: defaults from the size, `sql.instanceSettings`) and, as an opt-in, the best practices assessment.
 *
 * Patching: exactly one orchestration is on. The VM patches through Windows Update (`AutomaticByOS`, the WindowsVm
 * mode for images off Microsoft's list of images that support Azure-orchestrated patching, where no SQL Server image
 * is) and the agent's Automated Patching is sent explicitly disabled, as Microsoft advises: choose one patching
 * option, because overlapping tools can fail updates or patch outside the maintenance window (Microsoft Learn,
 * "Automated Patching for SQL Server on Azure VMs" and "Azure Update Manager for SQL Server on Azure VMs").
 *
 * A rebuilt VM takes the registration with it. Azure deletes a VM's registration with the VM, and the VM is replaced
 * delete-first under the same name; so the registration is tied to it (`replaceWith`, Pulumi CLI 3.207 or later, as
 * the VM's guest steps are), and its `virtualMachineResourceId`, the VM's id, is create-only as well: the engine
 * deletes it before the VM and creates it again after the new VM, which registers the new VM with the agent.
 * Re-created with a storage configuration, it would have the agent build storage pools over disks that already hold
 * them. So the configuration is sent only over new, empty disks (`sendsStorageConfiguration`): never with
 * `sql.existingStorage`, which disks brought with a source and a VM rebuilt from its kept OS disk (`osDisk.source`)
 * require. While it is sent, the registration is protected, and the engine refuses the VM's replacement at preview,
 * naming the registration. To rebuild the VM: set `sql.existingStorage: true` and run `pulumi up` on its own (an
 * in-place update: the storage configuration leaves the inputs and the protection goes off), then rebuild, from a
 * fresh image (a change that replaces the VM) or from the kept OS disk (`osDisk.source`, which keeps the instance's
 * master database, logins and jobs). Do not get past the refusal with `pulumi state unprotect`: the registration
 * would be re-created with its storage configuration. A change to a setting Azure takes only at creation (the storage
 * workload, the pools' LUNs and paths, tempdb's placement) is refused the same way (`sqlRegistrationOptions`).
 * Removing a SqlServerVm, or `pulumi destroy`, also stops at its protected registration: set `existingStorage: true`
 * first, or `pulumi state unprotect` the registration (it then goes with the VM).
 *
 * Defaults taken at creation only: the system databases on the data pool, and the instance settings computed from
 * the size, are in the registration's `ignoreChanges`, so a registration deployed before they existed (or a VM resized
 * since) keeps what it has; an update would also send the storage configuration again. A value you set is sent.
 *
 * Needs the `Microsoft.SqlVirtualMachine` resource provider registered in the subscription
 * (`az provider register --namespace Microsoft.SqlVirtualMachine`).
 */
export class SqlServerVm extends pulumi.ComponentResource {
    /** The WindowsVm child: its disks, NIC, identity and outputs. */
    public readonly vm: WindowsVm;
    /** The SqlVirtualMachine's resource id; empty while the OS disk is in its upload phase (no VM, no registration yet). */
    public readonly sqlVirtualMachineId: pulumi.Output<string>;
    /** The VM's Azure resource id. */
    public readonly vmId: pulumi.Output<string>;
    /** The NIC's private IP address: where clients connect, on `sql.port`. */
    public readonly privateIpAddress: pulumi.Output<string>;
    /** The generated administrator password, a secret; undefined when `adminPassword` was given. */
    public readonly generatedAdminPassword: pulumi.Output<string> | undefined;

    constructor(name: string, args: SqlServerVmArgs, opts?: pulumi.ComponentResourceOptions) {
        const plan = requirePlan("SqlServerVm", name, planSqlServerVm(name, args));
        super(SQL_SERVER_VM_TYPE, name, {}, opts);
        logWarnings(this, SQL_SERVER_VM_TYPE, name, plan.sql.warnings);

        // Same name, different type: allowed (URNs carry the type), and it keeps the Azure names of a plain WindowsVm.
        this.vm = new WindowsVm(name, plan.windowsArgs, { parent: this });

        // After the VM's last guest step, so that the agent builds the storage pools after everything in the guest,
        // never during a domain join's restart. No sqlManagement: the API marks it unused. Its protection, replacement
        // paths and ignored defaults are the plan's (sqlRegistrationOptions). While the OS disk awaits its upload there
        // is no VM, and nothing to register.
        const options = plan.registrationOptions;
        const sqlVm = !plan.sql.registered ? undefined : new sqlvirtualmachine.SqlVirtualMachine(plan.resourceName, {
            resourceGroupName: args.resourceGroupName,
            location: args.location,
            tags: args.tags,
            sqlVirtualMachineName: plan.vm.vmName,
            virtualMachineResourceId: this.vm.vmId,
            sqlServerLicenseType: plan.sql.licenseType,
            sqlImageOffer: SQL_IMAGE_OFFER,
            sqlImageSku: plan.sql.imageSku,
            leastPrivilegeMode: "Enabled",
            enableAutomaticUpgrade: true,
            autoPatchingSettings: { enable: false },
            serverConfigurationsManagementSettings: {
                sqlConnectivityUpdateSettings: { connectivityType: "PRIVATE", port: plan.sql.port },
                sqlInstanceSettings: { ...plan.sql.instanceSettings },
            },
            storageConfigurationSettings: plan.sql.storage === undefined ? undefined : storageSettings(plan.sql.storage),
            assessmentSettings: plan.sql.assessment === undefined ? undefined : assessmentSettings(plan.sql.assessment),
        }, {
            parent: this,
            protect: options.protect,
            deleteBeforeReplace: options.deleteBeforeReplace,
            replaceOnChanges: [...options.replaceOnChanges],
            ignoreChanges: [...options.ignoreChanges],
            // Azure deletes the registration with the VM: a new VM gets a new one (see the class's TSDoc).
            replaceWith: [this.vm.virtualMachine],
            dependsOn: [this.vm.lastGuestStep],
        });

        this.sqlVirtualMachineId = sqlVm?.id ?? pulumi.output("");
        this.vmId = this.vm.vmId;
        this.privateIpAddress = this.vm.privateIpAddress;
        this.generatedAdminPassword = this.vm.generatedAdminPassword;
        this.registerOutputs({
            sqlVirtualMachineId: this.sqlVirtualMachineId,
            vmId: this.vmId,
            privateIpAddress: this.privateIpAddress,
            generatedAdminPassword: this.generatedAdminPassword,
        });
    }
}

function storageSettings(storage: SqlStoragePlan): azureInputs.sqlvirtualmachine.StorageConfigurationSettingsArgs {
    const pool = (settings: SqlStoragePlan["sqlDataSettings"]): azureInputs.sqlvirtualmachine.SQLStorageSettingsArgs => ({
        ...settings,
        luns: settings.luns === undefined ? undefined : [...settings.luns],
    });
    return {
        diskConfigurationType: storage.diskConfigurationType,
        storageWorkloadType: storage.storageWorkloadType,
        sqlDataSettings: pool(storage.sqlDataSettings),
        sqlLogSettings: pool(storage.sqlLogSettings),
        sqlTempDbSettings: pool(storage.sqlTempDbSettings),
        sqlSystemDbOnDataDisk: storage.sqlSystemDbOnDataDisk,
    };
}

function assessmentSettings(assessment: SqlAssessmentPlan): azureInputs.sqlvirtualmachine.AssessmentSettingsArgs {
    return {
        enable: assessment.enable,
        runImmediately: assessment.runImmediately,
        schedule: assessment.schedule === undefined ? undefined : { ...assessment.schedule },
    };
}
