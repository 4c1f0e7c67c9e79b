/**
 * The contracts of LinuxScaleSet and WindowsScaleSet: the TypeScript `LinuxScaleSetArgs`/`WindowsScaleSetArgs` written
 * out for the schema analyzer (drift.ts says how they are kept equal), and the classes the analyzer reads the outputs
 * from. Every field crosses languages as it is: the fleets take no resource handles and expose none.
 */
import * as pulumi from "@pulumi/pulumi";
import type {
    HealthProbeProtocol as TsHealthProbeProtocol, LINUX_SCALE_SET_TYPE as TS_LINUX_SCALE_SET, LinuxScaleSet as TsLinuxScaleSet,
    LinuxScaleSetArgs as TsLinuxScaleSetArgs, ScaleSetArgs as TsScaleSetArgs, ScaleSetDataDiskArgs as TsScaleSetDataDiskArgs,
    ScaleSetDiskDeleteOption as TsScaleSetDiskDeleteOption, ScaleSetHealthProbeArgs as TsScaleSetHealthProbeArgs,
    ScaleSetOsDiskArgs as TsScaleSetOsDiskArgs, ScaleSetUpgradeMode as TsScaleSetUpgradeMode, WINDOWS_SCALE_SET_TYPE as TS_WINDOWS_SCALE_SET,
    WindowsScaleSet as TsWindowsScaleSet, WindowsScaleSetArgs as TsWindowsScaleSetArgs,
} from "../../components";
import { assertSame, type Equal, type Same } from "./drift";
import type { Caching, DiskSku, ImagePlan, ImageReference, LicenseType, PreflightFacts, SecurityType } from "./shared";
import type { OutputsOf } from "./vm";

/** The type tokens: the same as the TypeScript components' own. */
export const LINUX_SCALE_SET = "azure-persistent-vm:index:LinuxScaleSet";
export const WINDOWS_SCALE_SET = "azure-persistent-vm:index:WindowsScaleSet";

export const ScaleSetDiskDeleteOption = { Delete: "Delete", Detach: "Detach" } as const;
export type ScaleSetDiskDeleteOption = (typeof ScaleSetDiskDeleteOption)[keyof typeof ScaleSetDiskDeleteOption];

export const ScaleSetUpgradeMode = { Manual: "Manual", Automatic: "Automatic", Rolling: "Rolling" } as const;
export type ScaleSetUpgradeMode = (typeof ScaleSetUpgradeMode)[keyof typeof ScaleSetUpgradeMode];

export const HealthProbeProtocol = { tcp: "tcp", http: "http", https: "https" } as const;
export type HealthProbeProtocol = (typeof HealthProbeProtocol)[keyof typeof HealthProbeProtocol];

export interface ScaleSetOsDisk {
    sizeGb?: number;
    sku?: DiskSku;
    caching?: Caching;
    deleteOption?: ScaleSetDiskDeleteOption;
}

export interface ScaleSetDataDisk {
    name: string;
    lun: number;
    sizeGb: number;
    sku?: DiskSku;
    caching?: Caching;
    deleteOption?: ScaleSetDiskDeleteOption;
}

export interface ScaleSetHealthProbe {
    protocol: HealthProbeProtocol;
    port: number;
    requestPath?: string;
}

/**
 * TypeScript's ScaleSetArgs, which both scale sets extend. The analyzer flattens a plain `extends`, so this is no
 * schema type: each scale set's inputs list its fields.
 */
export interface ScaleSetArgs {
    resourceGroupName: pulumi.Input<string>;
    location: pulumi.Input<string>;
    preflightFacts?: PreflightFacts;
    imageReference?: ImageReference;
    galleryImageId?: pulumi.Input<string>;
    plan?: ImagePlan;
    securityType?: SecurityType;
    encryptionAtHost?: boolean;
    licenseType?: LicenseType;
    tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
    subnetId: pulumi.Input<string>;
    networkSecurityGroupId?: pulumi.Input<string>;
    applicationSecurityGroupIds?: pulumi.Input<string>[];
    loadBalancerBackendAddressPoolIds?: pulumi.Input<string>[];
    size: string;
    instanceCount: pulumi.Input<number>;
    zones?: string[];
    image?: string;
    adminUsername?: string;
    computerNamePrefix?: string;
    osDisk?: ScaleSetOsDisk;
    dataDisks?: ScaleSetDataDisk[];
    upgradeMode?: ScaleSetUpgradeMode;
    healthProbe?: ScaleSetHealthProbe;
}

export interface LinuxScaleSetArgs extends ScaleSetArgs {
    sshPublicKeys?: pulumi.Input<string>[];
    customData?: pulumi.Input<string>;
}

export interface WindowsScaleSetArgs extends ScaleSetArgs {
    adminPassword?: pulumi.Input<string>;
}

/** A fleet of Linux VMs as one Flexible scale set. */
export class LinuxScaleSet extends pulumi.ComponentResource {
    public readonly scaleSetId!: pulumi.Output<string>;
    public readonly scaleSetName!: pulumi.Output<string>;
    public readonly principalId!: pulumi.Output<string>;
    public readonly generatedPrivateKey!: pulumi.Output<string> | undefined;

    constructor(name: string, args: LinuxScaleSetArgs, opts?: pulumi.ComponentResourceOptions) {
        super(LINUX_SCALE_SET, name, {}, opts);
    }
}

/** A fleet of Windows Server VMs as one Flexible scale set. */
export class WindowsScaleSet extends pulumi.ComponentResource {
    public readonly scaleSetId!: pulumi.Output<string>;
    public readonly scaleSetName!: pulumi.Output<string>;
    public readonly principalId!: pulumi.Output<string>;
    public readonly generatedAdminPassword!: pulumi.Output<string> | undefined;

    constructor(name: string, args: WindowsScaleSetArgs, opts?: pulumi.ComponentResourceOptions) {
        super(WINDOWS_SCALE_SET, name, {}, opts);
    }
}

assertSame<Equal<typeof LINUX_SCALE_SET, typeof TS_LINUX_SCALE_SET>>();
assertSame<Equal<typeof WINDOWS_SCALE_SET, typeof TS_WINDOWS_SCALE_SET>>();
assertSame<Equal<ScaleSetDiskDeleteOption, TsScaleSetDiskDeleteOption>>();
assertSame<Equal<ScaleSetUpgradeMode, TsScaleSetUpgradeMode>>();
assertSame<Equal<HealthProbeProtocol, TsHealthProbeProtocol>>();
assertSame<Same<ScaleSetOsDisk, TsScaleSetOsDiskArgs>>();
assertSame<Same<ScaleSetDataDisk, TsScaleSetDataDiskArgs>>();
assertSame<Same<ScaleSetHealthProbe, TsScaleSetHealthProbeArgs>>();
assertSame<Same<LinuxScaleSetArgs, TsLinuxScaleSetArgs>>();
assertSame<Same<WindowsScaleSetArgs, TsWindowsScaleSetArgs>>();
// The shared part is spelled twice above (the analyzer takes no `extends`): both copies equal ScaleSetArgs.
assertSame<Same<Omit<LinuxScaleSetArgs, "sshPublicKeys" | "customData">, TsScaleSetArgs>>();
assertSame<Same<Omit<WindowsScaleSetArgs, "adminPassword">, TsScaleSetArgs>>();
assertSame<Same<OutputsOf<LinuxScaleSet>, OutputsOf<TsLinuxScaleSet>>>();
assertSame<Same<OutputsOf<WindowsScaleSet>, OutputsOf<TsWindowsScaleSet>>>();
