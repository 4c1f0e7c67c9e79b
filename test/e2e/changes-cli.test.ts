/**
 * `npm run plan -- --changes-from BASE` as a pull-request gate runs it: the CLI in a child process, on a throwaway git
 * repository made from a copy of the project, whose branches make the edits a reviewer must catch. BASE is a git
 * revision (planned in a temporary worktree) or a plan saved with `--json --out`.
 * Not proved here: the engine's own decision (the rules are read from its source; test/tools/changes.test.ts and
 * test/tools/change-table.test.ts pin them), or a base that is a deployed stack's export (test/tools/stack-export.test.ts).
 */
import { execFile, execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChangeReport } from "../../tools/plan/change-report";
import { REPO, copyProject } from "../support/project-copy";

const CLI = path.join(REPO, "tools", "plan", "cli.ts");
let repo: string;

function git(...args: string[]): string {
    return execFileSync("git", ["-c", "user.name=test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false", "-C", repo, ...args], { encoding: "utf8" }).trim();
}

interface CliRun {
    readonly code: number;
    readonly stdout: string;
    readonly stderr: string;
}

/** `npm run plan -- --project <copy> <args>` on the given branch (one run at a time: the branches share a working tree). */
async function planOn(branch: string, args: readonly string[]): Promise<CliRun> {
    git("checkout", "-q", branch);
    try {
        const { stdout, stderr } = await promisify(execFile)(process.execPath, ["--require", "ts-node/register/transpile-only", CLI, "--project", repo, ...args], {
            cwd: REPO, env: { ...process.env, NO_COLOR: "1" }, maxBuffer: 64 * 1024 * 1024,
        });
        return { code: 0, stdout, stderr };
    } catch (err) {
        const failed = err as { code?: number; stdout?: string; stderr?: string };
        return { code: failed.code ?? -1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
    }
}

/** A branch from `from` whose stack file is edited by `edit`. */
function branch(name: string, from: string, edit: (stackFile: string) => string): void {
    git("checkout", "-q", "-b", name, from);
    const file = path.join(repo, "Pulumi.dev.yaml");
    fs.writeFileSync(file, edit(fs.readFileSync(file, "utf8")));
    git("commit", "-q", "-am", name);
}

const WEB01_DISK = "{ name: data, lun: 0, sizeGb: 128, sku: Premium_LRS, caching: ReadOnly, format: true }";
const ADOPT = (disk: string) => `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-persistent-vm-dev/providers/Microsoft.Compute/disks/${disk}`;
const adopted = (disk: string) => `${WEB01_DISK}\n        - { name: restored, lun: 1, sizeGb: 128, sku: Premium_LRS, source: { adoptId: "${ADOPT(disk)}" } }`;

beforeAll(() => {
    repo = copyProject("changes");
    fs.copyFileSync(path.join(REPO, "package-lock.json"), path.join(repo, "package-lock.json"));
    fs.writeFileSync(path.join(repo, ".gitignore"), "node_modules\nbase.json\n");
    git("init", "-q", "-b", "main");
    git("add", "-A");
    git("commit", "-q", "-m", "base");
    branch("rename-key", "main", (s) => s.replace(WEB01_DISK, WEB01_DISK.replace("name: data", "name: logs")));
    branch("grow", "main", (s) => s.replace(WEB01_DISK, WEB01_DISK.replace("sizeGb: 128", "sizeGb: 256")));
    branch("adopted", "main", (s) => s.replace(WEB01_DISK, adopted("restored-from-backup")));
    branch("adopt-another", "adopted", (s) => s.replace("restored-from-backup", "restored-again"));
});

afterAll(() => {
    fs.rmSync(repo, { recursive: true, force: true });
});

describe("GIVEN a branch that renames web01's protected data disk key WHEN the gate plans it against main", () => {
    let run: CliRun;
    beforeAll(async () => {
        run = await planOn("rename-key", ["--changes-from", "main"]);
    }, 900_000);

    it("THEN it exits 4 (pulumi up would be refused) and names the disk whose delete is refused", () => {
        expect(run.stderr).toBe("");
        expect(run.code).toBe(4);
        expect(run.stdout).toContain("predicted offline against git revision main");
        expect(run.stdout).toMatch(/! +delete-refused +azure-native:compute:Disk +web01-disk-data\n/);
        expect(run.stdout).toMatch(/\+ +create +azure-native:compute:Disk +web01-disk-logs\n/);
        expect(run.stdout).toContain("exit 4: pulumi up would be refused: web01-disk-data (azure-native:compute:Disk)");
    });
});

describe("GIVEN a branch that grows web01's data disk WHEN the gate plans it against main, and against a plan of main saved with --json --out", () => {
    let saved: CliRun;
    let run: CliRun;
    let json: CliRun;
    beforeAll(async () => {
        saved = await planOn("main", ["--json", "--out", path.join(repo, "base.json")]);
        run = await planOn("grow", ["--changes-from", "main"]);
        json = await planOn("grow", ["--changes-from", path.join(repo, "base.json"), "--json", "--fail-on", "vm-replace,delete"]);
    }, 900_000);

    it("THEN it exits 0 and shows an in-place update of the disk at diskSizeGB", () => {
        expect(saved.code).toBe(0);
        expect(run.code).toBe(0);
        expect(run.stdout).toContain("predicted offline against git revision main");
        expect(run.stdout).toMatch(/~ +update +azure-native:compute:Disk +web01-disk-data\n +paths: diskSizeGB\n/);
        expect(run.stdout).toContain("exit 0: nothing risky");
    });

    it("THEN against the saved plan --json gives the same as data, and --fail-on outcomes that did not happen keep exit 0", () => {
        expect(json.code).toBe(0);
        const report = JSON.parse(json.stdout) as ChangeReport;
        expect(report.base.kind).toBe("saved-plan");
        expect(report.exitCode).toBe(0);
        expect(report.changes.filter((c) => c.step !== "same").map((c) => [c.name, c.step, c.paths])).toEqual([["web01-disk-data", "update", ["diskSizeGB"]]]);
    });
});

describe("GIVEN a branch that adopts a different disk under a key already adopted WHEN the gate plans it against the base branch", () => {
    let run: CliRun;
    beforeAll(async () => {
        run = await planOn("adopt-another", ["--changes-from", "adopted"]);
    }, 900_000);

    it("THEN it does not exit 0: the adoption guard's replacement is refused before the disk registers", () => {
        expect(run.stderr).toBe("");
        expect(run.code).toBe(4);
        expect(run.stdout).toMatch(/! +replace-refused \(create-first\) +random:index\/randomUuid:RandomUuid +web01-disk-restored-adoption\n/);
        expect(run.stdout).toMatch(/\. +not-reached +azure-native:compute:Disk +web01-disk-restored\n/);
    });
});
