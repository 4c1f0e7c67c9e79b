/**
 * The template as a new user gets it, offline: `pulumi new` emulated (templates/pulumi-new.ts) into a scratch folder,
 * the package packed with `npm pack` and unpacked into that folder's node_modules (the rest of node_modules from this
 * checkout, so nothing is fetched), then the project type-checked with TypeScript 6 against the packed declarations,
 * planned with the package's command, and its own test run with `npm test`; every child process under the network
 * guard. Also: the SDK's own runner (runProgramInChildProcess) records what the in-process run records; Pulumi's
 * template tsconfig fails under TypeScript 6 (TS5107), with tsc and in the SDK's runner type-checking as `pulumi
 * preview` does, where the template's passes; and the template's test fails when the program stops protecting a disk.
 * Not proved here: `pulumi new` itself (no Pulumi CLI), an install from the registry (.ci/run does one).
 */
import { execFile, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { setMockOptions } from "@pulumi/pulumi/runtime/settings";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { everyDiskProtected, noNsgOpensSshToAnyone, runProgram, runProgramInChildProcess, type StackRun } from "../../testing";
import { pulumiNew } from "../../templates/pulumi-new";
import { serveRecorder } from "../../tools/recorder/monitor-server";
import { programInputs } from "../../tools/recorder/program";
import { Recorder } from "../../tools/recorder/recorder";
import { REPO } from "../support/project-copy";

const TEMPLATE = path.join(REPO, "templates", "azure-persistent-vm-typescript");
const GUARD = path.join(REPO, "test", "support", "no-network.cjs");
const TSC = path.join(REPO, "node_modules", "typescript", "bin", "tsc");
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "apvm-template-e2e-"));
const networkLog = path.join(scratch, "network.log");
const projectDir = path.join(scratch, "my-vms");
/** The compiler options of Pulumi's TypeScript templates (pulumi/templates, typescript/tsconfig.json). */
const PULUMI_TEMPLATE_OPTIONS = {
    strict: true, outDir: "bin", target: "es2020", module: "commonjs", moduleResolution: "node", sourceMap: true, experimentalDecorators: true,
    pretty: true, noFallthroughCasesInSwitch: true, noImplicitReturns: true, forceConsistentCasingInFileNames: true,
};

interface Run {
    readonly code: number;
    readonly stdout: string;
    readonly stderr: string;
}

