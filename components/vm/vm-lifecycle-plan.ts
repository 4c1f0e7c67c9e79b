/**
 * The VM's lifecycle options, in one place: which property changes replace it (its create-only paths and its
 * replacement trigger), which it ignores after creation, and that it is deleted before its replacement is created
 * (its NIC and disks must be free to attach to the new one). A disk's lifecycle is in disk/disk-lifecycle-plan.ts. Pure.
 */

/**
 * Create-only properties of `Microsoft.Compute/virtualMachines` (API 2024-11-01, the version azure-native 3.x uses),
 * as azure-native input paths. azure-native replaces a VM only when `resourceGroupName` or `vmName` change; a change
 * to any of these would preview as an update and fail at deploy with `PropertyChangeNotAllowed`
 * (pulumi/pulumi-azure-native#577, #1117).
 * Sources: the ComputeRP 2024-11-01 spec ("cannot be changed" in the property descriptions; `location` is
 * create-only on TrackedResource) and the ForceNew fields of hashicorp/terraform-provider-azurerm's
 * linux_virtual_machine_resource.go and windows_virtual_machine_resource.go.
 * Left out on purpose: credentials (see VM_IGNORE_CHANGES), `storageProfile.osDisk.name`, which the component
 * never sends (Azure names each incarnation's OS disk uniquely), and the patch settings, which Azure changes in place:
 * between AutomaticByPlatform and AutomaticByOS on a Windows VM created with `enableAutomaticUpdates: true`, as every
 * one here is (image/patch-plan.ts; Microsoft Learn, "Automatic Guest Patching for Azure Virtual Machines and Scale
 * Sets": "switching between AutomaticByPlatform and AutomaticByOS modes is supported on VMs that have
 * osProfile.windowsConfiguration.enableAutomaticUpdates=true").
 */
export const VM_REPLACE_ON_CHANGES: readonly string[] = [
    "location",
    "zones",
    "extendedLocation",
    "placement",
    "availabilitySet",
    "virtualMachineScaleSet",
    "platformFaultDomain",
    "plan",
    "priority",
    "evictionPolicy",
    "osProfile.computerName",
    "osProfile.adminUsername",
    "osProfile.customData",
    "osProfile.linuxConfiguration.disablePasswordAuthentication",
    "osProfile.linuxConfiguration.provisionVMAgent",
    "osProfile.windowsConfiguration.provisionVMAgent",
    "osProfile.windowsConfiguration.enableAutomaticUpdates",
    "osProfile.windowsConfiguration.timeZone",
    "osProfile.windowsConfiguration.additionalUnattendContent",
    "osProfile.windowsConfiguration.winRM",
    "storageProfile.imageReference",
    "storageProfile.osDisk.createOption",
    "storageProfile.osDisk.diffDiskSettings",
    "storageProfile.osDisk.managedDisk.id",
    "storageProfile.osDisk.managedDisk.storageAccountType",
    "storageProfile.osDisk.managedDisk.securityProfile",
    "securityProfile.securityType",
    "securityProfile.uefiSettings",
];

/**
 * Credentials are create-only for Azure too (azurerm marks `admin_password` and `admin_ssh_key` ForceNew), but a
 * credential change must never reimage a VM: the VM ignores them after creation, and rotation goes through the VM
 * access extension instead.
 */
export const VM_IGNORE_CHANGES: readonly string[] = [
    "osProfile.adminPassword",
    "osProfile.linuxConfiguration.ssh.publicKeys",
];

