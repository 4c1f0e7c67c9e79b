/**
 * The policy pack (policy/rules.ts), run offline on what the stack program registers: the dev stack, the rebuild
 * template and a stack of two fleets (test/fixtures/fleets) run as `pulumi preview` runs them (the SDK's own runner, the recorder in place of the engine), then each
 * policy is called with the arguments the policy server would build (test/support/policy-args.ts). Each failing case
 * is also declared through resources.Resource and in a resources.Deployment template (test/policy/arm-forms.ts), and
 * each stack's resources as one template must get exactly the typed resources' reports.
 * Not proved here: that ARM accepts the templates built here (no Azure), that the Pulumi CLI loads the pack and sends it these inputs (`pulumi preview --policy-pack policy`
 * cannot run here: no CLI), values unknown during a real preview (the server turns a policy that reads one into an
 * advisory "can't run"), inputs as azure-native's Check may normalize them before the engine analyzes them, and the
 * CLI applying configSchema defaults.
 */
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import * as rules from "../../policy/rules";
import { planDocument, type PlannedResource } from "../../tools/plan/document";
import type { ProgramRun } from "../../tools/recorder/program";
import { runInProcess } from "../support/programs";
import type { Registration } from "../../tools/recorder/recorder";
import { devVm } from "../support/dev-stack";
import { find, packViolations, policy, synthetic, violationsOf, withInput, withOptions } from "../support/policy-args";
import { IN_TEMPLATE, asDeployment, asGenericResource, bare, deployment, armResource, labelOf, wraps } from "./arm-forms";

const projectDir = path.resolve(__dirname, "..", "..");
let dev: ProgramRun;
let rebuild: ProgramRun;
let fleets: ProgramRun;
beforeAll(async () => {
    [dev, rebuild, fleets] = await Promise.all([
        runInProcess({ projectDir, stack: "dev" }),
        runInProcess({ projectDir, stack: "rebuild" }),
        runInProcess({ projectDir: path.join(projectDir, "test", "fixtures", "fleets"), stack: "dev" }),
    ]);
});

const PIP = "azure-native:network:PublicIPAddress";
const GOOD_PIP = { sku: { name: "Standard" }, publicIPAllocationMethod: "Static", zones: ["1", "2", "3"] };
const linux = ["osProfile", "linuxConfiguration"];
const windows = ["osProfile", "windowsConfiguration"];
/** A scale set's instance model, and paths inside it. */
const model = "virtualMachineProfile";
const fleetLinux = [model, ...linux];
const fleetWindows = [model, ...windows];
const fleetNic = [model, "networkProfile", "networkInterfaceConfigurations", 0];
const VMSS_EXTENSION = "azure-native:compute:VirtualMachineScaleSetExtension";
const ADOPTED = "(A disk adopted with the import resource option may leave it out to match the existing disk: check that disk's setting.)";
const NSG = "azure-native:network:NetworkSecurityGroup";
/** An inbound SSH rule from a documentation range, which each NSG case changes one property of. */
const SSH_RULE = {
    name: "ssh", direction: "Inbound", access: "Allow", protocol: "Tcp", priority: 100, sourceAddressPrefixes: ["203.0.113.0/24"], sourcePortRange: "*",
    destinationAddressPrefix: "*", destinationPortRange: "22",
};
const PROTECT = "have the script read it from Key Vault with the VM's managed identity, or pass it in protectedParameters, which Azure encrypts and never returns but on Windows hands to the script as command-line arguments";
const REVIEW = "or review it and lower this policy's enforcementLevel in the pack config";

interface FailingCase {
    readonly policy: string;
    readonly when: string;
    readonly resource: () => Registration;
    readonly messages: readonly string[];
}

