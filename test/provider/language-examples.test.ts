/**
 * The examples in other languages (examples/multi-language/<language>/) against the committed schema
 * (provider/schema.json): every resource type, input property (at every level) and output the YAML and the Python
 * example use is in the schema, under the name Pulumi YAML reads and the name Pulumi's Python generator gives it (its
 * `PyName` rule, ported in test/support/language-examples.ts and checked here on the generator's own cases); each
 * example is a Pulumi project whose `packages:` entry is the one `pulumi package add` writes for the plugin folder,
 * with its language's project file linking the generated SDK; the Go, C# and Java programs import the SDK under the
 * names their generators give the package; all five export the same outputs.
 * Not proved here: that the SDKs generate or that any program compiles or runs (there is no Pulumi CLI on the build
 * machines); the argument and output names of the Go, C# and Java programs (written from their generators' rules, not
 * checked); value types (a number where a string is due passes); that the Python grammar is Python's own parser.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { Language, Parser } from "web-tree-sitter";
import { parse } from "yaml";
import { projectSchemaProblems } from "../../templates/pulumi-new";
import {
    csharpNamespace, fullToken, goImportPath, goModulePath, javaPackage, pyInitParamName, pyName, pythonModule, pythonProblems, yamlProblems,
    type PackageSchema,
} from "../support/language-examples";
import { REPO } from "../support/project-copy";

const SCHEMA = JSON.parse(fs.readFileSync(path.join(REPO, "provider", "schema.json"), "utf8")) as PackageSchema;
const DIR = path.join(REPO, "examples", "multi-language");
const read = (...parts: string[]): string => fs.readFileSync(path.join(DIR, ...parts), "utf8");
const YAML_FILE = "yaml/Pulumi.yaml";
const PYTHON_FILE = "python/__main__.py";
const OUTPUTS = ["linuxPrivateIp", "linuxVmId", "windowsPrivateIp", "windowsVmId"];

let parser: Parser;
beforeAll(async () => {
    await Parser.init();
    parser = new Parser();
    parser.setLanguage(await Language.load(require.resolve("tree-sitter-python/tree-sitter-python.wasm")));
});

/** The text with `from` replaced once; fails when `from` is not in it exactly once, so a mutation cannot miss. */
function mutate(text: string, from: string, to: string): string {
    expect(text.split(from).length - 1, `"${from}" occurs once`).toBe(1);
    return text.replace(from, to);
}

