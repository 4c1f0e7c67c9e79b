/**
 * Secret config keys. The Pulumi CLI marks secrecy per top-level key: `pulumi config set --secret --path
 * 'vms[0].customData' ...` makes the whole `vms` key secret, and the program receives its decrypted value as plain JSON
 * (`PULUMI_CONFIG`) with the key listed in `PULUMI_CONFIG_SECRET_KEYS`. The stack cannot tell which value inside the
 * key was set as a secret, so every value that can hold one (SECRET_CAPABLE) reaches the components as a secret, and
 * everything else in the key (names, sizes, LUNs, prefixes, ids) stays plain: a secret name would make URNs secret,
 * and the preflight and the plan decide on the structure.
 */
import * as pulumi from "@pulumi/pulumi";

/** A place inside a config key's value: object keys, "[]" for every item of a list, "{}" for every value of a map. */
export type ConfigPath = readonly string[];

/**
 * The values that reach the components as secrets when their top-level key is secret. `adminPasswords` is always
 * treated as secret, whether or not the key is marked.
 * Not in the list, so plain even in a secret key: `sshPublicKeys` (public keys, which Azure shows to anyone who can
 * read the VM, and which a reviewer of the plan must see), `adminUsername` and `computerName` (visible in Azure), tag
 * names, and every name, size, zone, LUN, SKU, id and address, which decide the resources and their URNs.
 */
export const SECRET_CAPABLE: Readonly<Record<string, readonly ConfigPath[]>> = {
    vms: [
        // cloud-init user data may carry tokens or passwords, despite its doc's advice.
        ["[]", "customData"],
        // A blob URI may carry a SAS token in its query.
        ["[]", "osDisk", "source", "importVhd", "uri"],
        ["[]", "dataDisks", "[]", "source", "importVhd", "uri"],
        // Tag values: only their names are structure.
        ["[]", "tags", "{}"],
    ],
    tags: [["{}"]],
    adminPasswords: [["{}"]],
};

/** Values that name things: shown in every message, even under a secret key, because the plan and URNs show them. */
export const NAME_PATHS: Readonly<Record<string, readonly ConfigPath[]>> = {
    vms: [["[]", "name"], ["[]", "dataDisks", "[]", "name"]],
};

/** The keys whose values are secrets whatever the CLI says: their values only ever reach the VMs as secrets. */
const ALWAYS_SECRET = ["adminPasswords"] as const;

/**
 * The SDK's own test of a key's secrecy (`runtime/config.js`, `isConfigSecret`): it reads PULUMI_CONFIG_SECRET_KEYS
 * from the store the CLI's runner or the Automation API filled. The SDK keeps it out of its type declarations, so it
 * is looked up; an SDK without it fails the program rather than let every secret key pass as plain.
 */
function sdkIsConfigSecret(): (fullKey: string) => unknown {
    const found: unknown = Reflect.get(pulumi.runtime, "isConfigSecret");
    if (typeof found !== "function") {
        throw new Error("@pulumi/pulumi no longer has runtime.isConfigSecret, so secret config keys cannot be told apart; update stack/secret-config.ts");
    }
    return found as (fullKey: string) => unknown;
}

/** Which of these keys of the config's namespace are secret (as `adminPasswords` always is). */
export function secretConfigKeys(config: pulumi.Config, keys: readonly string[]): ReadonlySet<string> {
    const isSecret = sdkIsConfigSecret();
    return new Set(keys.filter((key) => (ALWAYS_SECRET as readonly string[]).includes(key) || isSecret(`${config.name}:${key}`) === true));
}

/**
 * One warning for each secret key none of whose values can be a secret (the network, the backup settings, the
 * resource group): the user asked for secrecy the stack cannot give, and should know.
 */
export function plainSecretKeyWarnings(namespace: string, secretKeys: ReadonlySet<string>): string[] {
    return [...secretKeys].filter((key) => SECRET_CAPABLE[key] === undefined).map((key) =>
        `${namespace}:${key} is a secret, but none of its values can be one: they are names, addresses and settings that become resources, URNs and properties Azure shows to anyone who can read them, so the stack passes them in plain; set the key without --secret.`);
}

/** The value, as a secret when its key is secret; undefined stays undefined. */
export function secretIf(secret: boolean, value: string): pulumi.Input<string>;
export function secretIf(secret: boolean, value: string | undefined): pulumi.Input<string> | undefined;
export function secretIf(secret: boolean, value: string | undefined): pulumi.Input<string> | undefined {
    return secret && value !== undefined ? pulumi.secret(value) : value;
}

/** A map's values as secrets when its key is secret; its names stay plain. */
export function secretValues(values: Readonly<Record<string, string>> | undefined, secret: boolean): Record<string, pulumi.Input<string>> {
    return Object.fromEntries(Object.entries(values ?? {}).map(([name, value]) => [name, secretIf(secret, value)]));
}

/** The strings at these places of a value. */
export function stringsAt(value: unknown, paths: readonly ConfigPath[]): string[] {
    return paths.flatMap((p) => walk(value, p));
}

function walk(value: unknown, path: ConfigPath): string[] {
    const [step, ...rest] = path;
    if (step === undefined) {
        return typeof value === "string" ? [value] : [];
    }
    if (step === "[]") {
        return Array.isArray(value) ? value.flatMap((item) => walk(item, rest)) : [];
    }
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
        return [];
    }
    const entries = step === "{}" ? Object.values(value) : [Reflect.get(value, step)];
    return entries.flatMap((item: unknown) => walk(item, rest));
}

/** Every string in a value, but those in `shown` (names, which every message may show). */
export function stringLeaves(value: unknown, shown: ReadonlySet<string> = new Set()): string[] {
    const leaves: string[] = [];
    const visit = (v: unknown) => {
        if (typeof v === "string") {
            leaves.push(v);
        } else if (Array.isArray(v)) {
            v.forEach(visit);
        } else if (v !== null && typeof v === "object") {
            Object.values(v).forEach(visit);
        }
    };
    visit(value);
    return leaves.filter((leaf) => !shown.has(leaf));
}
