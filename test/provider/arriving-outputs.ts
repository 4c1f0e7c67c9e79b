/**
 * Construct's inputs as they really arrive: the SDK's provider server turns an argument into an
 * Output when it is a secret or comes from another resource, and the wire lifts a nested secret sent without the
 * output-value wrapper to the argument that holds it (before provider/inputs.ts, that made LinuxVm fail with
 * `disks.map is not a function`). Over gRPC, to the plugin started from its compiled JavaScript, each scenario sends
 * one form the engine uses (a secret object inside an argument; an output value where the value sits; a plain value
 * with the argument's dependencies; the unknown value of a preview) and checks that the component registers what the
 * TypeScript constructor registers for the same values in this process, or that Construct is refused with a message
 * naming the component, the resource and the argument (and the fix, for a value not known in preview), with every
 * problem at once, before anything is registered, never a TypeError, and with no secret in the message, the log or the
 * plugin's output.
 * These cases run in construct.test.ts, which imports this module, against its one plugin process (`usePlugin`).
 * Not proved here: which form a given engine version sends for a given program (no Pulumi CLI here), and the component
 * rules themselves (test/vm, test/disk, ... check them with their exact messages).
 */
import { beforeAll, describe, expect, it } from "vitest";
import * as pulumi from "@pulumi/pulumi";
import * as compute from "@pulumi/azure-native/compute";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { LinuxVm, VmNetwork, WindowsVm, DomainController, type LinuxVmArgs, type WindowsVmArgs } from "../../components";
import { LINUX_SCALE_SET, LINUX_VM, VM_NETWORK, WINDOWS_VM } from "../../provider/contracts";
import { valueOf, type Registration } from "../../tools/recorder/recorder";
import { ED25519_KEY, SUBNET_ID } from "../support/fixtures";
import {
    PROJECT, STACK, byUrn, construct, runTypeScript, shown, subtree, wireOutput, wireSecret, type ConstructCall, type Constructed, type Plugin,
} from "../support/plugin";

let plugin: Plugin;
/** The plugin process of construct.test.ts, which every Construct test shares; set in its beforeAll, before these run. */
export function usePlugin(shared: Plugin): void {
    plugin = shared;
}

const STORAGE_ID = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/vhds";
/** Secrets of these scenarios: a VHD URI with a SAS token, a join password, an administrator password. */
const SAS_URI = "https://vhds.blob.core.windows.net/vhds/data.vhd?sv=2024-05-04&sr=b&sp=r&sig=Arriving-Secret-Sas-Signature";
const JOIN_PASSWORD = "Arriving-Join-Secret-7!";
const ADMIN_PASSWORD = "Arriving-Admin-Secret-8!";
const SECRETS = [SAS_URI, "Arriving-Secret-Sas-Signature", JOIN_PASSWORD, ADMIN_PASSWORD];

const base = { resourceGroupName: "rg", location: "westeurope", subnetId: SUBNET_ID, size: "Standard_D2s_v5", sshPublicKeys: [ED25519_KEY] } satisfies LinuxVmArgs;

/** The URN (as the recorder names it) of a resource the program declares at its top, for values from another resource. */
const topLevelUrn = (type: string, name: string) => `urn:pulumi:${STACK}::${PROJECT}::pulumi:pulumi:Stack$${type}::${name}`;

/** Runs `declare` as a TypeScript program; returns the component it returned, with its registrations and its descendants'. */
async function typescriptRun<C extends pulumi.ComponentResource>(declare: () => C): Promise<{ component: C; registrations: Registration[] }> {
    let component: C | undefined;
    const run = await runTypeScript(() => {
        component = declare();
    });
    if (component === undefined) {
        throw new Error("the program declared nothing");
    }
    return { component, registrations: subtree(run.registrations, await valueOf(component.urn)) };
}

/** Every text a user could see of a Construct: its error, what the plugin logged (debug traces aside), its output. */
function seen(constructed: Constructed): string {
    return [constructed.error?.details ?? "", ...shown(constructed.logs).map((l) => l.message), plugin.output()].join("\n");
}

/** A Construct that must be refused: its error, and that it registered nothing and showed no secret. */
async function refused(call: ConstructCall): Promise<{ details: string | undefined; registered: number; secretsSeen: string[] }> {
    const constructed = await construct(plugin, call);
    return { details: constructed.error?.details, registered: constructed.registrations.length, secretsSeen: SECRETS.filter((s) => seen(constructed).includes(s)) };
}

