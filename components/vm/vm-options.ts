/**
 * The VM's lifecycle options: which property changes replace it, and which it ignores after creation.
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
 * Create-only properties of `Microsoft.Compute/disks` (API 2024-03-02, the version azure-native 3.x uses), as
 * azure-native input paths. A change to one becomes a planned replacement, which `protect` refuses at preview,
 * instead of an update Azure rejects at deploy. Sources: the ForceNew fields of azurerm's managed_disk_resource.go
 * (zone, create_option, source_uri, source_resource_id, storage_account_id, image_reference_id, hyper_v_generation,
 * security_type, edge_zone, logical_sector_size, location) and the disk API ("creationData: cannot be changed after
 * the disk has been created"). Size, SKU, tier, caching and encryption are updatable and left out.
 */
export const DISK_REPLACE_ON_CHANGES: readonly string[] = [
    "location",
    "zones",
    "extendedLocation",
    "creationData",
    "hyperVGeneration",
    "securityProfile",
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
