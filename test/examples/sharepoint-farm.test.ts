/**
 * examples/sharepoint-farm, its own Pulumi project on top of the library as a package, run as `pulumi preview` would
 * run it: the VNet's DNS servers are the controller's static IP; each member's domain join waits for a Run Command
 * that itself follows the controller's promotion; every guest step is tied to its VM (`replaceWith`); the join's
 * password travels only as a secret, and the safe-mode password only in the controller's Key Vault secret; the
 * SharePoint farm's configuration steps, in order, on their VMs, with their timeouts, each after the one before, none
 * with a secret in a plain field; the farm's passwords only in its Key Vault secrets; and the SQL edition a production
 * farm gets.
 * Not proved here: anything that happens in Windows (promotion, restart, DNS, the join itself, SharePoint's
 * installation and configuration), or how long it takes.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { ProgramRun } from "../../tools/recorder/program";
import { SECRET, redact, type Registration } from "../../tools/recorder/recorder";
import { programErrors, registered } from "../support/examples";
import { runExample } from "../support/programs";

const EXTENSION = "azure-native:compute:VirtualMachineExtension";
const RUN_COMMAND = "azure-native:compute:VirtualMachineRunCommandByVirtualMachine";
const MEMBERS = ["sql01", "sp01"];
const GIVEN_PASSWORD = "Given-Domain-Passw0rd!";
const GIVEN_PRODUCT_KEY = "GIVEN-PRKEY-12345-ABCDE-67890";

/** The farm's configuration steps, in the order they run, and the VM each runs on. */
const FARM_STEPS: [string, string][] = [
    ["sharepoint-1-ad-accounts", "dc01"],
    ["sharepoint-2-sql-config", "sql01"],
    ["sharepoint-3-sp-prerequisites", "sp01"],
    ["sharepoint-4-restart-after-prerequisites", "dc01"],
    ["sharepoint-5-sp-binaries", "sp01"],
    ["sharepoint-6-restart-after-binaries", "dc01"],
    ["sharepoint-9-sp-farm", "sp01"],
];

/** Every URN a registration waits for: its dependsOn and the resources its inputs come from. */
function waitsFor(registration: Registration): string[] {
    return [...registration.options.dependencies, ...Object.values(registration.propertyDependencies).flat()];
}

