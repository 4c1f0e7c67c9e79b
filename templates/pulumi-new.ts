/**
 * `pulumi new <template folder>` as far as it can run without the Pulumi CLI, for CI and the tests: the CLI cannot
 * run here, so this does what it does to the files, after pulumi/pulumi v3.259.0:
 * - pkg/cmd/pulumi/templates/project_templates.go: `LoadTemplate` (the template's Pulumi.yaml, loaded and so
 *   validated), `CopyTemplateFilesDryRun` (no file overwritten), `CopyTemplateFiles` and `walkFiles` (every file but
 *   `.git/` and `.pulumi.template.yaml` copied; in a file's text, unless it holds a zero byte in its first 8000 bytes,
 *   `${PROJECT}` and `${DESCRIPTION}` replaced by `transform`, in a `.yaml` file by the values marshalled as YAML by
 *   gopkg.in/yaml.v3; in a file's name, `${PROJECT}` by the project name);
 * - pkg/workspace/templates.go and sdk/go/common/tokens/project.go: `ValidateProjectName`;
 * - pkg/cmd/pulumi/project/newcmd/new.go: after the copy, Pulumi.yaml read back with its name and description set,
 *   its `template:` section removed and the `pulumi:template` tag added (`AddConfigStackTags`), then saved;
 * - pkg/cmd/pulumi/project/newcmd/config.go: the template's config saved to the new stack's file, each key without a
 *   namespace given the project's (`ParseConfigKeyForProject`), each value its default as `--yes` takes it.
 * Every Pulumi.yaml is validated against the project schema Pulumi publishes (vendor/pulumi/project.schema.json).
 * What it does not do: create the stack in a backend, encrypt secret config (a template with some is refused), run
 * the language host's template hook, or install dependencies (the caller does, with npm).
 *
 * Usage: node --require ts-node/register/transpile-only templates/pulumi-new.ts <template folder> <new folder>
 *        --name <project> --description <text> [--stack dev]
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import Ajv2020 from "ajv/dist/2020";
import { parse, stringify } from "yaml";

const SCHEMA_FILE = path.join(__dirname, "..", "vendor", "pulumi", "project.schema.json");

/** What a `pulumi new --yes` run is given. */
export interface PulumiNewOptions {
    /** The template folder (its Pulumi.yaml has a `template:` section). */
    readonly templateDir: string;
    /** The new project's folder: created if absent; no file of the template may exist in it. */
    readonly projectDir: string;
    /** `--name`. */
    readonly name: string;
    /** `--description`. */
    readonly description: string;
    /** `--stack`. @default "dev" */
    readonly stack?: string;
    /** The template argument as given on the command line, recorded in the `pulumi:template` tag. @default templateDir */
    readonly templateArg?: string;
}

/** What the run wrote. */
export interface PulumiNewResult {
    /** The files written, relative to the project folder, sorted (the stack's config file included). */
    readonly files: readonly string[];
    /** The stack's config file, as written. */
    readonly stackConfig: Readonly<Record<string, string>>;
}

/** Why a project name is refused, as the CLI words it; undefined for a valid name. */
export function projectNameProblem(name: string): string | undefined {
    if (name === "") {
        return "project names may not be empty";
    }
    if (name.length > 100) {
        return "project names are limited to 100 characters";
    }
    if (!/^[A-Za-z0-9_.-]+$/.test(name)) {
        return "project names may only contain alphanumerics, hyphens, underscores, and periods";
    }
    if (name.toLowerCase() === "pulumi" || name.toLowerCase().startsWith("pulumi.")) {
        return "project name must not be `Pulumi` and must not start with the prefix `Pulumi.` to avoid collision with standard libraries";
    }
    return undefined;
}

/**
 * A string marshalled as a YAML document, as yaml.v3's `Marshal` does it for Pulumi.yaml: a plain scalar where one
 * reads back as the same string, a quoted one otherwise, then a line break. A line break inside is refused: the CLI's
 * prompt takes one line, and a block scalar would not survive being put after a key.
 */
