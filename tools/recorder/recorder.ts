/**
 * The one recorder: a subclass of the SDK's own MockMonitor that keeps every registration the engine would receive,
 * with the resource options that never reach `Mocks.newResource` (protect, retainOnDelete, deleteBeforeReplace,
 * ignoreChanges, replaceOnChanges, dependencies, import id). It serves two transports: in process, installed with
 * the SDK's `setMockOptions` (see `installRecorder`), and over the SDK's resource-monitor gRPC protocol to the SDK's
 * real program runner in a child process (see `program.ts`). It records; it never deploys. The ids and outputs it
 * returns are visibly placeholders built from names.
 */
import type * as pulumi from "@pulumi/pulumi";
import { MockMonitor, type MockCallArgs, type MockResourceArgs, type MockResourceResult } from "@pulumi/pulumi/runtime/mocks";
import {
    deserializeProperties, deserializeProperty, isRpcSecret, serializeProperties, specialSecretSig, specialSigKey, unknownValue, unwrapRpcSecret,
} from "@pulumi/pulumi/runtime/rpc";
import * as settings from "@pulumi/pulumi/runtime/settings";
import { isUnknown } from "@pulumi/pulumi/output";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { Alias } from "@pulumi/pulumi/proto/alias_pb";
import {
    ReadResourceResponse, ResourceInvokeResponse, SupportsFeatureResponse, type ReadResourceRequest, type RegisterResourceOutputsRequest,
    type RegisterResourceRequest, type ResourceInvokeRequest, type SupportsFeatureRequest,
} from "@pulumi/pulumi/proto/resource_pb";

/** A placeholder subscription id: all zeros, so no one mistakes a recorded id for a real one. */
export const PLACEHOLDER_SUBSCRIPTION = "00000000-0000-0000-0000-000000000000";

/** The tenant of every managed identity the recorder makes up. */
export const PLACEHOLDER_TENANT = "placeholder-tenant-id";

/**
 * Whether a string is one of the recorder's made-up outputs (a placeholder id, private IP, principal id, key or
 * password): what a deployed stack holds there is the real resource's output.
 */
export function isPlaceholder(s: string): boolean {
    return /placeholder|principal-id-of-|private-ip-of-|random-string-of-/.test(s) || s.includes(`/subscriptions/${PLACEHOLDER_SUBSCRIPTION}/`);
}

/**
 * What marks an answer the recorder cannot give offline: a provider function's result (invoke), another stack's
 * outputs (StackReference), an existing resource's state (`get`) and what a dynamic provider computes. The program
 * receives Pulumi's own unknown value there, as in a preview whose engine has not got the value yet, so what it takes
 * from them prints as "[unknown]"; the run logs one warning per source, starting with its name and this phrase.
 */
export const UNKNOWN_OFFLINE = "unknown offline";

/** The warnings the recorder logs for what it cannot answer offline (see UNKNOWN_OFFLINE). */
export const offlineWarnings = {
    invoke: (token: string) =>
        `invoke ${token}: its result is ${UNKNOWN_OFFLINE} (the plan calls no provider function); what the program takes from it prints as [unknown], and a plain (non-Output) invoke gets an empty result`,
    stackReference: (name: string, stack: string) =>
        `StackReference "${name}" (stack ${stack}): its outputs are ${UNKNOWN_OFFLINE} (the plan reads no other stack); what the program takes from them prints as [unknown]`,
    read: (type: string, name: string) =>
        `${type} "${name}", read with get(): its state is ${UNKNOWN_OFFLINE} (the plan reads nothing from the cloud); its outputs print as [unknown]`,
    dynamic: (name: string) =>
        `dynamic resource "${name}": its provider is not run offline, so what it would compute is ${UNKNOWN_OFFLINE}; outputs that are not among its inputs print as [unknown]`,
};

/** The type of a StackReference's read, and the prefix of a dynamic provider's resources. */
const STACK_REFERENCE = "pulumi:pulumi:StackReference";
const DYNAMIC_PREFIX = "pulumi-nodejs:dynamic:";

/**
 * The options the engine would apply. `protect` and `retainOnDelete` are optional in the protocol; the SDK has
 * already copied `protect` from the parent when the resource did not set it, and an option still unset means false
 * for a resource being created (for an existing one the engine keeps the value in its state).
 */
