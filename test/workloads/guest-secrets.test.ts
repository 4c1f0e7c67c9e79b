/**
 * No secret in a guest's process arguments: for the dev and rebuild stacks, every example (the SharePoint farm's
 * configuration steps included), and the components with every option that adds a guest step (a SharePoint farm with
 * every password, its passphrase and its product key given among them), no Run Command on a Windows VM has protected parameters (Run Command passes
 * them, like plain ones, on the script's command line: `script.ps1 -Name value`), no Run Command carries a secret in
 * any field but protected parameters, and no extension carries one in its public settings. A secret is any string of
 * 8 or more characters that any registration of the run sends in a secret field (a password, key, token, custom data
 * or value) inside a secret, in plain or base64, and the canary secrets the runs are given.
 * Not proved here: what the guest does with what it receives (no VM runs here), that the Run Command agent and the
 * extension handlers behave as Microsoft documents, or that a secret the program never marks and never gives in a
 * secret field (a password pasted into a script by hand) is caught: only values seen as secrets are known as secrets.
 */
import * as pulumi from "@pulumi/pulumi";
import * as compute from "@pulumi/azure-native/compute";
import { isRpcSecret, unwrapRpcSecret } from "@pulumi/pulumi/runtime/rpc";
import { beforeAll, describe, expect, it } from "vitest";
import {
    DomainController, LinuxScaleSet, LinuxVm, SharePointFarm, SqlServerVm, WindowsScaleSet, WindowsVm, type DomainControllerArgs, type SqlServerVmArgs,
    type WindowsVmArgs,
} from "../../components";
import type { ProgramRun } from "../../tools/recorder/program";
import { allRegistered, installRecorder, valueOf, type Recorder, type Registration } from "../../tools/recorder/recorder";
import { named, settled } from "../support/components";
import { programErrors } from "../support/examples";
import { ED25519_KEY, SUBNET_ID } from "../support/fixtures";
import { devRun, runExample, runInProcess, typeScriptExamples } from "../support/programs";
import { REPO } from "../support/project-copy";

const RUN_COMMAND = "azure-native:compute:VirtualMachineRunCommandByVirtualMachine";
const EXTENSION = "azure-native:compute:VirtualMachineExtension";
const VM = "azure-native:compute:VirtualMachine";
const SCALE_SET = "azure-native:compute:VirtualMachineScaleSet";

/** Canary secrets the runs are given: none may appear outside a secret. */
const CANARIES = {
    windowsAdmin: "Canary-Windows-Admin-7d41c9",
    domainJoin: "Canary-Domain-Join-2be0f3",
    safeMode: "Canary^Safe&Mode%5a9e17",
    customData: "#cloud-config\n# canary-custom-data-81f2c0\n",
    stackAdmin: "Canary-Stack-Admin-3c8d62",
    exampleAdmin: "Canary-Example-Admin-e04b95",
    farmSetup: "Canary-Farm-Setup-51d0a7",
    farmAccount: "Canary-Farm-Account-8e3b14",
    farmServices: "Canary-Farm-Services-c62f09",
    farmAppPool: "Canary-Farm-AppPool-0a7d53",
    farmPassphrase: "Canary-Farm-Passphrase-94be21",
    productKey: "CANRY-PRDKY-7F3A1-B92C4-E05D8",
};

/** The fields that hold a secret's value: passwords, keys, tokens, custom data, a Key Vault secret's or a parameter's value. */
const SECRET_FIELD = /password|pwd|secret|token|key|customdata|^value$/i;

/**
 * Every string of 8 or more characters in a secret field inside a secret of any registration (not a user name that
 * happens to sit in a secret OS profile), the given canaries, and each one's base64.
 */