describe("GIVEN Pulumi's Python naming rule (PyName, pkg/codegen/python/python.go)", () => {
    it.each([
        // The generator's own test cases (python_test.go).
        ["kubeletConfigKey", "kubelet_config_key"], ["podCIDR", "pod_cidr"], ["podCidr", "pod_cidr"], ["podCIDRs", "pod_cidrs"],
        ["podIPs", "pod_ips"], ["nonResourceURLs", "non_resource_urls"], ["podCIDRSet", "pod_cidr_set"], ["Sha256Hash", "sha256_hash"],
        ["SHA256Hash", "sha256_hash"], ["proj:config", "proj_config"], ["openXJsonSerDe", "open_x_json_ser_de"], ["GetPublicIPs", "get_public_i_ps"],
        // This package's names.
        ["sshPublicKeys", "ssh_public_keys"], ["sizeGb", "size_gb"], ["privateIpAddress", "private_ip_address"], ["vmId", "vm_id"],
        ["applicationSecurityGroupIds", "application_security_group_ids"], ["hyperVGeneration", "hyper_v_generation"], ["lastGuestStepUrn", "last_guest_step_urn"],
        ["lambda", "lambda_"], ["format", "format"],
    ])("THEN %s is %s", (name, expected) => {
        expect(pyName(name)).toBe(expected);
    });

    it("THEN a resource's `resourceName` and `opts` arguments get a trailing underscore, others do not", () => {
        expect(["resourceName", "opts", "resourceGroupName"].map(pyInitParamName)).toStrictEqual(["resource_name_", "opts_", "resource_group_name"]);
    });

    it("THEN the module is pulumi_ and the package name with underscores, or the namespace's prefix", () => {
        expect(pythonModule(SCHEMA)).toBe("pulumi_azure_persistent_vm");
        expect(pythonModule({ ...SCHEMA, language: {}, namespace: "contoso" })).toBe("contoso_azure_persistent_vm");
        // The committed schema pins the module, so the namespace the CLI adds for a git source changes nothing.
        expect(pythonModule({ ...SCHEMA, namespace: "contoso" })).toBe("pulumi_azure_persistent_vm");
        expect(pythonModule({ ...SCHEMA, language: { python: { packageName: "apvm" } } })).toBe("apvm");
    });

    it("THEN no two properties of a resource or type of the schema share a Python name", () => {
        const clashes: string[] = [];
        const check = (owner: string, names: readonly string[]) => {
            const seen = new Map<string, string>();
            for (const name of names) {
                const other = seen.get(pyName(name));
                if (other !== undefined) {
                    clashes.push(`${owner}: ${other} and ${name} are both ${pyName(name)}`);
                }
                seen.set(pyName(name), name);
            }
        };
        for (const [token, resource] of Object.entries(SCHEMA.resources)) {
            check(`${token} inputs`, Object.keys(resource.inputProperties ?? {}));
            check(`${token} outputs`, Object.keys(resource.properties ?? {}));
        }
        for (const [token, type] of Object.entries(SCHEMA.types ?? {})) {
            check(token, Object.keys(type.properties ?? {}));
        }
        expect(clashes).toStrictEqual([]);
    });
});

describe.each([
    ["yaml", "yaml", "Pulumi.yaml", `${SCHEMA.name}:`],
    ["python", "python", "requirements.txt", `sdks/${SCHEMA.name}`],
    ["go", "go", "go.mod", `replace ${goModulePath(SCHEMA)} => ./sdks/${SCHEMA.name}`],
    ["csharp", "dotnet", "apvm-multi-language-csharp.csproj", `<ProjectReference Include="sdks\\${SCHEMA.name}\\${csharpNamespace(SCHEMA)}.csproj" />`],
    ["java", "java", "build.gradle", `srcDir 'sdks/${SCHEMA.name}/src/main/java'`],
])("GIVEN the %s example", (language, runtime, projectFile, link) => {
    const project = parse(read(language, "Pulumi.yaml")) as { name: string; runtime: string | { name: string }; packages: unknown; config: Record<string, { secret?: boolean }> };

    it("THEN it is a Pulumi project of its own whose packages entry is what `pulumi package add` writes for the plugin folder", () => {
        expect(projectSchemaProblems(`${language}/Pulumi.yaml`, project)).toStrictEqual([]);
        expect([project.name, typeof project.runtime === "string" ? project.runtime : project.runtime.name]).toStrictEqual([`apvm-multi-language-${language}`, runtime]);
        expect(project.packages).toStrictEqual({ [SCHEMA.name]: "../../../provider" });
        expect(path.resolve(DIR, language, "../../../provider")).toBe(path.join(REPO, "provider"));
        expect(fs.existsSync(path.join(REPO, "provider", "PulumiPlugin.yaml"))).toBe(true);
    });

    it("THEN its stack config is the same five keys as the other examples', the password a secret", () => {
        expect(Object.keys(project.config).sort()).toStrictEqual(["adminPassword", "location", "managementSourcePrefix", "resourceGroupName", "sshPublicKey"]);
        expect(project.config["adminPassword"]?.secret).toBe(true);
    });

    it("THEN its project file links the SDK `pulumi package add` generates, under the name its generator gives it", () => {
        expect(read(language, projectFile)).toContain(link);
    });
});

