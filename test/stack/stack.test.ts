/**
 * The stack program, run as `pulumi preview` would run it (Pulumi.yaml's `main`, the dev stack's config as the CLI
 * hands it over), in this process under the recorder (test/support/programs.ts; test/e2e proves it registers what the
 * SDK's runner does).
 * Not proved here: what Azure accepts (no Azure), the CLI's diff against existing state, and provider plugins.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { OS_DISK_SKU_PATH, VM_IGNORE_CHANGES, VM_REPLACE_ON_CHANGES } from "../../components/internal";
import { DEV_KEY, DEV_STACK_INVENTORY, devVm, inventory } from "../support/dev-stack";
import type { ProgramRun } from "../../tools/recorder/program";
import { devRun } from "../support/programs";
import type { Registration } from "../../tools/recorder/recorder";


/** What the program logged as errors, one message a line. */
function errorsOf(run: ProgramRun): string {
    return run.logs.filter((l) => l.severity === "error").map((l) => l.message).join("\n");
}

/**
 * What a user sees by default of a run: every log but debug (and, through the runner, its output; the e2e test of
 * the runner checks that too). The SDK's own debug logging, shown only with --debug, prints RPC responses with
 * secrets inside their wrappers, under the real engine too.
 */
function visibleOutput(run: ProgramRun): string {
    return run.stdout + run.stderr + JSON.stringify(run.logs.filter((l) => l.severity !== "debug"));
}

function find(run: ProgramRun, type: string, name: string): Registration {
    const found = run.registrations.find((r) => r.type === type && r.name === name);
    if (found === undefined) {
        throw new Error(`${type}::${name} was not registered`);
    }
    return found;
}

describe("GIVEN the dev stack (Pulumi.dev.yaml) WHEN its program runs as pulumi preview runs it", () => {
    let run: ProgramRun;
    beforeAll(async () => {
        run = await devRun({});
    });

    it("THEN the program succeeds and registers exactly the dev stack's resources", () => {
        expect(run.logs.filter((l) => l.severity === "error")).toEqual([]);
        expect(run.exitCode).toBe(0);
        expect(run.entryPoint).toBe("index.ts");
        expect(inventory(run.registrations)).toEqual(DEV_STACK_INVENTORY);
    });

    it.each(["web01", "app01"])("THEN %s's data disk is its own protected Disk, retained through any delete that skips protect, attached by id and detached on delete", (vm) => {
        const disk = find(run, "azure-native:compute:Disk", `${vm}-disk-data`);
        const machine = find(run, "azure-native:compute:VirtualMachine", `${vm}-vm`);
        expect([disk.options.protect, disk.options.retainOnDelete]).toEqual([true, true]);
        expect(disk.inputs["creationData"]).toEqual({ createOption: "Empty" });
        const storage = machine.inputs["storageProfile"] as { dataDisks: unknown[]; osDisk: { deleteOption: string; createOption: string } };
        expect(storage.dataDisks).toEqual([{
            lun: 0,
            createOption: "Attach",
            deleteOption: "Detach",
            caching: "ReadOnly",
            managedDisk: { id: `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-persistent-vm-dev/providers/Microsoft.Compute/disks/${vm}-disk-data` },
        }]);
        expect(machine.options.dependencies).toContain(disk.urn);
        expect(storage.osDisk.deleteOption).toBe("Detach");
        expect(storage.osDisk.createOption).toBe("FromImage");
    });

    it.each([
        // web01 names its OS disk's SKU; app01's follows its size, so it is ignored after creation (a resize never replaces it).
        { vm: "web01", ignored: VM_IGNORE_CHANGES },
        { vm: "app01", ignored: [...VM_IGNORE_CHANGES, OS_DISK_SKU_PATH] },
    ])("THEN $vm's VM is deleted before it is replaced, replaces on create-only changes and its security type, and ignores credentials", ({ vm, ignored }) => {
        const machine = find(run, "azure-native:compute:VirtualMachine", `${vm}-vm`);
        expect(machine.options.deleteBeforeReplace).toBe(true);
        expect(machine.options.replaceOnChanges).toEqual(VM_REPLACE_ON_CHANGES);
        expect(machine.options.ignoreChanges).toEqual(ignored);
        expect(machine.options.replacementTrigger).toBe("TrustedLaunch");
        const nics = (machine.inputs["networkProfile"] as { networkInterfaces: { deleteOption: string }[] }).networkInterfaces;
        expect(nics.map((n) => n.deleteOption)).toEqual(["Detach"]);
    });

    it("THEN the Linux VM signs in only with the configured SSH key", () => {
        const machine = find(run, "azure-native:compute:VirtualMachine", "web01-vm");
        expect((machine.inputs["osProfile"] as { linuxConfiguration: unknown }).linuxConfiguration).toEqual({
            disablePasswordAuthentication: true,
            provisionVMAgent: true,
            ssh: { publicKeys: [{ path: "/home/azureuser/.ssh/authorized_keys", keyData: DEV_KEY }] },
            patchSettings: { patchMode: "AutomaticByPlatform", assessmentMode: "AutomaticByPlatform" },
        });
        expect(run.registrations.some((r) => r.type === "tls:index/privateKey:PrivateKey")).toBe(false);
    });

    it("THEN the Windows password is generated and reaches the VM only as a secret", () => {
        const machine = find(run, "azure-native:compute:VirtualMachine", "app01-vm");
        const password = find(run, "random:index/randomPassword:RandomPassword", "app01-admin-password");
        expect(machine.secretPaths).toEqual(["osProfile"]);
        expect((machine.inputs["osProfile"] as { adminPassword: string }).adminPassword).toBe("placeholder-password-of-app01-admin-password");
        expect(password.parent).toBe(find(run, "azure-persistent-vm:index:WindowsVm", "app01").urn);
        expect(visibleOutput(run)).not.toContain("placeholder-password-of");
    });

    it("THEN SSH and RDP are open only to the configured management prefix, and the resource group is protected", () => {
        const nsg = find(run, "azure-native:network:NetworkSecurityGroup", "network-nsg");
        const rules = nsg.inputs["securityRules"] as { name: string; sourceAddressPrefixes: string[]; destinationPortRange: string }[];
        expect(rules.map((r) => [r.name, r.sourceAddressPrefixes, r.destinationPortRange])).toEqual([
            ["allow-ssh-from-management", ["203.0.113.0/24"], "22"],
            ["allow-rdp-from-management", ["203.0.113.0/24"], "3389"],
        ]);
        expect(find(run, "azure-native:resources:ResourceGroup", "resource-group").options.protect).toBe(true);
    });
});

