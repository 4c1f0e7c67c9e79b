/**
 * The policy pack as the Pulumi CLI starts it: the SDK's own policy-pack runner (`@pulumi/pulumi/cmd/run-policy-pack`)
 * loads policy/index.ts through ts-node with type-checking, the pack's analyzer server prints its port, and this
 * test speaks the analyzer gRPC protocol to it as the engine does: GetAnalyzerInfo, Analyze with inputs in their wire
 * form (secrets wrapped, values unknown during preview as the unknown sentinel), AnalyzeStack with property
 * dependencies, and Configure with pack config.
 * Not proved here: the CLI itself (installing the pack's dependencies, its own config validation and schema
 * defaults, how it prints violations and blocks an update), and which inputs the engine sends after azure-native's
 * Check. Here the pack resolves its modules from the project's node_modules, not from policy/node_modules.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import * as path from "node:path";
import * as grpc from "@grpc/grpc-js";
import { AnalyzerClient } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import {
    AnalyzeRequest, AnalyzeStackRequest, AnalyzerPropertyDependencies, AnalyzerResource, AnalyzerResourceOptions, ConfigureAnalyzerRequest, EnforcementLevel,
    PolicyConfig, type AnalyzeDiagnostic,
} from "@pulumi/pulumi/proto/analyzer_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
    NO_PUBLIC_IP, NSG_NO_OPEN_MANAGEMENT, NSG_NO_OPEN_MANAGEMENT_STACK, POLICIES, STACK_POLICIES, VM_BOOT_DATA_NO_PASSWORD_SIGN_IN, VM_BOOT_DATA_NO_SECRETS,
    PUBLIC_IP_ZONES, VM_LINUX_SSH_ONLY,
} from "../../policy/rules";
import { serveRecorder, type MonitorServer } from "../../tools/recorder/monitor-server";
import { runProgram, type ProgramRun } from "../../tools/recorder/program";
import { Recorder, type Registration } from "../../tools/recorder/recorder";
import { find } from "../support/policy-args";
import { asDeployment, bare, labelOf } from "../policy/arm-forms";

const projectDir = path.resolve(__dirname, "..", "..");
/** What the engine sends for a value not known until deployment. */
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const LEVELS: Readonly<Record<EnforcementLevel, string>> = {
    [EnforcementLevel.ADVISORY]: "advisory",
    [EnforcementLevel.MANDATORY]: "mandatory",
    [EnforcementLevel.DISABLED]: "disabled",
    [EnforcementLevel.REMEDIATE]: "remediate",
};

let pack: ChildProcessWithoutNullStreams;
let engine: MonitorServer;
let client: AnalyzerClient;
let dev: ProgramRun;
let fleets: ProgramRun;

beforeAll(async () => {
    [dev, fleets] = await Promise.all([
        runProgram({ projectDir, stack: "dev" }),
        runProgram({ projectDir: path.join(projectDir, "test", "fixtures", "fleets"), stack: "dev" }),
    ]);
    engine = await serveRecorder(new Recorder());
    const runner = require.resolve("@pulumi/pulumi/cmd/run-policy-pack");
    pack = spawn(process.execPath, [runner, engine.address, "."], { cwd: path.join(projectDir, "policy") });
    let stderr = "";
    pack.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const port = await new Promise<string>((resolve, reject) => {
        pack.stdout.once("data", (chunk: Buffer) => resolve(chunk.toString().trim()));
        pack.once("exit", (code) => reject(new Error(`the pack exited with ${String(code)} before serving:\n${stderr}`)));
    });
    client = new AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
});

afterAll(async () => {
    client.close();
    pack.kill();
    await engine.close();
});

function call<Res>(method: (callback: (err: grpc.ServiceError | null, res: Res) => void) => unknown): Promise<Res> {
    return new Promise((resolve, reject) => method((err, res) => (err !== null ? reject(err) : resolve(res))));
}

interface Diagnostic {
    readonly policy: string;
    readonly level: string;
    readonly message: string;
}

/** Analyze one resource as the engine would: its wire-form inputs, its options, deleteBeforeReplace marked defined. */
async function analyze(r: Registration, inputs: Record<string, unknown> = r.rawInputs): Promise<Diagnostic[]> {
    const options = new AnalyzerResourceOptions()
        .setProtect(r.options.protect)
        .setIgnorechangesList([...r.options.ignoreChanges])
        .setDeletebeforereplace(r.options.deleteBeforeReplace)
        .setDeletebeforereplacedefined(true);
    const request = new AnalyzeRequest().setType(r.type).setUrn(r.urn).setName(r.name)
        .setProperties(Struct.fromJavaScript(inputs as Parameters<typeof Struct.fromJavaScript>[0])).setOptions(options);
    const response = await call<{ getDiagnosticsList(): AnalyzeDiagnostic[] }>((cb) => client.analyze(request, cb));
    return response.getDiagnosticsList().map((d) => ({ policy: d.getPolicyname(), level: LEVELS[d.getEnforcementlevel()], message: d.getMessage() }));
}

