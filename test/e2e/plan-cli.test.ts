/**
 * The plan command as a user runs it: the package's bin (dist/cli/azure-persistent-vm.js, built by the suite's global
 * setup) in a child process, every run under a guard (test/support/no-network.cjs, preloaded into every Node process
 * through NODE_OPTIONS) that refuses and logs any connection or lookup that is not loopback; `npm run plan` as its
 * alias; `--watch` re-planning after a save. Not proved here: what the Pulumi CLI itself would print (there is no CLI
 * here), and the command's speed (docs/plan-tool.md, measured by tools/plan/speed.sh, not by a test).
 */
import { execFile, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlanDocument } from "../../tools/plan/document";
import { loadSavedPlan } from "../../tools/plan/saved-plan";
import { offlineWarnings } from "../../tools/recorder/recorder";
import { DEV_STACK_INVENTORY } from "../support/dev-stack";
import { REPO, copyProject } from "../support/project-copy";

const GUARD = path.join(REPO, "test", "support", "no-network.cjs");
const BIN = path.join(REPO, "dist", "cli", "azure-persistent-vm.js");
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "apvm-plan-"));
const networkLog = path.join(scratch, "network.log");
const guarded = { ...process.env, NODE_OPTIONS: `--require ${GUARD}`, NO_NETWORK_LOG: networkLog, NO_COLOR: "1" };

interface CliRun {
    readonly code: number;
    readonly stdout: string;
    readonly stderr: string;
}

async function run(file: string, args: readonly string[], cwd: string, env: Readonly<Record<string, string>> = {}): Promise<CliRun> {
    try {
        const { stdout, stderr } = await promisify(execFile)(file, args, { cwd, env: { ...guarded, ...env }, maxBuffer: 64 * 1024 * 1024 });
        return { code: 0, stdout, stderr };
    } catch (err) {
        const failed = err as { code?: number; stdout?: string; stderr?: string };
        return { code: failed.code ?? -1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
    }
}

/** Runs `azure-persistent-vm plan <args>` (the bin npm links, started as npx starts it) under the network guard. */
function planCli(args: readonly string[], cwd = REPO): Promise<CliRun> {
    return run(process.execPath, [BIN, "plan", ...args], cwd);
}

/** Runs the plans, at most one per core at a time; the results in the plans' order. */
async function atMostPerCore(plans: readonly (() => Promise<CliRun>)[]): Promise<CliRun[]> {
    const results: CliRun[] = [];
    let next = 0;
    const worker = async () => {
        for (let index = next++; index < plans.length; index = next++) {
            const run = plans[index];
            if (run !== undefined) {
                results[index] = await run();
            }
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(os.availableParallelism(), plans.length)) }, worker));
    return results;
}

/** The one run of a list, or a failed test naming it. */
function only(runs: readonly CliRun[], index: number): CliRun {
    const run = runs[index];
    if (run === undefined) {
        throw new Error(`plan ${index} did not run`);
    }
    return run;
}

const badConfig = path.join(scratch, "Pulumi.bad.yaml");
fs.writeFileSync(badConfig, fs.readFileSync(path.join(REPO, "Pulumi.dev.yaml"), "utf8")
    .replace("{ name: data, lun: 0, sizeGb: 128, sku: Premium_LRS, caching: ReadOnly, format: true }", "{ name: data, lun: 64, sizeGb: 128 }"));

let text: CliRun;
let json: CliRun;
let bad: CliRun;
let toFile: CliRun;
let fleets: CliRun;
/** Two fleets on a VmNetwork: a zonal Linux fleet with two data disks, a regional Windows fleet with a generated password. */
const FLEETS_PROJECT = path.join(REPO, "test", "fixtures", "fleets");
const outFile = path.join(scratch, "plan.json");
beforeAll(async () => {
    // No more plans at once than the machine has cores: each is a type-check and a program run of its own.
    const runs = await atMostPerCore([
        () => planCli([]),
        () => planCli(["--json"]),
        () => planCli(["--config-file", badConfig]),
        () => planCli(["--json", "--out", outFile]),
        () => planCli([FLEETS_PROJECT]),
    ]);
    [text, json, bad, toFile, fleets] = [only(runs, 0), only(runs, 1), only(runs, 2), only(runs, 3), only(runs, 4)];
});

