/**
 * The component rules, run over the whole stack config before anything is declared, so one error lists every
 * problem of every VM and of the network, each named by its config key, with the schema's problems and the warnings
 * of the same run (checkStack).
 */
import type { ManagementProtocol } from "../components";
import { checkStaticIp, checkSubnetCapacity, checkUnique, planBackupVault, planNetwork, planVm, type Problem, type VmPlan } from "../components/preflight";
import {
    NAMESPACE, checkStackConfig, isUnder, partsOf, unknownKeyProblems, vmKey, type ConfigParts, type RawStackConfig, type SecretScope, type StackConfig,
} from "./config";
import { backupVaultArgs, managementProtocols, vmArgs, type StackWide } from "./stack-args";

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
function checkAzureNames(names: readonly AzureName[]): Problem[] {
    const first = new Map<string, AzureName>();
    return names.flatMap((n) => {
        const id = `${n.kind}:${n.name.toLowerCase()}`;
        const earlier = first.get(id);
        if (earlier === undefined) {
            first.set(id, n);
            return [];
        }
        return [{ path: n.key, message: `makes the ${n.kind} ${JSON.stringify(n.name)}, which ${earlier.key} also makes; Azure names ignore case, so two ${n.kind}s of one resource group cannot share a name (rename a disk key or a VM).` }];
    });
}

/** A resource group name for the rules while the stack's own was refused (its problem is reported by the schema). */
const RESOURCE_GROUP_PLACEHOLDER = "rg";

/** What the components' rules say about a config: every problem, and every warning (what they could not check). */
export interface PreflightResult {
    readonly problems: readonly string[];
    readonly warnings: readonly string[];
}

/**
 * The management protocols for the network's rules: those of the VM entries whose `os` is valid, even in an entry
 * refused for another reason; when none is, the network's own default (both).
 */
function protocolsOf(parts: ConfigParts): ManagementProtocol[] | undefined {
    const oses = (parts.rawVms ?? []).map((entry) => (entry !== null && typeof entry === "object" ? Reflect.get(entry, "os") : undefined))
        .filter((os): os is "linux" | "windows" => os === "linux" || os === "windows");
    return oses.length === 0 ? undefined : managementProtocols({ vms: oses.map((os) => ({ os })) });
}

/**
 * Every problem and warning the components would raise for the parts of a config that passed its schema, as
 * `<config key>: <message>` lines, each once. Nothing at or under a key the schema refused is reported: it would
 * follow from the refused value, not from the config.
 */
