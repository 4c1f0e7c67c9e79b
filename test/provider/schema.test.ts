/**
 * provider/schema.json, the component provider's committed Pulumi package schema: it is exactly what
 * tools/provider/schema.ts generates from the contracts today (`npm run schema`), it is valid against Pulumi's package
 * metaschema (vendored in vendor/pulumi/schema/), no property in it is untyped (`pulumi.json#/Any`) unless allowed,
 * every entry of the generator's tables took effect, and it offers the eight components under their tokens.
 * Not proved here: the metaschema is weaker than the Pulumi CLI's own reading of a schema (the binder in
 * pkg/codegen/schema), which also resolves every reference, checks type names, and the meaning of `plain`, `secret`
 * and defaults; there is no Pulumi CLI here, so no SDK is generated from the schema. Whether the descriptions say the
 * right thing is for people to read.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import Ajv2020 from "ajv/dist/2020";
import { beforeAll, describe, expect, it } from "vitest";
import { SERVED } from "../../provider/construct";
import {
    ANY_ALLOWED, DEFAULTS, INTEGERS, LANGUAGE, ONE_VALUE_ENUMS, SCHEMA_FILE, SECRETS, generate, renderSchema, schemaDifferences,
    type PackageSpec, type PropertySpec, type TypeSpec,
} from "../../tools/provider/schema";
import { REPO } from "../support/project-copy";

const PREFIX = "azure-persistent-vm:index:";
const COMPONENTS = ["LinuxVm", "WindowsVm", "SqlServerVm", "DomainController", "LinuxScaleSet", "WindowsScaleSet", "VmNetwork", "BackupVault"];

const committedText = fs.readFileSync(path.join(REPO, SCHEMA_FILE), "utf8");
const committed = JSON.parse(committedText) as PackageSpec;
const copy = (): PackageSpec => JSON.parse(committedText) as PackageSpec;

/** Every property of a schema with where it is: `Owner.field (input|output|field)`. */
function properties(schema: PackageSpec): { at: string; spec: PropertySpec }[] {
    const found: { at: string; spec: PropertySpec }[] = [];
    for (const [token, resource] of Object.entries(schema.resources)) {
        const owner = token.slice(PREFIX.length);
        Object.entries(resource.inputProperties ?? {}).forEach(([field, spec]) => found.push({ at: `${owner}.${field} (input)`, spec }));
        Object.entries(resource.properties ?? {}).forEach(([field, spec]) => found.push({ at: `${owner}.${field} (output)`, spec }));
    }
    for (const [token, type] of Object.entries(schema.types)) {
        Object.entries(type.properties ?? {}).forEach(([field, spec]) => found.push({ at: `${token.slice(PREFIX.length)}.${field} (field)`, spec }));
    }
    return found;
}

/** A type and the types inside it: array items and map values, at any depth. */
function withNested(spec: TypeSpec): TypeSpec[] {
    return [spec, ...(spec.items === undefined ? [] : withNested(spec.items)), ...(spec.additionalProperties === undefined ? [] : withNested(spec.additionalProperties))];
}

function untyped(schema: PackageSpec): string[] {
    return properties(schema)
        .filter(({ spec }) => withNested(spec).some((t) => t.$ref === "pulumi.json#/Any"))
        .map(({ at }) => at)
        .filter((at) => !ANY_ALLOWED.includes(at.replace(/ \(.*\)$/, "")));
}

/** The properties at `Owner.field`, on whichever side they are. */
function at(schema: PackageSpec, location: string): PropertySpec[] {
    return properties(schema).filter((p) => p.at.replace(/ \(.*\)$/, "") === location).map((p) => p.spec);
}

