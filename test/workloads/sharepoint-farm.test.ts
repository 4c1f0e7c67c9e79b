/**
 * SharePointFarm under the SDK's runtime mocks, on a DomainController, a SqlServerVm and a WindowsVm: its children (the
 * vault, the secrets, generated where not given, the readers' role assignments, the media reader, the configuration
 * Run Commands), their exact inputs and options (order, the VMs they are tied to, their timeouts), the secrets'
 * path (no secret in a step's fields, each secret read only by the VMs that need it), the readiness checks and the
 * farm's own refusals with their exact messages, all in one run, and the scripts' key lines.
 * Not proved here: anything the scripts do on Windows (no PowerShell runs here; they are parsed in
 * powershell-grammar.test.ts and read here, not executed), that the cmdlets and their parameters exist in the build
 * you install, that the restart barrier sees the restart as Microsoft's documents let us expect, that Azure accepts
 * the vault, the role assignments or the Run Commands, or how long any step takes.
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
    DomainController, InvalidArgumentsError, SharePointFarm, SqlServerVm, WindowsVm,
    type DomainControllerArgs, type SharePointFarmArgs, type SqlServerVmArgs, type WindowsVmArgs,
} from "../../components";
import { planSharePointFarm } from "../../components/preflight";
import {
    FARM_SECRETS, SECRET_READERS, STEP_IDENTITIES, WORK_FOLDER, adAccountsScript, farmLauncherScript, farmWorkScript, prerequisitesScript, restartBarrierScript,
    sqlConfigScript, updatesScript,
} from "../../components/internal";
import { allRegistered, installRecorder, valueOf, type Recorder, type Registration } from "../../tools/recorder/recorder";
import { childrenOf, settled } from "../support/components";
import { SUBNET_ID } from "../support/fixtures";

const RUN_COMMAND = "azure-native:compute:VirtualMachineRunCommandByVirtualMachine";
const SECRET = "azure-native:keyvault:Secret";
const ROLE_ASSIGNMENT = "azure-native:authorization:RoleAssignment";
const VM = "azure-native:compute:VirtualMachine";
const RANDOM_PASSWORD = "random:index/randomPassword:RandomPassword";
const GIVEN_VAULT_ID = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-secrets/providers/Microsoft.KeyVault/vaults/farm-secrets";
const STORAGE_ID = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/media01";
const SETUP_PASSWORD = "Farm-Setup-Passw0rd-For-Test";

let recorder: Recorder;
beforeAll(async () => {
    recorder = await installRecorder();
});

const base = { resourceGroupName: "rg", location: "westeurope", subnetId: SUBNET_ID };
const join = { domainName: "corp.contoso.com", user: "CORP\\corpadmin", password: "Join-Passw0rd-For-Test" };

interface Machines {
    readonly dc: DomainController;
    readonly dcArgs: DomainControllerArgs;
    readonly sql: SqlServerVm;
    readonly sqlArgs: SqlServerVmArgs;
    readonly sp: WindowsVm;
    readonly spArgs: WindowsVmArgs;
}

/** A controller, a SQL Server VM and a SharePoint VM named `<prefix>dc`, `<prefix>sql`, `<prefix>sp`. */
function machines(prefix: string, sql: Partial<SqlServerVmArgs> = {}, sp: Partial<WindowsVmArgs> = {}): Machines {
    const dcArgs: DomainControllerArgs = { ...base, size: "Standard_D2s_v5", privateIpAddress: "10.42.1.4", domainName: "corp.contoso.com", safeModePassword: "Dsrm^Safe&Mode%Passw0rd" };
    const dc = new DomainController(`${prefix}dc`, dcArgs);
    const sqlArgs: SqlServerVmArgs = {
        ...base, size: "Standard_E4ds_v5", domainJoin: { ...join, dependsOn: [dc.ready] }, sql: { dataDiskSizeGb: 256, logDiskSizeGb: 64, instanceSettings: { maxDop: 1 } }, ...sql,
    };
    const spArgs: WindowsVmArgs = { ...base, size: "Standard_E4s_v5", domainJoin: { ...join, dependsOn: [dc.ready] }, ...sp };
    return { dc, dcArgs, sql: new SqlServerVm(`${prefix}sql`, sqlArgs), sqlArgs, sp: new WindowsVm(`${prefix}sp`, spArgs), spArgs };
}

