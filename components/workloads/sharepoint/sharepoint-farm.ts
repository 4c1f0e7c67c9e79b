/**
 * SharePointFarm: a SharePoint Server Subscription Edition farm configured on a DomainController, a SqlServerVm and a
 * WindowsVm that the stack declares: accounts, SQL Server settings, installation, the farm, a web application and its
 * root site collection, each step a Run Command.
 */
import * as pulumi from "@pulumi/pulumi";
import * as compute from "@pulumi/azure-native/compute";
import { logWarnings } from "../../core/log-warnings";
import { requirePlan } from "../../core/problems";
import type { SharePointFarmArgs } from "./sharepoint-farm-args";
import { declareFarmSecrets, declareFarmSteps, declareMediaReader } from "./sharepoint-farm-declare";
import { planSharePointFarm } from "./sharepoint-farm-plan";

export const SHAREPOINT_FARM_TYPE = "azure-persistent-vm:index:SharePointFarm";

/**
 * A SharePoint Server Subscription Edition farm on three machines the stack declares. It takes them, rather than
 * creating them, so that they keep their own names, lifecycles and rebuild rules (the controller's promotion, the SQL
 * registration's protection, the SharePoint VM's data disk) and the farm can be added to a stack that already has
 * them; what it adds are its vault and secrets and these Run Commands, one chain, in this order (numbered so that a
 * plan that lists names in order lists them in the order they run):
 *
 * 1. `<name>-1-ad-accounts` on the domain controller, as SYSTEM there (the controller's computer account): the setup,
 *    farm, services and application pool accounts with their passwords from Key Vault, the application pool account's
 *    HTTP service principal names, and the A records of the site (`siteHostName`) and the SQL alias (`sqlAlias`).
 * 2. `<name>-2-sql-config` on the SQL Server VM, as SYSTEM there (to SQL Server the login NT AUTHORITY\SYSTEM, a
 *    sysadmin if the image made it one, else reaching sysadmin through single-user mode as a local administrator):
 *    MAXDOP 1 and the setup account's login with dbcreator and securityadmin.
 * 3. `<name>-3-sp-prerequisites`, `<name>-5-sp-binaries`, `<name>-7-sp-updates` (when `installSource.updates` are
 *    given) on the SharePoint VM, as SYSTEM there, each followed by `<name>-4-`, `-6-`, `-8-restart-after-...` on the
 *    domain controller, as SYSTEM there, which restarts the SharePoint VM when the step asked for it and waits until
 *    it is back.
 * 4. `<name>-9-sp-farm` on the SharePoint VM, as SYSTEM there, which runs the farm script as the setup account: the
 *    configuration database, Central Administration, the managed accounts, the usage, state and managed metadata
 *    service applications, the web application `http://<siteHostName>/` and its root site collection. On a SharePoint
 *    VM rebuilt over an existing farm (the configuration database is on SQL Server), it joins that farm with
 *    Connect-SPConfigurationDatabase instead of creating one.
 *
 * No secret is a Run Command parameter or in a script: the passwords, the passphrase and the product key are Key Vault
 * secrets (`<name>-<secret>`, in the vault `<name>-vault` unless `vault.keyVaultId` names one), each readable only by the
 * VMs that need it (`<name>-dc-reads-<secret>`, `<name>-sp-reads-<secret>`, Key Vault Secrets User on that secret,
 * renewed with the VM), which read them with their managed identity.
 */
export class SharePointFarm extends pulumi.ComponentResource {
    /** The last configuration step: when it has succeeded, the farm, its web application and its root site exist. */
    public readonly ready: pulumi.Resource;
    /** The root site collection's URL, `http://<siteHostName>/`. */
    public readonly siteUrl: pulumi.Output<string>;
    /** Central Administration's port on the SharePoint VM. */
    public readonly centralAdministrationPort: pulumi.Output<number>;
    /** The setup account, `DOMAIN\name`: a farm administrator and the root site's owner. */
    public readonly setupAccount: pulumi.Output<string>;
    /** The setup account's password (given or generated), a secret. */
    public readonly setupPassword: pulumi.Output<string>;
    /** The name of the key vault that holds the farm's secrets. */
    public readonly keyVaultName: pulumi.Output<string>;

    constructor(name: string, args: SharePointFarmArgs, opts?: pulumi.ComponentResourceOptions) {
        const result = planSharePointFarm(name, args);
        const plan = requirePlan("SharePointFarm", name, result);
        super(SHAREPOINT_FARM_TYPE, name, {}, opts);
        logWarnings(this, SHAREPOINT_FARM_TYPE, name, plan.warnings);
        const parent = { parent: this };

        const secrets = declareFarmSecrets(name, plan, args, { tenantId: identityTenant(args.sharePointServer.component.virtualMachine) }, parent);
        const mediaReader = declareMediaReader(plan, args, parent);
        this.ready = declareFarmSteps(plan, args, secrets, mediaReader, args.tags, parent);

        this.siteUrl = pulumi.output(plan.siteUrl);
        this.centralAdministrationPort = pulumi.output(plan.centralAdministrationPort);
        this.setupAccount = pulumi.output(`${plan.netbiosName}\\${plan.accounts.setup}`);
        this.setupPassword = secrets.setupPassword;
        this.keyVaultName = secrets.vault.vaultName;
        this.registerOutputs({
            siteUrl: this.siteUrl,
            centralAdministrationPort: this.centralAdministrationPort,
            setupAccount: this.setupAccount,
            setupPassword: this.setupPassword,
            keyVaultName: this.keyVaultName,
        });
    }
}

/** The tenant of the VM's system-assigned identity: the tenant a created vault trusts, read without a provider function. */
function identityTenant(vm: pulumi.CustomResource): pulumi.Output<string> {
    // PersistentVm declares a compute.VirtualMachine; the check narrows its type without a cast.
    if (!(vm instanceof compute.VirtualMachine)) {
        throw new Error("internal: a WindowsVm's virtualMachine is not a compute.VirtualMachine");
    }
    return vm.identity.apply((identity) => identity?.tenantId ?? "");
}
