/**
 * The component provider as a program in another language uses it: one plugin process, started from its compiled
 * JavaScript as the Node.js language host starts it, asked over gRPC for its info, its schema and a Construct per
 * scenario. Each Construct sends a YAML-like property map (schema names, plain values, as a Pulumi YAML program sends
 * them; secrets and values from other resources as the output values the engine sends to a provider that accepts
 * them, as this one does) and must register, under the recorder, exactly what the TypeScript constructor registers
 * for the same arguments in this process: the same resources, names, parents, custom flags, inputs, secret paths,
 * property dependencies and options, and log the same warnings. Where a TypeScript type cannot cross languages, the
 * TypeScript side uses the TypeScript form and the Construct side the contract's documented substitute (`waitFor`
 * for `domainJoin.dependsOn`; `lastGuestStepUrn`, `readyUrn` and the flattened VM outputs for resource handles).
 * Inputs that arrive in other forms (nested secrets without output values, unknowns, wrong shapes) are the cases of
 * arriving-outputs.ts, which this file imports so that every Construct test shares its one plugin process.
 * Not proved here: what the engine itself sends for a program (the test writes the wire form: the SDK's own
 * serialization of the program's values, and output values by hand), the SDKs generated for each language and their
 * programs (no Pulumi CLI here), the engine's diff against a stack's state, and that Azure accepts what is registered.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as pulumi from "@pulumi/pulumi";
import * as resources from "@pulumi/azure-native/resources";
import { serializeProperties } from "@pulumi/pulumi/runtime/rpc";
import {
    BackupVault, DomainController, LinuxScaleSet, LinuxVm, SqlServerVm, VmNetwork, WindowsScaleSet, WindowsVm, type BackupVaultArgs,
    type DomainControllerArgs, type LinuxScaleSetArgs, type LinuxVmArgs, type SqlServerVmArgs, type VmNetworkArgs, type WindowsScaleSetArgs,
    type WindowsVmArgs,
} from "../../components";
import { BACKUP_VAULT, DOMAIN_CONTROLLER, LINUX_SCALE_SET, LINUX_VM, SQL_SERVER_VM, VM_NETWORK, WINDOWS_SCALE_SET, WINDOWS_VM } from "../../provider/contracts";
import { installRecorder, valueOf, type LogEntry, type Registration } from "../../tools/recorder/recorder";
import { DISK_ID_PREFIX, ED25519_KEY, NSG_ID, SUBNET_ID } from "../support/fixtures";
import {
    PROJECT, PROVIDER_DIR, STACK, STACK_URN, byUrn, construct, expectedState, pluginSchema, pluginVersion, runTypeScript, shown, startPlugin, subtree,
    wireOutput, wireSecret, type ConstructCall, type Constructed, type Plugin,
} from "../support/plugin";
import { usePlugin } from "./arriving-outputs";

let plugin: Plugin;
beforeAll(async () => {
    // The SDK's serialization in this process asks its monitor what it supports (secrets), as a program's would.
    await installRecorder({ project: PROJECT, stack: STACK, preview: true });
    plugin = await startPlugin();
    usePlugin(plugin);
});
afterAll(async () => {
    await plugin.stop();
});

const SUB = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers";
const ASG_ID = `${SUB}/Microsoft.Network/applicationSecurityGroups/net-asg-linux`;
const AVAILABILITY_SET_ID = `${SUB}/Microsoft.Compute/availabilitySets/web-avset`;
const GALLERY_IMAGE_ID = `${SUB}/Microsoft.Compute/galleries/gallery/images/app`;
const SNAPSHOT_ID = `${SUB}/Microsoft.Compute/snapshots/data-snap`;
const STORAGE_ID = `${SUB}/Microsoft.Storage/storageAccounts/vhds`;
const DES_ID = `${SUB}/Microsoft.Compute/diskEncryptionSets/des`;
const DCR_ID = `${SUB}/Microsoft.Insights/dataCollectionRules/dcr`;
const POLICY_ID = `${SUB}/Microsoft.RecoveryServices/vaults/vault/backupPolicies/daily`;
const POOL_ID = `${SUB}/Microsoft.Network/loadBalancers/lb/backendAddressPools/web`;
const KEY_VAULT_ID = `${SUB}/Microsoft.KeyVault/vaults/corp-secrets`;
const VHD_URI = "https://vhds.blob.core.windows.net/vhds/os.vhd";
const ADMIN_PASSWORD = "Construct-Admin-Pw-1!";
const JOIN_PASSWORD = "Construct-Join-Pw-2!";
const SAFE_MODE_PASSWORD = "Construct-SafeMode-Pw-3!";

/** A secret as the engine sends it to a provider that accepts output values. */
const secret = (value: string) => wireOutput(value, { secret: true });

/** One scenario: a component declared by a TypeScript program and by a program in another language. */
interface Scenario<C extends pulumi.ComponentResource> {
    /** The describe's title: GIVEN ... WHEN ... */
    readonly title: string;
    readonly type: string;
    readonly name: string;
    /** How many resources the component registers, itself included. */
    readonly count: number;
    /** The TypeScript program: declares the component (and what it depends on) and returns it. */
    readonly declare: () => C;
    /** The Construct's property map: program values, or wire objects written by hand (output values). */
    readonly inputs: Record<string, unknown>;
    /** Input name -> the URNs its value comes from, as the engine sends them. */
    readonly inputDependencies?: Record<string, string[]>;
    /** The component's own resource options, as the engine sends a program's (`protect`, `dependsOn` as URNs). */
    readonly options?: Pick<ConstructCall, "protect" | "dependencies">;
    /** The TypeScript component's Output for each output the schema declares (substitutes included). */
    readonly outputs: (component: C) => Record<string, pulumi.Output<unknown> | undefined>;
    /** Outputs the component does not set in this scenario. */
    readonly absent?: readonly string[];
    /** Secret outputs and the recorder's placeholder each holds. */
    readonly secrets?: Readonly<Record<string, string>>;
    /** The warnings the component logs, on both sides. */
    readonly warnings?: readonly string[];
}

const SCHEMA = JSON.parse(fs.readFileSync(path.join(PROVIDER_DIR, "schema.json"), "utf8")) as {
    resources: Record<string, { properties?: Record<string, unknown>; inputProperties?: Record<string, unknown> }>;
};

/** The arguments each component's scenarios send, by type token (filled as the scenarios are declared). */
const SENT = new Map<string, Set<string>>();