function farmArgs(m: Machines, over: Partial<SharePointFarmArgs> = {}): SharePointFarmArgs {
    return {
        resourceGroupName: "rg", location: "westeurope", production: false, outbound: "natGateway",
        domainController: { component: m.dc, args: m.dcArgs }, sqlServer: { component: m.sql, args: m.sqlArgs }, sharePointServer: { component: m.sp, args: m.spArgs },
        installSource: { microsoftDownload: true },
        ...over,
    };
}

async function settledFarm(farm: SharePointFarm, m: Machines): Promise<void> {
    await Promise.all([settled(m.sp), settled(m.dc.vm), settled(m.sql.vm), valueOf(farm.ready.urn), valueOf(farm.keyVaultName), valueOf(m.dc.ready.urn)]);
    await allRegistered();
}

const STEPS = ["1-ad-accounts", "2-sql-config", "3-sp-prerequisites", "4-restart-after-prerequisites", "5-sp-binaries", "6-restart-after-binaries", "9-sp-farm"];

describe("GIVEN a development farm with its defaults and the setup account's password given", () => {
    let m: Machines;
    let farm: SharePointFarm;
    const step = (key: string): Registration => recorder.get(RUN_COMMAND, `f1-${key}`);
    beforeAll(async () => {
        m = machines("f1");
        farm = new SharePointFarm("f1", farmArgs(m, { passwords: { setup: SETUP_PASSWORD } }));
        await settledFarm(farm, m);
    });

    it("THEN its children are the vault and its name's suffix, six secrets, four generated values, ten readers and seven steps", () => {
        const generated = ["farm-password", "services-password", "app-pool-password", "passphrase"];
        expect(childrenOf(recorder, recorder.get("azure-persistent-vm:index:SharePointFarm", "f1").urn)).toStrictEqual([
            ...FARM_SECRETS.flatMap((key) => SECRET_READERS[key].map((machine) => `${ROLE_ASSIGNMENT}::f1-${machine === "domainController" ? "dc" : "sp"}-reads-${key}`)),
            `azure-native:keyvault:Vault::f1-vault`,
            ...FARM_SECRETS.map((key) => `${SECRET}::f1-${key}`),
            ...STEPS.map((key) => `${RUN_COMMAND}::f1-${key}`),
            ...generated.map((key) => `${RANDOM_PASSWORD}::f1-generated-${key}`),
            "random:index/randomString:RandomString::f1-vault-suffix",
        ].sort());
    });

    it("THEN the steps run one after another in this order, each on its VM, each tied to it, the barriers to the SharePoint VM too", () => {
        const vmOn: Record<string, string> = {
            "1-ad-accounts": "f1dc", "2-sql-config": "f1sql", "3-sp-prerequisites": "f1sp", "4-restart-after-prerequisites": "f1dc",
            "5-sp-binaries": "f1sp", "6-restart-after-binaries": "f1dc", "9-sp-farm": "f1sp",
        };
        STEPS.forEach((key, index) => {
            const vm = recorder.get(VM, `${vmOn[key] ?? ""}-vm`);
            const s = step(key);
            expect([key, s.inputs["vmName"], s.inputs["runCommandName"]]).toStrictEqual([key, vm.inputs["vmName"], `f1-${key}`]);
            expect([key, s.options.replaceWith]).toStrictEqual([key, /^\d-restart-/.test(key) ? [vm.urn, recorder.get(VM, "f1sp-vm").urn] : [vm.urn]]);
            const before = STEPS[index - 1];
            if (before !== undefined) {
                expect(s.options.dependencies, key).toContain(step(before).urn);
            }
            expect([key, s.inputs["asyncExecution"], s.inputs["treatFailureAsDeploymentFailure"]]).toStrictEqual([key, false, true]);
        });
    });

    it("THEN each step follows the readers of the secrets it reads, and the first ones follow the promotion, the members' guest steps and the SQL registration", () => {
        const readers = (names: string[]) => names.map((n) => recorder.get(ROLE_ASSIGNMENT, n).urn);
        expect(step("1-ad-accounts").options.dependencies).toStrictEqual(expect.arrayContaining([
            recorder.get(RUN_COMMAND, "f1dc-promote").urn, recorder.get("azure-native:compute:VirtualMachineExtension", "f1sp-domain-join").urn,
            ...readers(["f1-dc-reads-setup-password", "f1-dc-reads-farm-password", "f1-dc-reads-services-password", "f1-dc-reads-app-pool-password"]),
        ]));
        expect(step("2-sql-config").options.dependencies).toContain(recorder.get("azure-native:sqlvirtualmachine:SqlVirtualMachine", "f1sql-sql").urn);
        expect(step("5-sp-binaries").options.dependencies).toContain(recorder.get(ROLE_ASSIGNMENT, "f1-sp-reads-product-key").urn);
        expect(step("9-sp-farm").options.dependencies).toStrictEqual(expect.arrayContaining(
            readers(["f1-sp-reads-setup-password", "f1-sp-reads-farm-password", "f1-sp-reads-services-password", "f1-sp-reads-app-pool-password", "f1-sp-reads-passphrase"])));
    });

    it("THEN every step carries only names and addresses: no secret path, no protected parameter, and the passwords in no field", () => {
        for (const key of STEPS) {
            const s = step(key);
            expect([key, s.secretPaths, s.inputs["protectedParameters"]]).toStrictEqual([key, [], undefined]);
            expect(JSON.stringify(s.inputs)).not.toContain(SETUP_PASSWORD);
        }
        const parameters = step("1-ad-accounts").inputs["parameters"] as { name: string; value: unknown }[];
        expect(parameters.map((p) => p.name)).toStrictEqual(["KeyVaultName", "SetupSecretName", "FarmSecretName", "ServicesSecretName", "AppPoolSecretName", "SharePointAddress", "SqlAddress"]);
        expect(parameters.slice(0, 5).map((p) => p.value)).toStrictEqual([
            recorder.get("azure-native:keyvault:Vault", "f1-vault").inputs["vaultName"], "f1-setup-password", "f1-farm-password", "f1-services-password", "f1-app-pool-password",
        ]);
        expect((step("6-restart-after-binaries").inputs["parameters"] as { name: string }[]).map((p) => p.name)).toStrictEqual(["ServerAddress"]);
    });

    it("THEN the given password goes into its secret as a secret, the others are generated, and each secret is read only by the VMs that need it", async () => {
        expect([recorder.get(SECRET, "f1-setup-password").secretPaths, recorder.get(SECRET, "f1-setup-password").inputs["properties"]]).toStrictEqual([["properties"], { value: SETUP_PASSWORD }]);
        expect(recorder.get(SECRET, "f1-passphrase").propertyDependencies["properties"]).toStrictEqual([recorder.get(RANDOM_PASSWORD, "f1-generated-passphrase").urn]);
        const dcPrincipal = await valueOf(m.dc.vm.principalId);
        const spPrincipal = await valueOf(m.sp.principalId);
        const reader = recorder.get(ROLE_ASSIGNMENT, "f1-dc-reads-setup-password");
        expect([reader.inputs["scope"], reader.inputs["principalId"], reader.inputs["principalType"], reader.options.replaceWith]).toStrictEqual([
            recorder.get(SECRET, "f1-setup-password").id, dcPrincipal, "ServicePrincipal", [recorder.get(VM, "f1dc-vm").urn],
        ]);
        expect(recorder.get(ROLE_ASSIGNMENT, "f1-sp-reads-passphrase").inputs["principalId"]).toBe(spPrincipal);
        expect(recorder.registrations.filter((r) => r.name === "f1-dc-reads-passphrase" || r.name === "f1-dc-reads-product-key")).toStrictEqual([]);
    });

    it("THEN the created vault admits the controller's and the SharePoint VM's subnet, once when they are the same", () => {
        const vault = recorder.get("azure-native:keyvault:Vault", "f1-vault");
        expect((vault.inputs["properties"] as { networkAcls: unknown }).networkAcls).toStrictEqual({ defaultAction: "Deny", bypass: "AzureServices", virtualNetworkRules: [{ id: SUBNET_ID }], ipRules: [] });
        expect(vault.options.protect).toBe(true);
    });

    it("THEN each step has its explicit Run Command timeout", () => {
        expect(STEPS.map((key) => [key, step(key).inputs["timeoutInSeconds"]])).toStrictEqual([
            ["1-ad-accounts", 1800], ["2-sql-config", 1800], ["3-sp-prerequisites", 7200], ["4-restart-after-prerequisites", 2400],
            ["5-sp-binaries", 5400], ["6-restart-after-binaries", 2400], ["9-sp-farm", 10200],
        ]);
    });

    it("THEN its outputs name the site, Central Administration's port, the setup account and its password as a secret", async () => {
        expect([await valueOf(farm.siteUrl), await valueOf(farm.centralAdministrationPort), await valueOf(farm.setupAccount)]).toStrictEqual(["http://sharepoint.corp.contoso.com/", 9999, "CORP\\sp-setup"]);
        expect(await valueOf(farm.keyVaultName)).toBe(recorder.get("azure-native:keyvault:Vault", "f1-vault").inputs["vaultName"]);
    });
});