export function yamlScalar(value: string): string {
    if (value.includes("\n")) {
        throw new Error(`pulumi-new: the value ${JSON.stringify(value)} holds a line break; give it on one line.`);
    }
    return stringify(value);
}

/** `transform`: every `${PROJECT}` and `${DESCRIPTION}` replaced (on Linux; Windows also turns \n into \r\n). */
export function transform(content: string, name: string, description: string): string {
    return content.replaceAll("${PROJECT}", name).replaceAll("${DESCRIPTION}", description);
}

/** Whether a zero byte occurs in the first 8000 bytes, as git and `isBinary` decide. */
function isBinary(bytes: Buffer): boolean {
    return bytes.subarray(0, 8000).includes(0);
}

/** The template's files as `walkFiles` visits them: [source, destination relative to the project folder]. */
function templateFiles(templateDir: string, name: string, relative = ""): [string, string][] {
    return fs.readdirSync(path.join(templateDir, relative), { withFileTypes: true })
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
        .flatMap((entry): [string, string][] => {
            const child = path.join(relative, entry.name);
            if (entry.isDirectory()) {
                return entry.name === ".git" ? [] : templateFiles(templateDir, name, child);
            }
            return entry.name === ".pulumi.template.yaml" ? [] : [[path.join(templateDir, child), transform(child, name, "")]];
        });
}

let validator: ReturnType<Ajv2020["compile"]> | undefined;

/** A project file's problems against Pulumi's project schema, each naming the file and the path; empty when valid. */
export function projectSchemaProblems(file: string, project: unknown): string[] {
    validator ??= new Ajv2020({ strict: false, allErrors: true }).compile(JSON.parse(fs.readFileSync(SCHEMA_FILE, "utf8")) as object);
    if (validator(project)) {
        return [];
    }
    return (validator.errors ?? []).map((e) => {
        const extra = "additionalProperty" in e.params ? ` (${JSON.stringify(e.params["additionalProperty"])})` : "";
        return `${file}: ${e.instancePath === "" ? "the file" : e.instancePath} ${e.message ?? "is invalid"}${extra}`;
    });
}

/** The CLI's own tag: `pulumi:tags` with a `value`, which the CLI writes to every project it creates. */
const TAGS_KEY = "pulumi:tags";

/**
 * A project file, parsed and validated. `exceptTags` leaves the CLI's tag out of the validation: the vendored schema
 * predates `value` in config declarations (pulumi/pulumi commit 88558b271b, October 2022), which the CLI writes there.
 */
function loadProject(file: string, exceptTags = false): Record<string, unknown> {
    const project = parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
    const config = project["config"];
    const checked = exceptTags && config !== null && typeof config === "object"
        ? { ...project, config: Object.fromEntries(Object.entries(config).filter(([key]) => key !== TAGS_KEY)) }
        : project;
    const problems = projectSchemaProblems(file, checked);
    if (problems.length > 0) {
        throw new Error(`pulumi-new: ${file} is not a valid Pulumi project file:\n${problems.join("\n")}`);
    }
    return project;
}

interface TemplateConfigValue {
    readonly description?: string;
    readonly default?: unknown;
    readonly secret?: boolean;
}

