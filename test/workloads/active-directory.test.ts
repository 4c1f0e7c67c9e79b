/**
 * Active Directory on durable VMs, under the SDK's runtime mocks: a DomainController (a WindowsVm with a static IP, no
 * access extension and an NTDS disk without host caching, the Key Vault secret holding the safe-mode password with the
 * VM identity's role on it, then the promotion Run Command), and a member WindowsVm with domainJoin (a Run Command that
 * waits for the domain, after the controller's promotion, then the join extension), their inputs, order, options,
 * secrets and refusals; the vault's naming rules; and the scripts' key lines.
 * Not proved here: what the PowerShell scripts do on Windows (no PowerShell runs here; they are read, not executed),
 * that Install-ADDSForest accepts paths on a folder-mounted volume, that the metadata service and Key Vault answer as
 * Microsoft documents or that the VM's role takes effect within the script's wait, that Azure accepts the vault and
 * the role assignment (no Azure here; under the recorder a created vault's random suffix and the VM's tenant have no
 * value), that the join extension accepts these settings, or that Azure runs the steps in this order across the
 * controller's and the member's restarts.
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
    DomainController, type DomainControllerArgs, type DomainJoinArgs, InvalidArgumentsError, LinuxVm, type Problem, SqlServerVm, WindowsVm,
} from "../../components";
import * as compute from "@pulumi/azure-native/compute";
import {
    AZURE_DNS, IMDS_KEY_VAULT_TOKEN_URI, KEY_VAULT_SECRETS_USER_ROLE, MAX_VAULT_NAME, SECRET_WAIT_MINUTES, checkAdDomainName, checkDomainUser, checkOuPath,
    defaultNetbiosName, domainControllerSrvName, keyVaultName, parseKeyVaultId, promoteDomainControllerScript, safeModeSecretName, vaultNamePrefix,
    waitForDomainScript, windowsFormatScript,
} from "../../components/internal";
import { allRegistered, installRecorder, redact, valueOf, type Recorder, type Registration } from "../../tools/recorder/recorder";
import { childrenOf, settled } from "../support/components";
import { ED25519_KEY, SUBNET_ID } from "../support/fixtures";

let recorder: Recorder;
beforeAll(async () => {
    recorder = await installRecorder();
});

const RUN_COMMAND = "azure-native:compute:VirtualMachineRunCommandByVirtualMachine";
const VAULT = "azure-native:keyvault:Vault";
const SECRET = "azure-native:keyvault:Secret";
const ROLE_ASSIGNMENT = "azure-native:authorization:RoleAssignment";
const SUFFIX = "random:index/randomString:RandomString";
const GIVEN_VAULT_ID = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-secrets/providers/Microsoft.KeyVault/vaults/corp-secrets";
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

/** The secrets a stack gives, and the base64 forms a script parameter or custom data would carry them in. */
const SECRETS = [ADMIN_PASSWORD, SAFE_MODE_PASSWORD, JOIN_PASSWORD].flatMap((s) => [s, Buffer.from(s, "utf8").toString("base64")]);

