/**
 * Preflight, public for stacks: the planners every component runs before it registers anything, for a stack that
 * checks its whole config first and reports every problem of every component at once (as this repository's stack
 * does). Each returns the component's plan or its problems, the same problems the component would throw. Re-exports
 * only; the package issue maps it to the `azure-persistent-vm/preflight` entry point.
 */
export type { PlanResult, Problem } from "./core/problems";
export { checkUnique, escapeControlCharacters, formatProblems } from "./core/problems";
export { checkZone } from "./core/zone-rules";
export { checkLockKindValue } from "./core/lock-plan";
export { checkCaching, checkDataAccessAuthModeValue, checkHyperVGeneration, checkProtection, checkSku } from "./disk/disk-rules";
export { checkUploadPhase } from "./disk/upload-rules";
export { checkSecurityType } from "./vm/vm-rules";
export { checkBastionSku, checkOutbound } from "./network/network-rules";
export { checkStorageRedundancy, checkVaultImmutability, checkVaultNetworkAccess } from "./backup/backup-rules";
export type { ValueRule } from "./core/problems";
export { planVm, type VmPlan, type CredentialInputs, type CredentialMode, type DataDiskPlan, type OsDiskPlan } from "./vm/vm-plan";
export { planScaleSet, type ScaleSetPlan } from "./fleet/scale-set-plan";
export { planNetwork, type NetworkPlan } from "./network/network-plan";
export { checkStaticIp, checkSubnetCapacity } from "./network/network-rules";
export { planBackupVault, type BackupVaultPlan } from "./backup/backup-plan";
export { planSqlServerVm, type SqlServerVmPlan } from "./workloads/sql-server/sql-server-plan";
export { planDomainController, type DomainControllerPlan } from "./workloads/active-directory/domain-controller-plan";
export { planSharePointFarm, type SharePointFarmPlan } from "./workloads/sharepoint/sharepoint-farm-plan";
