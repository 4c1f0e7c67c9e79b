/**
 * Active Directory on durable VMs, under the SDK's runtime mocks: a DomainController (a WindowsVm with a static IP, no
 * access extension and an NTDS disk without host caching, then the promotion Run Command), and a member WindowsVm with
 * domainJoin (a Run Command that waits for the domain, after the controller's promotion, then the join extension),
 * their inputs, order, secrets and refusals; and the scripts' key lines.
 * Not proved here: what the PowerShell scripts do on Windows (no PowerShell runs here; they are read, not executed),
 * that Install-ADDSForest accepts paths on a folder-mounted volume, that Run Command passes the protected parameter as
 * `-SafeModePasswordBase64 <value>`, that the join extension accepts these settings, or that Azure runs the steps in
 * this order across the controller's and the member's restarts.
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
    DomainController, type DomainControllerArgs, type DomainJoinArgs, InvalidArgumentsError, LinuxVm, type Problem, SqlServerVm, WindowsVm,
} from "../../components";
import {
    AZURE_DNS, checkAdDomainName, checkDomainUser, checkOuPath, defaultNetbiosName, domainControllerSrvName, promoteDomainControllerScript, waitForDomainScript, windowsFormatScript,
} from "../../components/internal";
import { allRegistered, installRecorder, redact, valueOf, type Recorder, type Registration } from "../../tools/recorder/recorder";
import { childrenOf, settled } from "../support/components";
import { ED25519_KEY, SUBNET_ID } from "../support/fixtures";

let recorder: Recorder;
beforeAll(async () => {
    recorder = await installRecorder();
});

const RUN_COMMAND = "azure-native:compute:VirtualMachineRunCommandByVirtualMachine";
const EXTENSION = "azure-native:compute:VirtualMachineExtension";
const VM = "azure-native:compute:VirtualMachine";
const ADMIN_PASSWORD = "Dc-Admin-Passw0rd-For-Test";
const SAFE_MODE_PASSWORD = "Dsrm^Safe&Mode%Passw0rd";
const JOIN_PASSWORD = "Join-Passw0rd-For-Test";
const base = { resourceGroupName: "rg", location: "westeurope", subnetId: SUBNET_ID, size: "Standard_D2s_v5" };
const dcArgs: DomainControllerArgs = {
    ...base, adminPassword: ADMIN_PASSWORD, privateIpAddress: "10.42.1.4", domainName: "corp.contoso.com", safeModePassword: SAFE_MODE_PASSWORD,
};
const NTDS_PATHS = { mountPoint: "C:\\data\\ntds", databasePath: "C:\\data\\ntds\\NTDS", logPath: "C:\\data\\ntds\\NTDS", sysvolPath: "C:\\data\\ntds\\SYSVOL" };

async function settledDc(dc: DomainController): Promise<void> {
    await Promise.all([valueOf(dc.vmId), valueOf(dc.vm.dataDiskIds), valueOf(dc.urn), valueOf(dc.ready.urn)]);
    await allRegistered();
}

/** The secrets a stack gives, and the forms the component sends them in. */
const SECRETS = [ADMIN_PASSWORD, SAFE_MODE_PASSWORD, Buffer.from(SAFE_MODE_PASSWORD, "utf8").toString("base64"), JOIN_PASSWORD];

