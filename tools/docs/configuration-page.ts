/**
 * docs/configuration.md, generated from the stack's zod schema (stack/config.ts): every key of `Pulumi.<stack>.yaml`,
 * its type, whether it is required, its default, and its meaning. A key that feeds a component argument takes its
 * meaning, type and default from that argument's TSDoc (the schema's `.meta({ argsOf })` names the interface), so the
 * two pages never disagree; a key of the stack's own says it with `.describe()`.
 */
import { cell } from "./components-page";
import type { DocumentedProperty, PublicApi } from "./tsdoc";

/** What the walker reads of a zod 4 schema: its kind and parts (`_zod.def`) and its metadata. */
interface SchemaNode {
    readonly _zod: { readonly def: Readonly<Record<string, unknown>> & { readonly type: string } };
    meta?: () => Readonly<Record<string, unknown>> | undefined;
    readonly description?: string;
}

function isNode(value: unknown): value is SchemaNode {
    return value !== null && typeof value === "object" && "_zod" in value;
}

function child(node: SchemaNode, key: string): SchemaNode | undefined {
    const value = node._zod.def[key];
    return isNode(value) ? value : undefined;
}

function metaOf(node: SchemaNode): Readonly<Record<string, unknown>> {
    return { ...(node.meta?.() ?? {}), ...(node.description !== undefined ? { description: node.description } : {}) };
}

interface Unwrapped {
    readonly node: SchemaNode;
    readonly optional: boolean;
    readonly defaultValue: unknown;
    /** Metadata of every layer, outermost last (so it wins). */
    readonly meta: Readonly<Record<string, unknown>>;
}

/** Strips optional, default and the pipes the schema uses for preprocessing and component rules. */
function unwrap(node: SchemaNode): Unwrapped {
    let current = node;
    let optional = false;
    let defaultValue: unknown = undefined;
    let meta: Record<string, unknown> = {};
    for (;;) {
        meta = { ...metaOf(current), ...meta };
        const kind = current._zod.def.type;
        if (kind === "optional" || kind === "default") {
            optional = true;
            defaultValue = kind === "default" ? current._zod.def["defaultValue"] : defaultValue;
            current = child(current, "innerType") ?? current;
        } else if (kind === "pipe") {
            // preprocess: transform -> schema; a component rule: string -> custom.
            const input = child(current, "in");
            const output = child(current, "out");
            current = (input?._zod.def.type === "transform" ? output : input) ?? current;
        } else {
            return { node: current, optional, defaultValue, meta };
        }
    }
}

function typeOf(node: SchemaNode): string {
    const def = node._zod.def;
    switch (def.type) {
        case "string": return "string";
        case "boolean": return "boolean";
        case "number": {
            const checks = Array.isArray(def["checks"]) ? def["checks"] : [];
            const integer = checks.some((c: unknown) => isNode(c) && c._zod.def["format"] === "safeint");
            return integer ? "integer" : "number";
        }
        case "enum": return Object.values(def["entries"] as Record<string, string>).map((v) => JSON.stringify(v)).join(" | ");
        case "literal": return (def["values"] as unknown[]).map((v) => JSON.stringify(v)).join(" | ");
        case "union": return (def["options"] as SchemaNode[]).map((o) => typeOf(unwrap(o).node)).join(" | ");
        case "record": return "map of strings";
        case "object": return "object";
        case "array": {
            const element = child(node, "element");
            return element === undefined ? "list" : `list of ${typeOf(unwrap(element).node)}`;
        }
        default: return def.type;
    }
}

interface Row {
    readonly key: string;
    readonly type: string;
    readonly required: boolean;
    readonly defaultText: string;
    readonly meaning: string;
}

/** The documented argument a config key feeds, from the interfaces its object names in `argsOf`. */
function argumentOf(api: PublicApi, argsOf: unknown, key: string): DocumentedProperty | undefined {
    const names = Array.isArray(argsOf) ? argsOf : typeof argsOf === "string" ? [argsOf] : [];
    for (const name of names) {
        const found = api.interfaces.get(String(name))?.properties.find((p) => p.name === key);
        if (found !== undefined) {
            return found;
        }
    }
    return undefined;
}

function rows(api: PublicApi, prefix: string, node: SchemaNode, argsOf: unknown): Row[] {
    const shape = node._zod.def["shape"];
    if (shape === null || typeof shape !== "object") {
        return [];
    }
    const found: Row[] = [];
    for (const [name, value] of Object.entries(shape)) {
        if (!isNode(value)) {
            continue;
        }
        const field = unwrap(value);
        const key = typeof field.meta["configKey"] === "string" ? field.meta["configKey"] : name;
        const path = `${prefix}${key}`;
        const own = typeof field.meta["description"] === "string" ? field.meta["description"] : undefined;
        // A key with a meaning of its own (`.describe()`) is the stack's, whatever argument it feeds.
        const argument = own === undefined ? argumentOf(api, argsOf, name) : undefined;
        const kind = field.node._zod.def.type;
        // Enum values a component rule checks are the argument's own type (`"1" | "2" | "3"`); the schema only says string.
        const schemaType = typeof field.meta["type"] === "string" ? field.meta["type"] : typeOf(field.node);
        const type = argument !== undefined && schemaType === "string" && argument.type.includes("\"") ? argument.type : schemaType;
        const defaultText = typeof field.meta["defaultText"] === "string" ? field.meta["defaultText"]
            : field.defaultValue !== undefined ? JSON.stringify(field.defaultValue) : argument?.defaultText ?? "";
        const required = !field.optional && field.meta["optional"] !== true;
        found.push({ key: `\`${path}\``, type, required, defaultText, meaning: own ?? argument?.summary ?? "" });
        if (kind === "object") {
            found.push(...rows(api, `${path}.`, field.node, field.meta["argsOf"]));
        }
        const element = kind === "array" ? child(field.node, "element") : undefined;
        if (element !== undefined && unwrap(element).node._zod.def.type === "object") {
            const item = unwrap(element);
            found.push(...rows(api, `${path}[].`, item.node, item.meta["argsOf"]));
        }
    }
    return found;
}

export function configurationPage(schema: unknown, api: PublicApi, namespace: string): string {
    if (!isNode(schema)) {
        throw new Error("the stack config schema is not a zod schema");
    }
    const table = rows(api, "", schema, undefined).map((r) =>
        `| ${r.key} | ${cell(r.type)} | ${r.required ? "yes" : ""} | ${cell(r.defaultText)} | ${cell(r.meaning)} |`);
    return [
        "# Stack configuration",
        "",
        "Generated by `npm run docs` from the stack's config schema (`stack/config.ts`) and, for every key that feeds a",
        "component argument, that argument's TSDoc (see [the component reference](reference/components.md)); do not edit",
        "it by hand. A test fails when this page and the code disagree.",
        "",
        `Every key is under the project's namespace, \`${namespace}:\` (\`${namespace}:vms\` in \`Pulumi.<stack>.yaml\`; keys`,
        "without a namespace in that file belong to it). The stack also reads `azure-native:location`, the region of every",
        "resource. `npm run plan` and `pulumi preview` check the whole config before anything is declared and list every",
        "problem at once, each named by its key; a value a component's rule refuses gets that component's own message.",
        "",
        "| key | type | required | default | meaning |",
        "| --- | --- | --- | --- | --- |",
        ...table,
        "",
    ].join("\n");
}
