/**
 * What the examples in other languages (examples/multi-language/) may call things: the names Pulumi's code generators
 * give the package's schema (provider/schema.json), and two checkers that read the YAML and the Python example and
 * report every type, property and output name the schema does not have.
 *
 * The names follow the generators in pulumi/pulumi (pkg/codegen/python, pkg/codegen/go), pulumi-dotnet and
 * pulumi-java as they read the schema; the Python property names are ported from `PyName`
 * (pkg/codegen/python/python.go), the rest are the few rules the package name goes through.
 */
import type { Node, Parser } from "web-tree-sitter";

/** The parts of a Pulumi package schema the checkers read. */
export interface PropertySpec {
    readonly type?: string;
    readonly $ref?: string;
    readonly items?: PropertySpec;
    readonly additionalProperties?: PropertySpec;
}

export interface ObjectSpec {
    readonly properties?: Readonly<Record<string, PropertySpec>>;
    readonly required?: readonly string[];
    readonly enum?: readonly unknown[];
}

export interface ResourceSpec {
    readonly inputProperties?: Readonly<Record<string, PropertySpec>>;
    readonly requiredInputs?: readonly string[];
    readonly properties?: Readonly<Record<string, PropertySpec>>;
}

export interface PackageSchema {
    readonly name: string;
    readonly namespace?: string;
    readonly repository?: string;
    readonly version?: string;
    readonly language?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
    readonly resources: Readonly<Record<string, ResourceSpec>>;
    readonly types?: Readonly<Record<string, ObjectSpec>>;
}

const TYPE_REF = "#/types/";

// ---------------------------------------------------------------------------------------------------------------
// Names

/** Names `PyName` keeps in their old spelling, for SDKs that shipped with it (pkg/codegen/python/python.go). */
const PY_LEGACY_NAMES = new Set(["openXJsonSerDe", "GetPublicIPs", "GetUptimeCheckIPs"]);

/** Python's reserved words, to which `PyName` appends `_` (`EnsureKeywordSafe`). */
const PY_KEYWORDS = new Set([
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else",
    "except", "exec", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass",
    "print", "raise", "return", "try", "while", "with", "yield",
]);

const isUpper = (c: string): boolean => c !== c.toLowerCase() && c === c.toUpperCase();
const isDigit = (c: string): boolean => c >= "0" && c <= "9";

/**
 * A schema name in Python (`sizeGb` -> `size_gb`), as the Python generator names properties, arguments and outputs:
 * `PyName`'s state machine. An acronym stays one word (`podCIDR` -> `pod_cidr`), a digit or an `s` after it joins it
 * (`SHA256Hash` -> `sha256_hash`, `podIPs` -> `pod_ips`), and a reserved word gets a trailing `_`. Only identifier
 * characters are expected: the schema's names are camelCase.
 */
export function pyName(name: string): string {
    const legacy = PY_LEGACY_NAMES.has(name);
    const words: string[] = [];
    let current = "";
    let state: "first" | "upper" | "acronym" | "lowerOrNumber" = "first";
    for (const char of name) {
        const c = /[\p{L}\p{N}_]/u.test(char) ? char : "_";
        switch (state) {
            case "first":
                current += /[\p{L}_]/u.test(c) ? "" : "_";
                current += isUpper(c) ? c.toLowerCase() : c;
                state = isUpper(c) ? "upper" : "lowerOrNumber";
                break;
            case "upper":
                current += isUpper(c) ? c.toLowerCase() : c;
                state = isUpper(c) ? "acronym" : "lowerOrNumber";
                break;
            case "acronym":
                if (isUpper(c)) {
                    current += c.toLowerCase();
                } else if (isDigit(c) || (c === "s" && !legacy)) {
                    current += c;
                    state = "lowerOrNumber";
                } else {
                    // The acronym's last capital starts the next word: "ASGIds" -> "asg", "ids".
                    const last = current.slice(-1);
                    words.push(current.slice(0, -1));
                    current = last + c;
                    state = "lowerOrNumber";
                }
                break;
            case "lowerOrNumber":
                if (isUpper(c)) {
                    words.push(current);
                    current = c.toLowerCase();
                    state = "upper";
                } else {
                    current += c;
                }
                break;
        }
    }
    if (current !== "") {
        words.push(current);
    }
    const result = words.filter((w) => w !== "").join("_");
    return PY_KEYWORDS.has(result) ? `${result}_` : result;
}