describe("GIVEN the YAML example", () => {
    const text = read(YAML_FILE);

    it("THEN every resource type, input property and output it uses is in the schema, under Pulumi YAML's names", () => {
        const program = parse(text) as { resources: Record<string, { type: string }>; outputs: Record<string, string> };
        expect(Object.values(program.resources).map((r) => fullToken(r.type))).toStrictEqual(
            ["VmNetwork", "LinuxVm", "WindowsVm"].map((name) => `${SCHEMA.name}:index:${name}`),
        );
        expect(Object.keys(program.outputs).sort()).toStrictEqual(OUTPUTS);
        expect(yamlProblems(SCHEMA, program, YAML_FILE)).toStrictEqual([]);
    });

    it("THEN `pkg:Member` is read as `pkg:index:Member`, and a full token is kept", () => {
        expect([fullToken("azure-persistent-vm:LinuxVm"), fullToken("azure-persistent-vm:index:LinuxVm")]).toStrictEqual(
            ["azure-persistent-vm:index:LinuxVm", "azure-persistent-vm:index:LinuxVm"],
        );
    });

    it.each([
        ["a misspelt input", "subnetPrefix: 10.60.1.0/24", "subnetPrefx: 10.60.1.0/24", [
            "yaml/Pulumi.yaml: resources.net.properties.subnetPrefx: azure-persistent-vm:index:VmNetwork has no input subnetPrefx",
            "yaml/Pulumi.yaml: resources.net.properties: azure-persistent-vm:index:VmNetwork requires subnetPrefix",
        ]],
        ["a misspelt property of a list item", "sizeGb: 64", "sizeGib: 64", [
            "yaml/Pulumi.yaml: resources.web01.properties.dataDisks[0].sizeGib: azure-persistent-vm:index:DataDisk has no input sizeGib",
        ]],
        ["a misspelt output", "${web01.vmId}", "${web01.vmID}", [
            "yaml/Pulumi.yaml: outputs.linuxVmId: ${web01.vmID}: azure-persistent-vm:index:LinuxVm has no output vmID",
        ]],
        ["a misspelt property of an output", "${net.applicationSecurityGroupIds.linux}", "${net.applicationSecurityGroupIds.linx}", [
            "yaml/Pulumi.yaml: resources.web01.properties.applicationSecurityGroupIds[0]: ${net.applicationSecurityGroupIds.linx}: azure-persistent-vm:index:ApplicationSecurityGroupIds has no property linx",
        ]],
        ["a misspelt type", "type: azure-persistent-vm:WindowsVm", "type: azure-persistent-vm:WindowsVM", [
            "yaml/Pulumi.yaml: resources.app01.type: azure-persistent-vm:WindowsVM is not a resource of azure-persistent-vm (azure-persistent-vm:index:WindowsVM is not in the schema)",
        ]],
    ])("WHEN it has %s THEN the check reports it (it can fail)", (_, from, to, expected) => {
        expect(yamlProblems(SCHEMA, parse(mutate(text, from, to)), YAML_FILE)).toStrictEqual(expected);
    });
});

