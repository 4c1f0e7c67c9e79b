/**
 * The stack's configuration: its schema and the messages a bad value gets. Only the stack program (index.ts) reads
 * config; it passes what this returns to the components as plain arguments.
 */
import { z } from "zod";
import type {
    BastionSku, Caching, DataAccessAuthMode, Outbound, DiskProtection, DiskSku, FileSystem, HyperVGeneration, LockKind, SecurityType, StorageRedundancy, UploadPhase, VaultImmutability, VaultNetworkAccess, Zone,
} from "../components";
import {
    checkBastionSku, checkCaching, checkDataAccessAuthModeValue, checkOutbound, checkHyperVGeneration, checkLockKindValue, checkProtection, checkSecurityType, checkSku, checkStorageRedundancy, checkUnique, escapeControlCharacters,
    checkUploadPhase, checkVaultImmutability, checkVaultNetworkAccess, checkZone, type ValueRule,
} from "../components/preflight";
import { didYouMean, nearestNames } from "../components/internal";
import { NAME_PATHS, SECRET_CAPABLE, stringLeaves, stringsAt } from "./secret-config";

/** The config namespace: the project name in Pulumi.yaml. */
export const NAMESPACE = "azure-persistent-vm";

/** The vault's name when the stack's backup key does not give one. */
export const DEFAULT_VAULT_NAME = "rsv-persistent-vm";

/**
 * A string that takes one of a component argument's values, checked by the component's own rule, so that a bad value
 * gets the same message from the config as from the component (one home for the list and the message).
 */
function valueOf<T extends string>(rule: ValueRule) {
    return z.string().superRefine((value, ctx) => {
        for (const problem of rule("", value)) {
            ctx.addIssue({ code: "custom", message: problem.message, input: value });
        }
    }).pipe(z.custom<T>());
}

// YAML `zone: 1` arrives as a number; Azure and the components take the string.
const zone = z.preprocess((v) => (typeof v === "number" ? String(v) : v), valueOf<Zone>(checkZone));

// `.meta({ argsOf })` names the component argument interface an object of the config feeds: docs/configuration.md
// takes each of its keys' meaning from that interface's TSDoc (tools/docs). `.describe()` says what a key means
// where the config's key is the stack's own.
const diskSource = z.strictObject({
    copyFrom: z.string().optional(),
    importVhd: z.strictObject({ uri: z.string(), storageAccountId: z.string() }).meta({ argsOf: "VhdArgs" }).optional(),
    adoptId: z.string().optional(),
    existingId: z.string().optional(),
    upload: z.strictObject({ sizeBytes: z.number().int(), phase: valueOf<UploadPhase>(checkUploadPhase) }).meta({ argsOf: "DiskUploadArgs" }).optional(),
}).meta({ argsOf: "DiskSourceArgs" });

const osDisk = z.strictObject({
    sizeGb: z.number().int().optional(),
    sku: valueOf<DiskSku>(checkSku).optional(),
    caching: valueOf<Caching>(checkCaching).optional(),
    source: diskSource.optional(),
    hyperVGeneration: valueOf<HyperVGeneration>(checkHyperVGeneration).optional(),
    vmAgentInstalled: z.boolean().optional(),
}).meta({ argsOf: "OsDiskArgs" });

const dataDisk = z.strictObject({
    name: z.string(),
    lun: z.number().int(),
    sizeGb: z.number().int().optional(),
    source: diskSource.optional(),
    sku: valueOf<DiskSku>(checkSku).optional(),
    caching: valueOf<Caching>(checkCaching).optional(),
    protection: valueOf<DiskProtection>(checkProtection).optional(),
    format: z.boolean().optional(),
    // Which file systems a disk may get depends on its VM's OS: the VM's rules say, in the preflight.
    fileSystem: z.string().pipe(z.custom<FileSystem>()).optional(),
}).meta({ argsOf: "DataDiskArgs" });