function secretStrings(registrations: readonly Registration[], given: readonly string[]): string[] {
    const found = new Set<string>(given);
    const strings = (value: unknown, field: string, inSecret: boolean): void => {
        if (isRpcSecret(value)) {
            strings(unwrapRpcSecret(value), field, true);
        } else if (Array.isArray(value)) {
            value.forEach((item) => strings(item, field, inSecret));
        } else if (value !== null && typeof value === "object") {
            Object.entries(value).forEach(([key, item]) => strings(item, key, inSecret));
        } else if (inSecret && SECRET_FIELD.test(field) && typeof value === "string" && value.length >= 8) {
            found.add(value);
        }
    };
    registrations.forEach((r) => strings(r.rawInputs, "", false));
    return [...found].flatMap((s) => [s, Buffer.from(s, "utf8").toString("base64")]);
}

/** Every string in a value: what a secret could hide in (compared raw, not as JSON, which would escape it). */
function stringsIn(value: unknown): string[] {
    if (typeof value === "string") {
        return [value];
    }
    if (Array.isArray(value)) {
        return value.flatMap(stringsIn);
    }
    return value !== null && typeof value === "object" ? Object.values(value).flatMap(stringsIn) : [];
}

/** The secrets found in a value's strings. */
function secretsIn(value: unknown, secrets: readonly string[]): string[] {
    const strings = stringsIn(value);
    return secrets.filter((secret) => strings.some((s) => s.includes(secret)));
}

/** Whether the VM a guest step runs on is a Windows VM: its OS profile's Windows configuration, or its attached OS disk's type. */
function onWindows(registrations: readonly Registration[], step: Registration): boolean {
    const vmName = step.inputs["vmName"];
    const vm = registrations.find((r) => r.type === VM && r.inputs["vmName"] === vmName);
    if (vm === undefined) {
        throw new Error(`${step.name}: no VM named ${JSON.stringify(vmName)} was registered`);
    }
    const profile = vm.inputs["osProfile"] as { windowsConfiguration?: unknown } | undefined;
    const osDisk = (vm.inputs["storageProfile"] as { osDisk?: { osType?: string } } | undefined)?.osDisk;
    return profile?.windowsConfiguration !== undefined || osDisk?.osType === "Windows";
}

/** What a run's guest steps send in the open, as the test's findings (empty when nothing is wrong). */
function guestLeaks(registrations: readonly Registration[], given: readonly string[]): string[] {
    const secrets = secretStrings(registrations, given);
    const findings: string[] = [];
    for (const command of registrations.filter((r) => r.type === RUN_COMMAND)) {
        if (onWindows(registrations, command) && command.inputs["protectedParameters"] !== undefined) {
            findings.push(`${command.name}: protected parameters on a Windows VM, which Run Command passes on the script's command line`);
        }
        const open = Object.entries(command.inputs).filter(([key]) => key !== "protectedParameters").map(([, value]) => value);
        findings.push(...command.secretPaths.filter((p) => !p.startsWith("protectedParameters")).map((p) => `${command.name}: ${p} is a secret`));
        findings.push(...secretsIn(open, secrets).map(() => `${command.name}: a secret in its script or plain parameters`));
    }
    for (const extension of registrations.filter((r) => r.type === EXTENSION)) {
        findings.push(...extension.secretPaths.filter((p) => p !== "protectedSettings").map((p) => `${extension.name}: ${p} is a secret`));
        findings.push(...secretsIn(extension.inputs["settings"], secrets).map(() => `${extension.name}: a secret in its public settings`));
    }
    for (const scaleSet of registrations.filter((r) => r.type === SCALE_SET)) {
        const profile = scaleSet.inputs["virtualMachineProfile"] as { extensionProfile?: { extensions?: { name: string; settings?: unknown }[] } } | undefined;
        for (const extension of profile?.extensionProfile?.extensions ?? []) {
            findings.push(...secretsIn(extension.settings, secrets).map(() => `${scaleSet.name}/${extension.name}: a secret in its public settings`));
        }
    }
    return findings;
}

function runCommandsOf(registrations: readonly Registration[]): string[] {
    return registrations.filter((r) => r.type === RUN_COMMAND).map((r) => r.name).sort();
}

let recorder: Recorder;
beforeAll(async () => {
    recorder = await installRecorder();
});

const base = { resourceGroupName: "rg", location: "westeurope", subnetId: SUBNET_ID, size: "Standard_D2s_v5" };

