/**
 * SharePointFarm's arguments: the three machines it configures (each the component and the arguments it was declared
 * with, which the readiness checks read), where SharePoint Server Subscription Edition comes from, the accounts and
 * their passwords, and where those passwords are kept.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { Outbound } from "../../network/network-args";
import type { WindowsVmArgs } from "../../vm/vm-args";
import type { WindowsVm } from "../../vm/windows-vm";
import type { DomainController } from "../active-directory/domain-controller";
import type { DomainControllerArgs } from "../active-directory/domain-controller-args";
import type { SqlServerVmArgs } from "../sql-server/sql-server-args";
import type { SqlServerVm } from "../sql-server/sql-server-vm";

/** The domain controller the farm's accounts and DNS names are made on. */
export interface SharePointFarmDomainController {
    /** The DomainController. The farm's first step runs on its VM, after its promotion. */
    readonly component: DomainController;
    /** The arguments `component` was declared with: the farm reads the domain's names from them. */
    readonly args: DomainControllerArgs;
}

/** The SQL Server VM that holds the farm's databases. */
export interface SharePointFarmSqlServer {
    /** The SqlServerVm, joined to the domain (`domainJoin`). */
    readonly component: SqlServerVm;
    /** The arguments `component` was declared with: the readiness checks read its size and edition, and the farm its port. */
    readonly args: SqlServerVmArgs;
}

/** The SharePoint server: a Windows Server 2019 or 2022 VM joined to the domain. */
export interface SharePointFarmServer {
    /** The WindowsVm, joined to the domain (`domainJoin`). */
    readonly component: WindowsVm;
    /** The arguments `component` was declared with: the readiness checks read its size. */
    readonly args: WindowsVmArgs;
}

/** A cumulative update package: Microsoft's download link, or a blob the SharePoint VM's identity may read. */
export interface SharePointUpdateArgs {
    /**
     * The package's HTTPS URL, e.g. a `https://download.microsoft.com/...-fullfile-x64-glb.exe` link from "SharePoint
     * Server Subscription Edition updates", or `https://<account>.blob.core.windows.net/<container>/<file>`: a blob is
     * read with the SharePoint VM's managed identity, never with a SAS token (a token would be a secret in a Run Command
     * parameter, and is refused).
     */
    readonly uri: pulumi.Input<string>;
    /**
     * The package's SHA-256, 64 hexadecimal digits: the download is refused when it differs.
     * @default none: the package is not checked
     */
    readonly sha256?: string;
}

/** Where SharePoint Server Subscription Edition's media and updates come from. Exactly one of `isoUri` and `microsoftDownload`. */
export interface SharePointInstallSourceArgs {
    /**
     * The SharePoint Server Subscription Edition ISO as a blob, `https://<account>.blob.core.windows.net/<container>/<file>.iso`,
     * read with the SharePoint VM's managed identity (give it Storage Blob Data Reader, or set `storageAccountId`). Never
     * a SAS URL: a token would be a secret in a Run Command parameter, and is refused.
     */
    readonly isoUri?: pulumi.Input<string>;
    /** The ISO's SHA-256, 64 hexadecimal digits, checked after the download. @default none: not checked */
    readonly isoSha256?: string;
    /**
     * Download the ISO from Microsoft (download.microsoft.com, the RTM ISO of "SharePoint Server Subscription Edition",
     * checked against its SHA-256), over the network's `outbound` path.
     */
    readonly microsoftDownload?: boolean;
    /**
     * The storage account that holds `isoUri` and blob updates: the farm gives the SharePoint VM's identity Storage Blob
     * Data Reader on it (`<name>-media-reader`), renewed with the VM.
     * @default none: give the VM's identity read access yourself
     */
    readonly storageAccountId?: pulumi.Input<string>;
    /**
     * The cumulative update packages, installed in this order after the binaries: the latest one for SharePoint Server
     * Subscription Edition (its packages, language-independent first). Required with `production`: a farm without its
     * updates misses their security fixes.
     * @default none: the farm stays at the ISO's build
     */
    readonly updates?: readonly SharePointUpdateArgs[];
}

/** The farm's domain accounts, by sAMAccountName (1-20 characters), made on the domain controller. */
export interface SharePointAccountsArgs {
    /** Installs and configures SharePoint: local administrator on the SharePoint VM, dbcreator and securityadmin in SQL Server. @default "sp-setup" */
    readonly setup?: string;
    /** The farm account (the timer service and Central Administration's application pool). @default "sp-farm" */
    readonly farm?: string;
    /** The service applications' application pool account (a managed account). @default "sp-services" */
    readonly services?: string;
    /** The web application's application pool account (a managed account), with its HTTP service principal names. @default "sp-app-pool" */
    readonly appPool?: string;
}