const preflightFacts = z.strictObject({
    size: z.strictObject({
        premiumStorage: z.boolean().optional(),
        maxDataDisks: z.number().int().optional(),
        trustedLaunch: z.boolean().optional(),
        generations: z.array(z.union([z.literal(1), z.literal(2)])).optional(),
    }).meta({ argsOf: "SizeFacts" }).optional(),
    regionHasZones: z.boolean().optional(),
    imageGeneration: z.union([z.literal(1), z.literal(2)]).optional(),
}).meta({ argsOf: "PreflightFacts" });

const lock = z.strictObject({ kind: valueOf<LockKind>(checkLockKindValue), name: z.string().optional() }).meta({ argsOf: "LockArgs" });

/** The stack's backup: a vault and policy it creates (the fields below), or an existing policy (`policyId`). */
const backup = z.strictObject({
    policyId: z.string().describe("An existing backup policy's resource id, for the VMs that set `backup: true`, instead of a vault the stack creates; then no other key of `backup` may be set.").optional(),
    vaultName: z.string().meta({
        description: "The vault's Azure name: 2-50 letters, digits and hyphens, starting with a letter.",
        defaultText: JSON.stringify(DEFAULT_VAULT_NAME),
    }).optional(),
    policyName: z.string().optional(),
    scheduleTime: z.string().optional(),
    retentionDays: z.number().int().optional(),
    instantRestoreDays: z.number().int().optional(),
    storageRedundancy: valueOf<StorageRedundancy>(checkStorageRedundancy).optional(),
    publicNetworkAccess: valueOf<VaultNetworkAccess>(checkVaultNetworkAccess).optional(),
    immutability: valueOf<VaultImmutability>(checkVaultImmutability).optional(),
    lock: lock.optional(),
}).meta({
    argsOf: "BackupVaultArgs",
    description: "Azure Backup for the VMs that set `backup: true`: a vault and a daily policy the stack creates (`{}` takes every default), or an existing policy (`policyId`).",
});

const vm = z.strictObject({
    name: z.string().min(1).describe("The VM's name: its component's name and its Azure name; its NIC, disks and other children are named after it. Unique in the stack, ignoring case."),
    os: z.enum(["linux", "windows"]).describe("\"linux\" makes a LinuxVm, \"windows\" a WindowsVm."),
    image: z.string().optional(),
    size: z.string(),
    zone: zone.optional(),
    adminUsername: z.string().optional(),
    computerName: z.string().optional(),
    sshPublicKeys: z.array(z.string()).optional(),
    customData: z.string().optional(),
    osDisk: osDisk.optional(),
    dataDisks: z.array(dataDisk).optional(),
    securityType: valueOf<SecurityType>(checkSecurityType).optional(),
    diskProtection: valueOf<DiskProtection>(checkProtection).optional(),
    lock: lock.optional(),
    backup: z.boolean().describe("Back the VM up under the stack's `backup` policy, which must then be set.").optional(),
    privateIpAddress: z.string().optional(),
    publicIp: z.boolean().optional(),
    encryptionAtHost: z.boolean().optional(),
    diskEncryptionSetId: z.string().optional(),
    dataAccessAuthMode: valueOf<DataAccessAuthMode>(checkDataAccessAuthModeValue).optional(),
    entraIdLogin: z.boolean().optional(),
    azureMonitor: z.strictObject({ dataCollectionRuleId: z.string().optional() }).meta({ argsOf: "AzureMonitorArgs" }).optional(),
    preflightFacts: preflightFacts.optional(),
    tags: z.record(z.string(), z.string()).describe("Tags for this VM and its NIC and disks, over the stack's `tags`.").optional(),
}).meta({ argsOf: ["LinuxVmArgs", "WindowsVmArgs"] });

