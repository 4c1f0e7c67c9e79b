/**
 * The component provider: the SDK's `Provider` interface, answering GetSchema with the committed schema and Construct
 * by building the TypeScript component. It does not use the SDK's default `ComponentProvider`, which runs its
 * TypeScript analyzer when asked for the schema: that needs the sources and a type-check at every start.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type * as pulumi from "@pulumi/pulumi";
import type * as provider from "@pulumi/pulumi/provider";
import { SERVED } from "./construct";
import { normalizeInputs, type PackageSchema } from "./inputs";

/** The folder holding package.json and schema.json, found from the compiled file (bin/provider/) or the source. */
function pluginDir(): string {
    for (let dir = __dirname; ; dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, "PulumiPlugin.yaml"))) {
            return dir;
        }
        if (path.dirname(dir) === dir) {
            throw new Error(`azure-persistent-vm provider: no PulumiPlugin.yaml above ${__dirname}`);
        }
    }
}

export class PersistentVmProvider implements provider.Provider {
    public readonly version: string;
    public readonly schema: string;
    private readonly parsed: PackageSchema;

    constructor(dir: string = pluginDir()) {
        const manifest: unknown = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
        const version = typeof manifest === "object" && manifest !== null ? Reflect.get(manifest, "version") : undefined;
        if (typeof version !== "string") {
            throw new Error(`azure-persistent-vm provider: ${path.join(dir, "package.json")} has no version`);
        }
        this.version = version;
        this.schema = fs.readFileSync(path.join(dir, "schema.json"), "utf8");
        this.parsed = JSON.parse(this.schema) as PackageSchema;
    }

    public async getSchema(): Promise<string> {
        return this.schema;
    }

    public async construct(name: string, type: string, inputs: pulumi.Inputs, options: pulumi.ComponentResourceOptions): Promise<provider.ConstructResult> {
        const served = SERVED.find((s) => s.token === type);
        if (served === undefined) {
            throw new Error(`azure-persistent-vm provider: unknown resource type ${type}; it serves ${SERVED.map((s) => s.token).join(", ")}`);
        }
        const normalized = await normalizeInputs(this.parsed, type, name, inputs);
        return served.construct(name, normalized, options);
    }
}