/** The accounts' passwords and the farm passphrase. Each is generated (24 characters, a secret kept in the state) unless given. */
export interface SharePointPasswordsArgs {
    /** The setup account's password. @default generated */
    readonly setup?: pulumi.Input<string>;
    /** The farm account's password. @default generated */
    readonly farm?: pulumi.Input<string>;
    /** The services account's password. @default generated */
    readonly services?: pulumi.Input<string>;
    /** The application pool account's password. @default generated */
    readonly appPool?: pulumi.Input<string>;
    /** The farm passphrase, which every server that joins the farm needs. @default generated */
    readonly passphrase?: pulumi.Input<string>;
}

/** Where the passwords are kept. Exactly one of `keyVaultId` and `subnetIds`, or neither. */
export interface SharePointVaultArgs {
    /**
     * An existing key vault with Azure RBAC authorization, in the VMs' subscription, that the domain controller and the
     * SharePoint VM reach (a private endpoint, or network rules for their subnets).
     */
    readonly keyVaultId?: pulumi.Input<string>;
    /**
     * The subnets a vault the farm creates admits (each needs the Microsoft.KeyVault service endpoint, which a VmNetwork's
     * subnet has).
     * @default the domain controller's and the SharePoint VM's `subnetId`
     */
    readonly subnetIds?: readonly pulumi.Input<string>[];
}

/** SharePointFarm's arguments. */
export interface SharePointFarmArgs {
    /** The resource group of the vault the farm creates. */
    readonly resourceGroupName: pulumi.Input<string>;
    /** The Azure region of the vault the farm creates. */
    readonly location: pulumi.Input<string>;
    /**
     * Whether the farm serves production. Required, so that nobody gets a production farm by default or a test farm's
     * shortcuts in production: `true` refuses SQL Server Developer and Express (SharePoint supports only Standard and
     * Enterprise, and Developer's licence forbids production), sizes below the pilot minimums, a farm without
     * cumulative updates and the trial product key.
     */
    readonly production: boolean;
    /** The domain controller: accounts, service principal names and DNS records are made on it. */
    readonly domainController: SharePointFarmDomainController;
    /**
     * The SQL Server VM: MAXDOP 1 and the setup account's login are set on it. Its `sql.instanceSettings.maxDop` must be
     * 1 (its default follows the size, and the SQL IaaS agent sets it again on every update of the registration).
     */
    readonly sqlServer: SharePointFarmSqlServer;
    /** The SharePoint server: SharePoint is installed on it and the farm created (or joined) there. */
    readonly sharePointServer: SharePointFarmServer;
    /** Where SharePoint's ISO and updates come from. */
    readonly installSource: SharePointInstallSourceArgs;
    /**
     * The `outbound` choice of the VmNetwork the VMs are on: the prerequisite installer and Microsoft's downloads need
     * internet access. "none" is accepted with a warning: the VMs then need a route of your own (a firewall) that
     * admits download.microsoft.com and the prerequisite installer's downloads.
     */
    readonly outbound: Outbound;
    /**
     * The SharePoint Server Subscription Edition product key, `XXXXX-XXXXX-XXXXX-XXXXX-XXXXX`, kept as a Key Vault secret
     * that only the SharePoint VM reads. Required with `production`.
     * @default the 180-day Enterprise trial key Microsoft publishes with the download
     */
    readonly productKey?: pulumi.Input<string>;
    /** The farm's account names. @default sp-setup, sp-farm, sp-services, sp-app-pool */
    readonly accounts?: SharePointAccountsArgs;
    /** The accounts' passwords and the farm passphrase. @default each generated */
    readonly passwords?: SharePointPasswordsArgs;
    /** Where the passwords are kept. @default a vault the farm creates, named after it */
    readonly vault?: SharePointVaultArgs;
    /**
     * The web application's host name, one label in the domain, e.g. `sharepoint.corp.contoso.com`: an A record on the
     * domain controller points it at the SharePoint VM, and the root site collection is at `http://<siteHostName>/`.
     * @default `sharepoint.<domain>`
     */
    readonly siteHostName?: string;
    /** Central Administration's port on the SharePoint VM, 1024-65535. @default 9999 */
    readonly centralAdministrationPort?: number;
    /**
     * The DNS alias SharePoint reaches SQL Server by, one label in the domain (an A record on the domain controller), as
     * Microsoft advises so that the databases can move to another server.
     * @default `spsql.<domain>`
     */
    readonly sqlAlias?: string;
    /** The prefix of the farm's database names (letters, digits and underscores). @default "SP_" */
    readonly databasePrefix?: string;
    /** Tags for the vault and the secrets. @default none */
    readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}