/** The output names the committed schema declares for a component, sorted. */
function schemaOutputs(token: string): string[] {
    return Object.keys(SCHEMA.resources[token]?.properties ?? {}).sort();
}

/**
 * Declares the scenario's describe: the TypeScript program runs in this process, then Construct with the property map
 * serialized by the SDK's own rpc serialization (a hand-written wire object inside passes through as it is).
 */
function scenario<C extends pulumi.ComponentResource>(s: Scenario<C>): void {
    SENT.set(s.type, new Set([...(SENT.get(s.type) ?? []), ...Object.keys(s.inputs)]));
    describe(s.title, () => {
        let component: C;
        let typescript: Registration[];
        let typescriptLogs: readonly LogEntry[];
        let constructed: Constructed;
        beforeAll(async () => {
            let declared: C | undefined;
            const run = await runTypeScript(() => {
                declared = s.declare();
            });
            if (declared === undefined) {
                throw new Error("the program declared nothing");
            }
            component = declared;
            typescript = subtree(run.registrations, await valueOf(component.urn));
            typescriptLogs = run.logs;
            const inputs = await serializeProperties("construct inputs", s.inputs);
            constructed = await construct(plugin, { type: s.type, name: s.name, inputs, inputDependencies: s.inputDependencies, ...s.options });
        });

        it(`THEN Construct registers exactly what new ${s.type.split(":")[2]}(...) registers (${s.count} resources, the component under the stack) and logs the same`, () => {
            expect(constructed.error?.details).toBeUndefined();
            expect(byUrn(constructed.registrations)).toEqual(byUrn(typescript));
            expect(constructed.registrations).toHaveLength(s.count);
            const registered = constructed.registrations.find((r) => r.type === s.type && r.name === s.name);
            expect([registered?.parent, constructed.urn]).toEqual([STACK_URN, registered?.urn]);
            expect(shown(constructed.logs)).toEqual(shown(typescriptLogs));
            expect(shown(constructed.logs).map((l) => `${l.severity}: ${l.message}`)).toEqual((s.warnings ?? []).map((w) => `warning: ${w}`));
        });

        const absent = s.absent ?? [];
        const secrets = Object.keys(s.secrets ?? {});
        it(`THEN it returns every output the schema declares${absent.length > 0 ? ` but ${absent.join(", ")}` : ""}, with the TypeScript component's values and dependencies${secrets.length > 0 ? `, ${secrets.join(", ")} as a secret` : ""}`, async () => {
            const outputs = s.outputs(component);
            expect(Object.keys(outputs).sort()).toEqual(schemaOutputs(s.type));
            const state = constructed.state ?? {};
            expect(Object.keys(state).sort()).toEqual(schemaOutputs(s.type).filter((o) => !absent.includes(o)));
            expect({ state, stateDependencies: constructed.stateDependencies }).toEqual(await expectedState(outputs));
            for (const [output, placeholder] of Object.entries(s.secrets ?? {})) {
                expect(state[output]).toEqual(wireSecret(placeholder));
            }
        });
    });
}

describe("GIVEN the plugin started from its compiled JavaScript WHEN the engine asks for its info and its schema", () => {
    it("THEN it started, printing only its port, and its version is the plugin package's", async () => {
        const manifest = JSON.parse(fs.readFileSync(path.join(PROVIDER_DIR, "package.json"), "utf8")) as { version: string };
        expect(await pluginVersion(plugin)).toBe(manifest.version);
        expect(plugin.output()).toMatch(/^\d+\n$/);
    });

    it("THEN its schema is the committed provider/schema.json, and it serves each of its resources", async () => {
        expect(JSON.parse(await pluginSchema(plugin))).toEqual(SCHEMA);
        expect(Object.keys(SCHEMA.resources).sort()).toEqual([BACKUP_VAULT, DOMAIN_CONTROLLER, LINUX_SCALE_SET, LINUX_VM, SQL_SERVER_VM, VM_NETWORK, WINDOWS_SCALE_SET, WINDOWS_VM]);
    });
});

// ---- LinuxVm ----

/** The outputs of a VM as the schema offers them; `lastGuestStepUrn` is the substitute for `lastGuestStep`. */
function vmOutputs(vm: LinuxVm | WindowsVm): Record<string, pulumi.Output<unknown> | undefined> {
    return {
        vmId: vm.vmId, vmName: vm.vmName, privateIpAddress: vm.privateIpAddress, nicId: vm.nicId, osDiskName: vm.osDiskName,
        dataDiskIds: vm.dataDiskIds, principalId: vm.principalId, lastGuestStepUrn: vm.lastGuestStep.urn,
        ...(vm instanceof LinuxVm ? { generatedPrivateKey: vm.generatedPrivateKey } : { generatedAdminPassword: vm.generatedAdminPassword }),
    };
}

const PLACED = { resourceGroupName: "rg", location: "westeurope", subnetId: SUBNET_ID };

{
    const args = { ...PLACED, size: "Standard_D2s_v5" } satisfies LinuxVmArgs;
    scenario({
        title: "GIVEN a LinuxVm with only its required arguments WHEN a program in another language declares it",
        type: LINUX_VM, name: "web01", count: 5,
        declare: () => new LinuxVm("web01", args),
        inputs: args,
        outputs: vmOutputs,
        secrets: { generatedPrivateKey: "placeholder-private-key-of-web01-ssh-key" },
    });
}