describe("GIVEN the SharePoint farm example's dev stack", () => {
    let run: ProgramRun;
    const get = (type: string, name: string) => registered(run, type, name);
    beforeAll(async () => {
        run = await runExample("sharepoint-farm");
        expect(run.exitCode, programErrors(run)).toBe(0);
    });

    it("THEN the VNet's DNS servers are exactly the domain controller's static private IP", () => {
        const nic = get("azure-native:network:NetworkInterface", "dc01-nic").inputs["ipConfigurations"] as { privateIPAllocationMethod: string; privateIPAddress: string }[];
        expect(nic.map((c) => c.privateIPAllocationMethod)).toStrictEqual(["Static"]);
        const vnet = get("azure-native:network:VirtualNetwork", "farm-vnet").inputs["dhcpOptions"] as { dnsServers: string[] };
        expect(vnet.dnsServers).toStrictEqual([nic[0]?.privateIPAddress]);
        expect(vnet.dnsServers).toStrictEqual(["10.80.1.4"]);
    });

    it("THEN the controller is promoted after its NTDS disk is formatted, with no access extension on it", () => {
        expect(waitsFor(get(RUN_COMMAND, "dc01-promote"))).toContain(get(RUN_COMMAND, "dc01-format-ntds").urn);
        expect(run.registrations.filter((r) => r.type === EXTENSION && r.name.startsWith("dc01-"))).toStrictEqual([]);
    });

    it("THEN the generated safe-mode password goes only into the controller's Key Vault secret, which the promotion follows; the promotion carries no secret", () => {
        const promote = get(RUN_COMMAND, "dc01-promote");
        const secret = get("azure-native:keyvault:Secret", "dc01-safe-mode-password");
        expect(promote.secretPaths).toStrictEqual([]);
        expect(promote.inputs["protectedParameters"]).toBeUndefined();
        expect(secret.secretPaths).toStrictEqual(["properties"]);
        expect(secret.propertyDependencies["properties"]).toStrictEqual([get("random:index/randomPassword:RandomPassword", "safe-mode-password").urn]);
        expect(waitsFor(promote)).toContain(secret.urn);
        expect(waitsFor(promote)).toContain(get("azure-native:authorization:RoleAssignment", "dc01-safe-mode-reader").urn);
        expect(get("azure-native:keyvault:Vault", "dc01-vault").options.protect).toBe(true);
    });

    it.each(MEMBERS)("THEN %s waits for the controller's promotion, then for the domain to answer, and only then joins", (member) => {
        const wait = get(RUN_COMMAND, `${member}-wait-domain`);
        const join = get(EXTENSION, `${member}-domain-join`);
        expect(waitsFor(wait)).toContain(get(RUN_COMMAND, "dc01-promote").urn);
        expect(waitsFor(wait)).toContain(get(EXTENSION, `${member}-access`).urn);
        expect(waitsFor(join)).toContain(wait.urn);
        expect((wait.inputs["source"] as { script: string }).script).toContain("$SrvName = '_ldap._tcp.dc._msdcs.corp.contoso.com'");
        expect(join.inputs["settings"]).toStrictEqual({ Name: "corp.contoso.com", User: "CORP\\farmadmin", Restart: "true", Options: "3" });
    });

    it.each(MEMBERS)("THEN %s's join password is a secret, held only in the extension's protected settings", (member) => {
        const join = get(EXTENSION, `${member}-domain-join`);
        expect(join.secretPaths).toStrictEqual(["protectedSettings"]);
        expect(redact(join.rawInputs["protectedSettings"])).toBe(SECRET);
    });

    it("THEN SQL Server registers with the SQL IaaS agent only after the VM has joined the domain", () => {
        expect(waitsFor(get("azure-native:sqlvirtualmachine:SqlVirtualMachine", "sql01-sql"))).toContain(get(EXTENSION, "sql01-domain-join").urn);
    });

    it("THEN every guest step, the controller's promotion and the farm's steps included, is tied to the VM it runs on, each restart barrier to the SharePoint VM too, and the SQL registration to its VM", () => {
        const guestSteps = run.registrations.filter((r) => r.type === EXTENSION || r.type === RUN_COMMAND);
        expect(guestSteps.length).toBeGreaterThan(0);
        const vmOf = (step: Registration) => run.registrations.find((r) => r.type === "azure-native:compute:VirtualMachine" && r.inputs["vmName"] === step.inputs["vmName"])?.urn;
        const sp01 = get("azure-native:compute:VirtualMachine", "sp01-vm").urn;
        expect(guestSteps.map((r) => [r.name, r.options.replaceWith])).toStrictEqual(
            guestSteps.map((r) => [r.name, /^sharepoint-\d-restart-/.test(r.name) ? [vmOf(r), sp01] : [vmOf(r)]]),
        );
        expect(get("azure-native:sqlvirtualmachine:SqlVirtualMachine", "sql01-sql").options.replaceWith).toStrictEqual([get("azure-native:compute:VirtualMachine", "sql01-vm").urn]);
    });

    it("THEN the SQL registration, which sends a storage configuration (the example never sets existingStorage), is protected: a rebuild of sql01 stops at preview", () => {
        const sqlVm = get("azure-native:sqlvirtualmachine:SqlVirtualMachine", "sql01-sql");
        expect(Object.keys(sqlVm.inputs)).toContain("storageConfigurationSettings");
        expect(sqlVm.options.protect).toBe(true);
    });

    it("THEN the SharePoint server runs Windows Server 2022 Datacenter, an OS SharePoint Server Subscription Edition supports", () => {
        const storage = get("azure-native:compute:VirtualMachine", "sp01-vm").inputs["storageProfile"] as { imageReference: unknown };
        expect(storage.imageReference).toStrictEqual({ publisher: "MicrosoftWindowsServer", offer: "WindowsServer", sku: "2022-datacenter-g2", version: "latest" });
    });

    it("THEN no management port is open to any address: the farm is reached through Bastion", () => {
        const rules = get("azure-native:network:NetworkSecurityGroup", "farm-nsg").inputs["securityRules"] as { name: string; sourceAddressPrefixes?: string[]; sourceAddressPrefix?: string }[];
        expect(rules.map((r) => r.name).sort()).toStrictEqual(["allow-rdp-from-bastion", "app-http", "app-https"]);
    });

    it("THEN the farm's configuration steps run one after another, in order, each on its VM, each with its explicit timeout", () => {
        const steps = run.registrations.filter((r) => r.type === RUN_COMMAND && r.name.startsWith("sharepoint-"));
        expect(steps.map((r) => r.name).sort()).toStrictEqual(FARM_STEPS.map(([name]) => name).sort());
        FARM_STEPS.forEach(([name, vm], index) => {
            const step = get(RUN_COMMAND, name);
            expect([name, step.inputs["vmName"]]).toStrictEqual([name, get("azure-native:compute:VirtualMachine", `${vm}-vm`).inputs["vmName"]]);
            const before = FARM_STEPS[index - 1];
            if (before !== undefined) {
                expect(step.options.dependencies, `${name} follows ${before[0]}`).toContain(get(RUN_COMMAND, before[0]).urn);
            }
        });
        expect(FARM_STEPS.map(([name]) => [name, get(RUN_COMMAND, name).inputs["timeoutInSeconds"]])).toStrictEqual([
            ["sharepoint-1-ad-accounts", 1800], ["sharepoint-2-sql-config", 1800], ["sharepoint-3-sp-prerequisites", 7200], ["sharepoint-4-restart-after-prerequisites", 2400],
            ["sharepoint-5-sp-binaries", 5400], ["sharepoint-6-restart-after-binaries", 2400], ["sharepoint-9-sp-farm", 10200],
        ]);
    });

    it("THEN the farm's first step follows the controller's promotion and the SharePoint VM's domain join; the SQL step follows the SQL registration", () => {
        const accounts = get(RUN_COMMAND, "sharepoint-1-ad-accounts");
        expect(accounts.options.dependencies).toContain(get(RUN_COMMAND, "dc01-promote").urn);
        expect(accounts.options.dependencies).toContain(get(RUN_COMMAND, "sp01-format-sharepoint").urn);
        expect(get(RUN_COMMAND, "sharepoint-2-sql-config").options.dependencies).toContain(get("azure-native:sqlvirtualmachine:SqlVirtualMachine", "sql01-sql").urn);
    });

    it("THEN no farm step has a secret in any field or a protected parameter: they get the vault's and the secrets' names, and the machines' addresses", () => {
        for (const [name] of FARM_STEPS) {
            const step = get(RUN_COMMAND, name);
            expect([name, step.secretPaths, step.inputs["protectedParameters"]]).toStrictEqual([name, [], undefined]);
        }
        const farmStep = get(RUN_COMMAND, "sharepoint-9-sp-farm");
        expect((farmStep.inputs["parameters"] as { name: string; value: string }[]).map((p) => p.name)).toStrictEqual([
            "KeyVaultName", "SetupSecretName", "FarmSecretName", "ServicesSecretName", "AppPoolSecretName", "PassphraseSecretName",
        ]);
        expect((farmStep.inputs["parameters"] as { name: string; value: string }[]).slice(1).map((p) => p.value)).toStrictEqual([
            "sharepoint-setup-password", "sharepoint-farm-password", "sharepoint-services-password", "sharepoint-app-pool-password", "sharepoint-passphrase",
        ]);
    });

    it("THEN the farm's generated passwords go only into its Key Vault secrets, each read by the VMs that need it; the dev farm uses Microsoft's ISO and trial key", () => {
        for (const key of ["setup-password", "farm-password", "services-password", "app-pool-password", "passphrase"]) {
            const secret = get("azure-native:keyvault:Secret", `sharepoint-${key}`);
            expect([key, secret.secretPaths, secret.propertyDependencies["properties"]]).toStrictEqual([key, ["properties"], [get("random:index/randomPassword:RandomPassword", `sharepoint-generated-${key}`).urn]]);
        }
        expect(run.registrations.filter((r) => r.type === "azure-native:authorization:RoleAssignment" && r.name.startsWith("sharepoint-")).map((r) => r.name).sort()).toStrictEqual([
            "sharepoint-dc-reads-app-pool-password", "sharepoint-dc-reads-farm-password", "sharepoint-dc-reads-services-password", "sharepoint-dc-reads-setup-password",
            "sharepoint-sp-reads-app-pool-password", "sharepoint-sp-reads-farm-password", "sharepoint-sp-reads-passphrase", "sharepoint-sp-reads-product-key",
            "sharepoint-sp-reads-services-password", "sharepoint-sp-reads-setup-password",
        ]);
        expect((get(RUN_COMMAND, "sharepoint-3-sp-prerequisites").inputs["source"] as { script: string }).script).toContain("$IsoUri = 'https://download.microsoft.com/");
        expect(get(RUN_COMMAND, "sharepoint-3-sp-prerequisites").inputs["parameters"]).toStrictEqual([]);
        expect(get("azure-native:keyvault:Secret", "sharepoint-product-key").inputs["properties"]).toStrictEqual({ value: "VW2FM-FN9FT-H22J4-WV9GT-H8VKF" });
        expect(run.outputs["sharePointSite"]).toBe("http://sharepoint.corp.contoso.com/");
        expect(redact(run.outputs["sharePointSetupPassword"])).toBe(SECRET);
    });

    it("THEN the generated domain administrator and safe-mode passwords leave the stack only as secrets", () => {
        expect(redact(run.outputs["domainAdministratorPassword"])).toBe(SECRET);
        expect(redact(run.outputs["safeModeAdministratorPassword"])).toBe(SECRET);
        expect(run.outputs["domainAdministrator"]).toBe("CORP\\farmadmin");
    });
});

