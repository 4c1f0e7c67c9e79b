/**
 * Type-checks a Pulumi TypeScript program as the CLI's TypeScript loader (ts-node, type-checking on) would: from the
 * program's entry point, with the project's tsconfig.json, every file it loads. The runner then only transpiles.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { entryFile } from "../recorder/program";

/** The program's type errors, formatted as tsc prints them; empty when it type-checks. */
export function typeCheck(projectDir: string, main: string): string[] {
    const host: ts.FormatDiagnosticsHost = {
        getCanonicalFileName: (f) => f,
        getCurrentDirectory: () => projectDir,
        getNewLine: () => "\n",
    };
    const configPath = path.join(projectDir, "tsconfig.json");
    let options: ts.CompilerOptions = { strict: true, noEmit: true };
    if (fs.existsSync(configPath)) {
        const configErrors: ts.Diagnostic[] = [];
        const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, {
            ...ts.sys,
            onUnRecoverableConfigFileDiagnostic: (d) => configErrors.push(d),
        });
        if (parsed === undefined || configErrors.length > 0 || parsed.errors.length > 0) {
            return [...configErrors, ...(parsed?.errors ?? [])].map((d) => ts.formatDiagnostic(d, host).trimEnd());
        }
        options = { ...parsed.options, noEmit: true };
    }
    const program = ts.createProgram({ rootNames: [entryFile(projectDir, main)], options });
    return ts.getPreEmitDiagnostics(program).map((d) => ts.formatDiagnostic(d, host).trimEnd());
}