describe("GIVEN a stack config whose vms entry has no os WHEN the program runs", () => {
    let run: ProgramRun;
    beforeAll(async () => {
        run = await devRun({
            configOverrides: {
                "azure-persistent-vm:vms": [{ name: "db01", size: "Standard_D2s_v5" }],
            },
        });
    });

    it("THEN it fails with a message naming the entry and the key", () => {
        expect(run.exitCode).not.toBe(0);
        expect(errorsOf(run)).toContain(`azure-persistent-vm:vms[0] ("db01").os: is required; set it to one of "linux", "windows".`);
    });

    it("THEN nothing but the stack itself is registered", () => {
        expect(inventory(run.registrations)).toEqual(["pulumi:pulumi:Stack::azure-persistent-vm-dev"]);
    });
});

describe("GIVEN the dev stack with app01's password set as a secret (pulumi config set --secret --path adminPasswords.app01)", () => {
    const password = "Given-Passw0rd-For-Test";
    let run: ProgramRun;
    beforeAll(async () => {
        run = await devRun({ secretConfig: { "azure-persistent-vm:adminPasswords": { app01: password } } });
    });

    it("THEN no password is generated and the VM receives the configured one, only as a secret", () => {
        expect(run.exitCode).toBe(0);
        expect(inventory(run.registrations)).toEqual(DEV_STACK_INVENTORY.filter((r) => !r.startsWith("random:")));
        const machine = find(run, "azure-native:compute:VirtualMachine", "app01-vm");
        expect(machine.secretPaths).toEqual(["osProfile"]);
        expect((machine.inputs["osProfile"] as { adminPassword: string }).adminPassword).toBe(password);
        expect(visibleOutput(run)).not.toContain(password);
    });
});

