/**
 * Test data shared by several test files: Azure ids, throwaway SSH keys, the base arguments of the plan tests, the
 * messages several files expect, and a model of the step the engine takes for a resource declared twice. Nothing here
 * exists in Azure. A constant is shared only where every file used the same value; keys that differ get names that
 * say how.
 */
import { type ManagementProtocol, type OsType, type Problem, type VmArgs } from "../../components";
import { type CredentialInputs, type VmPlan } from "../../components/internal";
import type { Registration } from "../../tools/recorder/recorder";

// Ids the component tests pass (resource group "rg").

export const SUBNET_ID = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/vms";
export const NSG_ID = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/nsg";
export const DISK_ID_PREFIX = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/disks/";

// SSH public keys. The private halves were discarded.

/** The ED25519 key the component tests register. */
export const ED25519_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIjSKAELeu4s76QroB8jeBBD784HmOhKb+0PESFRdEwe test@example";
/** The same key as ED25519_KEY with another comment (throwaway@test), as the plan and stack config tests give it. */
export const THROWAWAY_ED25519_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIjSKAELeu4s76QroB8jeBBD784HmOhKb+0PESFRdEwe throwaway@test";
/** A 3072-bit RSA key made with ssh-keygen. */
export const RSA_3072_KEY = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABgQCuOfr6dFIX02c2ggCCwqOtYS+WF6LNODAM2W0F8ndmxyu8s/iop/wj1ZA03xkcMt0HPk7xMNvWFUlRFVO5NYQqjOkJ2dDjnnDD2Ig05nKuBr77pwFEZ64jUSzahqgz2E5mriDZ4DAi63RQFpssZR9cYehJu26skq8qY1CQf6kb53T9aPsy7LrISRGpW3Y50EYlYi+68iG9r2rWyFemIHjuT8PwQPiza43Y/UUF/7qBX0CgCRmsw2t5lF+rKIryTqIv1L20w7T7yY/KUddf1dgI/8SRGWD0RyQCjSJwrjrzGgFUkivvNuKb+aGcn6okAFaLithYM3WmTpraYKoreHo0k6rad9nGCjazKRs5Q6K6ETlJj94r832U4LqXCmDGucxNBjnaUnm/dqZXIJAlHVqVEGKUQElUjeCV/M81TpsDMR5j5+QTdn2ifycs+zqXpUeBbLZ8GiuxqJSTUr6vB7TodZP2/qeNCQ9bpluUgqsej9opkE5GVBfRhWQ1CGT16YE= throwaway@test";

// Real public keys made with ssh-keygen (OpenSSH 9.2) for the credential rules, one of each kind and size at a limit.

