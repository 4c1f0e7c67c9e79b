/**
 * Construct's inputs, brought to the shape the TypeScript components take, using the committed schema.
 *
 * What arrives is not what a TypeScript caller passes. The SDK's provider server turns a top-level argument into an
 * Output when it is a secret or depends on other resources, and the wire format lifts a nested secret to the top-level
 * argument that holds it (`dataDisks` becomes one secret Output when one disk's VHD URI is a secret). Values that
 * come from other resources may also arrive as Outputs anywhere inside an argument, and unknown during a preview. The
 * components need their structural arguments (disk lists, names, sizes, LUNs) as plain values to plan.
 *
 * So every argument is walked with its schema type:
 * - where the schema takes an Input (`plain` unset) and the value is an Output, it is passed on as it is (its value,
 *   when known, is checked for its type like a plain one);
 * - where the schema takes a plain value and an Output arrives, the Output is awaited. Unknown (a preview of a value
 *   from another resource): a problem naming the argument. Known: its plain value is used, and every Input position
 *   inside it gets an Output derived from the arrived one (`apply`), which keeps its secrecy and its dependencies.
 *   A secret that holds no Input position at all (only names, sizes, addresses) is refused rather than made plain;
 * - plain values are checked against the schema's types (object, array, string, number, boolean, required fields,
 *   unknown fields), so that a wrong shape is a problem naming the argument, never a TypeError inside a component.
 * Values are not judged against the components' rules (enum members, sizes, LUNs, names): the component does that,
 * with its own messages, all in one report. A wrong shape is reported here, every one of them together, before any
 * resource is registered, as the components' own InvalidArgumentsError: like a TypeScript type error, it stops the
 * run before the component's value checks.
 */
import * as pulumi from "@pulumi/pulumi";
import { InvalidArgumentsError, type Problem } from "../components";

/** The parts of a Pulumi package schema (pkg/codegen/schema/pulumi.json) this walk reads. */
export interface SchemaType {
    readonly type?: "string" | "number" | "integer" | "boolean" | "array" | "object";
    readonly $ref?: string;
    readonly items?: SchemaType;
    readonly additionalProperties?: SchemaType;
    readonly plain?: boolean;
}

export interface ObjectTypeSpec {
    readonly type: string;
    readonly properties?: Readonly<Record<string, SchemaType>>;
    readonly required?: readonly string[];
    readonly enum?: readonly unknown[];
}

export interface PackageSchema {
    readonly resources: Readonly<Record<string, { readonly inputProperties?: Readonly<Record<string, SchemaType>>; readonly requiredInputs?: readonly string[] }>>;
    readonly types: Readonly<Record<string, ObjectTypeSpec>>;
}

const ANY = "pulumi.json#/Any";
const TYPE_REF = "#/types/";

/** The SDK's Output internals this walk needs; read through a check, so an SDK release that drops them fails loudly. */
function internals(output: pulumi.Output<unknown>): { isKnown: Promise<boolean>; promise(): Promise<unknown> } {
    const isKnown: unknown = Reflect.get(output, "isKnown");
    const promise: unknown = Reflect.get(output, "promise");
    if (!(isKnown instanceof Promise) || typeof promise !== "function") {
        throw new Error("@pulumi/pulumi's Output no longer has isKnown and promise(); update provider/inputs.ts");
    }
    return { isKnown: isKnown as Promise<boolean>, promise: () => (promise as () => Promise<unknown>).call(output) };
}