afterAll(() => {
    fs.rmSync(scratch, { recursive: true, force: true });
});

describe("GIVEN the dev stack WHEN azure-persistent-vm plan runs in the repository's folder", () => {
    it("THEN it prints the tree, the counts and one block per VM, and exits 0", () => {
        expect(text.stderr).toBe("");
        expect(text.code).toBe(0);
        const lines = text.stdout.split("\n");
        expect(lines[0]).toBe(`Plan for stack "dev" of project "azure-persistent-vm" (offline: nothing is deployed; ids and outputs are placeholders)`);
        expect(lines).toContain(" +   │  ├─ azure-native:compute:Disk                                      web01-disk-data          create  [protect, retainOnDelete]");
        expect(lines).toContain(" +   │  ├─ azure-native:compute:VirtualMachineRunCommandByVirtualMachine  web01-format-data        create");
        expect(lines).toContain("Resources: 23 to create");
        expect(lines).toContain("    web01  linux  Standard_D2s_v5  Canonical:ubuntu-24_04-lts:server:latest  zone 1");
        expect(lines).toContain("        disk data  LUN 0  128 GiB  Premium_LRS  ReadOnly  protection protect  source Empty  lock none  mount /data/data ext4");
        expect(lines).toContain("        credential rotation  VMAccessForLinux 1.5");
        expect(lines).toContain("        credential rotation  VMAccessAgent 2.4");
        expect(lines).toContain("        disk data  LUN 0  256 GiB  Premium_LRS  ReadOnly  protection protect  source Empty  lock none  mount C:\\data\\data NTFS");
        expect(lines.filter((l) => l === "        backup  none")).toHaveLength(2);
        expect(lines).toContain("    app01  windows  Standard_D2s_v5  MicrosoftWindowsServer:WindowsServer:2025-datacenter-azure-edition:latest  zone 1");
        expect(lines).toContain(`    generatedCredentials: "[secret]"`);
    });

    it("THEN no process of the plan opened a network connection or looked up a name", () => {
        expect(fs.existsSync(networkLog) ? fs.readFileSync(networkLog, "utf8") : "").toBe("");
    });
});