{
    /** Every LinuxVm option that goes with a marketplace image and a zone (the others are in the next scenarios). */
    const args = {
        ...PLACED,
        networkSecurityGroupId: NSG_ID,
        applicationSecurityGroupIds: [ASG_ID],
        vmName: "db-primary",
        size: "Standard_E4s_v5",
        zone: "2",
        preflightFacts: {
            size: { premiumStorage: true, maxDataDisks: 8, generations: [2], trustedLaunch: true, vcpus: 4, memoryGb: 32, acceleratedNetworking: "required" },
            regionHasZones: true, imageGeneration: 2,
        },
        imageReference: { publisher: "Canonical", offer: "ubuntu-24_04-lts", sku: "server", version: "24.04.202501010" },
        plan: { name: "server", product: "ubuntu-24_04-lts", publisher: "Canonical" },
        securityType: "TrustedLaunch",
        adminUsername: "dbadmin",
        computerName: "dbprimary",
        osDisk: { sizeGb: 128, sku: "Premium_ZRS", caching: "ReadOnly" },
        dataDisks: [
            { name: "data", lun: 0, sizeGb: 512, sku: "Premium_LRS", caching: "ReadOnly", format: true, fileSystem: "xfs", protection: "protect" },
            { name: "logs", lun: 1, sizeGb: 128, sku: "PremiumV2_LRS", caching: "None", format: false, protection: "retain" },
            { name: "copy", lun: 2, source: { copyFrom: SNAPSHOT_ID }, protection: "delete" },
            { name: "imported", lun: 3, sizeGb: 64, source: { importVhd: { uri: "https://vhds.blob.core.windows.net/vhds/data.vhd", storageAccountId: STORAGE_ID } } },
            { name: "adopted", lun: 4, sizeGb: 256, sku: "Premium_LRS", source: { adoptId: `${DISK_ID_PREFIX}orphan` } },
            { name: "shared", lun: 5, source: { existingId: `${DISK_ID_PREFIX}kept` } },
        ],
        diskProtection: "retain",
        lock: { kind: "CanNotDelete", name: "keep-data" },
        privateIpAddress: "10.0.1.10",
        publicIp: true,
        encryptionAtHost: true,
        acceleratedNetworking: true,
        licenseType: "None",
        diskEncryptionSetId: DES_ID,
        credentialRotation: true,
        entraIdLogin: true,
        azureMonitor: { dataCollectionRuleId: DCR_ID },
        backup: { policyId: POLICY_ID },
        tags: { env: "prod", owner: "data-team" },
        sshPublicKeys: [ED25519_KEY],
        customData: "#cloud-config\npackages: [nginx]\n",
    } satisfies LinuxVmArgs;
    scenario({
        title: "GIVEN a zonal LinuxVm from a marketplace image with every option that goes with one WHEN a program in another language declares it",
        type: LINUX_VM, name: "db01", count: 21,
        declare: () => new LinuxVm("db01", args),
        inputs: args,
        outputs: vmOutputs,
        absent: ["generatedPrivateKey"],
    });
}

{
    const args = {
        ...PLACED, size: "Standard_D2s_v5", availabilitySetId: AVAILABILITY_SET_ID, image: "ubuntu-22.04", securityType: "Standard",
        dataAccessAuthMode: "AzureActiveDirectory", credentialRotation: false, entraIdLogin: false, publicIp: false, encryptionAtHost: false,
        dataDisks: [{ name: "data", lun: 0, sizeGb: 64 }], diskProtection: "delete", lock: { kind: "None" }, sshPublicKeys: [ED25519_KEY],
    } satisfies LinuxVmArgs;
    scenario({
        title: "GIVEN a LinuxVm from a catalogue image in an availability set, with Entra ID disk access and no access extension WHEN a program in another language declares it",
        type: LINUX_VM, name: "web02", count: 4,
        declare: () => new LinuxVm("web02", args),
        inputs: args,
        outputs: vmOutputs,
        absent: ["generatedPrivateKey"],
    });
}

{
    const args = {
        ...PLACED, size: "Standard_D2s_v5", securityType: "Standard",
        osDisk: { sizeGb: 64, sku: "StandardSSD_LRS", caching: "ReadWrite", hyperVGeneration: "V1", source: { importVhd: { uri: VHD_URI, storageAccountId: STORAGE_ID } } },
    } satisfies LinuxVmArgs;
    scenario({
        title: "GIVEN a LinuxVm built from an imported VHD (a Gen1 OS disk) WHEN a program in another language declares it",
        type: LINUX_VM, name: "legacy01", count: 4,
        declare: () => new LinuxVm("legacy01", args),
        inputs: args,
        outputs: vmOutputs,
        absent: ["generatedPrivateKey"],
    });
}

{
    // No VM yet: the OS disk awaits its upload. The size and phase cross as an integer and an enum value.
    const args = {
        ...PLACED, size: "Standard_D2s_v5",
        osDisk: { hyperVGeneration: "V2", source: { upload: { sizeBytes: 30 * 1_073_741_824 + 512, phase: "upload" } } },
        dataDisks: [{ name: "data", lun: 0, source: { upload: { sizeBytes: 64 * 1_073_741_824 + 512, phase: "upload" } } }],
    } satisfies LinuxVmArgs;
    const awaiting = (what: string, disk: string, then: string) => `LinuxVm "lifted01": ${what} is "upload": ${disk} accepts an upload from any network and ${then}`;
    const steps = (disk: string) => `upload the VHD (az disk grant-access -n ${disk} --access-level Write, then azcopy copy <file>.vhd <sas> --blob-type PageBlob), run az disk revoke-access -n ${disk}, then set phase: "attach"`;
    scenario({
        title: "GIVEN a LinuxVm whose OS and data VHDs are being uploaded (no VM yet) WHEN a program in another language declares it",
        type: LINUX_VM, name: "lifted01", count: 4,
        warnings: [
            awaiting("osDisk.source.upload.phase", `the OS disk "lifted01-os-disk"`, `the VM is not created yet; ${steps("lifted01-os-disk")}, which creates the VM.`),
            awaiting("dataDisks[0].source.upload.phase", `the disk "lifted01-disk-data"`, `is not attached; ${steps("lifted01-disk-data")}, which attaches it.`),
        ],
        declare: () => new LinuxVm("lifted01", args),
        inputs: args,
        outputs: vmOutputs,
        absent: ["generatedPrivateKey"],
    });
}

{
    const args = { ...PLACED, size: "Standard_D2s_v5", galleryImageId: GALLERY_IMAGE_ID, sshPublicKeys: [ED25519_KEY] } satisfies LinuxVmArgs;
    scenario({
        title: "GIVEN a LinuxVm from a gallery image WHEN a program in another language declares it",
        type: LINUX_VM, name: "web03", count: 4,
        warnings: [`LinuxVm "web03": image the gallery image may be Gen1 or Gen2; Trusted Launch needs Gen2, which is not checked (set preflightFacts.imageGeneration).`],
        declare: () => new LinuxVm("web03", args),
        inputs: args,
        outputs: vmOutputs,
        absent: ["generatedPrivateKey"],
    });
}

// ---- WindowsVm ----

{
    const args = { ...PLACED, size: "Standard_D2s_v5" } satisfies WindowsVmArgs;
    scenario({
        title: "GIVEN a WindowsVm with only its required arguments WHEN a program in another language declares it",
        type: WINDOWS_VM, name: "app01", count: 5,
        declare: () => new WindowsVm("app01", args),
        inputs: args,
        outputs: vmOutputs,
        secrets: { generatedAdminPassword: "placeholder-password-of-app01-admin-password" },
    });
}

