/**
 * Secrets in places that every read of a VM returns, and boot data that turns password sign-in on: an extension's
 * public settings, a Run Command's plain parameters, script and blob URLs, and cloud-init in custom data or user data.
 * Each is checked as its azure-native type, through resources.Resource and in a resources.Deployment template. Not
 * proved here: secrets the heuristics cannot see (a random string under an innocent name, a script that builds a
 * password from parts, cloud-init in MIME parts), which the rules' comments and docs/policy-pack.md state.
 */
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import * as rules from "../../policy/rules";
import type { Registration } from "../../tools/recorder/recorder";
import { policy, violationsOf } from "../support/policy-args";
import { IN_TEMPLATE, asDeployment, asGenericResource, bare, labelOf } from "./arm-forms";

const EXTENSION = "azure-native:compute:VirtualMachineExtension";
const RUN_COMMAND = "azure-native:compute:VirtualMachineRunCommandByVirtualMachine";
const VM = "azure-native:compute:VirtualMachine";
const MOVE = "move it to protectedSettings, which Azure encrypts and never returns.";
const PROTECT = "have the script read it from Key Vault with the VM's managed identity, or pass it in protectedParameters, which Azure encrypts and never returns but on Windows hands to the script as command-line arguments.";
const KEYS_ONLY = "remove it, so the VM accepts SSH keys only.";

function extension(settings: Record<string, unknown>): Registration {
    return bare(EXTENSION, "web01-setup", {
        resourceGroupName: "rg", vmName: "web01", vmExtensionName: "setup", publisher: "Microsoft.Azure.Extensions", type: "CustomScript",
        typeHandlerVersion: "2.1", settings, protectedSettings: { commandToExecute: "./setup.sh" },
    });
}

function runCommand(inputs: Record<string, unknown>): Registration {
    return bare(RUN_COMMAND, "web01-setup", { resourceGroupName: "rg", vmName: "web01", runCommandName: "setup", source: { script: "echo ready" }, ...inputs });
}

function vm(osProfile: Record<string, unknown>, userData?: string): Registration {
    const linux = { disablePasswordAuthentication: true, provisionVMAgent: true, ssh: { publicKeys: [{ path: "/home/azureuser/.ssh/authorized_keys", keyData: "ssh-ed25519 AAAA" }] } };
    return bare(VM, "web01-vm", {
        resourceGroupName: "rg", vmName: "web01", osProfile: { computerName: "web01", adminUsername: "azureuser", linuxConfiguration: linux, ...osProfile },
        ...(userData === undefined ? {} : { userData }),
    });
}

const base64 = (text: string) => Buffer.from(text).toString("base64");

interface Case {
    readonly policy: string;
    readonly when: string;
    readonly resource: () => Registration;
    readonly messages: readonly string[];
}

const CASES: readonly Case[] = [
    {
        policy: rules.EXTENSION_NO_PUBLIC_SECRETS, when: "a CustomScript command passes a password on its command line",
        resource: () => extension({ commandToExecute: "powershell -File setup.ps1 -Password 'S3cret!'" }),
        messages: [`settings.commandToExecute passes "-Password" a literal value; ${MOVE}`],
    },
    {
        policy: rules.EXTENSION_NO_PUBLIC_SECRETS, when: "a CustomScript downloads its script through a SAS URL",
        resource: () => extension({ fileUris: ["https://acct.blob.core.windows.net/s/setup.sh?sv=2024-01-01&sr=b&sig=AbC%3D"], commandToExecute: "bash setup.sh" }),
        messages: [`settings.fileUris[0] holds a SAS token (a URL with sig=); ${MOVE}`],
    },
    {
        policy: rules.EXTENSION_NO_PUBLIC_SECRETS, when: "settings carry adminPwd, a connectionString and an account key under an innocent name",
        resource: () => extension({ adminPwd: "S3cret!", connectionString: "Server=tcp:db;Database=app", storage: "DefaultEndpointsProtocol=https;AccountName=a;AccountKey=abc==" }),
        messages: [
            `settings.adminPwd has a value under a key that names a secret; ${MOVE}`,
            `settings.connectionString has a value under a key that names a secret; ${MOVE}`,
            `settings.storage holds a key in a connection string (AccountKey= or SharedAccessKey=); ${MOVE}`,
        ],
    },
    {
        policy: rules.EXTENSION_NO_PUBLIC_SECRETS, when: "a CustomScript's base64 script sets a password",
        resource: () => extension({ script: base64("#!/bin/sh\nDB_PASSWORD=hunter2 ./install.sh\n") }),
        messages: [`settings.script passes "DB_PASSWORD" a literal value; ${MOVE}`],
    },
    {
        policy: rules.RUN_COMMAND_NO_PLAIN_SECRETS, when: "a Run Command takes the admin password as a plain parameter",
        resource: () => runCommand({ parameters: [{ name: "user", value: "azureuser" }, { name: "adminPassword", value: "S3cret!" }] }),
        messages: [`parameters[1] ("adminPassword") has a value under a name that names a secret; ${PROTECT}`],
    },
    {
        policy: rules.RUN_COMMAND_NO_PLAIN_SECRETS, when: "a Run Command's script holds a password and a SAS URL, and its output goes to a SAS URL",
        resource: () => runCommand({
            source: { script: "$password = 'P@ssw0rd'\nmysql -u root --password=hunter2\nInvoke-WebRequest 'https://a.blob.core.windows.net/c/x?sig=abc'" },
            outputBlobUri: "https://a.blob.core.windows.net/logs/out.txt?sv=2024-01-01&sig=def",
        }),
        messages: [
            `source.script holds a SAS token (a URL with sig=); ${PROTECT}`,
            `source.script passes "--password" a literal value; ${PROTECT}`,
            `source.script passes "password" a literal value; ${PROTECT}`,
            "outputBlobUri holds a SAS token (a URL with sig=); give the blob's access through outputBlobManagedIdentity instead.",
        ],
    },
    {
        policy: rules.VM_BOOT_DATA_NO_PASSWORD_SIGN_IN, when: "cloud-init in custom data turns SSH password sign-in on and sets passwords with chpasswd",
        resource: () => vm({ customData: base64("#cloud-config\nssh_pwauth: True\nchpasswd:\n  list: |\n    root:hunter2\n  expire: False\n") }),
        messages: [
            `osProfile.customData sets ssh_pwauth: true, which turns SSH password sign-in on; ${KEYS_ONLY}`,
            `osProfile.customData sets passwords with chpasswd (list or users); ${KEYS_ONLY}`,
        ],
    },
    {
        policy: rules.VM_BOOT_DATA_NO_PASSWORD_SIGN_IN, when: "gzip-compressed user data writes PasswordAuthentication yes into sshd's configuration",
        resource: () => vm({}, gzipSync(Buffer.from("#cloud-config\nwrite_files:\n  - path: /etc/ssh/sshd_config.d/50-pw.conf\n    content: |\n      PasswordAuthentication yes\n")).toString("base64")),
        messages: [`userData writes PasswordAuthentication yes, which turns SSH password sign-in on in sshd; ${KEYS_ONLY}`],
    },
    {
        policy: rules.VM_BOOT_DATA_NO_PASSWORD_SIGN_IN, when: "custom data includes its configuration from a URL",
        resource: () => vm({ customData: base64("#include\nhttps://example.com/cloud-config.yaml\n") }),
        messages: ["osProfile.customData starts with #include, so cloud-init fetches its configuration from URLs the pack cannot read; put the configuration in the data itself, so it can be checked."],
    },
];

