/** What the dev stack (Pulumi.dev.yaml) declares, shared by the tests that run it. */
import type { Registration } from "../../tools/recorder/recorder";

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
    "azure-native:network:NetworkInterface::app01-nic",
    "azure-native:network:NetworkInterface::web01-nic",
    "azure-native:network:NetworkSecurityGroup::network-nsg",
    "azure-native:network:Subnet::network-subnet",
    "azure-native:network:VirtualNetwork::network-vnet",
    "azure-native:resources:ResourceGroup::resource-group",
    "azure-persistent-vm:index:LinuxVm::web01",
    "azure-persistent-vm:index:VmNetwork::network",
    "azure-persistent-vm:index:WindowsVm::app01",
    "pulumi:pulumi:Stack::azure-persistent-vm-dev",
    "random:index/randomPassword:RandomPassword::app01-admin-password",
];
