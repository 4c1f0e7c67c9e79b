/**
 * The public API of azure-persistent-vm: what a stack author uses, and the contract a version number speaks for. The
 * components, their arguments and the types and value lists those name, the image catalogue's keys, and the error a
 * constructor throws. Planning functions for stacks that check their config before declaring anything are in
 * `./preflight`. Everything else under components/ is internal and may change in any release. Re-exports only.
 */

// Virtual machines (vm/).
export { LinuxVm, LINUX_VM_TYPE } from "./vm/linux-vm";
export { WindowsVm, WINDOWS_VM_TYPE } from "./vm/windows-vm";
export { SECURITY_TYPES, LICENSE_TYPES, type SecurityType, type LicenseType, type VmArgs, type LinuxVmArgs, type WindowsVmArgs, type AzureMonitorArgs } from "./vm/vm-args";
export type { DomainJoinArgs } from "./vm/domain-join-args";
export type { PreflightFacts } from "./vm/placement-rules";
export { ACCELERATED_NETWORKING_SUPPORT, type AcceleratedNetworkingSupport, type SizeFacts } from "./vm/size-facts";
export { GENERATED_PASSWORD } from "./vm/os-profile-declare";

// Disks (disk/).
export {
    DISK_SKUS, CACHING_MODES, DATA_ACCESS_AUTH_MODES, DISK_PROTECTIONS, HYPER_V_GENERATIONS, LINUX_FILE_SYSTEMS, WINDOWS_FILE_SYSTEMS, UPLOAD_PHASES,
    type DiskSku, type Caching, type DataAccessAuthMode, type DiskProtection, type HyperVGeneration, type FileSystem, type LinuxFileSystem, type WindowsFileSystem,
    type UploadPhase, type OsDiskArgs, type DataDiskArgs, type DiskSourceArgs, type DiskUploadArgs, type VhdArgs,
} from "./disk/disk-args";

// Images (image/).
export { IMAGES, IMAGE_KEYS, DEFAULT_IMAGE, type ImageKey, type CatalogueImage } from "./image/image-facts";
export type { ImageReferenceArgs, ImagePlan } from "./image/image-args";

// What every concept shares (core/).
export { ZONES, type Zone } from "./core/zone-rules";
export { LOCK_KINDS, type LockKind, type LockArgs } from "./core/lock-args";
export type { OsType } from "./core/os";
export { InvalidArgumentsError, type Problem } from "./core/problems";

// Networks (network/).
export { VmNetwork, VM_NETWORK_TYPE } from "./network/vm-network";
export {
    BASTION_SKUS, MANAGEMENT_OS, MANAGEMENT_PORTS, OUTBOUND_CHOICES,
    type VmNetworkArgs, type VmNetworkBastionArgs, type VmNetworkInboundRuleArgs, type BastionSku, type ManagementProtocol, type Outbound, type VmOs,
} from "./network/network-args";

// Backup (backup/).
export { BackupVault, BACKUP_VAULT_TYPE } from "./backup/backup-vault";
export {
    STORAGE_REDUNDANCIES, VAULT_IMMUTABILITY, VAULT_NETWORK_ACCESS,
    type BackupVaultArgs, type VmBackupArgs, type StorageRedundancy, type VaultImmutability, type VaultNetworkAccess,
} from "./backup/backup-args";
export { BACKUP_DEFAULTS } from "./backup/backup-plan";

// Fleets (fleet/).
export { LinuxScaleSet, LINUX_SCALE_SET_TYPE } from "./fleet/linux-scale-set";
export { WindowsScaleSet, WINDOWS_SCALE_SET_TYPE } from "./fleet/windows-scale-set";
export {
    SCALE_SET_DISK_DELETE_OPTIONS, SCALE_SET_UPGRADE_MODES, HEALTH_PROBE_PROTOCOLS,
    type ScaleSetArgs, type LinuxScaleSetArgs, type WindowsScaleSetArgs, type ScaleSetOsDiskArgs, type ScaleSetDataDiskArgs,
    type ScaleSetHealthProbeArgs, type ScaleSetDiskDeleteOption, type ScaleSetUpgradeMode, type HealthProbeProtocol,
} from "./fleet/scale-set-args";

// Workloads (workloads/).
export { SqlServerVm, SQL_SERVER_VM_TYPE } from "./workloads/sql-server/sql-server-vm";
export {
    SQL_EDITIONS, SQL_LICENSE_TYPES, SQL_TEMPDB_PLACEMENTS, SQL_STORAGE_WORKLOADS, SQL_ASSESSMENT_DAYS,
    type SqlServerVmArgs, type SqlServerArgs, type SqlEdition, type SqlLicenseType, type SqlTempDbPlacement, type SqlStorageWorkload,
    type SqlInstanceSettingsArgs, type SqlDiskSetArgs, type SqlAssessmentArgs, type SqlAssessmentScheduleArgs, type SqlAssessmentDay,
} from "./workloads/sql-server/sql-server-args";
export { DomainController, DOMAIN_CONTROLLER_TYPE } from "./workloads/active-directory/domain-controller";
export type { DomainControllerArgs } from "./workloads/active-directory/domain-controller-args";
export { SharePointFarm, SHAREPOINT_FARM_TYPE } from "./workloads/sharepoint/sharepoint-farm";
export type {
    SharePointFarmArgs, SharePointFarmDomainController, SharePointFarmSqlServer, SharePointFarmServer, SharePointInstallSourceArgs, SharePointUpdateArgs,
    SharePointAccountsArgs, SharePointPasswordsArgs, SharePointVaultArgs,
} from "./workloads/sharepoint/sharepoint-farm-args";