describe("GIVEN a Run Command and an extension declared by hand, with the VM's password in the open and a protected parameter", () => {
    it("THEN the check names each finding (it is the check's own test)", async () => {
        const password = "Leak-Passw0rd-For-The-Check";
        const vm = new WindowsVm("gsbad01", { ...base, adminPassword: password, credentialRotation: false });
        const target = { resourceGroupName: "rg", location: "westeurope", vmName: vm.vmName };
        new compute.VirtualMachineRunCommandByVirtualMachine("gsbad01-leak", {
            ...target, runCommandName: "leak", source: { script: "param($Password)" },
            parameters: [{ name: "Password", value: password }], protectedParameters: [{ name: "Other", value: pulumi.secret("not-in-the-open") }],
        });
        new compute.VirtualMachineExtension("gsbad01-leak-ext", {
            ...target, vmExtensionName: "leak", publisher: "Contoso", type: "Leak", typeHandlerVersion: "1.0", settings: { Password: password },
        });
        await settled(vm);
        expect(guestLeaks(named(recorder, "gsbad01"), [])).toStrictEqual([
            "gsbad01-leak: protected parameters on a Windows VM, which Run Command passes on the script's command line",
            "gsbad01-leak: a secret in its script or plain parameters",
            "gsbad01-leak-ext: a secret in its public settings",
        ]);
    });
});

