/**
 * Arguments of the fleet components (LinuxScaleSet, WindowsScaleSet): the single-VM vocabulary where it applies, plus
 * what only a fleet has (instance count, zones, computer name prefix, upgrade mode, health probe). Structure is plain
 * values; only values flow as `pulumi.Input`.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { Caching, DiskSku } from "../disk/disk-args";
import type { VmArgs } from "../vm/vm-args";

/** What Azure does with an instance's disk when the instance is deleted (Flexible orchestration only). */
export const SCALE_SET_DISK_DELETE_OPTIONS = ["Delete", "Detach"] as const;
export type ScaleSetDiskDeleteOption = (typeof SCALE_SET_DISK_DELETE_OPTIONS)[number];

/**
 * How a change to the scale set's model reaches existing instances. "Manual": only new instances get it until an
 * instance is upgraded or reimaged by hand. "Automatic": Azure upgrades every instance, possibly all at once.
 * "Rolling": in batches, gated by the health probe (needs `healthProbe`).
 */
export const SCALE_SET_UPGRADE_MODES = ["Manual", "Automatic", "Rolling"] as const;
export type ScaleSetUpgradeMode = (typeof SCALE_SET_UPGRADE_MODES)[number];

/** Protocols of the Application Health extension's probe. */
export const HEALTH_PROBE_PROTOCOLS = ["tcp", "http", "https"] as const;
export type HealthProbeProtocol = (typeof HEALTH_PROBE_PROTOCOLS)[number];

/** The OS disk each instance gets from the image. */
export interface ScaleSetOsDiskArgs {
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
     * What Azure does with an instance's OS disk when the instance is deleted (scale-in, or the scale set's deletion):
     * "Delete", or "Detach" to keep it as an unattached managed disk that the stack does not know.
     * @default "Delete": instances are rebuilt from the image, so their OS disks hold nothing to keep
     */
    readonly deleteOption?: ScaleSetDiskDeleteOption;
}

/**
 * An empty data disk every instance gets. Azure creates and names one per instance from the scale set's profile: it is
 * not a stack resource, so it cannot be protected, locked, imported or re-attached.
 */
export interface ScaleSetDataDiskArgs {
    /**
     * The disk's stable key, unique in the list: it identifies the disk in the plan and in messages (Azure names each
     * instance's disk itself). Letters, digits and hyphens, up to 32 characters.
     */
    readonly name: string;
    /** Logical unit number the disk is attached at, 0-63, unique per scale set. */
    readonly lun: number;
    /** Size in GiB. */
    readonly sizeGb: number;
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
     * What Azure does with an instance's data disk when the instance is deleted (scale-in, or the scale set's
     * deletion): "Detach" keeps it, unattached, as a managed disk the stack does not know; "Delete" deletes it.
     * @default "Detach": data is not deleted unless the stack says so
     */
    readonly deleteOption?: ScaleSetDiskDeleteOption;
}

/**
 * The Application Health extension (binary health states): it probes a local endpoint on each instance and reports
 * the instance healthy when the port accepts a TCP connection, or the path answers HTTP 200.
 */
export interface ScaleSetHealthProbeArgs {
    /** "tcp", "http" or "https". */
    readonly protocol: HealthProbeProtocol;
    /** The local port probed, 1-65535. */
    readonly port: number;
    /**
     * The path probed, for "http" and "https", e.g. `/healthz`.
     * @default none; required for "http" and "https", refused for "tcp"
     */
    readonly requestPath?: string;
}

/** Arguments that mean for a fleet what they mean for a single VM (see `VmArgs`). */
type SharedVmArgs = Pick<VmArgs, "resourceGroupName" | "location" | "preflightFacts" | "imageReference" | "galleryImageId" | "plan" | "securityType" | "encryptionAtHost" | "licenseType" | "tags">;