describe("GIVEN a password for a VM the stack does not have WHEN the program runs", () => {
    it("THEN it fails naming the key, and registers nothing but the stack", async () => {
        const run = await devRun({ secretConfig: { "azure-persistent-vm:adminPasswords": { web01: "x" } } });
        expect(run.exitCode).not.toBe(0);
        expect(errorsOf(run))
            .toContain(`azure-persistent-vm:adminPasswords.web01: there is no Windows VM named "web01"; remove the key or fix the name.`);
        expect(inventory(run.registrations)).toEqual(["pulumi:pulumi:Stack::azure-persistent-vm-dev"]);
    });
});

describe("GIVEN a stack config where two VMs and the network each break a rule WHEN the program runs", () => {
    let run: ProgramRun;
    beforeAll(async () => {
        run = await devRun({
            configOverrides: {
                "azure-persistent-vm:network": { addressSpace: "10.42.0.0/16", subnetPrefix: "10.42.1.0/24", managementSourcePrefixes: ["*"] },
                "azure-persistent-vm:vms": [
                    { name: "web01", os: "linux", size: "Standard_D2s_v5", sshPublicKeys: [DEV_KEY], dataDisks: [{ name: "data", lun: 64, sizeGb: 128 }] },
                    { name: "application-server", os: "windows", size: "Standard_A2_v2" },
                ],
            },
        });
    });

    it("THEN one error lists every problem by its config key, and nothing but the stack is registered", () => {
        expect(run.exitCode).not.toBe(0);
        expect(errorsOf(run)).toContain([
            "StackConfigError: invalid stack configuration:",
            `  azure-persistent-vm:network.managementSourcePrefixes[0]: "*" would open SSH/RDP to the whole internet; list the addresses you manage from, like "203.0.113.0/24" (or, knowingly, set allowManagementFromAnywhere: true).`,
            `  azure-persistent-vm:vms[0] ("web01").dataDisks[0].lun: 64 is outside 0-63 (set a LUN from 0 to 63).`,
            `  azure-persistent-vm:vms[1] ("application-server").computerName: "application-server" is 18 characters; Windows allows at most 15 (set computerName).`,
            `  azure-persistent-vm:vms[1] ("application-server").securityType: "TrustedLaunch" is not supported on Standard_A2_v2 (choose a size that supports it, or set securityType: "Standard").`,
            `  azure-persistent-vm:vms[1] ("application-server").size: "Standard_A2_v2" runs only Gen1 images, and windows-server-2025 is Gen2 (choose a Gen2-capable size such as Standard_D2s_v5).`,
        ].join("\n"));
        expect(inventory(run.registrations)).toEqual(["pulumi:pulumi:Stack::azure-persistent-vm-dev"]);
    });
});

describe("GIVEN two VMs whose disks get the same Azure name WHEN the program runs", () => {
    it("THEN it fails at preview, naming both keys, and registers nothing", async () => {
        const adopt = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-persistent-vm-dev/providers/Microsoft.Compute/disks/shared-data";
        const run = await devRun({
            configOverrides: {
                "azure-persistent-vm:vms": [
                    // "a" with disk key "b-disk-c", and "a-disk-b" with disk key "c": both make a-disk-b-disk-c.
                    { name: "a", os: "linux", size: "Standard_D2s_v5", sshPublicKeys: [DEV_KEY], dataDisks: [{ name: "b-disk-c", lun: 0, sizeGb: 64 }] },
                    { name: "a-disk-b", os: "linux", size: "Standard_D2s_v5", sshPublicKeys: [DEV_KEY], dataDisks: [{ name: "c", lun: 0, sizeGb: 64 }] },
                    // Two VMs adopting the same disk.
                    { name: "d1", os: "linux", size: "Standard_D2s_v5", sshPublicKeys: [DEV_KEY], dataDisks: [{ name: "data", lun: 0, sizeGb: 64, sku: "Premium_LRS", source: { adoptId: adopt } }] },
                    { name: "d2", os: "linux", size: "Standard_D2s_v5", sshPublicKeys: [DEV_KEY], dataDisks: [{ name: "data", lun: 0, sizeGb: 64, sku: "Premium_LRS", source: { adoptId: adopt.replace("shared-data", "SHARED-DATA") } }] },
                ],
            },
        });
        expect(run.exitCode).not.toBe(0);
        expect(errorsOf(run)).toContain([
            "StackConfigError: invalid stack configuration:",
            `  azure-persistent-vm:vms[1] ("a-disk-b").dataDisks[0]: makes the disk "a-disk-b-disk-c", which azure-persistent-vm:vms[0] ("a").dataDisks[0] also makes; Azure names ignore case, so two disks of one resource group cannot share a name (rename a disk key or a VM).`,
            `  azure-persistent-vm:vms[3] ("d2").dataDisks[0]: makes the disk "SHARED-DATA", which azure-persistent-vm:vms[2] ("d1").dataDisks[0] also makes; Azure names ignore case, so two disks of one resource group cannot share a name (rename a disk key or a VM).`,
        ].join("\n"));
        expect(inventory(run.registrations)).toEqual(["pulumi:pulumi:Stack::azure-persistent-vm-dev"]);
    });
});

