/**
 * The plan command's command line and inputs (tools/plan/command.ts, tools/recorder/program.ts): the project folder
 * given as an argument or with --project, which stack is planned and what is said when it does not exist, YAML
 * errors that name the file without quoting it, and the files a watch re-plans on. Not proved here: the command run
 * as a user runs it, and the watch itself (test/e2e/plan-cli.test.ts).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parsePlanArgs, resolveStack, stacksIn, watchedFiles, type PlanArgs } from "../../tools/plan/command";
import { readProject, readStackConfig } from "../../tools/recorder/program";
import { REPO } from "../support/project-copy";

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "apvm-plan-command-"));
afterAll(() => {
    fs.rmSync(scratch, { recursive: true, force: true });
});

/** A project folder holding Pulumi.yaml and the given stack files (name -> content). */
function project(name: string, stacks: Readonly<Record<string, string>>, pulumiYaml = "name: demo\nruntime: nodejs\n"): string {
    const dir = path.join(scratch, name);
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), pulumiYaml);
    for (const [stack, content] of Object.entries(stacks)) {
        fs.writeFileSync(path.join(dir, `Pulumi.${stack}.yaml`), content);
    }
    return dir;
}

function planArgs(argv: readonly string[], cwd: string): PlanArgs {
    const parsed = parsePlanArgs(argv, cwd);
    if (parsed.kind !== "plan") {
        throw new Error(`expected a plan, got ${JSON.stringify(parsed)}`);
    }
    return parsed.args;
}

describe("GIVEN a user who names the project folder", () => {
    const fleets = path.join(REPO, "test", "fixtures", "fleets");

    it("WHEN it is the argument, or --project, or the current folder THEN the same project and stack are planned", () => {
        const expected = { projectDir: fleets, stack: "dev", configFile: path.join(fleets, "Pulumi.dev.yaml") };
        const pick = (a: PlanArgs) => ({ projectDir: a.projectDir, stack: a.stack, configFile: a.configFile });
        expect(pick(planArgs(["test/fixtures/fleets"], REPO))).toEqual(expected);
        expect(pick(planArgs(["--project", "test/fixtures/fleets"], REPO))).toEqual(expected);
        expect(pick(planArgs([], fleets))).toEqual(expected);
        expect(pick(planArgs([fleets, "--project", "test/fixtures/fleets"], REPO))).toEqual(expected);
    });

    it("WHEN the argument and --project name two folders THEN it is a usage error naming both", () => {
        expect(parsePlanArgs(["examples/sql-server", "--project", "test/fixtures/fleets"], REPO)).toEqual({
            kind: "usage-error",
            message: `the project folder is given twice, as ${path.join(REPO, "examples", "sql-server")} and with --project as ${fleets}: give it once`,
        });
    });

    it("WHEN the folder has no Pulumi.yaml THEN it is a usage error saying how to give the folder", () => {
        expect(parsePlanArgs(["docs"], REPO)).toEqual({
            kind: "usage-error",
            message: `no Pulumi.yaml in ${path.join(REPO, "docs")}; give the project's folder (azure-persistent-vm plan FOLDER), or run the plan from it`,
        });
    });

    it("WHEN two folders are given as arguments THEN it is a usage error", () => {
        expect(parsePlanArgs(["a", "b"], REPO)).toEqual({ kind: "usage-error", message: `plan takes one project folder, not 2: "a" "b"` });
    });

    it("WHEN --watch, --out and --timings are given THEN they are kept, the file made absolute", () => {
        const args = planArgs(["--watch", "--json", "--out", "plan.json", "--timings"], REPO);
        expect([args.watch, args.format, args.out, args.timings]).toEqual([true, "json", path.join(REPO, "plan.json"), true]);
    });
});

describe("GIVEN a user who names a stack that does not exist", () => {
    it("WHEN --stack names it in this repository THEN the message lists the stacks there are", () => {
        expect(parsePlanArgs(["--stack", "prod"], REPO)).toEqual({
            kind: "usage-error",
            message: `no stack "prod" in ${REPO}: there is no Pulumi.prod.yaml; its stacks: dev, rebuild`,
        });
    });

    it("WHEN the folder has no stack file at all THEN the message says so", () => {
        const dir = project("no-stacks", {});
        expect(resolveStack(dir, "dev", undefined)).toEqual({ ok: false, message: `no stack "dev" in ${dir}: there is no Pulumi.dev.yaml; it has no stack config file (Pulumi.<stack>.yaml)` });
    });

    it("WHEN --config-file names a file that does not exist THEN the message names it", () => {
        expect(resolveStack(REPO, undefined, path.join(scratch, "absent.yaml"))).toEqual({ ok: false, message: `no stack config file ${path.join(scratch, "absent.yaml")}` });
    });
});

