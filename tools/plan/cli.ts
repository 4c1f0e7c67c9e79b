/**
 * npm run plan [-- --project DIR] [--stack NAME] [--config-file PATH] [--json | --format text|json|mermaid] [--out FILE]
 *              [--verbose] [--timings] [--changes-from BASE [--fail-on OUTCOMES]]
 * Exit codes: 0 the plan was printed (with --changes-from: nothing risky); 1 the program or its inputs failed; 2 usage
 * error; with --changes-from: 3 a disk holding data would be deleted, replaced or import-replaced; 4 pulumi up would be
 * refused; 5 the tool cannot tell offline whether a disk holding data survives; 6 an outcome named by --fail-on.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { changesFrom } from "./change-command";
import { FAIL_ON, formatChangeReport, type FailOn } from "./change-report";
import { formatPlan, type PlanFormat } from "./format";
import { buildLibrary, usesLibraryCheckout } from "./library-build";
import { plan } from "./plan";

const USAGE = `usage: npm run plan -- [--project DIR] [--stack NAME] [--config-file PATH] [--json | --format text|json|mermaid] [--out FILE] [--verbose] [--timings]
                    [--changes-from BASE [--fail-on OUTCOMES]]
  --project DIR       the Pulumi project to plan (default: the current folder), e.g. examples/sql-server
  --stack NAME        the stack to plan (default: dev); its config is Pulumi.NAME.yaml
  --config-file PATH  read the stack's config from PATH instead
  --json              the plan as JSON (same as --format json)
  --format FORMAT     text (default, like pulumi preview), json, or mermaid (a flowchart)
  --out FILE          write the plan to FILE instead of standard output
  --verbose           on failure, print the program's full error with its stack trace
  --timings           print the type-check and program-run times to standard error
  --changes-from BASE what pulumi up would do to each resource, predicted against BASE: a stack export
                      (pulumi stack export --file state.json), a plan saved with --json --out, or a git revision
                      (e.g. main); exits 3 if a disk holding data would be lost, 4 if pulumi up would be refused,
                      5 if that cannot be told offline (see docs/change-impact.md)
  --fail-on OUTCOMES  with --changes-from, also exit 6 on these outcomes, comma-separated: ${FAIL_ON.join(", ")}`;

function usageError(message: string): never {
    process.stderr.write(`error: ${message}\n${USAGE}\n`);
    process.exit(2);
}

function parse(argv: string[]) {
    let values;
    try {
        ({ values } = parseArgs({
            args: argv,
            strict: true,
            allowPositionals: false,
            options: {
                project: { type: "string" },
                stack: { type: "string", default: "dev" },
                "config-file": { type: "string" },
                json: { type: "boolean", default: false },
                format: { type: "string" },
                out: { type: "string" },
                verbose: { type: "boolean", default: false },
                timings: { type: "boolean", default: false },
                help: { type: "boolean", default: false },
                "changes-from": { type: "string" },
                "fail-on": { type: "string" },
            },
        }));
    } catch (err) {
        usageError(err instanceof Error ? err.message : String(err));
    }
    if (values.help) {
        process.stdout.write(`${USAGE}\n`);
        process.exit(0);
    }
    if (values.format !== undefined && !["text", "json", "mermaid"].includes(values.format)) {
        usageError(`--format must be text, json or mermaid, not "${values.format}"`);
    }
    if (values.json && values.format !== undefined && values.format !== "json") {
        usageError(`--json and --format ${values.format} contradict each other`);
    }
    const format: PlanFormat = values.json ? "json" : ((values.format ?? "text") as PlanFormat);
    if (values["changes-from"] !== undefined && format === "mermaid") {
        usageError("--changes-from prints a change report as text or JSON, not mermaid");
    }
    const failOn = (values["fail-on"] ?? "").split(",").map((o) => o.trim()).filter((o) => o !== "");
    const unknown = failOn.filter((o) => !(FAIL_ON as readonly string[]).includes(o));
    if (unknown.length > 0) {
        usageError(`--fail-on takes ${FAIL_ON.join(", ")}; not ${unknown.map((o) => `"${o}"`).join(", ")}`);
    }
    if (failOn.length > 0 && values["changes-from"] === undefined) {
        usageError("--fail-on needs --changes-from");
    }
    return { ...values, format, failOn: failOn as FailOn[] };
}

async function main(): Promise<number> {
    const args = parse(process.argv.slice(2));
    const projectDir = path.resolve(args.project ?? process.cwd());
    if (!fs.existsSync(path.join(projectDir, "Pulumi.yaml"))) {
        usageError(`no Pulumi.yaml in ${projectDir}; give the project's folder with --project, or run the plan from it`);
    }
    const configFile = args["config-file"] !== undefined ? path.resolve(args["config-file"]) : path.join(projectDir, `Pulumi.${args.stack}.yaml`);
    if (!fs.existsSync(configFile)) {
        usageError(`no stack config file ${configFile}${args["config-file"] === undefined ? ` for stack "${args.stack}"` : ""}`);
    }
    if (usesLibraryCheckout(projectDir)) {
        const errors = buildLibrary();
        if (errors.length > 0) {
            process.stderr.write(`error: ${errors.join("\n")}\n`);
            return 1;
        }
    }
    const outcome = await plan({ projectDir, stack: args.stack, configFile, verbose: args.verbose });
    if (args.timings) {
        const { typeCheckMs, programMs } = outcome.timings;
        process.stderr.write(`timings: type-check ${(typeCheckMs / 1000).toFixed(2)} s, program run ${(programMs / 1000).toFixed(2)} s, total ${((typeCheckMs + programMs) / 1000).toFixed(2)} s\n`);
    }
    if (!outcome.ok) {
        process.stderr.write(`error: ${outcome.message}\n`);
        if (args.verbose && outcome.details) {
            process.stderr.write(`${outcome.details}\n`);
        }
        return 1;
    }
    for (const warning of outcome.warnings) {
        process.stderr.write(`warning: ${warning}\n`);
    }
    let rendered = formatPlan(args.format, outcome.document, outcome.vms, outcome.fleets);
    let code = 0;
    const base = args["changes-from"];
    if (base !== undefined) {
        const changes = await changesFrom(base, outcome.run, { projectDir, stack: args.stack, failOn: args.failOn, verbose: args.verbose });
        if (!changes.ok) {
            process.stderr.write(`error: ${changes.message}\n`);
            return 1;
        }
        rendered = args.format === "json" ? `${JSON.stringify(changes.report, null, 2)}\n` : formatChangeReport(changes.report);
        code = changes.report.exitCode;
    }
    if (args.out !== undefined) {
        fs.writeFileSync(args.out, rendered);
    } else {
        process.stdout.write(rendered);
    }
    return code;
}

main().then((code) => {
    process.exitCode = code;
}, (err: unknown) => {
    process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
});