describe("GIVEN adminPasswords set as one secret string (pulumi config set --secret adminPasswords '<pw>', without --path)", () => {
    it("THEN it fails naming the key and how to set it, and the password appears in no output", async () => {
        const password = "Canary-Passw0rd-7f3a";
        const run = await devRun({ secretConfig: { "azure-persistent-vm:adminPasswords": password } });
        expect(run.exitCode).not.toBe(0);
        expect(errorsOf(run)).toContain(`  azure-persistent-vm:adminPasswords: is not an object of VM names and passwords (set one with pulumi config set --secret --path 'adminPasswords.<vm name>' '<password>'); its value is a secret and is not shown.`);
        expect(visibleOutput(run)).not.toContain(password);
        expect(inventory(run.registrations)).toEqual(["pulumi:pulumi:Stack::azure-persistent-vm-dev"]);
    });

    it("THEN a password given as a number is refused the same way, without showing it", async () => {
        const run = await devRun({ secretConfig: { "azure-persistent-vm:adminPasswords": { app01: 73920518 } } });
        expect(run.exitCode).not.toBe(0);
        expect(errorsOf(run)).toContain("  azure-persistent-vm:adminPasswords: is not an object of VM names and passwords");
        expect(visibleOutput(run)).not.toContain("73920518");
    });
});

describe("GIVEN vms set to something that is not JSON WHEN the program runs", () => {
    it("THEN it fails naming the key, without echoing the value", async () => {
        const pasted = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPasted-by-mistake";
        const run = await devRun({ configOverrides: { "azure-persistent-vm:vms": pasted } });
        expect(run.exitCode).not.toBe(0);
        expect(errorsOf(run)).toContain(`  azure-persistent-vm:vms: is not a list of VMs (set it in Pulumi.<stack>.yaml as a YAML list; docs/configuration.md); its value is not shown.`);
        expect(visibleOutput(run)).not.toContain("Pasted-by-mistake");
    });
});

describe("GIVEN a private key pasted where a list of public keys belongs, and a VM name with a line break and an escape code", () => {
    it("THEN the errors say what type was expected and got, never the value, and the name cannot forge a line", async () => {
        const privateKey = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmU\n-----END OPENSSH PRIVATE KEY-----";
        const run = await devRun({
            configOverrides: {
                "azure-persistent-vm:vms": [
                    { ...devVm("web01"), sshPublicKeys: privateKey, customData: 42 },
                    { ...devVm("app01"), name: "app01\n  azure-persistent-vm:fake: \u001b[2Kforged", size: 7 },
                ],
            },
        });
        expect(run.exitCode).not.toBe(0);
        expect(errorsOf(run)).toContain([
            `  azure-persistent-vm:vms[0] ("web01").sshPublicKeys: expected array, got a string of ${privateKey.length} characters (not shown).`,
            `  azure-persistent-vm:vms[0] ("web01").customData: expected string, got 42.`,
            `  azure-persistent-vm:vms[1] ("app01\\n  azure-persistent-vm:fake: \\u001b[2Kforged").size: expected string, got 7.`,
        ].join("\n"));
        expect(visibleOutput(run)).not.toContain("b3BlbnNzaC1rZXktdjEAAAAABG5vbmU");
        expect(errorsOf(run).split("\n").filter((line) => line.startsWith("  azure-persistent-vm:fake"))).toEqual([]);
    });
});

