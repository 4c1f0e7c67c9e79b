/**
 * npm run schema [-- --check]: writes provider/schema.json, the component provider's Pulumi package schema, from the
 * contracts (provider/contracts/). With --check, writes nothing and exits 1, listing the differences, when the
 * committed schema is not what the contracts say.
 *
 * The SDK's analyzer reads the contracts of the components the provider serves (provider/construct) and the SDK's
 * generateSchema writes the schema. This then adds what the analyzer cannot know, each from one source:
 * - descriptions, from the TSDoc of the TypeScript the contracts stand for (schema-sources.ts);
 * - `integer` where a contract's `number` is a whole number (INTEGERS);
 * - `secret` on credentials (SECRETS);
 * - `default` where the library's default is a constant it exports (DEFAULTS);
 * - an enum for each one-value union, which a contract spells `string` (ONE_VALUE_ENUMS);
 * - the package's version, description and licence from provider/package.json, and each language's names (LANGUAGE).
 * It drops the analyzer's `optional` flags: the metaschema does not define them (it tolerates unknown keys in a
 * property, and Pulumi ignores them); requiredness is `required` and `requiredInputs`. It puts each enum's values in
 * the contract's order and sorts resources and types by token, so that the same contracts give the same file. Every table entry must match the schema, and every property must have
 * a description, or nothing is written and every problem is listed.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { Analyzer } from "@pulumi/pulumi/provider/experimental/analyzer";
import { generateSchema } from "@pulumi/pulumi/provider/experimental/schema";
import { BACKUP_DEFAULTS } from "../../components";
import { DEFAULT_DISK_PROTECTION, DOMAIN_WAIT_MINUTES, SQL_DEFAULT_PORT } from "../../components/internal";
import { SERVED } from "../../provider/construct";
import { DATA_ACCESS_AUTH_MODES } from "../../provider/contracts";
import type { PackageSchema } from "../../provider/inputs";
import { readSchemaSources, type SchemaSources } from "./schema-sources";

export const PACKAGE = "azure-persistent-vm";
export const SCHEMA_FILE = "provider/schema.json";
const TOKEN_PREFIX = `${PACKAGE}:index:`;
const ANY = "pulumi.json#/Any";

/**
 * Whole numbers the contracts spell `number` (TypeScript has no integer type): `Owner.field` for a component's input
 * or output or an object type's field, or an enum's name for its values. A `number` not listed here or in
 * REAL_NUMBERS fails the generator, so that a new one is decided, not left to chance.
 */
export const INTEGERS: readonly string[] = [
    "DataDisk.lun", "DataDisk.sizeGb", "DataDisk.iops", "DataDisk.throughputMBps", "OsDisk.sizeGb", "DiskUpload.sizeBytes",
    "ScaleSetDataDisk.lun", "ScaleSetDataDisk.sizeGb", "ScaleSetOsDisk.sizeGb",
    "SqlServer.dataDiskSizeGb", "SqlServer.logDiskSizeGb", "SqlServer.tempDbDiskSizeGb", "SqlServer.port",
    "SqlDiskSet.count", "SqlDiskSet.iops", "SqlDiskSet.throughputMBps",
    "SqlInstanceSettings.maxDop", "SqlInstanceSettings.minServerMemoryMb", "SqlInstanceSettings.maxServerMemoryMb", "SqlAssessmentSchedule.weeklyInterval",
    "DomainController.ntdsDiskSizeGb",
    "LinuxScaleSet.instanceCount", "WindowsScaleSet.instanceCount",
    "ScaleSetHealthProbe.port", "VmNetworkInboundRule.port",
    "BackupVault.retentionDays", "BackupVault.instantRestoreDays",
    "DomainJoin.waitTimeoutMinutes",
    "SizeFacts.maxDataDisks", "SizeFacts.vcpus", "SizeFacts.memoryGb",
    "ImageGeneration",
];

/** Numbers that may have a fraction. None yet. */
export const REAL_NUMBERS: readonly string[] = [];

/**
 * Credentials: a generated SDK wraps a secret input in a secret before it sends it, and marks a secret output secret.
 * A property whose name ends like a credential's (SECRET_NAME) and is not listed fails the generator.
 */
