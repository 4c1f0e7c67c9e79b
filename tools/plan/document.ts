/**
 * The plan as data: what the engine would receive, in a stable order, with every secret redacted. Pure: a recorded
 * program run (and a salt) in, plain data out. The JSON format (`npm run plan -- --json`) is this document, and a
 * saved plan is that JSON: what `--changes-from FILE` reads back (saved-plan.ts).
 */
import type { ProgramRun } from "../recorder/program";
import { SECRET, UNKNOWN, redact, type RecordedOptions, type Registration } from "../recorder/recorder";
import { formatOfCommand, protectionOf } from "../../components/internal";
import { convertValue, newSecretSalt, secretLeaf, sortedDependencies, treeOrder, type OpaqueAt, type SecretAt, type SecretLeaf, type ValuePath } from "./state-of-run";

export { treeOrder };

/** The version of the JSON format; a saved plan of another version is refused (saved-plan.ts). */
export const PLAN_FORMAT_VERSION = 2;

/** The recorded options, with `dependsOn` (what no input implies) in place of the full dependency list. */
export type PlannedOptions = Omit<RecordedOptions, "dependencies"> & {
    /** Dependencies no input implies: the explicit `dependsOn`, as URNs. */
    readonly dependsOn: readonly string[];
};

export interface PlannedResource {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    readonly parent: string | null;
    readonly custom: boolean;
    /** The id the recorder answered with: a placeholder (for Azure types, ARM-shaped under the all-zero subscription); "" for a component. */
    readonly id: string;
    /** Inputs with every secret replaced by "[secret]" and every value unknown until deployment by "[unknown]". */
    readonly inputs: Readonly<Record<string, unknown>>;
    readonly options: PlannedOptions;
    /** Every direct dependency, explicit or through inputs, as URNs. */
    readonly dependencies: readonly string[];
    /** Input name -> the URNs its value came from, keys and URNs sorted. */
    readonly propertyDependencies: Readonly<Record<string, readonly string[]>>;
    /**
     * Each value printed as "[secret]" (in `inputs` or `options.replacementTrigger`): its place, as keys and indices
     * from this resource (`["inputs", "osProfile"]`), and its value with every leaf a salted digest (state-of-run.ts)
     * and every "[secret]" stand-in for an undecrypted `secure:` value `{ "@opaque": "secret" }`.
     */
    readonly secrets: readonly SecretAt[];
    /** Each value outside a secret that cannot be compared offline (unknown until deployment, not JSON, "[secret]" stand-in). */
    readonly opaque: readonly OpaqueAt[];
}

export interface PlanDocument {
    /** The JSON format's version (PLAN_FORMAT_VERSION). */
    readonly formatVersion: typeof PLAN_FORMAT_VERSION;
    /** This document's salt for the digests of secrets, as hex: random per document. */
    readonly secretSalt: string;
    readonly project: string;
    readonly stack: string;
    readonly resources: readonly PlannedResource[];
    /** Stack outputs, redacted like inputs; an exported resource shows its outputs, with "[unknown]" where unknown. */
    readonly outputs: Readonly<Record<string, unknown>>;
}

/** Places found under `inputs` or `options.replacementTrigger`, as paths from the resource. */
function placed<T extends { readonly path: ValuePath }>(prefix: ValuePath, found: readonly T[]): T[] {
    return found.map((f) => ({ ...f, path: [...prefix, ...f.path] }));
}

function planned(r: Registration, leaf: SecretLeaf): PlannedResource {
    const implied = new Set(Object.values(r.propertyDependencies).flat());
    const inputs = convertValue(r.rawInputs, leaf);
    const trigger = r.options.replacementTrigger === undefined ? undefined : convertValue(r.options.replacementTrigger, leaf);
    return {
        urn: r.urn,
        type: r.type,
        name: r.name,
        parent: r.parent,
        custom: r.custom,
        id: r.id,
        inputs: redact(r.rawInputs) as Record<string, unknown>,
        options: {
            protect: r.options.protect,
            retainOnDelete: r.options.retainOnDelete,
            deleteBeforeReplace: r.options.deleteBeforeReplace,
            ignoreChanges: r.options.ignoreChanges,
            replaceOnChanges: r.options.replaceOnChanges,
            dependsOn: r.options.dependencies.filter((urn) => !implied.has(urn)).sort(),
            import: r.options.import,
            aliases: r.options.aliases,
            replaceWith: r.options.replaceWith,
            replacementTrigger: r.options.replacementTrigger === undefined ? undefined : redact(r.options.replacementTrigger),
            deletedWith: r.options.deletedWith,
        },
        dependencies: [...r.options.dependencies].sort(),
        propertyDependencies: sortedDependencies(r.propertyDependencies),
        secrets: [...placed(["inputs"], inputs.secrets), ...placed(["options", "replacementTrigger"], trigger?.secrets ?? [])],
        opaque: [...placed(["inputs"], inputs.opaque), ...placed(["options", "replacementTrigger"], trigger?.opaque ?? [])],
    };
}

