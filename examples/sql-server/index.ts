/**
 * SQL Server 2022 in a VM, durably: a protected resource group, a network whose NSG opens SQL Server's port to the
 * application subnet only, and a SqlServerVm, whose data and log disks outlive the VM and whose registration with the
 * SQL IaaS agent maps them to SQL Server's default paths, puts the system databases on the data pool and sets the
 * checklist's instance settings for the size. The VM can be rebuilt from its kept OS disk (`osDiskId`).
 */
import * as pulumi from "@pulumi/pulumi";
import * as resources from "@pulumi/azure-native/resources";
import { SqlServerVm, VmNetwork, type SqlEdition } from "azure-persistent-vm";

const config = new pulumi.Config();
const location = new pulumi.Config("azure-native").require("location");
const port = config.getNumber("sqlPort") ?? 1433;

// Deleting the resource group would delete the disks with it.
const rg = new resources.ResourceGroup("rg", { resourceGroupName: config.require("resourceGroupName"), location }, { protect: true });

const net = new VmNetwork("net", {
    resourceGroupName: rg.name,
    location,
    addressSpace: config.require("addressSpace"),
    subnetPrefix: config.require("subnetPrefix"),
    inboundRules: [{ name: "sql", port, sourceAddressPrefixes: config.requireObject<string[]>("sqlClientPrefixes") }],
});

// To rebuild the VM from its kept OS disk (the instance comes back with its master database, logins and jobs): once
// existingStorage is true, pulumi config set osDiskId <the OS disk's id>.
const osDiskId = config.get("osDiskId");
const collation = config.get("collation");

const sql = new SqlServerVm("sql01", {
    resourceGroupName: rg.name,
    location,
    subnetId: net.subnetId,
    networkSecurityGroupId: net.networkSecurityGroupId,
    // Reached by the network's RDP rules (from a management source or a Bastion), which target the Windows group.
    applicationSecurityGroupIds: [net.applicationSecurityGroupIds.windows],
    size: config.require("size"),
    zone: config.get("zone") ?? "1",
    adminPassword: config.getSecret("adminPassword"),
    osDisk: osDiskId !== undefined ? { source: { existingId: osDiskId }, vmAgentInstalled: true } : undefined,
    sql: {
        edition: config.get<SqlEdition>("edition") ?? "developer",
        licenseType: config.get<"PAYG" | "AHUB">("licenseType") ?? "PAYG",
        dataDiskSizeGb: config.requireNumber("dataDiskSizeGb"),
        logDiskSizeGb: config.requireNumber("logDiskSizeGb"),
        port,
        // Once the first `pulumi up` has built the storage pools, set it so that a rebuilt VM never gets a storage
        // configuration again: pulumi config set existingStorage true
        existingStorage: config.getBoolean("existingStorage") ?? false,
        // MAXDOP, max server memory, lock pages in memory and instant file initialization default from the size; the
        // collation is taken only when the registration is created.
        instanceSettings: collation !== undefined ? { collation } : undefined,
    },
});

export const sqlVmName = sql.vm.vmName;
export const sqlAddress = sql.privateIpAddress;
export const sqlVirtualMachineId = sql.sqlVirtualMachineId;
export const adminPassword = sql.generatedAdminPassword;