export const SECRETS: readonly string[] = [
    // Inputs.
    "WindowsVm.adminPassword", "SqlServerVm.adminPassword", "DomainController.adminPassword", "WindowsScaleSet.adminPassword",
    "DomainController.safeModePassword", "DomainJoin.password",
    "LinuxVm.customData", "LinuxScaleSet.customData",
    // Outputs.
    "WindowsVm.generatedAdminPassword", "SqlServerVm.generatedAdminPassword", "DomainController.generatedAdminPassword",
    "WindowsScaleSet.generatedAdminPassword", "LinuxVm.generatedPrivateKey", "LinuxScaleSet.generatedPrivateKey",
];
const SECRET_NAME = /(password|privatekey|customdata|secret)$/i;

/**
 * Schema defaults, on inputs. An SDK applies a schema default on the client, so the component receives it as if the
 * caller had set it: only a static default can be one, never one the component computes from other arguments (the OS
 * and data disks' SKU from the size, their caching from the SKU, the zones from the region, the image, the admin user
 * name of an OS that a VM built from an existing disk does not have). Each value is the library's own exported
 * constant, and each is applied unconditionally by the library (`args.x ?? CONSTANT`). Static defaults the library
 * writes inline (the SQL edition and licence type, a scale set's upgrade mode, a Bastion's SKU) stay out until it
 * exports them: a copy here could drift from the code.
 */
export const DEFAULTS: Readonly<Record<string, string | number | boolean>> = {
    "BackupVault.policyName": BACKUP_DEFAULTS.policyName,
    "BackupVault.scheduleTime": BACKUP_DEFAULTS.scheduleTime,
    "BackupVault.retentionDays": BACKUP_DEFAULTS.retentionDays,
    "BackupVault.instantRestoreDays": BACKUP_DEFAULTS.instantRestoreDays,
    "BackupVault.storageRedundancy": BACKUP_DEFAULTS.storageRedundancy,
    "BackupVault.publicNetworkAccess": BACKUP_DEFAULTS.publicNetworkAccess,
    "BackupVault.immutability": BACKUP_DEFAULTS.immutability,
    "LinuxVm.diskProtection": DEFAULT_DISK_PROTECTION,
    "WindowsVm.diskProtection": DEFAULT_DISK_PROTECTION,
    "SqlServerVm.diskProtection": DEFAULT_DISK_PROTECTION,
    "DomainController.diskProtection": DEFAULT_DISK_PROTECTION,
    "SqlServer.port": SQL_DEFAULT_PORT,
    "DomainJoin.waitTimeoutMinutes": DOMAIN_WAIT_MINUTES.default,
};

/**
 * One-value unions, which the analyzer rejects and the contracts spell `string` (provider/contracts/shared.ts): every
 * `string` property of that name becomes a reference to an enum of the values.
 */
export const ONE_VALUE_ENUMS: readonly { readonly field: string; readonly enumType: string; readonly values: readonly string[] }[] = [
    { field: "dataAccessAuthMode", enumType: "DataAccessAuthMode", values: DATA_ACCESS_AUTH_MODES },
];

/** `Owner.field` of properties allowed to be `pulumi.json#/Any` (untyped in every language). None. */
export const ANY_ALLOWED: readonly string[] = [];

/**
 * Each language's names, set to what Pulumi gives a package without a namespace (package-add's defaults), so that an
 * SDK has the same names however the package is added. Added from a git URL, the CLI sets the schema's namespace to
 * the repository's owner when the schema has none, which would rename everything (`<owner>_azure_persistent_vm`,
 * `com.<owner>.azurepersistentvm`); these per-language names win over it. The schema sets no namespace itself: the
 * package has no owner to name (and `pulumi` would claim Pulumi's). What still follows the owner is the folder the
 * CLI writes the SDK to (`sdks/<owner>-azure-persistent-vm`). Go's module path is Pulumi's placeholder for a package
 * without a repository: `pulumi package add` links it with a `replace` directive, so it is never fetched.
 */