describe("GIVEN a farm whose passwords go into a vault the stack has, with its ISO and an update as blobs", () => {
    let m: Machines;
    beforeAll(async () => {
        m = machines("f2");
        const farm = new SharePointFarm("f2", farmArgs(m, {
            vault: { keyVaultId: GIVEN_VAULT_ID },
            installSource: {
                isoUri: "https://media01.blob.core.windows.net/sharepoint/OfficeServer.iso", storageAccountId: STORAGE_ID,
                updates: [{ uri: "https://media01.blob.core.windows.net/sharepoint/uber-subscription-kb0000000-fullfile-x64-glb.exe" }],
            },
        }));
        await settledFarm(farm, m);
    });

    it("THEN no vault is created, the secrets go into the given one, and the SharePoint VM may read the media's storage account", async () => {
        expect(recorder.registrations.filter((r) => r.name.startsWith("f2-vault"))).toStrictEqual([]);
        expect(recorder.get(SECRET, "f2-product-key").inputs["vaultName"]).toBe("farm-secrets");
        const media = recorder.get(ROLE_ASSIGNMENT, "f2-media-reader");
        expect([media.inputs["scope"], media.inputs["roleDefinitionId"], media.inputs["principalId"], media.options.replaceWith]).toStrictEqual([
            STORAGE_ID,
            "/subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.Authorization/roleDefinitions/2a2b9908-6ea1-4ae2-8e65-a410df84e7d1",
            await valueOf(m.sp.principalId), [recorder.get(VM, "f2sp-vm").urn],
        ]);
        expect(recorder.get(RUN_COMMAND, "f2-3-sp-prerequisites").options.dependencies).toContain(media.urn);
    });

    it("THEN the ISO's and the update's URLs reach their steps as parameters, and the updates have their step and restart before the farm", () => {
        expect(recorder.get(RUN_COMMAND, "f2-3-sp-prerequisites").inputs["parameters"]).toStrictEqual([{ name: "IsoUri", value: "https://media01.blob.core.windows.net/sharepoint/OfficeServer.iso" }]);
        expect(recorder.get(RUN_COMMAND, "f2-7-sp-updates").inputs["parameters"]).toStrictEqual([{ name: "UpdateUri1", value: "https://media01.blob.core.windows.net/sharepoint/uber-subscription-kb0000000-fullfile-x64-glb.exe" }]);
        expect(recorder.get(RUN_COMMAND, "f2-8-restart-after-updates").options.dependencies).toContain(recorder.get(RUN_COMMAND, "f2-7-sp-updates").urn);
        expect(recorder.get(RUN_COMMAND, "f2-9-sp-farm").options.dependencies).toContain(recorder.get(RUN_COMMAND, "f2-8-restart-after-updates").urn);
    });
});

