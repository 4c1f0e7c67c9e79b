/**
 * Secret config keys end to end in the stack program, run in process with config as the CLI delivers it after
 * decrypting (plaintext, the key listed as secret): the secret-capable values of a secret key reach the components
 * as secrets and everything else stays as it was; no problem line shows a value of a secret key, or a quoted value
 * that looks like a key or password; every control character of a problem line is escaped.
 * Not proved here: the runner's and the plan CLI's own output streams (test/e2e/secret-canary.test.ts), and what the
 * Pulumi CLI does with PULUMI_CONFIG_SECRET_KEYS (there is no CLI here).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { escapeControlCharacters } from "../../components/preflight";
import { StackConfigError, hideKeyLikeValues, hideSecretValues, parseStackConfig, type RawStackConfig } from "../../stack/config";
import { SECRET_CAPABLE } from "../../stack/secret-config";
import type { ProgramRun } from "../../tools/recorder/program";
import type { Registration } from "../../tools/recorder/recorder";
import { DEV_KEY, devVm } from "../support/dev-stack";
import { devRun } from "../support/programs";

const STORAGE = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-migrate/providers/Microsoft.Storage/storageAccounts/migratevhds";
const SAS_URI = "https://migratevhds.blob.core.windows.net/vhds/app-data.vhd?sv=2024-05-04&sig=c2FzLXNpZ25hdHVyZQ%3D";
const CUSTOM_DATA = "#cloud-config\nruncmd: [echo token-3f9a]\n";

/** The dev stack's VMs with every secret-capable value of the vms key set: custom data, a VHD's URI, a tag. */
const SECRET_VMS = [
    {
        ...devVm("web01"),
        customData: CUSTOM_DATA,
        dataDisks: [
            { name: "data", lun: 0, sizeGb: 128, sku: "Premium_LRS", caching: "ReadOnly", format: true },
            { name: "vhd", lun: 1, sizeGb: 128, sku: "Premium_LRS", source: { importVhd: { uri: SAS_URI, storageAccountId: STORAGE } } },
        ],
        tags: { owner: "team-7c1e" },
    },
    devVm("app01"),
];

/** The registration of a resource by name. */
function find(run: ProgramRun, name: string): Registration {
    const found = run.registrations.find((r) => r.name === name);
    if (found === undefined) {
        throw new Error(`${name} was not registered`);
    }
    return found;
}

/** Whether a dotted input path arrived inside a value marked secret. */
function isSecret(r: Registration, at: string): boolean {
    return r.secretPaths.some((p) => at === p || at.startsWith(`${p}.`));
}

/** Every registration as type, name, URN and inputs with secrets unwrapped: what the engine would decide on. */
function decided(run: ProgramRun): unknown[] {
    return run.registrations.map((r) => ({ type: r.type, name: r.name, urn: r.urn, inputs: r.inputs, options: r.options }));
}

describe("GIVEN the list of secret-capable values", () => {
    it("THEN it names custom data, VHD URIs and tag values of the vms key, the stack's tag values and the passwords, and nothing else", () => {
        expect(SECRET_CAPABLE).toEqual({
            vms: [
                ["[]", "customData"],
                ["[]", "osDisk", "source", "importVhd", "uri"],
                ["[]", "dataDisks", "[]", "source", "importVhd", "uri"],
                ["[]", "tags", "{}"],
            ],
            tags: [["{}"]],
            adminPasswords: [["{}"]],
        });
    });
});

describe("GIVEN the dev stack whose vms and tags keys are secret (pulumi config set --secret --path 'vms[0].customData' ...)", () => {
    let secret: ProgramRun;
    let plain: ProgramRun;
    beforeAll(async () => {
        plain = await devRun({ configOverrides: { "azure-persistent-vm:vms": SECRET_VMS, "azure-persistent-vm:tags": { costCenter: "cc-4411" } } });
        secret = await devRun({ secretConfig: { "azure-persistent-vm:vms": SECRET_VMS, "azure-persistent-vm:tags": { costCenter: "cc-4411" } } });
    });

    it("THEN the program succeeds, and without secret keys the tag values arrive plain (custom data is a secret either way: the component makes it one)", () => {
        expect([secret.exitCode, plain.exitCode]).toEqual([0, 0]);
        expect(secret.logs.filter((l) => l.severity === "error" || l.severity === "warning")).toEqual([]);
        expect([isSecret(find(plain, "web01-vm"), "tags.costCenter"), isSecret(find(plain, "web01-vm"), "osProfile.customData")]).toEqual([false, true]);
    });

    it("THEN the custom data, the VHD's URI and every tag value reach the resources as secrets", () => {
        const vm = find(secret, "web01-vm");
        expect([isSecret(vm, "osProfile.customData"), isSecret(vm, "tags.owner"), isSecret(vm, "tags.costCenter")]).toEqual([true, true, true]);
        const vhd = find(secret, "web01-disk-vhd");
        expect(vhd.inputs["creationData"]).toEqual({ createOption: "Import", sourceUri: SAS_URI, storageAccountId: STORAGE });
        expect(isSecret(vhd, "creationData.sourceUri")).toBe(true);
        expect(["resource-group", "network-vnet", "network-nsg", "web01-nic", "web01-disk-data", "app01-vm"].map((name) => isSecret(find(secret, name), "tags.costCenter")))
            .toEqual([true, true, true, true, true, true]);
    });

    it("THEN names, URNs and every value the engine decides on are exactly those of the plain run: only the secret marks differ", () => {
        expect(decided(secret)).toEqual(decided(plain));
    });
});