export const LANGUAGE: Readonly<Record<string, Readonly<Record<string, string>>>> = {
    nodejs: { packageName: `@pulumi/${PACKAGE}` },
    python: { packageName: "pulumi_azure_persistent_vm" },
    go: { importBasePath: `example.com/pulumi-${PACKAGE}/sdk/go/azurepersistentvm` },
    csharp: { rootNamespace: "Pulumi" },
    java: { basePackage: "com.pulumi" },
};

const DISPLAY_NAME = "Azure Persistent VM";

type PrimitiveType = "string" | "number" | "integer" | "boolean" | "array" | "object";

export interface TypeSpec {
    type?: PrimitiveType;
    $ref?: string;
    items?: TypeSpec;
    additionalProperties?: TypeSpec;
    plain?: boolean;
    optional?: boolean;
}

export interface PropertySpec extends TypeSpec {
    description?: string;
    secret?: boolean;
    default?: string | number | boolean;
}

export interface EnumValue {
    name?: string;
    value: string | number;
    description?: string;
}

export interface ObjectTypeSpec {
    type: string;
    description?: string;
    properties?: Record<string, PropertySpec>;
    required?: string[];
    enum?: EnumValue[];
}

export interface ResourceSpec {
    type: string;
    description?: string;
    isComponent?: boolean;
    inputProperties?: Record<string, PropertySpec>;
    requiredInputs?: string[];
    properties?: Record<string, PropertySpec>;
    required?: string[];
}

export interface PackageSpec {
    name: string;
    displayName?: string;
    version: string;
    description?: string;
    keywords?: string[];
    license?: string;
    language?: Record<string, Record<string, unknown>>;
    resources: Record<string, ResourceSpec>;
    types: Record<string, ObjectTypeSpec>;
    dependencies?: unknown[];
}

/** The provider reads this schema at run time (provider/inputs.ts): what the generator writes must have that shape. */
export function asProviderSchema(schema: PackageSpec): PackageSchema {
    return schema;
}

/** One property of the schema: a component's input or output, or an object type's field. */
interface Slot {
    readonly at: string;
    readonly side: "input" | "output" | "field";
    readonly spec: PropertySpec;
}

function* slots(schema: PackageSpec): Generator<Slot> {
    for (const [token, resource] of Object.entries(schema.resources)) {
        const owner = token.slice(TOKEN_PREFIX.length);
        for (const [field, spec] of Object.entries(resource.inputProperties ?? {})) {
            yield { at: `${owner}.${field}`, side: "input", spec };
        }
        for (const [field, spec] of Object.entries(resource.properties ?? {})) {
            yield { at: `${owner}.${field}`, side: "output", spec };
        }
    }
    for (const [token, type] of Object.entries(schema.types)) {
        for (const [field, spec] of Object.entries(type.properties ?? {})) {
            yield { at: `${token.slice(TOKEN_PREFIX.length)}.${field}`, side: "field", spec };
        }
    }
}

/** A type spec and every type nested in it (array items, map values). */
function* nested(spec: TypeSpec): Generator<TypeSpec> {
    yield spec;
    if (spec.items !== undefined) {
        yield* nested(spec.items);
    }
    if (spec.additionalProperties !== undefined) {
        yield* nested(spec.additionalProperties);
    }
}

function readJson<T>(file: string): T {
    return JSON.parse(fs.readFileSync(file, "utf8")) as T;
}

/** The component names the provider serves, from provider/construct's tokens. */
export function servedComponents(): string[] {
    return SERVED.map((served) => {
        if (!served.token.startsWith(TOKEN_PREFIX)) {
            throw new Error(`provider/construct serves ${served.token}, which is not a ${TOKEN_PREFIX}<Class> token`);
        }
        return served.token.slice(TOKEN_PREFIX.length);
    });
}

/** The schema the contracts say, or an Error listing every problem. */
export function buildSchema(repo: string): PackageSpec {
    const { schema, problems } = generate(repo);
    if (problems.length > 0) {
        throw new Error(`${SCHEMA_FILE} cannot be generated:\n${problems.map((p) => `- ${p}`).join("\n")}`);
    }
    return schema;
}

