/**
 * A canary through every output. The stack program gets its config the way the Pulumi CLI delivers it after
 * decrypting (plaintext in PULUMI_CONFIG, the key listed in PULUMI_CONFIG_SECRET_KEYS), run by the SDK's runner in a
 * child process and by `npm run plan` as a user runs it, with distinctive values in a secret key's custom data and
 * tag, in a password, and in bad values under a secret key. No output stream, plan format, saved plan, non-debug log
 * line, error, or registration outside a value marked secret holds them, in plain or in base64; the registrations
 * hold them inside values marked secret.
 * Not proved here: what the Pulumi CLI and engine print (there is no CLI here), and the SDK's debug log (shown only
 * with --debug), which prints RPC messages with secrets inside their wrappers under the real engine too.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import type { PlanDocument } from "../../tools/plan/document";
import { formatJson, formatMermaid, formatText } from "../../tools/plan/format";
import { planOfRun } from "../../tools/plan/plan";
import { runProgram, type ProgramRun } from "../../tools/recorder/program";
import { redact, type Registration } from "../../tools/recorder/recorder";
import { devVm } from "../support/dev-stack";
import { REPO } from "../support/project-copy";

const CLI = path.join(REPO, "tools", "plan", "cli.ts");
const GUARD = path.join(REPO, "test", "support", "no-network.cjs");
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "apvm-canary-"));

/** cloud-init user data in the secret `vms` key; the component sends it base64-encoded. */
const CUSTOM_DATA = "canary-customdata-5Vq8Lw2zR";
/** A tag value in the secret `vms` key. */
const TAG = "canary-tag-Hx41pQ";
/** app01's password. */
const PASSWORD = "Canary-Pw-8Rt!x2Lq";
/** A Linux administrator name Azure refuses (it ends with "."), which the rule's message quotes. */
const BAD_USERNAME = "canary-admin-Wq83.";
/** An OS that is neither linux nor windows, which the schema's message quotes. */
const BAD_OS = "canary-os-Jm27";
/** Custom data given as a number, which the type error shows. */
const BAD_NUMBER = 730194628;

const CANARIES = [CUSTOM_DATA, TAG, PASSWORD, BAD_USERNAME, BAD_OS, String(BAD_NUMBER)];
const FORMS = [...CANARIES, ...CANARIES.map((c) => Buffer.from(c, "utf8").toString("base64"))];

/** Each canary, plain or base64, that a text holds. */
function leaks(text: string): string[] {
    return FORMS.filter((form) => text.includes(form));
}

/** A `secure:` value as `pulumi config set --secret` writes it; here it only makes its key secret (the plan cannot decrypt it). */
const CIPHERTEXT = { secure: "v1:Y2FuYXJ5LXRlc3Q=:bm90IGEgcmVhbCBjaXBoZXJ0ZXh0" };

/** The dev stack's VMs with web01 changed: the value of the secret `vms` key. */
function vms(web01: Readonly<Record<string, unknown>>, app01: Readonly<Record<string, unknown>> = {}): unknown[] {
    return [{ ...devVm("web01"), ...web01 }, { ...devVm("app01"), ...app01 }];
}

/** The dev stack, decrypted as the CLI hands it to the program: vms and adminPasswords plaintext, both keys secret. */
function decrypted(vmList: unknown[]): Promise<ProgramRun> {
    return runProgram({
        projectDir: REPO,
        stack: "dev",
        secretConfig: { "azure-persistent-vm:vms": vmList, "azure-persistent-vm:adminPasswords": { app01: PASSWORD } },
    });
}

/**
 * A stack file for `npm run plan`: the dev stack's, with vms made secret as `pulumi config set --secret --path
 * 'vms[0].tags.owner'` makes it (one `secure:` value inside; the CLI then lists the whole key as secret), the canaries
 * in plain beside it, and a password in adminPasswords.
 */
function stackFile(name: string, vmList: unknown[]): string {
    const file = path.join(scratch, `Pulumi.${name}.yaml`);
    const dev = parse(fs.readFileSync(path.join(REPO, "Pulumi.dev.yaml"), "utf8")) as { config: Record<string, unknown> };
    fs.writeFileSync(file, stringify({
        config: { ...dev.config, "azure-persistent-vm:vms": vmList, "azure-persistent-vm:adminPasswords": { app01: PASSWORD } },
    }));
    return file;
}

interface CliRun {
    readonly code: number;
    readonly stdout: string;
    readonly stderr: string;
}