describe("GIVEN the dev stack WHEN azure-persistent-vm plan --json runs", () => {
    let doc: PlanDocument;
    beforeAll(() => {
        doc = JSON.parse(json.stdout) as PlanDocument;
    });

    it("THEN the document lists every resource of the dev stack, in the documented shape", () => {
        expect(json.code).toBe(0);
        expect(Object.keys(doc)).toEqual(["formatVersion", "secretSalt", "project", "stack", "resources", "outputs"]);
        expect(doc.formatVersion).toBe(2);
        expect(doc.secretSalt).toMatch(/^[0-9a-f]{32}$/);
        expect(doc.resources.map((r) => `${r.type}::${r.name}`).sort()).toEqual(DEV_STACK_INVENTORY);
        for (const r of doc.resources) {
            expect(Object.keys(r)).toEqual(["urn", "type", "name", "parent", "custom", "id", "inputs", "options", "dependencies", "propertyDependencies", "secrets", "opaque"]);
            expect(Object.keys(r.options)).toEqual([
                "protect", "retainOnDelete", "deleteBeforeReplace", "ignoreChanges", "replaceOnChanges", "dependsOn", "import", "aliases", "replaceWith",
                ...(r.options.replacementTrigger !== undefined ? ["replacementTrigger"] : []), "deletedWith",
            ]);
            expect([typeof r.options.protect, typeof r.options.retainOnDelete, typeof r.options.deleteBeforeReplace]).toEqual(["boolean", "boolean", "boolean"]);
        }
    });

    it("THEN each secret is printed as [secret] and kept only as digests, with its place, and the file reads back as a saved plan", () => {
        const secrets = doc.resources.flatMap((r) => r.secrets.map((s) => `${r.name} ${JSON.stringify(s.path)}`)).sort();
        expect(secrets).toEqual(["app01-access [\"inputs\",\"protectedSettings\"]", "app01-vm [\"inputs\",\"osProfile\"]", "web01-access [\"inputs\",\"protectedSettings\"]"]);
        const vm = doc.resources.find((r) => r.name === "app01-vm");
        expect((vm?.secrets[0]?.value as Record<string, unknown>)["adminPassword"]).toEqual({ "@digest": expect.stringMatching(/^[0-9a-f]{64}$/) as unknown });
        expect(json.stdout).not.toContain("placeholder-password-of-app01-admin-password");
        const loaded = loadSavedPlan(doc);
        // Every resource but the Stack, which is the engine's.
        expect(loaded.ok && [loaded.salt, loaded.resources.length]).toEqual([doc.secretSalt, DEV_STACK_INVENTORY.length - 1]);
    });

    it("THEN the data disks are protected and the VMs are deleted before they are replaced", () => {
        const of = (type: string) => doc.resources.filter((r) => r.type === type);
        expect(of("azure-native:compute:Disk").map((r) => [r.name, r.options.protect])).toEqual([["web01-disk-data", true], ["app01-disk-data", true]]);
        expect(of("azure-native:compute:VirtualMachine").map((r) => [r.name, r.options.deleteBeforeReplace])).toEqual([["web01-vm", true], ["app01-vm", true]]);
        expect(of("azure-native:resources:ResourceGroup").map((r) => r.options.protect)).toEqual([true]);
    });

    it("THEN dependencies are URNs of planned resources, and the VM's come through its inputs, not dependsOn", () => {
        const urns = new Set(doc.resources.map((r) => r.urn));
        const vm = doc.resources.find((r) => r.name === "web01-vm");
        expect(vm?.dependencies.every((d) => urns.has(d))).toBe(true);
        expect(vm?.dependencies.map((d) => d.split("::").pop()).sort()).toEqual(["resource-group", "web01-disk-data", "web01-nic"]);
        expect(vm?.dependencies).toEqual([...(vm?.dependencies ?? [])].sort());
        expect(vm?.options.dependsOn).toEqual([]);
    });
});

describe("GIVEN the dev stack WHEN azure-persistent-vm plan --json --out FILE runs", () => {
    it("THEN the file holds what --json prints but for its own salt and the digests made with it, and standard output is empty", () => {
        expect(toFile.code).toBe(0);
        expect(toFile.stdout).toBe("");
        const written = fs.readFileSync(outFile, "utf8");
        const salt = (text: string) => (JSON.parse(text) as PlanDocument).secretSalt;
        expect(salt(written)).not.toBe(salt(json.stdout));
        const unsalted = (text: string) => text.replace(/"secretSalt": "[0-9a-f]{32}"/, `"secretSalt": "<salt>"`).replace(/"@digest": "[0-9a-f]{64}"/g, `"@digest": "<digest>"`);
        expect(unsalted(written)).toBe(unsalted(json.stdout));
    });
});

describe("GIVEN a config file whose VM breaks a rule WHEN azure-persistent-vm plan --config-file runs", () => {
    it("THEN it exits 1 naming the VM and the key, without a stack trace", () => {
        expect(bad.code).toBe(1);
        expect(bad.stderr).toBe([
            "error: StackConfigError: invalid stack configuration:",
            `  azure-persistent-vm:vms[0] ("web01").dataDisks[0].lun: 64 is outside 0-63 (set a LUN from 0 to 63).`,
            "",
        ].join("\n"));
        expect(bad.stdout).toBe("");
    });
});