const FORMS = [
    { form: "its azure-native type", wrap: (r: Registration) => r, label: () => "" },
    { form: "resources.Resource", wrap: asGenericResource, label: (r: Registration) => labelOf(r) },
    { form: "a resources.Deployment template", wrap: asDeployment, label: (r: Registration) => labelOf(r, IN_TEMPLATE) },
] as const;

describe.each(FORMS)("GIVEN an extension, a Run Command or a VM declared as $form", ({ wrap, label }) => {
    it.each(CASES.map((c) => [c.policy, c.when, c] as const))("THEN %s reports it WHEN %s, never the value", async (_name, _when, c) => {
        const r = c.resource();
        const found = await violationsOf(policy(c.policy), wrap(r));
        expect(found).toEqual(c.messages.map((m) => `${label(r)}${m}`));
        expect(found.join("\n")).not.toMatch(/S3cret|hunter2|P@ssw0rd|sig=[A-Za-z]|AccountKey=abc/);
    });
});

describe("GIVEN values that look alike but carry no secret", () => {
    it.each([
        ["a password read from a file or a variable", extension({ commandToExecute: "./setup.sh --password-file /etc/pw -Password $env:PW --token=$(cat /run/token)" })],
        ["an SSH public key, a key vault name and the Key Vault extension's settings", extension({
            publicKey: "ssh-ed25519 AAAA", keyVaultName: "kv-apps", commandToExecute: "./setup.sh",
            secretsManagementSettings: { pollingIntervalInS: "3600", observedCertificates: ["https://kv-apps.vault.azure.net/secrets/web"] },
        })],
        ["a Run Command that names the Key Vault secret it reads", runCommand({ parameters: [{ name: "VaultName", value: "kv-apps" }, { name: "SecretName", value: "dc01-safe-mode" }] })],
        ["a promotion script that takes its password as a protected parameter", runCommand({
            source: { script: "param([string]$SafeModePasswordBase64)\n$safeMode = ConvertTo-SecureString -String $x -AsPlainText -Force\nInstall-ADDSForest -SafeModeAdministratorPassword $safeMode" },
            protectedParameters: [{ name: "SafeModePasswordBase64", value: "c2VjcmV0" }],
        })],
        ["cloud-init that keeps password sign-in off", vm({ customData: base64("#cloud-config\nssh_pwauth: false\nchpasswd:\n  expire: false\nruncmd:\n  - sed -i 's/^#\\?PasswordAuthentication .*/PasswordAuthentication no/' /etc/ssh/sshd_config\n") })],
    ])("WHEN %s THEN nothing is reported", async (_what, r) => {
        for (const name of [rules.EXTENSION_NO_PUBLIC_SECRETS, rules.RUN_COMMAND_NO_PLAIN_SECRETS, rules.VM_BOOT_DATA_NO_PASSWORD_SIGN_IN]) {
            expect([name, await violationsOf(policy(name), r)]).toEqual([name, []]);
        }
    });
});