/** The template's config as `--yes` saves it: keys namespaced, values their defaults, sorted by key. */
function stackConfigOf(name: string, file: string, template: unknown): Record<string, string> {
    const declared = (template !== null && typeof template === "object" ? (template as { config?: unknown }).config : undefined) ?? {};
    const entries = Object.entries(declared as Record<string, TemplateConfigValue>).map(([key, value]) => {
        if (value.secret === true) {
            throw new Error(`pulumi-new: ${file}: template config ${JSON.stringify(key)} is secret, which needs a secrets provider to encrypt; this emulation has none.`);
        }
        if (typeof value.default !== "string") {
            throw new Error(`pulumi-new: ${file}: template config ${JSON.stringify(key)} has no string default, which --yes needs.`);
        }
        return [key.includes(":") ? key : `${name}:${key}`, value.default] as const;
    });
    return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Runs `pulumi new <templateDir> --dir <projectDir> --name --description --stack --yes`, as far as the files go. */
export function pulumiNew(options: PulumiNewOptions): PulumiNewResult {
    const { templateDir, projectDir, name, description } = options;
    const stack = options.stack ?? "dev";
    const nameProblem = projectNameProblem(name);
    if (nameProblem !== undefined) {
        throw new Error(`pulumi-new: --name ${JSON.stringify(name)}: ${nameProblem}.`);
    }
    const templateProject = loadProject(path.join(templateDir, "Pulumi.yaml"));
    const files = templateFiles(templateDir, name);
    const existing = files.filter(([, dest]) => fs.existsSync(path.join(projectDir, dest))).map(([, dest]) => dest);
    if (existing.length > 0) {
        throw new Error(`pulumi-new: creating this template will make changes to existing files: ${existing.join(", ")}; rerun with an empty folder.`);
    }
    // The values as each kind of file gets them: marshalled as YAML for a .yaml file, as given otherwise.
    const yamlName = yamlScalar(name);
    const yamlDescription = yamlScalar(description);
    fs.mkdirSync(projectDir, { recursive: true, mode: 0o700 });
    for (const [source, dest] of files) {
        const target = path.join(projectDir, dest);
        fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
        const bytes = fs.readFileSync(source);
        const yaml = source.endsWith(".yaml");
        const content = isBinary(bytes) ? bytes : Buffer.from(transform(bytes.toString("utf8"), yaml ? yamlName : name, yaml ? yamlDescription : description));
        fs.writeFileSync(target, content, { mode: (fs.statSync(source).mode & 0o777) | 0o600 });
    }

    const projectFile = path.join(projectDir, "Pulumi.yaml");
    const project = loadProject(projectFile);
    project["name"] = name;
    if (description !== "") {
        project["description"] = description;
    }
    delete project["template"];
    const config = (project["config"] ?? {}) as Record<string, unknown>;
    const tags = (config[TAGS_KEY] ?? { value: {} }) as { value: Record<string, string> };
    project["config"] = { ...config, [TAGS_KEY]: { ...tags, value: { ...tags.value, "pulumi:template": options.templateArg ?? templateDir } } };
    fs.writeFileSync(projectFile, stringify(project));
    loadProject(projectFile, true);

    const stackConfig = stackConfigOf(name, path.join(templateDir, "Pulumi.yaml"), templateProject["template"]);
    const stackFile = `Pulumi.${stack}.yaml`;
    if (Object.keys(stackConfig).length > 0) {
        fs.writeFileSync(path.join(projectDir, stackFile), stringify({ config: stackConfig }));
    }
    const written = [...files.map(([, dest]) => dest), ...(Object.keys(stackConfig).length > 0 ? [stackFile] : [])];
    return { files: written.sort(), stackConfig };
}

function main(argv: readonly string[]): void {
    const { values, positionals } = parseArgs({
        args: [...argv],
        allowPositionals: true,
        options: { name: { type: "string" }, description: { type: "string", default: "" }, stack: { type: "string", default: "dev" } },
    });
    const [templateDir, projectDir] = positionals;
    if (templateDir === undefined || projectDir === undefined || values.name === undefined || positionals.length !== 2) {
        throw new Error("usage: pulumi-new.ts <template folder> <new folder> --name <project> [--description <text>] [--stack dev]");
    }
    const result = pulumiNew({ templateDir, projectDir, name: values.name, description: values.description, stack: values.stack, templateArg: templateDir });
    process.stdout.write(`Created project '${values.name}' in ${projectDir}: ${result.files.join(", ")}\n`);
}

if (require.main === module) {
    try {
        main(process.argv.slice(2));
    } catch (e) {
        process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
        process.exitCode = 1;
    }
}