describe("GIVEN a stack of two fleets (test/fixtures/fleets) WHEN azure-persistent-vm plan FOLDER runs", () => {
    it("THEN it prints one block per fleet: shape, modes, the profile's OS disk and data disks, and whose disks they are", () => {
        expect([fleets.code, fleets.stderr]).toEqual([0, ""]);
        const lines = fleets.stdout.split("\n");
        const block = lines.slice(lines.indexOf("Fleets (virtual machine scale sets):"), lines.indexOf("Outputs:"));
        const disks = "        disks  the instances' own, made by Azure, not stack resources; kept on scale-in only with deleteOption Detach";
        expect(block).toEqual([
            "Fleets (virtual machine scale sets):",
            "    web  linux  Standard_D2s_v5  Canonical:ubuntu-24_04-lts:server:latest  instances 3  zones 1,2,3",
            "        orchestration Flexible  upgrade Rolling  health probe http port 80 /healthz",
            "        OS disk  Premium_LRS  image size  ReadWrite  deleteOption Delete",
            "        disk  LUN 0  64 GiB  Premium_LRS  ReadOnly  deleteOption Detach",
            "        disk  LUN 1  32 GiB  StandardSSD_LRS  None  deleteOption Detach",
            disks,
            "    app  windows  Standard_D4s_v5  MicrosoftWindowsServer:WindowsServer:2025-datacenter-azure-edition:latest  instances 2  regional",
            "        orchestration Flexible  upgrade Manual  health probe tcp port 443",
            "        OS disk  Premium_LRS  256 GiB  ReadWrite  deleteOption Delete",
            "        disk  LUN 0  128 GiB  Premium_LRS  ReadOnly  deleteOption Detach",
            disks,
            "",
        ]);
    });

    it("THEN the fleets' ids are ARM-shaped placeholders, the generated password a secret, and no VM block is printed", () => {
        const lines = fleets.stdout.split("\n");
        const base = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-fleets/providers/Microsoft.Compute/virtualMachineScaleSets";
        expect(lines).toContain(`    webScaleSetId: "${base}/web"`);
        expect(lines).toContain(`    appScaleSetId: "${base}/app"`);
        expect(lines).toContain(`    appAdminPassword: "[secret]"`);
        expect(lines).not.toContain("Virtual machines:");
    });
});

describe("GIVEN a program that fails to load", () => {
    let copy: string;
    beforeAll(() => {
        copy = copyProject("plan-load");
        fs.copyFileSync(path.join(REPO, "Pulumi.dev.yaml"), path.join(copy, "Pulumi.dev.yaml"));
    });
    afterAll(() => {
        fs.rmSync(copy, { recursive: true, force: true });
    });

    it("WHEN index.ts has a syntax error THEN the plan exits 1 with the compiler's error", async () => {
        fs.appendFileSync(path.join(copy, "index.ts"), "\nexport const broken = ;\n");
        const run = await planCli([], copy);
        expect(run.code).toBe(1);
        expect(run.stderr).toMatch(/^error: the program does not type-check, so pulumi preview would not load it:\nindex\.ts\(\d+,\d+\): error TS1109: Expression expected\.\n$/);
    });

    it("WHEN index.ts throws at load THEN the plan exits 1 with the program's message", async () => {
        fs.copyFileSync(path.join(REPO, "index.ts"), path.join(copy, "index.ts"));
        fs.appendFileSync(path.join(copy, "index.ts"), `\nthrow new Error("the stack refuses to load");\n`);
        const run = await planCli([], copy);
        expect(run.code).toBe(1);
        expect(run.stderr).toBe("error: Error: the stack refuses to load\n");
    });
});