export interface RecordedOptions {
    readonly protect: boolean;
    readonly retainOnDelete: boolean;
    readonly deleteBeforeReplace: boolean;
    readonly ignoreChanges: readonly string[];
    readonly replaceOnChanges: readonly string[];
    /** Direct dependencies (explicit `dependsOn` and those implied by inputs), as URNs. */
    readonly dependencies: readonly string[];
    /** The id given with the `import` option, or null. */
    readonly import: string | null;
    /** Aliases as the engine receives them: an old URN, or a spec of name, type, parent, stack and project. */
    readonly aliases: readonly RecordedAlias[];
    /** `replaceWith`: the URNs of the resources whose replacement replaces this one. */
    readonly replaceWith: readonly string[];
    /** `replacementTrigger`, deserialized (secrets still wrapped); undefined when not set. */
    readonly replacementTrigger: unknown;
    /** `deletedWith`: the URN of the resource whose deletion makes this one's unnecessary, or null. */
    readonly deletedWith: string | null;
}

/** One alias: an old URN, or the parts of one (unset parts mean "the same as the resource's own"). */
export type RecordedAlias =
    | { readonly urn: string }
    | { readonly name?: string; readonly type?: string; readonly parentUrn?: string; readonly noParent?: boolean; readonly stack?: string; readonly project?: string };

export interface Registration {
    /** The URN the monitor answered with (set once the registration completed). */
    urn: string;
    /** The id the recorder answered with: a placeholder, empty for components. */
    id: string;
    readonly type: string;
    readonly name: string;
    readonly parent: string | null;
    readonly custom: boolean;
    /** Inputs with secrets unwrapped; `secretPaths` says where they were. */
    readonly inputs: Record<string, unknown>;
    /** Paths (`osProfile`, `result`) whose values arrived as secrets. */
    readonly secretPaths: readonly string[];
    /** Inputs as the engine receives them, secrets still wrapped (see `redact`). */
    readonly rawInputs: Record<string, unknown>;
    /** Input name -> the URNs of the resources that input depends on. */
    readonly propertyDependencies: Readonly<Record<string, readonly string[]>>;
    readonly options: RecordedOptions;
}

/** What prints in place of a secret and of a value not known until deployment. */
export const SECRET = "[secret]";
export const UNKNOWN = "[unknown]";

/**
 * A copy of a deserialized value with every secret replaced by "[secret]" and every unknown by "[unknown]" (the wire's
 * unknown, or the SDK's Unknown marker, `{ __pulumiUnknown: true }`, that deserializing it with unknowns kept gives).
 */
export function redact(value: unknown): unknown {
    if (isRpcSecret(value)) {
        return SECRET;
    }
    if (value === unknownValue || isUnknown(value)) {
        return UNKNOWN;
    }
    if (Array.isArray(value)) {
        return value.map(redact);
    }
    if (value !== null && typeof value === "object") {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redact(v)]));
    }
    return value;
}

export interface LogEntry {
    readonly severity: "debug" | "info" | "warning" | "error";
    readonly message: string;
    readonly urn: string;
}

type Callback = (err: unknown, response: unknown) => void;

/**
 * Azure resource-provider paths for the placeholder ids of the types the project registers; a child resource names
 * its parent's path and name input (`under`).
 */
const AZURE_PATHS: Readonly<Record<string, { path: string; nameInput: string; under?: { path: string; nameInput: string } }>> = {
    "azure-native:resources:ResourceGroup": { path: "", nameInput: "resourceGroupName" },
    "azure-native:compute:VirtualMachine": { path: "Microsoft.Compute/virtualMachines", nameInput: "vmName" },
    "azure-native:compute:VirtualMachineExtension": {
        path: "extensions", nameInput: "vmExtensionName", under: { path: "Microsoft.Compute/virtualMachines", nameInput: "vmName" },
    },
    "azure-native:compute:VirtualMachineRunCommandByVirtualMachine": {
        path: "runCommands", nameInput: "runCommandName", under: { path: "Microsoft.Compute/virtualMachines", nameInput: "vmName" },
    },
    "azure-native:compute:VirtualMachineScaleSet": { path: "Microsoft.Compute/virtualMachineScaleSets", nameInput: "vmScaleSetName" },
    "azure-native:compute:Disk": { path: "Microsoft.Compute/disks", nameInput: "diskName" },
    "azure-native:network:NetworkInterface": { path: "Microsoft.Network/networkInterfaces", nameInput: "networkInterfaceName" },
    "azure-native:network:VirtualNetwork": { path: "Microsoft.Network/virtualNetworks", nameInput: "virtualNetworkName" },
    "azure-native:network:NetworkSecurityGroup": { path: "Microsoft.Network/networkSecurityGroups", nameInput: "networkSecurityGroupName" },
    "azure-native:network:PublicIPAddress": { path: "Microsoft.Network/publicIPAddresses", nameInput: "publicIpAddressName" },
    "azure-native:network:BastionHost": { path: "Microsoft.Network/bastionHosts", nameInput: "bastionHostName" },
    "azure-native:network:Subnet": { path: "subnets", nameInput: "subnetName", under: { path: "Microsoft.Network/virtualNetworks", nameInput: "virtualNetworkName" } },
    "azure-native:recoveryservices:Vault": { path: "Microsoft.RecoveryServices/vaults", nameInput: "vaultName" },
    "azure-native:recoveryservices:ProtectionPolicy": {
        path: "backupPolicies", nameInput: "policyName", under: { path: "Microsoft.RecoveryServices/vaults", nameInput: "vaultName" },
    },
};