/** The plan document of a run; its secrets digested with `secretSalt` (a fresh random one unless given). */
export function planDocument(run: ProgramRun, secretSalt: string = newSecretSalt()): PlanDocument {
    const leaf = secretLeaf({ mode: "digest", salt: secretSalt });
    return {
        formatVersion: PLAN_FORMAT_VERSION,
        secretSalt,
        project: run.project,
        stack: run.stack,
        resources: treeOrder(run.registrations).map((r) => planned(r, leaf)),
        outputs: readable(redact(run.outputs)) as Record<string, unknown>,
    };
}

/**
 * Outputs without the SDK's internal markers. An exported resource (`export const net = new VmNetwork(...)`) reaches
 * the engine as an object of its fields, with an unknown one as the SDK's `Unknown` object itself
 * (`{ "__pulumiUnknown": true }`), and, in a preview, tagged `"@isPulumiResource": true`: the first shows as
 * "[unknown]", like every value unknown until deployment, and the tag is dropped.
 */
function readable(value: unknown): unknown {
    if (Array.isArray(value)) {
        return value.map(readable);
    }
    if (value === null || typeof value !== "object") {
        return value;
    }
    const entries = Object.entries(value);
    if (entries.length === 1 && entries[0]?.[0] === "__pulumiUnknown" && entries[0][1] === true) {
        return UNKNOWN;
    }
    return Object.fromEntries(entries.filter(([key]) => key !== "@isPulumiResource").map(([key, v]) => [key, readable(v)]));
}

/** One data disk of a VM, as the summary shows it. */
export interface DiskSummary {
    readonly key: string;
    readonly lun: number;
    readonly sizeGb: number | undefined;
    readonly sku: string;
    readonly caching: string;
    /** protect, retain or delete, from the disk's resource options; "not owned" for a disk the stack only attaches. */
    readonly protection: string;
    /** How the disk is made: its creationData.createOption (Empty, Copy, Import, ...). */
    readonly source: string;
    /** The level of the management lock on the disk, or "none". */
    readonly lock: string;
    /** Where the guest mounts the disk and with which file system (`/data/logs ext4`), or "none" (attached raw). */
    readonly mount: string;
}

export interface VmSummary {
    readonly name: string;
    readonly os: "linux" | "windows" | "unknown";
    readonly size: string;
    readonly image: string;
    readonly zone: string;
    readonly osDisk: {
        readonly sku: string;
        readonly sizeGb: number | undefined;
        readonly caching: string;
        readonly deleteOption: string;
        /** "image", or for an attached disk its source (Copy, Import, adopted, existing disk). */
        readonly source: string;
    };
    readonly disks: readonly DiskSummary[];
    /** The extension that rotates the administrator's credential (`VMAccessForLinux 1.5`), or "none". */
    readonly access: string;
    /** The domain the VM joins and as whom (`corp.contoso.com as CORP\\joiner, ...`); absent without `domainJoin`. */
    readonly domainJoin?: string;
    /** The backup policy protecting the VM and what happens to its protected item (`<policy id> (retained)`), or "none". */
    readonly backup: string;
}

type Inputs = Readonly<Record<string, unknown>>;

function field(value: unknown, ...path: string[]): unknown {
    return path.reduce<unknown>((v, key) => (v !== null && typeof v === "object" ? (v as Inputs)[key] : undefined), value);
}

function text(value: unknown, fallback = "-"): string {
    return typeof value === "string" || typeof value === "number" ? String(value) : fallback;
}