describe("GIVEN more VMs than the subnet has addresses for WHEN the program runs", () => {
    it("THEN it fails at preview with the count and the subnet's usable addresses", async () => {
        // A /29 has 8 addresses; Azure reserves 5, so 3 NICs fit.
        const vms = Array.from({ length: 4 }, (_, i) => ({ name: `web0${i}`, os: "linux", size: "Standard_D2s_v5", sshPublicKeys: [DEV_KEY] }));
        const run = await devRun({
            configOverrides: {
                "azure-persistent-vm:network": { addressSpace: "10.42.0.0/16", subnetPrefix: "10.42.1.0/29", managementSourcePrefixes: ["203.0.113.0/24"] },
                "azure-persistent-vm:vms": vms,
            },
        });
        expect(run.exitCode).not.toBe(0);
        expect(errorsOf(run)).toContain(`  azure-persistent-vm:network.subnetPrefix: "10.42.1.0/29" has 3 addresses for VMs (Azure reserves 5 of its 8), and the stack places 4 VMs in it (choose a larger subnet, like a /28).`);
        expect(inventory(run.registrations)).toEqual(["pulumi:pulumi:Stack::azure-persistent-vm-dev"]);
    });
});

describe("GIVEN a Windows password in secret config that Azure would refuse WHEN the program runs", () => {
    it("THEN it fails at that config key without printing the password", async () => {
        const weak = "alllowercaseletters";
        const run = await devRun({ secretConfig: { "azure-persistent-vm:adminPasswords": { app01: weak } } });
        expect(run.exitCode).not.toBe(0);
        expect(errorsOf(run)).toContain(`  azure-persistent-vm:adminPasswords.app01: [secret] has 1 of the 4 character classes; Azure needs 3 of lower case, upper case, digit and special character (choose another password).`);
        expect(visibleOutput(run)).not.toContain(weak);
        expect(inventory(run.registrations)).toEqual(["pulumi:pulumi:Stack::azure-persistent-vm-dev"]);
    });
});

describe("GIVEN the dev stack with a backup key and web01 opted in (backup: {} and vms[0].backup: true)", () => {
    let run: ProgramRun;
    beforeAll(async () => {
        run = await devRun({
            configOverrides: {
                "azure-persistent-vm:backup": { retentionDays: 35, lock: { kind: "CanNotDelete" } },
                "azure-persistent-vm:vms": [
                    {
                        name: "web01", os: "linux", image: "ubuntu-24.04", size: "Standard_D2s_v5", zone: "1", sshPublicKeys: [DEV_KEY],
                        dataDisks: [{ name: "data", lun: 0, sizeGb: 128, format: true }], backup: true,
                    },
                    { name: "app01", os: "windows", size: "Standard_D2s_v5", zone: "1" },
                ],
            },
        });
    });

    it("THEN the stack creates one protected, locked vault with an Enhanced policy, and protects web01 only, retained", () => {
        expect(errorsOf(run)).toBe("");
        const added = inventory(run.registrations).filter((r) => /BackupVault|recoveryservices|ManagementLock/.test(r));
        expect(added).toEqual([
            "azure-native:authorization:ManagementLockByScope::backup-lock",
            "azure-native:recoveryservices:ProtectedItem::web01-backup",
            "azure-native:recoveryservices:ProtectionPolicy::backup-policy",
            "azure-native:recoveryservices:Vault::backup-vault",
            "azure-persistent-vm:index:BackupVault::backup",
        ]);
        const vault = find(run, "azure-native:recoveryservices:Vault", "backup-vault");
        const policy = find(run, "azure-native:recoveryservices:ProtectionPolicy", "backup-policy");
        expect([vault.inputs["vaultName"], vault.inputs["resourceGroupName"], vault.options.protect, policy.options.protect])
            .toEqual(["rsv-persistent-vm", "rg-persistent-vm-dev", true, true]);
        expect(policy.inputs["properties"]).toMatchObject({ policyType: "V2", retentionPolicy: { dailySchedule: { retentionDuration: { count: 35, durationType: "Days" } } } });
        const item = find(run, "azure-native:recoveryservices:ProtectedItem", "web01-backup");
        expect([item.inputs["vaultName"], item.inputs["containerName"], item.options.retainOnDelete])
            .toEqual(["rsv-persistent-vm", "iaasvmcontainer;iaasvmcontainerv2;rg-persistent-vm-dev;web01", true]);
        expect((item.inputs["properties"] as { policyId: string }).policyId).toBe(policy.id);
    });
});

