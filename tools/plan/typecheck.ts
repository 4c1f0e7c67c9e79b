/**
 * Type-checks a Pulumi TypeScript program as the CLI's TypeScript loader (ts-node, type-checking on) would: from the
 * program's entry point, with the project's tsconfig.json and the project's TypeScript, every file it loads. The
 * runner then only transpiles.
 *
 * A check that passed is remembered (`checkProgram`), keyed by the TypeScript version and a hash of every file the
 * check read (the program's sources, the declaration files it loaded from node_modules, the tsconfig chain, the
 * project's package.json and lockfile): while none of them changes, the next plan skips the check, as `tsc -b` skips
 * a project that is up to date. A config edit changes none of them. The record lives in node_modules/.cache (or the
 * OS's temporary folder), never beside the sources.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import type * as TS from "typescript";
import { entryFile } from "../recorder/program";

/** The TypeScript a check uses: its package folder and version. */
interface TypeScriptPackage {
    readonly dir: string;
    readonly version: string;
}

/**
 * The project's own TypeScript, which the Pulumi runner's loader would use too, else the one beside this tool;
 * undefined when neither exists.
 */
export function typescriptOf(projectDir: string): TypeScriptPackage | undefined {
    for (const from of [projectDir, __dirname]) {
        try {
            const manifest = require.resolve("typescript/package.json", { paths: [from] });
            const { version } = JSON.parse(fs.readFileSync(manifest, "utf8")) as { version: string };
            return { dir: path.dirname(manifest), version };
        } catch {
            // not installed there; try the next place
        }
    }
    return undefined;
}

/** Loads a TypeScript package by folder: only when a check has to run, since loading it costs a fifth of a second. */
function loadTypeScript(pkg: TypeScriptPackage): typeof TS {
    return createRequire(__filename)(pkg.dir) as typeof TS;
}

/** The program's type errors, formatted as tsc prints them, and every file the check read. */
function check(ts: typeof TS, projectDir: string, main: string): { diagnostics: string[]; files: string[] } {
    const host: TS.FormatDiagnosticsHost = {
        getCanonicalFileName: (f) => f,
        getCurrentDirectory: () => projectDir,
        getNewLine: () => "\n",
    };
    const configPath = path.join(projectDir, "tsconfig.json");
    let options: TS.CompilerOptions = { strict: true, noEmit: true };
    const configFiles: string[] = [];
    if (fs.existsSync(configPath)) {
        const configErrors: TS.Diagnostic[] = [];
        const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, {
            ...ts.sys,
            onUnRecoverableConfigFileDiagnostic: (d) => configErrors.push(d),
        });
        if (parsed === undefined || configErrors.length > 0 || parsed.errors.length > 0) {
            return { diagnostics: [...configErrors, ...(parsed?.errors ?? [])].map((d) => ts.formatDiagnostic(d, host).trimEnd()), files: [configPath] };
        }
        options = { ...parsed.options, noEmit: true };
        // The tsconfig files it extends, which the parsed options keep on their source file.
        const source = parsed.options.configFile;
        const extended: unknown = typeof source === "object" && source !== null && !Array.isArray(source) ? Reflect.get(source, "extendedSourceFiles") : undefined;
        configFiles.push(configPath, ...(Array.isArray(extended) ? extended.filter((f): f is string => typeof f === "string") : []));
    }
    const program = ts.createProgram({ rootNames: [entryFile(projectDir, main)], options });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.formatDiagnostic(d, host).trimEnd());
    const manifests = ["package.json", "package-lock.json"].map((f) => path.join(projectDir, f)).filter((f) => fs.existsSync(f));
    return { diagnostics, files: [...new Set([...program.getSourceFiles().map((f) => path.resolve(f.fileName)), ...configFiles, ...manifests])] };
}

/** The program's type errors, formatted as tsc prints them; empty when it type-checks. Never cached. */
export function typeCheck(projectDir: string, main: string): string[] {
    const pkg = typescriptOf(projectDir);
    if (pkg === undefined) {
        throw new Error(`no TypeScript installed in ${projectDir} (npm install --save-dev typescript)`);
    }
    return check(loadTypeScript(pkg), projectDir, main).diagnostics;
}

export interface CheckResult {
    /** Type errors as tsc prints them; empty when the program type-checks (or the check was skipped). */
    readonly diagnostics: readonly string[];
    /** Every file the check read, absolute; empty when it was skipped. */
    readonly files: readonly string[];
    /** How the result came: checked now, remembered from a check of the same files, or skipped (no TypeScript). */
    readonly how: "checked" | "up to date" | "skipped";
}