/**
 * The OS disk's SKU, as the VM sends it. Without `osDisk.sku` it follows the VM's size (`defaultDiskSku`: Premium SSD
 * where the size has premium storage), and it is create-only (above), so a resize from `Standard_D2s_v5` to
 * `Standard_D2_v5` would replace the VM. So when the SKU is the size's default, the VM also ignores it: the engine
 * puts the old value back before it diffs (pulumi/pulumi v3.259.0, pkg/resource/deploy/step_generator.go:1267,
 * `processIgnoreChanges`), and the OS disk keeps the SKU it was created with. An explicit `osDisk.sku` is not ignored,
 * so changing it still replaces the VM. A replacement by another create-only change creates the new VM with the
 * current size's default: the engine checks the program's own inputs again for it (step_generator.go:2008; not for
 * `pulumi up --replace`, which keeps the recorded SKU).
 */
export const OS_DISK_SKU_PATH = "storageProfile.osDisk.managedDisk.storageAccountType";

/**
 * Audit of VM_REPLACE_ON_CHANGES against whole objects. The engine matches a listed path against the provider's
 * detailed diff by prefix (step_generator.go:3122 `applyReplaceOnChanges`, `PropertyPath.Contains`): a listed path
 * replaces only when it is a prefix of a changed path. When an object the component sends appears or disappears as a
 * whole, the change is at the object's path, and a longer listed path under it does not match. For each path, can an
 * ancestor be omitted as a whole by this library while the path's value changes?
 * - `location`, `zones`, `availabilitySet`, `plan` and the never-sent top-level paths: no ancestor.
 * - `osProfile.*`: `osProfile` is omitted exactly for a VM built from an existing OS disk, and
 *   `storageProfile.osDisk.createOption` changes ("FromImage" or "Attach") whenever that happens, so the VM is replaced
 *   anyway. Under it, `linuxConfiguration` and `windowsConfiguration` are always sent by the VM of their OS.
 * - `storageProfile.imageReference`, `storageProfile.osDisk.*`, `storageProfile.osDisk.managedDisk.*`: `storageProfile`,
 *   `osDisk` and `managedDisk` are always sent; `imageReference`, `managedDisk.id` and `storageAccountType` appear and
 *   disappear themselves, which matches.
 * - `securityProfile.securityType`, `securityProfile.uefiSettings`: `securityProfile` is omitted as a whole for a
 *   Standard VM without encryption at host (`securityProfile` in os-profile-declare.ts), so Trusted Launch <-> Standard
 *   would be an update. Covered by the replacement trigger below.
 * No other path has an ancestor the library omits.
 */
export type VmReplacementTrigger = "TrustedLaunch" | "Standard";

/**
 * The VM's `replacementTrigger`: its security type, as a plain string. The engine replaces a resource whose trigger
 * differs from the one in its state, and never on a null old or new trigger (step_generator.go:1805 and :3626
 * `shouldTriggerReplace`), so adding it to a deployed VM replaces nothing. Frozen: a change to this value's shape or
 * spelling in a later version would replace every deployed VM at its next update; test/vm/vm-plan.test.ts pins it.
 */
export function vmReplacementTrigger(securityType: "TrustedLaunch" | "Standard"): VmReplacementTrigger {
    return securityType;
}

/** The resource options of a VM. */
export interface VmResourceOptions {
    readonly deleteBeforeReplace: true;
    readonly replaceOnChanges: readonly string[];
    readonly ignoreChanges: readonly string[];
    readonly replacementTrigger: VmReplacementTrigger;
}

/**
 * The resource options of a VM: deleted before it is replaced, replaced on create-only changes and when its security
 * type changes, credentials ignored, and the OS disk's SKU ignored when it only follows the size.
 */
export function vmResourceOptions(vm: { readonly securityType: "TrustedLaunch" | "Standard"; readonly osDiskSkuFollowsSize: boolean }): VmResourceOptions {
    return {
        deleteBeforeReplace: true,
        replaceOnChanges: VM_REPLACE_ON_CHANGES,
        ignoreChanges: vm.osDiskSkuFollowsSize ? [...VM_IGNORE_CHANGES, OS_DISK_SKU_PATH] : VM_IGNORE_CHANGES,
        replacementTrigger: vmReplacementTrigger(vm.securityType),
    };
}
