/**
 * npm run api [-- --check]: one API Extractor report per entry point of package.json's "exports" (api/<entry>.api.md:
 * main for ".", then preflight, testing), from the built .d.ts files (`npm run api` builds first). Without --check it
 * writes the reports and removes those of entries that no longer exist; with --check it writes nothing and exits 1
 * when a report differs from the build, is missing, or has no entry, so an API change is a reviewed diff
 * (docs/packaging.md). Offline: API Extractor reads the .d.ts files and node_modules, nothing else.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { CompilerState, Extractor, ExtractorConfig } from "@microsoft/api-extractor";

/** One entry point of the package: its subpath, the report's name and the .d.ts it is built to. */
export interface ApiEntry {
    /** The subpath in "exports": ".", "./preflight". */
    readonly subpath: string;
    /** The report's name: "main" for ".", else the subpath without "./" ("preflight"). */
    readonly report: string;
    /** The declaration file, relative to the package: "dist/components/index.d.ts". */
    readonly types: string;
}

/** The entries of an "exports" map that carry types, in its order; "./package.json" and other plain files are not APIs. */
export function apiEntries(exportsMap: unknown): ApiEntry[] {
    if (typeof exportsMap !== "object" || exportsMap === null) {
        return [];
    }
    return Object.entries(exportsMap).flatMap(([subpath, target]) => {
        if (typeof target !== "object" || target === null || !("types" in target) || typeof target.types !== "string") {
            return [];
        }
        const report = subpath === "." ? "main" : subpath.replace(/^\.\//, "").replaceAll("/", "-");
        return [{ subpath, report, types: path.posix.normalize(target.types) }];
    });
}

/** The report files of a folder: "<name>.api.md" -> name. */
function reportsIn(folder: string): string[] {
    return fs.existsSync(folder) ? fs.readdirSync(folder).filter((f) => f.endsWith(".api.md")).map((f) => f.slice(0, -".api.md".length)).sort() : [];
}

function main(repo: string, check: boolean): number {
    const manifest = JSON.parse(fs.readFileSync(path.join(repo, "package.json"), "utf8")) as { exports?: unknown };
    const entries = apiEntries(manifest.exports);
    const configFile = path.join(repo, "api", "api-extractor.json");
    const reportFolder = path.join(repo, "api");
    const problems: string[] = [];

    const missing = entries.filter((e) => !fs.existsSync(path.join(repo, e.types)));
    for (const e of missing) {
        problems.push(`${e.subpath}: ${e.types} does not exist; build the package (npm run build) or fix "exports"`);
    }
    const present = entries.filter((e) => !missing.includes(e));
    const configs = present.map((e) => {
        const configObject = ExtractorConfig.loadFile(configFile);
        configObject.mainEntryPointFilePath = path.join(repo, e.types);
        // The program's root files are the entry points that exist, so a missing one is reported above, not by tsc.
        configObject.compiler = { ...configObject.compiler, overrideTsconfig: { ...configObject.compiler?.overrideTsconfig, files: present.map((p) => path.join(repo, p.types)) } };
        configObject.apiReport = { ...configObject.apiReport, enabled: true, reportFileName: e.report };
        const config = ExtractorConfig.prepare({ configObject, configObjectFullPath: configFile, packageJsonFullPath: path.join(repo, "package.json") });
        return { entry: e, config };
    });

    const [first] = configs;
    if (first !== undefined) {
        // One TypeScript program for every entry: the entries share most of their declarations.
        const compilerState = CompilerState.create(first.config);
        for (const { entry, config } of configs) {
            const result = Extractor.invoke(config, { localBuild: !check, compilerState, printApiReportDiff: check });
            const file = `api/${entry.report}.api.md`;
            if (result.errorCount > 0) {
                problems.push(`${entry.subpath}: API Extractor reported ${result.errorCount} error(s), above`);
            } else if (result.apiReportChanged && check) {
                problems.push(`${entry.subpath}: ${file} is not the API the build has; run npm run api and commit the report`);
            } else {
                process.stdout.write(`${file}: ${result.apiReportChanged ? "written" : "up to date"} (${entry.subpath} -> ${entry.types})\n`);
            }
        }
    }

    const known = new Set(entries.map((e) => e.report));
    for (const stale of reportsIn(reportFolder).filter((r) => !known.has(r))) {
        if (check) {
            problems.push(`api/${stale}.api.md has no entry point in package.json's "exports"; run npm run api to remove it`);
        } else {
            fs.rmSync(path.join(reportFolder, `${stale}.api.md`));
            process.stdout.write(`api/${stale}.api.md: removed (no such entry point)\n`);
        }
    }
    for (const p of problems) {
        process.stderr.write(`${p}\n`);
    }
    return problems.length === 0 ? 0 : 1;
}

if (require.main === module) {
    process.exitCode = main(path.resolve(__dirname, "..", ".."), process.argv.includes("--check"));
}