describe("GIVEN a command line the plan does not understand", () => {
    it.each([[["--bogus"]], [["--format", "svg"]], [["--json", "--format", "mermaid"]], [["--stack", "nosuchstack"]]])("THEN %j exits 2 with the usage", async (args) => {
        const result = await planCli(args);
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(/^error: .+\nusage: azure-persistent-vm plan \[FOLDER\] /);
    });

    it("WHEN --stack names a stack that does not exist THEN the error lists the stacks there are", async () => {
        const result = await planCli(["--stack", "prod"]);
        expect([result.code, result.stdout, result.stderr.split("\n")[0]]).toEqual([2, "", `error: no stack "prod" in ${REPO}: there is no Pulumi.prod.yaml; its stacks: dev, rebuild`]);
    });

    it("WHEN the command is not plan THEN it exits 2 with the command's usage", async () => {
        const result = await run(process.execPath, [BIN, "deploy"], REPO);
        expect([result.code, result.stdout]).toEqual([2, ""]);
        expect(result.stderr).toMatch(/^error: unknown command "deploy"\nusage: azure-persistent-vm <command> \[options\]\n {2}plan \[FOLDER\] \[options\]/);
    });
});

describe("GIVEN a stack file that is not valid YAML, with a password in it", () => {
    it("WHEN it is planned THEN the plan exits 1 naming the file, the line and the column, and quotes nothing of it", async () => {
        const file = path.join(scratch, "Pulumi.broken.yaml");
        fs.writeFileSync(file, "config:\n  azure-persistent-vm:resourceGroupName: rg\n  azure-persistent-vm:adminPassword: hunter2-in-plain\n bad: x\n");
        const result = await planCli(["--config-file", file]);
        expect(result).toEqual({
            code: 1,
            stdout: "",
            stderr: `error: ${file} is not valid YAML: All mapping items must start at the same column at line 4, column 1; fix the file (pulumi would refuse it too)\n`,
        });
    });
});

describe("GIVEN a program that reads another stack, calls a provider function, reads an existing resource and uses a dynamic provider (test/fixtures/offline)", () => {
    let result: CliRun;
    beforeAll(async () => {
        result = await planCli([path.join(REPO, "test", "fixtures", "offline"), "--json"]);
    });

    it("WHEN it is planned through the SDK's runner THEN each gets a warning that it is unknown offline, and the plan is printed", () => {
        expect(result.code).toBe(0);
        expect(result.stderr.split("\n").filter((l) => l !== "").sort()).toEqual([
            offlineWarnings.stackReference("network", "acme/network/prod"),
            offlineWarnings.invoke("azure-native:authorization:getClientConfig"),
            offlineWarnings.read("azure-native:resources:ResourceGroup", "shared"),
            offlineWarnings.dynamic("change-ticket"),
        ].map((w) => `warning: ${w}`).sort());
    });

    it("THEN what the program took from them prints as [unknown]", () => {
        const doc = JSON.parse(result.stdout) as PlanDocument;
        expect(doc.resources.find((r) => r.name === "app")?.inputs["tags"]).toEqual({ subnet: "[unknown]", tenant: "[unknown]", sharedLocation: "[unknown]", ticket: "[unknown]", owner: "platform-team" });
        expect(doc.outputs).toEqual({ subnetId: "[unknown]" });
    });
});

describe("GIVEN this repository WHEN npm run -s plan -- --json runs", () => {
    it("THEN standard output is the plan's JSON alone", async () => {
        const npm = process.platform === "win32" ? "npm.cmd" : "npm";
        const result = await run(npm, ["run", "-s", "plan", "--", "--json"], REPO, { npm_config_update_notifier: "false" });
        expect([result.code, result.stderr]).toEqual([0, ""]);
        expect((JSON.parse(result.stdout) as PlanDocument).stack).toBe("dev");
    });
});