describe("GIVEN a domain controller for corp.contoso.com at 10.42.1.4", () => {
    let dc: DomainController;
    let promote: Registration;
    let format: Registration;
    beforeAll(async () => {
        dc = new DomainController("dc01", dcArgs);
        await settledDc(dc);
        promote = recorder.get(RUN_COMMAND, "dc01-promote");
        format = recorder.get(RUN_COMMAND, "dc01-format-ntds");
    });

    it("THEN its children are a WindowsVm of the same name and the promotion command; the VM has no access extension", () => {
        expect(childrenOf(recorder, recorder.get("azure-persistent-vm:index:DomainController", "dc01").urn)).toStrictEqual([
            `${RUN_COMMAND}::dc01-promote`,
            "azure-persistent-vm:index:WindowsVm::dc01",
        ]);
        expect(childrenOf(recorder, recorder.get("azure-persistent-vm:index:WindowsVm", "dc01").urn)).toStrictEqual([
            "azure-native:compute:Disk::dc01-disk-ntds",
            `${VM}::dc01-vm`,
            `${RUN_COMMAND}::dc01-format-ntds`,
            "azure-native:network:NetworkInterface::dc01-nic",
        ]);
        expect(recorder.registrations.filter((r) => r.type === EXTENSION && r.name.startsWith("dc01-"))).toStrictEqual([]);
    });

    it("THEN its NIC asks for exactly that address, statically", () => {
        const config = (recorder.get("azure-native:network:NetworkInterface", "dc01-nic").inputs["ipConfigurations"] as Record<string, unknown>[])[0];
        expect([config?.["privateIPAllocationMethod"], config?.["privateIPAddress"]]).toStrictEqual(["Static", "10.42.1.4"]);
    });

    it("THEN the NTDS disk is a 32 GiB disk at LUN 0 with host caching None, formatted NTFS by a Run Command", () => {
        const storage = recorder.get(VM, "dc01-vm").inputs["storageProfile"] as { dataDisks: { lun: number; caching: string; managedDisk: { id: string } }[] };
        expect(storage.dataDisks.map((d) => [d.lun, d.caching, d.managedDisk.id.split("/").pop()])).toStrictEqual([[0, "None", "dc01-disk-ntds"]]);
        expect(recorder.get("azure-native:compute:Disk", "dc01-disk-ntds").inputs["diskSizeGB"]).toBe(32);
        expect((format.inputs["source"] as { script: string }).script).toBe(windowsFormatScript({ key: "ntds", lun: 0, fileSystem: "NTFS" }));
    });

    it("THEN the promotion runs the forest script after the NTDS disk's formatting, the VM's last guest step", async () => {
        expect(promote.inputs).toStrictEqual({
            resourceGroupName: "rg",
            location: "westeurope",
            vmName: "dc01",
            runCommandName: "promote-dc",
            source: { script: promoteDomainControllerScript({ domainName: "corp.contoso.com", netbiosName: "CORP", paths: NTDS_PATHS }) },
            protectedParameters: [{ name: "SafeModePasswordBase64", value: Buffer.from(SAFE_MODE_PASSWORD, "utf8").toString("base64") }],
            asyncExecution: false,
            treatFailureAsDeploymentFailure: true,
            timeoutInSeconds: 3600,
        });
        expect(await valueOf(dc.vm.lastGuestStep.urn)).toBe(format.urn);
        expect(promote.options.dependencies).toContain(format.urn);
        expect(promote.parent).toBe(recorder.get("azure-persistent-vm:index:DomainController", "dc01").urn);
    });

    it("THEN the promotion and the NTDS disk's formatting are tied to the VM: a rebuilt VM runs both again", () => {
        // Safe: on a VM rebuilt from its kept OS disk the script finds a controller and does nothing; on one rebuilt
        // from a fresh image it finds the kept database and fails without changing anything (scripts tested below).
        const vm = recorder.get(VM, "dc01-vm").urn;
        expect([promote.options.replaceWith, format.options.replaceWith]).toStrictEqual([[vm], [vm]]);
    });

    it("THEN the safe-mode password reaches it only as a protected parameter, a secret, and its script holds no secret", () => {
        expect(promote.secretPaths).toStrictEqual(["protectedParameters"]);
        const script = (promote.inputs["source"] as { script: string }).script;
        for (const secret of SECRETS) {
            expect(script).not.toContain(secret);
        }
    });

    it("THEN ready is the promotion command, and the component registers its outputs", async () => {
        expect(await valueOf(dc.ready.urn)).toBe(promote.urn);
        expect([await valueOf(dc.privateIpAddress), await valueOf(dc.domainName), await valueOf(dc.netbiosName)]).toStrictEqual(["10.42.1.4", "corp.contoso.com", "CORP"]);
        const component = recorder.get("azure-persistent-vm:index:DomainController", "dc01");
        expect(Object.keys(recorder.outputs.get(component.urn) ?? {}).sort()).toStrictEqual(["domainName", "netbiosName", "privateIpAddress", "vmId"]);
    });
});

