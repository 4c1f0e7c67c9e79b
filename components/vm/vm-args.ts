/**
 * Arguments both VM components take. Structure (which children exist, their names, LUNs, SKUs) is plain values;
 * only values flow as `pulumi.Input`.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { VmBackupArgs } from "../backup/backup-vault";
import type { FileSystem } from "../disk/format-scripts";
import type { ImagePlan } from "../image/image-facts";
import type { Caching, DiskProtection, DiskSku } from "../disk/disk-rules";
import type { LockKind } from "../core/lock-plan";
import type { PreflightFacts } from "./placement-rules";

/** An explicit marketplace image. */
export interface ImageReferenceArgs {
    /** Image publisher, e.g. `Canonical`. */
    readonly publisher: string;
    /** Image offer, e.g. `ubuntu-24_04-lts`. */
    readonly offer: string;
    /** Image SKU, e.g. `server`. */
    readonly sku: string;
    /**
     * Image version.
     * @default "latest"
     */
    readonly version?: string;
}

/** The VM's OS disk, created from the image. */
export interface OsDiskArgs {
    /**
     * Size in GiB.
     * @default the image's own size (about 30 GiB for Linux images, 127 GiB for Windows Server)
     */
    readonly sizeGb?: number;
    /**
     * Disk SKU. Premium SSD v2 and Ultra disks cannot be OS disks.
     * @default "Premium_LRS" when the size supports premium storage, otherwise "StandardSSD_LRS"
     */
    readonly sku?: DiskSku;
    /**
     * Host caching.
     * @default "ReadWrite"
     */
    readonly caching?: Caching;
    /**
     * Build the VM from an existing OS disk instead of an image: copy a disk or snapshot, import a VHD, adopt a disk
     * (e.g. the one a deleted VM left behind) or attach one by id. The VM then takes no image and no OS settings
     * (computer name, administrator, credentials, custom data): the disk brings them.
     * @default none: the OS disk is created from the image
     */
    readonly source?: DiskSourceArgs;
    /**
     * The Hyper-V generation of an imported VHD: "V2" (UEFI, can be Trusted Launch) or "V1" (BIOS, needs
     * `securityType: "Standard"`).
     * @default "V2"
     */
    readonly hyperVGeneration?: "V1" | "V2";
}

/** A VHD in a storage account, to import into a managed disk. */
export interface VhdArgs {
    /** The VHD's blob URI, e.g. `https://<account>.blob.core.windows.net/vhds/data.vhd`. */
    readonly uri: pulumi.Input<string>;
    /** The resource id of the storage account that holds it. */
    readonly storageAccountId: pulumi.Input<string>;
}

/**
 * Where an existing disk's data comes from: set at most one field. Without any, the disk is created empty.
 */
export interface DiskSourceArgs {
    /** Copy a managed disk or a snapshot, given by resource id (`createOption: Copy`). */
    readonly copyFrom?: pulumi.Input<string>;
    /** Import a VHD from a storage account (`createOption: Import`). */
    readonly importVhd?: VhdArgs;
    /**
     * Adopt an existing managed disk into the stack, by resource id (the `import` resource option). It must be in the
     * VM's resource group; give its exact `sizeGb` and `sku`. Its creation data is ignored, so adoption never
     * rewrites it, and no security default is sent, so the import matches the disk as it is.
     */
    readonly adoptId?: string;
    /** Attach an existing managed disk by resource id without owning it: the stack never changes or deletes it. */
    readonly existingId?: pulumi.Input<string>;
}