describe("GIVEN the Python example", () => {
    const text = read(PYTHON_FILE);

    it("THEN every class, keyword argument and output it uses is in the schema, under the Python generator's names", () => {
        expect(text).toContain(`import ${pythonModule(SCHEMA)} as `);
        expect(pythonProblems(SCHEMA, parser, text, PYTHON_FILE)).toStrictEqual([]);
        expect([...text.matchAll(/pulumi\.export\("(\w+)"/g)].map((m) => m[1]).sort()).toStrictEqual(OUTPUTS);
    });

    it("THEN a dictionary in place of DataDiskArgs is checked by its keys, in Python's spelling", () => {
        const call = 'azure_persistent_vm.DataDiskArgs(name="data", lun=0, size_gb=64, format=True)';
        expect(pythonProblems(SCHEMA, parser, mutate(text, call, '{"name": "data", "lun": 0, "size_gb": 64}'), PYTHON_FILE)).toStrictEqual([]);
        expect(pythonProblems(SCHEMA, parser, mutate(text, call, '{"name": "data", "lun": 0, "sizeGb": 64}'), PYTHON_FILE)).toStrictEqual([
            "python/__main__.py:36: azure-persistent-vm:index:DataDisk has no property sizeGb in Python",
        ]);
    });

    it.each([
        ["a misspelt argument of a resource", 'subnet_prefix="10.60.1.0/24"', 'subnet_prefx="10.60.1.0/24"', [
            "python/__main__.py:23: azure-persistent-vm:index:VmNetwork has no input subnet_prefx in Python",
        ]],
        ["an argument in the schema's camelCase", "ssh_public_keys=[ssh_public_key]", "sshPublicKeys=[ssh_public_key]", [
            "python/__main__.py:35: azure-persistent-vm:index:LinuxVm has no input sshPublicKeys in Python",
        ]],
        ["a misspelt argument of a list item's type", "size_gb=64", "size_gib=64", [
            "python/__main__.py:36: azure-persistent-vm:index:DataDisk has no input size_gib in Python",
        ]],
        ["a misspelt output", "linux.private_ip_address", "linux.private_ip", [
            "python/__main__.py:50: azure-persistent-vm:index:LinuxVm has no output private_ip in Python",
        ]],
        ["a misspelt property of an output", "lambda ids: ids.linux", "lambda ids: ids.linx", [
            "python/__main__.py:33: azure-persistent-vm:index:ApplicationSecurityGroupIds has no property linx in Python",
        ]],
        ["a misspelt class", "azure_persistent_vm.WindowsVm(", "azure_persistent_vm.WindowsVM(", [
            "python/__main__.py:39: pulumi_azure_persistent_vm has no class WindowsVM",
        ]],
        ["a misspelt module", "import pulumi_azure_persistent_vm as", "import pulumi_azure_persistant_vm as", [
            "python/__main__.py: does not import pulumi_azure_persistent_vm",
        ]],
        ["a syntax error", "    size=\"Standard_D2s_v5\",\n    ssh_public_keys", "    size=\"Standard_D2s_v5\"\n    ssh_public_keys", [
            "python/__main__.py:35: a syntax error",
        ]],
    ])("WHEN it has %s THEN the check reports it (it can fail)", (_, from, to, expected) => {
        expect(pythonProblems(SCHEMA, parser, mutate(text, from, to), PYTHON_FILE)).toStrictEqual(expected);
    });
});

describe("GIVEN the Go, C# and Java examples", () => {
    it("THEN each imports the SDK under the name its generator gives the package", () => {
        expect(read("go", "main.go")).toContain(`\t"${goImportPath(SCHEMA)}"\n`);
        expect(read("csharp", "Program.cs")).toContain(`using ${csharpNamespace(SCHEMA)};\n`);
        expect(read("java", "src", "main", "java", "myproject", "App.java")).toContain(`import ${javaPackage(SCHEMA)}.LinuxVm;\n`);
        expect([goImportPath(SCHEMA), csharpNamespace(SCHEMA), javaPackage(SCHEMA)]).toStrictEqual(
            ["example.com/pulumi-azure-persistent-vm/sdk/go/azurepersistentvm", "Pulumi.AzurePersistentVm", "com.pulumi.azurepersistentvm"],
        );
    });

    it("THEN each exports the same four outputs as the YAML and Python examples", () => {
        const exported = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => m[1]).sort();
        expect(exported(read("go", "main.go"), /ctx\.Export\("(\w+)"/g)).toStrictEqual(OUTPUTS);
        expect(exported(read("csharp", "Program.cs"), /\["(\w+)"\] =/g)).toStrictEqual(OUTPUTS);
        expect(exported(read("java", "src", "main", "java", "myproject", "App.java"), /ctx\.export\("(\w+)"/g)).toStrictEqual(OUTPUTS);
    });
});