describe("WHEN the domain administrator's password is given in the stack's secret config", () => {
    let run: ProgramRun;
    beforeAll(async () => {
        run = await runExample("sharepoint-farm", { secretConfig: { "apvm-sharepoint-farm:domainAdminPassword": GIVEN_PASSWORD } });
        expect(run.exitCode, programErrors(run)).toBe(0);
    });

    it("THEN it appears in plain text in no registration, output or log, yet reaches both joins and the controller as a secret", () => {
        // Not the SDK's own debug messages ("RegisterResource RPC finished: ... resp: ..."): they print the engine's
        // response with secrets inside their wrappers, and the Pulumi CLI shows them only with --debug.
        const logs = run.logs.filter((l) => l.severity !== "debug");
        const printed = JSON.stringify([run.registrations.map((r) => redact(r.rawInputs)), redact(run.outputs), logs, run.stdout, run.stderr]);
        expect(printed).not.toContain(GIVEN_PASSWORD);
        for (const member of MEMBERS) {
            expect(registered(run, EXTENSION, `${member}-domain-join`).inputs["protectedSettings"]).toStrictEqual({ Password: GIVEN_PASSWORD });
        }
        expect(registered(run, "azure-native:compute:VirtualMachine", "dc01-vm").secretPaths).toContain("osProfile");
        expect(run.registrations.map((r) => r.name)).not.toContain("domain-admin-password");
    });
});

