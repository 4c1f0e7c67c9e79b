/**
 * The stack's config answers in one round: unreadable keys, keys the stack does not know, the schema's problems, the
 * components' rules and their warnings are reported together, each once, and nothing that only follows from a refused
 * value. checkStack is judged row by row; the five-mistake config file is run as the stack program (in process, as
 * pulumi preview runs it) and through the plan command's own outcome (planOfRun, what the CLI prints after `error: `).
 * Not proved here: the CLI's exit code and standard error as a child process (test/e2e/plan-cli.test.ts runs the
 * command), nor that the suggestions are what a user meant, only that they are the table's nearest entries.
 */
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { RawStackConfig } from "../../stack/config";
import { checkStack, type StackCheck, type StackInputs } from "../../stack/preflight";
import { planOfRun } from "../../tools/plan/plan";
import type { ProgramRun } from "../../tools/recorder/program";
import { DEV_KEY, inventory } from "../support/dev-stack";
import { devRun } from "../support/programs";
import { REPO } from "../support/project-copy";

const WEB01 = { name: "web01", os: "linux", size: "Standard_D2s_v5", zone: "1", sshPublicKeys: [DEV_KEY] };
const APP01 = { name: "app01", os: "windows", size: "Standard_D2s_v5", zone: "1" };

const RAW: RawStackConfig = {
    resourceGroupName: "rg-persistent-vm-test",
    createResourceGroup: undefined,
    network: { addressSpace: "10.42.0.0/16", subnetPrefix: "10.42.1.0/24", managementSourcePrefixes: ["203.0.113.0/24"] },
    vms: [WEB01, APP01],
    backup: undefined,
    tags: undefined,
    adminPasswordVms: [],
};

/** The stack's inputs for RAW in West Europe, with every key set that RAW sets. */
function inputs(overrides: Partial<StackInputs> & { readonly config?: Partial<RawStackConfig> } = {}): StackInputs {
    const { config, ...rest } = overrides;
    return {
        raw: { ...RAW, ...config },
        keys: ["resourceGroupName", "network", "vms"],
        unreadable: { keys: [], problems: [] },
        location: "westeurope",
        adminPasswords: {},
        ...rest,
    };
}

/** What checkStack reports, without the config it returns when there is nothing to report. */
function reported(check: StackCheck): { problems: readonly string[]; warnings: readonly string[] } {
    return { problems: check.ok ? [] : check.problems, warnings: check.warnings };
}

const AT = (index: number, name: string) => `azure-persistent-vm:vms[${index}] (${JSON.stringify(name)})`;
const D2S_V9 = `"Standard_D2s_v9" is not in the size table of 2026-11, so maxDataDisks, trustedLaunch, generations are not checked (did you mean "Standard_D2s_v5", "Standard_D2s_v4" or "Standard_D2s_v3"? If "Standard_D2s_v9" is right, set preflightFacts.size).`;

describe("GIVEN the dev stack's config as it is WHEN it is checked", () => {
    it("THEN it passes with no problem and no warning", () => {
        const check = checkStack(inputs());
        expect([check.ok, reported(check)]).toStrictEqual([true, { problems: [], warnings: [] }]);
    });
});

interface Row {
    readonly scenario: string;
    readonly inputs: StackInputs;
    readonly problems: readonly string[];
    readonly warnings?: readonly string[];
}

