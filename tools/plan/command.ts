/**
 * `azure-persistent-vm plan [FOLDER] [options]`: the offline plan of a Pulumi TypeScript project, printed as text,
 * JSON or a mermaid flowchart, or with `--changes-from` what `pulumi up` would do to each resource; with `--watch`,
 * again after every save. The package's command (cli/azure-persistent-vm.ts) and `npm run plan` in this repository
 * run this; what is printed on standard output is the plan alone (messages, warnings and timings go to standard error).
 * Exit codes: 0 the plan was printed (with --changes-from: nothing risky); 1 the program or its inputs failed; 2 usage
 * error; with --changes-from: 3 a disk holding data would be deleted, replaced or import-replaced; 4 pulumi up would be
 * refused; 5 the tool cannot tell offline whether a disk holding data survives; 6 an outcome named by --fail-on.
 */
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import type * as ChangeCommand from "./change-command";
import { FAIL_ON, formatChangeReport, type FailOn } from "./change-report";
import type * as Format from "./format";
import type { PlanFormat } from "./format";
import { buildInputs, libraryCheckoutOf, refreshBuild } from "./library-build";
import type * as Plan from "./plan";
import { startPlan } from "./plan-start";

/**
 * The modules that turn a program's run into the plan and print it. They load the library's components and the
 * providers' modules (a third of a second), so they are loaded once the program has started and runs on the other
 * core, not before.
 */
function finishing(): { plan: typeof Plan; format: typeof Format; changes: typeof ChangeCommand } {
    const load = createRequire(__filename);
    return { plan: load("./plan") as typeof Plan, format: load("./format") as typeof Format, changes: load("./change-command") as typeof ChangeCommand };
}

export const PLAN_USAGE = `usage: azure-persistent-vm plan [FOLDER] [--stack NAME] [--config-file PATH] [--json | --format text|json|mermaid] [--out FILE]
                                [--verbose] [--timings] [--watch] [--changes-from BASE [--fail-on OUTCOMES]]
  FOLDER              the Pulumi project to plan: the folder holding its Pulumi.yaml (default: the current folder);
                      --project FOLDER says the same
  --stack NAME        the stack to plan; its config is Pulumi.NAME.yaml (default: dev, or the project's only stack)
  --config-file PATH  read the stack's config from PATH instead
  --json              the plan as JSON (same as --format json); nothing else is printed on standard output
  --format FORMAT     text (default, like pulumi preview), json, or mermaid (a flowchart)
  --out FILE          write the plan to FILE instead of standard output
  --verbose           on failure, print the program's full error with its stack trace
  --timings           print the type-check and program-run times to standard error
  --watch             plan again after every save of the program's sources, tsconfig.json or Pulumi.*.yaml, until
                      interrupted (Ctrl-C); with --json, one plan per line
  --changes-from BASE what pulumi up would do to each resource, predicted against BASE: a stack export
                      (pulumi stack export --file state.json), a plan saved with --json --out, or a git revision
                      (e.g. main); exits 3 if a disk holding data would be lost, 4 if pulumi up would be refused,
                      5 if that cannot be told offline (see docs/change-impact.md)
  --fail-on OUTCOMES  with --changes-from, also exit 6 on these outcomes, comma-separated: ${FAIL_ON.join(", ")}`;

/** Where the command writes: standard output gets the plan alone. */
export interface CommandIo {
    readonly stdout: (text: string) => void;
    readonly stderr: (text: string) => void;
}

const PROCESS_IO: CommandIo = {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
};

export interface PlanArgs {
    /** The folder holding Pulumi.yaml, absolute. */
    readonly projectDir: string;
    readonly stack: string;
    /** The stack's config file, absolute; undefined when the stack has none (its config is Pulumi.yaml's alone). */
    readonly configFile: string | undefined;
    readonly format: PlanFormat;
    readonly out: string | undefined;
    readonly verbose: boolean;
    readonly timings: boolean;
    readonly watch: boolean;
    readonly changesFrom: string | undefined;
    readonly failOn: readonly FailOn[];
}

export type Parsed =
    | { readonly kind: "plan"; readonly args: PlanArgs }
    | { readonly kind: "help" }
    | { readonly kind: "usage-error"; readonly message: string };

/** The stacks a project folder holds: the NAME of each Pulumi.NAME.yaml, sorted. */
export function stacksIn(projectDir: string): string[] {
    return fs.readdirSync(projectDir)
        .map((file) => /^Pulumi\.(.+)\.yaml$/.exec(file)?.[1])
        .filter((stack): stack is string => stack !== undefined)
        .sort();
}

