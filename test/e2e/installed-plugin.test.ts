/**
 * The component provider as `pulumi package add` installs it for a program in another language: the repository's
 * files (what git tracks under provider/ and components/, nothing built, no node_modules) in a fresh folder, then
 * `npm install --loglevel=error` in its provider/ folder, as the CLI's Node.js language host runs it for a plugin
 * (docs/multi-language.md), which runs the plugin's `prepare` and so compiles it with its own pinned TypeScript
 * against its own pinned SDK and providers. The installed plugin is then started as the language host starts it and
 * must answer with the committed schema and the package's version, and build a LinuxVm that registers exactly what
 * the TypeScript constructor registers.
 * Not proved here: the CLI's own download of a git URL and its SDK generation (no Pulumi CLI here; the install step is
 * the same npm command), and an install with no npm cache: `--prefer-offline` takes the packages from the cache
 * this repository's own `npm ci` filled, and fetches only what is missing (CI has the registry).
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serializeProperties } from "@pulumi/pulumi/runtime/rpc";
import { LinuxVm, type LinuxVmArgs } from "../../components";
import { LINUX_VM } from "../../provider/contracts";
import { installRecorder, valueOf, type Registration } from "../../tools/recorder/recorder";
import { SUBNET_ID } from "../support/fixtures";
import { PROJECT, PROVIDER_DIR, STACK, byUrn, construct, pluginSchema, pluginVersion, runTypeScript, startPlugin, subtree, type Constructed, type Plugin } from "../support/plugin";
import { REPO } from "../support/project-copy";

const run = promisify(execFile);

let copy: string;
let plugin: Plugin;
let install: { stdout: string; stderr: string };

beforeAll(async () => {
    copy = fs.mkdtempSync(path.join(os.tmpdir(), "apvm-plugin-"));
    // The files a clone has: tracked ones, and new ones not ignored (this run may test uncommitted work).
    const { stdout } = await run("git", ["ls-files", "--cached", "--others", "--exclude-standard", "provider", "components"], { cwd: REPO });
    for (const file of stdout.split("\n").filter((f) => f !== "" && fs.existsSync(path.join(REPO, f)))) {
        fs.mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
        fs.copyFileSync(path.join(REPO, file), path.join(copy, file));
    }
    install = await run("npm", ["install", "--loglevel=error", "--no-audit", "--no-fund", "--prefer-offline"], {
        cwd: path.join(copy, "provider"),
        maxBuffer: 16 * 1024 * 1024,
    });
    await installRecorder({ project: PROJECT, stack: STACK, preview: true });
    plugin = await startPlugin(path.join(copy, "provider"));
});

afterAll(async () => {
    await plugin.stop();
    fs.rmSync(copy, { recursive: true, force: true });
});

describe("GIVEN the plugin folder of a fresh checkout WHEN the CLI installs it and starts it", () => {
    it("THEN npm install compiles it (its prepare script) into provider/bin, with its own pinned SDK", () => {
        expect(fs.existsSync(path.join(copy, "provider", "bin", "provider", "index.js"))).toBe(true);
        const sdk = JSON.parse(fs.readFileSync(path.join(copy, "provider", "node_modules", "@pulumi", "pulumi", "package.json"), "utf8")) as { version: string };
        const pins = JSON.parse(fs.readFileSync(path.join(PROVIDER_DIR, "package.json"), "utf8")) as { dependencies: Record<string, string> };
        expect(sdk.version).toBe(pins.dependencies["@pulumi/pulumi"]);
        expect(install.stderr).not.toMatch(/error/i);
    });

    it("THEN it answers with the package's version and the committed schema", async () => {
        const manifest = JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8")) as { version: string };
        expect(await pluginVersion(plugin)).toBe(manifest.version);
        expect(JSON.parse(await pluginSchema(plugin))).toEqual(JSON.parse(fs.readFileSync(path.join(PROVIDER_DIR, "schema.json"), "utf8")));
    });

    it("THEN a LinuxVm it builds registers exactly what new LinuxVm(...) registers", async () => {
        const args = { resourceGroupName: "rg", location: "westeurope", subnetId: SUBNET_ID, size: "Standard_D2s_v5", dataDisks: [{ name: "data", lun: 0, sizeGb: 64 }] } satisfies LinuxVmArgs;
        let vm: LinuxVm | undefined;
        const typescript = await runTypeScript(() => {
            vm = new LinuxVm("web01", args);
        });
        if (vm === undefined) {
            throw new Error("the program declared no VM");
        }
        const expected: Registration[] = subtree(typescript.registrations, await valueOf(vm.urn));
        const constructed: Constructed = await construct(plugin, { type: LINUX_VM, name: "web01", inputs: await serializeProperties("inputs", args) });
        expect(constructed.error?.details).toBeUndefined();
        expect(byUrn(constructed.registrations)).toEqual(byUrn(expected));
        expect(constructed.registrations.map((r) => r.type)).toContain("azure-native:compute:Disk");
    });
});
