// Not proved here: that index.ts reads these keys from pulumi.Config, or that a config this accepts plans valid VMs.
import { describe, expect, it } from "vitest";
import { parseStackConfig, StackConfigError, type RawStackConfig } from "../../stack/config";
import { THROWAWAY_ED25519_KEY } from "../support/fixtures";

const WEB01 = { name: "web01", os: "linux", size: "Standard_D2s_v5", zone: 1, sshPublicKeys: [THROWAWAY_ED25519_KEY] };
const APP01 = { name: "app01", os: "windows", size: "Standard_D2s_v5", dataDisks: [{ name: "data", lun: 0, sizeGb: 256 }] };

/** The config as pulumi.Config hands it over for a stack with a Linux and a Windows VM and only the required keys. */
const RAW: RawStackConfig = {
    resourceGroupName: "rg-persistent-vm-test",
    createResourceGroup: undefined,
    network: { addressSpace: "10.42.0.0/16", subnetPrefix: "10.42.1.0/24" },
    vms: [WEB01, APP01],
    backup: undefined,
    tags: undefined,
    adminPasswordVms: [],
};

/** The problems parseStackConfig throws, or `"parsed"` when it accepts the config. */
function problemsOf(raw: RawStackConfig): readonly string[] | "parsed" {
    try {
        parseStackConfig(raw);
    } catch (error) {
        if (error instanceof StackConfigError) {
            return error.problems;
        }
        throw error;
    }
    return "parsed";
}

describe("GIVEN a stack config with only the required keys WHEN it is parsed", () => {
    it("THEN it comes back typed, with the defaults filled in and YAML's zone 1 as the string \"1\"", () => {
        expect(parseStackConfig(RAW)).toStrictEqual({
            resourceGroupName: "rg-persistent-vm-test",
            createResourceGroup: true,
            network: { addressSpace: "10.42.0.0/16", subnetPrefix: "10.42.1.0/24", managementSourcePrefixes: [], allowManagementFromAnywhere: false },
            vms: [
                { name: "web01", os: "linux", size: "Standard_D2s_v5", zone: "1", sshPublicKeys: [THROWAWAY_ED25519_KEY] },
                { name: "app01", os: "windows", size: "Standard_D2s_v5", dataDisks: [{ name: "data", lun: 0, sizeGb: 256 }] },
            ],
            backup: undefined,
            tags: undefined,
            adminPasswordVms: [],
        });
    });

    it("THEN explicit values win over the defaults, and a password key for the Windows VM is accepted", () => {
        const parsed = parseStackConfig({
            ...RAW,
            createResourceGroup: false,
            network: { addressSpace: "10.42.0.0/16", subnetPrefix: "10.42.1.0/24", managementSourcePrefixes: ["203.0.113.0/24"] },
            adminPasswordVms: ["app01"],
        });
        expect([parsed.createResourceGroup, parsed.network.managementSourcePrefixes, parsed.adminPasswordVms]).toStrictEqual([
            false, ["203.0.113.0/24"], ["app01"],
        ]);
    });
});

const DISK_SKUS = `"Standard_LRS", "StandardSSD_LRS", "StandardSSD_ZRS", "Premium_LRS", "Premium_ZRS", "PremiumV2_LRS" or "UltraSSD_LRS"`;

interface BadConfig {
    readonly scenario: string;
    readonly raw: Partial<RawStackConfig>;
    readonly problems: readonly string[];
}

describe("GIVEN a VM config entry whose OS and data disks are uploaded WHEN it is parsed", () => {
    it("THEN the upload's size and phase and the agent statement come back as given, for the components to check", () => {
        const lifted = {
            name: "erp01", os: "windows", size: "Standard_D4s_v5",
            osDisk: { hyperVGeneration: "V2", vmAgentInstalled: true, source: { upload: { sizeBytes: 136_365_212_160, phase: "attach" } } },
            dataDisks: [{ name: "data", lun: 0, source: { upload: { sizeBytes: 274_877_907_456, phase: "upload" } } }],
        };
        expect(parseStackConfig({ ...RAW, vms: [WEB01, lifted] }).vms[1]).toStrictEqual(lifted);
    });
});

