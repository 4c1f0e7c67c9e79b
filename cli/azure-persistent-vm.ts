#!/usr/bin/env node
/**
 * The package's command: `azure-persistent-vm plan [FOLDER] [options]` (tools/plan/command.ts). Built to
 * dist/cli/azure-persistent-vm.js, which npm links as the package's bin; `npm run plan` in this repository runs it.
 * Before anything heavy loads, it turns on Node's compile cache (the SDK's modules are then compiled once, not on
 * every plan) and, in a checkout of the library, brings the build up to date with the sources; the plan command is
 * loaded after that, so it is always the current build's.
 */
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as nodeModule from "node:module";
import * as path from "node:path";
import type * as PlanCommand from "../tools/plan/command";
import { LIBRARY_DIR, refreshBuild } from "../tools/plan/library-build";

const USAGE = `usage: azure-persistent-vm <command> [options]
  plan [FOLDER] [options]  what pulumi up would create, offline: plans the Pulumi TypeScript project in FOLDER
                           (default: the current folder); azure-persistent-vm plan --help lists its options
  --version                the package's version`;

/** Node's compile cache (Node 22.1+), in the OS's temporary folder, where Node keeps it by default. */
function enableCompileCache(): void {
    const enable: unknown = Reflect.get(nodeModule, "enableCompileCache");
    if (typeof enable === "function" && process.env["NODE_DISABLE_COMPILE_CACHE"] === undefined) {
        enable();
    }
}

/** Whether this file runs from the build (dist/cli/), not from the sources under ts-node. */
function runsFromBuild(): boolean {
    return path.basename(path.dirname(__dirname)) === "dist";
}

async function main(argv: readonly string[]): Promise<number> {
    const [command, ...rest] = argv;
    if (command === "--version") {
        const { version } = JSON.parse(fs.readFileSync(path.join(LIBRARY_DIR, "package.json"), "utf8")) as { version: string };
        process.stdout.write(`${version}\n`);
        return 0;
    }
    if (command === undefined || command === "--help" || command === "help") {
        (command === undefined ? process.stderr : process.stdout).write(`${USAGE}\n`);
        return command === undefined ? 2 : 0;
    }
    if (command !== "plan") {
        process.stderr.write(`error: unknown command "${command}"\n${USAGE}\n`);
        return 2;
    }
    enableCompileCache();
    if (runsFromBuild()) {
        const { built, errors } = refreshBuild(LIBRARY_DIR);
        if (errors.length > 0) {
            process.stderr.write(`error: ${errors.join("\n")}\n`);
            return 1;
        }
        // Said to a person at a terminal, who may wonder why this plan took longer; a script's standard error stays the plan's own.
        if (built && process.stderr.isTTY) {
            process.stderr.write("note: the sources in this checkout were newer than dist/; rebuilt (npm run build)\n");
        }
    }
    // Loaded only now, so that a rebuild above is what runs.
    const { runPlanCommand } = createRequire(__filename)("../tools/plan/command") as typeof PlanCommand;
    return runPlanCommand(rest);
}

main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
}, (err: unknown) => {
    process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
});