/** `npm run plan -- <args>` (the same command line, without npm), under the network guard. */
async function planCli(args: readonly string[]): Promise<CliRun> {
    try {
        const { stdout, stderr } = await promisify(execFile)(process.execPath, ["--require", "ts-node/register/transpile-only", CLI, ...args], {
            cwd: REPO,
            env: { ...process.env, NODE_OPTIONS: `--require ${GUARD}`, NO_NETWORK_LOG: path.join(scratch, "network.log"), NO_COLOR: "1" },
            maxBuffer: 64 * 1024 * 1024,
        });
        return { code: 0, stdout, stderr };
    } catch (err) {
        const failed = err as { code?: number; stdout?: string; stderr?: string };
        return { code: failed.code ?? -1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
    }
}

/** Runs the jobs, at most one per core at a time (each is a program run); the results in the jobs' order. */
async function atMostPerCore<T>(jobs: readonly (() => Promise<T>)[]): Promise<T[]> {
    const results: T[] = [];
    let next = 0;
    const worker = async () => {
        for (let index = next++; index < jobs.length; index = next++) {
            const job = jobs[index];
            if (job !== undefined) {
                results[index] = await job();
            }
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(os.availableParallelism(), jobs.length)) }, worker));
    return results;
}

/** The one result of a list, or a failed test naming it. */
function only<T>(results: readonly T[], index: number): T {
    const result = results[index];
    if (result === undefined) {
        throw new Error(`run ${index} did not finish`);
    }
    return result;
}

/** A registration as anything outside the engine may see it: every secret as "[secret]", the unwrapped copy left out. */
function visibleRegistration(r: Registration): string {
    return JSON.stringify({
        type: r.type, name: r.name, urn: r.urn, id: r.id, parent: r.parent, secretPaths: r.secretPaths, inputs: redact(r.rawInputs),
        propertyDependencies: r.propertyDependencies, options: { ...r.options, replacementTrigger: redact(r.options.replacementTrigger) },
    });
}

/** What a user sees of a runner's run: its output streams and every log line but debug. */
function visibleOutput(run: ProgramRun): string {
    return [run.stdout, run.stderr, ...run.logs.filter((l) => l.severity !== "debug").map((l) => l.message)].join("\n");
}

/** The value at a dotted path of a registration's inputs, as the engine receives it, and whether it arrived as a secret. */
function received(run: ProgramRun, name: string, at: string): { value: unknown; secret: boolean } {
    const r = run.registrations.find((reg) => reg.name === name);
    if (r === undefined) {
        throw new Error(`${name} was not registered`);
    }
    const value = at.split(".").reduce<unknown>((v, key) => (v !== null && typeof v === "object" ? Reflect.get(v, key) : undefined), r.inputs);
    return { value, secret: r.secretPaths.some((p) => at === p || at.startsWith(`${p}.`)) };
}

/** What a plan document prints at a dotted path of a resource's inputs: "[secret]" where it reaches a secret. */
function printedAt(doc: PlanDocument, name: string, at: string): unknown {
    return at.split(".").reduce<unknown>((v, key) => (v === "[secret]" ? v : v !== null && typeof v === "object" ? Reflect.get(v, key) : undefined),
        doc.resources.find((r) => r.name === name)?.inputs);
}

const outFile = path.join(scratch, "plan.json");
let good: ProgramRun;
let bad: ProgramRun;
let text: CliRun;
let json: CliRun;
let mermaid: CliRun;
let saved: CliRun;
let badCli: CliRun;

beforeAll(async () => {
    const goodFile = stackFile("good", vms({ customData: CUSTOM_DATA, tags: { note: TAG, owner: CIPHERTEXT } }));
    const badFile = stackFile("bad", vms({ customData: BAD_NUMBER, tags: { owner: CIPHERTEXT } }, { os: BAD_OS }));
    const runs = await atMostPerCore([
        () => decrypted(vms({ customData: CUSTOM_DATA, tags: { note: TAG } })),
        () => decrypted(vms({ customData: CUSTOM_DATA, adminUsername: BAD_USERNAME })),
    ]);
    [good, bad] = [only(runs, 0), only(runs, 1)];
    const cli = await atMostPerCore([
        () => planCli(["--config-file", goodFile]),
        () => planCli(["--config-file", goodFile, "--json"]),
        () => planCli(["--config-file", goodFile, "--format", "mermaid"]),
        () => planCli(["--config-file", goodFile, "--json", "--out", outFile]),
        () => planCli(["--config-file", badFile, "--verbose"]),
    ]);
    [text, json, mermaid, saved, badCli] = [only(cli, 0), only(cli, 1), only(cli, 2), only(cli, 3), only(cli, 4)];
});

afterAll(() => {
    fs.rmSync(scratch, { recursive: true, force: true });
});