/** An ED25519 key, a different key from ED25519_KEY. */
export const KEYGEN_ED25519_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGBqesEYBcwhwp4d0mpUdWcv9JcLV4176vpkItbjrvkp throwaway@test";
export const RSA_2048_KEY = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQCXUqYvqWPZyBihQOT63IDkMdT4cmGZVcIkRDeTUaa7fDxN9Pu31T0MmdG4iiMQhzhssvzcwP/TB6MXc2fwTMtuY57Z3SVlqecuMxGmf844SNTbGTfOqtuhRg7gabrewRiSiL1Ospas/gK6nVVI4Fwv3SRnkxUugCofRy0DC90h5uQYJNgYLOcfnqnH3JDNCiLYV4gI7TLdfuqTipGkSBaf6/QD20/9z0LWWIjzZUjx37mq3ieczYnPznLPKkMY54Mq8OlPVw8nxthx6T2ip8wQb9xqhjH/AsWp4ra7ZeOGwW92Pbl8qhhu+vsh/PITCjEVdBcJKHWR9SBQEYTV/kgP throwaway@test";
export const RSA_2047_KEY = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAHEmrLuPi+qqkppz/thZ2AVQ0yvawB+TmeFIZWqY1L8V6gNFO/oA8ZWr7oLVorQrRqD/Qpu9IbXf+DTSHE3lkNmZ4CJkGfNWtZQkabJVOHDTF6lp62Lpj8udVaEnuS3bZL3N/1OONazd/xhpZSgbJZ9VMWTWun3P/VLFevgZxdGmAFwvUqjWWO+rgv7alkU2GdqiQRee5BaQFd2h9zZhgXXwDpeldMF3TCRYZSGu1wdBahHz0VvwJK75UolrTN+Zmn8lysi1aVFKlARCuBOvrLxp08StDGpCtF/K0TKxEdnFSMc6nMQ2OAfG0LxjuiMQ+nWkMixvcNHTQxzWUYHkp9E= throwaway@test";
export const RSA_1024_KEY = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQDBycGBftxfMZ4t0lpD+deuFsOG0R8CRRPJkcwPEMw/1lvjbzdmqm80+JoGXBOxFx7G61l09dsQe5X09W64njzRAMNYY1UAW6guk2dsjxPW8SIyGIJjNM9Bclu5p1V5qUKXJ0AC2bhhf4jLyiZwBPThW+9ECI98rBPepoASSbj4Dw== throwaway@test";
export const ECDSA_KEY = "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBJF5kUncNmHGnsQ5wwxMTcDvPv9gfrLtjlVnwMgQWMxe0f5y0ukJLUihaAZJu8d9h9P2o+tM9Dw/0E7yiSdmBbY= throwaway@test";
export const DSA_KEY = "ssh-dss AAAAB3NzaC1kc3MAAACBAMyYzUm2YhS9Eu3/6UjuroASusYauqAiV+ja8noJ/YLu80a8fRJXYZcKxlG/PiOitytnjR154mrIpz2Cuo7BB8RuTUAO/NgVHmXGbHeqOzzWsg5YrR0vuDboJyaRKNiCHMedsN2VNXTafE+f/C5ttvA+W0Ma/pXDFFoJFgEKD/gVAAAAFQDD+S5QAnFrtExMR/ruKW/ymlQduwAAAIAN+dygakoLUoVzecX4UJiClxh/nDaTyO4gSsHa2TcPp8OQYuuigB41rRRVKBin5Kvur9WNi26lO5NK9Kkuk9DtPOcFmr7YEjwX3FQ/tvpgVVLO0Od2kihb8esTlpkhfBZK8G3/7Srf2YfzGW5IEvKBH1wRxs2wiSrxTydxT/PxZQAAAIATu4wyIazWzwAnx5B17BediIPbieUCcdgNcLCF3o06MlGvKgkdos83eFUoYOyTCv6qPxgllobT0PYBteRFh4OM3aDqzBpM7cr9NPb4SYSw3PXRqFCG7NgX6+aaCnIaR+YpHicK4c1hzPWVv4ZbBDnoOLPjneY7nW1NmlvupED2YA== throwaway@test";

// The plan tests' VM and network.

/** Where the plan tests put a VM (resource group "rg-persistent-vm-test"). */
export const PLACEMENT = {
    resourceGroupName: "rg-persistent-vm-test",
    location: "westeurope",
    subnetId: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-persistent-vm-test/providers/Microsoft.Network/virtualNetworks/network-vnet/subnets/network-subnet",
};

/** VM arguments for planVm: PLACEMENT on Standard_D2s_v5, then the overrides. */
export function args(overrides: Partial<VmArgs>): VmArgs {
    return { ...PLACEMENT, size: "Standard_D2s_v5", ...overrides };
}

/** A Gen1 marketplace image (its SKU name does not say so, hence the stated fact where a test needs it). */
export const GEN1_UBUNTU = { publisher: "Canonical", offer: "0001-com-ubuntu-server-jammy", sku: "22_04-lts" };
export const GALLERY_IMAGE = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-images/providers/Microsoft.Compute/galleries/gallery/images/web";

/** A row of a table of VM inputs Azure would refuse: planVm(os, name ?? "vm01", args(row.args), credentials ?? {}) gives exactly these problems. */
export interface Rejected {
    readonly scenario: string;
    readonly os: OsType;
    readonly name?: string;
    readonly args: Partial<VmArgs>;
    readonly credentials?: CredentialInputs;
    readonly problems: readonly Problem[];
    /** What the rules could not check, reported with the problems (none when absent). */
    readonly warnings?: readonly Problem[];
}