/** The domain join of the scenarios that join one; `password`, and `dependsOn` or `waitFor`, are added by each side. */
const JOIN = { domainName: "corp.contoso.com", user: "CORP\\joiner", ouPath: "OU=Servers,DC=corp,DC=contoso,DC=com", waitTimeoutMinutes: 45 };

/** The controller a joining VM waits for, declared by the TypeScript program beside the VM. */
const declareController = () =>
    new DomainController("dc01", { ...PLACED, size: "Standard_D2s_v5", privateIpAddress: "10.0.1.4", domainName: "corp.contoso.com", safeModePassword: pulumi.secret(SAFE_MODE_PASSWORD) });

/** That controller's promotion (its `ready`, whose URN is its `readyUrn` output). */
const READY_URN = "urn:pulumi:construct::azure-persistent-vm::azure-persistent-vm:index:DomainController$azure-native:compute:VirtualMachineRunCommandByVirtualMachine::dc01-promote";

/**
 * The join as the engine sends it: the password a secret, and `waitFor` (the substitute for `dependsOn`) holding the
 * controller's `readyUrn` output, which depends on the promotion: an output value with that dependency, as the engine
 * sends `${dc.readyUrn}`. The argument's dependencies name the promotion too.
 */
const JOIN_WAITING = { ...JOIN, password: secret(JOIN_PASSWORD), waitFor: [wireOutput(READY_URN, { dependencies: [READY_URN] })] };

{
    /** Every WindowsVm option that goes with a gallery image and a domain join (Entra ID sign-in excludes the join). */
    const args = {
        ...PLACED,
        networkSecurityGroupId: NSG_ID,
        applicationSecurityGroupIds: [ASG_ID],
        vmName: "app-primary",
        size: "Standard_D4s_v5",
        zone: "1",
        preflightFacts: { size: { premiumStorage: true, maxDataDisks: 8, generations: [1, 2], trustedLaunch: true }, regionHasZones: true, imageGeneration: 2 },
        galleryImageId: GALLERY_IMAGE_ID,
        securityType: "TrustedLaunch",
        adminUsername: "appadmin",
        computerName: "APP01",
        osDisk: { sizeGb: 256, sku: "Premium_LRS", caching: "ReadWrite" },
        dataDisks: [
            { name: "data", lun: 0, sizeGb: 256, sku: "Premium_LRS", caching: "ReadOnly", format: true, fileSystem: "ReFS", protection: "protect" },
            { name: "scratch", lun: 1, sizeGb: 32, sku: "StandardSSD_LRS", caching: "None", format: true, fileSystem: "NTFS", protection: "delete" },
        ],
        diskProtection: "protect",
        lock: { kind: "CanNotDelete" },
        privateIpAddress: "10.0.1.20",
        publicIp: true,
        encryptionAtHost: true,
        acceleratedNetworking: true,
        licenseType: "Windows_Server",
        diskEncryptionSetId: DES_ID,
        credentialRotation: true,
        entraIdLogin: false,
        azureMonitor: { dataCollectionRuleId: DCR_ID },
        backup: { policyId: POLICY_ID },
        tags: { env: "prod" },
    } satisfies WindowsVmArgs;
    scenario({
        title: "GIVEN a zonal WindowsVm from a gallery image that joins a DomainController's domain, with every option that goes with a join WHEN a program in another language declares it",
        type: WINDOWS_VM, name: "app02", count: 16,
        declare: () => {
            const dc = declareController();
            // TypeScript's form: the join depends on the controller's promotion, a resource.
            return new WindowsVm("app02", { ...args, adminPassword: pulumi.secret(ADMIN_PASSWORD), domainJoin: { ...JOIN, password: pulumi.secret(JOIN_PASSWORD), dependsOn: [dc.ready] } });
        },
        inputs: { ...args, adminPassword: secret(ADMIN_PASSWORD), domainJoin: JOIN_WAITING },
        inputDependencies: { domainJoin: [READY_URN] },
        outputs: vmOutputs,
        absent: ["generatedAdminPassword"],
    });
}

{
    const args = {
        ...PLACED, size: "Standard_D4s_v5", availabilitySetId: AVAILABILITY_SET_ID, entraIdLogin: true, dataAccessAuthMode: "AzureActiveDirectory",
        osDisk: { source: { copyFrom: `${SUB}/Microsoft.Compute/snapshots/app-os` }, vmAgentInstalled: true }, credentialRotation: false,
        dataDisks: [{ name: "data", lun: 0, sizeGb: 128, sku: "Premium_LRS", source: { adoptId: `${DISK_ID_PREFIX}app-data` } }],
    } satisfies WindowsVmArgs;
    scenario({
        title: "GIVEN a WindowsVm rebuilt from a snapshot of its OS disk in an availability set, with Entra ID sign-in and disk access WHEN a program in another language declares it",
        type: WINDOWS_VM, name: "app03", count: 7,
        warnings: [`WindowsVm "app03": osDisk.source the attached OS disk may be Gen1 or Gen2; Trusted Launch needs Gen2, which is not checked (set preflightFacts.imageGeneration).`],
        declare: () => new WindowsVm("app03", args),
        inputs: args,
        outputs: vmOutputs,
        absent: ["generatedAdminPassword"],
    });
}

{
    // A password given in plain (a YAML program's literal): the component treats it as a secret on both sides.
    const args = {
        ...PLACED, size: "Standard_D2s_v5", adminPassword: ADMIN_PASSWORD,
        imageReference: { publisher: "MicrosoftWindowsServer", offer: "WindowsServer", sku: "2022-datacenter-azure-edition", version: "latest" },
        plan: { name: "2022-datacenter-azure-edition", product: "WindowsServer", publisher: "MicrosoftWindowsServer" },
    } satisfies WindowsVmArgs;
    scenario({
        title: "GIVEN a WindowsVm from a marketplace image with a plan, whose password the program gives in plain WHEN a program in another language declares it",
        type: WINDOWS_VM, name: "app04", count: 4,
        warnings: [
            `WindowsVm "app04": image MicrosoftWindowsServer:WindowsServer:2022-datacenter-azure-edition:latest may be Gen1 or Gen2; Trusted Launch needs Gen2, which is not checked (set preflightFacts.imageGeneration).`,
        ],
        declare: () => new WindowsVm("app04", args),
        inputs: args,
        outputs: vmOutputs,
        absent: ["generatedAdminPassword"],
    });
}