describe("GIVEN a member VM that joins the domain after the controller's promotion", () => {
    let dc: DomainController;
    let member: WindowsVm;
    let wait: Registration;
    let join: Registration;
    const domainJoin = (over: Partial<DomainJoinArgs> = {}): DomainJoinArgs => ({
        domainName: "corp.contoso.com", user: "CORP\\azureadmin", password: JOIN_PASSWORD, ouPath: "OU=Servers,DC=corp,DC=contoso,DC=com", ...over,
    });
    beforeAll(async () => {
        dc = new DomainController("dc02", { ...dcArgs, privateIpAddress: "10.42.1.5" });
        member = new WindowsVm("sp01", {
            ...base,
            adminPassword: "Member-Passw0rd-For-Test",
            domainJoin: domainJoin({ dependsOn: [dc.ready] }),
            azureMonitor: {},
            dataDisks: [{ name: "data", lun: 0, sizeGb: 64, format: true }],
        });
        await settledDc(dc);
        await settled(member);
        wait = recorder.get(RUN_COMMAND, "sp01-wait-domain");
        join = recorder.get(EXTENSION, "sp01-domain-join");
    });

    it("THEN the guest steps are the access extension, the wait, the join, the monitor agent and the disk's formatting", () => {
        expect(childrenOf(recorder, recorder.get("azure-persistent-vm:index:WindowsVm", "sp01").urn)).toStrictEqual([
            "azure-native:compute:Disk::sp01-disk-data",
            `${VM}::sp01-vm`,
            `${EXTENSION}::sp01-access`,
            `${EXTENSION}::sp01-domain-join`,
            `${EXTENSION}::sp01-monitor-agent`,
            `${RUN_COMMAND}::sp01-format-data`,
            `${RUN_COMMAND}::sp01-wait-domain`,
            "azure-native:network:NetworkInterface::sp01-nic",
        ]);
    });

    it("THEN the wait runs the domain's wait script for 30 minutes, after the access extension and the controller's promotion", () => {
        expect(wait.inputs).toStrictEqual({
            resourceGroupName: "rg",
            location: "westeurope",
            vmName: "sp01",
            runCommandName: "wait-domain",
            source: { script: waitForDomainScript({ domainName: "corp.contoso.com", timeoutMinutes: 30 }) },
            asyncExecution: false,
            treatFailureAsDeploymentFailure: true,
            timeoutInSeconds: 2100,
        });
        expect(wait.options.dependencies).toContain(recorder.get(EXTENSION, "sp01-access").urn);
        expect(wait.options.dependencies).toContain(recorder.get(RUN_COMMAND, "dc02-promote").urn);
    });

    it("THEN the join extension comes after the wait, with exactly these settings and the password only as a secret", () => {
        expect(join.options.dependencies).toContain(wait.urn);
        expect(join.inputs).toStrictEqual({
            resourceGroupName: "rg",
            location: "westeurope",
            vmName: "sp01",
            vmExtensionName: "JsonADDomainExtension",
            publisher: "Microsoft.Compute",
            type: "JsonADDomainExtension",
            typeHandlerVersion: "1.3",
            autoUpgradeMinorVersion: true,
            settings: { Name: "corp.contoso.com", User: "CORP\\azureadmin", OUPath: "OU=Servers,DC=corp,DC=contoso,DC=com", Restart: "true", Options: "3" },
            protectedSettings: { Password: JOIN_PASSWORD },
        });
        expect(join.secretPaths).toStrictEqual(["protectedSettings"]);
    });

    it("THEN every guest step of the member, the wait and the join included, is tied to the member's VM, not to the controller's", () => {
        const vm = recorder.get(VM, "sp01-vm").urn;
        const steps = [
            recorder.get(EXTENSION, "sp01-access"), wait, join, recorder.get(EXTENSION, "sp01-monitor-agent"), recorder.get(RUN_COMMAND, "sp01-format-data"),
        ];
        expect(steps.map((r) => [r.name, r.options.replaceWith])).toStrictEqual(steps.map((r) => [r.name, [vm]]));
    });

    it("THEN the monitor agent and the disk's formatting follow the join, and the formatting is the last guest step", async () => {
        const agent = recorder.get(EXTENSION, "sp01-monitor-agent");
        const format = recorder.get(RUN_COMMAND, "sp01-format-data");
        expect(agent.options.dependencies).toContain(join.urn);
        expect(format.options.dependencies).toContain(agent.urn);
        expect(await valueOf(member.lastGuestStep.urn)).toBe(format.urn);
    });

    it("THEN no registration holds a password in plain text, in any form it is sent in", () => {
        const printed = JSON.stringify(recorder.registrations.map((r) => redact(r.rawInputs)));
        for (const secret of SECRETS) {
            expect(printed).not.toContain(secret);
        }
    });
});