describe("GIVEN a config a user gets wrong in several ways at once WHEN it is checked", () => {
    it.each<Row>([
        {
            scenario: "a misspelt top-level key (tag for tags) and one no key is near",
            inputs: inputs({ keys: ["resourceGroupName", "network", "vms", "tag", "colour"] }),
            problems: [
                `azure-persistent-vm:tag: unknown key (did you mean "azure-persistent-vm:tags"?); check the spelling against docs/configuration.md (the stack reads no other key, so its value would be ignored).`,
                `azure-persistent-vm:colour: unknown key; check the spelling against docs/configuration.md (the stack reads no other key, so its value would be ignored).`,
            ],
        },
        {
            scenario: "adminPassword for adminPasswords and resourcegroupname in the wrong case",
            inputs: inputs({ keys: ["resourcegroupname", "network", "vms", "adminPassword"] }),
            problems: [
                `azure-persistent-vm:resourcegroupname: unknown key (did you mean "azure-persistent-vm:resourceGroupName"?); check the spelling against docs/configuration.md (the stack reads no other key, so its value would be ignored).`,
                `azure-persistent-vm:adminPassword: unknown key (did you mean "azure-persistent-vm:adminPasswords"?); check the spelling against docs/configuration.md (the stack reads no other key, so its value would be ignored).`,
            ],
        },
        {
            scenario: "a misspelt key in a VM's OS disk, with the key it meant",
            inputs: inputs({ config: { vms: [{ ...WEB01, osDisk: { sizeGB: 64 } }, APP01] } }),
            problems: [`${AT(0, "web01")}.osDisk: unknown key "sizeGB" (did you mean "sizeGb"?); check the spelling against docs/configuration.md.`],
        },
        {
            scenario: "a refused securityType on a size without Trusted Launch: the default it would fall back to is not reported",
            inputs: inputs({ config: { vms: [{ ...WEB01, size: "Standard_A2_v2", securityType: "Standrd", zone: "4" }, APP01] } }),
            problems: [
                `${AT(0, "web01")}.zone: "4" is not an availability zone; use "1", "2" or "3".`,
                `${AT(0, "web01")}.securityType: "Standrd" is not a security type; use "TrustedLaunch" or "Standard".`,
                // Av2 runs only Gen1 images: a rule about a field the schema passed still runs.
                `${AT(0, "web01")}.size: "Standard_A2_v2" runs only Gen1 images, and ubuntu-24.04 is Gen2 (choose a Gen2-capable size such as Standard_D2s_v5).`,
            ],
        },
        {
            scenario: "a schema problem in one VM and a rule problem in another",
            inputs: inputs({ config: { vms: [{ ...WEB01, dataDisks: [{ name: "data", lun: "0", sizeGb: 64 }] }, { ...APP01, computerName: "application-server" }] } }),
            problems: [
                `${AT(0, "web01")}.dataDisks[0].lun: expected number, got a string of 1 character (not shown).`,
                `${AT(1, "app01")}.computerName: "application-server" is 18 characters; Windows allows at most 15 (shorten computerName).`,
            ],
        },
        {
            scenario: "a VM entry without a size next to a network whose subnet is outside its address space",
            inputs: inputs({
                config: {
                    network: { addressSpace: "10.42.0.0/16", subnetPrefix: "10.43.1.0/24", managementSourcePrefixes: ["203.0.113.0/24"] },
                    vms: [{ name: "web01", os: "linux", sshPublicKeys: [DEV_KEY] }, APP01],
                },
            }),
            problems: [
                `${AT(0, "web01")}.size: is required (a string).`,
                `azure-persistent-vm:network.subnetPrefix: "10.43.1.0/24" is not inside addressSpace "10.42.0.0/16"; choose a subnet range within it.`,
            ],
        },
        {
            scenario: "a backup key of the wrong type and a VM that opts in to backup: no second problem about a missing backup key",
            inputs: inputs({ config: { backup: { retentionDays: "thirty" }, vms: [{ ...WEB01, backup: true }, APP01] } }),
            problems: [`azure-persistent-vm:backup.retentionDays: expected number, got a string of 6 characters (not shown).`],
        },
        {
            scenario: "vms that is not JSON, a misspelt key and a network problem: vms is not also reported missing",
            inputs: inputs({
                config: { vms: undefined, network: { addressSpace: "10.42.0.0/16", subnetPrefix: "10.42.1.0/24", managementSourcePrefixes: ["*"] } },
                keys: ["resourceGroupName", "network", "vms", "tag"],
                unreadable: { keys: ["vms"], problems: ["azure-persistent-vm:vms: is not a list of VMs (set it in Pulumi.<stack>.yaml as a YAML list; docs/configuration.md); its value is not shown."] },
            }),
            problems: [
                "azure-persistent-vm:vms: is not a list of VMs (set it in Pulumi.<stack>.yaml as a YAML list; docs/configuration.md); its value is not shown.",
                `azure-persistent-vm:tag: unknown key (did you mean "azure-persistent-vm:tags"?); check the spelling against docs/configuration.md (the stack reads no other key, so its value would be ignored).`,
                `azure-persistent-vm:network.managementSourcePrefixes[0]: "*" would open SSH/RDP to the whole internet; list the addresses you manage from, like "203.0.113.0/24" (or, knowingly, set allowManagementFromAnywhere: true).`,
            ],
        },
        {
            scenario: "a size typo on a VM that also breaks a rule: the warning comes with the problem",
            inputs: inputs({ config: { vms: [WEB01, { ...APP01, size: "Standard_D2s_v9", computerName: "application-server" }] } }),
            problems: [`${AT(1, "app01")}.computerName: "application-server" is 18 characters; Windows allows at most 15 (shorten computerName).`],
            warnings: [`${AT(1, "app01")}.size: ${D2S_V9}`],
        },
        {
            scenario: "a password for a VM whose entry the schema refused: its OS is not known, so nothing is said about the password",
            inputs: inputs({ config: { vms: [WEB01, { ...APP01, os: "Windows" }], adminPasswordVms: ["app01"] } }),
            problems: [`${AT(1, "app01")}.os: "Windows" is not allowed; use one of "linux", "windows".`],
        },
    ])("THEN $scenario: each problem once, in one list", ({ inputs: given, problems, warnings }) => {
        expect(reported(checkStack(given))).toStrictEqual({ problems, warnings: warnings ?? [] });
    });
});

