/**
 * The repository's internal entry: what this repository's own tools (tools/, bench/) and tests reach beyond the public
 * API (./index) and the preflight entry (./preflight), grouped by concept folder. It is not part of the package's
 * contract: nothing here is exported to users, and any of it may change in any release. Code outside components/
 * imports the library only through these three files (eslint enforces it). Re-exports only.
 */
export * from "./preflight";

// core/
export { FACTS_DATE, REGION_ZONES, regionHasZones } from "./core/azure-facts";
export { planLock, checkLockKind, type LockPlan } from "./core/lock-plan";
export { NAME_RULES, checkResourceName } from "./core/name-rules";
export { DEFAULT_ADMIN, azureOsType } from "./core/os";
export { checkChoice, requirePlan, within } from "./core/problems";
export { didYouMean, editDistance, eitherOf, nearestNames } from "./core/nearest-names";
export { bashLiteral, powerShellLiteral } from "./core/quoting";
export { checkZoneList, isZone } from "./core/zone-rules";
export { checkTags, MAX_TAGS, MAX_TAG_NAME, MAX_TAG_VALUE } from "./core/tag-rules";

// image/
export { catalogueImage, needsPlan, onPlatformPatchingList, PLAN_REQUIRED, PLATFORM_PATCHING_LIST, PLATFORM_PATCHING_SOURCE } from "./image/image-facts";
export { generationFromSku, planImage, type PlannedImage } from "./image/image-plan";
export { patchModes, WINDOWS_AUTOMATIC_UPDATES } from "./image/patch-plan";

// disk/
export {
    DEFAULT_DISK_PROTECTION, DISK_REPLACE_ON_CHANGES, diskResourceOptions, osDiskDeleteOption, planAdoptionGuard, protectionOf, protectionOptions,
    type AdoptionGuardPlan,
} from "./disk/disk-lifecycle-plan";
export {
    FILE_SYSTEMS, MAX_LUN, checkCaching, checkCachingAllowed, checkDataDiskShape, checkDiskKey, checkLun, checkSize, checkSku,
    checkDiskPerformance, defaultDataDiskCaching, noCachingReason, provisionedPerformance, sourceKind, type DiskSourceKind,
} from "./disk/disk-rules";
export { MAX_UPLOAD_BYTES, MIN_UPLOAD_BYTES, VHD_FOOTER_BYTES, checkUpload, uploadSizeGb } from "./disk/upload-rules";
export { formatCommandName, formatOfCommand, mountPoint, planFormat, type DiskFormatPlan } from "./disk/format-plan";
export { linuxFormatScript, windowsFormatScript } from "./disk/format-scripts";

// network/
export type { NetworkPlanInputs } from "./network/network-args";
export { BASTION_SUBNET_NAME, type BastionPlan, type SecurityRulePlan } from "./network/network-plan";
export {
    ANY_SOURCES, checkCidr, checkInboundSource, checkIpv4, checkManagementSource, contains, overlaps, parseCidr, parseIpv4, type Cidr,
} from "./network/network-rules";

// backup/
export { planProtectedItem, type ProtectedItemPlan } from "./backup/backup-plan";
export { BACKUP_LIMITS, checkBackupPolicyId, parseBackupPolicyId } from "./backup/backup-rules";
export { declareVmBackup } from "./backup/vm-backup-declare";

// vm/
export {
    DISALLOWED_PASSWORDS, MIN_RSA_BITS, RESERVED_ADMIN_USERNAMES, characterClasses, checkAdminPassword, checkAdminUsername, checkSshPublicKey,
    parseSshPublicKey,
} from "./vm/credential-rules";
export { DOMAIN_WAIT_MINUTES, planDomainJoin, type DomainJoinPlan } from "./vm/domain-join-plan";
export {
    MAX_AD_DOMAIN_NAME, MAX_NETBIOS_NAME, checkAdDomainName, checkDomainUser, checkNetbiosName, checkOuPath, defaultNetbiosName,
} from "./vm/domain-join-rules";
export { domainControllerSrvName, waitForDomainScript } from "./vm/domain-join-scripts";
export { checkLicenseType } from "./vm/license-rules";
export { ACCELERATED_NETWORKING_PATH, planNic, type NicPlan } from "./vm/nic-plan";
export { PersistentVm } from "./vm/persistent-vm";
export { checkPlacement, defaultDiskSku, premiumByName, supportsPremiumStorage } from "./vm/placement-rules";
export { SIZES, knownSizeFacts, sizeFacts } from "./vm/size-facts";
export {
    OS_DISK_SKU_PATH, VM_IGNORE_CHANGES, VM_REPLACE_ON_CHANGES, vmReplacementTrigger, vmResourceOptions, type VmReplacementTrigger, type VmResourceOptions,
} from "./vm/vm-lifecycle-plan";
export { planCredential } from "./vm/vm-plan";
export { agentFeatures, checkComputerName, checkGuestAgent, checkVmName, checkVmSize, uploadReminders, type AgentFeature } from "./vm/vm-rules";