/** A resource constructor's keyword argument: `pyName`, but `resource_name` and `opts` get a `_` (`InitParamName`). */
export function pyInitParamName(name: string): string {
    const result = pyName(name);
    return result === "resource_name" || result === "opts" ? `${result}_` : result;
}

/** The Python module the SDK is imported as: `language.python.packageName`, else `pulumi_` + the name (`PyPack`). */
export function pythonModule(schema: PackageSchema): string {
    const configured = schema.language?.["python"]?.["packageName"];
    if (typeof configured === "string" && configured !== "") {
        return configured;
    }
    return `${(schema.namespace ?? "pulumi").replace(/-/g, "_")}_${schema.name.replace(/-/g, "_")}`;
}

/**
 * The Go import path of the SDK's package, as `pulumi package add` generates it: `language.go.importBasePath`, else
 * the module path (`example.com/pulumi-<name>`, or the schema's `repository`, or `github.com/<namespace>/pulumi-<name>`,
 * then `/sdk/go` and `/vN` from version 2) and the package name without hyphens (`ExtractImportBasePath`).
 */
export function goImportPath(schema: PackageSchema): string {
    const configured = schema.language?.["go"]?.["importBasePath"];
    if (typeof configured === "string" && configured !== "") {
        return configured;
    }
    let root = schema.namespace !== undefined ? `github.com/${schema.namespace}/pulumi-${schema.name}` : `example.com/pulumi-${schema.name}`;
    if (schema.repository !== undefined) {
        const url = new URL(schema.repository);
        root = `${url.host}${url.pathname}`;
    }
    const major = Number((schema.version ?? "0").replace(/^v/, "").split(".")[0]);
    return `${root}/sdk/go${major > 1 ? `/v${major}` : ""}/${schema.name.replace(/-/g, "")}`;
}

/** The Go module the `replace` directive points at the SDK: `language.go.modulePath`, else the import path's folder. */
export function goModulePath(schema: PackageSchema): string {
    const configured = schema.language?.["go"]?.["modulePath"];
    const importPath = goImportPath(schema);
    return typeof configured === "string" && configured !== "" ? configured : importPath.slice(0, importPath.lastIndexOf("/"));
}

/** The C# namespace: `language.csharp.rootNamespace` (else `Pulumi`), then each hyphenated part capitalized. */
export function csharpNamespace(schema: PackageSchema): string {
    const root = schema.language?.["csharp"]?.["rootNamespace"];
    const name = schema.name.split("-").map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join("");
    return `${typeof root === "string" && root !== "" ? root : "Pulumi"}.${name}`;
}

/** The Java package: `language.java.basePackage` (else `com.pulumi`), then the name without hyphens. */
export function javaPackage(schema: PackageSchema): string {
    const base = schema.language?.["java"]?.["basePackage"];
    return `${typeof base === "string" && base !== "" ? base : "com.pulumi"}.${schema.name.replace(/-/g, "")}`;
}

/** A type token with its module: Pulumi YAML reads `pkg:Member` as `pkg:index:Member`. */
export function fullToken(token: string): string {
    const parts = token.split(":");
    return parts.length === 2 ? `${parts[0]}:index:${parts[1]}` : token;
}

// ---------------------------------------------------------------------------------------------------------------
// The schema, seen from an example

class SchemaView {
    constructor(readonly schema: PackageSchema) {}

    /** The object or enum type a `$ref` names, with its token, or undefined for a primitive or an unknown ref. */
    typeOf(spec: PropertySpec | undefined): { token: string; spec: ObjectSpec } | undefined {
        const ref = spec?.$ref;
        if (ref === undefined || !ref.startsWith(TYPE_REF)) {
            return undefined;
        }
        const token = ref.slice(TYPE_REF.length);
        const found = this.schema.types?.[token];
        return found === undefined ? undefined : { token, spec: found };
    }