describe("GIVEN a stack config a user gets wrong WHEN it is parsed", () => {
    it.each<BadConfig>([
        {
            scenario: "a VM without os",
            raw: { vms: [{ name: "db01", size: "Standard_D2s_v5" }] },
            problems: [`azure-persistent-vm:vms[0] ("db01").os: is required; set it to one of "linux", "windows".`],
        },
        {
            scenario: "a misspelt key on a VM",
            raw: { vms: [{ name: "web01", os: "linux", size: "Standard_D2s_v5", sshPublicKey: [THROWAWAY_ED25519_KEY] }] },
            problems: [`azure-persistent-vm:vms[0] ("web01"): unknown key "sshPublicKey" (did you mean "sshPublicKeys"?); check the spelling against docs/configuration.md.`],
        },
        {
            scenario: "two misspelt keys in the network",
            raw: { network: { addressSpace: "10.42.0.0/16", subnetPrefix: "10.42.1.0/24", managementSourcePrefix: [], allowSsh: true } },
            problems: [`azure-persistent-vm:network: unknown keys "managementSourcePrefix" (did you mean "managementSourcePrefixes"?), "allowSsh"; check the spelling against docs/configuration.md.`],
        },
        {
            scenario: "no resourceGroupName",
            raw: { resourceGroupName: undefined },
            problems: ["azure-persistent-vm:resourceGroupName: is required (a string)."],
        },
        {
            scenario: "no network",
            raw: { network: undefined },
            problems: ["azure-persistent-vm:network: is required (an object)."],
        },
        {
            scenario: "no vms",
            raw: { vms: undefined },
            problems: ["azure-persistent-vm:vms: is required (an array)."],
        },
        {
            scenario: "an empty vms list",
            raw: { vms: [] },
            problems: ["azure-persistent-vm:vms: Too small: expected array to have >=1 items."],
        },
        {
            scenario: "sshPublicKeys and customData on a Windows VM",
            raw: { vms: [WEB01, { ...APP01, sshPublicKeys: [THROWAWAY_ED25519_KEY], customData: "#cloud-config" }] },
            problems: [
                `azure-persistent-vm:vms[1] ("app01").sshPublicKeys: is for Linux VMs; remove it from this Windows VM.`,
                `azure-persistent-vm:vms[1] ("app01").customData: is for Linux VMs; remove it from this Windows VM.`,
            ],
        },
        {
            scenario: "two VMs with the same name",
            raw: { vms: [WEB01, { ...APP01, name: "web01" }] },
            problems: [`azure-persistent-vm:vms[1] ("web01").name: "web01" is already used by azure-persistent-vm:vms[0] ("web01").name; each VM name must be unique.`],
        },
        {
            scenario: "an adminPasswords key for a VM that does not exist",
            raw: { adminPasswordVms: ["db01"] },
            problems: [`azure-persistent-vm:adminPasswords.db01: there is no Windows VM named "db01"; remove the key or fix the name.`],
        },
        {
            scenario: "an adminPasswords key for a Linux VM",
            raw: { adminPasswordVms: ["web01"] },
            problems: [`azure-persistent-vm:adminPasswords.web01: there is no Windows VM named "web01"; remove the key or fix the name.`],
        },
        {
            scenario: "a VM that opts in to backup in a stack without a backup key",
            raw: { vms: [{ ...WEB01, backup: true }, APP01] },
            problems: [`azure-persistent-vm:vms[0] ("web01").backup: needs the stack's azure-persistent-vm:backup key: {} for a vault with the defaults, or { policyId } for an existing policy.`],
        },
        {
            scenario: "an existing backup policy together with settings for a vault the stack would create",
            raw: { backup: { policyId: "/subscriptions/0/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v/backupPolicies/p", retentionDays: 60, vaultName: "rsv" } },
            problems: [`azure-persistent-vm:backup: policyId uses an existing policy, so vaultName, retentionDays would configure nothing; remove them or policyId.`],
        },
    ])("THEN $scenario is refused with exactly its problems", ({ raw, problems }) => {
        expect(problemsOf({ ...RAW, ...raw })).toStrictEqual(problems);
    });

    it("THEN the error's message lists every problem, one an indented line", () => {
        const parse = (): unknown => parseStackConfig({ ...RAW, resourceGroupName: undefined, network: undefined });
        expect(parse).toThrow(StackConfigError);
        expect(parse).toThrow(
            "invalid stack configuration:\n  azure-persistent-vm:resourceGroupName: is required (a string).\n  azure-persistent-vm:network: is required (an object).",
        );
    });
});

