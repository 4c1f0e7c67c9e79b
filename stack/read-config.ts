/**
 * Reads the stack's structured config keys as JSON, as `pulumi.Config.getObject` would, but with errors that never
 * show the value: the SDK's own error quotes it (`Configuration '...' value '<value>' is not a valid JSON object`), and
 * a value set without `--path` may be a password (`pulumi config set --secret adminPasswords '<pw>'`) or a pasted key.
 */
import * as pulumi from "@pulumi/pulumi";
import { NAMESPACE } from "./config";

/** What each structured key holds, and how to set it, for the message a malformed value gets. */
const EXPECTED = {
    adminPasswords: "an object of VM names and passwords (set one with pulumi config set --secret --path 'adminPasswords.<vm name>' '<password>'); its value is a secret and is not shown.",
    createResourceGroup: "true or false; its value is not shown.",
    network: "an object (set it in Pulumi.<stack>.yaml; docs/configuration.md); its value is not shown.",
    vms: "a list of VMs (set it in Pulumi.<stack>.yaml as a YAML list; docs/configuration.md); its value is not shown.",
    backup: "an object (set it in Pulumi.<stack>.yaml; docs/configuration.md); its value is not shown.",
    tags: "an object of tag names and values (set it in Pulumi.<stack>.yaml; docs/configuration.md); its value is not shown.",
} as const;

export type StructuredKey = keyof typeof EXPECTED;

/** The keys read as JSON, in the order their problems are listed. */
export const STRUCTURED_KEYS = Object.keys(EXPECTED) as StructuredKey[];

/** The keys' parsed values (undefined where unset or malformed), and the malformed keys with one problem line each. */
export function readStructuredConfig(config: pulumi.Config): { values: Partial<Record<StructuredKey, unknown>>; unreadable: StructuredKey[]; problems: string[] } {
    const values: Partial<Record<StructuredKey, unknown>> = {};
    const unreadable: StructuredKey[] = [];
    const problems: string[] = [];
    for (const key of STRUCTURED_KEYS) {
        const raw = config.get(key);
        if (raw === undefined) {
            continue;
        }
        let parsed: unknown;
        try {
            parsed = JSON.parse(raw) as unknown;
        } catch {
            unreadable.push(key);
            problems.push(`${NAMESPACE}:${key}: is not ${EXPECTED[key]}`);
            continue;
        }
        // adminPasswords is read here only (the schema sees its keys): its shape is checked here too.
        const passwords = key !== "adminPasswords" || (parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)
            && Object.values(parsed).every((v) => typeof v === "string"));
        if (!passwords) {
            unreadable.push(key);
            problems.push(`${NAMESPACE}:${key}: is not ${EXPECTED[key]}`);
            continue;
        }
        values[key] = parsed;
    }
    return { values, unreadable, problems };
}

/**
 * Every key of the config's namespace that is set, without the namespace (`tag` for `azure-persistent-vm:tag`): what
 * the CLI hands the program (`PULUMI_CONFIG`), so that a key the stack does not read can be refused rather than
 * ignored. Values are not read here.
 */
export function namespaceKeys(config: pulumi.Config): string[] {
    const prefix = `${config.name}:`;
    return Object.keys(pulumi.runtime.allConfig()).filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length));
}