    /** Resource tokens by class name, for the package's resources (`LinuxVm` -> `azure-persistent-vm:index:LinuxVm`). */
    resourceByClass(): Map<string, string> {
        return new Map(Object.keys(this.schema.resources).map((token) => [token.slice(token.lastIndexOf(":") + 1), token]));
    }

    /** Object and enum type tokens by class name. */
    typeByClass(): Map<string, string> {
        return new Map(Object.keys(this.schema.types ?? {}).map((token) => [token.slice(token.lastIndexOf(":") + 1), token]));
    }
}

// ---------------------------------------------------------------------------------------------------------------
// YAML

/** One `${...}` reference: its root name and the path after it (`net.applicationSecurityGroupIds.linux`). */
interface Reference {
    readonly root: string;
    readonly path: readonly (string | number)[];
    readonly text: string;
}

/** The `${...}` references in a string, each parsed into a root and a path of `.name`, `[0]` and `["key"]`. */
export function references(text: string): Reference[] {
    const found: Reference[] = [];
    for (const match of text.matchAll(/\$\{([^}]+)\}/g)) {
        const expression = (match[1] ?? "").trim();
        const root = /^[A-Za-z_][\w-]*/.exec(expression)?.[0] ?? "";
        const path: (string | number)[] = [];
        for (const step of expression.slice(root.length).matchAll(/\.([A-Za-z_]\w*)|\[(\d+)\]|\["([^"]*)"\]/g)) {
            path.push(step[1] ?? (step[2] !== undefined ? Number(step[2]) : (step[3] ?? "")));
        }
        found.push({ root, path, text: match[0] });
    }
    return found;
}

/**
 * Problems with the names a Pulumi YAML program uses from the package: resource types, property names at every
 * level (objects by their schema type, lists by their items), required inputs, and outputs read through `${...}`,
 * nested ones included. `${name}` must be a config key, a variable or a resource of the program.
 */
export function yamlProblems(schema: PackageSchema, program: unknown, file: string): string[] {
    const view = new SchemaView(schema);
    const problems: string[] = [];
    const doc = isRecord(program) ? program : {};
    const resources = isRecord(doc["resources"]) ? doc["resources"] : {};
    const known = new Set([...Object.keys(isRecord(doc["config"]) ? doc["config"] : {}), ...Object.keys(isRecord(doc["variables"]) ? doc["variables"] : {})]);
    const resourceTypes = new Map<string, string>();
    const prefix = `${schema.name}:`;

    for (const [name, resource] of Object.entries(resources)) {
        known.add(name);
        const type = isRecord(resource) && typeof resource["type"] === "string" ? resource["type"] : "";
        if (!type.startsWith(prefix)) {
            continue;
        }
        const token = fullToken(type);
        const spec = schema.resources[token];
        if (spec === undefined) {
            problems.push(`${file}: resources.${name}.type: ${type} is not a resource of ${schema.name} (${token} is not in the schema)`);
            continue;
        }
        resourceTypes.set(name, token);
        const properties = isRecord(resource) && isRecord(resource["properties"]) ? resource["properties"] : {};
        checkYamlObject(view, properties, spec.inputProperties ?? {}, spec.requiredInputs ?? [], token, `${file}: resources.${name}.properties`, problems);
    }

    const visit = (value: unknown, where: string): void => {
        if (typeof value === "string") {
            for (const ref of references(value)) {
                problems.push(...referenceProblems(view, ref, resourceTypes, known, where));
            }
        } else if (Array.isArray(value)) {
            value.forEach((item, i) => visit(item, `${where}[${i}]`));
        } else if (isRecord(value)) {
            Object.entries(value).forEach(([key, item]) => visit(item, `${where}.${key}`));
        }
    };
    for (const section of ["resources", "variables", "outputs"]) {
        visit(doc[section], `${file}: ${section}`);
    }
    return problems;
}