describe("GIVEN a production farm's arguments with every kind of mistake", () => {
    it("THEN every problem is reported at once, before anything of the farm registers, and no secret is repeated", () => {
        const m = machines("f3", { size: "Standard_D2ds_v5", sql: { edition: "developer", dataDiskSizeGb: 256, logDiskSizeGb: 64 } }, { size: "Standard_D4s_v5", domainJoin: undefined });
        const args = farmArgs(m, {
            production: true,
            accounts: { setup: "sp setup", farm: "sp-farm", services: "SP-FARM", appPool: "an-account-name-over-20" },
            passwords: { farm: "weak", passphrase: "alllowercase" },
            productKey: undefined,
            siteHostName: "sharepoint.contoso.com",
            sqlAlias: "spsql.corp.contoso.com",
            centralAdministrationPort: 80,
            databasePrefix: "1SP",
            installSource: {
                isoUri: "https://media01.blob.core.windows.net/sharepoint/OfficeServer.iso?sv=2024&sig=abc", microsoftDownload: true, isoSha256: "abc",
                updates: [{ uri: "ftp://example.com/cu.exe" }],
            },
            outbound: "none",
            vault: { keyVaultId: GIVEN_VAULT_ID, subnetIds: [SUBNET_ID] },
        });
        const before = recorder.registrations.filter((r) => r.name.startsWith("f3-")).length;
        let error: unknown;
        try {
            new SharePointFarm("f3", args);
        } catch (e) {
            error = e;
        }
        expect(error).toBeInstanceOf(InvalidArgumentsError);
        const problems = error instanceof InvalidArgumentsError ? error.problems : [];
        expect(problems).toStrictEqual([
            { path: "sqlServer.args.sql.edition", message: "is \"developer\", but the farm is declared for production: SharePoint Server supports Standard or Enterprise SQL Server, Express is not supported and Developer's licence forbids production (set edition \"standard\" or \"enterprise\", or production: false)." },
            { path: "sqlServer.args.sql.instanceSettings.maxDop", message: "is not set, so the SQL Server VM sets its default from the size, 2; SharePoint's databases need MAXDOP 1 (\"Best practices for SQL Server in a SharePoint Server farm\"), and the SQL IaaS agent would set the other value again on a later update (set maxDop: 1)." },
            { path: "sharePointServer.args.size", message: "\"Standard_D4s_v5\" has 4 vCPUs and 16 GiB; the SharePoint server needs at least 4 vCPUs and 24 GiB for a production farm (SharePoint's pilot minimum for a single-server role with all services) (choose a larger size, e.g. Standard_E4s_v5)." },
            { path: "sqlServer.args.size", message: "\"Standard_D2ds_v5\" has 2 vCPUs and 8 GiB; the SQL Server VM needs at least 4 vCPUs and 8 GiB (SharePoint's minimum memory for a small production deployment, and the SQL Server on Azure VMs checklist's vCPUs) (choose a larger size, e.g. Standard_E4s_v5)." },
            { path: "accounts.setup", message: "\"sp setup\" is not an account name the farm makes: use 1 to 20 letters, digits, dots, hyphens and underscores, starting with a letter or digit and not ending with a dot (a sAMAccountName is at most 20 characters)." },
            { path: "accounts.appPool", message: "\"an-account-name-over-20\" is not an account name the farm makes: use 1 to 20 letters, digits, dots, hyphens and underscores, starting with a letter or digit and not ending with a dot (a sAMAccountName is at most 20 characters)." },
            { path: "accounts.services", message: "\"sp-farm\" is already used by accounts.farm; each farm account must be unique." },
            { path: "passwords.farm", message: "[secret] is 4 characters with 1 of the 4 character classes; it needs at least 8 characters and 3 of lower case, upper case, digit and symbol (choose another, or leave it out to have one generated)." },
            { path: "passwords.passphrase", message: "[secret] is 12 characters with 1 of the 4 character classes; it needs at least 8 characters and 3 of lower case, upper case, digit and symbol (choose another, or leave it out to have one generated)." },
            { path: "productKey", message: "is missing; a production farm needs your SharePoint Server Subscription Edition product key (the trial key it uses otherwise expires after 180 days)." },
            { path: "siteHostName", message: "\"sharepoint.contoso.com\" is not one label followed by the domain \"corp.contoso.com\"; the farm makes its A record in the domain's zone (use e.g. \"sharepoint.corp.contoso.com\")." },
            { path: "centralAdministrationPort", message: "80 is not a port Central Administration can have; use a whole number from 1024 to 65535 (the web application has 80)." },
            { path: "databasePrefix", message: "\"1SP\" is not a database name prefix; use a letter, then up to 19 letters, digits and underscores (e.g. \"SP_\")." },
            { path: "installSource", message: "has both isoUri and microsoftDownload; name exactly one source of the SharePoint Server Subscription Edition ISO." },
            { path: "installSource.isoUri", message: "has a query (a SAS token?); a token is a secret and would travel in a Run Command parameter in the open. Give the URL without it: the SharePoint VM reads blobs with its managed identity (Storage Blob Data Reader; set installSource.storageAccountId to have the farm give it)." },
            { path: "installSource.isoSha256", message: "\"abc\" is not a SHA-256: 64 hexadecimal digits." },
            { path: "installSource.isoSha256", message: "is set with microsoftDownload; Microsoft's ISO is checked against its own SHA-256 (remove isoSha256, or give isoUri)." },
            { path: "installSource.updates[0].uri", message: "\"ftp://example.com/cu.exe\" is not an HTTPS URL of a file." },
            { path: "vault", message: "has both keyVaultId and subnetIds; subnetIds are for a vault the farm creates (give one of them)." },
            { path: "sharePointServer.args.domainJoin", message: "is missing; the farm's accounts are domain accounts, so the VM must join the domain controller's domain (set domainJoin with dependsOn: [dc.ready])." },
        ]);
        expect(recorder.registrations.filter((r) => r.name.startsWith("f3-")).length).toBe(before);
        expect(JSON.stringify(problems)).not.toContain("alllowercase");
    });

    it("THEN a MAXDOP other than 1 given to the SQL Server VM is refused, with what to set", () => {
        const m = machines("f6", { sql: { dataDiskSizeGb: 256, logDiskSizeGb: 64, instanceSettings: { maxDop: 8 } } });
        const result = planSharePointFarm("f6", farmArgs(m));
        expect(result.ok ? [] : result.problems).toStrictEqual([
            { path: "sqlServer.args.sql.instanceSettings.maxDop", message: "is 8; SharePoint's databases need MAXDOP 1 (\"Best practices for SQL Server in a SharePoint Server farm\"), and the SQL IaaS agent would set the other value again on a later update (set maxDop: 1)." },
        ]);
    });

    it("THEN production without updates is refused, and outbound \"none\" and a size the table does not know are warnings, not problems", () => {
        const m = machines("f4", {}, { size: "Standard_X9s_v9" });
        const result = planSharePointFarm("f4", farmArgs(m, { production: true, sqlServer: { component: m.sql, args: { ...m.sqlArgs, sql: { ...m.sqlArgs.sql, edition: "standard" } } }, productKey: "ABCDE-ABCDE-ABCDE-ABCDE-ABCDE", outbound: "none" }));
        expect(result.ok).toBe(false);
        expect(result.ok ? [] : result.problems).toStrictEqual([
            { path: "installSource.updates", message: "is empty, but the farm is declared for production; give the latest cumulative update for SharePoint Server Subscription Edition (its packages), so that the farm does not run without its security fixes." },
        ]);
        expect(result.ok ? [] : result.warnings).toStrictEqual([
            { path: "sharePointServer.args.size", message: "\"Standard_X9s_v9\" is not in the library's size table, so the SharePoint server's vCPUs and memory are not checked against SharePoint's minimum of 4 vCPUs and 24 GiB (state them in preflightFacts.size to have them checked)." },
            { path: "outbound", message: "is \"none\": the prerequisite installer and the downloads need the internet, so the VMs need a route of your own (a firewall) that admits download.microsoft.com and the prerequisite installer's downloads, or the installation steps fail." },
        ]);
    });

    it("THEN a development farm on SQL Server Developer, with the trial key and no updates, is accepted", () => {
        const m = machines("f5");
        const result = planSharePointFarm("f5", farmArgs(m));
        expect(result.ok ? result.plan.steps.map((s) => [s.key, s.machine, s.identity]) : result.problems).toStrictEqual([
            ["1-ad-accounts", "domainController", STEP_IDENTITIES.domainController],
            ["2-sql-config", "sqlServer", STEP_IDENTITIES.sqlServer],
            ["3-sp-prerequisites", "sharePointServer", STEP_IDENTITIES.install],
            ["4-restart-after-prerequisites", "domainController", STEP_IDENTITIES.barrier],
            ["5-sp-binaries", "sharePointServer", STEP_IDENTITIES.install],
            ["6-restart-after-binaries", "domainController", STEP_IDENTITIES.barrier],
            ["9-sp-farm", "sharePointServer", STEP_IDENTITIES.farm],
        ]);
        expect(result.ok ? [result.plan.trialProductKey, result.plan.databaseServer] : []).toStrictEqual(["VW2FM-FN9FT-H22J4-WV9GT-H8VKF", "spsql.corp.contoso.com"]);
    });
});