/** The tenant of a VM's identity, as the VM's registration answered it. */
async function tenantOf(dc: DomainController): Promise<string | undefined> {
    const vm = dc.vm.virtualMachine;
    if (!(vm instanceof compute.VirtualMachine)) {
        throw new Error("a WindowsVm's virtualMachine is a compute.VirtualMachine");
    }
    return (await valueOf(vm.identity))?.tenantId;
}

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

    it("THEN its children are a WindowsVm of the same name, the vault, its name's suffix, the secret, the VM's role on it and the promotion command; the VM has no access extension", () => {
        expect(childrenOf(recorder, recorder.get("azure-persistent-vm:index:DomainController", "dc01").urn)).toStrictEqual([
            `${ROLE_ASSIGNMENT}::dc01-safe-mode-reader`,
            `${RUN_COMMAND}::dc01-promote`,
            `${SECRET}::dc01-safe-mode-password`,
            `${VAULT}::dc01-vault`,
            "azure-persistent-vm:index:WindowsVm::dc01",
            `${SUFFIX}::dc01-vault-suffix`,
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

    it("THEN the promotion runs the forest script after the NTDS disk's formatting, the VM's last guest step, told only the vault's and the secret's names", async () => {
        expect(promote.inputs).toStrictEqual({
            resourceGroupName: "rg",
            location: "westeurope",
            vmName: "dc01",
            runCommandName: "promote-dc",
            source: { script: promoteDomainControllerScript({ domainName: "corp.contoso.com", netbiosName: "CORP", paths: NTDS_PATHS }) },
            parameters: [
                { name: "KeyVaultName", value: recorder.get(VAULT, "dc01-vault").inputs["vaultName"] },
                { name: "SecretName", value: "dc01-safe-mode-password" },
            ],
            asyncExecution: false,
            treatFailureAsDeploymentFailure: true,
            timeoutInSeconds: 3600,
        });
        expect(await valueOf(dc.vm.lastGuestStep.urn)).toBe(format.urn);
        expect(promote.options.dependencies).toContain(format.urn);
        expect(promote.parent).toBe(recorder.get("azure-persistent-vm:index:DomainController", "dc01").urn);
    });

    it("THEN the promotion follows the secret and the VM's role on it, so the script never runs before it may read the password", () => {
        expect(promote.options.dependencies).toContain(recorder.get(SECRET, "dc01-safe-mode-password").urn);
        expect(promote.options.dependencies).toContain(recorder.get(ROLE_ASSIGNMENT, "dc01-safe-mode-reader").urn);
    });

    it("THEN the vault is created protected, with Azure RBAC, soft delete and purge protection for 90 days, a firewall that admits only the controller's subnet, and the VM's tenant", async () => {
        const vault = recorder.get(VAULT, "dc01-vault");
        expect(vault.inputs).toStrictEqual({
            resourceGroupName: "rg",
            location: "westeurope",
            vaultName: vault.inputs["vaultName"],
            properties: {
                tenantId: (await tenantOf(dc)) ?? "",
                sku: { family: "A", name: "standard" },
                enableRbacAuthorization: true,
                enableSoftDelete: true,
                softDeleteRetentionInDays: 90,
                enablePurgeProtection: true,
                enabledForDeployment: false,
                enabledForDiskEncryption: false,
                enabledForTemplateDeployment: false,
                publicNetworkAccess: "Enabled",
                networkAcls: { defaultAction: "Deny", bypass: "AzureServices", virtualNetworkRules: [{ id: SUBNET_ID }], ipRules: [] },
            },
        });
        expect([vault.options.protect, vault.options.ignoreChanges, vault.options.replaceWith]).toStrictEqual([true, ["properties.tenantId"], []]);
        expect(vault.propertyDependencies["properties"]).toStrictEqual([recorder.get(VM, "dc01-vm").urn]);
    });

    it("THEN the vault's name is the VM's name and eight random lower-case letters and digits, kept by the resource group and location", () => {
        const suffix = recorder.get(SUFFIX, "dc01-vault-suffix");
        expect(suffix.inputs).toStrictEqual({ length: 8, lower: true, upper: false, numeric: true, special: false, keepers: { resourceGroupName: "rg", location: "westeurope" } });
        expect(suffix.options.protect).toBe(false);
        expect(recorder.get(VAULT, "dc01-vault").propertyDependencies["vaultName"]).toStrictEqual([suffix.urn]);
    });

    it("THEN the secret holds the safe-mode password, a secret, in that vault, and goes with the vault", () => {
        const secret = recorder.get(SECRET, "dc01-safe-mode-password");
        const vault = recorder.get(VAULT, "dc01-vault");
        expect(secret.inputs).toStrictEqual({
            resourceGroupName: "rg", vaultName: vault.inputs["vaultName"], secretName: "dc01-safe-mode-password", properties: { value: SAFE_MODE_PASSWORD },
        });
        expect(secret.secretPaths).toStrictEqual(["properties"]);
        expect([secret.options.dependencies, secret.options.deletedWith, secret.options.protect]).toStrictEqual([
            [vault.urn, recorder.get(SUFFIX, "dc01-vault-suffix").urn], vault.urn, false,
        ]);
    });

    it("THEN the VM's identity gets Key Vault Secrets User on that secret alone, as a service principal, renewed with the VM", async () => {
        const reader = recorder.get(ROLE_ASSIGNMENT, "dc01-safe-mode-reader");
        const secret = recorder.get(SECRET, "dc01-safe-mode-password");
        expect(reader.inputs).toStrictEqual({
            scope: secret.id,
            roleDefinitionId: "/subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.Authorization/roleDefinitions/4633458b-17de-408a-b874-0445c86b69e6",
            principalId: await valueOf(dc.vm.principalId),
            principalType: "ServicePrincipal",
            description: "Lets the domain controller dc01 read its safe-mode password when it is promoted.",
        });
        expect(KEY_VAULT_SECRETS_USER_ROLE).toBe("4633458b-17de-408a-b874-0445c86b69e6");
        expect(reader.propertyDependencies["scope"]).toStrictEqual([secret.urn]);
        expect([reader.options.replaceWith, reader.options.protect]).toStrictEqual([[recorder.get(VM, "dc01-vm").urn], false]);
    });

    it("THEN the promotion and the NTDS disk's formatting are tied to the VM: a rebuilt VM runs both again", () => {
        // Safe: on a VM rebuilt from its kept OS disk the script finds a controller and does nothing; on one rebuilt
        // from a fresh image it finds the kept database and fails without changing anything (scripts tested below).
        const vm = recorder.get(VM, "dc01-vm").urn;
        expect([promote.options.replaceWith, format.options.replaceWith]).toStrictEqual([[vm], [vm]]);
    });

    it("THEN the promotion carries no secret at all: no protected parameter, and neither its script nor its parameters hold a password in any form", () => {
        expect(promote.secretPaths).toStrictEqual([]);
        expect(promote.inputs["protectedParameters"]).toBeUndefined();
        const printed = JSON.stringify(promote.inputs);
        for (const secret of SECRETS) {
            expect(printed).not.toContain(secret);
        }
    });

    it("THEN ready is the promotion command, and the component registers its outputs", async () => {
        expect(await valueOf(dc.ready.urn)).toBe(promote.urn);
        expect([await valueOf(dc.privateIpAddress), await valueOf(dc.domainName), await valueOf(dc.netbiosName)]).toStrictEqual(["10.42.1.4", "corp.contoso.com", "CORP"]);
        const component = recorder.get("azure-persistent-vm:index:DomainController", "dc01");
        expect(Object.keys(recorder.outputs.get(component.urn) ?? {}).sort()).toStrictEqual(["domainName", "netbiosName", "privateIpAddress", "safeModePasswordVaultName", "vmId"]);
        expect(await valueOf(dc.safeModePasswordVaultName)).toBe(recorder.get(VAULT, "dc01-vault").inputs["vaultName"]);
    });
});

describe("GIVEN a domain controller whose safe-mode password goes into a vault the stack already has", () => {
    let dc: DomainController;
    beforeAll(async () => {
        dc = new DomainController("dc05", { ...dcArgs, privateIpAddress: "10.42.1.8", safeModePasswordVault: { keyVaultId: GIVEN_VAULT_ID } });
        await settledDc(dc);
    });

    it("THEN no vault is created: the secret goes into the given vault, read from its id, and the VM gets the role on that secret", async () => {
        expect(recorder.registrations.filter((r) => r.name.startsWith("dc05-vault"))).toStrictEqual([]);
        const secret = recorder.get(SECRET, "dc05-safe-mode-password");
        expect(secret.inputs).toStrictEqual({
            resourceGroupName: "rg-secrets", vaultName: "corp-secrets", secretName: "dc05-safe-mode-password", properties: { value: SAFE_MODE_PASSWORD },
        });
        expect([secret.secretPaths, secret.options.deletedWith]).toStrictEqual([["properties"], null]);
        const reader = recorder.get(ROLE_ASSIGNMENT, "dc05-safe-mode-reader");
        expect([reader.inputs["scope"], reader.inputs["roleDefinitionId"], reader.inputs["principalId"]]).toStrictEqual([
            secret.id,
            "/subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.Authorization/roleDefinitions/4633458b-17de-408a-b874-0445c86b69e6",
            await valueOf(dc.vm.principalId),
        ]);
    });

    it("THEN the promotion is told the given vault's name and the secret's, and follows both", async () => {
        const promote = recorder.get(RUN_COMMAND, "dc05-promote");
        expect(promote.inputs["parameters"]).toStrictEqual([{ name: "KeyVaultName", value: "corp-secrets" }, { name: "SecretName", value: "dc05-safe-mode-password" }]);
        expect(promote.options.dependencies).toContain(recorder.get(ROLE_ASSIGNMENT, "dc05-safe-mode-reader").urn);
        expect(await valueOf(dc.safeModePasswordVaultName)).toBe("corp-secrets");
    });
});

describe("GIVEN a domain controller whose resource group and region are spelled in capitals and spaces", () => {
    it("THEN its vault name's suffix is kept by them as Azure compares them, so another spelling is not a move", async () => {
        const dc = new DomainController("dc06", { ...dcArgs, resourceGroupName: "RG-Corp", location: "West Europe", privateIpAddress: "10.42.1.9" });
        await settledDc(dc);
        expect(recorder.get(SUFFIX, "dc06-vault-suffix").inputs["keepers"]).toStrictEqual({ resourceGroupName: "rg-corp", location: "westeurope" });
    });
});

describe("GIVEN the names a controller's vault and secret get", () => {
    it.each<[string, string]>([
        ["dc01", "dc01"],
        ["DC-Primary", "dc-primary"],
        ["dc_primary.corp", "dc-primary-corp"],
        ["01dc", "dc"],
        ["a-very-long-domain-controller-name", "a-very-long-dom"],
        ["dc--01", "dc-01"],
        ["domain-control-1", "domain-control"],
        ["123", "dc"],
    ])("THEN the VM name %s gives the vault name prefix %s", (vmName, prefix) => {
        expect(vaultNamePrefix(vmName)).toBe(prefix);
    });

    it("THEN every prefix with any eight-character suffix is a Key Vault name: 3-24 letters, digits and hyphens, a letter first, no two hyphens in a row, no hyphen last", () => {
        const names = ["dc01", "DC-Primary", "dc_primary.corp", "01dc", "a-very-long-domain-controller-name", "dc--01", "domain-control-1", "-", "x".repeat(64), "a.b_c-d"]
            .flatMap((vmName) => ["abcd1234", "00000000", "zzzzzzzz"].map((suffix) => keyVaultName(vaultNamePrefix(vmName), suffix)));
        for (const name of names) {
            expect(name, name).toMatch(/^[a-z][a-z0-9-]*[a-z0-9]$/);
            expect(name.length, name).toBeGreaterThanOrEqual(3);
            expect(name.length, name).toBeLessThanOrEqual(MAX_VAULT_NAME);
            expect(name, name).not.toContain("--");
        }
    });

    it("THEN the secret is named after the VM, anything but letters, digits and hyphens made a hyphen", () => {
        expect([safeModeSecretName("dc01"), safeModeSecretName("dc_01.corp")]).toStrictEqual(["dc01-safe-mode-password", "dc-01-corp-safe-mode-password"]);
    });

    it("THEN a key vault id is read whatever the case of its provider, and anything else is not one", () => {
        expect(parseKeyVaultId("/subscriptions/s1/resourceGroups/rg-1/providers/microsoft.keyvault/VAULTS/kv-1")).toStrictEqual({ subscriptionId: "s1", resourceGroupName: "rg-1", vaultName: "kv-1" });
        expect(parseKeyVaultId("/subscriptions/s1/resourceGroups/rg-1/providers/Microsoft.KeyVault/vaults/kv-1/secrets/x")).toBeUndefined();
        expect(parseKeyVaultId("kv-1")).toBeUndefined();
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
        ["a safe-mode vault given by name, not by id", { ...dcArgs, safeModePasswordVault: { keyVaultId: "corp-secrets" } }, [
            { path: "safeModePasswordVault.keyVaultId", message: `"corp-secrets" is not a key vault id (/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.KeyVault/vaults/<name>).` },
        ]],
        ["a safe-mode vault in another subscription than the controller's subnet", {
            ...dcArgs, safeModePasswordVault: { keyVaultId: "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-secrets/providers/Microsoft.KeyVault/vaults/corp-secrets" },
        }, [
            { path: "safeModePasswordVault.keyVaultId", message: `is in subscription "11111111-1111-1111-1111-111111111111", but the controller's subnet is in "00000000-0000-0000-0000-000000000000"; the secret is written through the VM's subscription, so give a vault in that one.` },
        ]],
        ["a safe-mode vault without its id (config passed through untyped)", { ...dcArgs, safeModePasswordVault: {} as { keyVaultId: string } }, [
            { path: "safeModePasswordVault.keyVaultId", message: "is missing; give the id of a key vault with Azure RBAC authorization, or remove safeModePasswordVault to have the controller create one." },
        ]],
    ])("THEN %s is refused with exact messages and nothing is registered", async (_, args, problems) => {
        await expectRefused(() => new DomainController("baddc", args), "DomainController", "baddc", problems);
    });
});

describe("GIVEN the promotion script", () => {
    const script = promoteDomainControllerScript({ domainName: "corp.contoso.com", netbiosName: "CORP", paths: NTDS_PATHS });
    const at = (text: string): number => script.indexOf(text);

    it("THEN its only parameters are the vault's and the secret's names, checked against Key Vault's name rules before they go into a URL", () => {
        expect(script.split("\n").find((line) => !line.startsWith("#"))).toBe("param([string]$KeyVaultName, [string]$SecretName)");
        expect(script).toContain("if ($KeyVaultName -notmatch '^[A-Za-z][A-Za-z0-9-]{1,22}[A-Za-z0-9]$') { throw");
        expect(script).toContain("if ($SecretName -notmatch '^[A-Za-z0-9-]{1,127}$') { throw");
        expect(at("$KeyVaultName -notmatch")).toBeLessThan(at("$SecretUri = "));
    });

    it("THEN it reads the password from Key Vault with the VM's managed identity: a token from the metadata service, directly, then the secret over HTTPS", () => {
        expect(IMDS_KEY_VAULT_TOKEN_URI).toBe("http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fvault.azure.net");
        expect(script).toContain("$token = (Read-JsonResponse 'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fvault.azure.net' 'Metadata' 'true' $true).DocumentElement.SelectSingleNode('access_token').InnerText");
        expect(script).toContain("if ($Direct) { $request.Proxy = New-Object System.Net.WebProxy }");
        expect(script).toContain("$Vault = $KeyVaultName + '.vault.azure.net'\n$SecretUri = 'https://' + $Vault + '/secrets/' + $SecretName + '?api-version=7.4'");
        expect(script).toContain("$secret = Read-JsonResponse $SecretUri 'Authorization' ('Bearer ' + $token) $false");
    });

    it("THEN the password goes into a SecureString through .NET calls alone, never through a cmdlet's parameter, a file, the output or a command line", () => {
        expect(script).toContain("$safeMode = New-Object System.Security.SecureString\n        foreach ($character in $value.InnerText.ToCharArray()) { $safeMode.AppendChar($character) }\n        $safeMode.MakeReadOnly()");
        expect(script).toContain("-SafeModeAdministratorPassword $safeMode -NoRebootOnCompletion -Force\n$safeMode.Dispose()");
        // Only these lines touch the secret's value or the token (PowerShell's names ignore case); none passes it to a
        // cmdlet or prints it.
        expect(script.split("\n").filter((line) => /\$value\b|\$token\b/i.test(line)).map((line) => line.trim())).toStrictEqual([
            "$token = (Read-JsonResponse 'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fvault.azure.net' 'Metadata' 'true' $true).DocumentElement.SelectSingleNode('access_token').InnerText",
            "$secret = Read-JsonResponse $SecretUri 'Authorization' ('Bearer ' + $token) $false",
            "$token = $null",
            "$value = $secret.DocumentElement.SelectSingleNode('value')",
            "if ($null -eq $value -or $value.InnerText.Length -eq 0) { throw 'the secret has no value.' }",
            "foreach ($character in $value.InnerText.ToCharArray()) { $safeMode.AppendChar($character) }",
            "$value = $null",
            "$token = $null",
            "$value = $null",
        ]);
        for (const forbidden of ["ConvertTo-SecureString", "Invoke-RestMethod", "Invoke-WebRequest", "ConvertFrom-Json", "Out-File", "Set-Content", "Start-Transcript"]) {
            expect(script).not.toContain(forbidden);
        }
    });

    it("THEN it retries with backoff for 15 minutes while the VM's role takes effect, then fails naming the vault, the secret and the role", () => {
        expect(SECRET_WAIT_MINUTES).toBe(15);
        expect(script).toContain("$SecretWaitMinutes = 15\n");
        expect(script).toContain("$deadline = (Get-Date).AddMinutes($SecretWaitMinutes)\n$delay = 5\n");
        expect(script).toContain("Start-Sleep -Seconds $delay\n        $delay = [Math]::Min($delay * 2, 60)");
        expect(script).toContain("throw ('could not read the safe-mode password within ' + $SecretWaitMinutes + ' minutes; the forest was not created. Last failure, reading ' + $step + ': ' + $failure + ' This VM''s system-assigned identity needs the role Key Vault Secrets User on the secret ' + $SecretName + ' of the key vault ' + $KeyVaultName + ' (a vault with Azure RBAC authorization), and the vault''s network rules must admit this VM: its subnet with the Microsoft.KeyVault service endpoint, or a private endpoint.')");
    });

    it("THEN it reads the password after the DNS server forwards to Azure DNS (so the vault's name resolves while the VNet's DNS is this machine) and before it creates the forest", () => {
        expect(at("foreach ($name in @('DNS', 'AD-Domain-Services'))")).toBeLessThan(at("Set-DnsServerForwarder -IPAddress '168.63.129.16'\nClear-DnsClientCache"));
        expect(at("Clear-DnsClientCache")).toBeLessThan(at("$SecretUri = "));
        expect(at("while ($null -eq $safeMode)")).toBeLessThan(at("Install-ADDSForest"));
        expect(at("if ($role -ge 4)")).toBeLessThan(at("while ($null -eq $safeMode)"));
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

    it("THEN the controller's DNS server forwards names outside the domain to Azure DNS, set again after the promotion and before the restart", () => {
        expect(AZURE_DNS).toBe("168.63.129.16");
        const after = script.lastIndexOf("Set-DnsServerForwarder -IPAddress '168.63.129.16'");
        expect(at("Install-ADDSForest")).toBeLessThan(after);
        expect(after).toBeLessThan(at("shutdown.exe /r /t 60"));
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
