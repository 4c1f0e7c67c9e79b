/**
 * The component rules, run over the whole stack config before anything is declared, so one error lists every
 * problem of every VM and of the network, each named by its config key.
 */
import { checkStaticIp, checkSubnetCapacity, checkUnique, planBackupVault, planNetwork, planVm, type VmPlan } from "../components/preflight";
import { NAMESPACE, type StackConfig } from "./config";
import { backupVaultArgs, managementProtocols, vmArgs } from "./stack-args";

/**
 * The offline plan (`npm run plan`) cannot decrypt `secure:` values; it hands them to the program as this
 * placeholder, a secret whose plaintext is unknown. Rules that need the plaintext skip it.
 */
export const UNKNOWN_SECRET = "[secret]";

/** The stack's subnet, which exists only once the network is declared: a placeholder of a subnet id's shape. */
const SUBNET_PLACEHOLDER = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s";

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

/** An Azure name a VM's plan makes for a resource of one type, and the config key that makes it. */
interface AzureName {
    readonly kind: "disk" | "network interface" | "public IP address";
    readonly name: string;
    readonly key: string;
}

/** The Azure names of the disks, NIC and public IP a VM's plan declares (disks it only attaches are not its own). */
function azureNames(plan: VmPlan, where: string): AzureName[] {
    return [
        ...(plan.osDisk.source !== "image" && plan.osDisk.source !== "existing" ? [{ kind: "disk" as const, name: plan.osDisk.diskName, key: `${where}.osDisk` }] : []),
        ...plan.dataDisks.flatMap((d, i) => d.source !== "existing" ? [{ kind: "disk" as const, name: d.diskName, key: `${where}.dataDisks[${i}]` }] : []),
        { kind: "network interface" as const, name: plan.nicName, key: `${where}.name` },
        ...(plan.publicIp !== undefined ? [{ kind: "public IP address" as const, name: plan.publicIp.name, key: `${where}.publicIp` }] : []),
    ];
}

/**
 * Two VMs of the stack that make the same Azure name for a resource of one type (Azure names ignore case, and the
 * stack's VMs share one resource group): a disk key that meets another VM's name, one disk adopted twice.
 */
function checkAzureNames(names: readonly AzureName[]): string[] {
    const first = new Map<string, AzureName>();
    return names.flatMap((n) => {
        const id = `${n.kind}:${n.name.toLowerCase()}`;
        const earlier = first.get(id);
        if (earlier === undefined) {
            first.set(id, n);
            return [];
        }
        return [`${n.key}: makes the ${n.kind} ${JSON.stringify(n.name)}, which ${earlier.key} also makes; Azure names ignore case, so two ${n.kind}s of one resource group cannot share a name (rename a disk key or a VM).`];
    });
}

/** Every problem the components would raise for this config, as `<config key>: <message>` lines, each once. */
export function preflightStack(config: StackConfig, location: string, adminPasswords: Readonly<Record<string, string>>): string[] {
    const problems: string[] = [];
    const network = planNetwork("network", { ...config.network, managementProtocols: managementProtocols(config) });
    if (!network.ok) {
        problems.push(...network.problems.map((p) => `${NAMESPACE}:network.${p.path}: ${p.message}`));
    }
    const names: AzureName[] = [];
    config.vms.forEach((entry, index) => {
        const { common, name, os, sshPublicKeys, customData } = vmArgs(entry, config, location);
        const password = adminPasswords[name];
        // Only problems matter here: an unknown password is simply not checked.
        const policyId = entry.backup === true ? (config.backup?.policyId ?? POLICY_PLACEHOLDER) : undefined;
        const result = planVm(os, name, { ...common, subnetId: SUBNET_PLACEHOLDER, backup: policyId !== undefined ? { policyId } : undefined }, {
            sshPublicKeys,
            customData,
            adminPassword: password === UNKNOWN_SECRET ? undefined : password,
        });
        const where = `${NAMESPACE}:vms[${index}] (${JSON.stringify(name)})`;
        if (!result.ok) {
            problems.push(...result.problems.map((p) => `${configKey(where, name, p.path)}: ${p.message}`));
        } else {
            names.push(...azureNames(result.plan, where));
        }
    });
    problems.push(...checkAzureNames(names));
    // Every VM has one NIC in the stack's subnet.
    problems.push(...checkSubnetCapacity(`${NAMESPACE}:network.subnetPrefix`, config.network.subnetPrefix, config.vms.length).map((p) => `${p.path}: ${p.message}`));
    // A static private IP must be a usable address of the stack's subnet, and each VM's own.
    const staticIps = config.vms.flatMap((entry, index) => (entry.privateIpAddress !== undefined
        ? [{ key: `${NAMESPACE}:vms[${index}] (${JSON.stringify(entry.name)}).privateIpAddress`, address: entry.privateIpAddress }]
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