/** The stack's config: the keys of `Pulumi.<stack>.yaml` under the project's namespace (docs/configuration.md). */
export const STACK_CONFIG_SCHEMA = z.strictObject({
    resourceGroupName: z.string().min(1).describe("The resource group every resource of the stack is created in."),
    createResourceGroup: z.boolean().describe("Create the resource group (protected: deleting it would delete every disk in it); false uses an existing one.").default(true),
    network: z.strictObject({
        addressSpace: z.string(),
        subnetPrefix: z.string(),
        managementSourcePrefixes: z.array(z.string()).default([]),
        allowManagementFromAnywhere: z.boolean().default(false),
        dnsServers: z.array(z.string()).optional(),
        outbound: valueOf<Outbound>(checkOutbound).optional(),
        inboundRules: z.array(z.strictObject({ name: z.string(), port: z.number().int(), sourceAddressPrefixes: z.array(z.string()) })
            .meta({ argsOf: "VmNetworkInboundRuleArgs" })).optional(),
        bastion: z.strictObject({
            subnetPrefix: z.string(),
            sku: valueOf<BastionSku>(checkBastionSku).optional(),
            zones: z.array(zone).optional(),
        }).meta({ argsOf: "VmNetworkBastionArgs" }).optional(),
    }).meta({
        argsOf: "VmNetworkArgs",
        description: "The VNet, its subnet and its NSG (a VmNetwork). The management protocols are the stack's own: SSH when a VM is Linux, RDP when one is Windows.",
    }),
    vms: z.array(vm).min(1).describe("The VMs, one entry each (at least one): a LinuxVm or a WindowsVm, in the stack's resource group, network and region. A secret key (one value set with `pulumi config set --secret --path 'vms[0].customData' ...` makes the whole key secret): each VM's `customData`, VHD `uri`s and tag values reach the resources as secrets, while names, sizes, SSH public keys and every other value stay plain, as the resources and their URNs need; no error shows a value of it."),
    backup: backup.optional(),
    tags: z.record(z.string(), z.string()).describe("Tags for every resource of the stack. A secret key: the values reach the resources as secrets (their names stay plain); Azure itself stores tags as plain text, readable by anyone who can read the resources.").optional(),
    // Read from adminPasswords' keys (index.ts); its values go to the VMs as secrets and are never parsed here.
    adminPasswordVms: z.array(z.string()).meta({
        configKey: "adminPasswords",
        type: "map of secret strings",
        optional: true,
        description: "Windows administrator passwords by VM name, each set as a secret: `pulumi config set --secret --path 'adminPasswords.<vm>' <password>`. A Windows VM without one gets a generated password, exported as a secret in `generatedCredentials`.",
    }),
});

export type StackConfig = z.infer<typeof STACK_CONFIG_SCHEMA>;
export type VmConfig = z.infer<typeof vm>;
export type BackupConfig = z.infer<typeof backup>;

/** The raw values, as `pulumi.Config` returns them (undefined where a key is absent). */
export interface RawStackConfig {
    readonly resourceGroupName: unknown;
    readonly createResourceGroup: unknown;
    readonly network: unknown;
    readonly vms: unknown;
    readonly backup: unknown;
    readonly tags: unknown;
    /** The VM names `adminPasswords` has a value for (its keys, never its values). */
    readonly adminPasswordVms: readonly string[];
}

/** The secret keys of a stack's config, for the messages: which keys (without the namespace) and their raw values. */
export interface SecretScope {
    readonly keys: ReadonlySet<string>;
    readonly values: Readonly<Record<string, unknown>>;
}

/**
 * Thrown when the stack's config is invalid; the message lists every problem, one a line, then the warnings of the same
 * run (what the rules could not check, such as a size the tables do not know), which the components would log had
 * they been declared. No line shows a value of a secret key (given its scope) or a quoted value that looks like a key
 * or password, and every control character is escaped, so that no value can forge or erase a line.
 */
export class StackConfigError extends Error {
    readonly problems: readonly string[];
    readonly warnings: readonly string[];

    constructor(problems: readonly string[], secret?: SecretScope, warnings: readonly string[] = []) {
        const show = (line: string) => escapeControlCharacters(hideKeyLikeValues(secret === undefined ? line : hideSecretValues(line, secret)));
        const shown = problems.map(show);
        const warned = warnings.map(show);
        super(`invalid stack configuration:\n${shown.map((p) => `  ${p}`).join("\n")}${
            warned.length > 0 ? `\nwarnings (what the rules could not check):\n${warned.map((w) => `  ${w}`).join("\n")}` : ""}`);
        this.name = "StackConfigError";
        this.problems = shown;
        this.warnings = warned;
    }
}

