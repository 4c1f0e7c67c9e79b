/**
 * Plans another git revision of the same project: the same folder (relative to the repository's root) and stack,
 * with that revision's own code and stack config file, checked out in a temporary detached worktree that is always
 * removed. Its node_modules is this checkout's (a folder of links to it), which is right only when both revisions
 * lock the same packages, so a revision whose package-lock.json differs is refused; workspace links (the examples'
 * `azure-persistent-vm`) point into the worktree, so the revision's own library is the one built and planned.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { buildLibrary, libraryCheckoutOf } from "./library-build";
import { plan, type PlanOutcome } from "./plan";

export interface GitRefOptions {
    /** The folder holding Pulumi.yaml in this checkout. */
    readonly projectDir: string;
    readonly stack: string;
    /** On failure, the program's full error with its stack trace. */
    readonly verbose?: boolean;
}

export type GitRefPlan =
    | { readonly ok: true; readonly ref: string; readonly commit: string; readonly outcome: Extract<PlanOutcome, { ok: true }> }
    | { readonly ok: false; readonly message: string };

const INSTEAD = "plan it in a checkout of its own (there: npm ci, then npm run plan -- --json --out base.json) and pass --changes-from base.json, "
    + "or pass a stack export (pulumi stack export --file state.json)";

function git(cwd: string, args: readonly string[]): { ok: boolean; stdout: string; stderr: string } {
    // No hooks: a checkout for reading must not run the repository's post-checkout scripts.
    const result = spawnSync("git", ["-c", "core.hooksPath=/dev/null", "-C", cwd, ...args], { encoding: "utf8" });
    return { ok: result.status === 0, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

/** The file's bytes at a commit, or undefined when the commit has no such file. */
function fileAt(repo: string, commit: string, file: string): Buffer | undefined {
    const result = spawnSync("git", ["-C", repo, "cat-file", "blob", `${commit}:${file}`]);
    return result.status === 0 ? result.stdout : undefined;
}

function inside(child: string, parent: string): boolean {
    const relative = path.relative(parent, child);
    return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

/** The nearest folder from the project up to the repository's root that holds node_modules. */
function installRoot(projectDir: string, repo: string): string | undefined {
    for (let dir = projectDir; inside(dir, repo); dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, "node_modules"))) {
            return dir;
        }
        if (dir === repo) {
            break;
        }
    }
    return undefined;
}

/**
 * A node_modules folder at `to` whose entries link to those of `from`, but for workspace links (links to a folder
 * of the project that installed `from`, outside `from` itself), which link to the same folder under `owner`.
 */
function linkNodeModules(from: string, to: string, owner: string): void {
    const modules = fs.realpathSync(from);
    const installedBy = path.dirname(modules);
    const mirror = (source: string, target: string, scoped: boolean) => {
        fs.mkdirSync(target);
        for (const entry of fs.readdirSync(source, { withFileTypes: true })) {
            const at = path.join(source, entry.name);
            if (!scoped && entry.name.startsWith("@") && entry.isDirectory()) {
                mirror(at, path.join(target, entry.name), true);
                continue;
            }
            const real = entry.isSymbolicLink() && fs.existsSync(at) ? fs.realpathSync(at) : undefined;
            const workspace = real !== undefined && inside(real, installedBy) && !inside(real, modules);
            fs.symlinkSync(workspace ? path.join(owner, path.relative(installedBy, real)) : at, path.join(target, entry.name));
        }
    };
    mirror(from, to, false);
}

/** Removes the worktree and what was made in it; the links are removed, never followed. */
function removeWorktree(repo: string, dir: string, nodeModules: string | undefined): void {
    if (nodeModules !== undefined) {
        fs.rmSync(nodeModules, { recursive: true, force: true });
    }
    git(repo, ["worktree", "remove", "--force", dir]);
    fs.rmSync(dir, { recursive: true, force: true });
    git(repo, ["worktree", "prune"]);
}

