/**
 * The machines of a SharePoint Server farm, durably: an Active Directory domain controller at a static address that
 * is the VNet's DNS server, a SQL Server VM and a SharePoint Server VM. Both join the domain, each only once the
 * domain answers from it: after the controller's promotion, a Run Command on the member waits until AD DS answers
 * (the controller restarts to finish its promotion), and only then does the domain-join extension run.
 *
 * SharePoint Server Subscription Edition is the supported edition (SharePoint Server 2016 and 2019 left support on
 * 14 July 2026) and has no Azure Marketplace image: its VM runs Windows Server 2022 Datacenter, an OS it supports, and
 * SharePoint is installed from your own media.
 */
import * as pulumi from "@pulumi/pulumi";
import * as resources from "@pulumi/azure-native/resources";
import * as random from "@pulumi/random";
import { DomainController, GENERATED_PASSWORD, SqlServerVm, VmNetwork, WindowsVm, type DomainJoinArgs, type SqlEdition } from "azure-persistent-vm";

const config = new pulumi.Config();
const location = new pulumi.Config("azure-native").require("location");
const domainName = config.require("domainName");
const netbiosName = config.require("netbiosName");
const adminUsername = config.require("domainAdminUsername");
const dcAddress = config.require("dcPrivateIpAddress");
const domainAdminUser = `${netbiosName}\\${adminUsername}`;

// Deleting the resource group would delete every disk of the farm with it.
const rg = new resources.ResourceGroup("rg", { resourceGroupName: config.require("resourceGroupName"), location }, { protect: true });

const net = new VmNetwork("farm", {
    resourceGroupName: rg.name,
    location,
    addressSpace: config.require("addressSpace"),
    subnetPrefix: config.require("subnetPrefix"),
    // Every machine in the VNet resolves names through the controller: that is how members find the domain.
    dnsServers: [dcAddress],
    bastion: { subnetPrefix: config.require("bastionSubnetPrefix") },
    managementProtocols: ["rdp"],
    inboundRules: [{ name: "https", port: 443, sourceAddressPrefixes: config.requireObject<string[]>("webClientPrefixes") }],
});
// Every machine is Windows: the network's RDP rules reach them through its Windows application security group.
const common = {
    resourceGroupName: rg.name, location, subnetId: net.subnetId, networkSecurityGroupId: net.networkSecurityGroupId,
    applicationSecurityGroupIds: [net.applicationSecurityGroupIds.windows], zone: "1",
};

// The controller's administrator becomes the domain's administrator when the forest is created; it joins the others.
const domainAdminPassword = config.getSecret("domainAdminPassword")
    ?? new random.RandomPassword("domain-admin-password", { ...GENERATED_PASSWORD }).result;
const safeModePassword = new random.RandomPassword("safe-mode-password", { ...GENERATED_PASSWORD }).result;

const dc = new DomainController("dc01", {
    ...common,
    size: config.require("dcSize"),
    image: "windows-server-2022",
    privateIpAddress: dcAddress,
    domainName,
    netbiosName,
    adminUsername,
    adminPassword: domainAdminPassword,
    safeModePassword,
});

// What every member does: wait for the controller's promotion, then until the domain answers, then join.
const domainJoin: DomainJoinArgs = {
    domainName,
    user: domainAdminUser,
    password: domainAdminPassword,
    dependsOn: [dc.ready],
};

const sql = new SqlServerVm("sql01", {
    ...common,
    size: config.require("sqlSize"),
    domainJoin,
    sql: {
        edition: config.get<SqlEdition>("sqlEdition") ?? "developer",
        dataDiskSizeGb: config.getNumber("sqlDataDiskSizeGb") ?? 256,
        logDiskSizeGb: config.getNumber("sqlLogDiskSizeGb") ?? 64,
    },
});

const sharePoint = new WindowsVm("sp01", {
    ...common,
    size: config.require("sharePointSize"),
    // Windows Server 2022 Datacenter (Gen2): SharePoint Server Subscription Edition's system requirements name it.
    imageReference: { publisher: "MicrosoftWindowsServer", offer: "WindowsServer", sku: "2022-datacenter-g2", version: "latest" },
    domainJoin,
    // The search index, logs and anything else SharePoint keeps on the server, on a disk that outlives the VM.
    dataDisks: [{ name: "sharepoint", lun: 0, sizeGb: 128, format: true }],
});

export const domainControllerAddress = dc.privateIpAddress;
export const sqlServerAddress = sql.privateIpAddress;
export const sharePointAddress = sharePoint.privateIpAddress;
export const domainAdministrator = domainAdminUser;
export const domainAdministratorPassword = pulumi.secret(domainAdminPassword);
export const safeModeAdministratorPassword = pulumi.secret(safeModePassword);
