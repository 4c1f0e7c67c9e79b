/**
 * Run Commands (managed, on a VM or a scale set's instance) carry no secret in the open: their parameters, script and
 * blob URLs are returned by every read of the VM and kept in plain text in the stack's state. protectedParameters are
 * encrypted, but on Windows the agent passes them to the script as arguments (a process command line), so the
 * message points to Key Vault first.
 */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { filled, isSecretKey, secretsInText } from "./secrets";
import { VMSS_VM_RUN_COMMAND, VM_RUN_COMMAND, field, items, resourceRule, show } from "./support";

export const RUN_COMMAND_NO_PLAIN_SECRETS = "apvm-run-command-no-plain-secrets";

const PROTECT = "have the script read it from Key Vault with the VM's managed identity, or pass it in protectedParameters, which Azure encrypts and never returns but on Windows hands to the script as command-line arguments";

/** Blob URLs a Run Command may name, each with the managed-identity setting that replaces a SAS token in it. */
const BLOB_URLS = [
    { path: ["source", "scriptUri"], identity: "source.scriptUriManagedIdentity" },
    { path: ["outputBlobUri"], identity: "outputBlobManagedIdentity" },
    { path: ["errorBlobUri"], identity: "errorBlobManagedIdentity" },
] as const;

export const RUN_COMMAND_POLICIES: ResourceValidationPolicy[] = [
    resourceRule({
        name: RUN_COMMAND_NO_PLAIN_SECRETS,
        description: "A Run Command carries no secret in its plain parameters, its script or its blob URLs: the script reads secrets from Key Vault.",
        // Mandatory: plain parameters and the script are returned by every read of the VM and kept in the stack's state.
        enforcementLevel: "mandatory",
        types: [VM_RUN_COMMAND, VMSS_VM_RUN_COMMAND],
        check: (props, _args, report) => {
            items(props["parameters"]).forEach((parameter, i) => {
                const name = field(parameter, "name");
                const value = field(parameter, "value");
                const at = `parameters[${i}] (${show(name)})`;
                if (typeof name === "string" && isSecretKey(name) && filled(value)) {
                    report(`${at} has a value under a name that names a secret; ${PROTECT}.`);
                } else if (typeof value === "string") {
                    secretsInText(value).forEach((why) => report(`${at}.value ${why}; ${PROTECT}.`));
                }
            });
            const script = field(props, "source", "script");
            if (typeof script === "string") {
                secretsInText(script).forEach((why) => report(`source.script ${why}; ${PROTECT}.`));
            }
            for (const { path, identity } of BLOB_URLS) {
                const url = field(props, ...path);
                if (typeof url === "string" && /[?&]sig=/i.test(url)) {
                    report(`${path.join(".")} holds a SAS token (a URL with sig=); give the blob's access through ${identity} instead.`);
                }
            }
        },
    }),
];