/** Plans the project at git revision `ref` in a temporary worktree, as `npm run plan` plans it here. */
export async function planGitRef(ref: string, options: GitRefOptions): Promise<GitRefPlan> {
    const projectDir = fs.realpathSync(options.projectDir);
    const top = git(projectDir, ["rev-parse", "--show-toplevel"]);
    if (!top.ok) {
        return { ok: false, message: `"${ref}" is not a file, and ${projectDir} is not in a git repository, so it is not a git revision either` };
    }
    const repo = fs.realpathSync(top.stdout);
    // A ref starting with "-" would be read as an option.
    const resolved = ref.startsWith("-") ? undefined : git(repo, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
    if (resolved === undefined || !resolved.ok) {
        return {
            ok: false,
            message: `"${ref}" is not a file, and git cannot resolve it to a commit in ${repo} (git rev-parse --verify ${ref}^{commit}). `
                + "In CI, a shallow clone lacks older commits: fetch the whole history (actions/checkout with fetch-depth: 0) or at least that ref.",
        };
    }
    const commit = resolved.stdout;
    const short = commit.slice(0, 12);
    const install = installRoot(projectDir, repo);
    if (install === undefined) {
        return { ok: false, message: `no node_modules in ${projectDir} or above it in the repository: run npm ci first` };
    }
    const lockPath = path.posix.join(path.relative(repo, install).split(path.sep).join("/"), "package-lock.json");
    const currentLock = fs.existsSync(path.join(install, "package-lock.json")) ? fs.readFileSync(path.join(install, "package-lock.json")) : undefined;
    const baseLock = fileAt(repo, commit, lockPath);
    if (currentLock === undefined || baseLock === undefined || !currentLock.equals(baseLock)) {
        const why = currentLock === undefined ? `this checkout has no ${lockPath}`
            : baseLock === undefined ? `${ref} (${short}) has no ${lockPath}`
            : `${lockPath} at ${ref} (${short}) differs from this checkout's`;
        return { ok: false, message: `${why}, so this checkout's node_modules may not be what ${ref} installs: ${INSTEAD}` };
    }

    const worktree = fs.mkdtempSync(path.join(os.tmpdir(), "apvm-base-"));
    let nodeModules: string | undefined;
    try {
        const added = git(repo, ["worktree", "add", "--detach", "--quiet", worktree, commit]);
        if (!added.ok) {
            return { ok: false, message: `git could not check out ${ref} (${short}) in a temporary worktree: ${added.stderr}` };
        }
        const relative = path.relative(repo, projectDir);
        const project = path.join(worktree, relative);
        const configFile = path.join(project, `Pulumi.${options.stack}.yaml`);
        for (const [file, what] of [[path.join(project, "Pulumi.yaml"), "no Pulumi.yaml"], [configFile, `no Pulumi.${options.stack}.yaml`]] as const) {
            if (!fs.existsSync(file)) {
                return { ok: false, message: `${ref} (${short}) has ${what} in ${relative === "" ? "the repository's root" : relative}, so it has no stack "${options.stack}" to plan there` };
            }
        }
        nodeModules = path.join(worktree, path.relative(repo, install), "node_modules");
        if (fs.existsSync(nodeModules)) {
            return { ok: false, message: `${ref} (${short}) has a node_modules folder of its own in git; ${INSTEAD}` };
        }
        linkNodeModules(path.join(install, "node_modules"), nodeModules, path.join(worktree, path.relative(repo, install)));
        // The examples load the library from its build: build the revision's own, which their workspace link reaches.
        const library = libraryCheckoutOf(project);
        if (library !== undefined && library !== path.resolve(project) && inside(library, worktree)) {
            const errors = buildLibrary(library);
            if (errors.length > 0) {
                return { ok: false, message: `the library at ${ref} (${short}) does not build: ${errors.join("\n")}` };
            }
        }
        // A worktree is planned once, at a path of its own: nothing to remember its type-check for.
        const outcome = await plan({ projectDir: project, stack: options.stack, configFile, verbose: options.verbose, typeCheckCache: false });
        if (!outcome.ok) {
            return { ok: false, message: `the plan of ${ref} (${short}) failed: ${outcome.message}` };
        }
        return { ok: true, ref, commit, outcome };
    } finally {
        removeWorktree(repo, worktree, nodeModules);
    }
}