const FAILING: readonly FailingCase[] = [
    {
        policy: rules.VM_LINUX_SSH_ONLY, when: "web01 allows passwords and has no SSH key",
        resource: () => withInput(withInput(find(dev, "web01-vm"), [...linux, "disablePasswordAuthentication"], false), [...linux, "ssh", "publicKeys"], []),
        messages: [
            "osProfile.linuxConfiguration.disablePasswordAuthentication is false; set it to true so the VM accepts SSH keys only.",
            "osProfile.linuxConfiguration.ssh.publicKeys is []; give at least one SSH public key (RSA of 2048 bits or more, or ed25519).",
        ],
    },
    {
        policy: rules.VM_AGENT, when: "web01 leaves provisionVMAgent to Azure",
        resource: () => withInput(find(dev, "web01-vm"), [...linux, "provisionVMAgent"], undefined),
        messages: ["osProfile.linuxConfiguration.provisionVMAgent is not set; set it to true: extensions (credential rotation, run commands, backup) need the VM agent."],
    },
    {
        policy: rules.VM_WINDOWS_UPDATES, when: "app01 turns automatic updates off and drops its patch settings",
        resource: () => withInput(withInput(find(dev, "app01-vm"), [...windows, "enableAutomaticUpdates"], false), [...windows, "patchSettings"], undefined),
        messages: [
            "osProfile.windowsConfiguration.enableAutomaticUpdates is false; set it to true.",
            "osProfile.windowsConfiguration.patchSettings.patchMode is not set; set it to \"AutomaticByPlatform\" (or \"AutomaticByOS\" where the image does not support it).",
        ],
    },
    {
        policy: rules.VM_WINDOWS_PATCH_BY_PLATFORM, when: "app01 is patched by the OS",
        resource: () => withInput(find(dev, "app01-vm"), [...windows, "patchSettings", "patchMode"], "AutomaticByOS"),
        messages: ["osProfile.windowsConfiguration.patchSettings.patchMode is \"AutomaticByOS\"; set it to \"AutomaticByPlatform\" where the image supports it, so Azure orders patching across zones and availability sets."],
    },
    {
        policy: rules.VM_BOOT_DATA_NO_SECRETS, when: "web01's cloud-init (base64) sets a password and carries a private key",
        resource: () => withInput(find(dev, "web01-vm"), ["osProfile", "customData"],
            Buffer.from("#cloud-config\nchpasswd:\n  list: root:password123\n-----BEGIN OPENSSH PRIVATE KEY-----\n").toString("base64")),
        messages: ["osProfile.customData contains a private key (\"-----BEGIN ... PRIVATE KEY-----\"), the word \"password\"; it is kept in the stack's state and readable on the VM, so fetch secrets at boot from Key Vault with the VM's managed identity instead."],
    },
    {
        policy: rules.VM_TRUSTED_LAUNCH, when: "web01 sends no securityProfile",
        resource: () => withInput(find(dev, "web01-vm"), ["securityProfile"], undefined),
        messages: ["securityProfile.securityType is not set; set it to \"TrustedLaunch\" with uefiSettings.secureBootEnabled and vTpmEnabled true. Only a Gen1 image needs \"Standard\"; prefer the image's Gen2 edition."],
    },
    {
        policy: rules.VM_TRUSTED_LAUNCH, when: "the rebuilt web01 boots its attached OS disk as Standard",
        resource: () => withInput(find(rebuild, "web01-vm"), ["securityProfile"], { securityType: "Standard" }),
        messages: ["securityProfile.securityType is \"Standard\" on a VM that attaches its OS disk: right for a Gen1 or non-Trusted-Launch disk; if the disk came from a Trusted Launch VM, set \"TrustedLaunch\" with uefiSettings.secureBootEnabled and vTpmEnabled true."],
    },
    {
        policy: rules.VM_TRUSTED_LAUNCH_UEFI, when: "web01 turns its vTPM off",
        resource: () => withInput(find(dev, "web01-vm"), ["securityProfile", "uefiSettings", "vTpmEnabled"], false),
        messages: ["securityProfile.uefiSettings.vTpmEnabled is false; set it to true: the vTPM measures the boot chain for attestation."],
    },
    {
        policy: rules.VM_SYSTEM_IDENTITY, when: "web01 has only a user-assigned identity",
        resource: () => withInput(find(dev, "web01-vm"), ["identity"], { type: "UserAssigned" }),
        messages: ["identity.type is \"UserAssigned\"; include \"SystemAssigned\" (\"SystemAssigned, UserAssigned\" keeps user-assigned identities) so the VM reaches Azure services without stored credentials."],
    },
    {
        policy: rules.VM_BOOT_DIAGNOSTICS, when: "web01 turns boot diagnostics off",
        resource: () => withInput(find(dev, "web01-vm"), ["diagnosticsProfile", "bootDiagnostics", "enabled"], false),
        messages: ["diagnosticsProfile.bootDiagnostics.enabled is false; set it to true (with no storageUri, so Azure keeps the logs in managed storage)."],
    },
    {
        policy: rules.VM_BOOT_DIAGNOSTICS_MANAGED, when: "web01 keeps boot diagnostics in a storage account of its own",
        resource: () => withInput(find(dev, "web01-vm"), ["diagnosticsProfile", "bootDiagnostics", "storageUri"], "https://diag.blob.core.windows.net/"),
        messages: ["diagnosticsProfile.bootDiagnostics.storageUri is \"https://diag.blob.core.windows.net/\"; leave it out to use managed storage: an account of your own needs its own network rules, keys and retention."],
    },
    {
        policy: rules.VM_DISKS_SURVIVE, when: "web01 deletes its data disk with the VM",
        resource: () => withInput(find(dev, "web01-vm"), ["storageProfile", "dataDisks", 0, "deleteOption"], "Delete"),
        messages: ["storageProfile.dataDisks[0].deleteOption is \"Delete\"; set it to \"Detach\" so the disk outlives the VM, or set this policy's allowDiskDelete: true in the pack config to delete disks with their VM."],
    },
    {
        policy: rules.VM_DELETE_BEFORE_REPLACE, when: "the rebuilt app01 would be created before its predecessor is deleted",
        resource: () => withOptions(find(rebuild, "app01-vm"), { deleteBeforeReplace: false }),
        messages: ["the resource option deleteBeforeReplace is false on a VM that attaches existing disks (storageProfile.osDisk, storageProfile.dataDisks[0]); set deleteBeforeReplace: true. Pulumi otherwise creates the replacement before deleting this VM, and Azure refuses to attach a disk the old VM still holds (as it refuses its NIC: NicInUse)."],
    },
    {
        policy: rules.NO_PUBLIC_IP, when: "web01's NIC gets a public IP",
        resource: () => withInput(find(dev, "web01-nic"), ["ipConfigurations", 0, "publicIPAddress"], { id: "/subscriptions/0/publicIPAddresses/web01-pip" }),
        messages: ["ipConfigurations[0].publicIPAddress is set; remove it and reach the VMs through Azure Bastion, a VPN or a private load balancer, or set this policy's allowPublicIp: true in the pack config."],
    },
    {
        policy: rules.NO_PUBLIC_IP, when: "a VM declares its own NIC with a public IP",
        resource: () => withInput(find(dev, "web01-vm"), ["networkProfile"], {
            networkApiVersion: "2022-11-01",
            networkInterfaceConfigurations: [{ name: "nic", ipConfigurations: [{ name: "ip", publicIPAddressConfiguration: { name: "pip" } }] }],
        }),
        messages: ["networkProfile.networkInterfaceConfigurations[0].ipConfigurations[0].publicIPAddressConfiguration is set; remove it and reach the VMs through Azure Bastion, a VPN or a private load balancer, or set this policy's allowPublicIp: true in the pack config."],
    },
    {
        policy: rules.PUBLIC_IP_STANDARD_STATIC, when: "a public IP is Basic and Dynamic",
        resource: () => synthetic(find(dev, "web01-nic"), PIP, "web01-pip", { ...GOOD_PIP, sku: { name: "Basic" }, publicIPAllocationMethod: "Dynamic" }),
        messages: [
            "sku.name is \"Basic\"; set it to \"Standard\": it is closed to inbound traffic until an NSG allows it, and Basic public IPs are retired.",
            "publicIPAllocationMethod is \"Dynamic\"; set it to \"Static\", as the Standard SKU requires.",
        ],
    },
    {
        policy: rules.PUBLIC_IP_ZONES, when: "a public IP names no zones",
        resource: () => synthetic(find(dev, "web01-nic"), PIP, "web01-pip", { ...GOOD_PIP, zones: undefined }),
        messages: ["zones is not set; set it to the VM's zone, or [\"1\", \"2\", \"3\"] for a zone-redundant address, where the region has zones."],
    },
    {
        policy: rules.NIC_IP_FORWARDING_OFF, when: "web01's NIC forwards IP traffic",
        resource: () => withInput(find(dev, "web01-nic"), ["enableIPForwarding"], true),
        messages: ["enableIPForwarding is true; set it to false explicitly: only a network virtual appliance forwards traffic for other addresses."],
    },
    {
        policy: rules.NIC_NSG, when: "web01's NIC has no NSG of its own",
        resource: () => withInput(find(dev, "web01-nic"), ["networkSecurityGroup"], undefined),
        messages: ["networkSecurityGroup is not set; attach an NSG to the NIC as well as to its subnet, unless the subnet's NSG is meant to be the only filter."],
    },
    {
        policy: rules.SUBNET_NSG, when: "the VMs' subnet has no NSG",
        resource: () => withInput(find(dev, "network-subnet"), ["networkSecurityGroup"], undefined),
        messages: ["networkSecurityGroup is not set; attach a network security group (deny by default, allow only what the VMs need). Only AzureBastionSubnet, GatewaySubnet, AzureFirewallSubnet, AzureFirewallManagementSubnet, RouteServerSubnet go without one."],
    },
    {
        policy: rules.NSG_NO_OPEN_MANAGEMENT, when: "an NSG's SSH rule also admits \"*\"",
        resource: () => bare(NSG, "vms-nsg", { securityRules: [{ ...SSH_RULE, sourceAddressPrefixes: ["203.0.113.0/24", "*"] }] }),
        messages: ["port 22 (SSH) is open to anyone: the sources of securityRules[0] (\"ssh\") include \"*\", which means any address; set sourceAddressPrefixes to the addresses you manage from, or reach the VMs through Azure Bastion."],
    },
    {
        policy: rules.NSG_NO_OPEN_MANAGEMENT, when: "a SecurityRule resource opens port ranges covering 22 and 3389 to \"Internet\"",
        resource: () => bare("azure-native:network:SecurityRule", "wide-open", {
            securityRuleName: "wide-open", direction: "Inbound", access: "Allow", protocol: "*", sourceAddressPrefix: "Internet", destinationPortRanges: ["20-30", "3000-4000"],
        }),
        messages: ["ports 22 (SSH) and 3389 (RDP) are open to anyone: the sources of SecurityRule \"wide-open\" include \"Internet\", the service tag for every public address; set sourceAddressPrefixes to the addresses you manage from, or reach the VMs through Azure Bastion."],
    },
    {
        policy: rules.NSG_NO_OPEN_INBOUND, when: "an NSG's second rule opens 443 to 0.0.0.0/0",
        resource: () => bare(NSG, "vms-nsg", { securityRules: [SSH_RULE, { ...SSH_RULE, name: "https", priority: 110, sourceAddressPrefixes: ["0.0.0.0/0"], destinationPortRange: "443" }] }),
        messages: ["port 443 is open to anyone: the sources of securityRules[1] (\"https\") cover all of IPv4; keep it only for a service meant to be public, otherwise narrow the sources."],
    },
    {
        policy: rules.NSG_CANONICAL_SOURCES, when: "an NSG's SSH rule names its source with host bits set",
        resource: () => bare(NSG, "vms-nsg", { securityRules: [{ ...SSH_RULE, sourceAddressPrefixes: ["203.0.113.5/24"] }] }),
        messages: ["securityRules[0] (\"ssh\"): sourceAddressPrefixes[0] is \"203.0.113.5/24\", which is not written the way Azure reads it; write it as \"203.0.113.0/24\"."],
    },
    {
        policy: rules.LB_NO_PUBLIC_MANAGEMENT, when: "a load balancer's NAT rule forwards SSH from its public frontend",
        resource: () => bare("azure-native:network:LoadBalancer", "vms-lb", {
            loadBalancerName: "vms-lb",
            frontendIPConfigurations: [{ name: "public", publicIPAddress: { id: "/subscriptions/0/publicIPAddresses/lb-ip" } }],
            inboundNatRules: [{ name: "ssh-web01", frontendIPConfiguration: { id: "/subscriptions/0/loadBalancers/vms-lb/frontendIPConfigurations/public" }, frontendPort: 50022, backendPort: 22, protocol: "Tcp" }],
        }),
        messages: ["inboundNatRules[0] (\"ssh-web01\") forwards port 22 (SSH) from the public frontend \"public\": anyone who reaches the frontend reaches it, limited only by the backend's NSG; reach the VMs through Azure Bastion instead, or set this policy's allowPublicIp: true in the pack config."],
    },
    {
        policy: rules.NIC_IP_FORWARDING_OFF, when: "a VM declares its own NIC, which forwards IP traffic",
        resource: () => withInput(find(dev, "web01-vm"), ["networkProfile"], {
            networkApiVersion: "2022-11-01",
            networkInterfaceConfigurations: [{ name: "nic", enableIPForwarding: true, networkSecurityGroup: { id: "/subscriptions/0/networkSecurityGroups/vms-nsg" }, ipConfigurations: [{ name: "ip" }] }],
        }),
        messages: ["networkProfile.networkInterfaceConfigurations[0].enableIPForwarding is true; set it to false explicitly: only a network virtual appliance forwards traffic for other addresses."],
    },
    {
        policy: rules.DISK_NO_PUBLIC_ACCESS, when: "web01's data disk is open to public networks and allows private access without a disk access",
        resource: () => withInput(withInput(find(dev, "web01-disk-data"), ["publicNetworkAccess"], "Enabled"), ["networkAccessPolicy"], "AllowPrivate"),
        messages: [
            "publicNetworkAccess is \"Enabled\"; set it to \"Disabled\" so the disk cannot be exported or uploaded from a public network (for a disk that waits for a direct upload, set this policy's allowUpload: true in the pack config for the upload, and off again after it).",
            "networkAccessPolicy is \"AllowPrivate\" but diskAccessId is not set; give the disk access resource's id, or set networkAccessPolicy to \"DenyAll\".",
        ],
    },
    {
        policy: rules.DISK_SETTINGS_EXPLICIT, when: "web01's data disk leaves encryption to Azure",
        resource: () => withInput(find(dev, "web01-disk-data"), ["encryption"], undefined),
        messages: [`encryption.type is not set; set it to "EncryptionAtRestWithPlatformKey", or a customer-managed key type with encryption.diskEncryptionSetId, so the choice is visible. ${ADOPTED}`],
    },
    {
        policy: rules.EXTENSION_NO_PUBLIC_SECRETS, when: "app01's access extension puts the password and a private key in public settings",
        resource: () => withInput(find(dev, "app01-access"), ["settings"], {
            UserName: "winadmin", Password: "hunter2", nested: { cert: "-----BEGIN RSA PRIVATE KEY-----\nMIIE" }, publicKey: "ssh-ed25519 AAAA", apiKey: "",
        }),
        messages: [
            "settings.Password has a value under a key that names a secret; move it to protectedSettings, which Azure encrypts and never returns.",
            "settings.nested.cert holds a private key; move it to protectedSettings, which Azure encrypts and never returns.",
        ],
    },
    // The same rules on a fleet: test/fixtures/fleets's Linux fleet "web" and Windows fleet "app".
    {
        policy: rules.VM_LINUX_SSH_ONLY, when: "the Linux fleet allows passwords and has no SSH key",
        resource: () => withInput(withInput(find(fleets, "web-vmss"), [...fleetLinux, "disablePasswordAuthentication"], false), [...fleetLinux, "ssh", "publicKeys"], []),
        messages: [
            "virtualMachineProfile.osProfile.linuxConfiguration.disablePasswordAuthentication is false; set it to true so the instances accept SSH keys only.",
            "virtualMachineProfile.osProfile.linuxConfiguration.ssh.publicKeys is []; give at least one SSH public key (RSA of 2048 bits or more, or ed25519).",
        ],
    },
    {
        policy: rules.VM_AGENT, when: "the Windows fleet leaves provisionVMAgent to Azure",
        resource: () => withInput(find(fleets, "app-vmss"), [...fleetWindows, "provisionVMAgent"], undefined),
        messages: ["virtualMachineProfile.osProfile.windowsConfiguration.provisionVMAgent is not set; set it to true: extensions (the health probe, run commands) need the VM agent."],
    },
    {
        policy: rules.VM_WINDOWS_UPDATES, when: "the Windows fleet turns automatic updates off and drops its patch settings",
        resource: () => withInput(withInput(find(fleets, "app-vmss"), [...fleetWindows, "enableAutomaticUpdates"], false), [...fleetWindows, "patchSettings"], undefined),
        messages: [
            "virtualMachineProfile.osProfile.windowsConfiguration.enableAutomaticUpdates is false; set it to true.",
            "virtualMachineProfile.osProfile.windowsConfiguration.patchSettings.patchMode is not set; set it to \"AutomaticByPlatform\" (or \"AutomaticByOS\" where the image does not support it).",
        ],
    },
    {
        policy: rules.VM_WINDOWS_PATCH_BY_PLATFORM, when: "the Windows fleet is patched by the OS",
        resource: () => withInput(find(fleets, "app-vmss"), [...fleetWindows, "patchSettings", "patchMode"], "AutomaticByOS"),
        messages: ["virtualMachineProfile.osProfile.windowsConfiguration.patchSettings.patchMode is \"AutomaticByOS\"; set it to \"AutomaticByPlatform\" where the image supports it, so Azure orders patching across zones (a scale set's instances also need the Application Health extension for it)."],
    },
    {
        policy: rules.VM_BOOT_DATA_NO_SECRETS, when: "the Linux fleet's user data holds a token",
        resource: () => withInput(find(fleets, "web-vmss"), [model, "userData"], Buffer.from("#!/bin/sh\nexport API_TOKEN=abc123\n").toString("base64")),
        messages: ["virtualMachineProfile.userData contains the word \"token\"; it is kept in the stack's state and readable on every instance, so fetch secrets at boot from Key Vault with the scale set's managed identity instead."],
    },
    {
        policy: rules.VM_TRUSTED_LAUNCH, when: "the Linux fleet sends no securityProfile",
        resource: () => withInput(find(fleets, "web-vmss"), [model, "securityProfile"], undefined),
        messages: ["virtualMachineProfile.securityProfile.securityType is not set; set it to \"TrustedLaunch\" with uefiSettings.secureBootEnabled and vTpmEnabled true. Only a Gen1 image needs \"Standard\"; prefer the image's Gen2 edition."],
    },
    {
        policy: rules.VM_TRUSTED_LAUNCH_UEFI, when: "the Windows fleet turns secure boot off",
        resource: () => withInput(find(fleets, "app-vmss"), [model, "securityProfile", "uefiSettings", "secureBootEnabled"], false),
        messages: ["virtualMachineProfile.securityProfile.uefiSettings.secureBootEnabled is false; set it to true: secure boot refuses unsigned boot loaders and kernels."],
    },
    {
        policy: rules.VM_SYSTEM_IDENTITY, when: "the Windows fleet has no identity",
        resource: () => withInput(find(fleets, "app-vmss"), ["identity"], undefined),
        messages: ["identity.type is not set; include \"SystemAssigned\" (\"SystemAssigned, UserAssigned\" keeps user-assigned identities) so the instances reach Azure services without stored credentials."],
    },
    {
        policy: rules.VM_BOOT_DIAGNOSTICS, when: "the Linux fleet turns boot diagnostics off",
        resource: () => withInput(find(fleets, "web-vmss"), [model, "diagnosticsProfile", "bootDiagnostics", "enabled"], false),
        messages: ["virtualMachineProfile.diagnosticsProfile.bootDiagnostics.enabled is false; set it to true (with no storageUri, so Azure keeps the logs in managed storage)."],
    },
    {
        policy: rules.VM_BOOT_DIAGNOSTICS_MANAGED, when: "the Linux fleet keeps boot diagnostics in a storage account of its own",
        resource: () => withInput(find(fleets, "web-vmss"), [model, "diagnosticsProfile", "bootDiagnostics", "storageUri"], "https://diag.blob.core.windows.net/"),
        messages: ["virtualMachineProfile.diagnosticsProfile.bootDiagnostics.storageUri is \"https://diag.blob.core.windows.net/\"; leave it out to use managed storage: an account of your own needs its own network rules, keys and retention."],
    },
    {
        policy: rules.VM_DISKS_SURVIVE, when: "the Linux fleet deletes one data disk with its instance and leaves the other's delete option to Azure",
        resource: () => withInput(withInput(find(fleets, "web-vmss"), [model, "storageProfile", "dataDisks", 0, "deleteOption"], "Delete"), [model, "storageProfile", "dataDisks", 1, "deleteOption"], undefined),
        messages: [
            "virtualMachineProfile.storageProfile.dataDisks[0].deleteOption is \"Delete\"; set it to \"Detach\" so each instance's disk outlives the instance (scale-in, or the scale set's deletion), or set this policy's allowDiskDelete: true in the pack config to delete the disks with their instances.",
            "virtualMachineProfile.storageProfile.dataDisks[1].deleteOption is not set, which a scale set takes as \"Delete\"; set it to \"Detach\" so each instance's disk outlives the instance (scale-in, or the scale set's deletion), or set this policy's allowDiskDelete: true in the pack config to delete the disks with their instances.",
        ],
    },
    {
        policy: rules.VM_DISKS_SURVIVE, when: "a fleet with data disks uses Uniform orchestration",
        resource: () => withInput(find(fleets, "app-vmss"), ["orchestrationMode"], "Uniform"),
        messages: ["orchestrationMode is \"Uniform\"; only a \"Flexible\" scale set keeps an instance's data disks when the instance is deleted (deleteOption \"Detach\"): set orchestrationMode to \"Flexible\" and each data disk's deleteOption to \"Detach\", or set this policy's allowDiskDelete: true in the pack config to delete the disks with their instances."],
    },
    {
        policy: rules.NO_PUBLIC_IP, when: "the Linux fleet gives each instance a public IP",
        resource: () => withInput(find(fleets, "web-vmss"), [...fleetNic, "ipConfigurations", 0, "publicIPAddressConfiguration"], { name: "pip" }),
        messages: ["virtualMachineProfile.networkProfile.networkInterfaceConfigurations[0].ipConfigurations[0].publicIPAddressConfiguration is set; remove it and reach the VMs through Azure Bastion, a VPN or a private load balancer, or set this policy's allowPublicIp: true in the pack config."],
    },
    {
        policy: rules.NIC_IP_FORWARDING_OFF, when: "the Windows fleet's NIC configuration forwards IP traffic",
        resource: () => withInput(find(fleets, "app-vmss"), [...fleetNic, "enableIPForwarding"], true),
        messages: ["virtualMachineProfile.networkProfile.networkInterfaceConfigurations[0].enableIPForwarding is true; set it to false explicitly: only a network virtual appliance forwards traffic for other addresses."],
    },
    {
        policy: rules.NIC_NSG, when: "the Linux fleet's NIC configuration has no NSG of its own",
        resource: () => withInput(find(fleets, "web-vmss"), [...fleetNic, "networkSecurityGroup"], undefined),
        messages: ["virtualMachineProfile.networkProfile.networkInterfaceConfigurations[0].networkSecurityGroup is not set; attach an NSG to the NIC as well as to its subnet, unless the subnet's NSG is meant to be the only filter."],
    },
    {
        policy: rules.EXTENSION_NO_PUBLIC_SECRETS, when: "the Linux fleet's health extension carries a password in its public settings",
        resource: () => withInput(find(fleets, "web-vmss"), [model, "extensionProfile", "extensions", 0, "settings", "password"], "hunter2"),
        messages: ["virtualMachineProfile.extensionProfile.extensions[0].settings.password has a value under a key that names a secret; move it to protectedSettings, which Azure encrypts and never returns."],
    },
    {
        policy: rules.EXTENSION_NO_PUBLIC_SECRETS, when: "a scale set extension resource puts a storage key in public settings",
        resource: () => synthetic(find(fleets, "web-vmss"), VMSS_EXTENSION, "web-script", { settings: { commandToExecute: "./run.sh", storageAccountKey: "abc==" } }),
        messages: ["settings.storageAccountKey has a value under a key that names a secret; move it to protectedSettings, which Azure encrypts and never returns."],
    },
    {
        policy: rules.RUN_COMMAND_NO_PLAIN_SECRETS, when: "web01's format Run Command gets a password and a SAS URL as plain parameters",
        resource: () => withInput(find(dev, "web01-format-data"), ["parameters"], [
            { name: "adminPassword", value: "hunter2" }, { name: "source", value: "https://acct.blob.core.windows.net/c/a.sh?sv=2024-01-01&sig=abc%3D" },
        ]),
        messages: [
            `parameters[0] ("adminPassword") has a value under a name that names a secret; ${PROTECT}.`,
            `parameters[1] ("source").value holds a SAS token (a URL with sig=); ${PROTECT}.`,
        ],
    },
    {
        policy: rules.VM_BOOT_DATA_NO_PASSWORD_SIGN_IN, when: "web01's cloud-init turns SSH password sign-in on and sets a root password",
        resource: () => withInput(find(dev, "web01-vm"), ["osProfile", "customData"],
            Buffer.from("#cloud-config\nssh_pwauth: true\nchpasswd:\n  expire: false\n  users:\n    - name: root\n      password: hunter2\n").toString("base64")),
        messages: [
            "osProfile.customData sets ssh_pwauth: true, which turns SSH password sign-in on; remove it, so the VM accepts SSH keys only.",
            "osProfile.customData sets passwords with chpasswd (list or users); remove it, so the VM accepts SSH keys only.",
        ],
    },
    {
        policy: rules.TEMPLATE_ANALYSABLE, when: "a deployment links its template",
        resource: () => bare("azure-native:resources:Deployment", "linked", {
            resourceGroupName: "rg", properties: { mode: "Incremental", templateLink: { uri: "https://example.com/azuredeploy.json" } },
        }),
        messages: [`properties.templateLink links a template the pack cannot read; give the template inline (properties.template) so its resources are checked, ${REVIEW}.`],
    },
    {
        policy: rules.RESOURCE_ANALYSABLE, when: "a stack runs a deployment script",
        resource: () => bare("azure-native:resources:AzureCliScript", "setup", { kind: "AzureCLI", azCliVersion: "2.60.0", scriptContent: "az vm open-port -n web01 --port 22", retentionInterval: "P1D" }),
        messages: ["a deployment script runs code with its identity at deployment, which the pack cannot analyse; review it and lower this policy's enforcementLevel in the pack config."],
    },
];

