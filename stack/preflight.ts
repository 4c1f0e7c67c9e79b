/**
 * The component rules, run over the whole stack config before anything is declared, so one error lists every
 * problem of every VM and of the network, each named by its config key.
 */
import { planNetwork, planVm, type ManagementProtocol } from "../components";
import { NAMESPACE, type StackConfig, type VmConfig } from "./config";

/**
 * The offline plan (`npm run plan`) cannot decrypt `secure:` values; it hands them to the program as this
 * placeholder, a secret whose plaintext is unknown. Rules that need the plaintext skip it.
 */
export const UNKNOWN_SECRET = "[secret]";

/** The plain arguments a config entry gives its component (the network's ids are added when it exists). */
export function vmArgs(entry: VmConfig, config: StackConfig, location: string) {
    const { name, os, sshPublicKeys, customData, tags, ...common } = entry;
    return {
        common: { ...common, resourceGroupName: config.resourceGroupName, location, tags: { ...config.tags, ...tags } },
        name,
        os,
        sshPublicKeys,
        customData,
    };
}

/** The management protocols the stack's VMs need: SSH for Linux, RDP for Windows. */
export function managementProtocols(config: StackConfig): ManagementProtocol[] {
    return [...new Set(config.vms.map((vm): ManagementProtocol => (vm.os === "linux" ? "ssh" : "rdp")))];
}

function configKey(where: string, vmName: string, path: string): string {
    switch (path) {
        case "adminPassword": return `${NAMESPACE}:adminPasswords.${vmName}`;
        case "resourceGroupName": return `${NAMESPACE}:resourceGroupName`;
        case "location": return "azure-native:location";
        case "vmName": return `${where}.name`;
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
        const result = planVm(os, name, { ...common, subnetId: "" }, {
            sshPublicKeys,
            customData,
            adminPassword: password === UNKNOWN_SECRET ? undefined : password,
        });
        if (!result.ok) {
            const where = `${NAMESPACE}:vms[${index}] ("${name}")`;
            problems.push(...result.problems.map((p) => `${configKey(where, name, p.path)}: ${p.message}`));
        }
    });
    return [...new Set(problems)];
}