describe("GIVEN the contracts WHEN the schema is generated again", () => {
    let generated: { schema: PackageSpec; problems: string[] };
    beforeAll(() => {
        generated = generate(REPO);
    });

    it("THEN the generator has no problem to report", () => {
        expect(generated.problems).toEqual([]);
    });

    it("THEN it is exactly the committed provider/schema.json (npm run schema writes it)", () => {
        expect(schemaDifferences(committed, generated.schema)).toEqual([]);
        expect(renderSchema(generated.schema)).toBe(committedText);
    });

    it("THEN a difference is reported where it is (the comparison can fail)", () => {
        const changed = copy();
        const size = changed.resources[`${PREFIX}LinuxVm`]?.inputProperties?.["size"];
        if (size === undefined) {
            throw new Error("LinuxVm has no size input");
        }
        size.type = "integer";
        changed.types = Object.fromEntries(Object.entries(changed.types).filter(([token]) => token !== `${PREFIX}Vhd`));
        expect(schemaDifferences(committed, changed)).toEqual([
            `changed /resources/${PREFIX}LinuxVm/inputProperties/size/type: "string" -> "integer"`,
            `removed /types/${PREFIX}Vhd`,
        ]);
    });
});

describe("GIVEN Pulumi's package metaschema, draft 2020-12, loaded by ajv's 2020 build", () => {
    const metaschema = JSON.parse(fs.readFileSync(path.join(REPO, "vendor", "pulumi", "schema", "pulumi.json"), "utf8")) as object;
    // ajv knows neither format the metaschema names; these are what each means.
    const formats = {
        "regex": (text: string) => {
            try {
                new RegExp(text, "u");
                return true;
            } catch {
                return false;
            }
        },
        "uri-reference": (text: string) => !/\s/.test(text),
    };
    const validate = new Ajv2020({ strict: false, allErrors: true, formats }).compile(metaschema);
    const errors = (schema: unknown): string[] => (validate(schema) ? [] : [...new Set((validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ""}`))]);

    it("THEN the committed schema is valid", () => {
        expect(errors(committed)).toEqual([]);
    });

    it("THEN a type token that starts its name with a digit is refused (the validator bites)", () => {
        const doctored = copy();
        doctored.types[`${PREFIX}2Disks`] = { type: "object" };
        expect(errors(doctored)).toEqual([
            '/types must match pattern "^[a-zA-Z][-a-zA-Z0-9_]*:([^0-9][a-zA-Z0-9._/-]*)?:[^0-9][a-zA-Z0-9._/]*$"',
            "/types property name must be valid",
        ]);
    });

    it("THEN a property with neither a type nor a reference is refused", () => {
        const doctored = copy();
        const inputs = doctored.resources[`${PREFIX}BackupVault`]?.inputProperties;
        if (inputs === undefined) {
            throw new Error("BackupVault has no inputs");
        }
        inputs["vaultName"] = { description: "no type" };
        expect(errors(doctored)).toContain(`/resources/${PREFIX}BackupVault/inputProperties/vaultName must have required property 'type'`);
    });
});

describe("GIVEN the committed schema WHEN its property types are read", () => {
    it("THEN no property, item or map value anywhere is pulumi.json#/Any beyond the generator's allow-list", () => {
        expect(ANY_ALLOWED).toEqual([]);
        expect(untyped(committed)).toEqual([]);
    });

    it("THEN an Any nested in a list's items is found (the check can fail)", () => {
        const doctored = copy();
        const dataDisks = doctored.resources[`${PREFIX}LinuxVm`]?.inputProperties?.["dataDisks"];
        if (dataDisks?.items === undefined) {
            throw new Error("LinuxVm's dataDisks is not a list");
        }
        dataDisks.items = { $ref: "pulumi.json#/Any" };
        expect(untyped(doctored)).toEqual(["LinuxVm.dataDisks (input)"]);
    });

    it("THEN no number is left (each is an integer, decided in INTEGERS) and no analyzer `optional` flag", () => {
        expect(properties(committed).filter(({ spec }) => withNested(spec).some((t) => t.type === "number")).map((p) => p.at)).toEqual([]);
        expect(committedText).not.toContain('"optional"');
    });
});

describe("GIVEN the generator's tables WHEN the committed schema is read", () => {
    it("THEN every INTEGERS entry is an integer (an enum's values too)", () => {
        const notInteger = INTEGERS.filter((entry) => {
            const enumType = committed.types[`${PREFIX}${entry}`];
            if (enumType !== undefined) {
                return enumType.type !== "integer" || !(enumType.enum ?? []).every((v) => Number.isInteger(v.value));
            }
            const specs = at(committed, entry);
            return specs.length === 0 || !specs.every((spec) => withNested(spec).some((t) => t.type === "integer"));
        });
        expect(notInteger).toEqual([]);
    });

    it("THEN every SECRETS entry is secret, and nothing else is", () => {
        expect(SECRETS.filter((entry) => at(committed, entry).length === 0 || at(committed, entry).some((spec) => spec.secret !== true))).toEqual([]);
        const secret = properties(committed).filter(({ spec }) => spec.secret === true).map((p) => p.at.replace(/ \(.*\)$/, ""));
        expect([...new Set(secret)].sort()).toEqual([...SECRETS].sort());
    });

    it("THEN every DEFAULTS entry is the input's default, and nothing else has one", () => {
        const inputs = properties(committed).filter((p) => !p.at.endsWith("(output)"));
        const withDefault = Object.fromEntries(inputs.filter(({ spec }) => spec.default !== undefined).map((p) => [p.at.replace(/ \(.*\)$/, ""), p.spec.default]));
        expect(withDefault).toEqual(DEFAULTS);
        expect(properties(committed).filter((p) => p.at.endsWith("(output)") && p.spec.default !== undefined)).toEqual([]);
    });

    it("THEN every one-value union is an enum of its values, referenced wherever the field is", () => {
        for (const { field, enumType, values } of ONE_VALUE_ENUMS) {
            expect(committed.types[`${PREFIX}${enumType}`]?.enum?.map((v) => v.value)).toEqual([...values]);
            const fields = properties(committed).filter((p) => p.at.replace(/ \(.*\)$/, "").endsWith(`.${field}`));
            expect(fields.length).toBeGreaterThan(0);
            expect(fields.filter(({ spec }) => spec.$ref !== `#/types/${PREFIX}${enumType}`).map((p) => p.at)).toEqual([]);
        }
    });

    it("THEN each language's names are pinned, so that a path and a git URL give the same SDK names", () => {
        for (const [language, names] of Object.entries(LANGUAGE)) {
            expect(committed.language?.[language]).toMatchObject(names);
        }
        expect(committed.language?.["python"]?.["packageName"]).toBe("pulumi_azure_persistent_vm");
        expect(committed.language?.["csharp"]?.["rootNamespace"]).toBe("Pulumi");
        expect(committed.language?.["java"]?.["basePackage"]).toBe("com.pulumi");
        expect(committed.language?.["go"]?.["importBasePath"]).toMatch(/\/azurepersistentvm$/);
        expect(committed).not.toHaveProperty("namespace");
    });
});

describe("GIVEN the committed schema WHEN a program in another language looks for the components", () => {
    it("THEN it offers all eight, as components, under the TypeScript components' tokens", () => {
        expect(Object.keys(committed.resources).sort()).toEqual(COMPONENTS.map((c) => `${PREFIX}${c}`).sort());
        expect(Object.values(committed.resources).filter((r) => r.isComponent !== true)).toEqual([]);
    });

    it("THEN the provider serves exactly the components the schema offers", () => {
        expect(SERVED.map((s) => s.token).sort()).toEqual(Object.keys(committed.resources).sort());
    });

    it("THEN the schema's version is the plugin's", () => {
        const plugin = JSON.parse(fs.readFileSync(path.join(REPO, "provider", "package.json"), "utf8")) as { version: string };
        expect(committed.version).toBe(plugin.version);
    });
});