describe("GIVEN the dev stack (Pulumi.dev.yaml) run as pulumi preview runs it", () => {
    it("THEN every resource passes every mandatory policy; the regional NAT gateway address's zones are the only advisory", async () => {
        expect(dev.exitCode).toBe(0);
        const checked = new Set(dev.registrations.map((r) => r.type));
        for (const type of ["VirtualMachine", "Disk", "VirtualMachineExtension"].map((t) => `azure-native:compute:${t}`)
            .concat(["NetworkInterface", "NetworkSecurityGroup", "Subnet"].map((t) => `azure-native:network:${t}`))) {
            expect(checked).toContain(type);
        }
        // A Standard NAT gateway without a zone takes an address without one; the advisory says what a zonal design would set.
        expect((await packViolations(dev.registrations)).map((v) => [v.policy, v.level, v.resource])).toEqual([
            [rules.PUBLIC_IP_ZONES, "advisory", "azure-native:network:PublicIPAddress::network-nat-ip"],
        ]);
    });
});

describe("GIVEN the dev stack with every opt-in but the public IP: a Bastion, backup, encryption at host, customer-managed keys, Entra ID login and the Azure Monitor agent", () => {
    it("THEN nothing is mandatory; the regional Bastion's and NAT gateway's addresses' missing zones are the only advisories", async () => {
        const DES = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-keys/providers/Microsoft.Compute/diskEncryptionSets/des-vms";
        const optIns = { backup: true, encryptionAtHost: true, diskEncryptionSetId: DES, entraIdLogin: true, azureMonitor: {} };
        const run = await runInProcess({
            projectDir,
            stack: "dev",
            configOverrides: {
                "azure-persistent-vm:network": { addressSpace: "10.42.0.0/16", subnetPrefix: "10.42.1.0/24", bastion: { subnetPrefix: "10.42.2.0/26" } },
                "azure-persistent-vm:backup": {},
                "azure-persistent-vm:vms": [{ ...devVm("web01"), ...optIns }, { ...devVm("app01"), ...optIns }],
            },
        });
        expect(run.exitCode).toBe(0);
        expect((await packViolations(run.registrations)).map((v) => [v.policy, v.level, v.resource])).toEqual([
            [rules.PUBLIC_IP_ZONES, "advisory", "azure-native:network:PublicIPAddress::network-nat-ip"],
            [rules.PUBLIC_IP_ZONES, "advisory", "azure-native:network:PublicIPAddress::network-bastion-ip"],
        ]);
    });
});

