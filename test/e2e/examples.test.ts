/**
 * What every TypeScript example under examples/ must be: its own Pulumi project (Pulumi.yaml, Pulumi.dev.yaml,
 * index.ts) that uses the library as a package through npm workspaces, with the one copy of @pulumi/pulumi the library
 * uses, and whose plan `npm run plan -- --project examples/<name>` prints.
 * Each example's own registrations are asserted in test/example-<name>.test.ts.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { EXAMPLES_DIR, MULTI_LANGUAGE_EXAMPLES } from "../support/programs";

const REPO = path.resolve(__dirname, "..", "..");
/** Each example, and a line its plan's VM block must print. */
const PLAN_LINES: Readonly<Record<string, string>> = {
    "lift-and-shift": "erp01  windows  Standard_D4s_v5  (built from its OS disk)  zone 1",
    "sharepoint-farm": "domain join  corp.contoso.com as CORP\\farmadmin, once the domain answers",
    "sql-server": "disk sql-log  LUN 1  64 GiB  Premium_LRS  None  protection protect  source Empty",
};
const EXAMPLES = Object.keys(PLAN_LINES).sort();

describe("GIVEN the examples folder", () => {
    it("THEN it holds exactly the documented examples, and the root package.json makes each a workspace", () => {
        // Beside them, the same stack in other languages (test/provider/language-examples.test.ts): no package.json,
        // so npm's `examples/*` does not make it a workspace.
        expect(fs.readdirSync(EXAMPLES_DIR).sort()).toStrictEqual([...EXAMPLES, MULTI_LANGUAGE_EXAMPLES].sort());
        expect(fs.existsSync(path.join(EXAMPLES_DIR, MULTI_LANGUAGE_EXAMPLES, "package.json"))).toBe(false);
        const root = JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8")) as { workspaces: string[] };
        expect(root.workspaces).toStrictEqual(["examples/*"]);
        const readme = fs.readFileSync(path.join(REPO, "README.md"), "utf8");
        for (const name of EXAMPLES) {
            expect(readme).toContain(`npm run plan -- --project examples/${name}`);
        }
    });

    it("THEN one copy of @pulumi/pulumi is installed, shared by the library and every example", () => {
        const copies: string[] = [];
        const search = (dir: string) => {
            for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
                const full = path.join(dir, entry.name);
                if (entry.isDirectory() && !entry.isSymbolicLink()) {
                    if (full.endsWith(path.join("@pulumi", "pulumi"))) {
                        copies.push(path.relative(REPO, full));
                    }
                    search(full);
                }
            }
        };
        search(path.join(REPO, "node_modules"));
        for (const name of EXAMPLES) {
            const own = path.join(EXAMPLES_DIR, name, "node_modules");
            if (fs.existsSync(own)) {
                search(own);
            }
        }
        expect(copies).toStrictEqual([path.join("node_modules", "@pulumi", "pulumi")]);
    });
});

describe.each(EXAMPLES)("GIVEN the example %s", (name) => {
    const dir = path.join(EXAMPLES_DIR, name);

    it("THEN it is a Pulumi project of its own, with a dev stack and a TypeScript program", () => {
        for (const file of ["Pulumi.yaml", "Pulumi.dev.yaml", "index.ts", "package.json", "tsconfig.json"]) {
            expect(fs.existsSync(path.join(dir, file)), `${name}/${file}`).toBe(true);
        }
        const project = parse(fs.readFileSync(path.join(dir, "Pulumi.yaml"), "utf8")) as { name: string; runtime: { name: string }; main: string };
        expect([project.name, project.runtime.name, project.main]).toStrictEqual([`apvm-${name}`, "nodejs", "index.ts"]);
    });

    it("THEN it depends on the library as a package, which resolves to the library's build through node_modules", () => {
        const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as { dependencies: Record<string, string> };
        expect(manifest.dependencies["azure-persistent-vm"]).toBe("file:../..");
        expect(require.resolve("azure-persistent-vm", { paths: [dir] })).toBe(path.join(REPO, "dist", "components", "index.js"));
        const imports = [...fs.readFileSync(path.join(dir, "index.ts"), "utf8").matchAll(/from "([^"]+)"/g)].map((m) => m[1]);
        expect(imports.filter((source) => !source?.startsWith("@pulumi/") && source !== "azure-persistent-vm")).toStrictEqual([]);
    });

    it("THEN `npm run plan -- --project examples/<name>` prints its plan", async () => {
        const { stdout } = await promisify(execFile)(process.execPath, [
            "--require", "ts-node/register/transpile-only", path.join(REPO, "tools", "plan", "cli.ts"), "--project", `examples/${name}`,
        ], { cwd: REPO, env: { ...process.env, NO_COLOR: "1" }, maxBuffer: 64 * 1024 * 1024 });
        expect(stdout).toContain(`Plan for stack "dev" of project "apvm-${name}"`);
        expect(stdout).toMatch(/Resources: \d+ to create/);
        expect(stdout).toContain("Virtual machines:");
        expect(stdout).toContain(PLAN_LINES[name]);
    });
});
