/**
 * The VM components' arguments: what LinuxVm and WindowsVm share (`VmArgs`), and each one's own. Structure (which
 * children exist, their names, LUNs, SKUs) is plain values; only values flow as `pulumi.Input`.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { VmBackupArgs } from "../backup/backup-args";
import type { LockArgs } from "../core/lock-args";
import type { DataAccessAuthMode, DataDiskArgs, DiskProtection, OsDiskArgs } from "../disk/disk-args";
import type { ImagePlan, ImageReferenceArgs } from "../image/image-args";
import type { DomainJoinArgs } from "./domain-join-args";
import type { PreflightFacts } from "./placement-rules";

/** The security types a VM or a fleet can have. */
export const SECURITY_TYPES = ["TrustedLaunch", "Standard"] as const;
export type SecurityType = (typeof SECURITY_TYPES)[number];

/**
 * Azure Hybrid Benefit licence types (the Compute API's `licenseType`): "Windows_Server" and "Windows_Client" for
 * Windows, "RHEL_BYOS" and "SLES_BYOS" for Red Hat and SUSE, "None" for pay-as-you-go.
 */
export const LICENSE_TYPES = ["Windows_Server", "Windows_Client", "RHEL_BYOS", "SLES_BYOS", "None"] as const;
export type LicenseType = (typeof LICENSE_TYPES)[number];

/** The Azure Monitor agent on a VM. */
export interface AzureMonitorArgs {
    /**
     * A data collection rule to associate with the VM.
     * @default none: the agent is installed and collects nothing until a rule is associated
     */
    readonly dataCollectionRuleId?: pulumi.Input<string>;
}