function listed(stacks: readonly string[]): string {
    return stacks.length === 0 ? "it has no stack config file (Pulumi.<stack>.yaml)" : `its stacks: ${stacks.join(", ")}`;
}

/**
 * The stack to plan and its config file: the one named; else dev, or the only stack there is; else, when the folder
 * has no stack file at all, dev with Pulumi.yaml's config alone (as `pulumi stack init dev` would start).
 */
export function resolveStack(projectDir: string, stack: string | undefined, configFile: string | undefined):
    { readonly ok: true; readonly stack: string; readonly configFile: string | undefined } | { readonly ok: false; readonly message: string } {
    if (configFile !== undefined) {
        return fs.existsSync(configFile) ? { ok: true, stack: stack ?? "dev", configFile } : { ok: false, message: `no stack config file ${configFile}` };
    }
    const stacks = stacksIn(projectDir);
    const fileOf = (name: string) => path.join(projectDir, `Pulumi.${name}.yaml`);
    if (stack !== undefined) {
        return stacks.includes(stack) ? { ok: true, stack, configFile: fileOf(stack) }
            : { ok: false, message: `no stack "${stack}" in ${projectDir}: there is no Pulumi.${stack}.yaml; ${listed(stacks)}` };
    }
    const only = stacks.length === 1 ? stacks[0] : undefined;
    if (stacks.includes("dev") || only !== undefined) {
        const chosen = stacks.includes("dev") ? "dev" : (only ?? "dev");
        return { ok: true, stack: chosen, configFile: fileOf(chosen) };
    }
    if (stacks.length === 0) {
        return { ok: true, stack: "dev", configFile: undefined };
    }
    return { ok: false, message: `${projectDir} has several stacks and none is named dev: give one with --stack NAME (${listed(stacks)})` };
}

/** The command line, checked; every path made absolute against `cwd`. */
export function parsePlanArgs(argv: readonly string[], cwd: string = process.cwd()): Parsed {
    let parsed;
    try {
        parsed = parseArgs({
            args: [...argv],
            strict: true,
            allowPositionals: true,
            options: {
                project: { type: "string" },
                stack: { type: "string" },
                "config-file": { type: "string" },
                json: { type: "boolean", default: false },
                format: { type: "string" },
                out: { type: "string" },
                verbose: { type: "boolean", default: false },
                timings: { type: "boolean", default: false },
                watch: { type: "boolean", default: false },
                help: { type: "boolean", default: false },
                "changes-from": { type: "string" },
                "fail-on": { type: "string" },
            },
        });
    } catch (err) {
        return { kind: "usage-error", message: err instanceof Error ? err.message : String(err) };
    }
    const { values, positionals } = parsed;
    const error = (message: string): Parsed => ({ kind: "usage-error", message });
    if (values.help) {
        return { kind: "help" };
    }
    if (positionals.length > 1) {
        return error(`plan takes one project folder, not ${positionals.length}: ${positionals.map((p) => JSON.stringify(p)).join(" ")}`);
    }
    const folders = [...positionals, ...(values.project !== undefined ? [values.project] : [])].map((f) => path.resolve(cwd, f));
    if (folders.length === 2 && folders[0] !== folders[1]) {
        return error(`the project folder is given twice, as ${folders[0] ?? ""} and with --project as ${folders[1] ?? ""}: give it once`);
    }
    const projectDir = folders[0] ?? cwd;
    if (values.format !== undefined && !["text", "json", "mermaid"].includes(values.format)) {
        return error(`--format must be text, json or mermaid, not "${values.format}"`);
    }
    if (values.json && values.format !== undefined && values.format !== "json") {
        return error(`--json and --format ${values.format} contradict each other`);
    }
    const format: PlanFormat = values.json ? "json" : ((values.format ?? "text") as PlanFormat);
    if (values["changes-from"] !== undefined && format === "mermaid") {
        return error("--changes-from prints a change report as text or JSON, not mermaid");
    }
    const failOn = (values["fail-on"] ?? "").split(",").map((o) => o.trim()).filter((o) => o !== "");
    const unknown = failOn.filter((o) => !(FAIL_ON as readonly string[]).includes(o));
    if (unknown.length > 0) {
        return error(`--fail-on takes ${FAIL_ON.join(", ")}; not ${unknown.map((o) => `"${o}"`).join(", ")}`);
    }
    if (failOn.length > 0 && values["changes-from"] === undefined) {
        return error("--fail-on needs --changes-from");
    }
    if (!fs.existsSync(path.join(projectDir, "Pulumi.yaml"))) {
        return error(`no Pulumi.yaml in ${projectDir}; give the project's folder (azure-persistent-vm plan FOLDER), or run the plan from it`);
    }
    const stack = resolveStack(projectDir, values.stack, values["config-file"] !== undefined ? path.resolve(cwd, values["config-file"]) : undefined);
    if (!stack.ok) {
        return error(stack.message);
    }
    return {
        kind: "plan",
        args: {
            projectDir,
            stack: stack.stack,
            configFile: stack.configFile,
            format,
            out: values.out !== undefined ? path.resolve(cwd, values.out) : undefined,
            verbose: values.verbose,
            timings: values.timings,
            watch: values.watch,
            changesFrom: values["changes-from"],
            failOn: failOn as FailOn[],
        },
    };
}

