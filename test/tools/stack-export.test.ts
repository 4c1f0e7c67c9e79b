/**
 * Stack exports (tools/plan/stack-export.ts): what `pulumi stack export` writes (version 3, the Pulumi CLI's
 * ResourceV3) read as the old side of `--changes-from`, with and without `--show-secrets`, and loadBase
 * (tools/plan/base.ts) recognising one. The fixture is written here as the CLI writes it for a small stack.
 * Not proved here: that a real CLI's export has exactly these fields (there is no CLI here; the field names are the
 * CLI's own, from sdk/go/common/apitype/core.go at v3.259.0), or anything about decrypting a ciphertext.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadBase } from "../../tools/plan/base";
import type { ResourceState } from "../../tools/plan/resource-state";
import { loadStackExport } from "../../tools/plan/stack-export";
import { REPO } from "../support/project-copy";

const SUBSCRIPTION = "0b1f6471-1bf0-4dda-aec3-cb9272f09590";
const GROUP_ID = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-prod`;
const PREFIX = "urn:pulumi:prod::azure-persistent-vm::";
const STACK = `${PREFIX}pulumi:pulumi:Stack::azure-persistent-vm-prod`;
const PROVIDER = `${PREFIX}pulumi:providers:azure-native::default_3_28_0`;
const WEB01 = `${PREFIX}pulumi:pulumi:Stack$azure-persistent-vm:index:LinuxVm::web01`;
const urn = (type: string, name: string) => `${PREFIX}pulumi:pulumi:Stack$azure-persistent-vm:index:LinuxVm$${type}::${name}`;
const GROUP = `${PREFIX}azure-native:resources:ResourceGroup::resource-group`;
const DATA = urn("azure-native:compute:Disk", "web01-disk-data");
const LEGACY = urn("azure-native:compute:Disk", "web01-disk-legacy");
const NIC = urn("azure-native:network:NetworkInterface", "web01-nic");
const VM = urn("azure-native:compute:VirtualMachine", "web01-vm");
const FORMAT = urn("azure-native:compute:VirtualMachineRunCommandByVirtualMachine", "web01-format-data");
const PASSWORD = "Exported-Passw0rd-17";

/** A secret as the CLI serializes it: the signature, then the ciphertext or, with --show-secrets, the value's JSON. */
function secret(value: unknown, shown: boolean) {
    return { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", ...(shown ? { plaintext: JSON.stringify(value) } : { ciphertext: "v1:c2VjcmV0IG5vbmNl:bm90IGEgcmVhbCBjaXBoZXJ0ZXh0" }) };
}

const dataDiskInputs = {
    creationData: { createOption: "Empty" }, diskName: "web01-data", diskSizeGB: 128, location: "westeurope", resourceGroupName: "rg-prod", sku: { name: "Premium_LRS" }, zones: ["1"],
};

function stackExport(shown: boolean) {
    const disk = (name: string, inputs: object, extra: object) => ({
        urn: urn("azure-native:compute:Disk", name), custom: true, id: `${GROUP_ID}/providers/Microsoft.Compute/disks/${(inputs as { diskName: string }).diskName}`,
        type: "azure-native:compute:Disk", inputs, outputs: { ...inputs, provisioningState: "Succeeded" }, parent: WEB01, dependencies: [GROUP],
        propertyDependencies: { resourceGroupName: [GROUP], diskName: [] }, provider: `${PROVIDER}::4b0c3c53-8a0e-4c7c-9d7d-2f4a3c1b2a10`,
        created: "2026-11-02T09:14:03.123Z", modified: "2026-11-02T09:14:03.123Z", ...extra,
    });
    return {
        version: 3,
        deployment: {
            manifest: { time: "2026-12-01T10:00:00.000Z", magic: "f0ad2d5e1c3b8a0fe4c2b1d0a9f8e7d6c5b4a3928170615f4e3d2c1b0a998877", version: "v3.259.0" },
            secrets_providers: { type: "passphrase", state: { salt: "v1:c2FsdA==:v1:bm9uY2U=:Y2lwaGVy" } },
            resources: [
                { urn: STACK, custom: false, type: "pulumi:pulumi:Stack", outputs: { adminPassword: secret(PASSWORD, shown) } },
                { urn: PROVIDER, custom: true, id: "4b0c3c53-8a0e-4c7c-9d7d-2f4a3c1b2a10", type: "pulumi:providers:azure-native", inputs: { location: "westeurope", version: "3.28.0" } },
                { urn: GROUP, custom: true, id: GROUP_ID, type: "azure-native:resources:ResourceGroup", inputs: { location: "westeurope", resourceGroupName: "rg-prod" }, parent: STACK, external: true },
                { urn: WEB01, custom: false, type: "azure-persistent-vm:index:LinuxVm", parent: STACK },
                disk("web01-disk-data", dataDiskInputs, { protect: true }),
                disk("web01-disk-legacy", { ...dataDiskInputs, diskName: "legacy-data", creationData: { createOption: "Empty" } },
                    { protect: true, retainOnDelete: true, importID: `${GROUP_ID}/providers/Microsoft.Compute/disks/legacy-data`, ignoreChanges: ["tags"] }),
                // The copy a create-first replacement left behind, and a NIC deleted first and not yet recreated.
                disk("web01-disk-data", { ...dataDiskInputs, diskSizeGB: 64 }, { delete: true }),
                { urn: NIC, custom: true, id: `${GROUP_ID}/providers/Microsoft.Network/networkInterfaces/web01-nic`, type: "azure-native:network:NetworkInterface", inputs: { networkInterfaceName: "web01-nic" }, parent: WEB01, pendingReplacement: true },
                {
                    urn: VM, custom: true, id: `${GROUP_ID}/providers/Microsoft.Compute/virtualMachines/web01`, type: "azure-native:compute:VirtualMachine", parent: WEB01,
                    inputs: {
                        vmName: "web01", hardwareProfile: { vmSize: "Standard_D2s_v5" },
                        osProfile: secret({ adminUsername: "azureuser", adminPassword: PASSWORD, computerName: "web01" }, shown),
                        tags: { owner: "ops", rotated: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" },
                    },
                    dependencies: [GROUP, DATA, NIC], propertyDependencies: { osProfile: [], storageProfile: [DATA] }, deletedWith: WEB01, replaceWith: [NIC],
                    replaceOnChanges: ["zones"], replacementTrigger: secret("generation-2", shown),
                },
                { urn: FORMAT, custom: true, id: `${GROUP_ID}/providers/Microsoft.Compute/virtualMachines/web01/runCommands/format-data`, type: "azure-native:compute:VirtualMachineRunCommandByVirtualMachine", inputs: { runCommandName: "format-data" }, parent: WEB01, taint: true },
            ],
        },
    };
}

/** The fields every state has, as a stack export gives them unless the state says otherwise. */
const defaults = {
    parent: WEB01, secretInputs: [], propertyDependencies: {}, dependencies: [], protect: false, retainOnDelete: false, deleteBeforeReplace: false,
    ignoreChanges: [], replaceOnChanges: [], importId: null, aliases: [], replaceWith: [], replacementTrigger: undefined, deletedWith: null,
};

function state(states: readonly ResourceState[], at: string): ResourceState | undefined {
    return states.find((s) => s.urn === at);
}

describe("GIVEN a stack export written without --show-secrets", () => {
    const loaded = loadStackExport(stackExport(false));
    const resources = loaded.ok ? loaded.resources : [];

    it("THEN the resources to predict leave out the stack, the provider and what is already pending deletion, which are listed apart", () => {
        expect(loaded.ok && [resources.map((r) => r.urn), loaded.pending.map((r) => r.urn)]).toEqual([[GROUP, WEB01, DATA, LEGACY, VM, FORMAT], [DATA, NIC]]);
    });

    it("THEN it names the subscription the ids are in, and says secrets were not shown", () => {
        expect(loaded.ok && [loaded.subscriptionId, loaded.secretsShown]).toEqual([SUBSCRIPTION, false]);
    });

    it("THEN a protected disk and an adopted one keep their ids, options and dependencies", () => {
        const id = `${GROUP_ID}/providers/Microsoft.Compute/disks/`;
        const common = { type: "azure-native:compute:Disk", custom: true, dependencies: [GROUP], propertyDependencies: { resourceGroupName: [GROUP], diskName: [] } };
        expect(state(resources, DATA)).toEqual({ ...defaults, ...common, urn: DATA, id: `${id}web01-data`, inputs: dataDiskInputs, protect: true });
        expect(state(resources, LEGACY)).toEqual({
            ...defaults, ...common, urn: LEGACY, id: `${id}legacy-data`, inputs: { ...dataDiskInputs, diskName: "legacy-data" },
            protect: true, retainOnDelete: true, importId: `${id}legacy-data`, ignoreChanges: ["tags"],
        });
    });

    it("THEN a secret is opaque and its input listed as secret; a value unknown when the state was written is opaque too", () => {
        expect(state(resources, VM)).toEqual({
            ...defaults, urn: VM, type: "azure-native:compute:VirtualMachine", custom: true, id: `${GROUP_ID}/providers/Microsoft.Compute/virtualMachines/web01`,
            inputs: { vmName: "web01", hardwareProfile: { vmSize: "Standard_D2s_v5" }, osProfile: { "@opaque": "secret" }, tags: { owner: "ops", rotated: { "@opaque": "unknown" } } },
            secretInputs: ["osProfile"], dependencies: [GROUP, DATA, NIC], propertyDependencies: { osProfile: [], storageProfile: [DATA] },
            deletedWith: WEB01, replaceWith: [NIC], replaceOnChanges: ["zones"], replacementTrigger: { "@opaque": "secret" },
        });
        expect(JSON.stringify(loaded)).not.toContain("ciphertext");
    });

    it("THEN a resource the stack only reads is flagged external, and a tainted one tainted", () => {
        expect([state(resources, GROUP)?.external, state(resources, GROUP)?.parent, state(resources, FORMAT)?.taint, state(resources, DATA)?.external]).toEqual([true, STACK, true, undefined]);
    });
});

describe("GIVEN the same stack exported with --show-secrets", () => {
    const loaded = loadStackExport(stackExport(true));
    const vm = loaded.ok ? state(loaded.resources, VM) : undefined;

    it("THEN secrets are plain values, still listed as secret inputs, and the export says they were shown", () => {
        expect(loaded.ok && loaded.secretsShown).toBe(true);
        expect([vm?.inputs["osProfile"], vm?.secretInputs, vm?.replacementTrigger])
            .toEqual([{ adminUsername: "azureuser", adminPassword: PASSWORD, computerName: "web01" }, ["osProfile"], "generation-2"]);
    });
});

describe("GIVEN a file that is not a version 3 stack export", () => {
    it.each([[4], [1], [undefined]])("WHEN its version is %s THEN it is refused, naming the version it reads", (version) => {
        expect(loadStackExport({ ...stackExport(false), version })).toEqual({
            ok: false,
            message: `the stack export's version is ${version ?? "missing"}, and this tool reads version 3 (what pulumi stack export writes unless the stack uses features that need version 4)`,
        });
    });

    it("WHEN a resource lacks its type, or a secret's plaintext is not JSON THEN it is refused, naming the place and no value", () => {
        const broken = stackExport(true);
        broken.deployment.resources[1] = { urn: PROVIDER, custom: true } as (typeof broken.deployment.resources)[number];
        expect(loadStackExport(broken)).toEqual({ ok: false, message: "the stack export is not what pulumi stack export writes:\n  deployment.resources.1.type: Invalid input: expected string, received undefined" });
        const garbled = stackExport(true);
        const vm = garbled.deployment.resources[8] as { inputs: Record<string, unknown> };
        vm.inputs["osProfile"] = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", plaintext: `{"adminPassword": ${PASSWORD}` };
        const refused = loadStackExport(garbled);
        expect(refused).toEqual({ ok: false, message: "the stack export is not what pulumi stack export writes: resources[8].inputs.osProfile: a secret's plaintext is not JSON" });
    });
});

describe("GIVEN --changes-from names a stack export file", () => {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "apvm-stack-export-"));
    afterAll(() => {
        fs.rmSync(scratch, { recursive: true, force: true });
    });

    it("THEN loadBase reads it as a stack export, by its content", async () => {
        const file = path.join(scratch, "prod.state");
        fs.writeFileSync(file, JSON.stringify(stackExport(false), null, 4));
        const base = await loadBase(file, { projectDir: REPO, stack: "prod" });
        expect(base.ok && [base.kind, base.description, base.resources.length, base.pending.length, base.subscriptionId, base.secretsShown, base.salt])
            .toEqual(["stack-export", `stack export ${file}`, 6, 2, SUBSCRIPTION, false, undefined]);
    });

    it("WHEN it is an export of another version THEN the message names the file", async () => {
        const file = path.join(scratch, "old.json");
        fs.writeFileSync(file, JSON.stringify({ ...stackExport(false), version: 2 }));
        const base = await loadBase(file, { projectDir: REPO, stack: "prod" });
        expect(base.ok ? "" : base.message).toBe(`${file}: the stack export's version is 2, and this tool reads version 3 (what pulumi stack export writes unless the stack uses features that need version 4)`);
    });
});
