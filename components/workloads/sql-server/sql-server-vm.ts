/**
 * SqlServerVm: SQL Server 2022 on a durable WindowsVm, registered with the SQL IaaS agent (a SqlVirtualMachine
 * resource, API 2023-10-01) that pools the SQL disks, places tempdb and sets the port.
 */
import * as pulumi from "@pulumi/pulumi";
import * as sqlvirtualmachine from "@pulumi/azure-native/sqlvirtualmachine";
import type * as azureInputs from "@pulumi/azure-native/types/input";
import { requirePlan } from "../../core/problems";
import { WindowsVm } from "../../vm/windows-vm";
import type { SqlServerVmArgs } from "./sql-server-args";
import { SQL_IMAGE_OFFER, planSqlServerVm, type SqlStoragePlan } from "./sql-server-plan";

export const SQL_SERVER_VM_TYPE = "azure-persistent-vm:index:SqlServerVm";

/**
 * SQL Server in a VM. Its children: a WindowsVm of the same name (so the VM, NIC and disks keep the WindowsVm's
 * names, `<name>-vm`, `<name>-disk-sql-data`, ...) built from the edition's catalogue image, with the SQL data, log and
 * (optionally) tempdb disks, protected like every data disk and never formatted by the component (the agent builds
 * storage pools on raw disks); and a SqlVirtualMachine named after the VM.
 *
 * Patching: exactly one orchestration is on. The VM keeps Azure's platform patching (`AutomaticByPlatform`, the
 * WindowsVm default for catalogue images) and the agent's Automated Patching is sent explicitly disabled, as
 * Microsoft advises: choose one patching option, because overlapping tools can fail updates or patch outside the
 * maintenance window (Microsoft Learn, "Automated Patching for SQL Server on Azure VMs" and "Azure Update Manager for
 * SQL Server on Azure VMs").
 *
 * A rebuilt VM takes the registration with it. The VM is replaced delete-first, and the SqlVirtualMachine's
 * `virtualMachineResourceId`, the VM's id, is create-only: so the engine deletes the registration before the VM and
 * creates it again after the new VM (a dependent replacement; Azure also deletes a VM's registration with the VM).
 * Re-created with a storage configuration, it would have the agent build storage pools over disks that already hold
 * them. So while it sends one (`sql.existingStorage` false) it is protected, and the engine refuses the VM's
 * replacement at preview, naming the registration. To rebuild the VM: set `sql.existingStorage: true` and run
 * `pulumi up` on its own (an in-place update: the storage configuration leaves the inputs and the protection goes
 * off), then rebuild; the registration is re-created with the new VM, without a storage configuration, and registers
 * it with the agent again. Do not get past the refusal with `pulumi state unprotect`: the registration would be
 * re-created with its storage configuration. A change to a setting Azure takes only at creation (the storage
 * workload, the pools' LUNs and paths, tempdb's placement) is refused the same way (`sqlRegistrationOptions`).
 * Removing a SqlServerVm, or `pulumi destroy`, also stops at its protected registration: set `existingStorage: true`
 * first, or `pulumi state unprotect` the registration (it then goes with the VM).
 */
export class SqlServerVm extends pulumi.ComponentResource {
    /** The WindowsVm child: its disks, NIC, identity and outputs. */
    public readonly vm: WindowsVm;
    /** The SqlVirtualMachine's resource id. */
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

        // Same name, different type: allowed (URNs carry the type), and it keeps the Azure names of a plain WindowsVm.
        this.vm = new WindowsVm(name, plan.windowsArgs, { parent: this });

        // After the VM's last guest step, so that the agent builds the storage pools after everything in the guest,
        // never during a domain join's restart. No sqlManagement: the API marks it unused. Its protection and
        // replacement paths are the plan's (sqlRegistrationOptions).
        const options = plan.registrationOptions;
        const sqlVm = new sqlvirtualmachine.SqlVirtualMachine(plan.resourceName, {
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
            },
            storageConfigurationSettings: plan.sql.storage === undefined ? undefined : storageSettings(plan.sql.storage),
        }, {
            parent: this,
            protect: options.protect,
            deleteBeforeReplace: options.deleteBeforeReplace,
            replaceOnChanges: [...options.replaceOnChanges],
            dependsOn: [this.vm.lastGuestStep],
        });

        this.sqlVirtualMachineId = sqlVm.id;
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
    };
}
