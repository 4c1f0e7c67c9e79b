/**
 * The project file against the JSON Schema Pulumi publishes for it (vendored in vendor/pulumi/, with its source and
 * licence), so a Pulumi.yaml the CLI would refuse fails here.
 * Not proved here: the CLI's own checks beyond the schema.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import Ajv2020 from "ajv/dist/2020";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const repo = path.resolve(__dirname, "..", "..");
const schemaPath = path.join(repo, "vendor", "pulumi", "project.schema.json");

describe("GIVEN Pulumi.yaml", () => {
    const project = parse(fs.readFileSync(path.join(repo, "Pulumi.yaml"), "utf8")) as Record<string, unknown>;
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(JSON.parse(fs.readFileSync(schemaPath, "utf8")) as object);

    it("THEN it validates against Pulumi's project schema", () => {
        expect(validate(project) ? [] : validate.errors).toEqual([]);
    });

    it("THEN it names index.ts as main, a TypeScript Node.js program", () => {
        expect(project["main"]).toBe("index.ts");
        expect(project["runtime"]).toEqual({ name: "nodejs", options: { typescript: true, packagemanager: "npm" } });
    });

    it("THEN the schema itself rejects a project without a runtime (the check can fail)", () => {
        expect(validate({ name: "x" })).toBe(false);
    });
});