/** Two data disks, the second imported from a VHD whose URI is `uri` (a secret in every form below). */
const disksWithImport = (uri: unknown) => [
    { name: "data", lun: 0, sizeGb: 64 },
    { name: "imported", lun: 1, sizeGb: 64, source: { importVhd: { uri, storageAccountId: STORAGE_ID } } },
];

describe("GIVEN a LinuxVm whose imported disk's VHD URI is a secret WHEN the engine sends it without output values (a secret object inside dataDisks, which the SDK lifts to a secret dataDisks Output)", () => {
    let typescript: Registration[];
    let typescriptDebug: string[];
    let constructed: Constructed;
    beforeAll(async () => {
        const run = await runTypeScript(() => {
            new LinuxVm("web01", { ...base, dataDisks: disksWithImport(pulumi.secret(SAS_URI)) as LinuxVmArgs["dataDisks"] });
        });
        typescript = run.registrations;
        typescriptDebug = run.logs.filter((l) => l.severity === "debug" && l.message.includes(SAS_URI)).map((l) => l.message.split(";")[0] ?? "");
        constructed = await construct(plugin, { type: LINUX_VM, name: "web01", inputs: { ...base, dataDisks: disksWithImport(wireSecret(SAS_URI)) } });
    });

    it("THEN Construct succeeds and registers exactly what new LinuxVm(...) registers with that URI as a secret Output", () => {
        expect(constructed.error?.details).toBeUndefined();
        expect(byUrn(constructed.registrations)).toEqual(byUrn(typescript));
        expect(constructed.registrations).toHaveLength(6);
    });

    it("THEN the imported disk carries the URI only inside its secret creationData", () => {
        const disk = constructed.registrations.find((r) => r.name === "web01-disk-imported");
        expect([disk?.inputs["creationData"], disk?.secretPaths]).toEqual([{ createOption: "Import", sourceUri: SAS_URI, storageAccountId: STORAGE_ID }, ["creationData"]]);
    });

    it("THEN the secret is in no log a user sees nor the plugin's output, and in the SDK's debug traces only where a TypeScript program's has it (its RegisterResource traces)", () => {
        expect(SECRETS.filter((s) => seen(constructed).includes(s))).toEqual([]);
        const debug = constructed.logs.filter((l) => l.severity === "debug" && l.message.includes(SAS_URI)).map((l) => l.message.split(";")[0] ?? "");
        expect(debug.sort()).toEqual([...typescriptDebug].sort());
        expect(debug).toEqual(["RegisterResource RPC finished: resource:web01-disk-imported[azure-native:compute:Disk]"]);
    });
});

describe("GIVEN a LinuxVm whose imported disk's VHD URI is a secret WHEN the engine sends it as a secret output value where it sits", () => {
    it("THEN Construct registers exactly what new LinuxVm(...) registers", async () => {
        const run = await runTypeScript(() => {
            new LinuxVm("web02", { ...base, dataDisks: disksWithImport(pulumi.secret(SAS_URI)) as LinuxVmArgs["dataDisks"] });
        });
        const constructed = await construct(plugin, { type: LINUX_VM, name: "web02", inputs: { ...base, dataDisks: disksWithImport(wireOutput(SAS_URI, { secret: true })) }, acceptsOutputValues: true });
        expect(constructed.error?.details).toBeUndefined();
        expect(byUrn(constructed.registrations)).toEqual(byUrn(run.registrations));
        expect(constructed.registrations).toHaveLength(6);
    });
});

describe("GIVEN a LinuxVm on a VmNetwork's subnet WHEN the subnet id arrives from the network", () => {
    const subnetUrn = "urn:pulumi:construct::azure-persistent-vm::azure-persistent-vm:index:VmNetwork$azure-native:network:Subnet::corp-subnet";
    let typescript: Registration[];
    let subnetId: string;
    beforeAll(async () => {
        let network: VmNetwork | undefined;
        const run = await typescriptRun(() => {
            network = new VmNetwork("corp", { resourceGroupName: "rg", location: "westeurope", addressSpace: "10.42.0.0/16", subnetPrefix: "10.42.1.0/24" });
            return new LinuxVm("web03", { ...base, subnetId: network.subnetId });
        });
        typescript = run.registrations;
        subnetId = await valueOf(network?.subnetId ?? pulumi.output(""));
    });

    it("WHEN as an output value with the subnet's dependency THEN Construct registers exactly what new LinuxVm(...) registers, the NIC depending on the subnet", async () => {
        const constructed = await construct(plugin, {
            type: LINUX_VM, name: "web03", inputs: { ...base, subnetId: wireOutput(subnetId, { dependencies: [subnetUrn] }) }, inputDependencies: { subnetId: [subnetUrn] },
        });
        expect(constructed.error?.details).toBeUndefined();
        expect(byUrn(constructed.registrations)).toEqual(byUrn(typescript));
        expect(constructed.registrations.find((r) => r.name === "web03-nic")?.propertyDependencies["ipConfigurations"]).toEqual([subnetUrn]);
    });

    it("WHEN as a plain value with the argument's dependencies (no output values) THEN Construct registers exactly what new LinuxVm(...) registers", async () => {
        const constructed = await construct(plugin, { type: LINUX_VM, name: "web03", inputs: { ...base, subnetId }, inputDependencies: { subnetId: [subnetUrn] } });
        expect(constructed.error?.details).toBeUndefined();
        expect(byUrn(constructed.registrations)).toEqual(byUrn(typescript));
    });
});