/** The schema the contracts say, with the problems that keep it from being written. */
export function generate(repo: string): { schema: PackageSpec; problems: string[] } {
    const components = servedComponents();
    const manifest = readJson<{ version: string; description: string; license: string }>(path.join(repo, "provider", "package.json"));
    const keywords = readJson<{ keywords?: string[] }>(path.join(repo, "package.json")).keywords;
    const analyzed = new Analyzer(path.join(repo, "provider"), PACKAGE, { name: PACKAGE, main: "contracts/index.js" }, new Set(components)).analyze();
    const generated = generateSchema(PACKAGE, manifest.version, manifest.description, analyzed.components, analyzed.typeDefinitions, analyzed.dependencies);
    // A plain copy, detached from the analyzer's objects, which the steps below change in place.
    const schema = JSON.parse(JSON.stringify(generated)) as PackageSpec;
    const sources = readSchemaSources(repo, components);
    const problems = [
        ...dropOptional(schema),
        ...oneValueEnums(schema),
        ...integers(schema),
        ...secrets(schema),
        ...defaults(schema),
        ...descriptions(schema, sources),
        ...enumOrder(schema, sources),
        ...anyTyped(schema),
    ];
    const complete = canonical({
        ...schema,
        displayName: DISPLAY_NAME,
        license: manifest.license,
        ...(keywords === undefined ? {} : { keywords }),
        language: languages(schema.language),
        dependencies: schema.dependencies?.length === 0 ? undefined : schema.dependencies,
    });
    return { schema: complete, problems };
}

/** The analyzer's language settings with LANGUAGE's names, languages and settings sorted. */
function languages(generated: PackageSpec["language"]): Record<string, Record<string, unknown>> {
    return Object.fromEntries(Object.keys(LANGUAGE).sort().map((language) => [language, ordered({ ...generated?.[language], ...LANGUAGE[language] }, [])]));
}

function dropOptional(schema: PackageSpec): string[] {
    for (const slot of slots(schema)) {
        for (const spec of nested(slot.spec)) {
            delete spec.optional;
        }
    }
    return [];
}

function oneValueEnums(schema: PackageSpec): string[] {
    const problems: string[] = [];
    for (const { field, enumType, values } of ONE_VALUE_ENUMS) {
        const found = [...slots(schema)].filter((slot) => slot.at.endsWith(`.${field}`) && slot.spec.type === "string");
        if (found.length === 0) {
            problems.push(`ONE_VALUE_ENUMS: no string property is named ${field}`);
        }
        for (const { spec } of found) {
            delete spec.type;
            spec.$ref = `#/types/${TOKEN_PREFIX}${enumType}`;
        }
        schema.types[`${TOKEN_PREFIX}${enumType}`] = { type: "string", enum: values.map((value) => ({ name: value, value })) };
    }
    return problems;
}

function integers(schema: PackageSpec): string[] {
    const problems: string[] = [];
    for (const entry of INTEGERS) {
        const enumType = schema.types[`${TOKEN_PREFIX}${entry}`];
        const found = enumType !== undefined ? [enumType] : [...slots(schema)].filter((slot) => slot.at === entry).flatMap((slot) => [...nested(slot.spec)]);
        const numbers = found.filter((spec) => spec.type === "number");
        if (numbers.length === 0) {
            problems.push(`INTEGERS: ${entry} is not a number in the schema`);
        }
        numbers.forEach((spec) => (spec.type = "integer"));
    }
    for (const slot of slots(schema)) {
        if ([...nested(slot.spec)].some((spec) => spec.type === "number") && !REAL_NUMBERS.includes(slot.at)) {
            problems.push(`${slot.at} is a number: add it to INTEGERS if it is a whole number, or to REAL_NUMBERS`);
        }
    }
    for (const [token, type] of Object.entries(schema.types)) {
        if (type.type === "number" && !REAL_NUMBERS.includes(token.slice(TOKEN_PREFIX.length))) {
            problems.push(`the enum ${token} has number values: add it to INTEGERS if they are whole numbers, or to REAL_NUMBERS`);
        }
    }
    return problems;
}

