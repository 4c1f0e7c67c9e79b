/**
 * npm run changeset -- add <patch|minor|major> "<summary>" | status | version: Changesets over this repository as
 * the one package it publishes. The Changesets command line sees package.json's npm workspaces (the examples) as a
 * monorepo, whose root package it never versions, so it finds nothing to release here. This runs the steps its
 * `add`, `status` and `version` commands run, with Changesets' own libraries, the changeset files of .changeset/, its
 * config and its changelog format, on the repository seen as a single package (docs/packaging.md).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { applyReleasePlan } from "@changesets/apply-release-plan";
import { assembleReleasePlan } from "@changesets/assemble-release-plan";
import { readConfig } from "@changesets/config";
import { readChangesets } from "@changesets/read";
import { writeChangeset } from "@changesets/write";
import { RootTool, type Packages } from "@manypkg/tools";

const BUMPS = ["patch", "minor", "major"] as const;
type Bump = (typeof BUMPS)[number];

const USAGE = 'usage: npm run changeset -- add <patch|minor|major> "<summary>" | status | version';

/** The repository as Changesets' single-package layout: the root package and nothing else. */
async function packagesOf(repo: string): Promise<Packages> {
    return RootTool.getPackages(repo);
}

/** The config of .changeset/config.json, or its problems as one error. */
async function configOf(repo: string, packages: Packages) {
    const result = await readConfig(repo, packages);
    for (const warning of result.warnings) {
        process.stderr.write(`.changeset/config.json: ${warning}\n`);
    }
    if (result.errors !== undefined) {
        throw new Error(`.changeset/config.json: ${result.errors.join("; ")}`);
    }
    return result.config;
}

async function add(repo: string, bump: string | undefined, summary: string | undefined): Promise<number> {
    if (!BUMPS.includes(bump as Bump) || summary === undefined || summary.trim() === "") {
        process.stderr.write(`${USAGE}\n`);
        return 2;
    }
    const packages = await packagesOf(repo);
    const config = await configOf(repo, packages);
    const id = await writeChangeset({ summary: summary.trim(), releases: [{ name: packages.rootPackage?.packageJson.name ?? "", type: bump as Bump }] }, repo, { format: config.format });
    process.stdout.write(`wrote .changeset/${id}.md\n`);
    return 0;
}

async function plan(repo: string) {
    const packages = await packagesOf(repo);
    const config = await configOf(repo, packages);
    const changesets = await readChangesets(repo);
    // No prerelease mode: this package releases plain versions.
    return { packages, config, changesets, releasePlan: assembleReleasePlan(changesets, packages, config, undefined) };
}

async function status(repo: string): Promise<number> {
    const { changesets, releasePlan } = await plan(repo);
    for (const c of changesets) {
        process.stdout.write(`.changeset/${c.id}.md: ${c.releases.map((r) => `${r.name} ${r.type}`).join(", ")}\n`);
    }
    const releases = releasePlan.releases.filter((r) => r.type !== "none");
    process.stdout.write(releases.length === 0 ? "no release pending\n" : releases.map((r) => `${r.name}: ${r.oldVersion} -> ${r.newVersion} (${r.type})\n`).join(""));
    return 0;
}

/**
 * The component provider (provider/, docs/multi-language.md) is versioned with the package: its package.json's
 * version is set to the package's new one. Returns the file it changed.
 */
export function followPackageVersion(repo: string, manifestFile: string): string {
    const { version } = JSON.parse(fs.readFileSync(path.join(repo, "package.json"), "utf8")) as { version: string };
    const manifest = fs.readFileSync(manifestFile, "utf8");
    fs.writeFileSync(manifestFile, manifest.replace(/^(\s*"version":\s*")[^"]*(")/m, `$1${version}$2`));
    return manifestFile;
}

async function version(repo: string): Promise<number> {
    const { packages, config, changesets, releasePlan } = await plan(repo);
    if (changesets.length === 0) {
        process.stderr.write("no changeset in .changeset/: nothing to release\n");
        return 1;
    }
    // The changelog module is resolved from .changeset/ first, then from here: both reach this repository's node_modules.
    const touched = await applyReleasePlan(releasePlan, packages, config, undefined, __dirname);
    touched.push(followPackageVersion(repo, path.join(repo, "provider", "package.json")));
    for (const file of touched) {
        process.stdout.write(`changed ${path.relative(repo, file)}\n`);
    }
    process.stdout.write(
        "now run npm install --package-lock-only, and the same with --prefix provider (the lock files repeat the version), then review and commit\n",
    );
    return 0;
}

async function main(argv: readonly string[]): Promise<number> {
    const repo = path.resolve(__dirname, "..", "..");
    const [command, ...rest] = argv;
    switch (command) {
        case "add":
            return add(repo, rest[0], rest[1]);
        case "status":
            return status(repo);
        case "version":
            return version(repo);
        default:
            process.stderr.write(`${USAGE}\n`);
            return 2;
    }
}

if (require.main === module) {
    main(process.argv.slice(2)).then((code) => {
        process.exitCode = code;
    }, (error: unknown) => {
        process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 1;
    });
}