describe("GIVEN a member VM with a longer wait and no OU", () => {
    it("THEN its wait lasts that long, its command five minutes more, and the join sends no OUPath", async () => {
        await settled(new WindowsVm("sp02", {
            ...base, adminPassword: "Member-Passw0rd-For-Test",
            domainJoin: { domainName: "corp.contoso.com", user: "azureadmin@corp.contoso.com", password: JOIN_PASSWORD, waitTimeoutMinutes: 45 },
        }));
        const wait = recorder.get(RUN_COMMAND, "sp02-wait-domain").inputs;
        expect([(wait["source"] as { script: string }).script, wait["timeoutInSeconds"]])
            .toStrictEqual([waitForDomainScript({ domainName: "corp.contoso.com", timeoutMinutes: 45 }), 3000]);
        expect(recorder.get(EXTENSION, "sp02-domain-join").inputs["settings"])
            .toStrictEqual({ Name: "corp.contoso.com", User: "azureadmin@corp.contoso.com", Restart: "true", Options: "3" });
    });
});

describe("GIVEN a Windows VM without credential rotation and no other guest step", () => {
    it("THEN it has no access extension, and its last guest step is the VM itself", async () => {
        const vm = new WindowsVm("plain01", { ...base, adminPassword: "Plain-Passw0rd-For-Test", credentialRotation: false });
        await settled(vm);
        expect(recorder.registrations.filter((r) => r.type === EXTENSION && r.name.startsWith("plain01-"))).toStrictEqual([]);
        expect(await valueOf(vm.lastGuestStep.urn)).toBe(recorder.get(VM, "plain01-vm").urn);
    });
});

describe("GIVEN a SQL Server VM that joins the domain", () => {
    it("THEN its WindowsVm waits for the domain and joins it, like any member", async () => {
        const sql = new SqlServerVm("sql05", {
            ...base, size: "Standard_E4ds_v5", adminPassword: "Sql-Admin-Passw0rd-1",
            domainJoin: { domainName: "corp.contoso.com", user: "CORP\\azureadmin", password: JOIN_PASSWORD },
            sql: { dataDiskSizeGb: 256, logDiskSizeGb: 128 },
        });
        await Promise.all([valueOf(sql.vmId), valueOf(sql.urn)]);
        await allRegistered();
        expect(recorder.get(EXTENSION, "sql05-domain-join").options.dependencies).toContain(recorder.get(RUN_COMMAND, "sql05-wait-domain").urn);
    });
});

describe("GIVEN names a stack might give", () => {
    it.each<[string, number]>([
        ["corp.contoso.com", 0], ["contoso.com", 0], ["ad-1.example.co.uk", 0], [`${"a".repeat(52)}.contoso.com`, 0],
        ["-corp.contoso.com", 1], ["corp..com", 1], ["corp.contoso.com.", 1], ["corp contoso.com", 1], [`${"a".repeat(53)}.contoso.com`, 1],
    ])("THEN the domain name %s has %i problem(s)", (name, count) => {
        expect(checkAdDomainName("domainName", name)).toHaveLength(count);
    });

    it.each<[string, number]>([
        ["CORP\\joiner", 0], ["corp-1\\svc-join", 0], ["joiner@corp.contoso.com", 0],
        ["CORP\\", 1], ["\\joiner", 1], ["CORP\\a-name-longer-than-20", 1], ["CORP\\join:er", 1], ["joiner@corp", 1], ["@corp.contoso.com", 1], ["CORP/joiner", 1],
    ])("THEN the user %s has %i problem(s)", (user, count) => {
        expect(checkDomainUser("user", user)).toHaveLength(count);
    });

    it.each<[string, number]>([
        ["OU=Servers,DC=corp,DC=contoso,DC=com", 0], ["ou=Web,OU=Servers,dc=CORP,dc=Contoso,dc=com", 0], ["OU=Servers\\, EU,DC=corp,DC=contoso,DC=com", 0],
        ["OU=Servers,DC=corp,DC=contoso", 1], ["OU=Servers,DC=corp,DC=contoso,DC=com,OU=x", 1], ["DC=corp,DC=contoso,DC=com", 1],
    ])("THEN the OU path %s in corp.contoso.com has %i problem(s)", (ouPath, count) => {
        expect(checkOuPath("ouPath", ouPath, "corp.contoso.com")).toHaveLength(count);
    });

    it("THEN the default NetBIOS name is the first label, upper-cased", () => {
        expect([defaultNetbiosName("corp.contoso.com"), defaultNetbiosName("ad-1.example.com")]).toStrictEqual(["CORP", "AD-1"]);
    });
});

