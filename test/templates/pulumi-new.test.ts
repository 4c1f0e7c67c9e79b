/**
 * The emulation of `pulumi new` (templates/pulumi-new.ts) against what pulumi/pulumi v3.259.0 does to a template's
 * files: the `${PROJECT}`/`${DESCRIPTION}` transform (values marshalled as YAML in .yaml files), the files it skips,
 * leaves alone or renames, the project-name rule, Pulumi.yaml rewritten without its `template:` section, the stack's
 * config from the template's defaults, and the project schema check, which refuses a template the CLI would refuse.
 * Not proved here: the CLI itself, which cannot run here (no Pulumi CLI); its prompts, backend and dependency install.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { projectNameProblem, projectSchemaProblems, pulumiNew, transform, yamlScalar } from "../../templates/pulumi-new";

const scratch: string[] = [];
function tempDir(prefix: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `apvm-${prefix}-`));
    scratch.push(dir);
    return dir;
}
afterAll(() => scratch.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

const TEMPLATE_YAML = `name: \${PROJECT}
description: \${DESCRIPTION}
runtime: nodejs
template:
  description: A test template
  config:
    size:
      description: The size
      default: Standard_D2s_v5
    azure-native:location:
      default: westeurope
`;

/** A template with a renamed file, a nested file, a binary file, an executable script, and what the CLI skips. */
function writeTemplate(pulumiYaml = TEMPLATE_YAML): string {
    const dir = tempDir("template");
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), pulumiYaml);
    fs.writeFileSync(path.join(dir, "${PROJECT}.md"), "# ${PROJECT}\n\n${DESCRIPTION}\n");
    fs.mkdirSync(path.join(dir, "src"));
    fs.writeFileSync(path.join(dir, "src", "name.ts"), "export const project = \"${PROJECT}\";\n");
    fs.writeFileSync(path.join(dir, "logo.bin"), Buffer.concat([Buffer.from("${PROJECT}"), Buffer.from([0, 1, 2])]));
    fs.writeFileSync(path.join(dir, "run.sh"), "echo ${PROJECT}\n", { mode: 0o755 });
    fs.mkdirSync(path.join(dir, ".git"));
    fs.writeFileSync(path.join(dir, ".git", "config"), "[core]\n");
    fs.writeFileSync(path.join(dir, ".pulumi.template.yaml"), "description: legacy\n");
    return dir;
}

describe("GIVEN a template's text", () => {
    it("WHEN transformed THEN every ${PROJECT} and ${DESCRIPTION} is replaced, and nothing else", () => {
        expect(transform("${PROJECT}/${PROJECT}: ${DESCRIPTION} $PROJECT ${project} ${DESCRIPTION", "shop", "Web tier"))
            .toBe("shop/shop: Web tier $PROJECT ${project} ${DESCRIPTION");
    });

    it("WHEN a value goes into a .yaml file THEN it is a YAML document ending in a line break, as yaml.v3 marshals it", () => {
        expect(yamlScalar("my-vms")).toBe("my-vms\n");
        expect(yamlScalar("")).toBe("\"\"\n");
    });

    const tricky = ["Web: the front tier", "a # not a comment", "'single'", "\"double\"", "- a dash", "yes", "123", "[list]", "{map}", "@at", "*star", "&anchor", "!tag", "|pipe", ">fold", "%percent", "ünïcödé"];
    for (const description of tricky) {
        it(`WHEN the description is ${JSON.stringify(description)} THEN Pulumi.yaml reads it back unchanged`, () => {
            const project = parse(transform(TEMPLATE_YAML, yamlScalar("p"), yamlScalar(description))) as Record<string, unknown>;
            expect(project["description"]).toBe(description);
        });
    }

    it("WHEN a value holds a line break THEN it is refused, as the CLI's one-line prompt never gives one", () => {
        expect(() => yamlScalar("two\nlines")).toThrow("pulumi-new: the value \"two\\nlines\" holds a line break; give it on one line.");
    });
});

describe("GIVEN project names", () => {
    const table: [string, string | undefined][] = [
        ["my-vms", undefined],
        ["Shop_2.web", undefined],
        ["", "project names may not be empty"],
        ["a".repeat(101), "project names are limited to 100 characters"],
        ["my vms", "project names may only contain alphanumerics, hyphens, underscores, and periods"],
        ["Pulumi", "project name must not be `Pulumi` and must not start with the prefix `Pulumi.` to avoid collision with standard libraries"],
        ["pulumi.web", "project name must not be `Pulumi` and must not start with the prefix `Pulumi.` to avoid collision with standard libraries"],
    ];
    for (const [name, problem] of table) {
        it(`WHEN the name is ${JSON.stringify(name.length > 20 ? `${name.slice(0, 5)}... (${name.length})` : name)} THEN it is ${problem === undefined ? "accepted" : "refused as the CLI refuses it"}`, () => {
            expect(projectNameProblem(name)).toBe(problem);
        });
    }
});