/**
 * A secret output as the engine sends one (the SDK's wire form of a secret), so that the program receives a secret;
 * built by hand, since the SDK's `pulumi.secret` would load the whole SDK into the plan's own process.
 */
function secretOutput(value: string): Record<string, string> {
    return { [specialSigKey]: specialSecretSig, value };
}

/** Outputs Azure or a provider computes, as placeholders derived from the resource's name. */
function placeholderState(type: string, name: string, azureName: string, inputs: Record<string, unknown>): Record<string, unknown> {
    switch (type) {
        case "azure-native:network:NetworkInterface": {
            const configs = Array.isArray(inputs["ipConfigurations"]) ? (inputs["ipConfigurations"] as Record<string, unknown>[]) : [];
            return { ipConfigurations: configs.map((c) => ({ ...c, privateIPAddress: `private-ip-of-${azureName}` })) };
        }
        case "azure-native:compute:VirtualMachine": {
            const storage = (inputs["storageProfile"] ?? {}) as Record<string, unknown>;
            const osDisk = (storage["osDisk"] ?? {}) as Record<string, unknown>;
            // Azure names an OS disk it creates from an image; an attached one keeps its own name.
            const attachedId = (osDisk["managedDisk"] as { id?: unknown } | undefined)?.id;
            const osDiskName = typeof attachedId === "string" ? (attachedId.split("/").pop() ?? attachedId) : `${azureName}_OsDisk_1_placeholder`;
            return {
                identity: { ...(inputs["identity"] as object | undefined), principalId: `principal-id-of-${azureName}`, tenantId: PLACEHOLDER_TENANT },
                storageProfile: { ...storage, osDisk: { ...osDisk, name: osDiskName } },
            };
        }
        // A fleet's instances use the scale set's identity, as a VM uses its own.
        case "azure-native:compute:VirtualMachineScaleSet":
            return { identity: { ...(inputs["identity"] as object | undefined), principalId: `principal-id-of-${azureName}`, tenantId: PLACEHOLDER_TENANT } };
        case "random:index/randomString:RandomString":
            return { result: `random-string-of-${name}` };
        // The providers mark these outputs secret, and the engine returns them as secrets; so does the recorder.
        case "random:index/randomPassword:RandomPassword":
            return { result: secretOutput(`placeholder-password-of-${name}`) };
        case "tls:index/privateKey:PrivateKey":
            return {
                publicKeyOpenssh: `ssh-ed25519 placeholder-public-key-of-${name}\n`,
                privateKeyOpenssh: secretOutput(`placeholder-private-key-of-${name}`),
                privateKeyPem: secretOutput(`placeholder-private-key-pem-of-${name}`),
            };
        default:
            return {};
    }
}

function placeholderResource(args: MockResourceArgs): MockResourceResult {
    if (!args.custom) {
        return { id: undefined, state: {} };
    }
    const azure = AZURE_PATHS[args.type];
    const azureName = azure !== undefined && typeof args.inputs[azure.nameInput] === "string" ? (args.inputs[azure.nameInput] as string) : args.name;
    const group = typeof args.inputs["resourceGroupName"] === "string" ? (args.inputs["resourceGroupName"] as string) : "placeholder-rg";
    let id = `placeholder-id-of-${args.name}`;
    if (azure !== undefined) {
        const base = `/subscriptions/${PLACEHOLDER_SUBSCRIPTION}/resourceGroups/${group}`;
        id = azure.path === "" ? base
            : azure.under !== undefined ? `${base}/providers/${azure.under.path}/${String(args.inputs[azure.under.nameInput])}/${azure.path}/${azureName}`
            : `${base}/providers/${azure.path}/${azureName}`;
    }
    const named = azure !== undefined ? { name: azureName } : {};
    return { id, state: { ...args.inputs, ...named, ...placeholderState(args.type, args.name, azureName, args.inputs) } };
}