// Zod 4 leaves the offending value out of its issues unless parsing asks for it (`reportInput: true`), so today every
// wrong value below is reported as missing ("is required ..."). These rows state the messages config.ts's own
// describe() means to give; they fail until parseStackConfig asks for the input.
describe("GIVEN a stack config key set to a wrong value WHEN it is parsed", () => {
    it.each<BadConfig>([
        {
            scenario: "os: Linux",
            raw: { vms: [{ ...WEB01, os: "Linux" }] },
            problems: [`azure-persistent-vm:vms[0] ("web01").os: "Linux" is not allowed; use one of "linux", "windows".`],
        },
        {
            scenario: "a disk SKU Azure does not have",
            raw: { vms: [WEB01, { ...APP01, dataDisks: [{ name: "data", lun: 0, sizeGb: 256, sku: "Premium_SSD" }] }] },
            problems: [`azure-persistent-vm:vms[1] ("app01").dataDisks[0].sku: "Premium_SSD" is not a disk SKU; use ${DISK_SKUS}.`],
        },
        {
            scenario: "zone: 4",
            raw: { vms: [{ ...WEB01, zone: 4 }] },
            problems: [`azure-persistent-vm:vms[0] ("web01").zone: "4" is not an availability zone; use "1", "2" or "3".`],
        },
        {
            scenario: "a LUN written as a string",
            raw: { vms: [WEB01, { ...APP01, dataDisks: [{ name: "data", lun: "0", sizeGb: 256 }] }] },
            problems: [`azure-persistent-vm:vms[1] ("app01").dataDisks[0].lun: expected number, got a string of 1 character (not shown).`],
        },
        {
            scenario: "a fractional disk size",
            raw: { vms: [WEB01, { ...APP01, dataDisks: [{ name: "data", lun: 0, sizeGb: 1.5 }] }] },
            problems: [`azure-persistent-vm:vms[1] ("app01").dataDisks[0].sizeGb: expected int, got 1.5.`],
        },
        {
            scenario: "an upload phase that is not one",
            raw: { vms: [WEB01, { ...APP01, dataDisks: [{ name: "data", lun: 0, source: { upload: { sizeBytes: 274_877_907_456, phase: "uploaded" } } }] }] },
            problems: [`azure-persistent-vm:vms[1] ("app01").dataDisks[0].source.upload.phase: "uploaded" is not an upload phase; use "upload" or "attach".`],
        },
        {
            scenario: "createResourceGroup: yes",
            raw: { createResourceGroup: "yes" },
            problems: [`azure-persistent-vm:createResourceGroup: expected boolean, got a string of 3 characters (not shown).`],
        },
        {
            scenario: "a vms entry that is a bare name",
            raw: { vms: [WEB01, "app01"] },
            problems: [`azure-persistent-vm:vms[1]: expected object, got a string of 5 characters (not shown).`],
        },
    ])("THEN $scenario is reported as the wrong type it is (a string by its length only, as it may be a pasted key or password), not as missing", ({ raw, problems }) => {
        expect(problemsOf({ ...RAW, ...raw })).toStrictEqual(problems);
    });
});

describe("GIVEN two VM names that differ only in case WHEN the config is parsed", () => {
    it("THEN the second is refused, because Azure names compare without case and both VMs share one resource group", () => {
        const problems = problemsOf({ ...RAW, vms: [WEB01, { ...APP01, name: "WEB01" }] });
        expect(problems).toStrictEqual([
            `azure-persistent-vm:vms[1] ("WEB01").name: "WEB01" is already used by azure-persistent-vm:vms[0] ("web01").name as "web01"; Azure names ignore case, so each VM name must be unique.`,
        ]);
    });
});
