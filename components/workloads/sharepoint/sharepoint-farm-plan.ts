/**
 * Pure planning for SharePointFarm: the readiness checks and the farm's own, then every name, secret, reader and
 * configuration step, in the order they run, as plain data. No Azure SDK here.
 *
 * Why Run Commands and Key Vault rather than the DSC extension Microsoft's `sharepoint-adfs` quickstart uses: the same
 * secret path as the domain controller's promotion (a Key Vault secret that only the VM's identity reads, never a
 * parameter), no DSC modules downloaded from the PowerShell Gallery at deployment, and each step a resource of its own
 * that `pulumi preview` and the offline plan show, with its script, identity, timeout and order. What DSC gives for
 * free, resuming after a restart, is the restart barrier (sharepoint-restart-scripts.ts).
 */
import type { PlanResult, Problem } from "../../core/problems";
import { checkAdDomainName, defaultNetbiosName } from "../../vm/domain-join-rules";
import { knownSizeFacts } from "../../vm/size-facts";
import type { SqlServerVmArgs } from "../sql-server/sql-server-args";
import { planInstanceSettings } from "../sql-server/sql-instance-plan";
import { keyVaultNamePrefix, vaultSecretName, type GuestVaultPlan } from "../../vault/guest-secret-plan";
import { AD_PARAMETERS, adAccountsScript } from "./sharepoint-ad-scripts";
import type { SharePointFarmArgs } from "./sharepoint-farm-args";
import { checkSharePointFarm, checkSharePointReadiness } from "./sharepoint-farm-rules";
import { FARM_PARAMETERS, FARM_TASK_MINUTES, farmLauncherScript } from "./sharepoint-farm-scripts";
import { INSTALL_PARAMETERS, TRIAL_PRODUCT_KEY, binariesScript, prerequisitesScript, updatesScript, type IsoSource } from "./sharepoint-install-scripts";
import { RESTART_PARAMETERS, RESTART_WAIT_MINUTES, restartBarrierScript } from "./sharepoint-restart-scripts";
import { sqlConfigScript } from "./sharepoint-sql-scripts";

/** The three machines a step can run on. */
export type FarmMachine = "domainController" | "sqlServer" | "sharePointServer";

/** The farm's secrets, by their role in names: `<farm>-<key>`. */
export const FARM_SECRETS = ["setup-password", "farm-password", "services-password", "app-pool-password", "passphrase", "product-key"] as const;
export type FarmSecretKey = (typeof FARM_SECRETS)[number];

/** Which VMs read each secret: the controller makes the accounts with their passwords; the SharePoint VM uses them all. */
export const SECRET_READERS: Readonly<Record<FarmSecretKey, readonly FarmMachine[]>> = {
    "setup-password": ["domainController", "sharePointServer"],
    "farm-password": ["domainController", "sharePointServer"],
    "services-password": ["domainController", "sharePointServer"],
    "app-pool-password": ["domainController", "sharePointServer"],
    "passphrase": ["sharePointServer"],
    "product-key": ["sharePointServer"],
};

/** The short name a reader gets in resource names: `<farm>-dc-reads-<secret>`. */
export const READER_LABELS: Readonly<Record<FarmMachine, string>> = { domainController: "dc", sqlServer: "sql", sharePointServer: "sp" };

/** Where a step parameter's value comes from: a plain value, or something only known when the resources exist. */
export type StepParameterSource =
    | { readonly kind: "vaultName" }
    | { readonly kind: "secretName"; readonly secret: FarmSecretKey }
    | { readonly kind: "address"; readonly machine: "sqlServer" | "sharePointServer" }
    | { readonly kind: "isoUri" }
    | { readonly kind: "updateUri"; readonly index: number };