/** A problem line's config key path: `[0]`, ` ("web01")` (a VM's name), `.field`, `["tag name"]`, one after another. */
const PATH_STEP = /\[(\d+)\]| \("(?:[^"\\]|\\.)*"\)|\.([A-Za-z_$][\w$]*)|\[("(?:[^"\\]|\\.)*")\]/y;

/** A JSON-quoted name as it was; undefined when the quotes hold no JSON string (a message quoting it raw). */
function unquoted(quoted: string): string | undefined {
    try {
        const parsed: unknown = JSON.parse(quoted);
        return typeof parsed === "string" ? parsed : undefined;
    } catch {
        return undefined;
    }
}

/** What a problem line's path points at in the config: the steps that exist, and where the path ends in the line. */
function pathOf(line: string, start: number, root: unknown): { node: unknown; end: number } {
    let node = root;
    let end = start;
    PATH_STEP.lastIndex = start;
    for (let match = PATH_STEP.exec(line); match !== null; match = PATH_STEP.exec(line)) {
        end = PATH_STEP.lastIndex;
        const [, index, field, quoted] = match;
        const step = index !== undefined ? Number(index) : field ?? (quoted !== undefined ? unquoted(quoted) : undefined);
        const next: unknown = step === undefined || node === null || typeof node !== "object" ? undefined : Reflect.get(node, step);
        // A step the config does not have (a missing key) leaves the deepest one that exists.
        node = next ?? node;
    }
    return { node, end };
}

/**
 * A problem line of a secret key, with every value of that key its message could echo shown as [secret]: each string
 * where the line's path points (a field, or all of a VM's or the key's strings), and every secret-capable value of the
 * key. Names stay: the line names its VM by them, and the plan and the URNs show them anyway.
 */
