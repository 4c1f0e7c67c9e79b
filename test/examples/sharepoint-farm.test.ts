/**
 * examples/sharepoint-farm, its own Pulumi project on top of the library as a package, run as `pulumi preview` would
 * run it: the VNet's DNS servers are the controller's static IP; each member's domain join waits for a Run Command
 * that itself follows the controller's promotion; every guest step is tied to its VM (`replaceWith`); the join's
 * password travels only as a secret, and the safe-mode password only in the controller's Key Vault secret.
 * Not proved here: anything that happens in Windows (promotion, restart, DNS, the join itself), or how long it takes.
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

    it("THEN every guest step, the controller's promotion included, is tied to its own VM, and the SQL registration to none", () => {
        const guestSteps = run.registrations.filter((r) => r.type === EXTENSION || r.type === RUN_COMMAND);
        expect(guestSteps.length).toBeGreaterThan(0);
        expect(guestSteps.map((r) => [r.name, r.options.replaceWith])).toStrictEqual(
            guestSteps.map((r) => [r.name, [get("azure-native:compute:VirtualMachine", `${r.name.split("-")[0] ?? ""}-vm`).urn]]),
        );
        expect(get("azure-native:sqlvirtualmachine:SqlVirtualMachine", "sql01-sql").options.replaceWith).toStrictEqual([]);
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
        expect(rules.map((r) => r.name).sort()).toStrictEqual(["allow-rdp-from-bastion", "app-https"]);
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