describe("GIVEN the components with every option that adds a guest step, and given or generated credentials", () => {
    let registrations: Registration[];
    beforeAll(async () => {
        const domainJoin = { domainName: "corp.contoso.com", user: "CORP\\joiner", password: CANARIES.domainJoin };
        const dcArgs: DomainControllerArgs = {
            ...base, adminPassword: CANARIES.windowsAdmin, privateIpAddress: "10.42.1.4", domainName: "corp.contoso.com", safeModePassword: CANARIES.safeMode,
        };
        const dc = new DomainController("gsdc01", dcArgs);
        const givenVault = new DomainController("gsdc02", {
            ...base, privateIpAddress: "10.42.1.5", domainName: "corp.contoso.com", safeModePassword: CANARIES.safeMode,
            safeModePasswordVault: { keyVaultId: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-secrets/providers/Microsoft.KeyVault/vaults/corp-secrets" },
        });
        const vms = [
            dc.vm, givenVault.vm,
            new WindowsVm("gswin01", {
                ...base, adminPassword: CANARIES.windowsAdmin, domainJoin: { ...domainJoin, dependsOn: [dc.ready] }, azureMonitor: {},
                dataDisks: [{ name: "data", lun: 0, sizeGb: 64, format: true }],
            }),
            new WindowsVm("gswin02", { ...base, entraIdLogin: true, dataDisks: [{ name: "data", lun: 0, sizeGb: 64, format: true }] }),
            new LinuxVm("gslnx01", {
                ...base, sshPublicKeys: [ED25519_KEY], customData: CANARIES.customData, azureMonitor: {}, entraIdLogin: true,
                dataDisks: [{ name: "data", lun: 0, sizeGb: 64, format: true }],
            }),
            new LinuxVm("gslnx02", { ...base, dataDisks: [{ name: "data", lun: 0, sizeGb: 64, format: true }] }),
        ];
        const sqlArgs: SqlServerVmArgs = {
            ...base, size: "Standard_E4ds_v5", adminPassword: CANARIES.windowsAdmin, domainJoin, sql: { dataDiskSizeGb: 256, logDiskSizeGb: 128, instanceSettings: { maxDop: 1 } },
        };
        const sql = new SqlServerVm("gssql01", sqlArgs);
        const spArgs: WindowsVmArgs = { ...base, size: "Standard_E4s_v5", domainJoin: { ...domainJoin, dependsOn: [dc.ready] } };
        const sp = new WindowsVm("gssp01", spArgs);
        const farm = new SharePointFarm("gsfarm", {
            resourceGroupName: "rg", location: "westeurope", production: false, outbound: "natGateway",
            domainController: { component: dc, args: dcArgs }, sqlServer: { component: sql, args: sqlArgs }, sharePointServer: { component: sp, args: spArgs },
            installSource: {
                isoUri: "https://media01.blob.core.windows.net/sharepoint/OfficeServer.iso",
                storageAccountId: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/media01",
                updates: [{ uri: "https://media01.blob.core.windows.net/sharepoint/uber-subscription-kb0000000-fullfile-x64-glb.exe" }],
            },
            productKey: CANARIES.productKey,
            passwords: { setup: CANARIES.farmSetup, farm: CANARIES.farmAccount, services: CANARIES.farmServices, appPool: CANARIES.farmAppPool, passphrase: CANARIES.farmPassphrase },
        });
        const fleets = [
            new LinuxScaleSet("gsfleet01", { ...base, instanceCount: 2, customData: CANARIES.customData, healthProbe: { protocol: "http", port: 80, requestPath: "/health" } }),
            new WindowsScaleSet("gsfleet02", { ...base, instanceCount: 2, adminPassword: CANARIES.windowsAdmin, healthProbe: { protocol: "tcp", port: 443 } }),
        ];
        await Promise.all([...vms.map(settled), settled(sp), valueOf(dc.ready.urn), valueOf(givenVault.ready.urn), valueOf(sql.vmId), valueOf(farm.ready.urn), ...fleets.map((f) => valueOf(f.urn))]);
        await allRegistered();
        registrations = recorder.registrations.filter((r) => r.name.startsWith("gs") && !r.name.startsWith("gsbad"));
    });

    it("THEN they declare the Run Commands of every kind: promotion, domain wait, disk formats and the SharePoint farm's steps", () => {
        expect(runCommandsOf(registrations)).toStrictEqual([
            "gsdc01-format-ntds", "gsdc01-promote", "gsdc02-format-ntds", "gsdc02-promote",
            "gsfarm-1-ad-accounts", "gsfarm-2-sql-config", "gsfarm-3-sp-prerequisites", "gsfarm-4-restart-after-prerequisites", "gsfarm-5-sp-binaries",
            "gsfarm-6-restart-after-binaries", "gsfarm-7-sp-updates", "gsfarm-8-restart-after-updates", "gsfarm-9-sp-farm",
            "gslnx01-format-data", "gslnx02-format-data", "gssp01-wait-domain", "gssql01-wait-domain", "gswin01-format-data", "gswin01-wait-domain", "gswin02-format-data",
        ]);
    });

    it("THEN no Windows Run Command has protected parameters, and no Run Command or extension sends a secret in the open", () => {
        expect(guestLeaks(registrations, Object.values(CANARIES))).toStrictEqual([]);
    });
});

describe("GIVEN the stack programs and the examples, as pulumi preview runs them", () => {
    const examples = typeScriptExamples();
    const runs: [string, () => Promise<ProgramRun>][] = [
        ["the dev stack", () => devRun()],
        ["the dev stack with app01's password in the secret config", () => devRun({ secretConfig: { "azure-persistent-vm:adminPasswords": { app01: CANARIES.stackAdmin } } })],
        ["the rebuild stack", () => runInProcess({ projectDir: REPO, stack: "rebuild" })],
        ...examples.map((name): [string, () => Promise<ProgramRun>] => [`examples/${name}`, () => runExample(name)]),
        ["examples/sharepoint-farm with the domain administrator's password given", () => runExample("sharepoint-farm", { secretConfig: { "apvm-sharepoint-farm:domainAdminPassword": CANARIES.exampleAdmin } })],
        ["examples/sql-server with the administrator's password given", () => runExample("sql-server", { secretConfig: { "apvm-sql-server:adminPassword": CANARIES.exampleAdmin } })],
        ["examples/sharepoint-farm with the farm's product key given", () => runExample("sharepoint-farm", { secretConfig: { "apvm-sharepoint-farm:sharePointProductKey": CANARIES.productKey } })],
    ];

    it.each(runs)("THEN %s sends no secret to a guest in the open and no protected parameter to a Windows Run Command", async (_, run) => {
        const result = await run();
        expect(result.exitCode, programErrors(result)).toBe(0);
        expect(guestLeaks(result.registrations, Object.values(CANARIES))).toStrictEqual([]);
    });
});