describe("GIVEN a size typo in a config with no other mistake WHEN it is checked", () => {
    it("THEN the config passes, and the warning (which the VM itself logs when declared) names the nearest sizes", () => {
        const check = checkStack(inputs({ config: { vms: [WEB01, { ...APP01, size: "Standard_D2s_v9" }] } }));
        expect([check.ok, check.warnings]).toStrictEqual([true, [`${AT(1, "app01")}.size: ${D2S_V9}`]]);
    });
});

/** The config file with five mistakes of five kinds; its comments list them. */
const FIVE_MISTAKES = path.join(REPO, "test", "fixtures", "stack-config", "Pulumi.five-mistakes.yaml");

/** The five, as the stack's error lists them: four problems, then the size typo's warning. */
const FIVE_REPORTED = [
    "StackConfigError: invalid stack configuration:",
    `  azure-persistent-vm:tag: unknown key (did you mean "azure-persistent-vm:tags"?); check the spelling against docs/configuration.md (the stack reads no other key, so its value would be ignored).`,
    `  ${AT(0, "web01")}.securityType: "TrustedLanch" is not a security type; use "TrustedLaunch" or "Standard".`,
    `  ${AT(1, "app01")}.osDisk.sizeGb: expected number, got a string of 3 characters (not shown).`,
    `  ${AT(0, "web01")}.zone: "1" is set, but westus has no availability zones (leave zone unset).`,
    "warnings (what the rules could not check):",
    `  ${AT(1, "app01")}.size: ${D2S_V9}`,
].join("\n");

describe("GIVEN a config file with five mistakes of five kinds WHEN the stack program runs as pulumi preview runs it", () => {
    let run: ProgramRun;
    beforeAll(async () => {
        run = await devRun({ configFile: FIVE_MISTAKES });
    });

    it("THEN one error reports all five, and nothing but the stack is registered", () => {
        expect(run.exitCode).not.toBe(0);
        const errors = run.logs.filter((l) => l.severity === "error").map((l) => l.message).join("\n");
        expect(errors).toContain(FIVE_REPORTED);
        expect(inventory(run.registrations)).toEqual(["pulumi:pulumi:Stack::azure-persistent-vm-dev"]);
    });

    it("THEN the plan command's outcome is that error, all five and nothing else", () => {
        const outcome = planOfRun(run, { typeCheckMs: 0, programMs: 0 });
        expect(outcome.ok ? "planned" : outcome.message).toBe(FIVE_REPORTED);
    });
});