/** One configuration step: a Run Command on one machine. */
export interface FarmStepPlan {
    /**
     * `1-ad-accounts`, `2-sql-config`, `3-sp-prerequisites`, `4-restart-after-prerequisites`, ... The number is the
     * step's place in the chain (7 and 8, the updates, only with updates), so that a plan listing names in order
     * lists the steps in the order they run, and adding the updates renames nothing.
     */
    readonly key: string;
    readonly resourceName: string;
    /** The Run Command's Azure name, unique on its VM (the farm's name is in it). */
    readonly runCommandName: string;
    readonly machine: FarmMachine;
    /** Which identity the script runs as, and what that identity is to the systems it touches. */
    readonly identity: string;
    readonly script: string;
    /** Run Command's own limit (its default would be 90 minutes). */
    readonly timeoutInSeconds: number;
    /** How long Pulumi waits for the resource: the script's limit and ten minutes. */
    readonly customTimeout: string;
    readonly parameters: readonly { readonly name: string; readonly source: StepParameterSource }[];
    /** The secrets the script reads: their readers' role assignments come first. */
    readonly reads: readonly FarmSecretKey[];
    /** A restart barrier runs on the domain controller and is renewed with the SharePoint VM too. */
    readonly barrier: boolean;
}

/** A secret: its vault name, its resource, the generated value's resource when not given, and its readers' role assignments. */
export interface FarmSecretPlan {
    readonly key: FarmSecretKey;
    readonly secretName: string;
    readonly resourceName: string;
    /** The RandomPassword's name when the value is generated; undefined when given (or the product key). */
    readonly generatedResourceName: string | undefined;
    readonly readers: readonly { readonly machine: FarmMachine; readonly resourceName: string }[];
}

/** The farm's complete plan: names, the vault and its secrets, the steps in order, and the warnings. */
export interface SharePointFarmPlan {
    /** Whether the farm is declared for production. */
    readonly production: boolean;
    /** The domain's DNS name, from the domain controller's arguments. */
    readonly domainName: string;
    /** The domain's NetBIOS name: given, or the first label of the DNS name. */
    readonly netbiosName: string;
    /** The accounts' sAMAccountNames. */
    readonly accounts: Readonly<Record<"setup" | "farm" | "services" | "appPool", string>>;
    /** The web application's host name. */
    readonly siteHostName: string;
    /** The root site collection's URL. */
    readonly siteUrl: string;
    /** The SQL alias's DNS name. */
    readonly sqlAlias: string;
    /** How SharePoint names SQL Server: the alias, with `,<port>` off 1433. */
    readonly databaseServer: string;
    /** Central Administration's port. */
    readonly centralAdministrationPort: number;
    /** The product key's value when the farm uses Microsoft's trial key; undefined when the key is given. */
    readonly trialProductKey: string | undefined;
    /** The vault: created (with its name's prefix) or the caller's. */
    readonly vault: GuestVaultPlan;
    /** The created vault's resource names. */
    readonly vaultResourceNames: { readonly vaultSuffix: string; readonly vault: string };
    /** The six secrets, their names and their readers. */
    readonly secrets: readonly FarmSecretPlan[];
    /** The SharePoint VM's Storage Blob Data Reader role on `installSource.storageAccountId`, when given. */
    readonly mediaReader: string | undefined;
    /** The configuration steps, in the order they run. */
    readonly steps: readonly FarmStepPlan[];
    /** What the rules could not check (an unknown size, an outbound path of your own). */
    readonly warnings: readonly Problem[];
}

/** The steps' limits, in seconds: generous for downloads and installers, which take most of an hour on a slow day. */
export const STEP_TIMEOUTS = {
    "ad-accounts": 1800,
    "sql-config": 1800,
    "sp-prerequisites": 7200,
    "restart": (RESTART_WAIT_MINUTES + 10) * 60,
    "sp-binaries": 5400,
    "sp-updates": 7200,
    "sp-farm": (FARM_TASK_MINUTES + 20) * 60,
} as const;

/** The identities, as each step's TSDoc and the docs say them. */
export const STEP_IDENTITIES = {
    domainController: "SYSTEM on the domain controller: its computer account, which administers its own domain",
    sqlServer: "SYSTEM on the SQL Server VM: to SQL Server the login NT AUTHORITY\\SYSTEM, a sysadmin if the image made it one, else a local administrator that reaches sysadmin through single-user mode",
    install: "SYSTEM on the SharePoint VM",
    barrier: "SYSTEM on the domain controller, reaching the SharePoint VM over PowerShell remoting as the controller's computer account (through Domain Controllers, a local administrator there)",
    farm: "SYSTEM on the SharePoint VM, which runs the farm script as the setup account through a one-time scheduled task",
} as const;