function osOf(vm: Registration, parent: Registration | undefined): VmSummary["os"] {
    // The OS profile may be a secret; the component that declared the VM says the OS without looking inside it.
    if (parent?.type.endsWith(":LinuxVm")) {
        return "linux";
    }
    if (parent?.type.endsWith(":WindowsVm")) {
        return "windows";
    }
    if (vm.secretPaths.includes("osProfile")) {
        return "unknown";
    }
    return field(vm.inputs, "osProfile", "linuxConfiguration") !== undefined ? "linux"
        : field(vm.inputs, "osProfile", "windowsConfiguration") !== undefined ? "windows" : "unknown";
}

function imageOf(vm: Registration): string {
    if (vm.secretPaths.some((p) => p === "storageProfile" || p.startsWith("storageProfile.imageReference"))) {
        return SECRET;
    }
    if (field(vm.inputs, "storageProfile", "osDisk", "createOption") === "Attach") {
        return "(built from its OS disk)";
    }
    const ref = field(vm.inputs, "storageProfile", "imageReference");
    if (typeof field(ref, "id") === "string") {
        return text(field(ref, "id"));
    }
    return ["publisher", "offer", "sku", "version"].map((k) => text(field(ref, k), "?")).join(":");
}

/** How a disk came to be: its create option, "adopted", or "existing disk" when the stack declares none. */
function sourceOf(disk: Registration | undefined): string {
    return disk === undefined ? "existing disk"
        : disk.options.import !== null ? "adopted" : text(field(disk.inputs, "creationData", "createOption"));
}

/** What the VM's component declared besides the VM, the NIC and the disks: access extension, domain join, format commands, backup. */
function guestOf(parent: Registration | undefined, registrations: readonly Registration[]) {
    const siblings = parent === undefined ? [] : registrations.filter((r) => r.parent === parent.urn);
    const extension = (...types: string[]) => siblings.find((r) => r.type === "azure-native:compute:VirtualMachineExtension" && types.includes(text(field(r.inputs, "type"))));
    const access = extension("VMAccessForLinux", "VMAccessAgent");
    const join = extension("JsonADDomainExtension");
    const backup = siblings.find((r) => r.type === "azure-native:recoveryservices:ProtectedItem");
    const commands = siblings.filter((r) => r.type === "azure-native:compute:VirtualMachineRunCommandByVirtualMachine")
        .map((r) => ({ runCommandName: field(r.inputs, "runCommandName"), script: field(r.inputs, "source", "script") }));
    return {
        access: access === undefined ? "none" : `${text(field(access.inputs, "type"))} ${text(field(access.inputs, "typeHandlerVersion"))}`,
        domainJoin: join === undefined ? undefined : `${text(field(join.inputs, "settings", "Name"))} as ${text(field(join.inputs, "settings", "User"))}, once the domain answers`,
        backup: backup === undefined ? "none"
            : `${text(field(backup.inputs, "properties", "policyId"))}${backup.options.retainOnDelete ? " (retained)" : ""}`,
        /** The disk's format command, recognised by the library's own format plan (never by parsing its script). */
        mountOf: (key: string, lun: number) => {
            const format = commands.map((command) => formatOfCommand(key, lun, command)).find((f) => f !== undefined);
            return format === undefined ? "none" : `${format.mountPoint} ${format.fileSystem}`;
        },
    };
}

/**
 * One summary per VirtualMachine: OS, size, image, zone, OS disk and data disks joined with their Disk resources.
 * A disk's key comes from the declaring component's `dataDiskIds` output where it registered one.
 */
