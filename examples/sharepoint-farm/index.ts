/**
 * A SharePoint Server farm on durable VMs: an Active Directory domain controller at a static address that is the
 * VNet's DNS server, a SQL Server VM and a SharePoint Server VM, both joined to the domain once it answers from them
 * (after the controller's promotion, a Run Command on each member waits until AD DS answers, and only then does the
 * domain-join extension run); then a SharePointFarm that configures them, one Run Command after another: the farm's
 * accounts and DNS records on the controller, SQL Server for SharePoint, SharePoint Server Subscription Edition's
 * prerequisites, binaries and updates (each followed by a restart when it needs one), and the farm with Central
 * Administration, its service applications, a web application and its root site.
 *
 * SharePoint Server Subscription Edition is the supported edition (SharePoint Server 2016 and 2019 left support on
 * 14 July 2026) and has no Azure Marketplace image: its VM runs Windows Server 2022 Datacenter, an OS it supports, and
 * SharePoint is installed from Microsoft's download or your own copy of the ISO.
 */
import * as pulumi from "@pulumi/pulumi";
import * as resources from "@pulumi/azure-native/resources";
import * as random from "@pulumi/random";
import {
    DomainController, GENERATED_PASSWORD, SharePointFarm, SqlServerVm, VmNetwork, WindowsVm,
    type DomainControllerArgs, type DomainJoinArgs, type SqlEdition, type SqlServerVmArgs, type WindowsVmArgs,
} from "azure-persistent-vm";

const config = new pulumi.Config();
const location = new pulumi.Config("azure-native").require("location");
const domainName = config.require("domainName");
const netbiosName = config.require("netbiosName");
const adminUsername = config.require("domainAdminUsername");
const dcAddress = config.require("dcPrivateIpAddress");
const domainAdminUser = `${netbiosName}\\${adminUsername}`;
// A production farm refuses SQL Server Developer (its licence forbids production) and needs updates and a product key.
const production = config.getBoolean("production") ?? false;

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
    // The farm's web application answers on HTTP; HTTPS needs a certificate you bind to it.
    inboundRules: [
        { name: "https", port: 443, sourceAddressPrefixes: config.requireObject<string[]>("webClientPrefixes") },
        { name: "http", port: 80, sourceAddressPrefixes: config.requireObject<string[]>("webClientPrefixes") },
    ],
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

const dcArgs: DomainControllerArgs = {
    ...common,
    size: config.require("dcSize"),
    image: "windows-server-2022",
    privateIpAddress: dcAddress,
    domainName,
    netbiosName,
    adminUsername,
    adminPassword: domainAdminPassword,
    safeModePassword,
};
const dc = new DomainController("dc01", dcArgs);

// What every member does: wait for the controller's promotion, then until the domain answers, then join.
const domainJoin: DomainJoinArgs = {
    domainName,
    user: domainAdminUser,
    password: domainAdminPassword,
    dependsOn: [dc.ready],
};

const sqlArgs: SqlServerVmArgs = {
    ...common,
    size: config.require("sqlSize"),
    domainJoin,
    sql: {
        // Developer has no licence cost but its licence forbids production; Standard is the least a production farm takes.
        edition: config.get<SqlEdition>("sqlEdition") ?? (production ? "standard" : "developer"),
        dataDiskSizeGb: config.getNumber("sqlDataDiskSizeGb") ?? 256,
        logDiskSizeGb: config.getNumber("sqlLogDiskSizeGb") ?? 64,
        // SharePoint's databases need MAXDOP 1; the SQL IaaS agent would otherwise set the size's default.
        instanceSettings: { maxDop: 1 },
    },
};
const sql = new SqlServerVm("sql01", sqlArgs);

const sharePointArgs: WindowsVmArgs = {
    ...common,
    size: config.require("sharePointSize"),
    // Windows Server 2022 Datacenter (Gen2): SharePoint Server Subscription Edition's system requirements name it.
    imageReference: { publisher: "MicrosoftWindowsServer", offer: "WindowsServer", sku: "2022-datacenter-g2", version: "latest" },
    domainJoin,
    // The search index, logs and anything else SharePoint keeps on the server, on a disk that outlives the VM.
    dataDisks: [{ name: "sharepoint", lun: 0, sizeGb: 128, format: true }],
};
const sharePoint = new WindowsVm("sp01", sharePointArgs);

// The farm on those machines. Its passwords and passphrase are generated and kept in its own key vault.
const isoUri = config.get("sharePointIsoUri");
const farm = new SharePointFarm("sharepoint", {
    resourceGroupName: rg.name,
    location,
    production,
    domainController: { component: dc, args: dcArgs },
    sqlServer: { component: sql, args: sqlArgs },
    sharePointServer: { component: sharePoint, args: sharePointArgs },
    // Microsoft's ISO unless you give your copy as a blob (the SharePoint VM reads it with its managed identity).
    installSource: {
        ...(isoUri === undefined ? { microsoftDownload: true } : { isoUri, storageAccountId: config.require("sharePointStorageAccountId") }),
        updates: (config.getObject<string[]>("sharePointUpdateUris") ?? []).map((uri) => ({ uri })),
    },
    // The VmNetwork's default: a NAT gateway, which the downloads leave through.
    outbound: "natGateway",
    productKey: config.getSecret("sharePointProductKey"),
});

export const domainControllerAddress = dc.privateIpAddress;
export const sqlServerAddress = sql.privateIpAddress;
export const sharePointAddress = sharePoint.privateIpAddress;
export const domainAdministrator = domainAdminUser;
export const domainAdministratorPassword = pulumi.secret(domainAdminPassword);
export const safeModeAdministratorPassword = pulumi.secret(safeModePassword);
export const sharePointSite = farm.siteUrl;
export const sharePointSetupAccount = farm.setupAccount;
export const sharePointSetupPassword = farm.setupPassword;