describe("GIVEN a LinuxVm that attaches a disk declared elsewhere in the program WHEN its existingId arrives from that disk", () => {
    let typescript: Registration[];
    let diskId: string;
    const diskUrn = topLevelUrn("azure-native:compute:Disk", "shared-disk");
    const disks = (existingId: unknown) => [{ name: "data", lun: 0, sizeGb: 64 }, { name: "shared", lun: 1, source: { existingId } }];
    beforeAll(async () => {
        let disk: compute.Disk | undefined;
        const run = await typescriptRun(() => {
            disk = new compute.Disk("shared-disk", { resourceGroupName: "rg", location: "westeurope", diskName: "shared", creationData: { createOption: "Empty" }, diskSizeGB: 64 });
            return new LinuxVm("web04", { ...base, dataDisks: disks(disk.id) as LinuxVmArgs["dataDisks"] });
        });
        typescript = run.registrations;
        diskId = await valueOf(disk?.id ?? pulumi.output(""));
    });

    it("WHEN as an output value inside dataDisks THEN Construct registers exactly what new LinuxVm(...) registers", async () => {
        const constructed = await construct(plugin, {
            type: LINUX_VM, name: "web04", inputs: { ...base, dataDisks: disks(wireOutput(diskId, { dependencies: [diskUrn] })) }, inputDependencies: { dataDisks: [diskUrn] },
        });
        expect(constructed.error?.details).toBeUndefined();
        expect(byUrn(constructed.registrations)).toEqual(byUrn(typescript));
        expect(constructed.registrations.find((r) => r.name === "web04-vm")?.propertyDependencies["storageProfile"]).toContain(diskUrn);
    });

    it("WHEN as a plain value with dataDisks' dependencies (no output values: dataDisks arrives as one Output) THEN Construct registers exactly what new LinuxVm(...) registers", async () => {
        const constructed = await construct(plugin, { type: LINUX_VM, name: "web04", inputs: { ...base, dataDisks: disks(diskId) }, inputDependencies: { dataDisks: [diskUrn] } });
        expect(constructed.error?.details).toBeUndefined();
        expect(byUrn(constructed.registrations)).toEqual(byUrn(typescript));
    });
});

describe("GIVEN a WindowsVm that joins a DomainController's domain WHEN the engine sends the join without output values: the password a secret object, waitFor the promotion's URN, the argument depending on the promotion", () => {
    const joinArgs = { domainName: "corp.contoso.com", user: "CORP\\joiner" };
    const windowsBase = { resourceGroupName: "rg", location: "westeurope", subnetId: SUBNET_ID, size: "Standard_D2s_v5" } satisfies WindowsVmArgs;
    let typescript: Registration[];
    let readyUrn: string;
    let constructed: Constructed;
    beforeAll(async () => {
        let dc: DomainController | undefined;
        const run = await typescriptRun(() => {
            dc = new DomainController("dc01", { ...windowsBase, privateIpAddress: "10.0.1.4", domainName: "corp.contoso.com", safeModePassword: pulumi.secret(ADMIN_PASSWORD) });
            return new WindowsVm("app01", { ...windowsBase, adminPassword: pulumi.secret(ADMIN_PASSWORD), domainJoin: { ...joinArgs, password: pulumi.secret(JOIN_PASSWORD), dependsOn: [dc.ready] } });
        });
        typescript = run.registrations;
        readyUrn = await valueOf(dc?.ready.urn ?? pulumi.output(""));
        constructed = await construct(plugin, {
            type: WINDOWS_VM, name: "app01",
            inputs: { ...windowsBase, adminPassword: wireSecret(ADMIN_PASSWORD), domainJoin: { ...joinArgs, password: wireSecret(JOIN_PASSWORD), waitFor: [readyUrn] } },
            inputDependencies: { domainJoin: [readyUrn] },
        });
    });

    it("THEN the wait for the domain depends on the promotion, as in TypeScript, and so does the join's extension, whose password came in the same argument: the only difference from TypeScript", () => {
        expect(constructed.error?.details).toBeUndefined();
        const join = (registrations: readonly Registration[]) => registrations.find((r) => r.name === "app01-domain-join");
        const wait = (registrations: readonly Registration[]) => registrations.find((r) => r.name === "app01-wait-domain");
        expect(wait(constructed.registrations)?.options.dependencies).toContain(readyUrn);
        expect(wait(constructed.registrations)).toEqual(wait(typescript));
        const tsJoin = join(typescript);
        expect(join(constructed.registrations)).toEqual(tsJoin === undefined ? undefined : {
            ...tsJoin,
            propertyDependencies: { ...tsJoin.propertyDependencies, protectedSettings: [readyUrn] },
            options: { ...tsJoin.options, dependencies: [...tsJoin.options.dependencies, readyUrn] },
        });
        const others = (registrations: readonly Registration[]) => byUrn(registrations.filter((r) => r.name !== "app01-domain-join"));
        expect(others(constructed.registrations)).toEqual(others(typescript));
        expect(SECRETS.filter((s) => seen(constructed).includes(s))).toEqual([]);
    });
});

