/**
 * The plan's type-check is skipped while nothing it read has changed (tools/plan/typecheck.ts): a small project
 * checked with this repository's TypeScript, its record kept in a scratch cache folder. Not proved here: the time
 * this saves (docs/plan-tool.md, "Speed", measured by tools/plan/speed.sh) and the command's --timings line
 * (test/e2e/plan-cli.test.ts).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cacheDirOf, checkProgram } from "../../tools/plan/typecheck";
import { REPO } from "../support/project-copy";

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "apvm-typecheck-"));
const projectDir = path.join(scratch, "project");
const cacheDir = path.join(scratch, "cache");
const write = (file: string, text: string) => fs.writeFileSync(path.join(projectDir, file), text);
const check = () => checkProgram(projectDir, "index.ts", { cacheDir });

beforeAll(() => {
    fs.mkdirSync(projectDir);
    write("Pulumi.yaml", "name: demo\nruntime: nodejs\nmain: index.ts\n");
    write("Pulumi.dev.yaml", "config:\n  demo:size: 1\n");
    // No @types: the check reads the program, its import and TypeScript's own lib files.
    write("tsconfig.json", JSON.stringify({ compilerOptions: { strict: true, target: "ES2022", lib: ["ES2022"], types: [], module: "node20" } }));
    write("sizes.ts", "export const size: number = 1;\n");
    write("index.ts", `import { size } from "./sizes";\nexport const doubled: number = size * 2;\n`);
});

afterAll(() => {
    fs.rmSync(scratch, { recursive: true, force: true });
});

describe("GIVEN a program that type-checks", () => {
    it("WHEN it is planned twice THEN the first plan checks it and the second knows it passed, from the same files", () => {
        const first = check();
        expect([first.how, first.diagnostics]).toEqual(["checked", []]);
        expect(first.files).toEqual(expect.arrayContaining(["index.ts", "sizes.ts", "tsconfig.json"].map((f) => path.join(projectDir, f))));
        const second = check();
        expect([second.how, second.diagnostics, second.files]).toEqual(["up to date", [], first.files]);
    });

    it("WHEN only a config value changes THEN the check is still up to date", () => {
        write("Pulumi.dev.yaml", "config:\n  demo:size: 2\n");
        expect(check().how).toBe("up to date");
    });

    it("WHEN a file the program imports changes THEN it is checked again, once", () => {
        write("sizes.ts", "export const size: number = 2;\n");
        expect(check().how).toBe("checked");
        expect(check().how).toBe("up to date");
    });

    it("WHEN tsconfig.json changes THEN it is checked again", () => {
        write("tsconfig.json", JSON.stringify({ compilerOptions: { strict: true, target: "ES2022", lib: ["ES2023"], types: [], module: "node20" } }));
        expect(check().how).toBe("checked");
    });

    it("WHEN no cache folder is given THEN every plan checks", () => {
        expect(checkProgram(projectDir, "index.ts", { cacheDir: false }).how).toBe("checked");
    });

    it("THEN nothing is written into the project folder: the record is in the cache folder", () => {
        expect(fs.readdirSync(projectDir).sort()).toEqual(["Pulumi.dev.yaml", "Pulumi.yaml", "index.ts", "sizes.ts", "tsconfig.json"]);
        expect(fs.readdirSync(cacheDir)).toEqual([expect.stringMatching(/^typecheck-[0-9a-f]{24}\.json$/)]);
    });
});

describe("GIVEN a program with a type error", () => {
    it("WHEN it is planned twice THEN both plans check it and report the error: a failed check is not remembered", () => {
        write("index.ts", `import { size } from "./sizes";\nexport const doubled: string = size * 2;\n`);
        const message = "index.ts(2,14): error TS2322: Type 'number' is not assignable to type 'string'.";
        expect(check()).toEqual({ how: "checked", diagnostics: [message], files: expect.any(Array) as unknown });
        expect(check()).toEqual({ how: "checked", diagnostics: [message], files: expect.any(Array) as unknown });
    });
});

describe("GIVEN where the record is kept", () => {
    it("THEN it is node_modules/.cache/azure-persistent-vm in the nearest node_modules at or above the project", () => {
        expect(cacheDirOf(REPO)).toBe(path.join(REPO, "node_modules", ".cache", "azure-persistent-vm"));
        expect(cacheDirOf(path.join(REPO, "test", "fixtures", "fleets"))).toBe(path.join(REPO, "node_modules", ".cache", "azure-persistent-vm"));
    });
});