describe("GIVEN a backup key whose vault Azure would refuse WHEN the program runs", () => {
    it("THEN it fails naming the key, and registers nothing but the stack", async () => {
        const run = await devRun({ configOverrides: { "azure-persistent-vm:backup": { vaultName: "1vault", retentionDays: 3 } } });
        expect(run.exitCode).not.toBe(0);
        expect(errorsOf(run)).toContain("azure-persistent-vm:backup.vaultName: ");
        expect(errorsOf(run)).toContain("azure-persistent-vm:backup.retentionDays: 3 is below 7");
        expect(inventory(run.registrations)).toEqual(["pulumi:pulumi:Stack::azure-persistent-vm-dev"]);
    });
});

describe("GIVEN the dev stack with web01's opt-ins set in config", () => {
    it("THEN each reaches the VM: public IP, encryption at host, customer-managed keys, Entra ID login, Azure Monitor", async () => {
        const DES = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-keys/providers/Microsoft.Compute/diskEncryptionSets/des-vms";
        const run = await devRun({
            configOverrides: {
                "azure-persistent-vm:vms": [
                    { ...devVm("web01"), publicIp: true, encryptionAtHost: true, diskEncryptionSetId: DES, entraIdLogin: true, azureMonitor: {} },
                    devVm("app01"),
                ],
            },
        });
        expect(errorsOf(run)).toBe("");
        const added = inventory(run.registrations).filter((r) => !DEV_STACK_INVENTORY.includes(r));
        expect(added).toEqual([
            "azure-native:compute:VirtualMachineExtension::web01-entra-login",
            "azure-native:compute:VirtualMachineExtension::web01-monitor-agent",
            "azure-native:network:PublicIPAddress::web01-pip",
        ]);
        const vm = find(run, "azure-native:compute:VirtualMachine", "web01-vm");
        expect((vm.inputs["securityProfile"] as { encryptionAtHost?: boolean }).encryptionAtHost).toBe(true);
        expect(find(run, "azure-native:compute:Disk", "web01-disk-data").inputs["encryption"]).toEqual({ type: "EncryptionAtRestWithCustomerKey", diskEncryptionSetId: DES });
    });

    it("THEN a malformed disk encryption set id fails naming the VM's key", async () => {
        const run = await devRun({
            configOverrides: { "azure-persistent-vm:vms": [{ ...devVm("web01"), diskEncryptionSetId: "des-vms" }, devVm("app01")] },
        });
        expect(run.exitCode).not.toBe(0);
        expect(errorsOf(run)).toContain(`azure-persistent-vm:vms[0] ("web01").diskEncryptionSetId: "des-vms" is not a disk encryption set id`);
        expect(inventory(run.registrations)).toEqual(["pulumi:pulumi:Stack::azure-persistent-vm-dev"]);
    });
});

describe("GIVEN the dev stack with a Bastion (network.bastion.subnetPrefix)", () => {
    it("THEN the network gets the Bastion subnet, its public IP and host, and the VMs' NSG lets the Bastion in", async () => {
        const run = await devRun({
            configOverrides: {
                "azure-persistent-vm:network": {
                    addressSpace: "10.42.0.0/16", subnetPrefix: "10.42.1.0/24", managementSourcePrefixes: [], bastion: { subnetPrefix: "10.42.2.0/26", sku: "Standard" },
                },
            },
        });
        expect(errorsOf(run)).toBe("");
        expect(inventory(run.registrations).filter((r) => !DEV_STACK_INVENTORY.includes(r))).toEqual([
            "azure-native:network:BastionHost::network-bastion",
            "azure-native:network:PublicIPAddress::network-bastion-ip",
            "azure-native:network:Subnet::network-bastion-subnet",
        ]);
        expect(find(run, "azure-native:network:Subnet", "network-bastion-subnet").inputs["subnetName"]).toBe("AzureBastionSubnet");
        const rules = find(run, "azure-native:network:NetworkSecurityGroup", "network-nsg").inputs["securityRules"] as { name: string; sourceAddressPrefixes: string[] }[];
        expect(rules.map((r) => [r.name, r.sourceAddressPrefixes])).toEqual([
            ["allow-ssh-from-bastion", ["10.42.2.0/26"]],
            ["allow-rdp-from-bastion", ["10.42.2.0/26"]],
        ]);
    });
});

