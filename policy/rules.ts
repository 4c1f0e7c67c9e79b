/**
 * The policies of the azure-persistent-vm pack: this project's secure defaults and durability rules, enforced on
 * any stack's azure-native resources, whether declared as their azure-native types, through `resources.Resource`
 * (generic ARM) or in a literal template of a `resources.Deployment` (docs/policy-pack.md says what is analysed and
 * what is reported because it cannot be). Pure: importing this module starts nothing (index.ts serves the pack), so
 * tests call the policies directly.
 *
 * Some policies read the pack config, each under its own name (Pulumi hands a policy only its own config):
 *   apvm-no-public-ip:               { "allowPublicIp": true }   public IP addresses allowed
 *   apvm-lb-no-public-management:    { "allowPublicIp": true }   SSH/RDP forwarded from public load-balancer frontends
 *   apvm-vm-disks-survive:           { "allowDiskDelete": true } disks may be deleted with their VM
 *   apvm-nsg-no-open-management(-stack), apvm-nsg-no-open-inbound:
 *                                    { "trustedServiceTags": ["VirtualNetwork"] } service tags taken as limited
 * Any policy's level can be changed there too: { "apvm-nic-ip-forwarding-off": "advisory" }.
 */
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { DISK_POLICIES } from "./rules/disk";
import { EXTENSION_POLICIES } from "./rules/extension";
import { LOAD_BALANCER_POLICIES } from "./rules/load-balancer";
import { NETWORK_POLICIES } from "./rules/network";
import { NSG_POLICIES, NSG_STACK_POLICIES } from "./rules/nsg";
import { PERIMETER_POLICIES } from "./rules/perimeter";
import { RUN_COMMAND_POLICIES } from "./rules/run-command";
import { VM_DURABILITY_POLICIES } from "./rules/vm-durability";
import { VM_GUEST_POLICIES } from "./rules/vm-guest";
import { VM_PLATFORM_POLICIES } from "./rules/vm-platform";

export { DISK_NO_PUBLIC_ACCESS, DISK_SETTINGS_EXPLICIT } from "./rules/disk";
export { EXTENSION_NO_PUBLIC_SECRETS } from "./rules/extension";
export { LB_NO_PUBLIC_MANAGEMENT } from "./rules/load-balancer";
export {
    ALLOW_PUBLIC_IP, NIC_IP_FORWARDING_OFF, NIC_NSG, NO_PUBLIC_IP, PUBLIC_IP_STANDARD_STATIC, PUBLIC_IP_ZONES, SUBNET_NSG,
    SUBNETS_WITHOUT_NSG,
} from "./rules/network";
export {
    NSG_CANONICAL_SOURCES, NSG_NO_OPEN_INBOUND, NSG_NO_OPEN_MANAGEMENT, NSG_NO_OPEN_MANAGEMENT_STACK, TRUSTED_SERVICE_TAGS,
} from "./rules/nsg";
export { RESOURCE_ANALYSABLE, TEMPLATE_ANALYSABLE } from "./rules/perimeter";
export { RUN_COMMAND_NO_PLAIN_SECRETS } from "./rules/run-command";
export { ALLOW_DISK_DELETE, VM_DELETE_BEFORE_REPLACE, VM_DISKS_SURVIVE } from "./rules/vm-durability";
export {
    VM_AGENT, VM_BOOT_DATA_NO_PASSWORD_SIGN_IN, VM_BOOT_DATA_NO_SECRETS, VM_LINUX_SSH_ONLY, VM_WINDOWS_PATCH_BY_PLATFORM,
    VM_WINDOWS_UPDATES,
} from "./rules/vm-guest";
export {
    VM_BOOT_DIAGNOSTICS, VM_BOOT_DIAGNOSTICS_MANAGED, VM_SYSTEM_IDENTITY, VM_TRUSTED_LAUNCH, VM_TRUSTED_LAUNCH_UEFI,
} from "./rules/vm-platform";

/** The policies that judge one resource at a time. */
export const POLICIES: ResourceValidationPolicy[] = [
    ...VM_GUEST_POLICIES,
    ...VM_PLATFORM_POLICIES,
    ...VM_DURABILITY_POLICIES,
    ...NETWORK_POLICIES,
    ...NSG_POLICIES,
    ...LOAD_BALANCER_POLICIES,
    ...DISK_POLICIES,
    ...EXTENSION_POLICIES,
    ...RUN_COMMAND_POLICIES,
    ...PERIMETER_POLICIES,
];

/** The policies that judge the stack's resources together. */
export const STACK_POLICIES: StackValidationPolicy[] = [...NSG_STACK_POLICIES];