function secrets(schema: PackageSpec): string[] {
    const problems: string[] = [];
    for (const entry of SECRETS) {
        const found = [...slots(schema)].filter((slot) => slot.at === entry);
        if (found.length === 0) {
            problems.push(`SECRETS: ${entry} is not in the schema`);
        }
        found.forEach(({ spec }) => (spec.secret = true));
    }
    for (const slot of slots(schema)) {
        if (SECRET_NAME.test(slot.at) && slot.spec.secret !== true) {
            problems.push(`${slot.at} looks like a credential but is not secret: add it to SECRETS`);
        }
    }
    return problems;
}

function defaults(schema: PackageSpec): string[] {
    const problems: string[] = [];
    for (const [entry, value] of Object.entries(DEFAULTS)) {
        const found = [...slots(schema)].filter((slot) => slot.at === entry && slot.side !== "output");
        if (found.length === 0) {
            problems.push(`DEFAULTS: ${entry} is not an input in the schema`);
        }
        for (const { spec } of found) {
            // An enum's default must be one of its values; any other, of the property's type.
            const values = spec.$ref === undefined ? undefined : schema.types[spec.$ref.replace("#/types/", "")]?.enum?.map((v) => v.value);
            const type = spec.type === "integer" ? "number" : spec.type;
            const fits = values !== undefined ? values.some((v) => v === value) : typeof value === type && (spec.type !== "integer" || Number.isInteger(value));
            if (!fits) {
                problems.push(`DEFAULTS: ${JSON.stringify(value)} is not a value of ${entry}`);
            }
            spec.default = value;
        }
    }
    return problems;
}

function descriptions(schema: PackageSpec, sources: SchemaSources): string[] {
    const problems: string[] = [];
    for (const [token, resource] of Object.entries(schema.resources)) {
        resource.description = sources.types.get(token.slice(TOKEN_PREFIX.length));
        if (resource.description === undefined) {
            problems.push(`${token} has no description: give the TypeScript class TSDoc`);
        }
    }
    for (const [token, type] of Object.entries(schema.types)) {
        const name = token.slice(TOKEN_PREFIX.length);
        type.description = type.enum === undefined ? sources.types.get(name) : sources.enumDescription(name);
    }
    for (const slot of slots(schema)) {
        slot.spec.description = (slot.side === "output" ? sources.outputs : sources.inputs).get(slot.at);
        if (slot.spec.description === undefined) {
            problems.push(`${slot.at} (${slot.side}) has no description: give the TypeScript field TSDoc, or the contract's field if it is a substitute`);
        }
    }
    return problems;
}

/** The analyzer lists an enum's values in the compiler's internal order, which changes with unrelated code. */
function enumOrder(schema: PackageSpec, sources: SchemaSources): string[] {
    const problems: string[] = [];
    for (const [token, type] of Object.entries(schema.types)) {
        const order = type.enum === undefined ? undefined : sources.enumOrder(token.slice(TOKEN_PREFIX.length));
        if (type.enum === undefined || order === undefined) {
            continue;
        }
        const sorted = order.map((value) => type.enum?.find((v) => v.value === value)).filter((v): v is EnumValue => v !== undefined);
        if (sorted.length !== type.enum.length) {
            problems.push(`${token}: the schema's values ${JSON.stringify(type.enum.map((v) => v.value))} are not the contract's ${JSON.stringify(order)}`);
        }
        type.enum = sorted;
    }
    return problems;
}

function anyTyped(schema: PackageSpec): string[] {
    return [...slots(schema)]
        .filter((slot) => [...nested(slot.spec)].some((spec) => spec.$ref === ANY) && !ANY_ALLOWED.includes(slot.at))
        .map((slot) => `${slot.at} is untyped (${ANY}): type it in the contract, or add it to ANY_ALLOWED with the reason`);
}

/** `value`'s keys in the given order first, then the rest alphabetically; undefined values dropped. */
function ordered<T extends object>(value: T, order: readonly string[]): T {
    const keys = Object.keys(value).filter((key) => Reflect.get(value, key) !== undefined);
    const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
    return Object.fromEntries(keys.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b)).map((key) => [key, Reflect.get(value, key)])) as T;
}