/** What a Linux and a Windows VM share. */
export interface VmArgs {
    /** The resource group the VM, its NIC and its disks are created in. */
    readonly resourceGroupName: pulumi.Input<string>;
    /** The Azure region, e.g. `westeurope`. */
    readonly location: pulumi.Input<string>;
    /** The subnet the VM's NIC joins. */
    readonly subnetId: pulumi.Input<string>;
    /**
     * The network security group applied to the VM's NIC (in addition to the subnet's).
     * @default none: only the subnet's NSG filters the NIC's traffic
     */
    readonly networkSecurityGroupId?: pulumi.Input<string>;
    /**
     * Application security groups the NIC joins, e.g. `[network.applicationSecurityGroupIds.linux]` for a Linux VM
     * on a VmNetwork, whose SSH rules reach only its Linux group and RDP rules only its Windows group. Changing the
     * list updates the NIC in place.
     * @default none: the VM is in no group, so a VmNetwork's management rules do not reach it
     */
    readonly applicationSecurityGroupIds?: readonly pulumi.Input<string>[];
    /**
     * The VM's name in Azure; its NIC and disks are named after it.
     * @default the component's name
     */
    readonly vmName?: string;
    /**
     * The VM size, e.g. `Standard_D2s_v5`. Changing it resizes the VM in place; it never replaces it, and an OS disk
     * whose SKU followed the size keeps the SKU it was created with.
     */
    readonly size: string;
    /**
     * The availability zone, `"1"`, `"2"` or `"3"`. Data disks follow it (zone-redundant disks carry no zone).
     * @default none: a regional VM
     */
    readonly zone?: string;
    /**
     * The availability set to place the VM in; a VM is either zonal (`zone`) or in an availability set.
     * @default none
     */
    readonly availabilitySetId?: pulumi.Input<string>;
    /**
     * Facts the preflight rules use, for what their dated tables do not know or to correct them: the size's
     * capabilities (`premiumStorage`, `maxDataDisks`, `trustedLaunch`, `generations`), whether the region has zones,
     * the image's Hyper-V generation. Without them, an unknown fact makes a warning, not an error.
     * @default none: the dated tables in components/vm/size-facts.ts and components/core/azure-facts.ts
     */
    readonly preflightFacts?: PreflightFacts;
    /**
     * A key of the image catalogue (`IMAGE_KEYS`). Set at most one of `image`, `imageReference` and `galleryImageId`.
     * @default "ubuntu-24.04" for LinuxVm, "windows-server-2025" for WindowsVm
     */
    readonly image?: string;
    /** An explicit marketplace image, instead of a catalogue key. */
    readonly imageReference?: ImageReferenceArgs;
    /** The resource id of an Azure Compute Gallery image (definition or version), instead of a catalogue key. */
    readonly galleryImageId?: pulumi.Input<string>;
    /**
     * The marketplace purchase plan of an `imageReference` image that needs one (catalogue images bring their own).
     * @default none
     */
    readonly plan?: ImagePlan;
    /**
     * Trusted Launch (secure boot and vTPM) or Standard security. Always sent, because Azure's own default varies by
     * API version. Gen1 images need "Standard".
     * @default "TrustedLaunch"
     */
    readonly securityType?: SecurityType;
    /**
     * The administrator account's name.
     * @default "azureuser" on Linux, "azureadmin" on Windows
     */
    readonly adminUsername?: string;
    /**
     * The OS host name.
     * @default the VM's name (Windows allows at most 15 characters)
     */
    readonly computerName?: string;
    /**
     * The OS disk. It is kept, detached, when the VM is deleted; Azure names it `<vm>_OsDisk_1_<unique id>`, so a
     * VM rebuilt from its image never collides with the disk of an earlier incarnation.
     * @default see each field
     */
    readonly osDisk?: OsDiskArgs;
    /**
     * Persistent data disks, each keyed by its `name`. Each is protected: Pulumi refuses to delete it.
     * @default none
     */
    readonly dataDisks?: readonly DataDiskArgs[];
    /**
     * The default protection of the VM's data disks (each can set its own) and of its OS disk: with "protect" and
     * "retain" the OS disk is kept when the VM is deleted; with "delete" it is deleted with the VM.
     * @default "protect"
     */
    readonly diskProtection?: DiskProtection;
    /**
     * A management lock on each data disk. `protect` stops only Pulumi; a `CanNotDelete` lock also stops the portal,
     * the CLI and a resource-group deletion.
     * @default none
     */
    readonly lock?: LockArgs;
    /**
     * A static private IP for the NIC, e.g. for a domain controller or a DNS server that other machines are pointed at.
     * It must be a usable address of the subnet (not among the first four or the last, which Azure reserves); the
     * stack checks that against its subnet, the component only that it is an IPv4 address.
     * @default none: Azure assigns one dynamically (it stays the same while the NIC exists)
     */
    readonly privateIpAddress?: string;
    /**
     * A Standard, static public IP on the NIC, in the VM's zone (regional for a regional VM). Off by default: reach VMs
     * from the management prefixes, a VPN or Azure Bastion (`VmNetwork`'s `bastion`). Inbound traffic is still only
     * what the NSGs allow.
     * @default false: no public IP
     */
    readonly publicIp?: boolean;
    /**
     * Encryption at host: the VM host encrypts temporary disks and disk caches too. Needs the subscription feature
     * (`az feature register --namespace Microsoft.Compute --name EncryptionAtHost`) and a size that supports it; Azure
     * refuses the VM otherwise. Changing it on an existing VM needs the VM deallocated first.
     * @default false
     */
    readonly encryptionAtHost?: boolean;
    /**
     * Accelerated networking on the NIC (SR-IOV: lower latency and CPU use; Microsoft's SQL Server on Azure VM
     * checklist asks for it). Refused on a size that does not support it. Turning it on for an existing NIC needs the
     * VM stopped or deallocated first (`az vm deallocate`, then `pulumi up`, then `az vm start`): the change prediction
     * (`npm run plan -- --changes-from`) marks that update refused while the VM runs. Turning it off needs no stop; do
     * it before a resize to a size without it, which Azure refuses otherwise.
     * @default true where the size supports it (the size table, or `preflightFacts.size.acceleratedNetworking`) and the
     * VM boots a marketplace image; false for a gallery image or an existing OS disk, whose guest you verify first, and
     * for a size the table does not know. The default applies when the NIC is created: a deployed NIC keeps what it
     * has until this is set, except that a resize to a size without accelerated networking turns it off (Azure does
     * that on a running VM, and refuses the resize otherwise).
     */
    readonly acceleratedNetworking?: boolean;
    /**
     * Azure Hybrid Benefit: the licence the VM's OS runs under, a metadata flag Azure changes in place, without a
     * restart. "Windows_Server" (Windows Server licences with Software Assurance) or "Windows_Client" (Windows 10 or 11
     * with multi-tenant hosting rights) on Windows; "RHEL_BYOS" or "SLES_BYOS" (your own Red Hat or SUSE subscription)
     * on Linux, refused on a marketplace image of another publisher; "None" for pay-as-you-go, which Microsoft
     * documents as the way back. SQL Server's licence is SqlServerVm's `sql.licenseType`.
     * @default none: the image's own billing (pay-as-you-go for a marketplace image)
     */
    readonly licenseType?: LicenseType;
    /**
     * Customer-managed keys: the resource id of a disk encryption set (with its Key Vault key and access already
     * granted, in the VM's region) that encrypts the OS disk and every disk the stack creates.
     * @default none: platform-managed keys, sent explicitly
     */
    readonly diskEncryptionSetId?: pulumi.Input<string>;
    /**
     * "AzureActiveDirectory": every disk the stack creates demands a Microsoft Entra ID token, with the data
     * operator role for disks on the disk, besides the SAS, before it can be exported (downloaded) or uploaded
     * (`dataAccessAuthMode`). The disks already refuse public network access; this also closes the export path to
     * anyone holding only a SAS. Refused together with `backup`: Azure Backup does not support such disks (Microsoft
     * Learn, "Secure downloads and uploads with Microsoft Entra ID"). The OS disk Azure makes from an image takes no
     * such setting (the VM API has none); build the VM from a disk (`osDisk.source`) to cover it too.
     * @default none: a SAS alone authorises an export, as Azure's default
     */
    readonly dataAccessAuthMode?: DataAccessAuthMode;
    /**
     * Whether the VM access extension (VMAccessForLinux or VMAccessAgent) carries the credential to the running VM, so
     * that changed `sshPublicKeys` or a changed `adminPassword` rotate in place. It is one resource per VM, about 15% of
     * the SDK's work for a VM in each preview (see docs/benchmark.md), and one more step when the VM is created.
     * Set it to false where nothing needs it: on a domain controller (VMAccess is not supported on domain controllers,
     * Microsoft Learn, "VMAccess Extension for Windows"; its administrator is a domain account that rotates in Active
     * Directory), or on Linux VMs whose users sign in with `entraIdLogin` and whose keys never change. Without it, a
     * changed credential reaches nothing: the VM ignores credentials after creation.
     * @default true: the access extension is declared (for a VM built from an image)
     */
    readonly credentialRotation?: boolean;
    /**
     * Microsoft Entra ID sign-in: the AADSSHLoginForLinux or AADLoginForWindows extension. Users also need the
     * "Virtual Machine Administrator Login" or "Virtual Machine User Login" role on the VM, which this component does
     * not assign, and the VM needs outbound access to Microsoft Entra ID.
     * @default false
     */
    readonly entraIdLogin?: boolean;
    /**
     * The Azure Monitor agent, and optionally the data collection rule that tells it what to collect (without one the
     * agent collects nothing).
     * @default none: no agent
     */
    readonly azureMonitor?: AzureMonitorArgs;
    /**
     * Join the VM to an Active Directory domain (Windows only; LinuxVm refuses it). In the VM's guest steps it comes
     * right after the access extension: a Run Command `wait-domain` waits until the domain answers from the VM (its
     * DNS finds a domain controller, which answers on LDAP), then the JsonADDomainExtension (Microsoft.Compute, 1.3)
     * joins it and restarts it; the other extensions and disk formatting follow. Not with `entraIdLogin`: an
     * Entra-joined VM cannot also join a domain.
     * @default none: the VM joins no domain
     */
    readonly domainJoin?: DomainJoinArgs;
    /**
     * Azure Backup for the VM: a protected item under this policy (e.g. a `BackupVault`'s `policyId`), in the policy's
     * vault, which must be in the VM's region and subscription. The item is `retainOnDelete`: neither a replacement
     * nor removing the VM from the stack stops protection or deletes recovery points.
     * @default none: the VM is not backed up
     */
    readonly backup?: VmBackupArgs;
    /**
     * Tags for the VM, its NIC and its disks.
     * @default none
     */
    readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/** LinuxVm's arguments: what both VM components take, and the Linux administrator's SSH keys and cloud-init. */
export interface LinuxVmArgs extends VmArgs {
    /**
     * OpenSSH public keys (`ssh-ed25519 ...` or `ssh-rsa ...`) authorized for the administrator, one key per entry: the
     * line of its .pub file (type, base64, optional comment), without authorized_keys options or a second line.
     * Changing them later rotates them in place: the VM access extension makes them the administrator's only authorized
     * keys, and the VM is not replaced (unless `credentialRotation` is false: then a change reaches nothing).
     * @default none given: an ED25519 key pair is generated and its private key exported, as a secret, in
     * `generatedPrivateKey`
     */
    readonly sshPublicKeys?: readonly pulumi.Input<string>[];
    /**
     * cloud-init user data, as plain text, at most 65535 bytes; the component base64-encodes it and always sends it as a
     * secret (encrypted in the state, redacted in plans). Changing it replaces the VM, because Azure applies custom
     * data only at creation. Keep secrets out of it all the same: the VM keeps it on its disk.
     * @default none
     */
    readonly customData?: pulumi.Input<string>;
}

/** WindowsVm's arguments: what both VM components take, and the administrator's password. */
export interface WindowsVmArgs extends VmArgs {
    /**
     * The administrator password; it is treated as a secret whether or not it arrives as one. Changing it later
     * rotates it in place through the VM access extension; the VM is not replaced.
     * @default generated (see GENERATED_PASSWORD) and exported, as a secret, in `generatedAdminPassword`
     */
    readonly adminPassword?: pulumi.Input<string>;
}