describe("GIVEN a LinuxVm whose structure is not known in preview (it comes from another resource) WHEN the engine sends the unknown value", () => {
    const notKnown = (path: string) =>
        `LinuxVm "web05": ${path} is not known until deployment (it comes from another resource's output), but the component needs its value to plan what it declares; pass a value known at preview (a literal or a stack config value).`;
    const from = topLevelUrn("azure-native:compute:Disk", "other");
    it.each<[string, Record<string, unknown>, string]>([
        ["size as the unknown value", { size: unknownValue }, "size"],
        ["size as an unknown output value", { size: wireOutput(undefined, { known: false, dependencies: [from] }) }, "size"],
        ["a data disk's name as the unknown value", { dataDisks: [{ name: unknownValue, lun: 0, sizeGb: 64 }] }, "dataDisks[0].name"],
        ["a data disk's name as an unknown output value", { dataDisks: [{ name: wireOutput(undefined, { known: false, dependencies: [from] }), lun: 0, sizeGb: 64 }] }, "dataDisks[0].name"],
    ])("WHEN %s THEN Construct is refused with the component, resource, argument and fix, registering nothing", async (_, over, path) => {
        expect(await refused({ type: LINUX_VM, name: "web05", inputs: { ...base, customData: wireSecret(ADMIN_PASSWORD), ...over } }))
            .toEqual({ details: notKnown(path), registered: 0, secretsSeen: [] });
    });
});

describe("GIVEN a secret around values Azure keeps in plain (no Input position in it) WHEN the engine sends it", () => {
    const keptPlain = (component: string, name: string, path: string) =>
        `${component} "${name}": ${path} arrived as a secret, but every value in it is one Azure keeps in plain (names, sizes, LUNs, addresses), so the component cannot keep it secret; pass it without marking it secret.`;
    const fleet = { resourceGroupName: "rg", location: "westeurope", subnetId: SUBNET_ID, size: "Standard_D2s_v5", instanceCount: 2, sshPublicKeys: [ED25519_KEY] };
    const network = { resourceGroupName: "rg", location: "westeurope", addressSpace: "10.42.0.0/16", subnetPrefix: "10.42.1.0/24" };
    it.each<[string, ConstructCall, string]>([
        ["a LinuxScaleSet's zones as a secret object", { type: LINUX_SCALE_SET, name: "web", inputs: { ...fleet, zones: wireSecret(["1", "2"]) } }, keptPlain("LinuxScaleSet", "web", "zones")],
        ["a LinuxScaleSet's zones as a secret output value", { type: LINUX_SCALE_SET, name: "web", inputs: { ...fleet, zones: wireOutput(["1", "2"], { secret: true }) } }, keptPlain("LinuxScaleSet", "web", "zones")],
        ["a VmNetwork's dnsServers as a secret object", { type: VM_NETWORK, name: "corp", inputs: { ...network, dnsServers: wireSecret(["10.42.1.4"]) } }, keptPlain("VmNetwork", "corp", "dnsServers")],
        ["a VmNetwork's dnsServers as a secret output value", { type: VM_NETWORK, name: "corp", inputs: { ...network, dnsServers: wireOutput(["10.42.1.4"], { secret: true }) } }, keptPlain("VmNetwork", "corp", "dnsServers")],
        ["a LinuxVm data disk's name as a secret output value", { type: LINUX_VM, name: "web06", inputs: { ...base, dataDisks: [{ name: wireOutput("Arriving-Secret-Sas-Signature", { secret: true }), lun: 0, sizeGb: 64 }] } }, keptPlain("LinuxVm", "web06", "dataDisks[0].name")],
    ])("WHEN %s THEN Construct is refused, naming the argument, registering nothing, quoting no secret", async (_, call, message) => {
        expect(await refused(call)).toEqual({ details: message, registered: 0, secretsSeen: [] });
    });
});