interface PlanResult {
    readonly code: number;
    /** The files a watch re-plans on: what the type-check read (empty when it did not run). */
    readonly sources: readonly string[];
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** One plan: build the library when the project uses a checkout of it, plan, print. */
export async function planOnce(args: PlanArgs, io: CommandIo = PROCESS_IO, options: { readonly oneLineJson?: boolean } = {}): Promise<PlanResult> {
    const library = libraryCheckoutOf(args.projectDir);
    if (library !== undefined) {
        const { errors } = refreshBuild(library);
        if (errors.length > 0) {
            io.stderr(`error: ${errors.join("\n")}\n`);
            return { code: 1, sources: [] };
        }
    }
    const started = await startPlan({ projectDir: args.projectDir, stack: args.stack, ...(args.configFile !== undefined ? { configFile: args.configFile } : {}) });
    const { plan, format, changes: changeCommand } = finishing();
    const outcome = await plan.finishPlan(started, args.verbose);
    if (args.timings) {
        const { typeCheckMs, programMs, typeCheck, totalMs } = outcome.timings;
        const how = typeCheck === "up to date" ? " (type-check skipped: no file it read has changed)" : typeCheck === "skipped" ? " (no TypeScript to type-check with)" : "";
        io.stderr(`timings: type-check ${seconds(typeCheckMs)}, program run ${seconds(programMs)}, total ${seconds(totalMs ?? typeCheckMs + programMs)}${how}\n`);
    }
    if (!outcome.ok) {
        io.stderr(`error: ${outcome.message}\n`);
        if (args.verbose && outcome.details) {
            io.stderr(`${outcome.details}\n`);
        }
        return { code: 1, sources: outcome.sources };
    }
    for (const warning of outcome.warnings) {
        io.stderr(`warning: ${warning}\n`);
    }
    let rendered = format.formatPlan(args.format, outcome.document, outcome.vms, outcome.fleets);
    let code = 0;
    if (args.changesFrom !== undefined) {
        const changes = await changeCommand.changesFrom(args.changesFrom, outcome.run, { projectDir: args.projectDir, stack: args.stack, failOn: args.failOn, verbose: args.verbose });
        if (!changes.ok) {
            io.stderr(`error: ${changes.message}\n`);
            return { code: 1, sources: outcome.sources };
        }
        rendered = args.format === "json" ? `${JSON.stringify(changes.report, null, 2)}\n` : formatChangeReport(changes.report);
        code = changes.report.exitCode;
    }
    if (options.oneLineJson === true && args.format === "json") {
        rendered = `${JSON.stringify(JSON.parse(rendered))}\n`;
    }
    if (args.out !== undefined) {
        fs.writeFileSync(args.out, rendered);
    } else {
        io.stdout(rendered);
    }
    return { code, sources: outcome.sources };
}

/** Whether a file is one of the project's own, not a package's (those change with the lockfile, which is watched). */
function ownFile(file: string): boolean {
    return !file.split(path.sep).includes("node_modules");
}

/**
 * The files whose save re-plans: the project's sources the type-check read, its tsconfig.json, package.json,
 * Pulumi.yaml and stack files, the config file given, and, for a project built on a checkout of the library, the
 * library's sources.
 */
export function watchedFiles(args: PlanArgs, sources: readonly string[]): Set<string> {
    const files = new Set(sources.filter(ownFile).map((f) => path.resolve(f)));
    for (const file of ["Pulumi.yaml", "tsconfig.json", "package.json", ...stacksIn(args.projectDir).map((s) => `Pulumi.${s}.yaml`)]) {
        files.add(path.join(args.projectDir, file));
    }
    if (args.configFile !== undefined) {
        files.add(args.configFile);
    }
    const library = libraryCheckoutOf(args.projectDir);
    if (library !== undefined && fs.existsSync(path.join(library, "tsconfig.build.json"))) {
        buildInputs(library).forEach((f) => files.add(f));
    }
    return files;
}

/** How long after the last change a re-plan starts: an editor's save is often several writes. */
const SETTLE_MS = 200;

/**
 * Plans, then plans again after every change to a watched file (watching their folders, which sees an editor's
 * save-by-rename too), one plan at a time, until the process is interrupted (SIGINT, SIGTERM). Returns 0.
 */
export async function watchPlans(args: PlanArgs, io: CommandIo = PROCESS_IO): Promise<number> {
    const watchers = new Map<string, fs.FSWatcher>();
    let files = new Set<string>();
    let running = false;
    let again = false;
    let stopped = false;
    let timer: NodeJS.Timeout | undefined;
    let changed = "";

    const rewatch = () => {
        const folders = new Set([...files].map((f) => path.dirname(f)).filter((f) => fs.existsSync(f)));
        // The project folder is always watched: a new Pulumi.<stack>.yaml or tsconfig.json matters too.
        folders.add(args.projectDir);
        for (const [folder, watcher] of watchers) {
            if (!folders.has(folder)) {
                watcher.close();
                watchers.delete(folder);
            }
        }
        for (const folder of folders) {
            if (watchers.has(folder)) {
                continue;
            }
            try {
                watchers.set(folder, fs.watch(folder, (_event, name) => {
                    const file = name === null ? undefined : path.join(folder, name.toString());
                    const isStackFile = folder === args.projectDir && file !== undefined && /^Pulumi\.(.+\.)?yaml$/.test(path.basename(file));
                    if (file !== undefined && (files.has(file) || isStackFile)) {
                        changed = path.relative(args.projectDir, file) || file;
                        schedule();
                    }
                }));
            } catch (err) {
                // E.g. the system's limit on watched folders: the other folders are still watched.
                io.stderr(`watch: cannot watch ${folder}: ${err instanceof Error ? err.message : String(err)}\n`);
            }
        }
    };

    const runPlan = async (reason: string | undefined) => {
        running = true;
        const started = performance.now();
        if (reason !== undefined) {
            io.stderr(`\nwatch: ${reason} changed; planning again\n`);
        }
        let sources: readonly string[] = [];
        try {
            ({ sources } = await planOnce(args, io, { oneLineJson: true }));
        } catch (err) {
            io.stderr(`error: ${err instanceof Error ? err.message : String(err)}\n`);
        }
        running = false;
        if (stopped) {
            return;
        }
        files = watchedFiles(args, sources);
        rewatch();
        io.stderr(`watch: planned in ${seconds(performance.now() - started)}; watching ${files.size} files for changes (Ctrl-C to stop)\n`);
        if (again) {
            again = false;
            void runPlan(changed);
        }
    };

    function schedule() {
        if (stopped) {
            return;
        }
        if (timer !== undefined) {
            clearTimeout(timer);
        }
        timer = setTimeout(() => {
            timer = undefined;
            if (running) {
                again = true;
            } else {
                void runPlan(changed);
            }
        }, SETTLE_MS);
    }

    let interrupt = () => {};
    const interrupted = new Promise<void>((resolve) => {
        interrupt = resolve;
    });
    process.once("SIGINT", interrupt).once("SIGTERM", interrupt);
    await runPlan(undefined);
    await interrupted;
    stopped = true;
    if (timer !== undefined) {
        clearTimeout(timer);
    }
    watchers.forEach((w) => w.close());
    process.removeListener("SIGINT", interrupt).removeListener("SIGTERM", interrupt);
    return 0;
}

/** The plan command: parse, then plan once or watch. Returns the exit code. */
export async function runPlanCommand(argv: readonly string[], io: CommandIo = PROCESS_IO): Promise<number> {
    const parsed = parsePlanArgs(argv);
    if (parsed.kind === "help") {
        io.stdout(`${PLAN_USAGE}\n`);
        return 0;
    }
    if (parsed.kind === "usage-error") {
        io.stderr(`error: ${parsed.message}\n${PLAN_USAGE}\n`);
        return 2;
    }
    if (parsed.args.watch) {
        return watchPlans(parsed.args, io);
    }
    try {
        return (await planOnce(parsed.args, io)).code;
    } catch (err) {
        io.stderr(`error: ${err instanceof Error ? err.message : String(err)}\n`);
        return 1;
    }
}