describe("GIVEN a secret vms key whose VMs set no custom data, VHD or tag (the dev stack's VMs)", () => {
    it("THEN every registration, with its secret marks, is exactly the plain run's: public keys, names and sizes stay plain", async () => {
        const plain = await devRun({});
        const secret = await devRun({ secretConfig: { "azure-persistent-vm:vms": [devVm("web01"), devVm("app01")] } });
        const marked = (run: ProgramRun) => run.registrations.map((r) => ({ name: r.name, inputs: r.inputs, secretPaths: r.secretPaths }));
        expect(secret.exitCode).toBe(0);
        expect(marked(secret)).toEqual(marked(plain));
        expect(isSecret(find(secret, "web01-vm"), "osProfile.linuxConfiguration.ssh.publicKeys")).toBe(false);
    });
});

describe("GIVEN a secret network key, none of whose values can be a secret, WHEN the program runs", () => {
    it("THEN it succeeds, passes the network in plain, and warns that the key's secrecy cannot be kept", async () => {
        const network = { addressSpace: "10.42.0.0/16", subnetPrefix: "10.42.1.0/24", managementSourcePrefixes: ["203.0.113.0/24"] };
        const run = await devRun({ secretConfig: { "azure-persistent-vm:network": network } });
        expect(run.exitCode).toBe(0);
        expect(run.logs.filter((l) => l.severity === "warning").map((l) => l.message)).toEqual([
            "azure-persistent-vm:network is a secret, but none of its values can be one: they are names, addresses and settings that become resources, URNs and properties Azure shows to anyone who can read them, so the stack passes them in plain; set the key without --secret.",
        ]);
        expect(find(run, "network-vnet").secretPaths).toEqual([]);
    });
});

describe("GIVEN a secret vms key with values the components refuse WHEN the program runs", () => {
    it("THEN each problem names its key and hides the value; the same config, not secret, shows them", async () => {
        const vms = [{ ...devVm("web01"), adminUsername: "root-Zq81.", computerName: "host_name-44" }, devVm("app01")];
        const errorsOf = (run: ProgramRun) => run.logs.filter((l) => l.severity === "error").map((l) => l.message).join("\n");
        const secret = await devRun({ secretConfig: { "azure-persistent-vm:vms": vms } });
        expect(secret.exitCode).not.toBe(0);
        expect(errorsOf(secret)).toContain(`  azure-persistent-vm:vms[0] ("web01").adminUsername: "[secret]" cannot end with "." (set adminUsername).`);
        expect(errorsOf(secret)).not.toContain("root-Zq81");
        expect(errorsOf(secret)).not.toContain("host_name-44");
        const plain = await devRun({ configOverrides: { "azure-persistent-vm:vms": vms } });
        expect(errorsOf(plain)).toContain(`  azure-persistent-vm:vms[0] ("web01").adminUsername: "root-Zq81." cannot end with "." (set adminUsername).`);
    });
});

describe("GIVEN a VM name and an administrator name with a line break, a carriage return and an erase-line escape WHEN the program runs", () => {
    it("THEN every problem is one line, each control character escaped, and none starts a forged line", async () => {
        const name = "web01\n  azure-persistent-vm:fake: ok\r\u001b[2K";
        const run = await devRun({
            configOverrides: { "azure-persistent-vm:vms": [{ ...devVm("web01"), name, adminUsername: "adm\r\u001b[2Kin\nx" }, devVm("app01")] },
        });
        expect(run.exitCode).not.toBe(0);
        const error = run.logs.filter((l) => l.severity === "error").map((l) => l.message).join("\n");
        const lines = error.split("\n");
        const problems = lines.slice(lines.indexOf("StackConfigError: invalid stack configuration:") + 1).filter((l) => l.startsWith("  "));
        const where = `azure-persistent-vm:vms[0] ("web01\\n  azure-persistent-vm:fake: ok\\r\\u001b[2K")`;
        expect(problems.filter((l) => !l.startsWith("    at "))).toEqual([
            `  ${where}.name: "web01\\n  azure-persistent-vm:fake: ok\\r\\u001b[2K" may hold only letters, digits, "_", "." and "-", must start with a letter or digit, and cannot end with "." or "-" (set vmName).`,
            `  ${where}.computerName: "web01\\n  azure-persistent-vm:fake: ok\\r\\u001b[2K" must hold only letters, digits, hyphens and periods, and start and end with a letter or digit (set computerName).`,
            `  ${where}.adminUsername: "adm\\r\\u001b[2Kin\\nx" may hold only letters, digits, "-" and "_", and cannot start with a digit or "-" (set adminUsername).`,
        ]);
        expect([error.includes("\r"), error.includes("\u001b")]).toEqual([false, false]);
    });
});

