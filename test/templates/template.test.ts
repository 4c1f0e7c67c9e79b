/**
 * The template a stack starts from (templates/azure-persistent-vm-typescript): its Pulumi.yaml and `template:`
 * section against Pulumi's project schema, the config it asks for against what its program reads, its dependencies
 * against this package's, and its program, made with the `pulumi new` emulation and run as `pulumi preview` would
 * (in process, against this checkout's build), through azure-persistent-vm/testing. docs/testing-your-stack.md shows
 * the template's test file as it is.
 * Not proved here: the template installed from the packed tarball, type-checked with TypeScript 6, planned with the
 * command and its own test run (test/e2e/template.test.ts); `pulumi new` itself (no Pulumi CLI here).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { parse } from "yaml";
import { everyDiskProtected, findResource, noNsgOpensRdpToAnyone, noNsgOpensSshToAnyone, runProgram, type StackRun } from "../../testing";
import { projectSchemaProblems, pulumiNew } from "../../templates/pulumi-new";
import { REPO } from "../support/project-copy";

const TEMPLATE = path.join(REPO, "templates", "azure-persistent-vm-typescript");

interface PackageJson {
    version: string;
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
    peerDependencies: Record<string, string>;
}
const readJson = (file: string) => JSON.parse(fs.readFileSync(file, "utf8")) as PackageJson;

describe("GIVEN the template's Pulumi.yaml", () => {
    const file = path.join(TEMPLATE, "Pulumi.yaml");
    const project = parse(fs.readFileSync(file, "utf8")) as { template: { config: Record<string, { description?: string; default?: unknown }> } };

    it("THEN it validates against Pulumi's project schema, its template section included", () => {
        expect(projectSchemaProblems(file, project)).toStrictEqual([]);
    });

    it("THEN it asks for exactly the config its program reads, each with a description and a default that --yes accepts", () => {
        const program = fs.readFileSync(path.join(TEMPLATE, "index.ts"), "utf8");
        const read = [...program.matchAll(/config\.require\("([^"]+)"\)/g)].map((m) => m[1]);
        expect(Object.keys(project.template.config).sort()).toStrictEqual(["azure-native:location", ...read].sort());
        for (const [key, value] of Object.entries(project.template.config)) {
            expect({ key, description: typeof value.description, default: typeof value.default }).toStrictEqual({ key, description: "string", default: "string" });
        }
    });
});

describe("GIVEN the template's package.json", () => {
    const template = readJson(path.join(TEMPLATE, "package.json"));
    const library = readJson(path.join(REPO, "package.json"));

    it("THEN it depends on this release line of the package and on the SDKs in the ranges the package's peers accept", () => {
        // The caret range of this version's release line: before 1.0.0 a minor version may break (docs/packaging.md),
        // so a new minor version needs the template's range moved, and its program checked, on purpose.
        const [major = "", minor = ""] = library.version.split(".");
        expect(template.dependencies).toStrictEqual({
            "@pulumi/azure-native": library.peerDependencies["@pulumi/azure-native"],
            "@pulumi/pulumi": library.peerDependencies["@pulumi/pulumi"],
            "azure-persistent-vm": major === "0" ? `^0.${minor}.0` : `^${major}.0.0`,
        });
    });

    it("THEN it builds and tests with the TypeScript, vitest and Node types this repository uses", () => {
        expect(template.devDependencies).toStrictEqual({
            "@types/node": library.devDependencies["@types/node"],
            typescript: library.devDependencies["typescript"],
            vitest: library.devDependencies["vitest"],
        });
    });
});

describe("GIVEN a project made from the template by pulumi new, with the dev stack's defaults", () => {
    let projectDir: string;
    let run: StackRun;
    beforeAll(async () => {
        projectDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "apvm-template-")), "my-vms");
        pulumiNew({ templateDir: TEMPLATE, projectDir, name: "my-vms", description: "Two durable VMs", stack: "dev" });
        // This checkout's packages, the library among them (its build), as an install would give them.
        fs.symlinkSync(path.join(REPO, "node_modules"), path.join(projectDir, "node_modules"), "dir");
        run = await runProgram({
            projectDir, stack: "dev", load: async (file) => {
                vi.resetModules();
                return import(file);
            },
        });
    });
    afterAll(() => fs.rmSync(path.dirname(projectDir), { recursive: true, force: true }));

    it("WHEN its program runs THEN it registers the network, the Linux VM and the Windows VM with their children, and nothing else", () => {
        expect(run.registrations.filter((r) => r.custom).map((r) => `${r.type}::${r.name}`).sort()).toStrictEqual([
            "azure-native:compute:Disk::linux01-disk-data",
            "azure-native:compute:Disk::windows01-disk-data",
            "azure-native:compute:VirtualMachine::linux01-vm",
            "azure-native:compute:VirtualMachine::windows01-vm",
            "azure-native:compute:VirtualMachineExtension::linux01-access",
            "azure-native:compute:VirtualMachineExtension::windows01-access",
            "azure-native:compute:VirtualMachineRunCommandByVirtualMachine::linux01-format-data",
            "azure-native:compute:VirtualMachineRunCommandByVirtualMachine::windows01-format-data",
            "azure-native:network:ApplicationSecurityGroup::net-asg-linux",
            "azure-native:network:ApplicationSecurityGroup::net-asg-windows",
            "azure-native:network:NatGateway::net-nat",
            "azure-native:network:NetworkInterface::linux01-nic",
            "azure-native:network:NetworkInterface::windows01-nic",
            "azure-native:network:NetworkSecurityGroup::net-nsg",
            "azure-native:network:PublicIPAddress::net-nat-ip",
            "azure-native:network:Subnet::net-subnet",
            "azure-native:network:VirtualNetwork::net-vnet",
            "azure-native:resources:ResourceGroup::rg",
            "random:index/randomPassword:RandomPassword::windows01-admin-password",
            "tls:index/privateKey:PrivateKey::linux01-ssh-key",
        ]);
    });

    it("THEN the template's own checks pass: every disk protected, SSH and RDP open to the management range only", () => {
        expect(everyDiskProtected(run.registrations)).toStrictEqual([]);
        expect([...noNsgOpensSshToAnyone(run.registrations), ...noNsgOpensRdpToAnyone(run.registrations)]).toStrictEqual([]);
    });

    it("THEN the config defaults reached the program: the resource group, the sizes and the management range", () => {
        expect(findResource(run.registrations, "azure-native:resources:ResourceGroup", "rg").inputs).toStrictEqual({ location: "westeurope", resourceGroupName: "rg-persistent-vms" });
        expect(findResource(run.registrations, "azure-native:resources:ResourceGroup", "rg").options.protect).toBe(true);
        for (const vm of ["linux01-vm", "windows01-vm"]) {
            expect(findResource(run.registrations, "azure-native:compute:VirtualMachine", vm).inputs["hardwareProfile"]).toStrictEqual({ vmSize: "Standard_D2s_v5" });
        }
        const rules = findResource(run.registrations, "azure-native:network:NetworkSecurityGroup", "net-nsg").inputs["securityRules"] as Record<string, unknown>[];
        expect(rules.map((r) => [r["name"], r["destinationPortRange"], r["sourceAddressPrefixes"]])).toStrictEqual([
            ["allow-ssh-from-management", "22", ["203.0.113.0/24"]],
            ["allow-rdp-from-management", "3389", ["203.0.113.0/24"]],
        ]);
    });

    it("THEN each VM joins its own OS's application security group", () => {
        const groupsOf = (nic: string) => (findResource(run.registrations, "azure-native:network:NetworkInterface", nic).inputs["ipConfigurations"] as { applicationSecurityGroups: { id: string }[] }[])
            .flatMap((c) => c.applicationSecurityGroups.map((g) => g.id));
        const idOf = (group: string) => findResource(run.registrations, "azure-native:network:ApplicationSecurityGroup", group).id;
        expect({ linux: groupsOf("linux01-nic"), windows: groupsOf("windows01-nic") }).toStrictEqual({ linux: [idOf("net-asg-linux")], windows: [idOf("net-asg-windows")] });
        expect(idOf("net-asg-linux")).not.toBe(idOf("net-asg-windows"));
    });

    it("THEN the generated credentials are exported as secrets", () => {
        expect(run.outputs).toMatchObject({ linuxPrivateKey: "[secret]", windowsAdminPassword: "[secret]" });
    });
});

describe("GIVEN docs/testing-your-stack.md", () => {
    it("THEN its complete consumer test is the template's test file, as it is", () => {
        const doc = fs.readFileSync(path.join(REPO, "docs", "testing-your-stack.md"), "utf8");
        const test = fs.readFileSync(path.join(TEMPLATE, "index.test.ts"), "utf8");
        expect(doc).toContain(`\`\`\`typescript\n${test}\`\`\`\n`);
    });
});
