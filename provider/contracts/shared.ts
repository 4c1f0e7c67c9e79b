/**
 * The contract types several components share: disks, images, locks, monitoring, backup, domain join and preflight
 * facts. Each is the TypeScript args type spelled for the schema analyzer (see drift.ts); the descriptions in the
 * schema come from the TypeScript args' TSDoc, so only what exists here alone (a substitute) is documented here.
 *
 * Type names drop TypeScript's `Args` suffix (`DataDiskArgs` is `DataDisk` here): the schema names types after these
 * interfaces, and Python's SDK generator appends `Args` to every input type, which would make `DataDiskArgsArgs`.
 */
import type * as pulumi from "@pulumi/pulumi";
import type {
    AzureMonitorArgs as TsAzureMonitorArgs, DataDiskArgs as TsDataDiskArgs, DiskSourceArgs as TsDiskSourceArgs, DiskUploadArgs as TsDiskUploadArgs, DomainJoinArgs as TsDomainJoinArgs,
    ImagePlan as TsImagePlan, ImageReferenceArgs as TsImageReferenceArgs, LockArgs as TsLockArgs, OsDiskArgs as TsOsDiskArgs,
    PreflightFacts as TsPreflightFacts, SizeFacts as TsSizeFacts, VhdArgs as TsVhdArgs, VmBackupArgs as TsVmBackupArgs,
    AcceleratedNetworkingSupport as TsAcceleratedNetworkingSupport, LicenseType as TsLicenseType,
    DataAccessAuthMode as TsDataAccessAuthMode, DiskProtection as TsDiskProtection, SecurityType as TsSecurityType, UploadPhase as TsUploadPhase,
} from "../../components";
import { assertSame, type Equal, type Same } from "./drift";

export const DiskSku = {
    Standard_LRS: "Standard_LRS",
    StandardSSD_LRS: "StandardSSD_LRS",
    StandardSSD_ZRS: "StandardSSD_ZRS",
    Premium_LRS: "Premium_LRS",
    Premium_ZRS: "Premium_ZRS",
    PremiumV2_LRS: "PremiumV2_LRS",
    UltraSSD_LRS: "UltraSSD_LRS",
} as const;
export type DiskSku = (typeof DiskSku)[keyof typeof DiskSku];

export const Caching = { None: "None", ReadOnly: "ReadOnly", ReadWrite: "ReadWrite" } as const;
export type Caching = (typeof Caching)[keyof typeof Caching];

export const DiskProtection = { protect: "protect", retain: "retain", delete: "delete" } as const;
export type DiskProtection = (typeof DiskProtection)[keyof typeof DiskProtection];

export const HyperVGeneration = { V1: "V1", V2: "V2" } as const;
export type HyperVGeneration = (typeof HyperVGeneration)[keyof typeof HyperVGeneration];

export const FileSystem = { ext4: "ext4", xfs: "xfs", NTFS: "NTFS", ReFS: "ReFS" } as const;

export const UploadPhase = { upload: "upload", attach: "attach" } as const;
export type UploadPhase = (typeof UploadPhase)[keyof typeof UploadPhase];
export type FileSystem = (typeof FileSystem)[keyof typeof FileSystem];

/**
 * `dataAccessAuthMode` has one value, and a one-value union collapses to a single literal type, which the analyzer
 * rejects (as it rejects a one-member `enum`): the contract types it `string`, the schema generator turns it into this
 * enum (tools/provider/schema.ts), and the component refuses any other value at run time.
 */
export const DATA_ACCESS_AUTH_MODES = ["AzureActiveDirectory"] as const;

export const SecurityType = { TrustedLaunch: "TrustedLaunch", Standard: "Standard" } as const;
export type SecurityType = (typeof SecurityType)[keyof typeof SecurityType];

export const LicenseType = {
    Windows_Server: "Windows_Server", Windows_Client: "Windows_Client", RHEL_BYOS: "RHEL_BYOS", SLES_BYOS: "SLES_BYOS", None: "None",
} as const;
export type LicenseType = (typeof LicenseType)[keyof typeof LicenseType];

export const AcceleratedNetworkingSupport = { required: "required", supported: "supported", unsupported: "unsupported" } as const;
export type AcceleratedNetworkingSupport = (typeof AcceleratedNetworkingSupport)[keyof typeof AcceleratedNetworkingSupport];

