/**
 * The public API of azure-persistent-vm. Re-exports only.
 */
export { LinuxVm, LINUX_VM_TYPE, type LinuxVmArgs } from "./vm/linux-vm";
export { WindowsVm, WINDOWS_VM_TYPE, GENERATED_PASSWORD, type WindowsVmArgs } from "./vm/windows-vm";
export {
    SqlServerVm, SQL_SERVER_VM_TYPE,
    type SqlServerVmArgs, type SqlServerArgs, type SqlEdition, type SqlLicenseType, type SqlTempDbPlacement, type SqlStorageWorkload,
} from "./workloads/sql-server/sql-server-vm";
export { SQL_EDITIONS, SQL_LICENSE_TYPES, SQL_TEMPDB_PLACEMENTS, SQL_STORAGE_WORKLOADS } from "./workloads/sql-server/sql-server-args";
export { planSqlServer, hasLocalTempDisk, SQL_DISKS, SQL_DEFAULT_PORT, type SqlServerPlan, type SqlStoragePlan } from "./workloads/sql-server/sql-server-plan";
export { DomainController, DOMAIN_CONTROLLER_TYPE, type DomainControllerArgs } from "./workloads/active-directory/domain-controller";
export { requireDomainControllerPlan, checkSafeModePassword, NTDS_DISK, PROMOTE_TIMEOUT_SECONDS, type DomainControllerPlan } from "./workloads/active-directory/domain-controller-plan";
export {
    planDomainJoin, checkAdDomainName, checkNetbiosName, checkDomainUser, checkOuPath, defaultNetbiosName, DOMAIN_WAIT_MINUTES,
    MAX_AD_DOMAIN_NAME, MAX_NETBIOS_NAME, type DomainJoinPlan,
} from "./vm/domain-join-rules";
export {
    waitForDomainScript, promoteDomainControllerScript, domainControllerSrvName, ntdsPaths, SAFE_MODE_PASSWORD_PARAMETER, AZURE_DNS, type NtdsPaths,
} from "./workloads/active-directory/domain-controller-scripts";
export { VmNetwork, VM_NETWORK_TYPE, type VmNetworkArgs, type VmNetworkBastionArgs, type VmNetworkInboundRuleArgs, type BastionSku } from "./network/vm-network";
export {
    BackupVault, BACKUP_VAULT_TYPE, BACKUP_DEFAULTS, STORAGE_REDUNDANCIES, VAULT_IMMUTABILITY, VAULT_NETWORK_ACCESS, planBackupVault,
    type BackupVaultArgs, type VmBackupArgs, type StorageRedundancy, type VaultImmutability, type VaultNetworkAccess,
} from "./backup/backup-vault";
export { PersistentVm } from "./vm/persistent-vm";
export { LinuxScaleSet, WindowsScaleSet, PersistentScaleSet, LINUX_SCALE_SET_TYPE, WINDOWS_SCALE_SET_TYPE } from "./fleet/persistent-scale-set";
export {
    SCALE_SET_DISK_DELETE_OPTIONS, SCALE_SET_UPGRADE_MODES, HEALTH_PROBE_PROTOCOLS,
    type ScaleSetArgs, type LinuxScaleSetArgs, type WindowsScaleSetArgs, type ScaleSetOsDiskArgs, type ScaleSetDataDiskArgs,
    type ScaleSetHealthProbeArgs, type ScaleSetDiskDeleteOption, type ScaleSetUpgradeMode, type HealthProbeProtocol,
} from "./fleet/scale-set-args";
export {
    planScaleSet, checkInstanceCount, MAX_INSTANCES, DEFAULT_ZONES, FLEET_FAULT_DOMAIN_COUNT, FLEET_NETWORK_API_VERSION,
    type ScaleSetPlan, type FleetDiskPlan, type HealthExtensionPlan, type FleetCredentialMode,
} from "./fleet/scale-set-plan";
export type { VmArgs, OsDiskArgs, DataDiskArgs, DiskSourceArgs, VhdArgs, ImageReferenceArgs, LockArgs, DomainJoinArgs } from "./vm/vm-args";
export { IMAGES, IMAGE_KEYS, DEFAULT_IMAGE, catalogueImage, type ImageKey, type CatalogueImage, type ImagePlan, type OsType } from "./image/image-facts";
export { planVm, VM_REPLACE_ON_CHANGES, VM_IGNORE_CHANGES, supportsPremiumStorage, type VmPlan, type DataDiskPlan } from "./vm/vm-plan";
export { planNetwork, MANAGEMENT_PORTS, BASTION_SKUS, type ManagementProtocol, type NetworkPlan, type BastionPlan } from "./network/network-plan";
export { InvalidArgumentsError, type Problem } from "./core/problems";
export { DISK_SKUS, CACHING_MODES, DISK_PROTECTIONS, type DiskSku, type Caching, type DiskProtection } from "./disk/disk-rules";
export { LOCK_KINDS, type LockKind } from "./core/lock-plan";
export { DISK_REPLACE_ON_CHANGES } from "./vm/vm-options";
export {
    LINUX_FILE_SYSTEMS, WINDOWS_FILE_SYSTEMS, linuxMountPoint, windowsMountPoint, linuxFormatScript, windowsFormatScript,
    type FileSystem, type LinuxFileSystem, type WindowsFileSystem,
} from "./disk/format-scripts";
export type { PreflightFacts } from "./vm/placement-rules";
