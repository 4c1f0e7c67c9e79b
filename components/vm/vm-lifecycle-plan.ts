/**
 * The VM's lifecycle options, in one place: which property changes replace it, which it ignores after creation, and
 * that it is deleted before its replacement is created (its NIC and disks must be free to attach to the new one).
 * A disk's lifecycle is in disk/disk-lifecycle-plan.ts. Pure.
 */

/**
 * Create-only properties of `Microsoft.Compute/virtualMachines` (API 2024-11-01, the version azure-native 3.x uses),
 * as azure-native input paths. azure-native replaces a VM only when `resourceGroupName` or `vmName` change; a change
 * to any of these would preview as an update and fail at deploy with `PropertyChangeNotAllowed`
 * (pulumi/pulumi-azure-native#577, #1117).
 * Sources: the ComputeRP 2024-11-01 spec ("cannot be changed" in the property descriptions; `location` is
 * create-only on TrackedResource) and the ForceNew fields of hashicorp/terraform-provider-azurerm's
 * linux_virtual_machine_resource.go and windows_virtual_machine_resource.go.
 * Left out on purpose: credentials (see VM_IGNORE_CHANGES), and `storageProfile.osDisk.name`, which the component
 * never sends (Azure names each incarnation's OS disk uniquely).
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

/** The resource options of every VM: deleted before it is replaced, replaced on create-only changes, credentials ignored. */
export const VM_RESOURCE_OPTIONS = {
    deleteBeforeReplace: true,
    replaceOnChanges: VM_REPLACE_ON_CHANGES,
    ignoreChanges: VM_IGNORE_CHANGES,
} as const;