function checkYamlObject(
    view: SchemaView, value: Readonly<Record<string, unknown>>, properties: Readonly<Record<string, PropertySpec>>,
    required: readonly string[], token: string, where: string, problems: string[],
): void {
    for (const [key, item] of Object.entries(value)) {
        const spec = properties[key];
        if (spec === undefined) {
            problems.push(`${where}.${key}: ${token} has no input ${key}`);
        } else {
            checkYamlValue(view, item, spec, `${where}.${key}`, problems);
        }
    }
    for (const key of required.filter((k) => !(k in value))) {
        problems.push(`${where}: ${token} requires ${key}`);
    }
}

function checkYamlValue(view: SchemaView, value: unknown, spec: PropertySpec, where: string, problems: string[]): void {
    if (typeof value === "string" && /^\$\{[^}]*\}$/.test(value.trim())) {
        return; // An expression: its value is typed at run time; its reference is checked on its own.
    }
    const object = view.typeOf(spec);
    if (object !== undefined && object.spec.enum === undefined && isRecord(value)) {
        checkYamlObject(view, value, object.spec.properties ?? {}, object.spec.required ?? [], object.token, where, problems);
    } else if (spec.items !== undefined && Array.isArray(value)) {
        const items = spec.items;
        value.forEach((item, i) => checkYamlValue(view, item, items, `${where}[${i}]`, problems));
    } else if (spec.additionalProperties !== undefined && isRecord(value)) {
        const values = spec.additionalProperties;
        Object.entries(value).forEach(([key, item]) => checkYamlValue(view, item, values, `${where}.${key}`, problems));
    }
}

function referenceProblems(view: SchemaView, ref: Reference, resourceTypes: ReadonlyMap<string, string>, known: ReadonlySet<string>, where: string): string[] {
    const token = resourceTypes.get(ref.root);
    if (token === undefined) {
        return known.has(ref.root) ? [] : [`${where}: ${ref.text}: ${ref.root} is neither a config key, a variable nor a resource of the program`];
    }
    const [output, ...rest] = ref.path;
    if (output === undefined || output === "urn") {
        return [];
    }
    const outputs = view.schema.resources[token]?.properties ?? {};
    const spec = typeof output === "string" ? outputs[output] : undefined;
    if (spec === undefined) {
        return [`${where}: ${ref.text}: ${token} has no output ${String(output)}`];
    }
    return pathProblems(view, spec, rest, `${where}: ${ref.text}`, (name, owner) => `${owner} has no property ${name}`);
}