describe("GIVEN a stack of two fleets (test/fixtures/fleets) run as pulumi preview runs it", () => {
    it("THEN both scale sets, their network and their generated password pass every mandatory policy, the OS disks deleted with their instances included", async () => {
        expect(fleets.exitCode).toBe(0);
        const scaleSets = fleets.registrations.filter((r) => r.type === "azure-native:compute:VirtualMachineScaleSet");
        expect(scaleSets.map((r) => [r.name, (r.inputs[model] as { storageProfile: { osDisk: { deleteOption: string } } }).storageProfile.osDisk.deleteOption]).sort())
            .toEqual([["app-vmss", "Delete"], ["web-vmss", "Delete"]]);
        expect((await packViolations(fleets.registrations)).map((v) => [v.policy, v.level, v.resource])).toEqual([
            [rules.PUBLIC_IP_ZONES, "advisory", "azure-native:network:PublicIPAddress::network-nat-ip"],
        ]);
    });

    it("THEN a fleet without an instance model is not checked by the machine rules", async () => {
        const bare = withInput(find(fleets, "web-vmss"), [model], undefined);
        for (const name of [rules.VM_LINUX_SSH_ONLY, rules.VM_BOOT_DIAGNOSTICS, rules.VM_DISKS_SURVIVE, rules.NIC_IP_FORWARDING_OFF]) {
            expect([name, await violationsOf(policy(name), bare)]).toEqual([name, []]);
        }
    });
});

