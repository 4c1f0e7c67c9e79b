/**
 * planGitRef (tools/plan/git-base.ts): another revision of the project planned in a temporary worktree, on a
 * throwaway git repository made from a copy of the project, whose branches change the stack file, the lockfile, or
 * remove the stack. Not proved here: a shallow CI clone (an unknown ref stands in for it) and an example's
 * workspace link to the library built in the worktree (the copy is the root project, which imports the library's
 * sources, not its build); the comparison itself is tools/plan/changes.ts's.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBase } from "../../tools/plan/base";
import { planGitRef } from "../../tools/plan/git-base";
import type { ResourceState } from "../../tools/plan/resource-state";
import { statesOfRun } from "../../tools/plan/state-of-run";
import { runInProcess } from "../support/programs";
import { REPO, copyProject } from "../support/project-copy";

const INSTEAD = "plan it in a checkout of its own (there: npm ci, then npm run plan -- --json --out base.json) and pass --changes-from base.json, "
    + "or pass a stack export (pulumi stack export --file state.json)";
let repo: string;

function git(...args: string[]): string {
    return execFileSync("git", ["-c", "user.name=test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false", "-C", repo, ...args], { encoding: "utf8" }).trim();
}

/** Commits a change on a new branch from main, then returns to the edited branch. */
function branch(name: string, change: () => void): void {
    git("checkout", "-q", "-b", name, "main");
    change();
    git("add", "-A");
    git("commit", "-q", "-m", name);
    git("checkout", "-q", "edited");
}

/** The worktrees git knows of, and the temporary folders planGitRef may have left. */
function leftovers(): { worktrees: number; folders: string[] } {
    const worktrees = git("worktree", "list", "--porcelain").split("\n").filter((line) => line.startsWith("worktree ")).length;
    return { worktrees, folders: fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith("apvm-base-")) };
}

let before: string[];
beforeAll(() => {
    before = fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith("apvm-base-"));
    repo = copyProject("git-base");
    fs.copyFileSync(path.join(REPO, "package-lock.json"), path.join(repo, "package-lock.json"));
    // node_modules is a link to this checkout's: not a directory, so no trailing slash.
    fs.writeFileSync(path.join(repo, ".gitignore"), "node_modules\n");
    git("init", "-q", "-b", "main");
    git("add", "-A");
    git("commit", "-q", "-m", "base");
    git("checkout", "-q", "-b", "edited");
    const stackFile = path.join(repo, "Pulumi.dev.yaml");
    fs.writeFileSync(stackFile, fs.readFileSync(stackFile, "utf8").replace("{ name: data, lun: 0, sizeGb: 128,", "{ name: data, lun: 0, sizeGb: 512,"));
    git("commit", "-q", "-am", "web01's data disk grows to 512 GiB");
    branch("new-lock", () => fs.appendFileSync(path.join(repo, "package-lock.json"), "\n"));
    branch("no-stack", () => fs.rmSync(stackFile));
});

afterAll(() => {
    fs.rmSync(repo, { recursive: true, force: true });
});

describe("GIVEN a branch that grows web01's data disk WHEN its base revision (main) is planned from git", () => {
    let base: ResourceState[];
    let head: ResourceState[];
    let commit: string;
    beforeAll(async () => {
        const planned = await planGitRef("main", { projectDir: repo, stack: "dev" });
        if (!planned.ok) {
            throw new Error(planned.message);
        }
        commit = planned.commit;
        base = statesOfRun(planned.outcome.run, { mode: "plain" });
        head = statesOfRun(await runInProcess({ projectDir: repo, stack: "dev" }), { mode: "plain" });
    });

    it("THEN it planned main's commit, and its resources differ from HEAD's only in the edited size", () => {
        expect(commit).toBe(git("rev-parse", "main"));
        expect(base.map((s) => s.urn)).toEqual(head.map((s) => s.urn));
        const changed = base.flatMap((old, i) => {
            const now = head[i];
            return now === undefined ? [old.urn] : Object.keys({ ...old.inputs, ...now.inputs })
                .filter((key) => JSON.stringify(old.inputs[key]) !== JSON.stringify(now.inputs[key]))
                .map((key) => `${old.urn.split("::").pop() ?? ""}.${key}: ${JSON.stringify(old.inputs[key])} -> ${JSON.stringify(now.inputs[key])}`);
        });
        expect(changed).toEqual(["web01-disk-data.diskSizeGB: 128 -> 512"]);
        const withoutInputs = (states: ResourceState[]) => states.map((s) => ({ ...s, inputs: {} }));
        expect(withoutInputs(base)).toEqual(withoutInputs(head));
    });

    it("THEN the worktree and its folder are gone, and the checkout is as it was", () => {
        expect(leftovers()).toEqual({ worktrees: 1, folders: before });
        expect(git("status", "--porcelain")).toBe("");
        expect(git("rev-parse", "--abbrev-ref", "HEAD")).toBe("edited");
    });
});

describe("GIVEN a revision whose package-lock.json differs from the checkout's", () => {
    it("THEN it is refused before anything is checked out, saying why and what to do instead", async () => {
        const short = git("rev-parse", "new-lock").slice(0, 12);
        expect(await planGitRef("new-lock", { projectDir: repo, stack: "dev" })).toEqual({
            ok: false,
            message: `package-lock.json at new-lock (${short}) differs from this checkout's, so this checkout's node_modules may not be what new-lock installs: ${INSTEAD}`,
        });
        expect(leftovers()).toEqual({ worktrees: 1, folders: before });
    });
});

describe("GIVEN a revision that has no stack file, and a ref git does not know", () => {
    it("WHEN the revision has no Pulumi.dev.yaml THEN it is refused after checking it out, and the worktree is still removed", async () => {
        const short = git("rev-parse", "no-stack").slice(0, 12);
        expect(await planGitRef("no-stack", { projectDir: repo, stack: "dev" })).toEqual({
            ok: false,
            message: `no-stack (${short}) has no Pulumi.dev.yaml in the repository's root, so it has no stack "dev" to plan there`,
        });
        expect(leftovers()).toEqual({ worktrees: 1, folders: before });
    });

    it("WHEN the ref is unknown (as an old commit is to a shallow clone) THEN loadBase says so and how CI fetches the history", async () => {
        expect(await loadBase("v0.0.0-never", { projectDir: repo, stack: "dev" })).toEqual({
            ok: false,
            message: `"v0.0.0-never" is not a file, and git cannot resolve it to a commit in ${repo} (git rev-parse --verify v0.0.0-never^{commit}). `
                + "In CI, a shallow clone lacks older commits: fetch the whole history (actions/checkout with fetch-depth: 0) or at least that ref.",
        });
    });
});
