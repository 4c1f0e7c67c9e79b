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
export { catalogueImage, needsPlan, PLAN_REQUIRED } from "./image/image-facts";
export { generationFromSku, planImage, type PlannedImage } from "./image/image-plan";

// disk/
export {
    DEFAULT_DISK_PROTECTION, DISK_REPLACE_ON_CHANGES, diskResourceOptions, osDiskDeleteOption, planAdoptionGuard, protectionOf, protectionOptions,
    type AdoptionGuardPlan,
} from "./disk/disk-lifecycle-plan";
export {
    FILE_SYSTEMS, MAX_LUN, checkCaching, checkCachingAllowed, checkDataDiskShape, checkDiskKey, checkLun, checkSize, checkSku,
    defaultDataDiskCaching, noCachingReason, sourceKind, type DiskSourceKind,
} from "./disk/disk-rules";
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
export { PersistentVm } from "./vm/persistent-vm";
export { checkPlacement, defaultDiskSku, premiumByName, supportsPremiumStorage } from "./vm/placement-rules";
export { SIZES, sizeFacts } from "./vm/size-facts";
export {
    OS_DISK_SKU_PATH, VM_IGNORE_CHANGES, VM_REPLACE_ON_CHANGES, vmReplacementTrigger, vmResourceOptions, type VmReplacementTrigger, type VmResourceOptions,
} from "./vm/vm-lifecycle-plan";
export { planCredential } from "./vm/vm-plan";
export { checkComputerName, checkVmName, checkVmSize } from "./vm/vm-rules";

// fleet/
export { PersistentScaleSet } from "./fleet/persistent-scale-set";
export { DEFAULT_ZONES, FLEET_FAULT_DOMAIN_COUNT, FLEET_NETWORK_API_VERSION, type FleetDiskPlan, type HealthExtensionPlan } from "./fleet/scale-set-plan";
export { MAX_COMPUTER_NAME_PREFIX, MAX_INSTANCES, checkComputerNamePrefix, checkInstanceCount, checkScaleSetName } from "./fleet/scale-set-rules";

// workloads/
export {
    SQL_DEFAULT_PORT, SQL_DISKS, SQL_REGISTRATION_REPLACE_ON_CHANGES, hasLocalTempDisk, planSqlServer, sqlRegistrationOptions,
    type SqlRegistrationOptions, type SqlServerPlan, type SqlStoragePlan,
} from "./workloads/sql-server/sql-server-plan";
export { NTDS_DISK, PROMOTE_TIMEOUT_SECONDS, checkSafeModePassword } from "./workloads/active-directory/domain-controller-plan";
export {
    AZURE_DNS, IMDS_KEY_VAULT_TOKEN_URI, KEY_VAULT_API_VERSION, PROMOTE_PARAMETERS, SECRET_WAIT_MINUTES, ntdsPaths, promoteDomainControllerScript, type NtdsPaths,
} from "./workloads/active-directory/domain-controller-scripts";
export {
    KEY_VAULT_SECRETS_USER_ROLE, MAX_VAULT_NAME, SAFE_MODE_VAULT, VAULT_NAME_SUFFIX, checkKeyVaultId, keyVaultName, parseKeyVaultId, planSafeModeSecret,
    roleDefinitionId, safeModeSecretName, subscriptionOfId, vaultNamePrefix, type KeyVaultRef, type SafeModeSecretPlan,
} from "./workloads/active-directory/safe-mode-secret-plan";