// fleet/
export { PersistentScaleSet } from "./fleet/persistent-scale-set";
export { DEFAULT_ZONES, FLEET_FAULT_DOMAIN_COUNT, FLEET_NETWORK_API_VERSION, type FleetDiskPlan, type HealthExtensionPlan } from "./fleet/scale-set-plan";
export { MAX_COMPUTER_NAME_PREFIX, MAX_INSTANCES, checkComputerNamePrefix, checkInstanceCount, checkScaleSetName } from "./fleet/scale-set-rules";

// workloads/
export {
    SQL_DEFAULT_PORT, SQL_DISKS, SQL_REGISTRATION_REPLACE_ON_CHANGES, SQL_SYSTEM_DB_PATH, hasLocalTempDisk, planSqlServer, sendsStorageConfiguration,
    sqlRegistrationOptions, type SqlAssessmentPlan, type SqlRegistrationOptions, type SqlServerPlan, type SqlStoragePlan,
} from "./workloads/sql-server/sql-server-plan";
export {
    DEFAULT_MAXDOP_CEILING, SQL_INSTANCE_SETTINGS_PATH, defaultMaxDop, defaultMaxServerMemoryMb, instanceSettingsIgnoreChanges, maxWorkerThreads,
    planInstanceSettings, type SqlInstanceSettingsPlan,
} from "./workloads/sql-server/sql-instance-plan";
export { PREMIUM_SSD_TIERS, planSqlRole, premiumSsdTier, sqlDiskLayout } from "./workloads/sql-server/sql-storage-plan";
export { NTDS_DISK, PROMOTE_TIMEOUT_SECONDS, checkSafeModePassword } from "./workloads/active-directory/domain-controller-plan";
export { AZURE_DNS, PROMOTE_PARAMETERS, ntdsPaths, promoteDomainControllerScript, type NtdsPaths } from "./workloads/active-directory/domain-controller-scripts";
export { planSafeModeSecret, safeModeSecretName, vaultNamePrefix, type SafeModeSecretPlan } from "./workloads/active-directory/safe-mode-secret-plan";
export {
    DEFAULT_CENTRAL_ADMINISTRATION_PORT, FARM_SECRETS, SECRET_READERS, STEP_IDENTITIES, STEP_TIMEOUTS,
    type FarmMachine, type FarmSecretKey, type FarmStepPlan,
} from "./workloads/sharepoint/sharepoint-farm-plan";
export {
    NON_PRODUCTION_SQL_EDITIONS, SHAREPOINT_MAXDOP, SHAREPOINT_SERVER_MINIMUM, SHAREPOINT_SERVER_PRODUCTION_MINIMUM, SQL_SERVER_MINIMUM,
    checkSharePointFarm, checkSharePointReadiness,
} from "./workloads/sharepoint/sharepoint-farm-rules";
export { AD_PARAMETERS, adAccountsScript } from "./workloads/sharepoint/sharepoint-ad-scripts";
export { SQL_CONFIGURE, sqlConfigScript } from "./workloads/sharepoint/sharepoint-sql-scripts";
export {
    IMDS_STORAGE_TOKEN_URI, INSTALL_PARAMETERS, MICROSOFT_ISO, TRIAL_PRODUCT_KEY, WORK_FOLDER, binariesScript, prerequisitesScript, updatesScript,
} from "./workloads/sharepoint/sharepoint-install-scripts";
export { RESTART_PARAMETERS, RESTART_TICKET_FUNCTIONS, STATE_KEY, restartBarrierScript } from "./workloads/sharepoint/sharepoint-restart-scripts";
export { FARM_PARAMETERS, FARM_TASK_MINUTES, farmLauncherScript, farmWorkScript } from "./workloads/sharepoint/sharepoint-farm-scripts";

// vault/
export {
    GUEST_SECRET_VAULT, KEY_VAULT_SECRETS_USER_ROLE, MAX_VAULT_NAME, VAULT_NAME_SUFFIX, checkGivenVault, checkKeyVaultId, keyVaultName, keyVaultNamePrefix,
    parseKeyVaultId, roleDefinitionId, subscriptionOfId, vaultSecretName, type GuestVaultPlan, type KeyVaultRef,
} from "./vault/guest-secret-plan";
export {
    IMDS_KEY_VAULT_TOKEN_URI, KEY_VAULT_API_VERSION, KEY_VAULT_READ_HELPERS, READ_VAULT_SECRET_FUNCTIONS, SECRET_WAIT_MINUTES,
} from "./vault/guest-secret-scripts";