describe("GIVEN decrypted secret config as the CLI hands it over (vms with custom data and a tag, adminPasswords) WHEN the SDK's runner runs the stack", () => {
    it("THEN the program succeeds, and its output streams and log lines hold no canary", () => {
        expect(good.exitCode).toBe(0);
        expect(leaks(visibleOutput(good))).toEqual([]);
    });

    it("THEN each value reaches the engine as a secret, the custom data base64-encoded, while names stay plain", () => {
        expect(received(good, "web01-vm", "osProfile.customData")).toEqual({ value: Buffer.from(CUSTOM_DATA, "utf8").toString("base64"), secret: true });
        expect(received(good, "web01-vm", "tags.note")).toEqual({ value: TAG, secret: true });
        expect(received(good, "web01-nic", "tags.note")).toEqual({ value: TAG, secret: true });
        expect(received(good, "web01-disk-data", "tags.note")).toEqual({ value: TAG, secret: true });
        expect(received(good, "app01-vm", "osProfile.adminPassword")).toEqual({ value: PASSWORD, secret: true });
        expect(received(good, "web01-vm", "vmName")).toEqual({ value: "web01", secret: false });
        expect(received(good, "web01-disk-data", "diskName")).toEqual({ value: "web01-disk-data", secret: false });
    });

    it("THEN no registration, outside the values marked secret, and no stack output holds a canary", () => {
        expect(leaks(good.registrations.map(visibleRegistration).join("\n"))).toEqual([]);
        expect(leaks(JSON.stringify(redact(good.outputs)))).toEqual([]);
        expect(leaks(JSON.stringify([...good.resourceOutputs.values()].map(redact)))).toEqual([]);
    });

    it("THEN the plan of the run holds no canary in any format", () => {
        const outcome = planOfRun(good, { typeCheckMs: 0, programMs: 0 });
        if (!outcome.ok) {
            throw new Error(`the plan failed: ${outcome.message}`);
        }
        expect(leaks(formatText(outcome.document, outcome.vms, outcome.fleets))).toEqual([]);
        expect(leaks(formatJson(outcome.document))).toEqual([]);
        expect(leaks(formatMermaid(outcome.document))).toEqual([]);
    });
});

describe("GIVEN decrypted secret config with an administrator name Azure refuses in the secret vms key WHEN the SDK's runner runs the stack", () => {
    it("THEN it fails naming the key with the value hidden, and no output, log line or registration holds a canary", () => {
        expect(bad.exitCode).not.toBe(0);
        expect(bad.logs.filter((l) => l.severity === "error").map((l) => l.message).join("\n"))
            .toContain(`  azure-persistent-vm:vms[0] ("web01").adminUsername: "[secret]" cannot end with "." (set adminUsername).`);
        expect(leaks(visibleOutput(bad))).toEqual([]);
        expect(bad.registrations.map((r) => r.type)).toEqual(["pulumi:pulumi:Stack"]);
    });
});

describe("GIVEN a stack file whose vms key holds a secure: value, with custom data and a tag in plain beside it, WHEN npm run plan runs", () => {
    it("THEN the text, JSON and mermaid plans, on standard output and standard error, hold no canary", () => {
        expect([text.code, json.code, mermaid.code, saved.code]).toEqual([0, 0, 0, 0]);
        expect(mermaid.stdout.startsWith("flowchart")).toBe(true);
        expect(leaks([text, json, mermaid, saved].map((run) => run.stdout + run.stderr).join("\n"))).toEqual([]);
    });

    it("THEN the plan saved with --json --out holds no canary, and shows the custom data, the tag and the password as [secret]", () => {
        const file = fs.readFileSync(outFile, "utf8");
        expect(leaks(file)).toEqual([]);
        const doc = JSON.parse(file) as PlanDocument;
        expect(printedAt(doc, "web01-vm", "osProfile.customData")).toBe("[secret]");
        expect(printedAt(doc, "web01-vm", "tags.note")).toBe("[secret]");
        expect(printedAt(doc, "app01-vm", "osProfile.adminPassword")).toBe("[secret]");
        expect(printedAt(doc, "web01-vm", "vmName")).toBe("web01");
    });
});

describe("GIVEN a stack file whose secret vms key holds custom data given as a number and an unknown os WHEN npm run plan -- --verbose runs", () => {
    it("THEN it fails naming each key without its value, and neither output stream holds a canary", () => {
        expect(badCli.code).toBe(1);
        expect(badCli.stderr).toContain(`  azure-persistent-vm:vms[0] ("web01").customData: expected string, got a number (not shown: its key is a secret).`);
        expect(badCli.stderr).toContain(`  azure-persistent-vm:vms[1] ("app01").os: its value (azure-persistent-vm:vms is a secret, so it is not shown) is not allowed; use one of "linux", "windows".`);
        expect(leaks(badCli.stdout + badCli.stderr)).toEqual([]);
    });
});