/** What a passed check leaves behind: enough to tell, without TypeScript, that the same check would pass again. */
interface CheckRecord {
    readonly format: 1;
    readonly typescript: string;
    readonly entry: string;
    readonly files: readonly string[];
    readonly digest: string;
}

/** A hash of the files' names and contents; undefined when one of them is gone. */
function digestOf(files: readonly string[]): string | undefined {
    const hash = createHash("sha256");
    for (const file of files) {
        let content: Buffer;
        try {
            content = fs.readFileSync(file);
        } catch {
            return undefined;
        }
        hash.update(file).update("\0").update(content).update("\0");
    }
    return hash.digest("hex");
}

/**
 * Where the plan keeps what it remembers for a project: node_modules/.cache/azure-persistent-vm in the nearest
 * node_modules at or above the project (as other tools keep theirs), else a folder of the OS's temporary folder.
 */
export function cacheDirOf(projectDir: string): string {
    for (let dir = path.resolve(projectDir); ; dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, "node_modules"))) {
            return path.join(dir, "node_modules", ".cache", "azure-persistent-vm");
        }
        if (path.dirname(dir) === dir) {
            return path.join(os.tmpdir(), "azure-persistent-vm-cache");
        }
    }
}

/** Records kept per cache folder; the oldest go first (each scratch copy of a project leaves one). */
const KEPT_RECORDS = 40;

function recordFile(cacheDir: string, projectDir: string, entry: string): string {
    const key = createHash("sha256").update(`${fs.realpathSync(projectDir)}\0${entry}`).digest("hex").slice(0, 24);
    return path.join(cacheDir, `typecheck-${key}.json`);
}

function readRecord(file: string): CheckRecord | undefined {
    try {
        const record = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<CheckRecord>;
        return record.format === 1 && Array.isArray(record.files) && typeof record.digest === "string" ? (record as CheckRecord) : undefined;
    } catch {
        return undefined;
    }
}

/** Writes the record whole or not at all (another plan may read it at the same time); a cache that cannot be written is skipped. */
function writeRecord(file: string, record: CheckRecord): void {
    try {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        const partial = `${file}.${process.pid}.tmp`;
        fs.writeFileSync(partial, JSON.stringify(record));
        fs.renameSync(partial, file);
        const records = fs.readdirSync(path.dirname(file)).filter((f) => /^typecheck-[0-9a-f]+\.json$/.test(f)).map((f) => path.join(path.dirname(file), f));
        if (records.length > KEPT_RECORDS) {
            const byAge = records.map((f) => ({ f, mtime: fs.statSync(f).mtimeMs })).sort((a, b) => a.mtime - b.mtime);
            byAge.slice(0, records.length - KEPT_RECORDS).forEach(({ f }) => fs.rmSync(f, { force: true }));
        }
    } catch {
        // The cache only saves time.
    }
}

export interface CheckOptions {
    /** Where to remember a passed check; false to check every time. @default cacheDirOf(projectDir) */
    readonly cacheDir?: string | false;
}

/**
 * The program's type errors, checked now or known from a passed check of exactly the same files with the same
 * TypeScript. Without TypeScript in reach, the check is skipped (the caller says so).
 */
export function checkProgram(projectDir: string, main: string, options: CheckOptions = {}): CheckResult {
    const pkg = typescriptOf(projectDir);
    if (pkg === undefined) {
        return { diagnostics: [], files: [], how: "skipped" };
    }
    const entry = entryFile(projectDir, main);
    const cacheDir = options.cacheDir ?? cacheDirOf(projectDir);
    const file = cacheDir === false ? undefined : recordFile(cacheDir, projectDir, entry);
    const typescript = `${pkg.version} ${pkg.dir}`;
    const record = file === undefined ? undefined : readRecord(file);
    if (record !== undefined && record.typescript === typescript && record.entry === entry && digestOf(record.files) === record.digest) {
        return { diagnostics: [], files: record.files, how: "up to date" };
    }
    const { diagnostics, files } = check(loadTypeScript(pkg), projectDir, main);
    const digest = diagnostics.length === 0 ? digestOf(files) : undefined;
    if (file !== undefined && digest !== undefined) {
        writeRecord(file, { format: 1, typescript, entry, files, digest });
    }
    return { diagnostics, files, how: "checked" };
}