/** Throws as expected, and registers nothing, not even later. */
async function expectRefused(build: () => unknown, component: string, name: string, problems: Problem[]): Promise<void> {
    await allRegistered();
    const before = recorder.registrations.length;
    expect(build).toThrow(new InvalidArgumentsError(component, name, problems));
    await allRegistered();
    expect(recorder.registrations.length).toBe(before);
}

describe("GIVEN a member VM whose domainJoin Azure or Active Directory would refuse", () => {
    const join: DomainJoinArgs = { domainName: "corp.contoso.com", user: "CORP\\joiner", password: JOIN_PASSWORD };
    const member = { ...base, adminPassword: "Member-Passw0rd-For-Test" };
    it.each<[string, Partial<DomainJoinArgs>, boolean, Problem[]]>([
        ["a domain name with an underscore", { domainName: "corp_contoso.com" }, false, [
            { path: "domainJoin.domainName", message: `"corp_contoso.com" is not a DNS domain name: labels of letters, digits and hyphens (not first or last in a label), separated by periods, like "corp.contoso.com".` },
        ]],
        ["a single-label domain name", { domainName: "corp" }, false, [
            { path: "domainJoin.domainName", message: `"corp" is a single-label name; Active Directory needs at least two labels, like "corp.corp" (DNS does not locate the controllers of a single-label domain without extra configuration).` },
        ]],
        ["a domain name over 64 characters", { domainName: `${"a".repeat(60)}.contoso.com` }, false, [
            { path: "domainJoin.domainName", message: `"${"a".repeat(60)}.contoso.com" is 72 characters; an Active Directory domain name is at most 64 (SYSVOL paths hold it twice within Windows' 260-character limit).` },
        ]],
        ["a user without a domain", { user: "joiner" }, false, [
            { path: "domainJoin.user", message: `"joiner" is not a domain account; write it as "CORP\\joiner" (NetBIOS domain name, a backslash, an account name of at most 20 characters) or as "joiner@corp.contoso.com".` },
        ]],
        ["an OU in another domain, an empty password and a wait of no time", { ouPath: "OU=Servers,DC=contoso,DC=com", password: "", waitTimeoutMinutes: 0 }, false, [
            { path: "domainJoin.password", message: "is empty; give the joining account's password." },
            { path: "domainJoin.ouPath", message: `"OU=Servers,DC=contoso,DC=com" is not in the domain "corp.contoso.com", whose distinguished names end with "DC=corp,DC=contoso,DC=com" (correct it, or remove ouPath to use the domain's Computers container).` },
            { path: "domainJoin.waitTimeoutMinutes", message: "0 is not a whole number of minutes from 1 to 240 (set one, or remove it for 30)." },
        ]],
        ["an OU path that is not a distinguished name", { ouPath: "Servers" }, false, [
            { path: "domainJoin.ouPath", message: `"Servers" is not an OU's distinguished name, like "OU=Servers,DC=corp,DC=contoso,DC=com".` },
        ]],
        ["Microsoft Entra ID login as well", {}, true, [
            { path: "entraIdLogin", message: "is set with domainJoin; the Microsoft Entra login extension Entra-joins the VM, and an Entra-joined VM cannot also join an Active Directory domain (remove one of them)." },
        ]],
    ])("THEN %s is refused with exact messages and nothing is registered", async (_, over, entraIdLogin, problems) => {
        await expectRefused(() => new WindowsVm("bad", { ...member, entraIdLogin, domainJoin: { ...join, ...over } }), "WindowsVm", "bad", problems);
    });

    it("THEN a Linux VM with domainJoin is refused", async () => {
        await expectRefused(() => new LinuxVm("badlinux", { ...base, sshPublicKeys: [ED25519_KEY], domainJoin: join }), "LinuxVm", "badlinux", [
            { path: "domainJoin", message: "is for Windows VMs; a Linux VM joins a domain with realmd or SSSD, which this component does not configure (remove domainJoin)." },
        ]);
    });
});