/** A row of a table of VM inputs exactly on a limit: planVm accepts them, resolving `resolved` to `value` with these warnings. */
export interface Accepted {
    readonly scenario: string;
    readonly os: OsType;
    readonly name?: string;
    readonly args: Partial<VmArgs>;
    readonly credentials?: CredentialInputs;
    /** The value the limit resolves to, when the plan shows one. */
    readonly resolved?: (plan: VmPlan) => unknown;
    readonly value?: unknown;
    readonly warnings?: readonly Problem[];
}

/** The plan tests' address space and VM subnet. */
export const NETWORK = { addressSpace: "10.42.0.0/16", subnetPrefix: "10.42.1.0/24" };

/** Protocols as plain JavaScript callers can pass them, past the type checker. */
export function protocols(...names: string[]): ManagementProtocol[] {
    return names as ManagementProtocol[];
}

// Messages several files expect, exactly as the rules word them.

export const NOT_A_ZONE = (zone: string): string => `"${zone}" is not an availability zone; use "1", "2" or "3".`;
export const RESERVED = (name: string): string => `"${name}" is a name Azure reserves; choose another adminUsername.`;
export const REFUSED_PASSWORD = "[secret] is on Azure's list of refused passwords (choose another password).";
export const NOT_ONE_LINE = `is not an OpenSSH public key: it is not one line of an OpenSSH .pub file ("<type> <base64> [comment]") (give the whole line of the .pub file).`;
export const NOT_ACCEPTED = (type: string): string => `is a key of type "${type}"; Azure accepts only ssh-ed25519 keys and ssh-rsa keys of 2048 bits or more (generate one with ssh-keygen -t ed25519).`;
export const NOT_CIDR = (text: string): string => `"${text}" is not an IPv4 CIDR range with its host bits zero, like "10.42.0.0/16".`;
export const ANYONE = (source: string): string => `"${source}" would open SSH/RDP to the whole internet; list the addresses you manage from, like "203.0.113.0/24" (or, knowingly, set allowManagementFromAnywhere: true).`;

// A model of the step the engine takes for a resource declared twice, written from pulumi/pulumi v3.259.0
// (pkg/resource/deploy/step_generator.go: processIgnoreChanges before the diff, applyReplaceOnChanges with
// PropertyPath.Contains, shouldTriggerReplace). It assumes the provider's detailed diff reports a change at the
// outermost member that appears, disappears or changes value. Not the engine: nothing here runs it.

/** The paths at which two input values differ: objects and arrays on both sides member by member, anything else whole. */
export function changedPaths(before: unknown, after: unknown, path = ""): string[] {
    const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object";
    if (isObject(before) && isObject(after) && Array.isArray(before) === Array.isArray(after)) {
        const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
        return keys.flatMap((k) => changedPaths(before[k], after[k], Array.isArray(before) ? `${path}[${k}]` : path === "" ? k : `${path}.${k}`));
    }
    return JSON.stringify(before) === JSON.stringify(after) ? [] : [path];
}

/** Whether a listed path covers a changed one: it is a prefix of it, segment by segment (the engine's PropertyPath.Contains). */
export function covers(listed: string, changed: string): boolean {
    const segments = (p: string) => p.split(/[.[\]]/).filter((s) => s !== "");
    const [l, c] = [segments(listed), segments(changed)];
    return l.length <= c.length && l.every((s, i) => s === c[i]);
}

/**
 * The step for a resource declared as `before`, then as `after`: ignored paths are put back first; a change a
 * replaceOnChanges path covers, or a replacement trigger that differs while neither is null, replaces; any other
 * change updates in place. `changed` is what is left after the ignored paths.
 */
export function stepFor(before: Registration, after: Registration): { changed: string[]; step: "same" | "update" | "replace" } {
    const changed = changedPaths(before.inputs, after.inputs).filter((p) => !after.options.ignoreChanges.some((i) => covers(i, p)));
    const [oldTrigger, newTrigger] = [before.options.replacementTrigger, after.options.replacementTrigger];
    const triggered = oldTrigger !== undefined && newTrigger !== undefined && JSON.stringify(oldTrigger) !== JSON.stringify(newTrigger);
    const replaces = triggered || changed.some((p) => after.options.replaceOnChanges.some((r) => covers(r, p)));
    return { changed, step: replaces ? "replace" : changed.length > 0 ? "update" : "same" };
}