const DEFAULT_ACCOUNTS = { setup: "sp-setup", farm: "sp-farm", services: "sp-services", appPool: "sp-app-pool" } as const;
export const DEFAULT_CENTRAL_ADMINISTRATION_PORT = 9999;
export const DEFAULT_DATABASE_PREFIX = "SP_";

function customTimeout(seconds: number): string {
    return `${Math.ceil(seconds / 60) + 10}m`;
}

/** The argument that gives a secret's value, or undefined for the product key (given or the trial key). */
function givenSecret(args: SharePointFarmArgs, key: FarmSecretKey): unknown {
    const passwords = args.passwords ?? {};
    const byKey: Record<FarmSecretKey, unknown> = {
        "setup-password": passwords.setup, "farm-password": passwords.farm, "services-password": passwords.services,
        "app-pool-password": passwords.appPool, "passphrase": passwords.passphrase, "product-key": args.productKey,
    };
    return byKey[key];
}

/** The MAXDOP the SQL Server VM's registration sends, as its own planner decides it (given, or from the size). */
function sqlMaxDop(sqlArgs: SqlServerVmArgs): { value: number; given: boolean } | undefined {
    const given = sqlArgs.sql.instanceSettings?.maxDop;
    const planned = planInstanceSettings("sql.instanceSettings", sqlArgs.size, knownSizeFacts(sqlArgs.size, sqlArgs.preflightFacts?.size), sqlArgs.sql.instanceSettings);
    const value = planned.settings.maxDop;
    return value === undefined ? undefined : { value, given: given !== undefined };
}