/** Removes secret wrappers, noting where each one was. */
function unwrapSecrets(value: unknown, path: string, found: string[]): unknown {
    if (isRpcSecret(value)) {
        found.push(path);
        return unwrapSecrets(unwrapRpcSecret(value), path, []);
    }
    if (Array.isArray(value)) {
        return value.map((item, index) => unwrapSecrets(item, `${path}[${index}]`, found));
    }
    if (value !== null && typeof value === "object") {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unwrapSecrets(v, path === "" ? k : `${path}.${k}`, found)]));
    }
    return value;
}

function record(req: RegisterResourceRequest): Registration {
    const secretPaths: string[] = [];
    const object = req.getObject();
    const raw = object ? (deserializeProperties(object, true) as Record<string, unknown>) : {};
    const inputs = unwrapSecrets(raw, "", secretPaths) as Record<string, unknown>;
    const propertyDependencies: Record<string, string[]> = {};
    req.getPropertydependenciesMap().forEach((deps, key) => {
        propertyDependencies[key] = deps.getUrnsList();
    });
    return {
        urn: "",
        id: "",
        type: req.getType(),
        name: req.getName(),
        parent: req.getParent() || null,
        custom: req.getCustom(),
        inputs,
        secretPaths,
        rawInputs: raw,
        propertyDependencies,
        options: {
            // Both are optional in the protocol: absent means "not set", which the engine treats as false.
            protect: req.getProtect() ?? false,
            retainOnDelete: req.getRetainondelete() ?? false,
            deleteBeforeReplace: req.getDeletebeforereplace(),
            ignoreChanges: req.getIgnorechangesList(),
            replaceOnChanges: req.getReplaceonchangesList(),
            dependencies: req.getDependenciesList(),
            import: req.getImportid() || null,
            aliases: [...req.getAliasurnsList().map((urn) => ({ urn })), ...req.getAliasesList().map(aliasOf)],
            replaceWith: req.getReplaceWithList(),
            replacementTrigger: req.hasReplacementTrigger() ? deserializeProperty(req.getReplacementTrigger()?.toJavaScript(), true) : undefined,
            deletedWith: req.getDeletedwith() || null,
        },
    };
}

function aliasOf(alias: Alias): RecordedAlias {
    if (alias.getAliasCase() === Alias.AliasCase.URN) {
        return { urn: alias.getUrn() };
    }
    const spec = alias.getSpec();
    if (spec === undefined) {
        return {};
    }
    const parts = {
        name: spec.getName() || undefined,
        type: spec.getType() || undefined,
        stack: spec.getStack() || undefined,
        project: spec.getProject() || undefined,
        parentUrn: spec.getParenturn() || undefined,
        noParent: spec.getNoparent() || undefined,
    };
    return Object.fromEntries(Object.entries(parts).filter(([, v]) => v !== undefined));
}

/** The URN the engine gives a resource: a child's type is qualified by its parent's, as the SDK's MockMonitor does. */
function urnOf(parent: string, type: string, name: string): string {
    const parentType = parent === "" ? undefined : parent.split("::")[2]?.split("$").pop();
    const qualified = parentType === undefined ? type : `${parentType}$${type}`;
    return `urn:pulumi:${settings.getStack()}::${settings.getProject()}::${qualified}::${name}`;
}

export class Recorder extends MockMonitor {
    readonly registrations: Registration[] = [];
    readonly logs: LogEntry[] = [];
    /** Outputs each resource registered (`registerOutputs`), by URN, deserialized with secrets still wrapped. */
    readonly outputs = new Map<string, Record<string, unknown>>();

    constructor() {
        super({
            newResource: placeholderResource,
            call: (args: MockCallArgs) => {
                throw new Error(`unexpected call to ${args.token}: the recorder answers no function calls`);
            },
        });
    }

    /** Logs a warning once (a program may invoke the same function many times). */
    private warnOnce(message: string): void {
        if (!this.logs.some((l) => l.severity === "warning" && l.message === message)) {
            this.logs.push({ severity: "warning", message, urn: "" });
        }
    }

    override async registerResource(req: RegisterResourceRequest, callback: Callback): Promise<void> {
        const registration = record(req);
        this.registrations.push(registration);
        if (registration.type.startsWith(DYNAMIC_PREFIX)) {
            this.warnOnce(offlineWarnings.dynamic(registration.name));
        }
        return super.registerResource(req, (err: unknown, response: unknown) => {
            if (response && typeof response === "object" && "getUrn" in response && typeof response.getUrn === "function") {
                registration.urn = String(response.getUrn());
            }
            if (response && typeof response === "object" && "getId" in response && typeof response.getId === "function") {
                registration.id = String(response.getId());
            }
            callback(err, response);
        });
    }