{
    const args = { ...PLACED, size: "Standard_D2s_v5", image: "windows-server-2019" } satisfies WindowsVmArgs;
    scenario({
        title: "GIVEN a WindowsVm from a catalogue image WHEN a program in another language declares it",
        type: WINDOWS_VM, name: "app05", count: 5,
        declare: () => new WindowsVm("app05", args),
        inputs: args,
        outputs: vmOutputs,
        secrets: { generatedAdminPassword: "placeholder-password-of-app05-admin-password" },
    });
}

// ---- SqlServerVm ----

/** The outputs of a SqlServerVm as the schema offers them: its own, and its `vm` child's flattened. */
function sqlOutputs(sql: SqlServerVm): Record<string, pulumi.Output<unknown> | undefined> {
    return {
        sqlVirtualMachineId: sql.sqlVirtualMachineId, vmId: sql.vmId, privateIpAddress: sql.privateIpAddress, generatedAdminPassword: sql.generatedAdminPassword,
        vmName: sql.vm.vmName, nicId: sql.vm.nicId, osDiskName: sql.vm.osDiskName, dataDiskIds: sql.vm.dataDiskIds, principalId: sql.vm.principalId,
        lastGuestStepUrn: sql.vm.lastGuestStep.urn,
    };
}

{
    const args = { ...PLACED, size: "Standard_E4ds_v5", sql: { dataDiskSizeGb: 256, logDiskSizeGb: 128 } } satisfies SqlServerVmArgs;
    scenario({
        title: "GIVEN a SqlServerVm with only its required arguments WHEN a program in another language declares it",
        type: SQL_SERVER_VM, name: "sql01", count: 9,
        declare: () => new SqlServerVm("sql01", args),
        inputs: args,
        outputs: sqlOutputs,
        secrets: { generatedAdminPassword: "placeholder-password-of-sql01-admin-password" },
    });
}

{
    const args = {
        ...PLACED,
        networkSecurityGroupId: NSG_ID,
        applicationSecurityGroupIds: [ASG_ID],
        vmName: "sql-primary",
        size: "Standard_E4s_v5",
        zone: "3",
        preflightFacts: { size: { premiumStorage: true, maxDataDisks: 8, generations: [2], trustedLaunch: true }, regionHasZones: true },
        securityType: "TrustedLaunch",
        adminUsername: "sqladmin",
        computerName: "SQL01",
        osDisk: { sizeGb: 256, sku: "Premium_LRS", caching: "ReadWrite" },
        diskProtection: "retain",
        lock: { kind: "CanNotDelete", name: "keep-sql" },
        privateIpAddress: "10.0.1.30",
        publicIp: false,
        encryptionAtHost: true,
        acceleratedNetworking: true,
        licenseType: "Windows_Server",
        diskEncryptionSetId: DES_ID,
        credentialRotation: true,
        entraIdLogin: false,
        azureMonitor: { dataCollectionRuleId: DCR_ID },
        backup: { policyId: POLICY_ID },
        tags: { env: "prod" },
        sql: {
            edition: "enterprise", licenseType: "AHUB", dataDiskSizeGb: 512, logDiskSizeGb: 128, tempDb: "disk", tempDbDiskSizeGb: 64, port: 14330, storageWorkload: "OLTP",
            dataDisks: { count: 2, sku: "Premium_LRS", iops: 4000, throughputMBps: 300 },
            logDisks: { count: 1, sku: "PremiumV2_LRS", iops: 4000, throughputMBps: 200 },
            systemDatabasesOnDataDisk: false,
            instanceSettings: {
                maxDop: 4, minServerMemoryMb: 2048, maxServerMemoryMb: 24_000, lockPagesInMemory: true, instantFileInitialization: true,
                optimizeForAdHocWorkloads: true, collation: "Latin1_General_100_CI_AS_SC_UTF8",
            },
            assessment: { enabled: true, schedule: { dayOfWeek: "Sunday", startTime: "23:00", weeklyInterval: 2 }, runImmediately: false },
        },
    } satisfies SqlServerVmArgs;
    scenario({
        title: "GIVEN a zonal SqlServerVm with striped pools, tempdb on a disk, its instance settings and the assessment, that joins a DomainController's domain, with every option that goes with new storage WHEN a program in another language declares it",
        type: SQL_SERVER_VM, name: "sql02", count: 19,
        declare: () => {
            const dc = declareController();
            return new SqlServerVm("sql02", { ...args, adminPassword: pulumi.secret(ADMIN_PASSWORD), domainJoin: { ...JOIN, password: pulumi.secret(JOIN_PASSWORD), dependsOn: [dc.ready] } });
        },
        inputs: { ...args, adminPassword: secret(ADMIN_PASSWORD), domainJoin: JOIN_WAITING },
        inputDependencies: { domainJoin: [READY_URN] },
        outputs: sqlOutputs,
        absent: ["generatedAdminPassword"],
    });
}

{
    const args = {
        ...PLACED, size: "Standard_E4ds_v5", availabilitySetId: AVAILABILITY_SET_ID, dataAccessAuthMode: "AzureActiveDirectory", entraIdLogin: true,
        sql: {
            edition: "standard", licenseType: "PAYG", dataDiskSizeGb: 256, logDiskSizeGb: 128, tempDb: "local", existingStorage: true,
            dataDiskSource: { existingId: `${DISK_ID_PREFIX}sql-data` }, logDiskSource: { copyFrom: `${SUB}/Microsoft.Compute/snapshots/sql-log` },
        },
    } satisfies SqlServerVmArgs;
    scenario({
        title: "GIVEN a SqlServerVm lifted with its existing SQL disks into an availability set, with Entra ID sign-in and disk access WHEN a program in another language declares it",
        type: SQL_SERVER_VM, name: "sql03", count: 9,
        declare: () => new SqlServerVm("sql03", args),
        inputs: args,
        outputs: sqlOutputs,
        secrets: { generatedAdminPassword: "placeholder-password-of-sql03-admin-password" },
    });
}

// ---- DomainController ----

/** The outputs of a DomainController as the schema offers them: `readyUrn` for `ready`, its `vm` child's flattened. */
function controllerOutputs(dc: DomainController): Record<string, pulumi.Output<unknown> | undefined> {
    return {
        privateIpAddress: dc.privateIpAddress, domainName: dc.domainName, netbiosName: dc.netbiosName, vmId: dc.vmId,
        generatedAdminPassword: dc.generatedAdminPassword, safeModePasswordVaultName: dc.safeModePasswordVaultName, readyUrn: dc.ready.urn,
        vmName: dc.vm.vmName, nicId: dc.vm.nicId, osDiskName: dc.vm.osDiskName, dataDiskIds: dc.vm.dataDiskIds, principalId: dc.vm.principalId,
    };
}

