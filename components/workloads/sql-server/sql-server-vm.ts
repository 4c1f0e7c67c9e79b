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
 * When the VM is replaced (it is `deleteBeforeReplace`), the new VM has the same name and so the same resource id:
 * the SqlVirtualMachine's inputs do not change and Pulumi leaves it alone. Whether Azure keeps the registration
 * across the VM's deletion is not something this component can prove; if the portal shows the VM unregistered after a
 * replacement, replace the SqlVirtualMachine (`pulumi up --replace <its URN>`); with `existingStorage` it then sends no
 * storage configuration.
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
        // never during a domain join's restart. No sqlManagement: the API marks it unused.
        // deleteBeforeReplace: Azure allows one SqlVirtualMachine per VM, under the VM's name.
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
        }, { parent: this, deleteBeforeReplace: true, dependsOn: [this.vm.lastGuestStep] });

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