describe("GIVEN the rebuild template (Pulumi.rebuild.yaml): VMs that attach their existing OS disks", () => {
    it("THEN its VMs are of the attached kind, with no osProfile, and delete before they are replaced", () => {
        for (const vm of ["web01-vm", "app01-vm"].map((n) => find(rebuild, n))) {
            expect((vm.inputs["storageProfile"] as { osDisk: { createOption: string } }).osDisk.createOption).toBe("Attach");
            expect(vm.inputs["osProfile"]).toBeUndefined();
            expect(vm.options.deleteBeforeReplace).toBe(true);
        }
    });

    it("THEN nothing is mandatory, and the adopted disk's absent settings and the NAT gateway address's zones are the only advisories", async () => {
        expect(rebuild.exitCode).toBe(0);
        const found = await packViolations(rebuild.registrations);
        expect(found.filter((v) => v.level === "mandatory")).toEqual([]);
        const adopted = { policy: rules.DISK_SETTINGS_EXPLICIT, level: "advisory", resource: "azure-native:compute:Disk::web01-disk-data" };
        expect(found).toEqual([
            { ...adopted, message: `publicNetworkAccess is not set, and a new disk then gets "Enabled"; set it to "Disabled". ${ADOPTED}` },
            { ...adopted, message: `networkAccessPolicy is not set, and a new disk then gets "AllowAll"; set it to "DenyAll". ${ADOPTED}` },
            { ...adopted, message: `encryption.type is not set; set it to "EncryptionAtRestWithPlatformKey", or a customer-managed key type with encryption.diskEncryptionSetId, so the choice is visible. ${ADOPTED}` },
            {
                policy: rules.PUBLIC_IP_ZONES, level: "advisory", resource: "azure-native:network:PublicIPAddress::network-nat-ip",
                message: `zones is not set; set it to the VM's zone, or ["1", "2", "3"] for a zone-redundant address, where the region has zones.`,
            },
        ]);
    });
});