describe("GIVEN a user who names no stack", () => {
    it("WHEN the folder has a dev stack among others THEN dev is planned", () => {
        expect(resolveStack(REPO, undefined, undefined)).toEqual({ ok: true, stack: "dev", configFile: path.join(REPO, "Pulumi.dev.yaml") });
    });

    it("WHEN the folder has one stack, not dev THEN that one is planned", () => {
        const dir = project("one-stack", { prod: "config: {}\n" });
        expect(resolveStack(dir, undefined, undefined)).toEqual({ ok: true, stack: "prod", configFile: path.join(dir, "Pulumi.prod.yaml") });
    });

    it("WHEN the folder has several stacks and none is dev THEN it is a usage error listing them", () => {
        const dir = project("two-stacks", { staging: "config: {}\n", prod: "config: {}\n" });
        expect(stacksIn(dir)).toEqual(["prod", "staging"]);
        expect(resolveStack(dir, undefined, undefined)).toEqual({
            ok: false,
            message: `${dir} has several stacks and none is named dev: give one with --stack NAME (its stacks: prod, staging)`,
        });
    });

    it("WHEN the folder has no stack file THEN dev is planned with Pulumi.yaml's config alone", () => {
        const dir = project("fresh", {}, "name: demo\nruntime: nodejs\nconfig:\n  demo:size: small\n");
        expect(resolveStack(dir, undefined, undefined)).toEqual({ ok: true, stack: "dev", configFile: undefined });
        expect(readStackConfig({ projectDir: dir, stack: "dev" })).toEqual({});
    });
});

describe("GIVEN a stack file or Pulumi.yaml that is not valid YAML", () => {
    it("WHEN the stack's config is read THEN the error names the file, the line and the column, and quotes nothing", () => {
        const dir = project("bad-yaml", { dev: "config:\n  demo:password: hunter2-not-shown\n bad: x\n" });
        const file = path.join(dir, "Pulumi.dev.yaml");
        expect(() => readStackConfig({ projectDir: dir, stack: "dev" })).toThrow(
            new Error(`${file} is not valid YAML: All mapping items must start at the same column at line 3, column 1; fix the file (pulumi would refuse it too)`),
        );
    });

    it("WHEN Pulumi.yaml has a duplicate key THEN the error names Pulumi.yaml", () => {
        const dir = project("bad-project", {}, "name: demo\nname: other\nruntime: nodejs\n");
        expect(() => readProject(dir)).toThrow(
            new Error(`${path.join(dir, "Pulumi.yaml")} is not valid YAML: Map keys must be unique at line 2, column 1; fix the file (pulumi would refuse it too)`),
        );
    });

    it("WHEN the stack file's config is a list THEN the error names the file and says what it should hold", () => {
        const dir = project("list-config", { dev: "config:\n  - a\n" });
        expect(() => readStackConfig({ projectDir: dir, stack: "dev" })).toThrow(
            new Error(`${path.join(dir, "Pulumi.dev.yaml")} is not a stack config file: it holds a mapping whose "config" key maps each config key to its value`),
        );
    });
});

describe("GIVEN a plan to watch", () => {
    it("THEN a save of a source the type-check read, a stack file, Pulumi.yaml, tsconfig.json or package.json re-plans; a package's file does not", () => {
        const fixture = path.join(REPO, "test", "fixtures", "offline");
        const args = planArgs([fixture], REPO);
        const declarations = path.join(REPO, "node_modules", "@pulumi", "pulumi", "index.d.ts");
        const files = watchedFiles(args, [path.join(fixture, "index.ts"), declarations]);
        expect([...files].sort()).toEqual(["Pulumi.dev.yaml", "Pulumi.yaml", "index.ts", "package.json", "tsconfig.json"].map((f) => path.join(fixture, f)));
    });
});