describe("GIVEN the farm's scripts", () => {
    it("THEN the accounts script makes an account only when it is missing, reads its password from Key Vault into a SecureString, and adds SPNs and A records only when missing", () => {
        const script = adAccountsScript({
            domainName: "corp.contoso.com", siteLabel: "sharepoint", sqlAliasLabel: "spsql",
            accounts: [{ name: "sp-app-pool", secretParameter: "AppPoolSecretName", description: "Pool.", servicePrincipalNames: ["HTTP/sharepoint.corp.contoso.com"] }],
        });
        expect(script).toContain("    @{ Name = 'sp-app-pool'; Secret = $AppPoolSecretName; Description = 'Pool.'; Spns = @('HTTP/sharepoint.corp.contoso.com') }");
        expect(script.indexOf("if ($existing) {")).toBeLessThan(script.indexOf("$password = Read-VaultSecret $KeyVaultName $account.Secret"));
        expect(script).toContain("-AccountPassword $password -Enabled $true -PasswordNeverExpires $true");
        expect(script).toContain("if ($holders.Count -eq 0) {");
        expect(script).toContain("$add = @{ ZoneName = $DomainName; Name = $record.Name; IPv4Address = $record.Address }");
    });

    it("THEN the SQL script configures as SYSTEM when it is a sysadmin, otherwise through single-user mode for SQLCMD clients only, and restarts SQL Server normally in any case", () => {
        const script = sqlConfigScript({ setupLogin: "CORP\\sp-setup" });
        expect(script).toContain("$SetupLogin = 'CORP\\sp-setup'");
        expect(script).toContain("EXEC sp_configure N'max degree of parallelism', 1;");
        expect(script).toContain("SET @statement = N'ALTER SERVER ROLE [dbcreator] ADD MEMBER ' + QUOTENAME(@login);");
        expect(script.indexOf("$sysadmin = Get-Scalar $connection \"SELECT IS_SRVROLEMEMBER(N'sysadmin')\"")).toBeLessThan(script.indexOf("& net.exe start MSSQLSERVER '/mSQLCMD'"));
        expect(script).toContain("} finally {\n    Stop-Service -Name 'MSSQLSERVER' -Force\n    Start-Service -Name 'MSSQLSERVER'");
    });

    it("THEN each installation step refuses to run while a restart is open, and asks for one instead of restarting itself", () => {
        for (const script of [prerequisitesScript({ netbiosName: "CORP", setupAccount: "sp-setup", iso: { kind: "microsoft" } }), updatesScript({ updates: [{ sha256: undefined }] })]) {
            const body = script.slice(script.indexOf("function Invoke-Installer"));
            expect(body).toContain("\nAssert-NoOpenRestart\n");
            expect(body).toContain("Request-Restart $StepName");
            expect(script).not.toContain("shutdown.exe");
            expect(script).toContain(`$WorkFolder = '${WORK_FOLDER}'`);
        }
    });

    it("THEN the barrier restarts the SharePoint VM only when its ticket asks for it, and returns only once it answers from a later boot", () => {
        const script = restartBarrierScript({ domainName: "corp.contoso.com", afterStep: "the binaries", aliases: ["sharepoint", "spsql"] });
        expect(script.indexOf("if (-not $state.Step) {")).toBeLessThan(script.indexOf("shutdown.exe /r /t 5"));
        expect(script).toContain("if ($now.Boot -ne $state.RequestedIn) { break }");
        expect(script).toContain("$Aliases = @('sharepoint', 'spsql')");
    });

    it("THEN the farm runs as the setup account through a task registered with its password from Key Vault and deleted afterwards; it joins an existing configuration database, else creates one", () => {
        const settings = {
            setupAccount: "CORP\\sp-setup", farmAccount: "CORP\\sp-farm", servicesAccount: "CORP\\sp-services", appPoolAccount: "CORP\\sp-app-pool",
            databaseServer: "spsql.corp.contoso.com", databasePrefix: "SP_", centralAdministrationPort: 9999, siteHostName: "sharepoint.corp.contoso.com",
        };
        const launcher = farmLauncherScript({ ...settings, taskName: "f1 SharePoint farm" });
        expect(launcher).toContain("$task = $folder.RegisterTaskDefinition($TaskName, $definition, 6, $SetupAccount, $plain, 1)");
        expect(launcher).toContain("} finally {\n    $folder.DeleteTask($TaskName, 0)\n}");
        const work = farmWorkScript(settings);
        expect(work.indexOf("if (Test-Database $ConfigDatabase) {")).toBeLessThan(work.indexOf("Connect-SPConfigurationDatabase"));
        expect(work.indexOf("Connect-SPConfigurationDatabase")).toBeLessThan(work.indexOf("New-SPConfigurationDatabase"));
        expect(work).toContain("$SiteUrl = 'http://sharepoint.corp.contoso.com/'");
    });
});