describe("GIVEN a passing resource with one property changed", () => {
    it.each(FAILING.map((c) => [c.policy, c.when, c] as const))("THEN %s reports it when %s", async (_name, _when, c) => {
        expect(await violationsOf(policy(c.policy), c.resource())).toEqual(c.messages);
    });

    it("THEN every policy of the pack has a case that fails it", () => {
        expect([...new Set(FAILING.map((c) => c.policy))].sort()).toEqual(rules.POLICIES.map((p) => p.name).sort());
        expect(new Set(rules.POLICIES.map((p) => p.name)).size).toBe(rules.POLICIES.length);
    });

    it("THEN each policy is mandatory or advisory, and named apvm-", () => {
        for (const p of [...rules.POLICIES, ...rules.STACK_POLICIES]) {
            expect([p.name, ["mandatory", "advisory"].includes(p.enforcementLevel ?? "")]).toEqual([expect.stringMatching(/^apvm-[a-z0-9-]+$/), true]);
        }
    });
});

/** Policies that do not read resources inside a wrapper: one about Pulumi resource options, one about wrappers themselves. */
const NOT_IN_WRAPPERS: readonly string[] = [rules.VM_DELETE_BEFORE_REPLACE, rules.TEMPLATE_ANALYSABLE];

describe("GIVEN each failing resource declared through resources.Resource (generic ARM) or in a resources.Deployment's literal template", () => {
    const wrapped = FAILING.filter((c) => c.policy !== rules.TEMPLATE_ANALYSABLE).flatMap((c) => [
        ["resources.Resource", c, (r: Registration) => asGenericResource(r), (r: Registration) => labelOf(r)] as const,
        ["resources.Deployment", c, (r: Registration) => asDeployment(r), (r: Registration) => labelOf(r, IN_TEMPLATE)] as const,
    ]);

    it.each(wrapped.map(([wrapper, c, wrap, label]) => [c.policy, wrapper, c.when, c, wrap, label] as const))(
        "THEN %s reports it through %s when %s, each message after the resource's ARM type and name",
        async (_name, _wrapper, _when, c, wrap, label) => {
            const typed = c.resource();
            const expected = NOT_IN_WRAPPERS.includes(c.policy) ? [] : c.messages.map((m) => `${label(typed)}${m}`);
            expect(await violationsOf(policy(c.policy), wrap(typed))).toEqual(expected);
        },
    );

    it("THEN every policy but the two about options and wrappers has a failing case in each wrapper", () => {
        const covered = [...new Set(wrapped.filter(([, c]) => !NOT_IN_WRAPPERS.includes(c.policy)).map(([, c]) => c.policy))].sort();
        expect(covered).toEqual(rules.POLICIES.map((p) => p.name).filter((n) => !NOT_IN_WRAPPERS.includes(n)).sort());
    });
});