    /**
     * A provider function cannot be called offline: the answer is the one the engine gives when it declines an invoke
     * (the result is wholly unknown). The SDK's own lookup of a registered resource is answered as the base class does.
     */
    override async invoke(req: ResourceInvokeRequest, callback: Callback): Promise<void> {
        if (req.getTok() === "pulumi:pulumi:getResource") {
            return super.invoke(req, callback);
        }
        this.warnOnce(offlineWarnings.invoke(req.getTok()));
        callback(null, new ResourceInvokeResponse().setUnknown(true));
    }

    /**
     * A read (`StackReference`, `Resource.get`) cannot look anything up offline: every output but the inputs is left
     * out, which a preview resolves as unknown; a StackReference's outputs are the unknown value itself.
     */
    override async readResource(req: ReadResourceRequest, callback: Callback): Promise<void> {
        try {
            const type = req.getType();
            const name = req.getName();
            const properties = req.getProperties();
            const inputs = properties ? (deserializeProperties(properties) as Record<string, unknown>) : {};
            const referenced = typeof inputs["name"] === "string" ? inputs["name"] : name;
            const state: Record<string, unknown> = type === STACK_REFERENCE
                ? { name: referenced, outputs: unknownValue, secretOutputNames: unknownValue }
                : {};
            this.warnOnce(type === STACK_REFERENCE ? offlineWarnings.stackReference(name, referenced) : offlineWarnings.read(type, name));
            const urn = urnOf(req.getParent(), type, name);
            const serialized = await serializeProperties("", state);
            this.resources.set(urn, { urn, id: req.getId() || null, state: serialized });
            callback(null, new ReadResourceResponse().setUrn(urn).setProperties(Struct.fromJavaScript(serialized)));
        } catch (err) {
            callback(err, undefined);
        }
    }

    // The base class answers these with plain objects, which work in process but cannot cross gRPC.
    override supportsFeature(req: SupportsFeatureRequest, callback: Callback): void {
        callback(null, new SupportsFeatureResponse().setHassupport(req.getId() !== "outputValues"));
    }

    override registerResourceOutputs(req: RegisterResourceOutputsRequest, callback: Callback): void {
        const outputs = req.getOutputs();
        this.outputs.set(req.getUrn(), outputs ? (deserializeProperties(outputs, true) as Record<string, unknown>) : {});
        super.registerResourceOutputs(req, (err: unknown) => callback(err, err ? undefined : new Empty()));
    }

    /** The registrations of one type. */
    ofType(type: string): Registration[] {
        return this.registrations.filter((r) => r.type === type);
    }

    /** The registration with this type and name; throws when there is none. */
    get(type: string, name: string): Registration {
        const found = this.registrations.find((r) => r.type === type && r.name === name);
        if (found === undefined) {
            throw new Error(`no ${type} named "${name}" was registered; registered: ${this.registrations.map((r) => `${r.type}::${r.name}`).join(", ")}`);
        }
        return found;
    }
}

/**
 * Installs a fresh recorder as the in-process monitor, then lets the SDK ask it which features it supports (secrets,
 * resource references, ...), as the SDK does at the start of every real program. Call once per test file, before
 * the program under test is imported.
 */
export async function installRecorder(options: { project?: string; stack?: string; preview?: boolean } = {}): Promise<Recorder> {
    const recorder = new Recorder();
    settings.setMockOptions(recorder, options.project ?? "azure-persistent-vm", options.stack ?? "test", options.preview ?? false);
    // The SDK's own start-up negotiation; it is internal to the SDK, so check it is still there.
    const negotiate: unknown = Reflect.get(settings, "awaitFeatureSupport");
    if (typeof negotiate !== "function") {
        throw new Error("@pulumi/pulumi no longer has runtime/settings.awaitFeatureSupport; update installRecorder");
    }
    await (negotiate as () => Promise<void>)();
    return recorder;
}

/**
 * Waits until every resource the program has constructed so far has been registered: a registration waits for its
 * inputs to resolve, so one that takes an output of another (an extension takes its VM's name) arrives later.
 */
export async function allRegistered(): Promise<void> {
    // The SDK's own wait, which `disconnect` uses; it is internal to the SDK, so check it is still there.
    const wait: unknown = Reflect.get(settings, "waitForRPCs");
    if (typeof wait !== "function") {
        throw new Error("@pulumi/pulumi no longer has runtime/settings.waitForRPCs; update allRegistered");
    }
    await (wait as () => Promise<void>)();
}

/** Resolves an Output's value in tests (mocks resolve every value when not previewing). */
export function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
    return new Promise((resolve) => output.apply((value) => {
        resolve(value);
        return value;
    }));
}
