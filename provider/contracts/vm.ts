/**
 * The contracts of LinuxVm and WindowsVm: the TypeScript `LinuxVmArgs`/`WindowsVmArgs` spelled for the schema
 * analyzer (drift.ts says how they are kept equal), and the classes the analyzer reads the outputs from.
 *
 * Not offered across languages: `virtualMachine` and `lastGuestStep` are resource handles, which a schema cannot
 * carry. `vmId` stands for the VM (depend on it, or pass it on); `lastGuestStepUrn` stands for the last guest step.
 */
import * as pulumi from "@pulumi/pulumi";
import type { LinuxVm as TsLinuxVm, LinuxVmArgs as TsLinuxVmArgs, VmArgs as TsVmArgs, WindowsVm as TsWindowsVm, WindowsVmArgs as TsWindowsVmArgs } from "../../components";
import { assertSame, type Same } from "./drift";
import type {
    AzureMonitor, DataDisk, DiskProtection, DomainJoin, ImagePlan, ImageReference, LicenseType, Lock, OsDisk,
    PreflightFacts, SecurityType, VmBackup,
} from "./shared";

/** The type tokens: the same as the TypeScript components' own. */
export const LINUX_VM = "azure-persistent-vm:index:LinuxVm";
export const WINDOWS_VM = "azure-persistent-vm:index:WindowsVm";

/*
 * The VM args in parts. The analyzer flattens a plain `extends` (it reads a type's properties, inherited ones included)
 * but turns what comes through `Omit`/`Pick` into `Any`: so where TypeScript derives SqlServerVmArgs and
 * DomainControllerArgs from WindowsVmArgs with `Omit`, the contracts compose the parts each component keeps. These
 * parts are not schema types: each component's inputs list their fields.
 */

/** What every VM component takes. */
export interface VmCoreArgs {
    resourceGroupName: pulumi.Input<string>;
    location: pulumi.Input<string>;
    subnetId: pulumi.Input<string>;
    networkSecurityGroupId?: pulumi.Input<string>;
    applicationSecurityGroupIds?: pulumi.Input<string>[];
    vmName?: string;
    size: string;
    zone?: string;
    availabilitySetId?: pulumi.Input<string>;
    preflightFacts?: PreflightFacts;
    securityType?: SecurityType;
    adminUsername?: string;
    computerName?: string;
    osDisk?: OsDisk;
    diskProtection?: DiskProtection;
    lock?: Lock;
    encryptionAtHost?: boolean;
    acceleratedNetworking?: boolean;
    licenseType?: LicenseType;
    diskEncryptionSetId?: pulumi.Input<string>;
    dataAccessAuthMode?: string;
    azureMonitor?: AzureMonitor;
    backup?: VmBackup;
    tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/** The image (SqlServerVm chooses its own). */
export interface VmImageArgs {
    image?: string;
    imageReference?: ImageReference;
    galleryImageId?: pulumi.Input<string>;
    plan?: ImagePlan;
}

/** The data disks (SqlServerVm and DomainController declare their own). */
export interface VmDataDisksArgs {
    dataDisks?: DataDisk[];
}

/** The NIC's address, optional (a DomainController requires one). */
export interface VmPrivateIpArgs {
    privateIpAddress?: string;
}

/** Sign-in and domain membership (a DomainController has its own). */
export interface VmAccessArgs {
    publicIp?: boolean;
    credentialRotation?: boolean;
    entraIdLogin?: boolean;
    domainJoin?: DomainJoin;
}

export interface LinuxVmArgs extends VmCoreArgs, VmImageArgs, VmDataDisksArgs, VmPrivateIpArgs, VmAccessArgs {
    sshPublicKeys?: pulumi.Input<string>[];
    customData?: pulumi.Input<string>;
}

export interface WindowsVmArgs extends VmCoreArgs, VmImageArgs, VmDataDisksArgs, VmPrivateIpArgs, VmAccessArgs {
    adminPassword?: pulumi.Input<string>;
}

/** A Linux VM whose OS and data disks outlive it. */
export class LinuxVm extends pulumi.ComponentResource {
    public readonly vmId!: pulumi.Output<string>;
    public readonly vmName!: pulumi.Output<string>;
    public readonly privateIpAddress!: pulumi.Output<string>;
    public readonly nicId!: pulumi.Output<string>;
    public readonly osDiskName!: pulumi.Output<string>;
    public readonly dataDiskIds!: pulumi.Output<Record<string, string>>;
    public readonly principalId!: pulumi.Output<string>;
    public readonly generatedPrivateKey!: pulumi.Output<string> | undefined;
    /**
     * The URN of the last step of the VM's guest chain (TypeScript's `lastGuestStep`): pass it where something must
     * run in the guest after everything the component set up there, e.g. a `DomainJoin.waitFor`.
     */
    public readonly lastGuestStepUrn!: pulumi.Output<string>;

    constructor(name: string, args: LinuxVmArgs, opts?: pulumi.ComponentResourceOptions) {
        super(LINUX_VM, name, {}, opts);
    }
}

/** A Windows VM whose OS and data disks outlive it. */
export class WindowsVm extends pulumi.ComponentResource {
    public readonly vmId!: pulumi.Output<string>;
    public readonly vmName!: pulumi.Output<string>;
    public readonly privateIpAddress!: pulumi.Output<string>;
    public readonly nicId!: pulumi.Output<string>;
    public readonly osDiskName!: pulumi.Output<string>;
    public readonly dataDiskIds!: pulumi.Output<Record<string, string>>;
    public readonly principalId!: pulumi.Output<string>;
    public readonly generatedAdminPassword!: pulumi.Output<string> | undefined;
    /** The URN of the last step of the VM's guest chain (TypeScript's `lastGuestStep`), see LinuxVm. */
    public readonly lastGuestStepUrn!: pulumi.Output<string>;

    constructor(name: string, args: WindowsVmArgs, opts?: pulumi.ComponentResourceOptions) {
        super(WINDOWS_VM, name, {}, opts);
    }
}

/** The outputs a class offers: its public fields beyond those of every component. */
export type OutputsOf<C> = Omit<C, keyof pulumi.ComponentResource>;

/** What the VM classes share that a schema cannot carry, and its substitute. */
type VmHandles = "virtualMachine" | "lastGuestStep";

/** Fields whose contract type differs from the TypeScript one by design: the substitute, and the one-member enum. */
type VmSubstituted = "domainJoin" | "dataAccessAuthMode";
assertSame<Same<Omit<LinuxVmArgs, VmSubstituted>, Omit<TsLinuxVmArgs, VmSubstituted>>>();
assertSame<Same<Omit<WindowsVmArgs, VmSubstituted>, Omit<TsWindowsVmArgs, VmSubstituted>>>();
// The parts together are exactly VmArgs.
assertSame<Same<Omit<VmCoreArgs & VmImageArgs & VmDataDisksArgs & VmPrivateIpArgs & VmAccessArgs, VmSubstituted>, Omit<TsVmArgs, VmSubstituted>>>();
assertSame<Same<OutputsOf<LinuxVm>, OutputsOf<Omit<TsLinuxVm, VmHandles>> & { lastGuestStepUrn: pulumi.Output<string> }>>();
assertSame<Same<OutputsOf<WindowsVm>, OutputsOf<Omit<TsWindowsVm, VmHandles>> & { lastGuestStepUrn: pulumi.Output<string> }>>();