/** Runs a command to its end; a failure is a result, not an exception. */
async function run(file: string, args: readonly string[], cwd: string, guarded = true): Promise<Run> {
    const env = { ...process.env, NO_COLOR: "1", npm_config_update_notifier: "false", ...(guarded ? { NODE_OPTIONS: `--require ${GUARD}`, NO_NETWORK_LOG: networkLog } : {}) };
    try {
        const { stdout, stderr } = await promisify(execFile)(file, [...args], { cwd, env, maxBuffer: 64 * 1024 * 1024 });
        return { code: 0, stdout, stderr };
    } catch (err) {
        const failed = err as { code?: number; stdout?: string; stderr?: string };
        return { code: typeof failed.code === "number" ? failed.code : -1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
    }
}

/**
 * The SDK's runner started as `pulumi preview` starts it, with its type-check on: the CLI leaves it on, so ts-node
 * compiles the program with the project's TypeScript and tsconfig. (runProgramInChildProcess turns it off: a caller
 * type-checks with tsc first.)
 */
async function previewTypeChecked(dir: string): Promise<{ exitCode: number | null; errors: string; registrations: number }> {
    const { project, config, secretKeys, entryPoint } = programInputs({ projectDir: dir, stack: "dev" });
    const recorder = new Recorder();
    setMockOptions(recorder, project.name, "dev", true);
    const server = await serveRecorder(recorder);
    try {
        // Resolved, as every module the runner loads, from the project's node_modules as a user's install lays it out,
        // not from this checkout's, which holds ts-node 10 (a project made from the template has none, so the SDK
        // uses the ts-node 7.0.1 it vendors, as under the CLI).
        const runner = path.join(dir, "node_modules", "@pulumi", "pulumi", "cmd", "run");
        const args = ["--preserve-symlinks", "--preserve-symlinks-main", runner, "--monitor", server.address, "--engine", server.address, "--project", project.name, "--stack", "dev", "--pwd", dir, "--root-directory", dir, "--dry-run", entryPoint];
        const env = {
            ...process.env, NODE_OPTIONS: `--require ${GUARD}`, NO_NETWORK_LOG: networkLog,
            PULUMI_CONFIG: JSON.stringify(config), PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(secretKeys), PULUMI_NODEJS_TYPESCRIPT: "true",
        };
        const exitCode = await new Promise<number | null>((resolve) => spawn(process.execPath, args, { cwd: dir, env, stdio: "ignore" }).on("close", resolve));
        const errors = recorder.logs.filter((l) => l.severity === "error").map((l) => l.message).join("\n");
        return { exitCode, errors, registrations: recorder.registrations.length };
    } finally {
        await server.close();
    }
}

/** A project made from the template, with this checkout's packages and the packed library in node_modules. */
function newProject(dir: string, modules: string): void {
    pulumiNew({ templateDir: TEMPLATE, projectDir: dir, name: "my-vms", description: "Two durable VMs: Linux and Windows", stack: "dev" });
    fs.symlinkSync(modules, path.join(dir, "node_modules"), "dir");
}

let files: readonly string[];
let bin: string;
beforeAll(async () => {
    // What a user installs: the tarball npm pack makes, lifecycle scripts and all.
    const packed = await run("npm", ["pack", "--pack-destination", scratch, "--loglevel=error"], REPO, false);
    expect(packed.code, packed.stderr).toBe(0);
    const tarball = path.join(scratch, packed.stdout.trim().split("\n").pop() ?? "");
    files = pulumiNew({ templateDir: TEMPLATE, projectDir, name: "my-vms", description: "Two durable VMs: Linux and Windows", stack: "dev" }).files;
    // node_modules as an install would lay it out: the packed library, and this checkout's copies of everything else.
    const modules = path.join(projectDir, "node_modules");
    fs.mkdirSync(path.join(modules, "azure-persistent-vm"), { recursive: true });
    // Not ts-node either: the template does not depend on it, and the SDK's runner takes the project's ts-node over the one
    // it vendors.
    for (const entry of fs.readdirSync(path.join(REPO, "node_modules"))) {
        if (entry !== "azure-persistent-vm" && entry !== "ts-node") {
            fs.symlinkSync(path.join(REPO, "node_modules", entry), path.join(modules, entry));
        }
    }
    const unpacked = await run("tar", ["-xzf", tarball, "-C", path.join(modules, "azure-persistent-vm"), "--strip-components=1"], scratch, false);
    expect(unpacked.code, unpacked.stderr).toBe(0);
    const manifest = JSON.parse(fs.readFileSync(path.join(modules, "azure-persistent-vm", "package.json"), "utf8")) as { bin: Record<string, string> };
    bin = path.join(modules, "azure-persistent-vm", manifest.bin["azure-persistent-vm"] ?? "");
});
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe("GIVEN a project made from the template by pulumi new, with the packed package installed", () => {
    it("THEN it holds the template's files and the dev stack's config, ${PROJECT} and ${DESCRIPTION} replaced", () => {
        expect(files).toStrictEqual(["Pulumi.dev.yaml", "Pulumi.yaml", "index.test.ts", "index.ts", "package.json", "tsconfig.json"]);
        expect(fs.readFileSync(path.join(projectDir, "Pulumi.yaml"), "utf8")).toMatch(/^name: my-vms\ndescription: "Two durable VMs: Linux and Windows"\n/);
        expect((JSON.parse(fs.readFileSync(path.join(projectDir, "package.json"), "utf8")) as { name: string }).name).toBe("my-vms");
    });

    it("WHEN type-checked with TypeScript 6 THEN the program and its test compile against the packed declarations, azure-persistent-vm/testing included", async () => {
        const checked = await run(process.execPath, [TSC, "--version"], projectDir);
        expect(checked.stdout.trim()).toMatch(/^Version 6\./);
        const result = await run(process.execPath, [TSC, "--noEmit", "-p", "."], projectDir);
        expect(result.stdout + result.stderr).toBe("");
        expect(result.code).toBe(0);
    });

    it("WHEN type-checked with the tsconfig of Pulumi's TypeScript templates THEN TypeScript 6 refuses it (TS5107), as the template's does not", async () => {
        fs.writeFileSync(path.join(projectDir, "tsconfig.pulumi.json"), JSON.stringify({ compilerOptions: PULUMI_TEMPLATE_OPTIONS, files: ["index.ts"] }, null, 4));
        const result = await run(process.execPath, [TSC, "--noEmit", "--pretty", "false", "-p", "tsconfig.pulumi.json"], projectDir);
        expect(result.code).toBe(2);
        expect(result.stdout).toContain("error TS5107: Option 'moduleResolution=node10' is deprecated and will stop functioning in TypeScript 7.0.");
        fs.rmSync(path.join(projectDir, "tsconfig.pulumi.json"));
    });

    it("WHEN planned with the package's command THEN it prints the plan, and with --json nothing but JSON", async () => {
        const text = await run(process.execPath, [bin, "plan"], projectDir);
        expect(text.code, text.stderr).toBe(0);
        expect(text.stdout).toContain("linux01");
        expect(text.stdout).toContain("windows01");
        const json = await run(process.execPath, [bin, "plan", "--json"], projectDir);
        expect(json.code, json.stderr).toBe(0);
        expect(JSON.stringify(JSON.parse(json.stdout))).toContain("linux01-disk-data");
    });

    it("WHEN its npm test runs THEN the type-check and its four tests with azure-persistent-vm/testing pass", async () => {
        const result = await run("npm", ["test"], projectDir);
        expect(result.code, result.stdout + result.stderr).toBe(0);
        expect(result.stdout).toMatch(/Tests\s+4 passed \(4\)/);
    });

    it("THEN no child process opened a connection beyond loopback", () => {
        expect(fs.existsSync(networkLog) ? fs.readFileSync(networkLog, "utf8") : "").toBe("");
    });
});

describe("GIVEN the template's program under the SDK's own runner and in process", () => {
    let child: StackRun;
    let inProcess: StackRun;
    beforeAll(async () => {
        child = await runProgramInChildProcess({ projectDir, stack: "dev" });
        inProcess = await runProgram({
            projectDir, stack: "dev", load: async (file) => {
                vi.resetModules();
                return import(file);
            },
        });
    });

    it("WHEN both run THEN they record the same resources with the same options, and the checks pass on both", () => {
        const shape = (r: StackRun) => r.registrations.map((x) => ({ urn: x.urn, options: x.options, secretPaths: x.secretPaths })).sort((a, b) => (a.urn < b.urn ? -1 : 1));
        expect(shape(child)).toStrictEqual(shape(inProcess));
        expect(child.registrations.length).toBe(24);   // the stack, 3 components, 20 resources
        expect([everyDiskProtected(child.registrations), noNsgOpensSshToAnyone(child.registrations)]).toStrictEqual([[], []]);
    });

    it("WHEN the runner's program refuses its config THEN runProgramInChildProcess rejects with the component's message", async () => {
        await expect(runProgramInChildProcess({ projectDir, stack: "dev", config: { managementSourcePrefix: "0.0.0.0/0" } })).rejects.toThrow(
            "VmNetwork \"net\": managementSourcePrefixes[0] \"0.0.0.0/0\" would open SSH/RDP to the whole internet; list the addresses you "
            + "manage from, like \"203.0.113.0/24\" (or, knowingly, set allowManagementFromAnywhere: true).");
    });
});

describe("GIVEN the template's program under the SDK's runner with its type-check on, as pulumi preview runs it", () => {
    it("WHEN the template's tsconfig is used THEN TypeScript 6 compiles it and the program registers everything", async () => {
        expect(await previewTypeChecked(projectDir)).toStrictEqual({ exitCode: 0, errors: "", registrations: 24 });
    });

    it("WHEN the tsconfig of Pulumi's TypeScript templates is used THEN the runner stops at TS5107, before any resource", async () => {
        const dir = path.join(scratch, "pulumi-tsconfig");
        newProject(dir, path.join(projectDir, "node_modules"));
        fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: PULUMI_TEMPLATE_OPTIONS, files: ["index.ts"] }, null, 4));
        const preview = await previewTypeChecked(dir);
        expect(preview.exitCode).toBe(32);
        expect(preview.errors).toContain("error TS5107: Option 'moduleResolution=node10' is deprecated and will stop functioning in TypeScript 7.0.");
        expect(preview.registrations).toBe(1);   // the stack alone
    });
});

describe("GIVEN a project made from the template whose Linux VM's disks are only retained", () => {
    it("WHEN its test runs THEN the disk checks fail, naming the disk", async () => {
        const dir = path.join(scratch, "retained");
        newProject(dir, path.join(projectDir, "node_modules"));
        const program = path.join(dir, "index.ts");
        fs.writeFileSync(program, fs.readFileSync(program, "utf8").replace("    size: config.require(\"linuxSize\"),", "    size: config.require(\"linuxSize\"),\n    diskProtection: \"retain\","));
        const result = await run(process.execPath, [path.join(dir, "node_modules", "vitest", "vitest.mjs"), "run"], dir);
        expect(result.code).toBe(1);
        // vitest prints a failure's diff on standard error, JSON-escaped inside the finding.
        expect(result.stderr).toContain("azure-native:compute:Disk \\\"linux01-disk-data\\\": protection \\\"retain\\\" (retainOnDelete without protect)");
        expect(result.stdout).toMatch(/Tests\s+2 failed \| 2 passed \(4\)/);
    });
});