/** A persistent data disk: its own managed disk resource, attached to the VM, kept when the VM goes. */
export interface DataDiskArgs {
    /**
     * The disk's stable key: it names the disk (`<vm>-disk-<name>`) and identifies it across changes, so reordering
     * the list never touches a disk. Letters, digits and hyphens, up to 32 characters.
     */
    readonly name: string;
    /** Logical unit number the disk is attached at, 0-63, unique per VM. */
    readonly lun: number;
    /**
     * Size in GiB. Required for an empty or adopted disk.
     * @default for a copy or an import, the source's size
     */
    readonly sizeGb?: number;
    /**
     * Where the disk's data comes from.
     * @default an empty disk
     */
    readonly source?: DiskSourceArgs;
    /**
     * Disk SKU.
     * @default "Premium_LRS" when the size supports premium storage, otherwise "StandardSSD_LRS"
     */
    readonly sku?: DiskSku;
    /**
     * Host caching.
     * @default "ReadOnly"; "None" for Premium SSD v2, Ultra and disks of 4 TiB and more, which take no caching
     */
    readonly caching?: Caching;
    /**
     * Make the disk ready to use in the guest. A Run Command finds it by LUN, gives it one GPT partition and a file
     * system only if it is blank, and mounts it at `/data/<name>` (Linux, by UUID in /etc/fstab, `nofail`) or at the
     * folder `C:\data\<name>` (Windows). A disk that already holds a partition table or a file system is never
     * formatted, only mounted, or refused with a message when it holds something else. The command runs again when it
     * changes and on a replaced VM, which mounts the kept disk on the new machine.
     * @default false: the disk is attached raw
     */
    readonly format?: boolean;
    /**
     * The file system a blank disk gets: "ext4" or "xfs" on Linux, "NTFS" or "ReFS" on Windows. Needs `format`.
     * @default "ext4" on Linux, "NTFS" on Windows
     */
    readonly fileSystem?: FileSystem;
    /**
     * What happens to this disk when it leaves the stack: "protect" (Pulumi refuses to delete it), "retain" (Pulumi
     * forgets it, Azure keeps it) or "delete" (for scratch disks).
     * @default the VM's `diskProtection`
     */
    readonly protection?: DiskProtection;
}

/** A management lock (the Azure Verified Modules `lock` interface). */
export interface LockArgs {
    /** "CanNotDelete": nobody deletes the resource, from Pulumi, the portal or the CLI, until the lock is removed. */
    readonly kind: LockKind;
    /**
     * The lock's name.
     * @default "lock-<resource name>"
     */
    readonly name?: string;
}

/** The Azure Monitor agent on a VM. */
export interface AzureMonitorArgs {
    /**
     * A data collection rule to associate with the VM.
     * @default none: the agent is installed and collects nothing until a rule is associated
     */
    readonly dataCollectionRuleId?: pulumi.Input<string>;
}

/**
 * Joining a Windows VM to an Active Directory domain: a Run Command waits until the domain answers from the VM, then
 * the JsonADDomainExtension joins it and restarts it.
 */
export interface DomainJoinArgs {
    /** The domain's DNS name, e.g. `corp.contoso.com`. */
    readonly domainName: string;
    /**
     * The account that joins the VM, allowed to create computer accounts (in `ouPath`, or the Computers container):
     * `CORP\joiner` or `joiner@corp.contoso.com`.
     */
    readonly user: string;
    /** The account's password; it is sent as a secret, in the join extension's protected settings only. */
    readonly password: pulumi.Input<string>;
    /**
     * The OU the VM's computer account is created in, e.g. `OU=Servers,DC=corp,DC=contoso,DC=com`.
     * @default none: the domain's Computers container
     */
    readonly ouPath?: string;
    /**
     * What the join waits for besides the VM's own earlier steps, e.g. a `DomainController`'s `ready` (its promotion).
     * The wait command still checks that the domain answers: a promoted controller answers only after its restart.
     * @default none: the wait command alone decides when the domain is there
     */
    readonly dependsOn?: pulumi.Input<pulumi.Resource>[];
    /**
     * How long the wait command waits for the domain to answer from the VM before it fails the deployment, in whole
     * minutes from 1 to 240.
     * @default 30
     */
    readonly waitTimeoutMinutes?: number;
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
     * The VM's name in Azure; its NIC and disks are named after it.
     * @default the component's name
     */
    readonly vmName?: string;
    /** The VM size, e.g. `Standard_D2s_v5`. */
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
     * @default none: the tables in components/rules/facts.ts
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
    readonly securityType?: "TrustedLaunch" | "Standard";
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
     * Customer-managed keys: the resource id of a disk encryption set (with its Key Vault key and access already
     * granted, in the VM's region) that encrypts the OS disk and every disk the stack creates.
     * @default none: platform-managed keys, sent explicitly
     */
    readonly diskEncryptionSetId?: pulumi.Input<string>;
    /**
     * Whether the VM access extension (VMAccessForLinux or VMAccessAgent) carries the credential to the running VM, so
     * that changed `sshPublicKeys` or a changed `adminPassword` rotate in place. It is one resource per VM, about 15% of
     * the SDK's work for a VM in each preview (see the README's benchmark), and one more step when the VM is created.
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