function byKey<T>(map: Record<string, T>, each: (value: T) => T): Record<string, T> {
    return Object.fromEntries(Object.keys(map).sort().map((key) => [key, each(map[key] as T)]));
}

/** Properties keep the contract's order, which is the source's and so stable. */
function inOrder<T>(map: Record<string, T> | undefined, each: (value: T) => T): Record<string, T> | undefined {
    return map === undefined ? undefined : Object.fromEntries(Object.entries(map).map(([key, value]) => [key, each(value)]));
}

function canonicalType(spec: TypeSpec): TypeSpec {
    return ordered({
        ...spec,
        items: spec.items === undefined ? undefined : canonicalType(spec.items),
        additionalProperties: spec.additionalProperties === undefined ? undefined : canonicalType(spec.additionalProperties),
    }, ["description", "type", "$ref", "items", "additionalProperties", "plain", "secret", "default"]);
}

function canonical(schema: PackageSpec): PackageSpec {
    const resources = byKey(schema.resources, (r) => ordered({
        ...r,
        inputProperties: inOrder(r.inputProperties, canonicalType),
        properties: inOrder(r.properties, canonicalType),
    }, ["description", "type", "isComponent", "inputProperties", "requiredInputs", "properties", "required"]));
    const types = byKey(schema.types, (t) => ordered({
        ...t,
        properties: inOrder(t.properties, canonicalType),
        enum: t.enum?.map((v) => ordered(v, ["name", "value", "description"])),
    }, ["description", "type", "properties", "required", "enum"]));
    return ordered({ ...schema, resources, types }, [
        "name", "displayName", "version", "description", "keywords", "license", "language", "resources", "types",
    ]);
}

/** The file's text: 2-space JSON and a trailing newline. */
export function renderSchema(schema: PackageSpec): string {
    return `${JSON.stringify(schema, null, 2)}\n`;
}

/** Where two schemas differ, as JSON pointers with the values (shortened), `[]` when they are the same. */
export function schemaDifferences(committed: unknown, generated: unknown, at = ""): string[] {
    const show = (value: unknown) => {
        const text = JSON.stringify(value) ?? "undefined";
        return text.length > 80 ? `${text.slice(0, 77)}...` : text;
    };
    const isMap = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
    if (isMap(committed) && isMap(generated)) {
        const keys = [...new Set([...Object.keys(committed), ...Object.keys(generated)])];
        return keys.flatMap((key) => {
            const pointer = `${at}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`;
            if (!(key in generated)) {
                return [`removed ${pointer}`];
            }
            return key in committed ? schemaDifferences(committed[key], generated[key], pointer) : [`added ${pointer}: ${show(generated[key])}`];
        });
    }
    return JSON.stringify(committed) === JSON.stringify(generated) ? [] : [`changed ${at === "" ? "/" : at}: ${show(committed)} -> ${show(generated)}`];
}

if (require.main === module) {
    const repo = path.resolve(__dirname, "..", "..");
    const file = path.join(repo, SCHEMA_FILE);
    try {
        const schema = buildSchema(repo);
        const text = renderSchema(schema);
        const components = Object.keys(schema.resources).map((token) => token.slice(TOKEN_PREFIX.length)).join(", ");
        if (process.argv.includes("--check")) {
            const committed = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
            if (committed !== text) {
                const differences = committed === "" ? ["the file is missing"] : schemaDifferences(JSON.parse(committed), schema);
                const shown = differences.length === 0 ? ["the same schema, formatted otherwise (2-space JSON with a trailing newline)"] : differences.slice(0, 30);
                const more = differences.length > shown.length ? [`... and ${differences.length - shown.length} more`] : [];
                process.stderr.write(`${SCHEMA_FILE} is not what the contracts say (${differences.length} differences); run npm run schema\n${[...shown, ...more].map((d) => `  ${d}\n`).join("")}`);
                process.exitCode = 1;
            } else {
                process.stdout.write(`${SCHEMA_FILE} is up to date: ${components}\n`);
            }
        } else {
            fs.writeFileSync(file, text);
            process.stdout.write(`wrote ${SCHEMA_FILE}: ${components}\n`);
        }
    } catch (error) {
        process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 1;
    }
}
