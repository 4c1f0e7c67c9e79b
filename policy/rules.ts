/**
 * The policies of the azure-persistent-vm pack: this project's secure defaults and durability rules, enforced on
 * any stack's azure-native resources. Pure: importing this module starts nothing (index.ts serves the pack), so
 * tests call the policies directly.
 *
 * Two policies read the pack config, each under its own name (Pulumi hands a policy only its own config):
 *   apvm-no-public-ip:     { "allowPublicIp": true }   public IP addresses allowed
 *   apvm-vm-disks-survive: { "allowDiskDelete": true } disks may be deleted with their VM
 * Any policy's level can be changed there too: { "apvm-nic-ip-forwarding-off": "advisory" }.
 */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { DISK_POLICIES } from "./rules/disk";
import { EXTENSION_POLICIES } from "./rules/extension";
import { NETWORK_POLICIES } from "./rules/network";
import { NSG_POLICIES } from "./rules/nsg";
import { VM_DURABILITY_POLICIES } from "./rules/vm-durability";
import { VM_GUEST_POLICIES } from "./rules/vm-guest";
import { VM_PLATFORM_POLICIES } from "./rules/vm-platform";

export { DISK_NO_PUBLIC_ACCESS, DISK_SETTINGS_EXPLICIT } from "./rules/disk";
export { EXTENSION_NO_PUBLIC_SECRETS } from "./rules/extension";
export {
    ALLOW_PUBLIC_IP, NIC_IP_FORWARDING_OFF, NIC_NSG, NO_PUBLIC_IP, PUBLIC_IP_STANDARD_STATIC, PUBLIC_IP_ZONES, SUBNET_NSG,
    SUBNETS_WITHOUT_NSG,
} from "./rules/network";
export { NSG_NO_OPEN_INBOUND, NSG_NO_OPEN_MANAGEMENT, OPEN_SOURCES } from "./rules/nsg";
export { ALLOW_DISK_DELETE, VM_DELETE_BEFORE_REPLACE, VM_DISKS_SURVIVE } from "./rules/vm-durability";
export {
    VM_AGENT, VM_BOOT_DATA_NO_SECRETS, VM_LINUX_SSH_ONLY, VM_WINDOWS_PATCH_BY_PLATFORM, VM_WINDOWS_UPDATES,
} from "./rules/vm-guest";
export {
    VM_BOOT_DIAGNOSTICS, VM_BOOT_DIAGNOSTICS_MANAGED, VM_SYSTEM_IDENTITY, VM_TRUSTED_LAUNCH, VM_TRUSTED_LAUNCH_UEFI,
} from "./rules/vm-platform";

export const POLICIES: ResourceValidationPolicy[] = [
    ...VM_GUEST_POLICIES,
    ...VM_PLATFORM_POLICIES,
    ...VM_DURABILITY_POLICIES,
    ...NETWORK_POLICIES,
    ...NSG_POLICIES,
    ...DISK_POLICIES,
    ...EXTENSION_POLICIES,
];