export function vmSummaries(registrations: readonly Registration[], resourceOutputs: ReadonlyMap<string, Readonly<Record<string, unknown>>> = new Map()): VmSummary[] {
    const byUrn = new Map(registrations.map((r) => [r.urn, r]));
    const disksById = new Map(registrations.filter((r) => r.type === "azure-native:compute:Disk").map((r) => [r.id, r]));
    const locksByScope = new Map(registrations.filter((r) => r.type === "azure-native:authorization:ManagementLockByScope")
        .map((r) => [text(field(r.inputs, "scope"), ""), text(field(r.inputs, "level"))]));
    return treeOrder(registrations).filter((r) => r.type === "azure-native:compute:VirtualMachine").map((vm) => {
        const parent = vm.parent !== null ? byUrn.get(vm.parent) : undefined;
        const os = osOf(vm, parent);
        const guest = guestOf(parent, registrations);
        const storage = field(vm.inputs, "storageProfile");
        const osDisk = field(storage, "osDisk");
        const attached = field(storage, "dataDisks");
        const keysById = new Map(Object.entries(field(parent !== undefined ? resourceOutputs.get(parent.urn) : undefined, "dataDiskIds") ?? {})
            .map(([key, id]) => [String(id), key]));
        const disks = (Array.isArray(attached) ? attached : []).map((d: unknown): DiskSummary => {
            const id = text(field(d, "managedDisk", "id"), "");
            const resource = disksById.get(id);
            const key = keysById.get(id) ?? resource?.name ?? id;
            const size = field(resource?.inputs, "diskSizeGB");
            return {
                key,
                lun: Number(field(d, "lun")),
                sizeGb: typeof size === "number" ? size : undefined,
                sku: text(field(resource?.inputs, "sku", "name")),
                caching: text(field(d, "caching"), "default"),
                protection: resource === undefined ? "not owned" : protectionOf(resource.options),
                source: sourceOf(resource),
                lock: locksByScope.get(resource?.id ?? "") ?? "none",
                mount: guest.mountOf(key, Number(field(d, "lun"))),
            };
        });
        const zones = field(vm.inputs, "zones");
        const osResource = disksById.get(text(field(osDisk, "managedDisk", "id"), ""));
        const osSize = field(osDisk, "diskSizeGB") ?? field(osResource?.inputs, "diskSizeGB");
        return {
            name: text(field(vm.inputs, "vmName"), vm.name),
            os,
            size: text(field(vm.inputs, "hardwareProfile", "vmSize")),
            image: imageOf(vm),
            zone: Array.isArray(zones) && zones.length > 0 ? zones.join(",") : "regional",
            osDisk: {
                sku: text(field(osDisk, "managedDisk", "storageAccountType"), text(field(osResource?.inputs, "sku", "name"))),
                sizeGb: typeof osSize === "number" ? osSize : undefined,
                caching: text(field(osDisk, "caching"), "default"),
                deleteOption: text(field(osDisk, "deleteOption"), "default"),
                source: field(osDisk, "createOption") !== "Attach" ? "image" : sourceOf(osResource),
            },
            disks,
            access: guest.access,
            ...(guest.domainJoin !== undefined ? { domainJoin: guest.domainJoin } : {}),
            backup: guest.backup,
        };
    });
}

/** One data disk of a fleet's profile: every instance gets its own, made by Azure. */
export interface FleetDiskSummary {
    readonly lun: string;
    readonly sizeGb: number | undefined;
    readonly sku: string;
    readonly caching: string;
    /** What Azure does with an instance's copy when the instance is deleted: Detach keeps it, Delete deletes it. */
    readonly deleteOption: string;
}

/** What a fleet's instances are made from: its virtualMachineProfile, as far as the summary shows it. */
export interface FleetProfileSummary {
    readonly image: string;
    /** The Application Health extension's probe (`http port 80 /healthz`); absent without one. */
    readonly healthProbe?: string;
    readonly osDisk: { readonly sku: string; readonly sizeGb: number | undefined; readonly caching: string; readonly deleteOption: string };
    readonly disks: readonly FleetDiskSummary[];
}

export interface FleetSummary {
    readonly name: string;
    readonly os: "linux" | "windows" | "unknown";
    readonly size: string;
    /** sku.capacity: a number, "[secret]" or "[unknown]". */
    readonly instances: string;
    /** The zones, comma-separated, or "regional". */
    readonly zones: string;
    readonly orchestrationMode: string;
    /** upgradePolicy.mode; absent when the scale set sends none. */
    readonly upgradeMode?: string;
    /** "[secret]" for a profile the SDK marked secret that no fleet component of this library declared (see fleetSummaries). */
    readonly profile: FleetProfileSummary | typeof SECRET;
}

/** Like `field` over redacted inputs: a secret or unknown value met on the way is the answer. */
function at(value: unknown, ...path: string[]): unknown {
    let v = value;
    for (const key of path) {
        if (v === SECRET || v === UNKNOWN) {
            return v;
        }
        v = field(v, key);
    }
    return v;
}

/** The Application Health extension's probe, as one line, from a scale set's extension profile. */
function healthProbeOf(profile: unknown): string | undefined {
    const extensions = at(profile, "extensionProfile", "extensions");
    const health = (Array.isArray(extensions) ? extensions : [])
        .find((e: unknown) => at(e, "publisher") === "Microsoft.ManagedServices" && /^ApplicationHealth(Linux|Windows)$/.test(text(at(e, "type"), "")));
    if (health === undefined) {
        return undefined;
    }
    const path = at(health, "settings", "requestPath");
    return `${text(at(health, "settings", "protocol"))} port ${text(at(health, "settings", "port"))}${typeof path === "string" ? ` ${path}` : ""}`;
}

