/**
 * The component rules, run over the whole stack config before anything is declared, so one error lists every
 * problem of every VM and of the network, each named by its config key.
 */
import { checkStaticIp, checkUnique, planBackupVault, planNetwork, planVm } from "../components/preflight";
import { NAMESPACE, type StackConfig } from "./config";
import { backupVaultArgs, managementProtocols, vmArgs } from "./stack-args";

/**
 * The offline plan (`npm run plan`) cannot decrypt `secure:` values; it hands them to the program as this
 * placeholder, a secret whose plaintext is unknown. Rules that need the plaintext skip it.
 */
export const UNKNOWN_SECRET = "[secret]";

/** The policy a VM that opts in to backup is protected by: the stack's existing one, or the vault's (known later). */
const POLICY_PLACEHOLDER = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.RecoveryServices/vaults/v/backupPolicies/p";

function configKey(where: string, vmName: string, path: string): string {
    switch (path) {
        case "adminPassword": return `${NAMESPACE}:adminPasswords.${vmName}`;
        case "resourceGroupName": return `${NAMESPACE}:resourceGroupName`;
        case "location": return "azure-native:location";
        case "vmName": return `${where}.name`;
        case "backup.policyId": return `${NAMESPACE}:backup.policyId`;
        default: return `${where}.${path}`;
    }
}

/** Every problem the components would raise for this config, as `<config key>: <message>` lines, each once. */
export function preflightStack(config: StackConfig, location: string, adminPasswords: Readonly<Record<string, string>>): string[] {
    const problems: string[] = [];
    const network = planNetwork("network", { ...config.network, managementProtocols: managementProtocols(config) });
    if (!network.ok) {
        problems.push(...network.problems.map((p) => `${NAMESPACE}:network.${p.path}: ${p.message}`));
    }
    config.vms.forEach((entry, index) => {
        const { common, name, os, sshPublicKeys, customData } = vmArgs(entry, config, location);
        const password = adminPasswords[name];
        // Only problems matter here: an unknown password is simply not checked.
        const policyId = entry.backup === true ? (config.backup?.policyId ?? POLICY_PLACEHOLDER) : undefined;
        const result = planVm(os, name, { ...common, subnetId: "", backup: policyId !== undefined ? { policyId } : undefined }, {
            sshPublicKeys,
            customData,
            adminPassword: password === UNKNOWN_SECRET ? undefined : password,
        });
        if (!result.ok) {
            const where = `${NAMESPACE}:vms[${index}] ("${name}")`;
            problems.push(...result.problems.map((p) => `${configKey(where, name, p.path)}: ${p.message}`));
        }
    });
    // A static private IP must be a usable address of the stack's subnet, and each VM's own.
    const staticIps = config.vms.flatMap((entry, index) => (entry.privateIpAddress !== undefined
        ? [{ key: `${NAMESPACE}:vms[${index}] ("${entry.name}").privateIpAddress`, address: entry.privateIpAddress }]
        : []));
    problems.push(...[
        ...staticIps.flatMap(({ key, address }) => checkStaticIp(key, address, config.network.subnetPrefix)),
        ...checkUnique(staticIps.map((s) => s.address), (i) => staticIps[i]?.key ?? "", "private IP address"),
    ].map((p) => `${p.path}: ${p.message}`));
    if (config.backup !== undefined && config.backup.policyId === undefined) {
        const vault = planBackupVault("backup", backupVaultArgs(config.backup, config, location));
        if (!vault.ok) {
            problems.push(...vault.problems.map((p) => `${NAMESPACE}:backup.${p.path}: ${p.message}`));
        }
    }
    return [...new Set(problems)];
}