export const LockKind = { CanNotDelete: "CanNotDelete", None: "None" } as const;
export type LockKind = (typeof LockKind)[keyof typeof LockKind];

export const ImageGeneration = { Gen1: 1, Gen2: 2 } as const;
export type ImageGeneration = (typeof ImageGeneration)[keyof typeof ImageGeneration];

export interface Vhd {
    uri: pulumi.Input<string>;
    storageAccountId: pulumi.Input<string>;
}

export interface DiskUpload {
    sizeBytes: number;
    phase: UploadPhase;
}

export interface DiskSource {
    copyFrom?: pulumi.Input<string>;
    importVhd?: Vhd;
    adoptId?: string;
    existingId?: pulumi.Input<string>;
    upload?: DiskUpload;
}

export interface OsDisk {
    sizeGb?: number;
    sku?: DiskSku;
    caching?: Caching;
    source?: DiskSource;
    hyperVGeneration?: HyperVGeneration;
    vmAgentInstalled?: boolean;
}

export interface DataDisk {
    name: string;
    lun: number;
    sizeGb?: number;
    source?: DiskSource;
    sku?: DiskSku;
    caching?: Caching;
    iops?: number;
    throughputMBps?: number;
    format?: boolean;
    fileSystem?: FileSystem;
    protection?: DiskProtection;
}

export interface ImageReference {
    publisher: string;
    offer: string;
    sku: string;
    version?: string;
}

export interface ImagePlan {
    name: string;
    product: string;
    publisher: string;
}

export interface Lock {
    kind: LockKind;
    name?: string;
}

export interface AzureMonitor {
    dataCollectionRuleId?: pulumi.Input<string>;
}

export interface VmBackup {
    policyId: pulumi.Input<string>;
}

export interface SizeFacts {
    premiumStorage?: boolean;
    maxDataDisks?: number;
    generations?: ImageGeneration[];
    trustedLaunch?: boolean;
    vcpus?: number;
    memoryGb?: number;
    acceleratedNetworking?: AcceleratedNetworkingSupport;
}

export interface PreflightFacts {
    size?: SizeFacts;
    regionHasZones?: boolean;
    imageGeneration?: ImageGeneration;
}

/**
 * Joining a Windows VM to an Active Directory domain: a Run Command waits until the domain answers from the VM, then
 * the JsonADDomainExtension joins it and restarts it.
 */
export interface DomainJoin {
    domainName: string;
    user: string;
    password: pulumi.Input<string>;
    ouPath?: string;
    /**
     * Values the join waits for, in place of TypeScript's `dependsOn` (resources cannot cross languages): the join
     * starts after the resources these values come from, e.g. a `DomainController`'s `readyUrn` (its promotion). The
     * values themselves are not used. The wait command still checks that the domain answers.
     */
    waitFor?: pulumi.Input<string>[];
    waitTimeoutMinutes?: number;
}

assertSame<Same<Vhd, TsVhdArgs>>();
assertSame<Same<DiskUpload, TsDiskUploadArgs>>();
assertSame<Same<DiskSource, TsDiskSourceArgs>>();
assertSame<Same<OsDisk, TsOsDiskArgs>>();
assertSame<Same<DataDisk, TsDataDiskArgs>>();
assertSame<Same<ImageReference, TsImageReferenceArgs>>();
assertSame<Same<ImagePlan, TsImagePlan>>();
assertSame<Same<Lock, TsLockArgs>>();
assertSame<Same<AzureMonitor, TsAzureMonitorArgs>>();
assertSame<Same<VmBackup, TsVmBackupArgs>>();
assertSame<Same<SizeFacts, Partial<TsSizeFacts>>>();
assertSame<Same<PreflightFacts, TsPreflightFacts>>();
assertSame<Same<Omit<DomainJoin, "waitFor">, Omit<TsDomainJoinArgs, "dependsOn">>>();
assertSame<Equal<(typeof DATA_ACCESS_AUTH_MODES)[number], TsDataAccessAuthMode>>();
assertSame<Equal<DiskProtection, TsDiskProtection>>();
assertSame<Equal<SecurityType, TsSecurityType>>();
assertSame<Equal<UploadPhase, TsUploadPhase>>();
assertSame<Equal<LicenseType, TsLicenseType>>();
assertSame<Equal<AcceleratedNetworkingSupport, TsAcceleratedNetworkingSupport>>();