function describe(value: unknown): string {
    if (Array.isArray(value)) {
        return "a list";
    }
    return value === null ? "null" : typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/** Where an arrived Output's value came from, so that Input positions inside it can be derived from it. */
interface Source {
    readonly output: pulumi.Output<unknown>;
    readonly at: readonly (string | number)[];
}

function derive(source: Source): pulumi.Output<unknown> {
    return source.output.apply((root) => source.at.reduce<unknown>((v, key) => (v === undefined || v === null ? undefined : Reflect.get(Object(v), key)), root));
}

class Walk {
    readonly problems: Problem[] = [];

    constructor(private readonly schema: PackageSchema) {}

    private objectType(ref: string): ObjectTypeSpec | undefined {
        return ref.startsWith(TYPE_REF) ? this.schema.types[ref.slice(TYPE_REF.length)] : undefined;
    }

    /** Whether a position takes an Output, and whether anything inside it does. */
    private holdsInput(type: SchemaType, seen = new Set<string>()): boolean {
        if (type.plain !== true) {
            return true;
        }
        if (type.items !== undefined) {
            return this.holdsInput(type.items, seen);
        }
        if (type.additionalProperties !== undefined) {
            return this.holdsInput(type.additionalProperties, seen);
        }
        if (type.$ref !== undefined && !seen.has(type.$ref)) {
            seen.add(type.$ref);
            const spec = this.objectType(type.$ref);
            return Object.values(spec?.properties ?? {}).some((p) => this.holdsInput(p, seen));
        }
        return false;
    }

    async value(value: unknown, type: SchemaType, path: string, source: Source | undefined): Promise<unknown> {
        if (value === undefined || value === null) {
            return undefined;
        }
        if (pulumi.Output.isInstance(value)) {
            return this.arrivedOutput(value, type, path);
        }
        if (pulumi.isUnknown(value)) {
            if (type.plain !== true) {
                // An unknown where an Input is taken: an unknown Output, as the component would get in TypeScript.
                return pulumi.output(value);
            }
            this.problems.push({ path, message: notKnown });
            return undefined;
        }
        if (type.plain !== true && source !== undefined) {
            // Checked for its type like any value (the problems only), then derived from the Output it arrived in.
            await this.plainValue(value, type, path, undefined);
            return derive(source);
        }
        return this.plainValue(value, type, path, source);
    }

    private async arrivedOutput(output: pulumi.Output<unknown>, type: SchemaType, path: string): Promise<unknown> {
        const { isKnown, promise } = internals(output);
        if (type.plain !== true) {
            // The Output is passed on as it is, but a known value of the wrong type (a secret number for a string) is a
            // problem here, as a plain one is, rather than a TypeError inside the component.
            if (await isKnown) {
                await this.plainValue(await promise(), type, path, undefined);
            }
            return output;
        }
        if (!(await isKnown)) {
            this.problems.push({ path, message: notKnown });
            return undefined;
        }
        if ((await pulumi.isSecret(output)) && !this.holdsInput(type)) {
            this.problems.push({
                path,
                message: "arrived as a secret, but every value in it is one Azure keeps in plain (names, sizes, LUNs, addresses), so the component cannot keep it secret; pass it without marking it secret.",
            });
            return undefined;
        }
        return this.value(await promise(), type, path, { output, at: [] });
    }

    private async plainValue(value: unknown, type: SchemaType, path: string, source: Source | undefined): Promise<unknown> {
        const at = (key: string | number): Source | undefined => (source === undefined ? undefined : { output: source.output, at: [...source.at, key] });
        if (type.$ref === ANY) {
            return value;
        }
        if (type.$ref !== undefined) {
            const spec = this.objectType(type.$ref);
            if (spec === undefined) {
                throw new Error(`azure-persistent-vm provider: the schema has no type ${type.$ref}`);
            }
            if (spec.enum !== undefined) {
                // Which values are allowed the component judges itself, with its own message, in its single report.
                return this.scalar(value, spec.type, path);
            }
            return this.object(value, spec.properties ?? {}, spec.required ?? [], path, at);
        }
        switch (type.type) {
            case "array": {
                if (!Array.isArray(value)) {
                    this.problems.push({ path, message: `must be a list, not ${describe(value)}.` });
                    return undefined;
                }
                const items = type.items ?? { $ref: ANY };
                return Promise.all(value.map((item: unknown, i) => this.value(item, items, `${path}[${i}]`, at(i))));
            }
            case "object": {
                if (typeof value !== "object" || value === null || Array.isArray(value)) {
                    this.problems.push({ path, message: `must be a map, not ${describe(value)}.` });
                    return undefined;
                }
                const values = type.additionalProperties ?? { $ref: ANY };
                const entries = await Promise.all(Object.entries(value).map(async ([k, v]) => [k, await this.value(v, values, `${path}.${k}`, at(k))] as const));
                return Object.fromEntries(entries);
            }
            default:
                return this.scalar(value, type.type, path);
        }
    }

    private scalar(value: unknown, type: string | undefined, path: string): unknown {
        const expected = type === "integer" ? "number" : type;
        if (expected !== undefined && typeof value !== expected) {
            this.problems.push({ path, message: `must be a ${expected === "number" ? "number" : expected}, not ${describe(value)}.` });
            return undefined;
        }
        if (type === "integer" && !Number.isInteger(value)) {
            this.problems.push({ path, message: "must be a whole number." });
            return undefined;
        }
        return value;
    }

    async object(
        value: unknown,
        properties: Readonly<Record<string, SchemaType>>,
        required: readonly string[],
        path: string,
        at: (key: string) => Source | undefined = () => undefined,
    ): Promise<Record<string, unknown> | undefined> {
        if (typeof value !== "object" || value === null || Array.isArray(value)) {
            this.problems.push({ path, message: `must be an object, not ${describe(value)}.` });
            return undefined;
        }
        const prefix = path === "" ? "" : `${path}.`;
        const result: Record<string, unknown> = {};
        for (const [key, field] of Object.entries(value)) {
            const type = properties[key];
            if (type === undefined) {
                this.problems.push({ path: `${prefix}${key}`, message: `is not an argument here; the arguments are ${Object.keys(properties).join(", ")}.` });
                continue;
            }
            const normalized = await this.value(field, type, `${prefix}${key}`, at(key));
            if (normalized !== undefined) {
                result[key] = normalized;
            }
        }
        for (const key of required) {
            if (Reflect.get(value, key) === undefined || Reflect.get(value, key) === null) {
                this.problems.push({ path: `${prefix}${key}`, message: "is required." });
            }
        }
        return result;
    }
}

const notKnown =
    "is not known until deployment (it comes from another resource's output), but the component needs its value to plan what it declares; pass a value known at preview (a literal or a stack config value).";

/**
 * The inputs of one Construct, in the contract's shape, or an InvalidArgumentsError listing every problem. The
 * component's class name in the message is the token's last part (`LinuxVm`).
 */
export async function normalizeInputs(schema: PackageSchema, token: string, name: string, inputs: Record<string, unknown>): Promise<Record<string, unknown>> {
    const resource = schema.resources[token];
    if (resource === undefined) {
        throw new Error(`azure-persistent-vm provider: the schema has no resource ${token}`);
    }
    const walk = new Walk(schema);
    const result = await walk.object(inputs, resource.inputProperties ?? {}, resource.requiredInputs ?? [], "");
    const component = token.slice(token.lastIndexOf(":") + 1);
    if (walk.problems.length > 0 || result === undefined) {
        throw new InvalidArgumentsError(component, name, walk.problems);
    }
    return result;
}