describe("WHEN the farm is declared for production, with updates and a product key given", () => {
    let run: ProgramRun;
    beforeAll(async () => {
        run = await runExample("sharepoint-farm", {
            configOverrides: { "apvm-sharepoint-farm:production": true, "apvm-sharepoint-farm:sharePointUpdateUris": ["https://download.microsoft.com/download/0/0/0/sts-subscription-kb0000000-fullfile-x64-glb.exe"] },
            secretConfig: { "apvm-sharepoint-farm:sharePointProductKey": GIVEN_PRODUCT_KEY },
        });
        expect(run.exitCode, programErrors(run)).toBe(0);
    });

    it("THEN the example's SQL Server is Standard, not Developer, and the updates get their step and its restart before the farm", () => {
        expect(registered(run, "azure-native:sqlvirtualmachine:SqlVirtualMachine", "sql01-sql").inputs["sqlImageSku"]).toBe("Standard");
        const updates = registered(run, RUN_COMMAND, "sharepoint-7-sp-updates");
        expect(updates.options.dependencies).toContain(registered(run, RUN_COMMAND, "sharepoint-6-restart-after-binaries").urn);
        expect(registered(run, RUN_COMMAND, "sharepoint-8-restart-after-updates").options.dependencies).toContain(updates.urn);
        expect(registered(run, RUN_COMMAND, "sharepoint-9-sp-farm").options.dependencies).toContain(registered(run, RUN_COMMAND, "sharepoint-8-restart-after-updates").urn);
        expect(updates.inputs["parameters"]).toStrictEqual([{ name: "UpdateUri1", value: "https://download.microsoft.com/download/0/0/0/sts-subscription-kb0000000-fullfile-x64-glb.exe" }]);
    });

    it("THEN the product key is in no registration in plain text: only in its Key Vault secret, as a secret", () => {
        const printed = JSON.stringify([run.registrations.map((r) => redact(r.rawInputs)), redact(run.outputs), run.logs.filter((l) => l.severity !== "debug"), run.stdout, run.stderr]);
        expect(printed).not.toContain(GIVEN_PRODUCT_KEY);
        const secret = registered(run, "azure-native:keyvault:Secret", "sharepoint-product-key");
        expect([secret.secretPaths, secret.inputs["properties"]]).toStrictEqual([["properties"], { value: GIVEN_PRODUCT_KEY }]);
    });
});

describe("WHEN the farm is declared for production on SQL Server Developer", () => {
    it("THEN the program fails before registering anything of the farm, naming the edition and the fix, with every other problem of the farm", async () => {
        const run = await runExample("sharepoint-farm", { configOverrides: { "apvm-sharepoint-farm:production": true, "apvm-sharepoint-farm:sqlEdition": "developer" } });
        expect(run.exitCode).not.toBe(0);
        const errors = programErrors(run);
        expect(errors).toContain('SharePointFarm "sharepoint": sqlServer.args.sql.edition is "developer", but the farm is declared for production: SharePoint Server supports Standard or Enterprise SQL Server, Express is not supported and Developer\'s licence forbids production (set edition "standard" or "enterprise", or production: false).');
        expect(errors).toContain('SharePointFarm "sharepoint": productKey is missing; a production farm needs your SharePoint Server Subscription Edition product key (the trial key it uses otherwise expires after 180 days).');
        expect(errors).toContain('SharePointFarm "sharepoint": installSource.updates is empty, but the farm is declared for production;');
        expect(run.registrations.filter((r) => r.name.startsWith("sharepoint-") && r.type !== "azure-native:network:VirtualNetwork" && !r.type.startsWith("azure-native:network:"))).toStrictEqual([]);
    });
});