describe("GIVEN a copy of the project planned twice, a config value changed in between", () => {
    let copy: string;
    beforeAll(() => {
        copy = copyProject("plan-cache");
    });
    afterAll(() => {
        fs.rmSync(copy, { recursive: true, force: true });
    });

    it("WHEN --timings is given THEN the first plan type-checks and the second skips the check, since no file it read changed", async () => {
        const first = await planCli(["--timings"], copy);
        fs.writeFileSync(path.join(copy, "Pulumi.dev.yaml"), fs.readFileSync(path.join(copy, "Pulumi.dev.yaml"), "utf8").replace("sizeGb: 128", "sizeGb: 200"));
        const second = await planCli(["--timings"], copy);
        expect([first.code, second.code]).toEqual([0, 0]);
        expect(first.stderr).toMatch(/^timings: type-check \d+\.\d\d s, program run \d+\.\d\d s, total \d+\.\d\d s\n$/);
        expect(second.stderr).toMatch(/^timings: type-check \d+\.\d\d s, program run \d+\.\d\d s, total \d+\.\d\d s \(type-check skipped: no file it read has changed\)\n$/);
        expect(second.stdout).toContain("disk data  LUN 0  200 GiB");
    });
});

describe("GIVEN a copy of the project planned with --watch", () => {
    let copy: string;
    beforeAll(() => {
        copy = copyProject("plan-watch");
    });
    afterAll(() => {
        fs.rmSync(copy, { recursive: true, force: true });
    });

    it("WHEN a config value is saved THEN a second plan is printed with it, and an interrupt stops the watch with exit code 0", async () => {
        const child = spawn(process.execPath, [BIN, "plan", "--json", "--watch"], { cwd: copy, env: guarded, stdio: ["ignore", "pipe", "pipe"] });
        let stdout = "";
        let stderr = "";
        const plans: PlanDocument[] = [];
        const waiters: (() => void)[] = [];
        child.stdout.on("data", (chunk: Buffer) => {
            stdout += chunk.toString();
            const lines = stdout.split("\n");
            stdout = lines.pop() ?? "";
            lines.filter((l) => l !== "").forEach((l) => plans.push(JSON.parse(l) as PlanDocument));
            waiters.splice(0).forEach((wake) => wake());
        });
        child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
        let exitCode: number | null | undefined;
        const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => {
            exitCode = code;
            waiters.splice(0).forEach((wake) => wake());
            resolve(code);
        }));
        const planCount = async (n: number) => {
            while (plans.length < n) {
                if (exitCode !== undefined) {
                    throw new Error(`the watch ended (exit code ${String(exitCode)}) after ${plans.length} plans: ${stderr}`);
                }
                await new Promise<void>((resolve) => waiters.push(resolve));
            }
        };
        const diskSize = (doc: PlanDocument | undefined) => doc?.resources.find((r) => r.name === "web01-disk-data")?.inputs["diskSizeGB"];
        try {
            await planCount(1);
            // The watch is set once the first plan is printed and its sources known; it says so on standard error.
            while (!stderr.includes("watching") && exitCode === undefined) {
                await new Promise((resolve) => setTimeout(resolve, 100));
            }
            const config = path.join(copy, "Pulumi.dev.yaml");
            fs.writeFileSync(config, fs.readFileSync(config, "utf8").replace("sizeGb: 128", "sizeGb: 300"));
            await planCount(2);
        } finally {
            child.kill("SIGINT");
        }
        expect(await exited).toBe(0);
        expect([plans.length, diskSize(plans[0]), diskSize(plans[1])]).toEqual([2, 128, 300]);
        expect(stderr).toContain("watch: Pulumi.dev.yaml changed; planning again\n");
    });
});

describe("GIVEN the network guard itself", () => {
    it("THEN it refuses and logs a connection outside its allow-list (127.0.0.2, still loopback, so nothing leaves)", async () => {
        const log = path.join(scratch, "control.log");
        const script = `const s = require("node:net").connect(9, "127.0.0.2"); s.on("error", () => {});`;
        const result = await promisify(execFile)(process.execPath, ["-e", script], {
            env: { ...process.env, NODE_OPTIONS: `--require ${GUARD}`, NO_NETWORK_LOG: log },
        }).then(() => "connected", () => "refused");
        expect(result).toBe("refused");
        expect(fs.readFileSync(log, "utf8")).toContain(`"what":"connect 127.0.0.2:9"`);
    });
});