export function preflightParts(parts: ConfigParts, location: string, adminPasswords: Readonly<Record<string, string>>): PreflightResult {
    // Each a Problem whose path is its whole config key.
    const problems: Problem[] = [];
    const warnings: Problem[] = [];
    const stack: StackWide = { resourceGroupName: parts.resourceGroupName ?? RESOURCE_GROUP_PLACEHOLDER, tags: parts.tags };
    if (parts.network !== undefined) {
        const network = planNetwork("network", { ...parts.network, managementProtocols: protocolsOf(parts) });
        if (!network.ok) {
            problems.push(...network.problems.map((p) => ({ path: `${NAMESPACE}:network.${p.path}`, message: p.message })));
        }
    }
    const names: AzureName[] = [];
    for (const { index, entry } of parts.vms) {
        const { common, name, os, sshPublicKeys, customData } = vmArgs(entry, stack, location);
        const password = adminPasswords[name];
        // Only problems matter here: an unknown password is simply not checked.
        const policyId = entry.backup === true ? (parts.backup?.policyId ?? POLICY_PLACEHOLDER) : undefined;
        const result = planVm(os, name, { ...common, subnetId: SUBNET_PLACEHOLDER, backup: policyId !== undefined ? { policyId } : undefined }, {
            sshPublicKeys,
            customData,
            adminPassword: password === UNKNOWN_SECRET ? undefined : password,
        });
        const where = vmKey(index, name);
        const keyed = (found: readonly Problem[]) => found.map((p) => ({ path: configKey(where, name, p.path), message: p.message }));
        if (!result.ok) {
            problems.push(...keyed(result.problems));
            warnings.push(...keyed(result.warnings ?? []));
        } else {
            names.push(...azureNames(result.plan, where));
            warnings.push(...keyed(result.plan.warnings));
        }
    }
    problems.push(...checkAzureNames(names));
    if (parts.network !== undefined && parts.rawVms !== undefined) {
        // Every VM has one NIC in the stack's subnet, refused entries too.
        problems.push(...checkSubnetCapacity(`${NAMESPACE}:network.subnetPrefix`, parts.network.subnetPrefix, parts.rawVms.length));
    }
    // A static private IP must be a usable address of the stack's subnet, and each VM's own.
    const staticIps = parts.vms.flatMap(({ index, entry }) => (entry.privateIpAddress !== undefined
        ? [{ key: `${vmKey(index, entry.name)}.privateIpAddress`, address: entry.privateIpAddress }]
        : []));
    const subnetPrefix = parts.network?.subnetPrefix;
    problems.push(
        ...(subnetPrefix !== undefined ? staticIps.flatMap(({ key, address }) => checkStaticIp(key, address, subnetPrefix)) : []),
        ...checkUnique(staticIps.map((s) => s.address), (i) => staticIps[i]?.key ?? "", "private IP address"),
    );
    if (parts.backup !== undefined && parts.backup.policyId === undefined) {
        const vault = planBackupVault("backup", backupVaultArgs(parts.backup, stack, location));
        if (!vault.ok) {
            problems.push(...vault.problems.map((p) => ({ path: `${NAMESPACE}:backup.${p.path}`, message: p.message })));
        }
    }
    const lines = (found: readonly Problem[]) => [...new Set(found.filter((p) => !isUnder(p.path, parts.refused)).map((p) => `${p.path}: ${p.message}`))];
    return { problems: lines(problems), warnings: lines(warnings) };
}

/** Every problem the components would raise for this config, as `<config key>: <message>` lines, each once. */
export function preflightStack(config: StackConfig, location: string, adminPasswords: Readonly<Record<string, string>>): string[] {
    return [...preflightParts(partsOf(config), location, adminPasswords).problems];
}

/** What the stack program reads from its config, for `checkStack`. */
export interface StackInputs {
    /** The stack's keys, as `pulumi.Config` returns them. */
    readonly raw: RawStackConfig;
    /** Every key of the stack's namespace that is set, without the namespace: any the stack does not read is refused. */
    readonly keys: readonly string[];
    /** The problems of keys that could not be read (not JSON), and those keys. */
    readonly unreadable: { readonly keys: readonly string[]; readonly problems: readonly string[] };
    readonly location: string;
    readonly adminPasswords: Readonly<Record<string, string>>;
    readonly secret?: SecretScope;
}

/** The whole config checked in one round, or every problem with it and what the rules could not check. */
export type StackCheck =
    | { readonly ok: true; readonly config: StackConfig; readonly warnings: readonly string[] }
    | { readonly ok: false; readonly problems: readonly string[]; readonly warnings: readonly string[] };

/**
 * The stack's config, checked in one round before anything is declared: keys that cannot be read, keys the stack
 * does not know, the schema, the rules across entries and every component's rules over every part the schema
 * passed, all reported at once, each problem once.
 */
export function checkStack(inputs: StackInputs): StackCheck {
    const schema = checkStackConfig(inputs.raw, { secret: inputs.secret, unreadable: inputs.unreadable.keys });
    const rules = preflightParts(schema.parts, inputs.location, inputs.adminPasswords);
    const problems = [...new Set([...inputs.unreadable.problems, ...unknownKeyProblems(inputs.keys), ...schema.problems, ...rules.problems])];
    if (schema.ok && problems.length === 0) {
        return { ok: true, config: schema.config, warnings: rules.warnings };
    }
    return { ok: false, problems, warnings: rules.warnings };
}