describe("GIVEN a template folder", () => {
    let templateDir: string;
    let projectDir: string;
    let files: readonly string[];
    beforeAll(() => {
        templateDir = writeTemplate();
        projectDir = path.join(tempDir("new"), "shop");
        files = pulumiNew({ templateDir, projectDir, name: "shop", description: "Web: the front tier", stack: "prod", templateArg: "https://example.com/t" }).files;
    });

    it("WHEN pulumi new is emulated THEN every file is copied but .git/ and the legacy manifest, ${PROJECT} in a name renamed, and the stack's file added", () => {
        expect(files).toStrictEqual(["Pulumi.prod.yaml", "Pulumi.yaml", "logo.bin", "run.sh", "shop.md", "src/name.ts"]);
        expect(fs.existsSync(path.join(projectDir, ".git"))).toBe(false);
    });

    it("THEN text files get the raw values, a binary file is left as it was, and an executable stays executable", () => {
        expect(fs.readFileSync(path.join(projectDir, "shop.md"), "utf8")).toBe("# shop\n\nWeb: the front tier\n");
        expect(fs.readFileSync(path.join(projectDir, "src", "name.ts"), "utf8")).toBe("export const project = \"shop\";\n");
        expect(fs.readFileSync(path.join(projectDir, "logo.bin"))).toStrictEqual(fs.readFileSync(path.join(templateDir, "logo.bin")));
        expect(fs.statSync(path.join(projectDir, "run.sh")).mode & 0o777).toBe(0o755);
    });

    it("THEN Pulumi.yaml has the name and description, no template section, and the CLI's pulumi:template tag", () => {
        expect(parse(fs.readFileSync(path.join(projectDir, "Pulumi.yaml"), "utf8"))).toStrictEqual({
            name: "shop",
            description: "Web: the front tier",
            runtime: "nodejs",
            config: { "pulumi:tags": { value: { "pulumi:template": "https://example.com/t" } } },
        });
    });

    it("THEN the stack's file holds the template's defaults, a key without a namespace given the project's", () => {
        expect(fs.readFileSync(path.join(projectDir, "Pulumi.prod.yaml"), "utf8")).toBe("config:\n  azure-native:location: westeurope\n  shop:size: Standard_D2s_v5\n");
    });

    it("WHEN it is emulated again into the same folder THEN it refuses, naming the files it would overwrite in the order it walks them", () => {
        expect(() => pulumiNew({ templateDir, projectDir, name: "shop", description: "" })).toThrow(
            "pulumi-new: creating this template will make changes to existing files: shop.md, Pulumi.yaml, logo.bin, run.sh, src/name.ts; rerun with an empty folder.");
    });

    it("WHEN the name is not a project name THEN it refuses before writing anything", () => {
        const elsewhere = path.join(tempDir("new"), "bad");
        expect(() => pulumiNew({ templateDir, projectDir: elsewhere, name: "my shop", description: "" })).toThrow(
            "pulumi-new: --name \"my shop\": project names may only contain alphanumerics, hyphens, underscores, and periods.");
        expect(fs.existsSync(elsewhere)).toBe(false);
    });
});

describe("GIVEN a template whose Pulumi.yaml the CLI would refuse", () => {
    it("WHEN its template section misspells a key THEN the project schema refuses it, naming the file, the path and the key", () => {
        const templateDir = writeTemplate(TEMPLATE_YAML.replace("  description: A test template", "  descripton: A test template"));
        const file = path.join(templateDir, "Pulumi.yaml");
        expect(() => pulumiNew({ templateDir, projectDir: path.join(tempDir("new"), "p"), name: "p", description: "" })).toThrow(
            `pulumi-new: ${file} is not a valid Pulumi project file:\n${file}: /template must NOT have additional properties ("descripton")`);
    });

    it("WHEN a template config value is secret THEN the emulation refuses it: it has no secrets provider", () => {
        const templateDir = writeTemplate(`${TEMPLATE_YAML}    password:\n      secret: true\n`);
        expect(() => pulumiNew({ templateDir, projectDir: path.join(tempDir("new"), "p"), name: "p", description: "" })).toThrow(
            `pulumi-new: ${path.join(templateDir, "Pulumi.yaml")}: template config "password" is secret, which needs a secrets provider to encrypt; this emulation has none.`);
    });

    it("THEN the schema itself refuses a project without a runtime", () => {
        expect(projectSchemaProblems("Pulumi.yaml", { name: "x" })).toStrictEqual(["Pulumi.yaml: the file must have required property 'runtime'"]);
    });
});