{
    const args = { ...PLACED, size: "Standard_D2s_v5", privateIpAddress: "10.0.1.4", domainName: "corp.contoso.com" } satisfies Omit<DomainControllerArgs, "safeModePassword">;
    scenario({
        title: "GIVEN a DomainController with only its required arguments WHEN a program in another language declares it",
        type: DOMAIN_CONTROLLER, name: "dc02", count: 12,
        declare: () => new DomainController("dc02", { ...args, safeModePassword: pulumi.secret(SAFE_MODE_PASSWORD) }),
        inputs: { ...args, safeModePassword: secret(SAFE_MODE_PASSWORD) },
        outputs: controllerOutputs,
        secrets: { generatedAdminPassword: "placeholder-password-of-dc02-admin-password" },
    });
}

{
    const args = {
        ...PLACED,
        networkSecurityGroupId: NSG_ID,
        applicationSecurityGroupIds: [ASG_ID],
        vmName: "dc-primary",
        size: "Standard_D4s_v5",
        zone: "1",
        preflightFacts: { size: { premiumStorage: true, maxDataDisks: 4, generations: [2], trustedLaunch: true }, regionHasZones: true, imageGeneration: 2 },
        imageReference: { publisher: "MicrosoftWindowsServer", offer: "WindowsServer", sku: "2022-datacenter-azure-edition", version: "latest" },
        plan: { name: "2022-datacenter-azure-edition", product: "WindowsServer", publisher: "MicrosoftWindowsServer" },
        securityType: "TrustedLaunch",
        adminUsername: "corpadmin",
        computerName: "DC01",
        osDisk: { sizeGb: 128, sku: "Premium_LRS", caching: "ReadWrite" },
        diskProtection: "protect",
        lock: { kind: "CanNotDelete", name: "keep-dc" },
        privateIpAddress: "10.0.1.5",
        encryptionAtHost: true,
        acceleratedNetworking: true,
        licenseType: "Windows_Server",
        diskEncryptionSetId: DES_ID,
        azureMonitor: { dataCollectionRuleId: DCR_ID },
        backup: { policyId: POLICY_ID },
        tags: { role: "identity" },
        domainName: "corp.contoso.com",
        netbiosName: "CORPNET",
        safeModePasswordVault: { keyVaultId: KEY_VAULT_ID },
        ntdsDiskSizeGb: 64,
    } satisfies Omit<DomainControllerArgs, "safeModePassword">;
    scenario({
        title: "GIVEN a zonal DomainController from a marketplace image with its safe-mode password in a given vault and every other option WHEN a program in another language declares it",
        type: DOMAIN_CONTROLLER, name: "dc03", count: 13,
        declare: () => new DomainController("dc03", { ...args, adminPassword: pulumi.secret(ADMIN_PASSWORD), safeModePassword: pulumi.secret(SAFE_MODE_PASSWORD) }),
        inputs: { ...args, adminPassword: secret(ADMIN_PASSWORD), safeModePassword: secret(SAFE_MODE_PASSWORD) },
        outputs: controllerOutputs,
        absent: ["generatedAdminPassword"],
    });
}

{
    const args = {
        ...PLACED, size: "Standard_D2s_v5", availabilitySetId: AVAILABILITY_SET_ID, image: "windows-server-2022", securityType: "Standard",
        dataAccessAuthMode: "AzureActiveDirectory", privateIpAddress: "10.0.1.6", domainName: "lab.contoso.com",
    } satisfies Omit<DomainControllerArgs, "safeModePassword">;
    scenario({
        title: "GIVEN a DomainController from a catalogue image in an availability set, with Entra ID disk access WHEN a program in another language declares it",
        type: DOMAIN_CONTROLLER, name: "dc04", count: 12,
        declare: () => new DomainController("dc04", { ...args, safeModePassword: pulumi.secret(SAFE_MODE_PASSWORD) }),
        inputs: { ...args, safeModePassword: secret(SAFE_MODE_PASSWORD) },
        outputs: controllerOutputs,
        secrets: { generatedAdminPassword: "placeholder-password-of-dc04-admin-password" },
    });
}

{
    const args = {
        ...PLACED, size: "Standard_D2s_v5", galleryImageId: GALLERY_IMAGE_ID, preflightFacts: { imageGeneration: 2 }, privateIpAddress: "10.0.1.7", domainName: "corp.contoso.com",
    } satisfies Omit<DomainControllerArgs, "safeModePassword">;
    scenario({
        title: "GIVEN a DomainController from a gallery image WHEN a program in another language declares it",
        type: DOMAIN_CONTROLLER, name: "dc05", count: 12,
        declare: () => new DomainController("dc05", { ...args, safeModePassword: pulumi.secret(SAFE_MODE_PASSWORD) }),
        inputs: { ...args, safeModePassword: secret(SAFE_MODE_PASSWORD) },
        outputs: controllerOutputs,
        secrets: { generatedAdminPassword: "placeholder-password-of-dc05-admin-password" },
    });
}

// ---- LinuxScaleSet and WindowsScaleSet ----

function fleetOutputs(fleet: LinuxScaleSet | WindowsScaleSet): Record<string, pulumi.Output<unknown> | undefined> {
    return {
        scaleSetId: fleet.scaleSetId, scaleSetName: fleet.scaleSetName, principalId: fleet.principalId,
        ...(fleet instanceof LinuxScaleSet ? { generatedPrivateKey: fleet.generatedPrivateKey } : { generatedAdminPassword: fleet.generatedAdminPassword }),
    };
}

{
    const args = { ...PLACED, size: "Standard_D2s_v5", instanceCount: 2 } satisfies LinuxScaleSetArgs;
    scenario({
        title: "GIVEN a LinuxScaleSet with only its required arguments WHEN a program in another language declares it",
        type: LINUX_SCALE_SET, name: "web", count: 3,
        declare: () => new LinuxScaleSet("web", args),
        inputs: args,
        outputs: fleetOutputs,
        secrets: { generatedPrivateKey: "placeholder-private-key-of-web-ssh-key" },
    });
}