/** The problems parseStackConfig throws, given the secret keys. */
function problemsOf(raw: RawStackConfig, keys: readonly string[]): readonly string[] {
    try {
        parseStackConfig(raw, { keys: new Set(keys), values: { vms: raw.vms, network: raw.network, tags: raw.tags } });
    } catch (error) {
        if (error instanceof StackConfigError) {
            return error.problems;
        }
        throw error;
    }
    return [];
}

describe("GIVEN a stack config with wrong values under the vms key WHEN it is parsed with vms secret, and not", () => {
    const raw: RawStackConfig = {
        resourceGroupName: "rg-secret",
        createResourceGroup: undefined,
        network: { addressSpace: "10.42.0.0/16", subnetPrefix: "10.42.1.0/24" },
        vms: [
            { name: "web01", os: "linux", size: "Standard_D2s_v5", zone: "zone-9d1", customData: 730194628, sshPublicKeys: [DEV_KEY] },
            { name: "app01", os: "canary-os", size: "Standard_D2s_v5", encryptionAtHost: "yes-7b" },
        ],
        backup: undefined,
        tags: undefined,
        adminPasswordVms: [],
    };

    it("THEN with vms secret, no problem shows a value, and each still names its key and its fix", () => {
        expect(problemsOf(raw, ["vms"])).toEqual([
            `azure-persistent-vm:vms[0] ("web01").zone: "[secret]" is not an availability zone; use "1", "2" or "3".`,
            `azure-persistent-vm:vms[0] ("web01").customData: expected string, got a number (not shown: its key is a secret).`,
            `azure-persistent-vm:vms[1] ("app01").os: its value (azure-persistent-vm:vms is a secret, so it is not shown) is not allowed; use one of "linux", "windows".`,
            `azure-persistent-vm:vms[1] ("app01").encryptionAtHost: expected boolean, got a string of 6 characters (not shown).`,
        ]);
    });

    it("THEN with vms plain, the same problems show the values", () => {
        expect(problemsOf(raw, [])).toEqual([
            `azure-persistent-vm:vms[0] ("web01").zone: "zone-9d1" is not an availability zone; use "1", "2" or "3".`,
            `azure-persistent-vm:vms[0] ("web01").customData: expected string, got 730194628.`,
            `azure-persistent-vm:vms[1] ("app01").os: "canary-os" is not allowed; use one of "linux", "windows".`,
            `azure-persistent-vm:vms[1] ("app01").encryptionAtHost: expected boolean, got a string of 6 characters (not shown).`,
        ]);
    });
});