describe("GIVEN a LinuxVm's arguments of the wrong shape WHEN a program sends them", () => {
    const linuxArguments = [
        "sshPublicKeys", "customData", "resourceGroupName", "location", "subnetId", "networkSecurityGroupId", "applicationSecurityGroupIds", "vmName", "size", "zone",
        "availabilitySetId", "preflightFacts", "securityType", "adminUsername", "computerName", "osDisk", "diskProtection", "lock", "encryptionAtHost",
        "acceleratedNetworking", "licenseType", "diskEncryptionSetId", "dataAccessAuthMode", "azureMonitor", "backup", "tags", "image", "imageReference", "galleryImageId", "plan", "dataDisks",
        "privateIpAddress", "publicIp", "credentialRotation", "entraIdLogin", "domainJoin",
    ];
    it.each<[string, Record<string, unknown>, string[]]>([
        ["dataDisks is a string", { dataDisks: "data" }, ["dataDisks must be a list, not a string."]],
        ["dataDisks is a secret string", { dataDisks: wireSecret(SAS_URI) }, ["dataDisks must be a list, not a string."]],
        ["sshPublicKeys is a secret string", { sshPublicKeys: wireSecret(ADMIN_PASSWORD) }, ["sshPublicKeys must be a list, not a string."]],
        ["customData is a number", { customData: 42 }, ["customData must be a string, not a number."]],
        ["customData is a secret number", { customData: wireSecret(42) }, ["customData must be a string, not a number."]],
        ["customData is a secret output value of a number", { customData: wireOutput(42, { secret: true }) }, ["customData must be a string, not a number."]],
        [
            "a disk's snapshot id is a number inside a dataDisks lifted to a secret",
            { dataDisks: [{ name: "copy", lun: 0, source: { copyFrom: 42 } }, { name: "imported", lun: 1, sizeGb: 64, source: { importVhd: { uri: wireSecret(SAS_URI), storageAccountId: STORAGE_ID } } }] },
            ["dataDisks[0].source.copyFrom must be a string, not a number."],
        ],
        [
            "a disk has no name, an argument and a field are misspelt, and a LUN is a word",
            { dataDisk: [], dataDisks: [{ lun: "zero", sizeGb: 64 }], osDisk: { sizeGB: 64, source: { importVhd: { uri: wireSecret(SAS_URI) } } } },
            [
                `dataDisk is not an argument here; the arguments are ${linuxArguments.join(", ")}.`,
                "dataDisks[0].lun must be a number, not a string.",
                "dataDisks[0].name is required.",
                "osDisk.sizeGB is not an argument here; the arguments are sizeGb, sku, caching, source, hyperVGeneration, vmAgentInstalled.",
                "osDisk.source.importVhd.storageAccountId is required.",
            ],
        ],
    ])("WHEN %s THEN Construct is refused with every problem at once, naming each argument, registering nothing, never a TypeError", async (_, over, problems) => {
        expect(await refused({ type: LINUX_VM, name: "web07", inputs: { ...base, ...over } }))
            .toEqual({ details: problems.map((p) => `LinuxVm "web07": ${p}`).join("\n"), registered: 0, secretsSeen: [] });
    });
});

describe("GIVEN a LinuxVm with a domain join, which the component's own rules refuse WHEN a program in another language declares it", () => {
    it("THEN Construct is refused with TypeScript's message, registering nothing, quoting no secret", async () => {
        const join = { domainName: "corp.contoso.com", user: "CORP\\joiner" };
        const thrown = (() => {
            try {
                new LinuxVm("web08", { ...base, domainJoin: { ...join, password: pulumi.secret(JOIN_PASSWORD) } });
                return undefined;
            } catch (err) {
                return err instanceof Error ? err.message : String(err);
            }
        })();
        expect(thrown).toBe(`LinuxVm "web08": domainJoin is for Windows VMs; a Linux VM joins a domain with realmd or SSSD, which this component does not configure (remove domainJoin).`);
        expect(await refused({ type: LINUX_VM, name: "web08", inputs: { ...base, domainJoin: { ...join, password: wireSecret(JOIN_PASSWORD) } } }))
            .toEqual({ details: thrown, registered: 0, secretsSeen: [] });
    });
});