{
    const args = {
        ...PLACED,
        networkSecurityGroupId: NSG_ID,
        applicationSecurityGroupIds: [ASG_ID],
        loadBalancerBackendAddressPoolIds: [POOL_ID],
        size: "Standard_D4s_v5",
        instanceCount: 3,
        zones: ["1", "2"],
        preflightFacts: { size: { premiumStorage: true, maxDataDisks: 8, generations: [2], trustedLaunch: true }, regionHasZones: true, imageGeneration: 2 },
        imageReference: { publisher: "Canonical", offer: "ubuntu-24_04-lts", sku: "server", version: "latest" },
        plan: { name: "server", product: "ubuntu-24_04-lts", publisher: "Canonical" },
        securityType: "TrustedLaunch",
        encryptionAtHost: true,
        licenseType: "None",
        adminUsername: "webadmin",
        computerNamePrefix: "web",
        osDisk: { sizeGb: 64, sku: "Premium_ZRS", caching: "ReadOnly", deleteOption: "Delete" },
        dataDisks: [
            { name: "cache", lun: 0, sizeGb: 64, sku: "Premium_LRS", caching: "ReadOnly", deleteOption: "Detach" },
            { name: "scratch", lun: 1, sizeGb: 32, sku: "StandardSSD_LRS", caching: "None", deleteOption: "Delete" },
        ],
        upgradeMode: "Rolling",
        healthProbe: { protocol: "http", port: 8080, requestPath: "/healthz" },
        tags: { tier: "web" },
        sshPublicKeys: [ED25519_KEY],
        customData: "#cloud-config\npackages: [nginx]\n",
    } satisfies LinuxScaleSetArgs;
    scenario({
        title: "GIVEN a zonal LinuxScaleSet from a marketplace image behind a load balancer, with rolling upgrades and every other option WHEN a program in another language declares it",
        type: LINUX_SCALE_SET, name: "api", count: 2,
        declare: () => new LinuxScaleSet("api", args),
        inputs: args,
        outputs: fleetOutputs,
        absent: ["generatedPrivateKey"],
    });
}

{
    const args = { ...PLACED, size: "Standard_D2s_v5", instanceCount: 0, image: "ubuntu-22.04", sshPublicKeys: [ED25519_KEY] } satisfies LinuxScaleSetArgs;
    scenario({
        title: "GIVEN an empty LinuxScaleSet from a catalogue image WHEN a program in another language declares it",
        type: LINUX_SCALE_SET, name: "spare", count: 2,
        declare: () => new LinuxScaleSet("spare", args),
        inputs: args,
        outputs: fleetOutputs,
        absent: ["generatedPrivateKey"],
    });
}

{
    const args = { ...PLACED, size: "Standard_D2s_v5", instanceCount: 1, galleryImageId: GALLERY_IMAGE_ID, preflightFacts: { imageGeneration: 2 }, sshPublicKeys: [ED25519_KEY] } satisfies LinuxScaleSetArgs;
    scenario({
        title: "GIVEN a LinuxScaleSet from a gallery image WHEN a program in another language declares it",
        type: LINUX_SCALE_SET, name: "worker", count: 2,
        declare: () => new LinuxScaleSet("worker", args),
        inputs: args,
        outputs: fleetOutputs,
        absent: ["generatedPrivateKey"],
    });
}

{
    const args = { ...PLACED, size: "Standard_D2s_v5", instanceCount: 2 } satisfies WindowsScaleSetArgs;
    scenario({
        title: "GIVEN a WindowsScaleSet with only its required arguments WHEN a program in another language declares it",
        type: WINDOWS_SCALE_SET, name: "app", count: 3,
        declare: () => new WindowsScaleSet("app", args),
        inputs: args,
        outputs: fleetOutputs,
        secrets: { generatedAdminPassword: "placeholder-password-of-app-admin-password" },
    });
}

{
    const args = {
        ...PLACED,
        networkSecurityGroupId: NSG_ID,
        applicationSecurityGroupIds: [ASG_ID],
        loadBalancerBackendAddressPoolIds: [POOL_ID],
        size: "Standard_D4s_v5",
        instanceCount: 4,
        zones: [],
        preflightFacts: { size: { premiumStorage: true, maxDataDisks: 8, generations: [1, 2], trustedLaunch: true }, regionHasZones: true, imageGeneration: 2 },
        imageReference: { publisher: "MicrosoftWindowsServer", offer: "WindowsServer", sku: "2022-datacenter-azure-edition", version: "latest" },
        plan: { name: "2022-datacenter-azure-edition", product: "WindowsServer", publisher: "MicrosoftWindowsServer" },
        securityType: "Standard",
        encryptionAtHost: false,
        licenseType: "Windows_Server",
        adminUsername: "appadmin",
        computerNamePrefix: "app",
        osDisk: { sizeGb: 128, sku: "StandardSSD_LRS", caching: "ReadWrite", deleteOption: "Detach" },
        dataDisks: [{ name: "logs", lun: 0, sizeGb: 128, sku: "Premium_LRS" }],
        upgradeMode: "Manual",
        healthProbe: { protocol: "tcp", port: 443 },
        tags: { tier: "app" },
    } satisfies WindowsScaleSetArgs;
    scenario({
        title: "GIVEN a regional WindowsScaleSet from a marketplace image with a plan, a given password and every other option WHEN a program in another language declares it",
        type: WINDOWS_SCALE_SET, name: "batch", count: 2,
        declare: () => new WindowsScaleSet("batch", { ...args, adminPassword: pulumi.secret(ADMIN_PASSWORD) }),
        inputs: { ...args, adminPassword: secret(ADMIN_PASSWORD) },
        outputs: fleetOutputs,
        absent: ["generatedAdminPassword"],
    });
}

{
    const args = { ...PLACED, size: "Standard_D2s_v5", instanceCount: 1, galleryImageId: GALLERY_IMAGE_ID, preflightFacts: { imageGeneration: 2 } } satisfies WindowsScaleSetArgs;
    scenario({
        title: "GIVEN a WindowsScaleSet from a gallery image WHEN a program in another language declares it",
        type: WINDOWS_SCALE_SET, name: "render", count: 3,
        declare: () => new WindowsScaleSet("render", args),
        inputs: args,
        outputs: fleetOutputs,
        secrets: { generatedAdminPassword: "placeholder-password-of-render-admin-password" },
    });
}