describe("GIVEN the pack started by the SDK's policy-pack runner, as the CLI starts it", () => {
    it("THEN it describes itself and every policy with its level and config schema", async () => {
        const info = await call<{
            getName(): string;
            getVersion(): string;
            getPoliciesList(): { getName(): string; getEnforcementlevel(): EnforcementLevel; getConfigschema(): { getProperties(): Struct | undefined } | undefined }[];
        }>((cb) => client.getAnalyzerInfo(new Empty(), cb));
        expect([info.getName(), info.getVersion()]).toEqual(["azure-persistent-vm", "0.1.0"]);
        expect(info.getPoliciesList().map((p) => [p.getName(), LEVELS[p.getEnforcementlevel()]]))
            .toEqual([...POLICIES, ...STACK_POLICIES].map((p) => [p.name, p.enforcementLevel]));
        const noPublicIp = info.getPoliciesList().find((p) => p.getName() === NO_PUBLIC_IP);
        expect(noPublicIp?.getConfigschema()?.getProperties()?.toJavaScript()).toMatchObject({ allowPublicIp: { type: "boolean", default: false } });
    });

    it("WHEN the engine sends the dev stack's resources, secrets still wrapped, THEN only the NAT gateway address's zones advisory is reported", async () => {
        const azure = dev.registrations.filter((r) => r.custom && r.type.startsWith("azure-native:"));
        expect(azure.map((r) => r.name)).toEqual(expect.arrayContaining(["web01-vm", "app01-vm", "web01-nic", "network-nsg", "web01-disk-data"]));
        for (const r of azure) {
            const found = (await analyze(r)).map((d) => [d.policy, d.level]);
            expect([r.name, found]).toEqual([r.name, r.name === "network-nat-ip" ? [[PUBLIC_IP_ZONES, "advisory"]] : []]);
        }
    });

    it("WHEN a NIC's public IP is unknown during preview THEN the mandatory violation is still reported, after the policy's description", async () => {
        const nic = find(dev, "web01-nic");
        const ipConfigurations = [{ ...(nic.rawInputs["ipConfigurations"] as Record<string, unknown>[])[0], publicIPAddress: { id: UNKNOWN } }];
        expect(await analyze(nic, { ...nic.rawInputs, ipConfigurations })).toEqual([{
            policy: NO_PUBLIC_IP,
            level: "mandatory",
            message: "No public IP address on a VM (on its NIC or its own NIC configuration) or on a scale set's instances unless the pack config allows them.\n"
                + "ipConfigurations[0].publicIPAddress is set; remove it and reach the VMs through Azure Bastion, a VPN or a private load balancer, or set this policy's allowPublicIp: true in the pack config.",
        }]);
    });

    it("WHEN the engine sends two fleets' scale sets, the Windows fleet's whole profile a wrapped secret, THEN nothing is reported", async () => {
        const scaleSets = fleets.registrations.filter((r) => r.type === "azure-native:compute:VirtualMachineScaleSet");
        expect(scaleSets.map((r) => [r.name, r.secretPaths]).sort()).toEqual([["app-vmss", ["virtualMachineProfile"]], ["web-vmss", []]]);
        for (const r of scaleSets) {
            expect([r.name, await analyze(r)]).toEqual([r.name, []]);
        }
    });

    it("WHEN a fleet allows password sign-in THEN the mandatory violation is reported on the scale set, after the policy's description", async () => {
        const fleet = find(fleets, "web-vmss");
        const profile = structuredClone(fleet.rawInputs["virtualMachineProfile"]) as { osProfile: { linuxConfiguration: Record<string, unknown> } };
        profile.osProfile.linuxConfiguration["disablePasswordAuthentication"] = false;
        expect(await analyze(fleet, { ...fleet.rawInputs, virtualMachineProfile: profile })).toEqual([{
            policy: VM_LINUX_SSH_ONLY,
            level: "mandatory",
            message: "A Linux VM (or scale set) signs in with SSH keys only: password authentication disabled explicitly, at least one public key.\n"
                + "virtualMachineProfile.osProfile.linuxConfiguration.disablePasswordAuthentication is false; set it to true so the instances accept SSH keys only.",
        }]);
    });

    it("WHEN custom data is unknown during preview THEN each check that reads it says it cannot run yet, as an advisory", async () => {
        const vm = find(dev, "web01-vm");
        const osProfile = { ...(vm.rawInputs["osProfile"] as Record<string, unknown>), customData: UNKNOWN };
        const found = await analyze(vm, { ...vm.rawInputs, osProfile });
        expect(found.map((d) => [d.policy, d.level, d.message.startsWith(`can't run policy '${d.policy}'`)]))
            .toEqual([[VM_BOOT_DATA_NO_SECRETS, "advisory", true], [VM_BOOT_DATA_NO_PASSWORD_SIGN_IN, "advisory", true]]);
    });

    it("WHEN a resources.Deployment's literal template opens SSH to both halves of IPv4 THEN the mandatory violation names the template's NSG", async () => {
        const halves = bare("azure-native:network:NetworkSecurityGroup", "vms-nsg", {
            networkSecurityGroupName: "vms-nsg",
            securityRules: [{ name: "ssh", direction: "Inbound", access: "Allow", protocol: "Tcp", priority: 100, sourceAddressPrefixes: ["0.0.0.0/1", "128.0.0.0/1"], destinationPortRange: "22" }],
        });
        const template = asDeployment(halves);
        expect(await analyze(template, template.inputs)).toEqual([{
            policy: NSG_NO_OPEN_MANAGEMENT,
            level: "mandatory",
            message: `${POLICIES.find((p) => p.name === NSG_NO_OPEN_MANAGEMENT)?.description ?? ""}\n${labelOf(halves, "properties.template.resources[0]")}`
                + "port 22 (SSH) is open to anyone: the sources of securityRules[0] (\"ssh\") cover all of IPv4; set sourceAddressPrefixes to the addresses you manage from, or reach the VMs through Azure Bastion.",
        }]);
    });

    it("WHEN the engine analyzes a stack whose NSG and SecurityRule resource open SSH to 11.0.0.0/8 between them THEN the stack policy reports it on the NSG", async () => {
        const rule = (name: string, prefix: string) => ({ name, direction: "Inbound", access: "Allow", protocol: "Tcp", priority: 100, sourceAddressPrefix: prefix, destinationPortRange: "22" });
        const nsg = bare("azure-native:network:NetworkSecurityGroup", "vms-nsg", { networkSecurityGroupName: "vms-nsg", securityRules: [rule("low", "11.0.0.0/9")] });
        const child = bare("azure-native:network:SecurityRule", "high", { networkSecurityGroupName: "vms-nsg", securityRuleName: "high", ...rule("high", "11.128.0.0/9") });
        const resources = [nsg, child].map((r) => new AnalyzerResource().setType(r.type).setUrn(r.urn).setName(r.name)
            .setProperties(Struct.fromJavaScript(r.inputs as Parameters<typeof Struct.fromJavaScript>[0])).setOptions(new AnalyzerResourceOptions()));
        resources[1]?.getPropertydependenciesMap().set("networkSecurityGroupName", new AnalyzerPropertyDependencies().setUrnsList([nsg.urn]));
        const response = await call<{ getDiagnosticsList(): AnalyzeDiagnostic[] }>((cb) => client.analyzeStack(new AnalyzeStackRequest().setResourcesList(resources), cb));
        expect(response.getDiagnosticsList().map((d) => [d.getPolicyname(), LEVELS[d.getEnforcementlevel()], d.getUrn(), d.getMessage().split("\n")[1]])).toEqual([[
            NSG_NO_OPEN_MANAGEMENT_STACK, "mandatory", nsg.urn,
            "network security group \"vms-nsg\": port 22 (SSH) is open to anyone: the sources of securityRules[0] (\"low\") and SecurityRule \"high\" cover 11.0.0.0/8, a whole /8 of public IPv4, its inline rules and SecurityRule resources together; set sourceAddressPrefixes to the addresses you manage from, or reach the VMs through Azure Bastion.",
        ]]);
    });

    it("WHEN the pack config sets allowPublicIp for apvm-no-public-ip THEN a NIC's public IP passes", async () => {
        const config = new PolicyConfig().setEnforcementlevel(EnforcementLevel.MANDATORY).setProperties(Struct.fromJavaScript({ allowPublicIp: true }));
        const request = new ConfigureAnalyzerRequest();
        request.getPolicyconfigMap().set(NO_PUBLIC_IP, config);
        await call((cb) => client.configure(request, cb));
        const nic = find(dev, "web01-nic");
        const ipConfigurations = [{ ...(nic.rawInputs["ipConfigurations"] as Record<string, unknown>[])[0], publicIPAddress: { id: "/subscriptions/0/publicIPAddresses/web01-pip" } }];
        expect(await analyze(nic, { ...nic.rawInputs, ipConfigurations })).toEqual([]);
    });
});