describe("GIVEN the dev stack with an application port (network.inboundRules)", () => {
    const network = { addressSpace: "10.42.0.0/16", subnetPrefix: "10.42.1.0/24", managementSourcePrefixes: ["203.0.113.0/24"] };

    it("THEN the VMs' NSG opens it to the listed sources only", async () => {
        const run = await devRun({
            configOverrides: { "azure-persistent-vm:network": { ...network, inboundRules: [{ name: "https", port: 443, sourceAddressPrefixes: ["10.50.0.0/16"] }] } },
        });
        expect(errorsOf(run)).toBe("");
        const rules = find(run, "azure-native:network:NetworkSecurityGroup", "network-nsg").inputs["securityRules"] as { name: string; destinationPortRange: string; sourceAddressPrefixes: string[] }[];
        expect(rules.filter((r) => r.name.startsWith("app-")).map((r) => [r.name, r.destinationPortRange, r.sourceAddressPrefixes])).toEqual([["app-https", "443", ["10.50.0.0/16"]]]);
    });

    it("THEN a port opened to anyone fails naming the key, even with allowManagementFromAnywhere", async () => {
        const run = await devRun({
            configOverrides: {
                "azure-persistent-vm:network": { ...network, allowManagementFromAnywhere: true, inboundRules: [{ name: "https", port: 443, sourceAddressPrefixes: ["*"] }] },
            },
        });
        expect(run.exitCode).not.toBe(0);
        expect(errorsOf(run)).toContain("azure-persistent-vm:network.inboundRules[0].sourceAddressPrefixes[0]: ");
        expect(inventory(run.registrations)).toEqual(["pulumi:pulumi:Stack::azure-persistent-vm-dev"]);
    });
});

describe("GIVEN a domain controller's pattern in the stack config: a static IP on app01 and the VNet's DNS pointing at it", () => {
    const network = { addressSpace: "10.42.0.0/16", subnetPrefix: "10.42.1.0/24", managementSourcePrefixes: ["203.0.113.0/24"] };

    it("THEN the VNet's DNS servers equal the controller's static IP, which its NIC asks for", async () => {
        const run = await devRun({
            configOverrides: {
                "azure-persistent-vm:network": { ...network, dnsServers: ["10.42.1.4"] },
                "azure-persistent-vm:vms": [devVm("web01"), { ...devVm("app01"), privateIpAddress: "10.42.1.4" }],
            },
        });
        expect(errorsOf(run)).toBe("");
        const dns = (find(run, "azure-native:network:VirtualNetwork", "network-vnet").inputs["dhcpOptions"] as { dnsServers: string[] }).dnsServers;
        const nic = (find(run, "azure-native:network:NetworkInterface", "app01-nic").inputs["ipConfigurations"] as { privateIPAddress?: string }[])[0];
        expect(dns).toEqual([nic?.privateIPAddress]);
    });

    it("THEN an address outside the subnet, and one used twice, fail naming the keys", async () => {
        const run = await devRun({
            configOverrides: {
                "azure-persistent-vm:network": network,
                "azure-persistent-vm:vms": [{ ...devVm("web01"), privateIpAddress: "10.42.1.9" }, { ...devVm("app01"), privateIpAddress: "10.42.1.9" }, { ...devVm("app01"), name: "app02", privateIpAddress: "10.42.9.9" }],
            },
        });
        expect(run.exitCode).not.toBe(0);
        expect(errorsOf(run)).toContain(`azure-persistent-vm:vms[2] ("app02").privateIpAddress: "10.42.9.9" is not inside the subnet "10.42.1.0/24"; choose an address within it.`);
        expect(errorsOf(run)).toContain(`azure-persistent-vm:vms[1] ("app01").privateIpAddress: "10.42.1.9" is already used by azure-persistent-vm:vms[0] ("web01").privateIpAddress; each private IP address must be unique.`);
        expect(inventory(run.registrations)).toEqual(["pulumi:pulumi:Stack::azure-persistent-vm-dev"]);
    });
});
