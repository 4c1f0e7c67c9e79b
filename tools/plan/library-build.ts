/**
 * The examples import the library as a package, and a package is its build (`dist/`, package.json's `main` and
 * `types`). Before an example runs offline, the build is brought up to date with the checkout, so that the plan and
 * the tests see the library's current code, never a stale build.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

/** The library's folder: its package.json names the package `azure-persistent-vm`. */
export const LIBRARY_DIR = path.resolve(__dirname, "..", "..");

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