describe("GIVEN problem lines of a secret key WHEN their values are hidden", () => {
    const scope = {
        keys: new Set(["vms", "network", "adminPasswords"]),
        values: {
            vms: [{ name: "web01", os: "linux", size: "Standard_D2s_v5", customData: "tok-1f2e", dataDisks: [{ name: "data", lun: 0, sku: "Premium_XYZ" }], tags: { "cost center": "cc-9" } }],
            network: { addressSpace: "10.42.0.0/16", subnetPrefix: "10.42.1.0/29" },
            adminPasswords: { app01: "x" },
        },
    };

    it.each([
        {
            scenario: "a field's value, quoted",
            line: `azure-persistent-vm:vms[0] ("web01").dataDisks[0].sku: "Premium_XYZ" is not a disk SKU.`,
            shown: `azure-persistent-vm:vms[0] ("web01").dataDisks[0].sku: "[secret]" is not a disk SKU.`,
        },
        {
            scenario: "a secret-capable value a message about another field echoes",
            line: `azure-persistent-vm:vms[0] ("web01").size: cannot run tok-1f2e.`,
            shown: `azure-persistent-vm:vms[0] ("web01").size: cannot run [secret].`,
        },
        {
            scenario: "the VM's and the disk's names, which stay",
            line: `azure-persistent-vm:vms[0] ("web01").dataDisks[0]: makes the disk "web01-disk-data", which azure-persistent-vm:vms[1] ("web02").dataDisks[0] also makes.`,
            shown: `azure-persistent-vm:vms[0] ("web01").dataDisks[0]: makes the disk "web01-disk-data", which azure-persistent-vm:vms[1] ("web02").dataDisks[0] also makes.`,
        },
        {
            scenario: "a tag named with a space, by its quoted name",
            line: `azure-persistent-vm:vms[0] ("web01").tags["cost center"]: "cc-9" is 4 characters.`,
            shown: `azure-persistent-vm:vms[0] ("web01").tags["cost center"]: "[secret]" is 4 characters.`,
        },
        {
            scenario: "a whole VM's strings, for a problem of the entry",
            line: `azure-persistent-vm:vms[0] ("web01"): linux on Standard_D2s_v5 cannot hold Premium_XYZ.`,
            shown: `azure-persistent-vm:vms[0] ("web01"): [secret] on [secret] cannot hold [secret].`,
        },
        {
            scenario: "a network prefix",
            line: `azure-persistent-vm:network.subnetPrefix: "10.42.1.0/29" has 3 addresses for VMs.`,
            shown: `azure-persistent-vm:network.subnetPrefix: "[secret]" has 3 addresses for VMs.`,
        },
        {
            scenario: "a one-letter password, which leaves the words that hold its letter",
            line: `azure-persistent-vm:adminPasswords.app01: x is not allowed; fix it.`,
            shown: `azure-persistent-vm:adminPasswords.app01: [secret] is not allowed; fix it.`,
        },
        {
            scenario: "a key that is not secret",
            line: `azure-persistent-vm:backup.vaultName: "Premium_XYZ" is not allowed.`,
            shown: `azure-persistent-vm:backup.vaultName: "Premium_XYZ" is not allowed.`,
        },
        {
            scenario: "a key whose name starts like a secret key's",
            line: `azure-persistent-vm:vmsExtra: "linux".`,
            shown: `azure-persistent-vm:vmsExtra: "linux".`,
        },
    ])("WHEN the line holds $scenario THEN it shows what it should", ({ line, shown }) => {
        expect(hideSecretValues(line, scope)).toBe(shown);
    });
});

describe("GIVEN quoted values in problem lines of any key WHEN the ones that look like keys or passwords are hidden", () => {
    const HIDDEN = "[a value that looks like a key or password, not shown]";

    it.each([
        ["a PEM private key", `x: "-----BEGIN OPENSSH PRIVATE KEY-----\\nb3Blbg==" is wrong.`, `x: ${HIDDEN} is wrong.`],
        ["an OpenSSH public key line", `x: "${DEV_KEY}" is wrong.`, `x: ${HIDDEN} is wrong.`],
        ["a long base64 run", `x: "c2VjcmV0LXRva2VuLXRoYXQtaXMtbG9uZy1lbm91Z2gtdG8tc2hvdw==" is wrong.`, `x: ${HIDDEN} is wrong.`],
        ["a password", `x: "Summer2025!" is wrong.`, `x: ${HIDDEN} is wrong.`],
    ])("WHEN a line quotes %s THEN it is hidden", (_, line, shown) => {
        expect(hideKeyLikeValues(line)).toBe(shown);
    });

    it.each([
        ["a resource id", `x: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/default" is wrong.`],
        ["a VM size", `x: "Standard_D2s_v5" is wrong.`],
        ["an image URN", `x: "Canonical:ubuntu-24_04-lts:server:latest" is wrong.`],
        ["an address range", `x: "10.42.1.0/24" is wrong.`],
        ["a name with a refused character", `x: "web<01" holds "<".`],
    ])("WHEN a line quotes %s THEN it stays", (_, line) => {
        expect(hideKeyLikeValues(line)).toBe(line);
    });
});

describe("GIVEN problem lines with control characters WHEN they are escaped", () => {
    it("THEN line breaks, carriage returns, escapes, DEL, C1 controls, separators and bidirectional overrides become escapes", () => {
        expect(escapeControlCharacters("a\nb\rc\u001b[2Kd\te\u007ff\u0085g\u2028h\u202ei")).toBe("a\\nb\\rc\\u001b[2Kd\\te\\u007ff\\u0085g\\u2028h\\u202ei");
    });

    it("THEN a StackConfigError's problems and message hold them escaped", () => {
        const error = new StackConfigError(["azure-persistent-vm:vms: bad\n  azure-persistent-vm:fake: \u001b[2Kforged"]);
        expect(error.problems).toEqual(["azure-persistent-vm:vms: bad\\n  azure-persistent-vm:fake: \\u001b[2Kforged"]);
        expect(error.message.split("\n")).toEqual(["invalid stack configuration:", "  azure-persistent-vm:vms: bad\\n  azure-persistent-vm:fake: \\u001b[2Kforged"]);
    });
});