/** The summary of a profile; `hideImageId` where a secret profile's image id may have been the secret. */
function fleetProfile(profile: unknown, hideImageId: boolean): FleetProfileSummary {
    const ref = at(profile, "storageProfile", "imageReference");
    const id = at(ref, "id");
    const image = ref === SECRET || ref === UNKNOWN ? ref
        : id !== undefined ? (hideImageId ? SECRET : text(id))
        : ["publisher", "offer", "sku", "version"].map((k) => text(at(ref, k), "?")).join(":");
    const osDisk = at(profile, "storageProfile", "osDisk");
    const dataDisks = at(profile, "storageProfile", "dataDisks");
    const size = (disk: unknown) => {
        const gb = at(disk, "diskSizeGB");
        return typeof gb === "number" ? gb : undefined;
    };
    const healthProbe = healthProbeOf(profile);
    return {
        image,
        ...(healthProbe !== undefined ? { healthProbe } : {}),
        osDisk: {
            sku: text(at(osDisk, "managedDisk", "storageAccountType"), "default"),
            sizeGb: size(osDisk),
            caching: text(at(osDisk, "caching"), "default"),
            deleteOption: text(at(osDisk, "deleteOption"), "default"),
        },
        disks: (Array.isArray(dataDisks) ? dataDisks : []).map((d: unknown): FleetDiskSummary => ({
            lun: text(at(d, "lun")),
            sizeGb: size(d),
            sku: text(at(d, "managedDisk", "storageAccountType"), "default"),
            caching: text(at(d, "caching"), "default"),
            deleteOption: text(at(d, "deleteOption"), "default"),
        })),
    };
}

/**
 * One summary per VirtualMachineScaleSet: size, instance count, zones, modes, and the image and disks of its profile,
 * read from the redacted inputs, so a secret prints as "[secret]". The SDK marks the whole virtualMachineProfile
 * secret when any part of it is (every Windows fleet's: its password is inside). A fleet component of this library
 * takes the profile's structure as plain values (sizes, SKUs, LUNs, caching, delete options, a marketplace image, the
 * probe), so for its scale set those are read from the profile and only a gallery image id, which a program may pass
 * as a secret, prints as "[secret]"; any other scale set's secret profile prints as "[secret]". Credentials, custom
 * data and network ids are never read.
 */
export function fleetSummaries(registrations: readonly Registration[]): FleetSummary[] {
    const byUrn = new Map(registrations.map((r) => [r.urn, r]));
    return treeOrder(registrations).filter((r) => r.type === "azure-native:compute:VirtualMachineScaleSet").map((vmss) => {
        const parent = vmss.parent !== null ? byUrn.get(vmss.parent) : undefined;
        const component = parent?.type.endsWith(":LinuxScaleSet") ? "linux" : parent?.type.endsWith(":WindowsScaleSet") ? "windows" : undefined;
        const inputs = redact(vmss.rawInputs);
        const profile = at(inputs, "virtualMachineProfile");
        const secretProfile = profile === SECRET;
        // As for a VM: the component says the OS; a secret profile is not looked into.
        const os = component ?? (profile === SECRET ? "unknown"
            : at(profile, "osProfile", "linuxConfiguration") !== undefined ? "linux"
            : at(profile, "osProfile", "windowsConfiguration") !== undefined ? "windows" : "unknown");
        const zones = at(inputs, "zones");
        const upgradeMode = at(inputs, "upgradePolicy", "mode");
        return {
            name: text(at(inputs, "vmScaleSetName"), vmss.name),
            os,
            size: text(at(inputs, "sku", "name")),
            instances: text(at(inputs, "sku", "capacity")),
            zones: zones === SECRET || zones === UNKNOWN ? zones : Array.isArray(zones) && zones.length > 0 ? zones.join(",") : "regional",
            orchestrationMode: text(at(inputs, "orchestrationMode"), "not set"),
            ...(upgradeMode !== undefined ? { upgradeMode: text(upgradeMode) } : {}),
            // The plaintext profile is read only for a component's scale set, whose structure is plain values (above).
            profile: !secretProfile ? fleetProfile(profile, false)
                : component !== undefined ? fleetProfile(vmss.inputs["virtualMachineProfile"], true) : SECRET,
        };
    });
}