/** Plans SharePointFarm: every problem of its arguments and the machines' readiness, or the complete plan. */
export function planSharePointFarm(name: string, args: SharePointFarmArgs): PlanResult<SharePointFarmPlan> {
    const dcArgs = args.domainController.args;
    const sqlArgs = args.sqlServer.args;
    const spArgs = args.sharePointServer.args;
    const domainName = dcArgs.domainName;
    const domainOk = typeof domainName === "string" && checkAdDomainName("domainName", domainName).length === 0;
    const netbiosName = dcArgs.netbiosName ?? (domainOk ? defaultNetbiosName(domainName) : "");
    const accounts = {
        setup: args.accounts?.setup ?? DEFAULT_ACCOUNTS.setup,
        farm: args.accounts?.farm ?? DEFAULT_ACCOUNTS.farm,
        services: args.accounts?.services ?? DEFAULT_ACCOUNTS.services,
        appPool: args.accounts?.appPool ?? DEFAULT_ACCOUNTS.appPool,
    };
    const siteHostName = args.siteHostName ?? `sharepoint.${domainName}`;
    const sqlAlias = args.sqlAlias ?? `spsql.${domainName}`;
    const centralAdministrationPort = args.centralAdministrationPort ?? DEFAULT_CENTRAL_ADMINISTRATION_PORT;
    const databasePrefix = args.databasePrefix ?? DEFAULT_DATABASE_PREFIX;
    const production = args.production;
    const source = args.installSource;

    const readiness = checkSharePointReadiness({
        production,
        sqlEdition: sqlArgs.sql.edition ?? "developer",
        sqlSize: sqlArgs.size,
        sqlStatedFacts: sqlArgs.preflightFacts?.size,
        sqlMaxDop: sqlMaxDop(sqlArgs),
        sharePointSize: spArgs.size,
        sharePointStatedFacts: spArgs.preflightFacts?.size,
    });
    const own = checkSharePointFarm({
        production: production === true,
        domainName: domainOk ? domainName : undefined,
        accounts,
        passwords: { ...args.passwords },
        productKey: args.productKey,
        siteHostName,
        sqlAlias,
        centralAdministrationPort,
        databasePrefix,
        installSource: source,
        outbound: args.outbound,
        vault: args.vault,
        sharePointSubnetId: spArgs.subnetId,
        joins: { sqlServer: sqlArgs.domainJoin !== undefined, sharePointServer: spArgs.domainJoin !== undefined },
    });
    const problems = [...readiness.problems, ...own.problems];
    const warnings = [...readiness.warnings, ...own.warnings];
    if (problems.length > 0 || !domainOk) {
        return { ok: false, problems, warnings };
    }

    const qualified = (account: string) => `${netbiosName}\\${account}`;
    const siteLabel = siteHostName.slice(0, siteHostName.length - domainName.length - 1);
    const sqlAliasLabel = sqlAlias.slice(0, sqlAlias.length - domainName.length - 1);
    const sqlPort = sqlArgs.sql.port ?? 1433;
    const databaseServer = sqlPort === 1433 ? sqlAlias : `${sqlAlias},${sqlPort}`;
    const iso: IsoSource = source.microsoftDownload === true ? { kind: "microsoft" } : { kind: "blob", sha256: source.isoSha256 };
    const isoParameters = iso.kind === "blob" ? [{ name: INSTALL_PARAMETERS.isoUri, source: { kind: "isoUri" } as const }] : [];
    const updates = source.updates ?? [];
    const secretParameter = (parameter: string, secret: FarmSecretKey) => ({ name: parameter, source: { kind: "secretName", secret } as const });
    const vaultParameter = { name: "KeyVaultName", source: { kind: "vaultName" } as const };

    const step = (key: string, machine: FarmMachine, identity: string, script: string, timeoutInSeconds: number,
        parameters: FarmStepPlan["parameters"], reads: readonly FarmSecretKey[], barrier = false): FarmStepPlan => ({
        key, resourceName: `${name}-${key}`, runCommandName: `${name}-${key}`, machine, identity, script, timeoutInSeconds,
        customTimeout: customTimeout(timeoutInSeconds), parameters, reads, barrier,
    });
    const restart = (position: string, after: string, label: string): FarmStepPlan => step(`${position}-restart-after-${after}`, "domainController", STEP_IDENTITIES.barrier,
        restartBarrierScript({ domainName, afterStep: label, aliases: [siteLabel, sqlAliasLabel] }), STEP_TIMEOUTS.restart,
        [{ name: RESTART_PARAMETERS.serverAddress, source: { kind: "address", machine: "sharePointServer" } }], [], true);

    const steps: FarmStepPlan[] = [
        step("1-ad-accounts", "domainController", STEP_IDENTITIES.domainController, adAccountsScript({
            domainName,
            siteLabel,
            sqlAliasLabel,
            accounts: [
                { name: accounts.setup, secretParameter: AD_PARAMETERS.setupSecret, description: "SharePoint setup account: installs and configures the farm.", servicePrincipalNames: [] },
                { name: accounts.farm, secretParameter: AD_PARAMETERS.farmSecret, description: "SharePoint farm account.", servicePrincipalNames: [] },
                { name: accounts.services, secretParameter: AD_PARAMETERS.servicesSecret, description: "SharePoint service applications' application pool account.", servicePrincipalNames: [] },
                { name: accounts.appPool, secretParameter: AD_PARAMETERS.appPoolSecret, description: `SharePoint web application ${siteHostName}'s application pool account.`, servicePrincipalNames: [`HTTP/${siteHostName}`, `HTTP/${siteLabel}`] },
            ],
        }), STEP_TIMEOUTS["ad-accounts"], [
            { ...vaultParameter, name: AD_PARAMETERS.keyVaultName },
            secretParameter(AD_PARAMETERS.setupSecret, "setup-password"),
            secretParameter(AD_PARAMETERS.farmSecret, "farm-password"),
            secretParameter(AD_PARAMETERS.servicesSecret, "services-password"),
            secretParameter(AD_PARAMETERS.appPoolSecret, "app-pool-password"),
            { name: AD_PARAMETERS.sharePointAddress, source: { kind: "address", machine: "sharePointServer" } },
            { name: AD_PARAMETERS.sqlAddress, source: { kind: "address", machine: "sqlServer" } },
        ], ["setup-password", "farm-password", "services-password", "app-pool-password"]),
        step("2-sql-config", "sqlServer", STEP_IDENTITIES.sqlServer, sqlConfigScript({ setupLogin: qualified(accounts.setup) }), STEP_TIMEOUTS["sql-config"], [], []),
        step("3-sp-prerequisites", "sharePointServer", STEP_IDENTITIES.install,
            prerequisitesScript({ netbiosName, setupAccount: accounts.setup, iso }), STEP_TIMEOUTS["sp-prerequisites"], isoParameters, []),
        restart("4", "prerequisites", "the prerequisites"),
        step("5-sp-binaries", "sharePointServer", STEP_IDENTITIES.install, binariesScript({ iso }), STEP_TIMEOUTS["sp-binaries"], [
            ...isoParameters,
            { ...vaultParameter, name: INSTALL_PARAMETERS.keyVaultName },
            secretParameter(INSTALL_PARAMETERS.productKeySecret, "product-key"),
        ], ["product-key"]),
        restart("6", "binaries", "the binaries"),
        ...(updates.length === 0 ? [] : [
            step("7-sp-updates", "sharePointServer", STEP_IDENTITIES.install, updatesScript({ updates: updates.map((u) => ({ sha256: u.sha256 })) }), STEP_TIMEOUTS["sp-updates"],
                updates.map((_, index) => ({ name: `${INSTALL_PARAMETERS.updatePrefix}${index + 1}`, source: { kind: "updateUri", index } as const })), []),
            restart("8", "updates", "the updates"),
        ]),
        step("9-sp-farm", "sharePointServer", STEP_IDENTITIES.farm, farmLauncherScript({
            setupAccount: qualified(accounts.setup),
            farmAccount: qualified(accounts.farm),
            servicesAccount: qualified(accounts.services),
            appPoolAccount: qualified(accounts.appPool),
            databaseServer,
            databasePrefix,
            centralAdministrationPort,
            siteHostName,
            taskName: `${name} SharePoint farm`,
        }), STEP_TIMEOUTS["sp-farm"], [
            { ...vaultParameter, name: FARM_PARAMETERS.keyVaultName },
            secretParameter(FARM_PARAMETERS.setupSecret, "setup-password"),
            secretParameter(FARM_PARAMETERS.farmSecret, "farm-password"),
            secretParameter(FARM_PARAMETERS.servicesSecret, "services-password"),
            secretParameter(FARM_PARAMETERS.appPoolSecret, "app-pool-password"),
            secretParameter(FARM_PARAMETERS.passphraseSecret, "passphrase"),
        ], ["setup-password", "farm-password", "services-password", "app-pool-password", "passphrase"]),
    ];

    const secrets: FarmSecretPlan[] = FARM_SECRETS.map((key) => ({
        key,
        secretName: vaultSecretName(name, key),
        resourceName: `${name}-${key}`,
        generatedResourceName: key === "product-key" || givenSecret(args, key) !== undefined ? undefined : `${name}-generated-${key}`,
        readers: SECRET_READERS[key].map((machine) => ({ machine, resourceName: `${name}-${READER_LABELS[machine]}-reads-${key}` })),
    }));

    return {
        ok: true,
        plan: {
            production: production === true,
            domainName,
            netbiosName,
            accounts,
            siteHostName,
            siteUrl: `http://${siteHostName}/`,
            sqlAlias,
            databaseServer,
            centralAdministrationPort,
            trialProductKey: args.productKey === undefined ? TRIAL_PRODUCT_KEY : undefined,
            vault: args.vault?.keyVaultId !== undefined ? { kind: "given" } : { kind: "created", namePrefix: keyVaultNamePrefix(name, "sp") },
            vaultResourceNames: { vaultSuffix: `${name}-vault-suffix`, vault: `${name}-vault` },
            secrets,
            mediaReader: source.storageAccountId !== undefined ? `${name}-media-reader` : undefined,
            steps,
            warnings,
        },
    };
}
