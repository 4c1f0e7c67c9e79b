/** What the dev stack (Pulumi.dev.yaml) declares, shared by the tests that run it. */
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import type { Registration } from "../../tools/recorder/recorder";

/** A VM entry of the stack's config, as the tests override it. */
export type VmEntry = Readonly<Record<string, unknown>> & { readonly name: string };

const devConfig = (parse(fs.readFileSync(path.join(__dirname, "..", "..", "Pulumi.dev.yaml"), "utf8")) as { config: Record<string, unknown> }).config;

/** A VM entry of Pulumi.dev.yaml, so that a test which changes one starts from exactly what the file says. */
export function devVm(name: string): VmEntry {
    const found = (devConfig["azure-persistent-vm:vms"] as VmEntry[]).find((vm) => vm.name === name);
    if (found === undefined) {
        throw new Error(`Pulumi.dev.yaml has no VM named "${name}"`);
    }
    return found;
}

/** The SSH public key committed in Pulumi.dev.yaml for web01 (its private half was discarded). */
export const DEV_KEY = String((devVm("web01")["sshPublicKeys"] as unknown[])[0]);

/** The registrations as `type::name`, sorted, for exact comparison. */
export function inventory(registrations: readonly Registration[]): string[] {
    return registrations.map((r) => `${r.type}::${r.name}`).sort();
}

/** Everything `pulumi up` of the dev stack creates. */
export const DEV_STACK_INVENTORY: readonly string[] = [
    "azure-native:compute:Disk::app01-disk-data",
    "azure-native:compute:Disk::web01-disk-data",
    "azure-native:compute:VirtualMachine::app01-vm",
    "azure-native:compute:VirtualMachine::web01-vm",
    "azure-native:compute:VirtualMachineExtension::app01-access",
    "azure-native:compute:VirtualMachineExtension::web01-access",
    "azure-native:compute:VirtualMachineRunCommandByVirtualMachine::app01-format-data",
    "azure-native:compute:VirtualMachineRunCommandByVirtualMachine::web01-format-data",
    "azure-native:network:ApplicationSecurityGroup::network-asg-linux",
    "azure-native:network:ApplicationSecurityGroup::network-asg-windows",
    "azure-native:network:NatGateway::network-nat",
    "azure-native:network:NetworkInterface::app01-nic",
    "azure-native:network:NetworkInterface::web01-nic",
    "azure-native:network:NetworkSecurityGroup::network-nsg",
    "azure-native:network:PublicIPAddress::network-nat-ip",
    "azure-native:network:Subnet::network-subnet",
    "azure-native:network:VirtualNetwork::network-vnet",
    "azure-native:resources:ResourceGroup::resource-group",
    "azure-persistent-vm:index:LinuxVm::web01",
    "azure-persistent-vm:index:VmNetwork::network",
    "azure-persistent-vm:index:WindowsVm::app01",
    "pulumi:pulumi:Stack::azure-persistent-vm-dev",
    "random:index/randomPassword:RandomPassword::app01-admin-password",
];