{
    const args = { ...PLACED, size: "Standard_D2s_v5", instanceCount: 0, image: "windows-server-2019" } satisfies WindowsScaleSetArgs;
    scenario({
        title: "GIVEN an empty WindowsScaleSet from a catalogue image WHEN a program in another language declares it",
        type: WINDOWS_SCALE_SET, name: "standby", count: 3,
        declare: () => new WindowsScaleSet("standby", args),
        inputs: args,
        outputs: fleetOutputs,
        secrets: { generatedAdminPassword: "placeholder-password-of-standby-admin-password" },
    });
}

// ---- VmNetwork ----

/** The outputs of a VmNetwork as the schema offers them: TypeScript's two group ids are one object across languages. */
function networkOutputs(network: VmNetwork): Record<string, pulumi.Output<unknown> | undefined> {
    return {
        vnetId: network.vnetId, subnetId: network.subnetId, networkSecurityGroupId: network.networkSecurityGroupId,
        applicationSecurityGroupIds: pulumi.output(network.applicationSecurityGroupIds), outboundIpAddress: network.outboundIpAddress, bastionId: network.bastionId,
    };
}

{
    const args = { resourceGroupName: "rg", location: "westeurope", addressSpace: "10.42.0.0/16", subnetPrefix: "10.42.1.0/24" } satisfies VmNetworkArgs;
    scenario({
        title: "GIVEN a VmNetwork with only its required arguments WHEN a program in another language declares it",
        type: VM_NETWORK, name: "corp", count: 8,
        declare: () => new VmNetwork("corp", args),
        inputs: args,
        outputs: networkOutputs,
        absent: ["bastionId"],
    });
}

{
    const args = {
        resourceGroupName: "rg", location: "westeurope", addressSpace: "10.42.0.0/16", subnetPrefix: "10.42.1.0/24",
        managementSourcePrefixes: ["203.0.113.0/24", "198.51.100.7/32"], managementProtocols: ["ssh", "rdp"],
        bastion: { subnetPrefix: "10.42.2.0/26", sku: "Standard", zones: ["1", "2", "3"] },
        inboundRules: [{ name: "https", port: 443, sourceAddressPrefixes: ["10.0.0.0/8"] }, { name: "sql", port: 1433, sourceAddressPrefixes: ["10.42.3.0/24"] }],
        dnsServers: ["10.42.1.4", "10.42.1.5"], outbound: "natGateway", tags: { env: "prod" },
    } satisfies VmNetworkArgs;
    scenario({
        title: "GIVEN a VmNetwork with management prefixes, a zonal Bastion, inbound rules, its own DNS servers and a NAT gateway WHEN a program in another language declares it",
        type: VM_NETWORK, name: "edge", count: 11,
        declare: () => new VmNetwork("edge", args),
        inputs: args,
        outputs: networkOutputs,
    });
}

{
    const args = {
        resourceGroupName: "rg", location: "westeurope", addressSpace: "10.43.0.0/16", subnetPrefix: "10.43.1.0/24",
        allowManagementFromAnywhere: true, managementProtocols: ["ssh"], outbound: "none",
    } satisfies VmNetworkArgs;
    scenario({
        title: "GIVEN a VmNetwork open to management from anywhere with no outbound path WHEN a program in another language declares it",
        type: VM_NETWORK, name: "lab", count: 6,
        declare: () => new VmNetwork("lab", args),
        inputs: args,
        outputs: networkOutputs,
        absent: ["bastionId", "outboundIpAddress"],
    });
}

// ---- BackupVault ----

function vaultOutputs(vault: BackupVault): Record<string, pulumi.Output<unknown> | undefined> {
    return { vaultId: vault.vaultId, vaultName: vault.vaultName, resourceGroupName: vault.resourceGroupName, policyId: vault.policyId, policyName: vault.policyName };
}

{
    const args = { resourceGroupName: "rg", location: "westeurope" } satisfies BackupVaultArgs;
    scenario({
        title: "GIVEN a BackupVault with only its required arguments WHEN a program in another language declares it",
        type: BACKUP_VAULT, name: "vault", count: 3,
        declare: () => new BackupVault("vault", args),
        inputs: args,
        outputs: vaultOutputs,
    });
}

{
    const args = {
        resourceGroupName: "rg", location: "westeurope", vaultName: "rsv-prod", policyName: "nightly", scheduleTime: "02:00", retentionDays: 90,
        instantRestoreDays: 2, storageRedundancy: "ZoneRedundant", publicNetworkAccess: "Enabled", immutability: "Unlocked",
        lock: { kind: "CanNotDelete", name: "keep-backups" }, tags: { env: "prod" },
    } satisfies BackupVaultArgs;
    scenario({
        title: "GIVEN a BackupVault with every option WHEN a program in another language declares it",
        type: BACKUP_VAULT, name: "prod", count: 4,
        declare: () => new BackupVault("prod", args),
        inputs: args,
        outputs: vaultOutputs,
    });
}

{
    const args = { resourceGroupName: "rg", location: "westeurope" } satisfies BackupVaultArgs;
    scenario({
        title: "GIVEN a BackupVault declared with protect and dependsOn in its resource options WHEN a program in another language declares it",
        type: BACKUP_VAULT, name: "guarded", count: 3,
        declare: () => {
            const group = new resources.ResourceGroup("group", { resourceGroupName: "rg", location: "westeurope" });
            return new BackupVault("guarded", args, { protect: true, dependsOn: [group] });
        },
        inputs: args,
        options: { protect: true, dependencies: ["urn:pulumi:construct::azure-persistent-vm::pulumi:pulumi:Stack$azure-native:resources:ResourceGroup::group"] },
        outputs: vaultOutputs,
    });
}

/**
 * Arguments a component refuses whatever their value, so no scenario here sends them: LinuxVm's `domainJoin` (the
 * shared VM contract has it; arriving-outputs.ts checks Construct refuses it with TypeScript's message).
 */
const REFUSED: Readonly<Record<string, readonly string[]>> = { [LINUX_VM]: ["domainJoin"] };

describe("GIVEN this file's scenarios WHEN their property maps are taken together", () => {
    it("THEN each component's scenarios send every argument its schema declares (but those it refuses)", () => {
        const unsent = Object.fromEntries(Object.entries(SCHEMA.resources).map(([token, resource]) =>
            [token, Object.keys(resource.inputProperties ?? {}).filter((argument) => !(SENT.get(token)?.has(argument) ?? false)).sort()]));
        expect(unsent).toEqual(Object.fromEntries(Object.keys(SCHEMA.resources).map((token) => [token, REFUSED[token] ?? []])));
    });
});