describe("GIVEN a domain controller Azure or AD DS would refuse", () => {
    const withoutAddress: Omit<DomainControllerArgs, "privateIpAddress"> = {
        ...base, adminPassword: ADMIN_PASSWORD, domainName: "corp.contoso.com", safeModePassword: SAFE_MODE_PASSWORD,
    };
    it.each<[string, DomainControllerArgs, Problem[]]>([
        ["no private IP (config passed through untyped)", withoutAddress as DomainControllerArgs, [
            { path: "privateIpAddress", message: `is missing; a domain controller needs a static private IP, the address the VNet's dnsServers point at (set it, e.g. "10.42.1.4").` },
        ]],
        ["a private IP that is not one", { ...dcArgs, privateIpAddress: "10.42.1" }, [
            { path: "privateIpAddress", message: `"10.42.1" is not an IPv4 address, like "10.42.1.4".` },
        ]],
        ["a domain whose first label is too long for the default NetBIOS name", { ...dcArgs, domainName: "contosocorporation.com" }, [
            { path: "netbiosName", message: `is not set, and the default taken from domainName "contosocorporation.com", "CONTOSOCORPORATION", is not a NetBIOS domain name (1 to 15 letters, digits and hyphens, not only digits); set netbiosName.` },
        ]],
        ["a NetBIOS name with an underscore, a weak safe-mode password and an NTDS disk of no size", { ...dcArgs, netbiosName: "CORP_1", safeModePassword: "short", ntdsDiskSizeGb: 0 }, [
            { path: "netbiosName", message: `"CORP_1" is not a NetBIOS domain name: 1 to 15 letters, digits and hyphens, not only digits (set netbiosName).` },
            { path: "safeModePassword", message: "[secret] is 5 characters with 1 of the 4 character classes; the safe-mode password needs at least 8 characters and 3 of lower case, upper case, digit and symbol (choose another)." },
            { path: "ntdsDiskSizeGb", message: "0 is outside 1-32767 GiB, the range of a Premium_LRS data disk (set a whole number of GiB in that range)." },
        ]],
        ["a single-label domain (no NetBIOS check on a name already refused)", { ...dcArgs, domainName: "corp" }, [
            { path: "domainName", message: `"corp" is a single-label name; Active Directory needs at least two labels, like "corp.corp" (DNS does not locate the controllers of a single-label domain without extra configuration).` },
        ]],
    ])("THEN %s is refused with exact messages and nothing is registered", async (_, args, problems) => {
        await expectRefused(() => new DomainController("baddc", args), "DomainController", "baddc", problems);
    });
});