describe("GIVEN the dev stack's, the rebuild template's and the fleets' resources declared as one literal resources.Deployment template each", () => {
    it("THEN the pack reports exactly what it reports on the typed resources, each message after the resource's ARM type, name and place", async () => {
        for (const run of [dev, rebuild, fleets]) {
            const typed = run.registrations.filter((r) => r.custom && wraps(r.type));
            const template = deployment(typed.map(armResource), typed[0] ?? find(run, "web01-vm"));
            const expected: string[] = [];
            for (const p of rules.POLICIES.filter((p) => !NOT_IN_WRAPPERS.includes(p.name))) {
                for (const [i, r] of typed.entries()) {
                    expected.push(...(await violationsOf(p, r)).map((m) => `${p.name}: ${labelOf(r, `properties.template.resources[${i}]`)}${m}`));
                }
            }
            const found: string[] = [];
            for (const p of rules.POLICIES) {
                found.push(...(await violationsOf(p, template)).map((m) => `${p.name}: ${m}`));
            }
            expect([run.stack, typed.length > 5, found.sort()]).toEqual([run.stack, true, expected.sort()]);
        }
    });
});

describe("GIVEN the pack config's opt-outs", () => {
    it("WHEN allowPublicIp is true THEN a NIC's public IP and a Standard, Static, zoned public IP address pass", async () => {
        const nic = withInput(find(dev, "web01-nic"), ["ipConfigurations", 0, "publicIPAddress"], { id: "/subscriptions/0/publicIPAddresses/web01-pip" });
        const pip = synthetic(find(dev, "web01-nic"), PIP, "web01-pip", GOOD_PIP);
        expect(await violationsOf(policy(rules.NO_PUBLIC_IP), nic, { allowPublicIp: true })).toEqual([]);
        for (const p of rules.POLICIES) {
            expect([p.name, await violationsOf(p, pip, { allowPublicIp: true })]).toEqual([p.name, []]);
        }
    });

    it("WHEN allowDiskDelete is true THEN OS and data disks deleted with their VM pass", async () => {
        const vm = withInput(withInput(find(dev, "web01-vm"), ["storageProfile", "dataDisks", 0, "deleteOption"], "Delete"), ["storageProfile", "osDisk", "deleteOption"], "Delete");
        expect(await violationsOf(policy(rules.VM_DISKS_SURVIVE), vm)).toHaveLength(2);
        expect(await violationsOf(policy(rules.VM_DISKS_SURVIVE), vm, { allowDiskDelete: true })).toEqual([]);
    });

    it("WHEN allowUpload is true THEN a disk open for its direct upload passes, and an open disk of any other kind is still refused", async () => {
        const open = withInput(withInput(find(dev, "web01-disk-data"), ["publicNetworkAccess"], "Enabled"), ["networkAccessPolicy"], "AllowAll");
        const uploading = withInput(open, ["creationData"], { createOption: "Upload", uploadSizeBytes: 68719477248 });
        expect(await violationsOf(policy(rules.DISK_NO_PUBLIC_ACCESS), uploading)).toEqual([
            "publicNetworkAccess is \"Enabled\"; set it to \"Disabled\" so the disk cannot be exported or uploaded from a public network (for a disk that waits for a direct upload, set this policy's allowUpload: true in the pack config for the upload, and off again after it).",
            "networkAccessPolicy is \"AllowAll\"; set it to \"DenyAll\", or to \"AllowPrivate\" with diskAccessId.",
        ]);
        expect(await violationsOf(policy(rules.DISK_NO_PUBLIC_ACCESS), uploading, { allowUpload: true })).toEqual([]);
        expect(await violationsOf(policy(rules.DISK_NO_PUBLIC_ACCESS), open, { allowUpload: true })).toHaveLength(2);
    });

    it("WHEN allowPublicIp and allowDiskDelete are true THEN a fleet's public IP configuration and data disks deleted with their instances pass", async () => {
        const publicFleet = withInput(find(fleets, "web-vmss"), [...fleetNic, "ipConfigurations", 0, "publicIPAddressConfiguration"], { name: "pip" });
        const deletingFleet = withInput(find(fleets, "web-vmss"), [model, "storageProfile", "dataDisks", 0, "deleteOption"], "Delete");
        expect(await violationsOf(policy(rules.NO_PUBLIC_IP), publicFleet, { allowPublicIp: true })).toEqual([]);
        expect(await violationsOf(policy(rules.VM_DISKS_SURVIVE), deletingFleet)).toHaveLength(1);
        expect(await violationsOf(policy(rules.VM_DISKS_SURVIVE), deletingFleet, { allowDiskDelete: true })).toEqual([]);
    });

    it("WHEN a subnet is one of Azure's own (AzureBastionSubnet) THEN it needs no NSG", async () => {
        const bastion = withInput(withInput(find(dev, "network-subnet"), ["networkSecurityGroup"], undefined), ["subnetName"], "AzureBastionSubnet");
        expect(await violationsOf(policy(rules.SUBNET_NSG), bastion)).toEqual([]);
    });
});

