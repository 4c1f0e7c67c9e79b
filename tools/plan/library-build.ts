/**
 * The examples import the library as a package, and a package is its build (`dist/`: the library, this plan tool and
 * its command). In a checkout of this repository, the build is brought up to date with the sources before a plan
 * runs (rebuilt when a source is newer than the build, as make and `tsc -b` decide), so that the plan, the examples
 * and the tests see the checkout's current code, never a stale build. An installed package has no sources: nothing
 * to rebuild.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

/** The nearest folder at or above `dir` that holds a package.json. */
function packageRootOf(dir: string): string {
    for (let at = dir; ; at = path.dirname(at)) {
        if (fs.existsSync(path.join(at, "package.json"))) {
            return at;
        }
        if (path.dirname(at) === at) {
            throw new Error(`no package.json at or above ${dir}`);
        }
    }
}

/** The library's folder: this checkout's root, or the installed package's folder (from tools/plan/ or dist/tools/plan/). */
export const LIBRARY_DIR = packageRootOf(__dirname);

/** Whether a project depends on the library in this checkout (`"azure-persistent-vm": "file:..."`), as the examples do. */
export function usesLibraryCheckout(projectDir: string): boolean {
    return path.resolve(projectDir) !== LIBRARY_DIR && libraryCheckoutOf(projectDir) !== undefined;
}

/** The library folder a project depends on through `"azure-persistent-vm": "file:<folder>"`, or undefined. */
export function libraryCheckoutOf(projectDir: string): string | undefined {
    const manifest = path.join(projectDir, "package.json");
    if (!fs.existsSync(manifest)) {
        return undefined;
    }
    const { dependencies } = JSON.parse(fs.readFileSync(manifest, "utf8")) as { dependencies?: Record<string, string> };
    const spec = dependencies?.["azure-persistent-vm"];
    return spec?.startsWith("file:") ? path.resolve(projectDir, spec.slice("file:".length)) : undefined;
}

/** Builds the library in `libraryDir` (`npm run build`: tsc -p tsconfig.build.json); returns tsc's errors, empty on success. */
export function buildLibrary(libraryDir: string = LIBRARY_DIR): string[] {
    const tsc = require.resolve("typescript/bin/tsc", { paths: [libraryDir] });
    const result = spawnSync(process.execPath, [tsc, "-p", path.join(libraryDir, "tsconfig.build.json")], { cwd: libraryDir, encoding: "utf8" });
    if (result.status === 0) {
        return [];
    }
    return [`building the library failed (npm run build):`, result.stdout.trim(), result.stderr.trim()].filter((line) => line !== "");
}

/** The build's output a freshness check compares with: the command's entry, which every build writes. */
export const BUILD_MARK = path.join("dist", "cli", "azure-persistent-vm.js");

/** Whether `dir` is a checkout with the library's sources (an installed package has only its build). */
export function isCheckout(dir: string): boolean {
    return fs.existsSync(path.join(dir, "tsconfig.build.json")) && fs.existsSync(path.join(dir, "cli", "azure-persistent-vm.ts"));
}

/** Every file the build reads from the checkout: the tsconfig files and the .ts files under the build's include roots. */
export function buildInputs(dir: string): string[] {
    const config = JSON.parse(fs.readFileSync(path.join(dir, "tsconfig.build.json"), "utf8")) as { include?: string[] };
    // "components/**/*.ts" -> components: the folder before the first wildcard.
    const roots = [...new Set((config.include ?? []).map((pattern) => pattern.split("/").filter((part) => !part.includes("*")).join("/")))];
    const files = [path.join(dir, "tsconfig.json"), path.join(dir, "tsconfig.build.json")];
    const walk = (folder: string) => {
        for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
            const at = path.join(folder, entry.name);
            if (entry.isDirectory()) {
                walk(at);
            } else if (entry.name.endsWith(".ts")) {
                files.push(at);
            }
        }
    };
    roots.map((root) => path.join(dir, root)).filter((root) => fs.existsSync(root) && fs.statSync(root).isDirectory()).forEach(walk);
    return files;
}

/** Whether the checkout's build is missing or older than one of its sources. */
export function buildIsStale(dir: string): boolean {
    const mark = path.join(dir, BUILD_MARK);
    if (!fs.existsSync(mark)) {
        return true;
    }
    const built = fs.statSync(mark).mtimeMs;
    return buildInputs(dir).some((file) => fs.statSync(file).mtimeMs > built);
}

/** Blocks this thread for `ms` (the freshness check runs before anything else, so nothing waits on it). */
function sleep(ms: number): void {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** How long a build lock may stand before it counts as left behind by a killed process. */
const LOCK_STALE_MS = 10 * 60 * 1000;

/**
 * Brings a checkout's build up to date: builds when a source is newer than the build, one build at a time (a lock
 * in node_modules/.cache, since two plans may start together). Returns tsc's errors, empty when the build is up to
 * date. A failed build is marked stale (tsc still writes its output), so the next plan builds and reports again.
 */
export function refreshBuild(dir: string = LIBRARY_DIR): { readonly built: boolean; readonly errors: readonly string[] } {
    if (!isCheckout(dir) || !buildIsStale(dir)) {
        return { built: false, errors: [] };
    }
    const lock = path.join(dir, "node_modules", ".cache", "azure-persistent-vm", "build.lock");
    fs.mkdirSync(path.dirname(lock), { recursive: true });
    for (;;) {
        try {
            fs.mkdirSync(lock);
            break;
        } catch (err) {
            if ((err as NodeJS.ErrnoException).code !== "EEXIST") {
                throw err;
            }
            const since = fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs;
            if (since !== undefined && Date.now() - since > LOCK_STALE_MS) {
                fs.rmSync(lock, { recursive: true, force: true });
            }
            sleep(250);
        }
    }
    try {
        // Another plan may have built while this one waited.
        if (!buildIsStale(dir)) {
            return { built: false, errors: [] };
        }
        const errors = buildLibrary(dir);
        const mark = path.join(dir, BUILD_MARK);
        if (errors.length > 0 && fs.existsSync(mark)) {
            fs.utimesSync(mark, 0, 0);
        }
        return { built: true, errors };
    } finally {
        fs.rmSync(lock, { recursive: true, force: true });
    }
}