describe("GIVEN the promotion script", () => {
    const script = promoteDomainControllerScript({ domainName: "corp.contoso.com", netbiosName: "CORP", paths: NTDS_PATHS });
    const at = (text: string): number => script.indexOf(text);

    it("THEN it takes the safe-mode password only as its one parameter, base64, and makes a SecureString of it inside", () => {
        expect(script.split("\n").find((line) => !line.startsWith("#"))).toBe("param([string]$SafeModePasswordBase64)");
        expect(script).toContain("$safeMode = ConvertTo-SecureString -String ([Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($SafeModePasswordBase64))) -AsPlainText -Force");
        expect(script).toContain("-SafeModeAdministratorPassword $safeMode");
    });

    it("THEN it returns at once on a domain controller, before it installs or promotes anything", () => {
        expect(script).toContain("$role = (Get-CimInstance -ClassName Win32_ComputerSystem).DomainRole\nif ($role -ge 4) {");
        expect(at("if ($role -ge 4)")).toBeLessThan(at("Install-WindowsFeature"));
        expect(at("if ($role -ge 4)")).toBeLessThan(at("Install-ADDSForest"));
    });

    it("THEN it refuses an NTDS disk that holds a database before it promotes, and schedules the restart only after promoting", () => {
        expect(at("Test-Path -LiteralPath (Join-Path $DatabasePath 'ntds.dit')")).toBeLessThan(at("Install-ADDSForest"));
        expect(at("foreach ($name in @('DNS', 'AD-Domain-Services')) {\n    $feature = Install-WindowsFeature -Name $name -IncludeManagementTools"))
            .toBeLessThan(at("Install-ADDSForest"));
        expect(at("Install-ADDSForest")).toBeLessThan(at("shutdown.exe /r /t 60"));
    });

    it("THEN on a VM rebuilt from a fresh image over the kept NTDS disk it stops before changing anything, which is why it may run on every new VM", () => {
        const refusal = "throw ($DatabasePath + ' already holds an AD DS database, but this machine is not a domain controller: it was rebuilt with a new OS disk. Nothing was changed. Rebuild the VM from its kept OS disk (osDisk.source), or restore the controller from backup.')";
        expect(script).toContain(`if (Test-Path -LiteralPath (Join-Path $DatabasePath 'ntds.dit')) {\n    ${refusal}\n}`);
        expect(at(refusal)).toBeLessThan(at("Install-WindowsFeature"));
        expect(at(refusal)).toBeLessThan(at("Set-DnsServerForwarder"));
        expect(at(refusal)).toBeLessThan(at("shutdown.exe"));
    });

    it("THEN the controller's DNS server forwards names outside the domain to Azure DNS, set after the promotion and before the restart", () => {
        expect(AZURE_DNS).toBe("168.63.129.16");
        expect(script).toContain("Set-DnsServerForwarder -IPAddress '168.63.129.16'");
        expect(at("Install-ADDSForest")).toBeLessThan(at("Set-DnsServerForwarder"));
        expect(at("Set-DnsServerForwarder")).toBeLessThan(at("shutdown.exe /r /t 60"));
    });

    it("THEN it creates the forest with DNS, its data on the NTDS disk, without restarting on its own", () => {
        expect(script).toContain([
            "$DomainName = 'corp.contoso.com'",
            "$NetbiosName = 'CORP'",
            "$MountPoint = 'C:\\data\\ntds'",
            "$DatabasePath = 'C:\\data\\ntds\\NTDS'",
            "$LogPath = 'C:\\data\\ntds\\NTDS'",
            "$SysvolPath = 'C:\\data\\ntds\\SYSVOL'",
        ].join("\n"));
        expect(script).toContain("Install-ADDSForest -DomainName $DomainName -DomainNetbiosName $NetbiosName -InstallDns `\n"
            + "    -DatabasePath $DatabasePath -LogPath $LogPath -SysvolPath $SysvolPath `\n"
            + "    -SafeModeAdministratorPassword $safeMode -NoRebootOnCompletion -Force");
    });
});

describe("GIVEN the wait script", () => {
    const script = waitForDomainScript({ domainName: "corp.contoso.com", timeoutMinutes: 30 });

    it("THEN it asks the VM's DNS for the domain controllers' SRV record, then LDAP on what it names, then the DC locator", () => {
        expect(domainControllerSrvName("corp.contoso.com")).toBe("_ldap._tcp.dc._msdcs.corp.contoso.com");
        expect(script).toContain("$Domain = 'corp.contoso.com'\n$TimeoutMinutes = 30\n$SrvName = '_ldap._tcp.dc._msdcs.corp.contoso.com'\n");
        expect(script).toContain("Resolve-DnsName -Name $SrvName -Type SRV -DnsOnly");
        expect(script).toContain("$client.ConnectAsync($target, 389).Wait(5000)");
        expect(script).toContain("& $nltest ('/dsgetdc:' + $Domain) /force");
    });

    it("THEN it fails after the timeout with what was missing, and succeeds only when nothing is", () => {
        expect(script).toContain("$deadline = (Get-Date).AddMinutes($TimeoutMinutes)");
        expect(script).toContain("if ((Get-Date) -ge $deadline) {\n        throw ('Active Directory domain ' + $Domain + ' did not answer from this VM within ' + $TimeoutMinutes + ' minutes: ' + $missing");
        expect(script).toContain("if (-not $missing) {");
    });

    it("THEN a wait of no time is not a script", () => {
        expect(() => waitForDomainScript({ domainName: "corp.contoso.com", timeoutMinutes: 0 })).toThrow(RangeError);
    });
});
