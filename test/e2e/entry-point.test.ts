/**
 * The repo is both a library (package.json's entry: dist/components/index.js) and a stack. Pulumi's Node.js runner
 * falls back to package.json's entry (`exports`, else `main`) when Pulumi.yaml names no `main`; then `pulumi up` would
 * run the library, declare nothing, and plan to delete the whole stack. These tests build dist/ in a copy of the
 * project and run it both ways.
 * Not proved here: the CLI's own reading of Pulumi.yaml (no CLI here); the runner gets `main` as the CLI passes it.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { DEV_STACK_INVENTORY, inventory } from "../support/dev-stack";
import { copyProject } from "../support/project-copy";
import { runProgram } from "../../tools/recorder/program";

let copy: string;

beforeAll(() => {
    copy = copyProject("entry");
    execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json"], { cwd: copy });
});

afterAll(() => {
    fs.rmSync(copy, { recursive: true, force: true });
});

describe("GIVEN the library is built into dist/", () => {
    it("THEN package.json's main is the library's build, and it exists, so the trap is real", () => {
        const main = (JSON.parse(fs.readFileSync(path.join(copy, "package.json"), "utf8")) as { main: string }).main;
        expect(main).toBe("dist/components/index.js");
        expect(fs.existsSync(path.join(copy, main))).toBe(true);
    });

    it("WHEN the stack runs with Pulumi.yaml's main THEN it registers the dev stack's resources", async () => {
        const run = await runProgram({ projectDir: copy, stack: "dev" });
        expect(run.entryPoint).toBe("index.ts");
        expect(run.exitCode).toBe(0);
        expect(inventory(run.registrations)).toEqual(DEV_STACK_INVENTORY);
    });

    it("WHEN Pulumi.yaml had no main THEN the runner would load dist/components/index.js and declare nothing", async () => {
        const project = parse(fs.readFileSync(path.join(copy, "Pulumi.yaml"), "utf8")) as Record<string, unknown>;
        delete project["main"];
        fs.writeFileSync(path.join(copy, "Pulumi.yaml"), stringify(project));
        const run = await runProgram({ projectDir: copy, stack: "dev" });
        expect(run.entryPoint).toBe(".");
        expect(inventory(run.registrations)).toEqual(["pulumi:pulumi:Stack::azure-persistent-vm-dev"]);
    });
});