/** What a Linux and a Windows scale set share: the VM arguments that mean the same, and the fleet's own. */
export interface ScaleSetArgs extends SharedVmArgs {
    /**
     * The subnet every instance's NIC joins. Instances of a Flexible scale set have no default outbound internet
     * access: give the subnet a NAT gateway (or a route through a firewall), or put the instances behind a Standard
     * load balancer with outbound rules, or they cannot reach package repositories, Windows Update or activation.
     */
    readonly subnetId: pulumi.Input<string>;
    /**
     * The network security group applied to every instance's NIC (in addition to the subnet's).
     * @default none: only the subnet's NSG filters the instances' traffic
     */
    readonly networkSecurityGroupId?: pulumi.Input<string>;
    /**
     * Application security groups every instance's NIC joins, e.g. `[network.applicationSecurityGroupIds.linux]` for a Linux fleet
     * on a VmNetwork, whose SSH rules reach only its Linux group and RDP rules only its Windows group. Changing the
     * list changes the scale set's model (instances follow its upgrade policy).
     * @default none: the instances are in no group, so a VmNetwork's management rules do not reach it
     */
    readonly applicationSecurityGroupIds?: readonly pulumi.Input<string>[];
    /**
     * Backend address pools of a Standard load balancer that every instance joins (ids of
     * `Microsoft.Network/loadBalancers/<lb>/backendAddressPools/<pool>`); with outbound rules, the balancer also gives
     * the instances outbound access.
     * @default none
     */
    readonly loadBalancerBackendAddressPoolIds?: readonly pulumi.Input<string>[];
    /** The VM size of every instance, e.g. `Standard_D2s_v5`. */
    readonly size: string;
    /**
     * How many instances the scale set runs, 0 to 1000 (a Flexible scale set's limit); checked when it is a plain
     * number. Changing it scales in or out; it never changes what the stack registers.
     */
    readonly instanceCount: pulumi.Input<number>;
    /**
     * The availability zones the instances are spread across; `[]` for a regional scale set (in a region without zones).
     * @default ["1", "2", "3"]
     */
    readonly zones?: readonly string[];
    /**
     * A key of the image catalogue (`IMAGE_KEYS`), of the component's OS. Set at most one of `image`, `imageReference`
     * and `galleryImageId`.
     * @default "ubuntu-24.04" for LinuxScaleSet, "windows-server-2025" for WindowsScaleSet
     */
    readonly image?: string;
    /**
     * The administrator account's name on every instance.
     * @default "azureuser" on Linux, "azureadmin" on Windows
     */
    readonly adminUsername?: string;
    /**
     * The prefix of every instance's computer name; Azure appends 6 characters to it. Windows allows at most 9
     * characters, Linux at most 58.
     * @default the component's name
     */
    readonly computerNamePrefix?: string;
    /**
     * The OS disk of every instance.
     * @default see each field
     */
    readonly osDisk?: ScaleSetOsDiskArgs;
    /**
     * Empty data disks every instance gets, each keyed by its `name`. They are created by Azure per instance, not by
     * the stack: see `ScaleSetDataDiskArgs`.
     * @default none
     */
    readonly dataDisks?: readonly ScaleSetDataDiskArgs[];
    /**
     * How a change to the scale set's model reaches existing instances (see `SCALE_SET_UPGRADE_MODES`). "Rolling"
     * needs `healthProbe`.
     * @default "Manual"
     */
    readonly upgradeMode?: ScaleSetUpgradeMode;
    /**
     * The Application Health extension on every instance. Azure requires health monitoring on a Flexible scale set for
     * platform-orchestrated patching and for rolling upgrades; with it, instances patch by platform where the image
     * supports it (as a single VM does).
     * @default none: Linux instances patch as their image does ("ImageDefault"), Windows instances by Windows Update
     * ("AutomaticByOS")
     */
    readonly healthProbe?: ScaleSetHealthProbeArgs;
}

/** LinuxScaleSet's arguments: what both fleets take, and the administrator's SSH keys and cloud-init. */
export interface LinuxScaleSetArgs extends ScaleSetArgs {
    /**
     * OpenSSH public keys (`ssh-ed25519 ...` or `ssh-rsa ...`) authorized for the administrator on every instance, one
     * key per entry: the line of its .pub file (type, base64, optional comment), without authorized_keys options or a
     * second line. Password sign-in is disabled.
     * @default none given: an ED25519 key pair is generated and its private key exported, as a secret, in
     * `generatedPrivateKey`
     */
    readonly sshPublicKeys?: readonly pulumi.Input<string>[];
    /**
     * cloud-init user data for every instance, as plain text, at most 65535 bytes; the component base64-encodes it and
     * sends it as a secret (which makes the whole instance model a secret in plans). Keep secrets out of it.
     * @default none
     */
    readonly customData?: pulumi.Input<string>;
}

/** WindowsScaleSet's arguments: what both fleets take, and the administrator's password. */
export interface WindowsScaleSetArgs extends ScaleSetArgs {
    /**
     * The administrator password of every instance; it is treated as a secret whether or not it arrives as one.
     * @default generated (see GENERATED_PASSWORD) and exported, as a secret, in `generatedAdminPassword`
     */
    readonly adminPassword?: pulumi.Input<string>;
}