/** Problems with a path into an output value: `.name` into object types, `[0]` into lists, any key into maps. */
function pathProblems(view: SchemaView, spec: PropertySpec, path: readonly (string | number)[], where: string, missing: (name: string, owner: string) => string): string[] {
    let current: PropertySpec | undefined = spec;
    for (const step of path) {
        if (current === undefined) {
            return [];
        }
        const object = view.typeOf(current);
        if (typeof step === "number") {
            current = current.items;
        } else if (object !== undefined && object.spec.properties !== undefined) {
            const next: PropertySpec | undefined = object.spec.properties[step];
            if (next === undefined) {
                return [`${where}: ${missing(step, object.token)}`];
            }
            current = next;
        } else {
            current = current.additionalProperties;
        }
    }
    return [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

// ---------------------------------------------------------------------------------------------------------------
// Python

/** Methods and attributes of a Python `Output` that are not the value's own properties. */
const PY_OUTPUT_MEMBERS = new Set(["apply", "get", "future", "is_known", "is_secret", "resources"]);

function stringValue(node: Node): string | undefined {
    return node.type === "string" ? node.namedChildren.filter((c) => c.type === "string_content").map((c) => c.text).join("") : undefined;
}

function line(node: Node): number {
    return node.startPosition.row + 1;
}

/**
 * Problems with the names a Python program uses from the package's SDK, read with a Python grammar: the module it
 * imports; each class it uses from it (a resource, or an object type's `<Type>Args`); each keyword argument of those
 * classes, at every level (lists by their items, dictionaries by their keys, `<Type>Args(...)` by its type); the
 * outputs it reads from the resources it assigns to a name, and the properties of an output's object type read in
 * `.apply(lambda x: x.prop)` or as an attribute of the output.
 */
export function pythonProblems(schema: PackageSchema, parser: Parser, source: string, file: string): string[] {
    const view = new SchemaView(schema);
    const tree = parser.parse(source);
    if (tree === null) {
        return [`${file}: the grammar did not parse it`];
    }
    const root = tree.rootNode;
    const problems: string[] = [];
    if (root.hasError) {
        const first = (node: Node): Node | undefined => node.type === "ERROR" || node.isMissing ? node : node.children.map(first).find((n) => n !== undefined);
        return [`${file}:${line(first(root) ?? root)}: a syntax error`];
    }

    const module = pythonModule(schema);
    const aliases = new Set<string>();
    for (const statement of root.descendantsOfType("import_statement")) {
        for (const imported of statement.namedChildren) {
            if (imported.type === "dotted_name" && imported.text === module) {
                aliases.add(module);
            } else if (imported.type === "aliased_import" && imported.childForFieldName("name")?.text === module) {
                const alias = imported.childForFieldName("alias")?.text;
                if (alias !== undefined) {
                    aliases.add(alias);
                }
            }
        }
    }
    if (aliases.size === 0) {
        return [`${file}: does not import ${module}`];
    }

    const resources = view.resourceByClass();
    const types = view.typeByClass();
    /** The class a `module.Name` node names: a resource, its or an object type's `...Args`, an enum, or none. */
    const classOf = (node: Node | null): { kind: "resource" | "resourceArgs" | "args" | "enum" | "unknown"; token: string; name: string } | undefined => {
        if (node?.type !== "attribute" || !aliases.has(node.childForFieldName("object")?.text ?? "")) {
            return undefined;
        }
        const name = node.childForFieldName("attribute")?.text ?? "";
        const resource = resources.get(name);
        if (resource !== undefined) {
            return { kind: "resource", token: resource, name };
        }
        const base = name.replace(/ArgsDict$|Args$/, "");
        const resourceArgs = resources.get(base);
        if (resourceArgs !== undefined && name === `${base}Args`) {
            return { kind: "resourceArgs", token: resourceArgs, name };
        }
        const type = types.get(base);
        if (type !== undefined && name !== base && view.schema.types?.[type]?.enum === undefined) {
            return { kind: "args", token: type, name };
        }
        if (type !== undefined && name === base && view.schema.types?.[type]?.enum !== undefined) {
            return { kind: "enum", token: type, name };
        }
        return { kind: "unknown", token: "", name };
    };

    // Every `module.Name` is a class of the SDK.
    for (const node of root.descendantsOfType("attribute")) {
        const found = classOf(node);
        if (found?.kind === "unknown") {
            problems.push(`${file}:${line(node)}: ${module} has no class ${found.name}`);
        }
    }

    // Every call of a class: its keyword arguments, checked against the schema's names in Python.
    const resourceVariables = new Map<string, string>();
    const checkArguments = (call: Node, properties: Readonly<Record<string, PropertySpec>>, token: string, resource: boolean): void => {
        const byPyName = new Map(Object.entries(properties).map(([name, spec]) => [resource ? pyInitParamName(name) : pyName(name), spec]));
        for (const argument of call.childForFieldName("arguments")?.namedChildren ?? []) {
            if (argument.type !== "keyword_argument") {
                continue;
            }
            const name = argument.childForFieldName("name")?.text ?? "";
            const spec = byPyName.get(name);
            const value = argument.childForFieldName("value");
            if (resource && (name === "opts" || (name === "args" && !byPyName.has("args")))) {
                continue; // The resource options, or the whole `<Resource>Args` object (checked as a call of its own).
            }
            if (spec === undefined) {
                problems.push(`${file}:${line(argument)}: ${token} has no input ${name} in Python`);
            } else if (value !== null) {
                checkValue(value, spec);
            }
        }
    };
    const checkValue = (value: Node, spec: PropertySpec): void => {
        const object = view.typeOf(spec);
        if (value.type === "list" && spec.items !== undefined) {
            const items = spec.items;
            value.namedChildren.forEach((item) => checkValue(item, items));
        } else if (value.type === "dictionary" && object !== undefined && object.spec.properties !== undefined) {
            const byPyName = new Map(Object.entries(object.spec.properties).map(([name, p]) => [pyName(name), p]));
            for (const pair of value.namedChildren.filter((c) => c.type === "pair")) {
                const keyNode = pair.childForFieldName("key");
                const key = keyNode === null ? undefined : stringValue(keyNode);
                const item = pair.childForFieldName("value");
                const p = key === undefined ? undefined : byPyName.get(key);
                if (key !== undefined && p === undefined) {
                    problems.push(`${file}:${line(pair)}: ${object.token} has no property ${key} in Python`);
                } else if (p !== undefined && item !== null) {
                    checkValue(item, p);
                }
            }
        } else if (value.type === "call" && object !== undefined) {
            const called = classOf(value.childForFieldName("function"));
            if (called?.kind === "args" && called.token !== object.token) {
                problems.push(`${file}:${line(value)}: ${called.name} where ${object.token} is expected`);
            }
        }
    };
    for (const call of root.descendantsOfType("call")) {
        const called = classOf(call.childForFieldName("function"));
        if (called?.kind === "resource") {
            checkArguments(call, view.schema.resources[called.token]?.inputProperties ?? {}, called.token, true);
            const assignment = call.parent;
            const target = assignment?.type === "assignment" ? assignment.childForFieldName("left") : null;
            if (target?.type === "identifier") {
                resourceVariables.set(target.text, called.token);
            }
        } else if (called?.kind === "resourceArgs") {
            checkArguments(call, view.schema.resources[called.token]?.inputProperties ?? {}, called.token, false);
        } else if (called?.kind === "args") {
            checkArguments(call, view.schema.types?.[called.token]?.properties ?? {}, called.token, false);
        }
    }

    // Outputs read from those resources, and the properties of an output's object type read from it.
    for (const node of root.descendantsOfType("attribute")) {
        const token = resourceVariables.get(node.childForFieldName("object")?.text ?? "");
        const name = node.childForFieldName("attribute")?.text ?? "";
        if (token === undefined || name === "urn") {
            continue;
        }
        const outputs = new Map(Object.entries(view.schema.resources[token]?.properties ?? {}).map(([n, spec]) => [pyName(n), spec]));
        const spec = outputs.get(name);
        if (spec === undefined) {
            problems.push(`${file}:${line(node)}: ${token} has no output ${name} in Python`);
            continue;
        }
        problems.push(...outputValueProblems(view, node, spec, file));
    }
    return problems;
}

/** Properties read from an output of an object type: `out.prop` (lifted), or `out.apply(lambda x: x.prop)`. */
function outputValueProblems(view: SchemaView, output: Node, spec: PropertySpec, file: string): string[] {
    const object = view.typeOf(spec);
    const parent = output.parent;
    if (object === undefined || object.spec.properties === undefined || parent?.type !== "attribute" || parent.childForFieldName("object")?.equals(output) !== true) {
        return [];
    }
    const byPyName = new Set(Object.keys(object.spec.properties).map(pyName));
    const member = parent.childForFieldName("attribute")?.text ?? "";
    if (!PY_OUTPUT_MEMBERS.has(member)) {
        return byPyName.has(member) ? [] : [`${file}:${line(parent)}: ${object.token} has no property ${member} in Python`];
    }
    const call = parent.parent;
    const lambda = member === "apply" && call?.type === "call" ? call.childForFieldName("arguments")?.namedChildren[0] : undefined;
    const parameter = lambda?.type === "lambda" ? lambda.childForFieldName("parameters")?.namedChildren[0]?.text : undefined;
    const body = lambda?.childForFieldName("body");
    if (parameter === undefined || body === null || body === undefined) {
        return [];
    }
    // descendantsOfType includes the body itself when it is one attribute (`lambda ids: ids.linux`).
    return body.descendantsOfType("attribute")
        .filter((a) => a.childForFieldName("object")?.text === parameter)
        .map((a) => a.childForFieldName("attribute")?.text ?? "")
        .filter((name) => !byPyName.has(name))
        .map((name) => `${file}:${line(body)}: ${object.token} has no property ${name} in Python`);
}