describe("GIVEN the plan JSON of the dev stack (npm run plan -- --json)", () => {
    let resources: readonly PlannedResource[];
    beforeAll(() => {
        resources = planDocument(dev).resources;
    });
    const ofType = (type: string) => resources.filter((r) => r.type === `azure-native:${type}`);

    it("THEN every VM carries its secure and durable defaults explicitly", () => {
        expect(ofType("compute:VirtualMachine").length).toBeGreaterThanOrEqual(2);
        for (const vm of ofType("compute:VirtualMachine")) {
            const component = resources.find((r) => r.urn === vm.parent)?.type;
            expect(vm.inputs).toMatchObject({
                securityProfile: { securityType: "TrustedLaunch", uefiSettings: { secureBootEnabled: true, vTpmEnabled: true } },
                identity: { type: "SystemAssigned" },
                diagnosticsProfile: { bootDiagnostics: { enabled: true } },
                storageProfile: { osDisk: { createOption: "FromImage", deleteOption: "Detach" } },
            });
            const storage = vm.inputs["storageProfile"] as { dataDisks: { deleteOption: string }[] };
            expect(storage.dataDisks.map((d) => d.deleteOption)).toEqual(storage.dataDisks.map(() => "Detach"));
            if (component === "azure-persistent-vm:index:LinuxVm") {
                expect(vm.inputs["osProfile"]).toMatchObject({
                    linuxConfiguration: { disablePasswordAuthentication: true, provisionVMAgent: true, patchSettings: { patchMode: "AutomaticByPlatform" } },
                });
            } else {
                // A Windows VM's osProfile holds its password, so the whole profile is a secret and the plan hides it,
                // windowsConfiguration (provisionVMAgent, enableAutomaticUpdates, patchMode) included. The policies see
                // it unwrapped, as the dev-stack test above shows.
                expect([component, vm.inputs["osProfile"]]).toEqual(["azure-persistent-vm:index:WindowsVm", "[secret]"]);
            }
        }
    });

    it("THEN every NIC, disk, NSG rule and subnet carries its defaults explicitly", () => {
        for (const nic of ofType("network:NetworkInterface")) {
            expect(nic.inputs).toMatchObject({ enableIPForwarding: false, networkSecurityGroup: { id: expect.stringContaining("/networkSecurityGroups/") } });
            expect((nic.inputs["ipConfigurations"] as Record<string, unknown>[]).map((c) => c["publicIPAddress"])).toEqual([undefined]);
        }
        for (const disk of ofType("compute:Disk")) {
            expect(disk.inputs).toMatchObject({ publicNetworkAccess: "Disabled", networkAccessPolicy: "DenyAll", encryption: { type: "EncryptionAtRestWithPlatformKey" } });
        }
        for (const nsg of ofType("network:NetworkSecurityGroup")) {
            for (const rule of nsg.inputs["securityRules"] as Record<string, unknown>[]) {
                expect(rule).toMatchObject({ direction: "Inbound", access: "Allow", sourceAddressPrefixes: ["203.0.113.0/24"] });
            }
        }
        for (const subnet of ofType("network:Subnet")) {
            expect(subnet.inputs).toMatchObject({ networkSecurityGroup: { id: expect.stringContaining("/networkSecurityGroups/") } });
        }
        expect(ofType("network:Subnet").length + ofType("compute:Disk").length + ofType("network:NetworkInterface").length).toBeGreaterThanOrEqual(5);
    });
});
