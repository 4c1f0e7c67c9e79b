/**
 * The component provider's version and pins (docs/multi-language.md, "Versions"): its version is the package's, its
 * lock file agrees, it pins the Pulumi SDK (whose component-provider API is experimental) and the providers exactly,
 * to the versions this repository's tests run with, and a release moves its version with the package's.
 * Not proved here: that the pinned versions install (CI installs provider/ from a clean clone, as `pulumi package
 * add` does), or what a consumer's CLI does with the version (no Pulumi CLI on the build machines).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { followPackageVersion } from "../../tools/release/changesets";
import { REPO } from "../support/project-copy";

interface Manifest {
    version: string;
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
}

interface Lock {
    version: string;
    packages: Record<string, { version?: string }>;
}

const read = <T>(...parts: string[]): T => JSON.parse(fs.readFileSync(path.join(REPO, ...parts), "utf8")) as T;
const root = read<Manifest>("package.json");
const rootLock = read<Lock>("package-lock.json");
const plugin = read<Manifest>("provider", "package.json");
const pluginLock = read<Lock>("provider", "package-lock.json");

describe("GIVEN the provider's package.json WHEN the package is released", () => {
    it("THEN the plugin's version is the package's, in its manifest and its lock file", () => {
        expect(plugin.version).toBe(root.version);
        expect(pluginLock.version).toBe(root.version);
        expect(pluginLock.packages[""]?.version).toBe(root.version);
    });

    it("THEN each dependency is pinned exactly, to the version this repository's tests install", () => {
        const pins = { ...plugin.dependencies, ...plugin.devDependencies };
        expect(Object.keys(pins).sort()).toEqual(["@pulumi/azure-native", "@pulumi/pulumi", "@pulumi/random", "@pulumi/tls", "@types/node", "typescript"]);
        for (const [name, pin] of Object.entries(pins)) {
            expect(pin, name).toMatch(/^\d+\.\d+\.\d+$/);
            expect(pin, name).toBe(rootLock.packages[`node_modules/${name}`]?.version);
            expect(pluginLock.packages[`node_modules/${name}`]?.version, name).toBe(pin);
        }
    });
});

describe("GIVEN a release that moves the package to a new version WHEN `npm run changeset -- version` runs", () => {
    it("THEN the provider's package.json follows it and nothing else in the file changes", () => {
        const repo = fs.mkdtempSync(path.join(os.tmpdir(), "apvm-version-"));
        fs.mkdirSync(path.join(repo, "provider"));
        fs.writeFileSync(path.join(repo, "package.json"), JSON.stringify({ ...root, version: "9.8.7" }, null, 2));
        const before = fs.readFileSync(path.join(REPO, "provider", "package.json"), "utf8");
        fs.writeFileSync(path.join(repo, "provider", "package.json"), before);

        followPackageVersion(repo, path.join(repo, "provider", "package.json"));

        const after = fs.readFileSync(path.join(repo, "provider", "package.json"), "utf8");
        expect(after).toBe(before.replace(`"version": "${root.version}"`, '"version": "9.8.7"'));
        expect(after).not.toBe(before);
        fs.rmSync(repo, { recursive: true, force: true });
    });
});