export function hideSecretValues(line: string, secret: SecretScope): string {
    const key = [...secret.keys].find((k) => line.startsWith(`${NAMESPACE}:${k}`) && /^([[.: ]|$)/.test(line.slice(NAMESPACE.length + 1 + k.length)));
    if (key === undefined) {
        return line;
    }
    const value = secret.values[key];
    const { node, end } = pathOf(line, NAMESPACE.length + 1 + key.length, value);
    const names = new Set(stringsAt(value, NAME_PATHS[key] ?? []));
    const hidden = [...new Set([...stringLeaves(node, names), ...stringsAt(value, SECRET_CAPABLE[key] ?? [])])]
        .flatMap((v) => [v, JSON.stringify(v).slice(1, -1)])
        .filter((v) => v !== "")
        .sort((a, b) => b.length - a.length);
    if (hidden.length === 0) {
        return line;
    }
    const pattern = new RegExp([...new Set(hidden)].map(wholeValue).join("|"), "g");
    return line.slice(0, end) + line.slice(end).replace(pattern, SECRET_SHOWN);
}

/**
 * A value as a pattern; one that starts or ends with a letter or digit only as a whole word there, so that a
 * password "x" leaves "fix" alone.
 */
function wholeValue(value: string): string {
    const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return `${/^[A-Za-z0-9]/.test(value) ? "(?<![A-Za-z0-9])" : ""}${escaped}${/[A-Za-z0-9]$/.test(value) ? "(?![A-Za-z0-9])" : ""}`;
}

/** What a message shows in place of a value of a secret key. */
const SECRET_SHOWN = "[secret]";

/** What a message shows in place of a quoted value that looks like a key or a password. */
const KEY_LIKE_SHOWN = "[a value that looks like a key or password, not shown]";

/** A PEM block, an OpenSSH key line, or a long run of base64 with the mix of characters random bytes give. */
function looksLikeKey(text: string): boolean {
    if (/-----BEGIN|PRIVATE KEY|\b(?:ssh|ecdsa|sk)-[\w@.-]+\s+AAAA/.test(text)) {
        return true;
    }
    return (text.match(/[A-Za-z0-9+/]{40,}={0,2}/g) ?? []).some((run) => [/[0-9]/g, /[A-Z]/g, /[a-z]/g].every((c) => (run.match(c) ?? []).length >= 2)
        // Resource ids and paths are words between slashes; base64 has a slash in about one character of 64.
        && (run.match(/\//g) ?? []).length <= run.length / 16);
}

/** Eight or more characters without spaces holding lower and upper case, a digit and a symbol no Azure name or id uses. */
function looksLikePassword(text: string): boolean {
    return text.length >= 8 && !/\s/.test(text) && [/[a-z]/, /[A-Z]/, /[0-9]/, /[!#$%&'()*+,;<=>?@[\]^`{|}~\\]/].every((c) => c.test(text));
}

/** Each quoted value of a line that looks like a key or a password, replaced (wherever its key is). */
export function hideKeyLikeValues(line: string): string {
    return line.replace(/"(?:[^"\\]|\\.)*"/g, (quoted) => {
        const text = quoted.slice(1, -1);
        return looksLikeKey(text) || looksLikePassword(text) ? KEY_LIKE_SHOWN : quoted;
    });
}

/** The stack's keys as they are set in config, in the schema's order (`adminPasswordVms` is read from `adminPasswords`). */
export const CONFIG_KEYS: readonly string[] = Object.entries(STACK_CONFIG_SCHEMA.shape).map(([key, schema]) => {
    const configKey = schema.meta()?.["configKey"];
    return typeof configKey === "string" ? configKey : key;
});

/**
 * A problem for each key of the stack's namespace that the stack does not read (a misspelt `azure-persistent-vm:tag`
 * would otherwise be ignored without a word), with the nearest known keys. Its value is never shown.
 * @param keys the namespace's keys as set, without the namespace
 */
export function unknownKeyProblems(keys: readonly string[]): string[] {
    return keys.filter((key) => !CONFIG_KEYS.includes(key)).map((key) =>
        `${NAMESPACE}:${key}: unknown key${didYouMean(nearestNames(key, CONFIG_KEYS).map((k) => `${NAMESPACE}:${k}`))}; check the spelling against docs/configuration.md (the stack reads no other key, so its value would be ignored).`);
}

/**
 * The parts of a stack config that passed the schema, for the rules: a part the schema refused is left out, and a
 * field it refused is taken out of its part, so that the rules judge what remains and nothing that follows from a
 * refused value is reported twice.
 */
export interface ConfigParts {
    /** The VM entries that passed, each with its index in `vms`. */
    readonly vms: readonly { readonly index: number; readonly entry: VmConfig }[];
    /** The raw `vms` entries (undefined when `vms` is not a list), for the rules that look across entries. */
    readonly rawVms: readonly unknown[] | undefined;
    readonly resourceGroupName: string | undefined;
    readonly network: StackConfig["network"] | undefined;
    readonly backup: BackupConfig | undefined;
    readonly tags: StackConfig["tags"];
    readonly adminPasswordVms: readonly string[];
    /**
     * The config keys whose values the schema refused or could not read (`azure-persistent-vm:backup`,
     * `azure-persistent-vm:vms[0] ("web01").securityType`): a rule's problem at one of them, or under it, follows
     * from the refused value.
     */
    readonly refused: readonly string[];
}

/** What the schema and the rules across entries say about a raw config. */
export type ConfigCheck =
    | { readonly ok: true; readonly config: StackConfig; readonly parts: ConfigParts; readonly problems: readonly [] }
    | { readonly ok: false; readonly parts: ConfigParts; readonly problems: readonly string[] };

export interface ConfigCheckOptions {
    /** The secret keys, so that no problem shows a value of one. */
    readonly secret?: SecretScope;
    /**
     * Keys whose values could not be read (not JSON; their own problems say so): left out, and not reported again as
     * missing.
     */
    readonly unreadable?: readonly string[];
}

/**
 * Checks the raw config against the schema and the rules across entries, reporting every problem of both at once;
 * returns the typed config (defaults applied) when there is none, and, either way, the parts that passed.
 */
export function checkStackConfig(raw: RawStackConfig, options: ConfigCheckOptions = {}): ConfigCheck {
    const unreadable = new Set(options.unreadable ?? []);
    const input = { ...raw, adminPasswordVms: [...raw.adminPasswordVms] };
    // reportInput: zod 4 leaves the offending value out of its issues unless asked, and a wrong value must not be
    // reported as missing.
    const result = STACK_CONFIG_SCHEMA.safeParse(input, { reportInput: true });
    if (result.success) {
        const parts = partsOf(result.data);
        const problems = crossChecks(parts);
        return problems.length === 0 ? { ok: true, config: result.data, parts, problems: [] } : { ok: false, parts, problems };
    }
    // An unreadable key arrives as undefined: its own problem is enough.
    const issues = result.error.issues.filter((issue) => !unreadable.has(String(issue.path[0] ?? "")));
    const parts = passedParts(input, issues, unreadable);
    const problems = [
        ...issues.map((issue) => describe(issue, raw, options.secret?.keys ?? new Set())),
        ...crossChecks(parts),
    ];
    // Not ok even when every problem was an unreadable key's: those problems are the caller's.
    return { ok: false, parts, problems };
}

/**
 * Validates the raw config; returns it typed, with defaults applied, or throws every problem at once. Given the
 * secret keys, no problem shows a value of one.
 */
export function parseStackConfig(raw: RawStackConfig, secret?: SecretScope): StackConfig {
    const checked = checkStackConfig(raw, { secret });
    if (!checked.ok) {
        throw new StackConfigError(checked.problems, secret);
    }
    return checked.config;
}

/**
 * The key a problem line names a VM entry by: `azure-persistent-vm:vms[0] ("web01")`. The name is JSON-quoted, so that
 * a line break or an escape code in it cannot forge a line of the message.
 */
export function vmKey(index: number, name: unknown): string {
    return `${NAMESPACE}:vms[${index}]${typeof name === "string" ? ` (${JSON.stringify(name)})` : ""}`;
}

/** A VM entry's `name` as given, whatever it is. */
function rawNameOf(entry: unknown): unknown {
    return entry !== null && typeof entry === "object" ? Reflect.get(entry, "name") : undefined;
}

/** A VM entry's name as given, if it is one. */
function nameOf(entry: unknown): string | undefined {
    const name = rawNameOf(entry);
    return typeof name === "string" && name !== "" ? name : undefined;
}

/** The parts of a config that passed the schema whole. */
export function partsOf(config: StackConfig): ConfigParts {
    return {
        vms: config.vms.map((entry, index) => ({ index, entry })),
        rawVms: config.vms,
        resourceGroupName: config.resourceGroupName,
        network: config.network,
        backup: config.backup,
        tags: config.tags,
        adminPasswordVms: config.adminPasswordVms,
        refused: [],
    };
}

/** A copy of a plain object without some keys. */
function without(value: unknown, keys: readonly PropertyKey[]): unknown {
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
        return value;
    }
    const dropped = new Set(keys.map(String));
    return Object.fromEntries(Object.entries(value).filter(([key]) => !dropped.has(key)));
}

/** A copy of a plain value with `update` applied to what is at `path` (unchanged when the path does not exist). */
function updatedAt(value: unknown, path: readonly PropertyKey[], update: (at: unknown) => unknown): unknown {
    const [step, ...rest] = path;
    if (step === undefined) {
        return update(value);
    }
    if (Array.isArray(value) && typeof step === "number") {
        return value.map((item, i) => (i === step ? updatedAt(item, rest, update) : item));
    }
    if (value !== null && typeof value === "object" && !Array.isArray(value) && Object.prototype.hasOwnProperty.call(value, step)) {
        return { ...(value as Record<string, unknown>), [String(step)]: updatedAt(Reflect.get(value, step), rest, update) };
    }
    return value;
}

/**
 * The parts of a config the schema refused somewhere: unknown keys dropped (nothing follows from them), each refused
 * field taken out of its VM entry, network or backup, and each part parsed again alone; a part that still fails (a
 * required field was refused) is left out.
 */
function passedParts(input: Record<string, unknown>, issues: readonly z.core.$ZodIssue[], unreadable: ReadonlySet<string>): ConfigParts {
    let pruned: unknown = input;
    const refused = new Set([...unreadable].map((key) => `${NAMESPACE}:${key}`));
    const rawVms = Array.isArray(input["vms"]) ? (input["vms"] as unknown[]) : undefined;
    for (const issue of issues) {
        const path = issue.path;
        if (issue.code === "unrecognized_keys") {
            pruned = updatedAt(pruned, path, (at) => without(at, issue.keys));
            continue;
        }
        const [top, second, third] = path;
        const field = top === "vms" ? third : second;
        const owner = top === "vms" ? (typeof second === "number" ? vmKey(second, rawNameOf(rawVms?.[second])) : `${NAMESPACE}:vms`) : `${NAMESPACE}:${String(top ?? "")}`;
        if (field !== undefined && (top === "vms" || top === "network" || top === "backup")) {
            refused.add(`${owner}.${String(field)}`);
            pruned = updatedAt(pruned, top === "vms" ? [top, second ?? -1] : [top], (at) => without(at, [field]));
        } else {
            refused.add(owner);
        }
    }
    const value = (key: string): unknown => (pruned !== null && typeof pruned === "object" ? Reflect.get(pruned, key) : undefined);
    const shape = STACK_CONFIG_SCHEMA.shape;
    const part = <T>(key: string, schema: z.ZodType<T>): T | undefined => {
        if (refused.has(`${NAMESPACE}:${key}`)) {
            return undefined;
        }
        const parsed = schema.safeParse(value(key));
        return parsed.success ? parsed.data : undefined;
    };
    const entries = refused.has(`${NAMESPACE}:vms`) ? [] : (Array.isArray(value("vms")) ? (value("vms") as unknown[]) : []);
    return {
        vms: entries.flatMap((entry, index) => {
            const parsed = vm.safeParse(entry);
            return parsed.success ? [{ index, entry: parsed.data }] : [];
        }),
        rawVms: refused.has(`${NAMESPACE}:vms`) ? undefined : rawVms,
        resourceGroupName: part("resourceGroupName", shape.resourceGroupName),
        network: part("network", shape.network),
        backup: part("backup", shape.backup),
        tags: part("tags", shape.tags),
        adminPasswordVms: [...(input["adminPasswordVms"] as readonly string[])],
        refused: [...refused],
    };
}

/** Whether a config key is one of these or under one (a field, an index or a map key of it). */
export function isUnder(key: string, refused: readonly string[]): boolean {
    return refused.some((r) => key === r || (key.startsWith(r) && /^[.[:]/.test(key.slice(r.length))));
}

/**
 * Rules that span entries: unique VM names, OS-specific keys, backup only with a vault or policy, passwords only for
 * Windows VMs that exist. Over the parts that passed the schema, and never about a part it refused.
 */
function crossChecks(parts: ConfigParts): string[] {
    const raw = parts.rawVms ?? [];
    const named = raw.flatMap((entry, index) => {
        const name = nameOf(entry);
        return name === undefined || isUnder(`${vmKey(index, name)}.name`, parts.refused) ? [] : [{ index, name }];
    });
    const problems = checkUnique(named.map((n) => n.name), (i) => `${vmKey(named[i]?.index ?? 0, named[i]?.name)}.name`, "VM name", true)
        .map((p) => `${p.path}: ${p.message}`);
    for (const { index, entry } of parts.vms) {
        if (entry.os === "windows") {
            for (const key of ["sshPublicKeys", "customData"] as const) {
                if (entry[key] !== undefined) {
                    problems.push(`${vmKey(index, entry.name)}.${key}: is for Linux VMs; remove it from this Windows VM.`);
                }
            }
        }
    }
    const backupRefused = isUnder(`${NAMESPACE}:backup`, parts.refused);
    for (const { index, entry } of parts.vms) {
        if (entry.backup === true && parts.backup === undefined && !backupRefused) {
            problems.push(`${vmKey(index, entry.name)}.backup: needs the stack's ${NAMESPACE}:backup key: {} for a vault with the defaults, or { policyId } for an existing policy.`);
        }
    }
    const vaultKeys = Object.keys(parts.backup ?? {}).filter((key) => key !== "policyId");
    if (parts.backup?.policyId !== undefined && vaultKeys.length > 0) {
        problems.push(`${NAMESPACE}:backup: policyId uses an existing policy, so ${vaultKeys.join(", ")} would configure nothing; remove ${vaultKeys.length > 1 ? "them" : "it"} or policyId.`);
    }
    if (parts.rawVms !== undefined) {
        for (const name of parts.adminPasswordVms) {
            const index = raw.findIndex((entry) => nameOf(entry) === name);
            const target = parts.vms.find((v) => v.index === index);
            // A refused entry's OS is not known for sure: its own problems come first.
            if (index !== -1 && target === undefined) {
                continue;
            }
            if (target?.entry.os !== "windows") {
                problems.push(`${NAMESPACE}:adminPasswords.${name}: there is no Windows VM named ${JSON.stringify(name)}; remove the key or fix the name.`);
            }
        }
    }
    return problems;
}

/** The keys an object of the schema takes at a path of the config (none where the path leads to no object). */
function keysAt(path: readonly PropertyKey[]): string[] {
    let node: unknown = STACK_CONFIG_SCHEMA;
    const steps = [...path];
    for (;;) {
        if (node instanceof z.ZodOptional || node instanceof z.ZodDefault) {
            node = node.unwrap();
        } else if (node instanceof z.ZodPipe) {
            // preprocess: transform -> schema; a component rule: string -> custom.
            node = node.in instanceof z.ZodTransform ? node.out : node.in;
        } else if (steps.length === 0) {
            return node instanceof z.ZodObject ? Object.keys(node.shape) : [];
        } else {
            const step = steps.shift();
            if (node instanceof z.ZodObject) {
                node = node.shape[String(step)];
            } else if (node instanceof z.ZodArray) {
                node = node.element;
            } else if (node instanceof z.ZodRecord) {
                node = node.valueType;
            } else {
                return [];
            }
        }
    }
}

/** An unknown key, JSON-quoted, with the nearest keys its object takes. */
function unknownKey(key: string, known: readonly string[]): string {
    return `${JSON.stringify(key)}${didYouMean(nearestNames(key, known))}`;
}

function describe(issue: z.core.$ZodIssue, raw: RawStackConfig, secretKeys: ReadonlySet<string>): string {
    const [top, ...rest] = issue.path;
    // A value of a secret key is never shown, whatever its type (a password given as a number).
    const secret = secretKeys.has(String(top ?? ""));
    let where = `${NAMESPACE}:${String(top ?? "")}`;
    if (top === "vms" && typeof rest[0] === "number") {
        const index = rest.shift() as number;
        where = vmKey(index, rawNameOf(Array.isArray(raw.vms) ? raw.vms[index] : undefined));
    }
    const field = rest.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("");
    const at = `${where}${field}`;
    switch (issue.code) {
        case "invalid_type":
            return issue.input === undefined
                ? `${at}: is required${expectation(issue)}.`
                // A string of the wrong type may be a pasted key or password: its length is shown, never its text.
                : `${at}: expected ${issue.expected}, got ${kindOf(issue.input, secret)}.`;
        case "invalid_value":
            if (issue.input === undefined) {
                return `${at}: is required; set it to one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}.`;
            }
            return `${at}: ${secret ? `its value (${NAMESPACE}:${String(top)} is a secret, so it is not shown)` : JSON.stringify(issue.input)} is not allowed; use one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}.`;
        case "custom":
            // A component's own rule (valueOf): its message is whole.
            return `${at}: ${issue.message}`;
        case "unrecognized_keys": {
            const known = keysAt(issue.path);
            return `${at}: unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => unknownKey(k, known)).join(", ")}; check the spelling against docs/configuration.md.`;
        }
        default:
            return `${at}: ${issue.message}.`;
    }
}

function kindOf(value: unknown, secret: boolean): string {
    if ((typeof value === "number" || typeof value === "boolean") && secret) {
        return `a ${typeof value} (not shown: its key is a secret)`;
    }
    if (typeof value === "number" || typeof value === "boolean" || value === null) {
        return JSON.stringify(value);
    }
    if (typeof value === "string") {
        return `a string of ${value.length} character${value.length === 1 ? "" : "s"} (not shown)`;
    }
    return Array.isArray(value) ? "an array" : typeof value === "object" ? "an object" : `a ${typeof value}`;
}

function expectation(issue: z.core.$ZodIssueInvalidType): string {
    return issue.expected === "array" || issue.expected === "object" ? ` (an ${issue.expected})` : ` (a ${issue.expected})`;
}
